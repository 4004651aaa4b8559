// One run of `xiaozhan live`: loads the show, starts the engine, records and streams the program, takes
// scenes on a timer if asked, and at the end reports what happened as one JSON line.
#pragma once

#include "engineerror.h"
#include "liveoptions.h"
#include "show.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <vector>

namespace xz::engine {
class AudioBus;
class ObsRuntime;
class SceneGraph;
class Switcher;
class EncoderSet;
class Recorder;
class Streamer;
class StatsSampler;
} // namespace xz::engine

namespace xz::app {

class CameraStates;

class LiveSession : public QObject {
    Q_OBJECT
public:
    explicit LiveSession(const LiveOptions& options, QObject* parent = nullptr);
    ~LiveSession() override;

    // Checks everything that can be checked without starting libobs (show file, URLs, cameras).
    // Returns false with messages in errors() when the show cannot start at all.
    bool prepare();
    // Starts the engine and outputs; returns false if the engine itself could not start.
    bool start();
    // Stops outputs cleanly (finishing files), then the engine. Safe to call twice.
    void stop();

    QJsonObject summary() const;
    const QStringList& errors() const { return errors_; }
    // 0: everything asked for worked; 1: the show ran but an output failed; 2: it could not start.
    int exitCode() const;

signals:
    void finished();

private:
    void takeNextScene();
    void printStatus();
    void reportCameraChanges();
    void addError(const engine::EngineError& error);

    LiveOptions options_;
    show::Show show_;
    std::unique_ptr<engine::ObsRuntime> runtime_;
    std::unique_ptr<engine::SceneGraph> graph_;
    std::unique_ptr<engine::Switcher> switcher_;
    std::unique_ptr<engine::AudioBus> audio_;
    std::unique_ptr<engine::EncoderSet> encoders_;
    std::unique_ptr<engine::Recorder> recorder_;
    std::vector<std::unique_ptr<engine::Streamer>> streamers_;
    std::unique_ptr<engine::StatsSampler> stats_;
    std::unique_ptr<CameraStates> cameras_;
    QTimer durationTimer_;
    QTimer cycleTimer_;
    QTimer statusTimer_;
    QTimer cameraTimer_;
    QElapsedTimer clock_;
    QJsonObject finalSummary_;
    QStringList errors_;
    QStringList warnings_;
    bool started_ = false;
    bool stopped_ = false;
    bool fatal_ = false;
};

} // namespace xz::app
