// One run of `xiaozhan live`: loads the show, starts the studio with the outputs asked for, takes scenes on
// a timer if asked, reports what happens on stderr, and at the end says what happened as one JSON line.
// A thin front end over live::Studio: the control surface and remote clients drive the same object.
#pragma once

#include "liveoptions.h"
#include "show.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace xz::live {
class Studio;
class StudioRundown;
} // namespace xz::live
namespace xz::remote {
class RemoteServer;
}
namespace xz::rundown {
class RundownController;
struct Rundown;
} // namespace xz::rundown

namespace xz::app {

class LiveSession : public QObject {
    Q_OBJECT
public:
    explicit LiveSession(const LiveOptions& options, QObject* parent = nullptr);
    ~LiveSession() override;

    // Checks everything that can be checked without starting libobs (show file, URLs, cameras).
    // Returns false with messages in errors() when the show cannot start at all.
    bool prepare();
    // Starts the studio and the outputs; returns false if the engine itself could not start.
    bool start();
    // Stops the outputs and waits (running the event loop) until files are complete and remuxed, then
    // shuts the studio down. Safe to call twice.
    void stop();

    // The running studio (null before start() and after stop()), for the control surface.
    live::Studio* studio() const { return studio_.get(); }
    // The rundown it runs (--rundown), null without one; the remote-control server (--control-port).
    rundown::RundownController* rundownController() const;
    remote::RemoteServer* remoteServer() const { return remote_.get(); }
    const show::Show& show() const { return show_; }
    QJsonObject summary() const;
    QStringList errors() const;
    // 0: everything asked for worked; 1: the show ran but an output failed; 2: it could not start.
    int exitCode() const;

signals:
    // The run is over (--duration elapsed).
    void finished();

private:
    void takeNextScene();
    void printStatus();
    void addError(const QString& message);
    bool loadRundown();
    void startRundown();
    void startRemoteControl();

    LiveOptions options_;
    show::Show show_;
    std::unique_ptr<rundown::Rundown> rundown_; // loaded by prepare(), run by start()
    // Destroyed before the studio: they drive it.
    std::unique_ptr<live::Studio> studio_;
    std::unique_ptr<live::StudioRundown> rundownRun_;
    std::unique_ptr<remote::RemoteServer> remote_;
    QTimer durationTimer_;
    QTimer cycleTimer_;
    QTimer statusTimer_;
    QElapsedTimer clock_;
    QJsonObject finalSummary_;
    QStringList errors_;
    QStringList warnings_;
    bool started_ = false;
    bool stopped_ = false;
    bool fatal_ = false;
};

} // namespace xz::app
