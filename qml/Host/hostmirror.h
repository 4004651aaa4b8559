// The host's screen on a second machine in the room: an obs-websocket v5 client of the studio's
// remote-control port that identifies (with the password when the studio asks for one), subscribes to
// vendor events, asks the studio for the rundown's host snapshot (vendor "xiaozhan", GetRundownSnapshot) and
// applies every RundownChanged event to its own HostState, which ticks on between snapshots. A lost studio
// is never shown as a frozen countdown: the HostState says "not connected" at once, the mirror retries with
// a growing pause (0.5 s doubling to 5 s), and a connection that stops answering pings counts as lost.
#pragma once

#include "hoststate.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QWebSocket>
#include <QtQml/qqmlregistration.h>

namespace xz::ui {

class HostMirror : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("xiaozhan host provides the mirror")
    Q_PROPERTY(xz::rundown::HostState* host READ host CONSTANT)
    Q_PROPERTY(QString address READ address CONSTANT)
    // What the host's screen says while it is not mirroring (connecting, wrong password, no rundown).
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(bool mirroring READ mirroring NOTIFY statusChanged)

public:
    inline static const QString kVendor = QStringLiteral("xiaozhan");
    inline static const QString kSnapshotRequest = QStringLiteral("GetRundownSnapshot");
    inline static const QString kChangedEvent = QStringLiteral("RundownChanged");
    static constexpr int kFirstRetryMs = 500;
    static constexpr int kLongestRetryMs = 5000;
    static constexpr int kPingIntervalMs = 2000;
    static constexpr int kSilenceLimitMs = 7000; // no pong, no Hello for this long: the studio is gone

    // hostName and port of the studio's remote-control server; password empty when it needs none.
    HostMirror(const QString& hostName, quint16 port, const QString& password, const rundown::Clock& clock,
               QObject* parent = nullptr);
    ~HostMirror() override;

    // Connects, and keeps reconnecting until destroyed.
    void start();

    rundown::HostState* host() { return &host_; }
    QString address() const;
    QString statusText() const { return statusText_; }
    bool mirroring() const { return mirroring_; }
    // How many connection attempts were made (the tests see the backoff at work).
    int attempts() const { return attempts_; }

signals:
    void statusChanged();

private:
    void connectNow();
    void onMessage(const QString& text);
    void onHello(const QJsonObject& hello);
    void askForSnapshot();
    void onResponse(const QJsonObject& response);
    void onEvent(const QJsonObject& event);
    void applySnapshot(const QJsonObject& snapshot);
    void onDisconnected();
    void checkAlive();
    void setStatus(const QString& text, bool mirroring);
    void send(int op, const QJsonObject& data);

    QString hostName_;
    quint16 port_;
    QString password_;
    rundown::HostState host_;
    QWebSocket socket_;
    QTimer retryTimer_;
    QTimer pingTimer_;
    QTimer askAgainTimer_; // the studio has no rundown yet: ask again now and then
    QElapsedTimer sinceHeard_;
    int retryMs_ = kFirstRetryMs;
    int attempts_ = 0;
    int requestNumber_ = 0;
    QString pendingRequestId_;
    QString statusText_;
    bool mirroring_ = false;
    bool closedForPassword_ = false; // the studio wants a password and none was given
    bool stopping_ = false;
};

} // namespace xz::ui
