// What the whole window shares: the running studio (if a show is on), the view models of each view, the
// settings, the language, and the show picker for the first run. One instance, made by the app before QML
// loads and handed to QML as the Session singleton; QML binds to it, C++ decides.
#pragma once

#include "editormodel.h"
#include "operatormodel.h"
#include "rundowncontroller.h"
#include "settingsmodel.h"
#include "showlistmodel.h"
#include "uploadsmodel.h"

#include <QObject>
#include <QPointer>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace xz::live {
class Studio;
}

namespace xz::ui {

class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(xz::ui::OperatorModel* operatorModel READ operatorModel NOTIFY studioChanged)
    Q_PROPERTY(xz::ui::UploadsModel* uploads READ uploads CONSTANT)
    Q_PROPERTY(xz::ui::EditorModel* editor READ editor CONSTANT)
    Q_PROPERTY(xz::ui::SettingsModel* settings READ settings CONSTANT)
    Q_PROPERTY(xz::ui::ShowListModel* shows READ shows CONSTANT)
    Q_PROPERTY(bool showRunning READ showRunning NOTIFY studioChanged)
    // The show's rundown, or null when the show runs without one (the Operator view then has no rundown
    // panel).
    Q_PROPERTY(xz::rundown::RundownController* rundown READ rundown NOTIFY rundownChanged)
    Q_PROPERTY(QString windowTitle READ windowTitle NOTIFY titleChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString startProblem READ startProblem NOTIFY startProblemChanged)
    // Which tab is on screen (0: Operator, kEditorView: Editor): each view's keys act only on that view.
    Q_PROPERTY(int currentView READ currentView WRITE setCurrentView NOTIFY currentViewChanged)
    // Once quitting is decided (nothing on air, or the operator said yes) the window may close.
    Q_PROPERTY(bool mayClose READ mayClose NOTIFY quitRequested)

public:
    static constexpr int kEditorView = 2;

    // Not default-constructible on purpose: QML must get the app's instance (create()), never make its own.
    Session(const QString& settingsPath, QObject* parent);
    ~Session() override;

    // The instance QML gets (set by the app before the engine loads anything).
    static Session* create(QQmlEngine* engine, QJSEngine* js);
    static void setInstance(Session* session);
    // The engine whose texts are translated again when the language changes.
    void setEngine(QQmlEngine* engine) { engine_ = engine; }

    // The running show's studio, owned by whoever started it (the live command or the app), or null.
    void setStudio(live::Studio* studio);
    live::Studio* studio() const { return studio_; }
    OperatorModel* operatorModel() const { return operator_.get(); }
    // The running rundown's controller, owned by whoever runs the show, or null.
    void setRundown(rundown::RundownController* rundown);
    rundown::RundownController* rundown() const { return rundown_; }
    UploadsModel* uploads() { return &uploads_; }
    EditorModel* editor() { return &editor_; }
    SettingsModel* settings() { return &settings_; }
    ShowListModel* shows() { return &shows_; }
    bool showRunning() const { return studio_ != nullptr; }
    QString windowTitle() const;
    QString language() const;
    void setLanguage(const QString& language);
    QString startProblem() const { return startProblem_; }
    void setStartProblem(const QString& problem);
    int currentView() const { return currentView_; }
    bool mayClose() const { return mayClose_; }
    void setCurrentView(int view);
    // The window's keys (KeyRouter): given to the Operator or the Editor view while it is on screen. With a
    // rundown, on the Operator view: N / PageDown next segment, B / PageUp back, + / = one more minute, H
    // hold, M mark (a presenter's clicker sends PageDown / PageUp).
    bool handleKey(int key, int modifiers);

    // The picker asks for a show; the app starts it (or loads it into the running studio).
    Q_INVOKABLE void openShow(const QString& showId);
    // The window goes: the app ends the show and quits.
    Q_INVOKABLE void quit();

signals:
    void studioChanged();
    void rundownChanged();
    void titleChanged();
    void languageChanged();
    void startProblemChanged();
    void currentViewChanged();
    void showRequested(const QString& showId);
    void quitRequested();

private:
    void applyLanguage();
    bool handleRundownKey(int key);

    live::Studio* studio_ = nullptr;
    QPointer<rundown::RundownController> rundown_;
    QQmlEngine* engine_ = nullptr;
    std::unique_ptr<OperatorModel> operator_;
    UploadsModel uploads_;
    SettingsModel settings_;
    EditorModel editor_;
    ShowListModel shows_;
    QTranslator translator_;
    bool translatorInstalled_ = false;
    QString startProblem_;
    int currentView_ = 0;
    bool mayClose_ = false;
};

} // namespace xz::ui
