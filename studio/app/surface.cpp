#include "surface.h"

#include "keyrouter.h"
#include "livesession.h"
#include "paths.h"
#include "remoteserver.h"
#include "session.h"
#include "showloader.h"
#include "signalwatcher.h"
#include "studio.h"
#include "studiosettings.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <cstdio>
#include <unistd.h>

namespace xz::app {
namespace {

void printErr(const QString& text) {
    fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
    fflush(stderr);
}

// The window: the engine, the Session every view binds to, and the key router on the window.
class SurfaceWindow {
public:
    explicit SurfaceWindow(ui::Session& session) : session_(session) {
        ui::Session::setInstance(&session_);
        session_.setEngine(&engine_);
        engine_.addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

    bool load() {
        engine_.load(QUrl(QStringLiteral("qrc:/qt/qml/Xiaozhan/App/Main.qml")));
        if (engine_.rootObjects().isEmpty())
            return false;
        window_ = qobject_cast<QQuickWindow*>(engine_.rootObjects().first());
        if (!window_)
            return false;
        router_ = std::make_unique<ui::KeyRouter>(
            [this](int key, int modifiers) { return session_.handleKey(key, modifiers); });
        window_->installEventFilter(router_.get());
        return true;
    }

private:
    ui::Session& session_;
    QQmlApplicationEngine engine_;
    QQuickWindow* window_ = nullptr;
    std::unique_ptr<ui::KeyRouter> router_;
};

// The stream targets the operator configured, ready for "开始直播" (not started).
void addConfiguredStreams(live::Studio& studio, const live::StudioSettings& settings) {
    for (const live::StreamTargetSetting& target : settings.streams) {
        std::optional<UserError> error;
        if (!studio.addStream(target.url, target.name, &error) && error)
            printErr(QStringLiteral("注意 / warning: ") + error->toString());
    }
}

void applyDefaultTransition(live::Studio& studio, const live::StudioSettings& settings) {
    if (!settings.defaultTransition.isEmpty() && studio.transitionIds().contains(settings.defaultTransition))
        studio.setTransition(settings.defaultTransition);
}

// The remote-control server the settings ask for (port 0: none). A problem is reported and the surface runs
// without it.
std::unique_ptr<remote::RemoteServer> remoteFromSettings(live::Studio& studio,
                                                         const live::StudioSettings& settings) {
    if (settings.remotePort <= 0)
        return nullptr;
    std::optional<UserError> error;
    const std::optional<remote::ControlSettings> control = remote::ControlSettings::parse(
        QString::number(settings.remotePort), settings.remotePassword, settings.remoteAddress, &error);
    std::unique_ptr<remote::RemoteServer> server;
    if (control) {
        server = std::make_unique<remote::RemoteServer>(studio, *control);
        server->setRecordingFolder(settings.recordingFolder());
        if (!(error = server->start())) {
            printErr(QStringLiteral("遥控 / remote control: ws://%1:%2")
                         .arg(control->address.toString())
                         .arg(server->port()));
            return server;
        }
    }
    printErr(QStringLiteral("注意 / warning: 遥控没有打开 / remote control is off: ") + error->toString());
    return nullptr;
}

} // namespace

bool displayAvailable() {
    return !qEnvironmentVariable("DISPLAY").isEmpty() || !qEnvironmentVariable("WAYLAND_DISPLAY").isEmpty();
}

int runLiveSurface(const LiveOptions& options) {
    // stdout carries exactly one line, the summary (see runLiveCommand).
    FILE* summaryOut = fdopen(dup(STDOUT_FILENO), "w");
    dup2(STDERR_FILENO, STDOUT_FILENO);
    LiveSession live(options);
    int exitCode = 2;
    if (live.prepare() && live.start()) {
        ui::Session session(live::StudioSettings::defaultPath(), nullptr);
        session.setStudio(live.studio());
        applyDefaultTransition(*live.studio(), session.settings()->values());
        if (options.streamUrls.isEmpty())
            addConfiguredStreams(*live.studio(), session.settings()->values());
        session.setRundown(live.rundownController());
        // --record DIR is where this run records, and where the Editor finds the recordings.
        if (!options.recordDir.isEmpty()) {
            session.operatorModel()->setRecordingFolder(options.recordDir);
            session.editor()->setRecordingFolder(options.recordDir);
        }
        // --control-port wins; without it, the settings' remote control.
        std::unique_ptr<remote::RemoteServer> remote;
        if (!live.remoteServer())
            remote = remoteFromSettings(*live.studio(), session.settings()->values());
        session.uploads()->startQueue();
        auto window = std::make_unique<SurfaceWindow>(session);
        if (!window->load()) {
            printErr(QStringLiteral("错误 / error: 控制台界面无法打开 / the control surface could not open"));
        } else {
            xz::SignalWatcher signalWatcher;
            // exit(), not quit(): quit() first asks every window to close, and the window asks back.
            const auto leave = [] { QCoreApplication::exit(0); };
            QObject::connect(&signalWatcher, &xz::SignalWatcher::stopRequested, qApp, leave);
            QObject::connect(&live, &LiveSession::finished, qApp, leave);
            QObject::connect(&session, &ui::Session::quitRequested, qApp, leave);
            QGuiApplication::exec();
        }
        // The window goes first (its pictures watch the studio), then the models, remote clients, the show.
        window.reset();
        session.setRundown(nullptr);
        session.setStudio(nullptr);
        remote.reset();
        live.stop();
    }
    exitCode = live.exitCode();
    const QByteArray line = QJsonDocument(live.summary()).toJson(QJsonDocument::Compact);
    fprintf(summaryOut, "%s\n", line.constData());
    fclose(summaryOut);
    return exitCode;
}

int runSurfaceCommand(const QStringList& args) {
    if (!args.isEmpty()) {
        printErr(QStringLiteral("错误 / error: 未知命令 / unknown command: %1").arg(args.first()));
        return 2;
    }
    ui::Session session(live::StudioSettings::defaultPath(), nullptr);
    std::unique_ptr<live::Studio> studio;
    std::unique_ptr<remote::RemoteServer> remote; // made with the studio, destroyed before it
    // A show from the picker (or the last one): the first starts the studio, later ones are loaded into it.
    const auto openShow = [&](const QString& showId) {
        const show::LoadResult loaded =
            show::ShowLoader::loadFile(show::ShowLoader::resolveShowPath(showId, paths::scenesDir()));
        if (!loaded.ok()) {
            session.setStartProblem(loaded.errors.isEmpty() ? showId : loaded.errors.first().toString());
            return;
        }
        std::optional<UserError> error;
        if (!studio) {
            studio = live::Studio::start(*loaded.show, &error);
            if (!studio) {
                session.setStartProblem(error ? error->toString() : showId);
                return;
            }
            addConfiguredStreams(*studio, session.settings()->values());
            applyDefaultTransition(*studio, session.settings()->values());
            session.setStudio(studio.get());
            remote = remoteFromSettings(*studio, session.settings()->values());
        } else if ((error = studio->loadShow(*loaded.show))) {
            session.setStartProblem(error->toString());
            return;
        }
        session.setStartProblem(QString());
    };
    QObject::connect(&session, &ui::Session::showRequested, &session, openShow);
    QObject::connect(&session, &ui::Session::quitRequested, qApp, [] { QCoreApplication::exit(0); });
    const QString last = session.settings()->values().lastShow;
    if (!last.isEmpty())
        openShow(last);
    session.uploads()->startQueue();
    auto window = std::make_unique<SurfaceWindow>(session);
    if (!window->load()) {
        printErr(QStringLiteral("错误 / error: 控制台界面无法打开 / the control surface could not open"));
        return 1;
    }
    xz::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &xz::SignalWatcher::stopRequested, qApp,
                     [] { QCoreApplication::exit(0); });
    const int code = QGuiApplication::exec();
    window.reset();
    session.setStudio(nullptr);
    remote.reset();
    studio.reset();
    return code;
}

} // namespace xz::app
