// What the host's screen shows: the segment on air (title huge), its countdown (amber at warning, red and
// counting up in overtime), what comes next, notes and script, the show's over/under and expected end, the
// clock, and the operator's message (which may blink or black the screen out). The Host view binds to this
// one type whether it runs in the studio or on a second machine: both are fed snapshots (RundownController
// makes them from the engine; a mirror gets them over the network) and tick on their own between snapshots,
// so a mirror counts down smoothly on the studio's time even when snapshots arrive only when something
// changes.
#pragma once

#include "clock.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace xz::rundown {

class HostState : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The studio or a mirror provides the host's state")
    Q_PROPERTY(QString rundownTitle READ rundownTitle NOTIFY changed)
    Q_PROPERTY(RunState run READ run NOTIFY changed)
    Q_PROPERTY(QString segmentTitle READ segmentTitle NOTIFY changed)
    Q_PROPERTY(QString segmentCue READ segmentCue NOTIFY changed)
    Q_PROPERTY(QString segmentColor READ segmentColor NOTIFY changed)
    Q_PROPERTY(QString nextTitle READ nextTitle NOTIFY changed)
    Q_PROPERTY(QString notes READ notes NOTIFY changed)
    Q_PROPERTY(QStringList script READ script NOTIFY changed)
    Q_PROPERTY(qint64 remainingMs READ remainingMs NOTIFY changed)
    Q_PROPERTY(QString timerText READ timerText NOTIFY changed)
    Q_PROPERTY(bool overtime READ overtime NOTIFY changed)
    Q_PROPERTY(Phase phase READ phase NOTIFY changed)
    Q_PROPERTY(bool paused READ paused NOTIFY changed)
    Q_PROPERTY(bool held READ held NOTIFY changed)
    Q_PROPERTY(qint64 overUnderMs READ overUnderMs NOTIFY changed)
    Q_PROPERTY(QString overUnderText READ overUnderText NOTIFY changed)
    Q_PROPERTY(qint64 expectedEndMs READ expectedEndMs NOTIFY changed)
    Q_PROPERTY(QString expectedEndText READ expectedEndText NOTIFY changed)
    Q_PROPERTY(qint64 clockMs READ clockMs NOTIFY changed)
    Q_PROPERTY(QString clockText READ clockText NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool messageBlink READ messageBlink NOTIFY changed)
    Q_PROPERTY(bool blackout READ blackout NOTIFY changed)
    Q_PROPERTY(bool connected READ connected NOTIFY changed)

public:
    enum class RunState { Waiting = 1, Running, Finished };
    Q_ENUM(RunState)
    enum class Phase { Normal = 1, Warning, Danger, Overtime };
    Q_ENUM(Phase)

    inline static const QString kFormat = QStringLiteral("xiaozhan.host");
    static constexpr int kVersion = 1;

    explicit HostState(const Clock& clock, QObject* parent = nullptr);

    // Everything shown, as of now on the studio's clock; applySnapshot on another HostState shows the same.
    Q_INVOKABLE QJsonObject snapshot() const;
    // Takes a snapshot (from the studio, or from the network). A malformed one changes nothing and says why.
    std::optional<QString> applySnapshot(const QJsonObject& snapshot);
    Q_INVOKABLE bool apply(const QJsonObject& snapshot) { return !applySnapshot(snapshot).has_value(); }
    // A mirror whose connection dropped says so instead of showing a frozen countdown as if it were live.
    void setConnected(bool connected);

    QString rundownTitle() const { return rundownTitle_; }
    RunState run() const { return run_; }
    QString segmentTitle() const { return segmentTitle_; }
    QString segmentCue() const { return segmentCue_; }
    QString segmentColor() const { return segmentColor_; }
    QString nextTitle() const { return nextTitle_; }
    QString notes() const { return notes_; }
    QStringList script() const { return script_; }
    qint64 remainingMs() const;
    QString timerText() const;
    bool overtime() const { return run_ == RunState::Running && remainingMs() < 0; }
    Phase phase() const;
    bool paused() const { return paused_; }
    bool held() const { return held_; }
    qint64 overUnderMs() const;
    QString overUnderText() const;
    qint64 expectedEndMs() const;
    QString expectedEndText() const;
    qint64 clockMs() const { return studioNow(); }
    QString clockText() const;
    QString message() const { return message_; }
    bool messageBlink() const { return messageBlink_; }
    bool blackout() const { return blackout_; }
    bool connected() const { return connected_; }

    // "4:59" counting down (whole seconds rounded up, so 0:00 shows at zero), "+1:05" in overtime.
    static QString formatCountdown(qint64 remainingMs);
    // "+2:15" behind plan, "-1:00" ahead, "0:00" on time.
    static QString formatOverUnder(qint64 ms);

public slots:
    // Recomputes the time-dependent values from the clock (the display timer calls it each second).
    void refresh();

signals:
    void changed();

private:
    qint64 studioNow() const { return clock_.nowMs() + clockOffsetMs_; }
    qint64 sinceAnchor() const { return studioNow() - anchorMs_; }
    static qint64 grown(qint64 value, const std::optional<qint64>& growsAfterMs, qint64 sinceAnchorMs);
    void armDisplayTimer();

    const Clock& clock_;
    QTimer displayTimer_;
    qint64 clockOffsetMs_ = 0; // studio clock minus this machine's
    qint64 anchorMs_ = 0;      // studio time the values below were taken at
    int zoneOffsetSeconds_ = 0;
    QString rundownTitle_;
    RunState run_ = RunState::Waiting;
    QString segmentTitle_;
    QString segmentCue_;
    QString segmentColor_;
    QString nextTitle_;
    QString notes_;
    QStringList script_;
    qint64 remainingAtAnchorMs_ = 0;
    bool ticking_ = false;
    qint64 warningMs_ = 0;
    qint64 dangerMs_ = 0;
    bool paused_ = false;
    bool held_ = false;
    qint64 overUnderAtAnchorMs_ = 0;
    std::optional<qint64> overUnderGrowsAfterMs_; // from the anchor on, over/under grows with the clock
    qint64 expectedEndAtAnchorMs_ = 0;
    std::optional<qint64> expectedEndGrowsAfterMs_;
    QString message_;
    bool messageBlink_ = false;
    bool blackout_ = false;
    bool connected_ = true;
};

} // namespace xz::rundown
