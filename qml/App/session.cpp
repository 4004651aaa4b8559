#include "session.h"

#include "studio.h"

#include <QCoreApplication>
#include <QQmlEngine>

namespace xz::ui {
namespace {

Session* theSession = nullptr;

} // namespace

Session::Session(const QString& settingsPath, QObject* parent)
    : QObject(parent), settings_(nullptr, settingsPath) {
    connect(&settings_, &SettingsModel::destinationsChanged, this,
            [this] { uploads_.setDestinations(settings_.uploadDestinations()); });
    uploads_.setDestinations(settings_.uploadDestinations());
    editor_.setUploads(&uploads_);
    editor_.setRecordingFolder(settings_.recordingFolder());
    connect(&settings_, &SettingsModel::changed, this,
            [this] { editor_.setRecordingFolder(settings_.recordingFolder()); });
    applyLanguage();
    editor_.setEnglish(language() == QLatin1String("en"));
}

Session::~Session() {
    if (translatorInstalled_)
        QCoreApplication::removeTranslator(&translator_);
    if (theSession == this)
        theSession = nullptr;
}

Session* Session::create(QQmlEngine*, QJSEngine*) {
    // Owned by the app, not by the QML engine.
    QJSEngine::setObjectOwnership(theSession, QJSEngine::CppOwnership);
    return theSession;
}

void Session::setInstance(Session* session) {
    theSession = session;
}

void Session::setStudio(live::Studio* studio) {
    if (studio == studio_)
        return;
    operator_.reset();
    studio_ = studio;
    if (studio_) {
        operator_ = std::make_unique<OperatorModel>(*studio_);
        operator_->setRecordingFolder(settings_.recordingFolder());
        operator_->setEnglish(language() == QLatin1String("en"));
        connect(operator_.get(), &OperatorModel::quitConfirmed, this, [this] {
            mayClose_ = true;
            emit quitRequested();
        });
        connect(studio_, &live::Studio::showChanged, this, &Session::titleChanged);
        connect(studio_, &QObject::destroyed, this, [this] {
            operator_.reset();
            studio_ = nullptr;
            emit studioChanged();
            emit titleChanged();
        });
    }
    emit studioChanged();
    emit titleChanged();
}

void Session::setRundown(rundown::RundownController* rundown) {
    if (rundown == rundown_)
        return;
    if (rundown_)
        disconnect(rundown_, nullptr, this, nullptr);
    rundown_ = rundown;
    if (rundown_)
        connect(rundown_, &QObject::destroyed, this, &Session::rundownChanged);
    emit rundownChanged();
}

QString Session::windowTitle() const {
    if (!studio_)
        return tr("小站 · 选择节目");
    return tr("小站 · 《%1》").arg(operator_ ? operator_->showTitle() : studio_->showTitle());
}

QString Session::language() const {
    return settings_.language();
}

void Session::setLanguage(const QString& language) {
    if (language == settings_.language())
        return;
    settings_.setLanguage(language);
    if (settings_.language() != language)
        return; // not a language the surface has
    applyLanguage();
    if (operator_)
        operator_->setEnglish(language == QLatin1String("en"));
    editor_.setEnglish(language == QLatin1String("en"));
    if (engine_)
        engine_->retranslate();
    emit languageChanged();
    emit titleChanged();
}

void Session::applyLanguage() {
    // The sources are written in Chinese; English is the translation.
    if (translatorInstalled_) {
        QCoreApplication::removeTranslator(&translator_);
        translatorInstalled_ = false;
    }
    if (settings_.language() == QLatin1String("en") &&
        translator_.load(QStringLiteral(":/i18n/xiaozhan_en.qm"))) {
        QCoreApplication::installTranslator(&translator_);
        translatorInstalled_ = true;
    }
}

void Session::setStartProblem(const QString& problem) {
    if (problem == startProblem_)
        return;
    startProblem_ = problem;
    emit startProblemChanged();
}

void Session::setCurrentView(int view) {
    if (view == currentView_)
        return;
    currentView_ = view;
    editor_.setActive(view == kEditorView);
    emit currentViewChanged();
}

bool Session::handleKey(int key, int modifiers) {
    // Esc puts the safe slate on air from any view: it is the key for "something is wrong in the room".
    if (operator_ && (currentView_ == 0 || key == Qt::Key_Escape) && operator_->handleKey(key, modifiers))
        return true;
    if (currentView_ == kEditorView)
        return editor_.handleKey(key, modifiers);
    // The rundown's keys: only on the Operator view, never with Ctrl/Alt/Meta (Shift gives "+"), and not
    // while the operator is being asked something (an advance takes a scene).
    if (!rundown_ || currentView_ != 0 ||
        (modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)))
        return false;
    if (operator_ && !operator_->confirmation().isEmpty())
        return false;
    return handleRundownKey(key);
}

bool Session::handleRundownKey(int key) {
    switch (key) {
    case Qt::Key_N:
    case Qt::Key_PageDown:
        rundown_->advance();
        return true;
    case Qt::Key_B:
    case Qt::Key_PageUp:
        rundown_->back();
        return true;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        rundown_->addTime(60);
        return true;
    case Qt::Key_H:
        rundown_->hold();
        return true;
    case Qt::Key_M:
        rundown_->mark();
        return true;
    default:
        return false;
    }
}

void Session::openShow(const QString& showId) {
    settings_.setLastShow(showId);
    emit showRequested(showId);
}

void Session::quit() {
    // Nothing on air is ended by closing a window without being asked.
    if (operator_ && (operator_->streamsActive() || operator_->recording())) {
        operator_->askToQuit();
        return;
    }
    mayClose_ = true;
    emit quitRequested();
}

} // namespace xz::ui
