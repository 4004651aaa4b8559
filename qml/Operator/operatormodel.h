// The operator's window as C++ decides it: what is on air and in preview, the scene bar, the transition
// and T-bar, the safe slate, going live and recording (with a confirmation before anything on air stops),
// the mixer, the text items, the status strip, the alerts and the pre-flight check. QML only shows this and
// forwards clicks; keys come here from the window (never from whichever button has focus).
#pragma once

#include "alertlistmodel.h"
#include "lowerthirdmodel.h"
#include "mixermodel.h"
#include "preflightmodel.h"
#include "scenelistmodel.h"
#include "streamlistmodel.h"
#include "usererror.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace xz::live {
class Studio;
}

namespace xz::ui {

class OperatorModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The app provides the operator's model")
    Q_PROPERTY(QObject* studio READ studioObject CONSTANT)
    Q_PROPERTY(xz::ui::SceneListModel* scenes READ scenes CONSTANT)
    Q_PROPERTY(xz::ui::MixerModel* mixer READ mixer CONSTANT)
    Q_PROPERTY(xz::ui::StreamListModel* streams READ streams CONSTANT)
    Q_PROPERTY(xz::ui::AlertListModel* alerts READ alerts CONSTANT)
    Q_PROPERTY(xz::ui::LowerThirdModel* lowerThirds READ lowerThirds CONSTANT)
    Q_PROPERTY(xz::ui::PreflightModel* preflight READ preflight CONSTANT)

    Q_PROPERTY(QString showTitle READ showTitle NOTIFY showChanged)
    Q_PROPERTY(QString programName READ programName NOTIFY tallyChanged)
    Q_PROPERTY(QString previewName READ previewName NOTIFY tallyChanged)
    Q_PROPERTY(bool standbyOnAir READ standbyOnAir NOTIFY tallyChanged)

    Q_PROPERTY(QStringList transitionNames READ transitionNames NOTIFY transitionChanged)
    Q_PROPERTY(int transitionIndex READ transitionIndex WRITE setTransitionIndex NOTIFY transitionChanged)
    Q_PROPERTY(int transitionDurationMs READ transitionDurationMs WRITE setTransitionDurationMs NOTIFY
                   transitionChanged)
    Q_PROPERTY(bool durationAdjustable READ durationAdjustable NOTIFY transitionChanged)
    Q_PROPERTY(bool transitionRunning READ transitionRunning NOTIFY transitionRunningChanged)
    Q_PROPERTY(double tbarPosition READ tbarPosition NOTIFY tbarChanged)
    Q_PROPERTY(QString tbarRule READ tbarRule NOTIFY languageChanged)

    Q_PROPERTY(bool onAir READ onAir NOTIFY outputsChanged)
    Q_PROPERTY(bool streamsConfigured READ streamsConfigured NOTIFY outputsChanged)
    Q_PROPERTY(bool streamsActive READ streamsActive NOTIFY outputsChanged)
    Q_PROPERTY(bool recording READ recording NOTIFY outputsChanged)
    Q_PROPERTY(QString recordingTime READ recordingTime NOTIFY outputsChanged)
    Q_PROPERTY(QString recordingFolder READ recordingFolder WRITE setRecordingFolder NOTIFY outputsChanged)

    Q_PROPERTY(QString cpuText READ cpuText NOTIFY statsChanged)
    Q_PROPERTY(QString lagText READ lagText NOTIFY statsChanged)
    Q_PROPERTY(QString diskText READ diskText NOTIFY statsChanged)
    Q_PROPERTY(bool diskLow READ diskLow NOTIFY statsChanged)

    Q_PROPERTY(QString confirmation READ confirmation NOTIFY confirmationChanged)
    Q_PROPERTY(QString confirmationText READ confirmationText NOTIFY confirmationChanged)
    Q_PROPERTY(QString confirmLabel READ confirmLabel NOTIFY confirmationChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)

public:
    // A disk with less than this left (at the current bitrate) is shown in red.
    static constexpr double kDiskLowHours = 1.0;

    explicit OperatorModel(live::Studio& studio, QObject* parent = nullptr);

    QObject* studioObject() const;
    SceneListModel* scenes() { return &scenes_; }
    MixerModel* mixer() { return &mixer_; }
    StreamListModel* streams() { return &streams_; }
    AlertListModel* alerts() { return &alerts_; }
    LowerThirdModel* lowerThirds() { return &lowerThirds_; }
    PreflightModel* preflight() { return &preflight_; }

    QString showTitle() const;
    QString programName() const;
    QString previewName() const;
    bool standbyOnAir() const;
    QStringList transitionNames() const;
    int transitionIndex() const;
    void setTransitionIndex(int index);
    int transitionDurationMs() const;
    void setTransitionDurationMs(int ms);
    bool durationAdjustable() const;
    bool transitionRunning() const;
    double tbarPosition() const;
    QString tbarRule() const;
    bool onAir() const;
    bool streamsConfigured() const;
    bool streamsActive() const;
    bool recording() const;
    QString recordingTime() const;
    QString recordingFolder() const { return recordingFolder_; }
    void setRecordingFolder(const QString& folder);
    QString cpuText() const;
    QString lagText() const;
    QString diskText() const;
    bool diskLow() const;
    QString confirmation() const { return confirmation_; }
    QString confirmationText() const;
    QString confirmLabel() const;
    QString notice() const { return notice_; }

    // Scene bar: a click puts a scene in preview; a double click (or Take) sends it to program.
    Q_INVOKABLE void preview(int row);
    Q_INVOKABLE void previewAndTake(int row);
    Q_INVOKABLE void take();
    Q_INVOKABLE void cut();
    Q_INVOKABLE void toggleStandby();
    Q_INVOKABLE void moveTBar(double position);
    Q_INVOKABLE void releaseTBar();

    // Outputs: starting is immediate; stopping anything on air asks first.
    Q_INVOKABLE void goLive();
    Q_INVOKABLE void stopLive(); // asks
    Q_INVOKABLE void startRecording();
    Q_INVOKABLE void stopRecording(); // asks
    Q_INVOKABLE void confirm();
    Q_INVOKABLE void cancel();
    // Closing the window while on air or recording asks first; quitConfirmed() says yes.
    void askToQuit();

    // A key pressed anywhere in the window (from the app's key router). Returns true when it was used.
    Q_INVOKABLE bool handleKey(int key, int modifiers = 0);

    // The surface's language: scene names and show title from the show file, and every text made here is
    // given again (the translator is already switched). Alerts already raised keep their language.
    void setEnglish(bool english);

signals:
    void showChanged();
    void tallyChanged();
    void transitionChanged();
    void transitionRunningChanged();
    void tbarChanged();
    void outputsChanged();
    void statsChanged();
    void confirmationChanged();
    void noticeChanged();
    void quitConfirmed();
    void languageChanged();

private:
    void say(const std::optional<UserError>& error);
    void setNotice(const QString& notice);
    void ask(const QString& what);

    live::Studio& studio_;
    SceneListModel scenes_;
    MixerModel mixer_;
    StreamListModel streams_;
    AlertListModel alerts_;
    LowerThirdModel lowerThirds_;
    PreflightModel preflight_;
    QString recordingFolder_;
    QString confirmation_;
    QString notice_;
    QTimer noticeTimer_;
    bool english_ = false;
};

} // namespace xz::ui
