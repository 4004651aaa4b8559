// The surface's English: the translation built into the app loads, each module's texts (QML and C++) come
// out in English with the language set to "en", the real window changes language the moment the Settings
// button is pressed and changes back again, and the .ts file has an English text for every string the
// sources hold today (so a view added without translating it fails here, naming the strings).
#include "session.h"
#include "streamlistmodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtQml/qqmlextensionplugin.h>
#include <memory>

Q_IMPORT_QML_PLUGIN(Xiaozhan_ThemePlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_OperatorPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_UploadsPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_AppPlugin)

using xz::ui::Session;

namespace {

const QString kQmFile = QStringLiteral(":/i18n/xiaozhan_en.qm");

// Every item of the window with its visible text ("text" of Text, buttons, fields' placeholders).
void collectTexts(QQuickItem* item, QStringList& texts) {
    for (const char* property : {"text", "placeholderText"}) {
        const QVariant value = item->property(property);
        if (value.isValid() && !value.toString().isEmpty())
            texts.append(value.toString());
    }
    for (QQuickItem* child : item->childItems())
        collectTexts(child, texts);
}

QObject* findByName(QQuickItem* item, const QString& name) {
    if (item->objectName() == name)
        return item;
    for (QQuickItem* child : item->childItems())
        if (QObject* found = findByName(child, name))
            return found;
    return nullptr;
}

struct Message {
    QString context;
    QString source;
    QString translation;
    QString type; // empty: finished; "unfinished", "vanished", "obsolete"
};

QList<Message> readTs(const QString& path, QString* problem) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            messages.append({context, {}, {}, {}});
        } else if (xml.name() == QLatin1String("source") && !messages.isEmpty()) {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && !messages.isEmpty()) {
            messages.last().type = xml.attributes().value(QLatin1String("type")).toString();
            messages.last().translation = xml.readElementText();
        }
    }
    if (xml.hasError())
        *problem = QStringLiteral("%1:%2:%3: %4")
                       .arg(path)
                       .arg(xml.lineNumber())
                       .arg(xml.columnNumber())
                       .arg(xml.errorString());
    return messages;
}

} // namespace

class LanguageTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        // Everything the studio keeps (the editor's clip database too) goes into this test's own folder.
        QVERIFY(home_.isValid());
        qputenv("XIAOZHAN_HOME", home_.filePath(QStringLiteral("state")).toUtf8());
    }
    void theEnglishTranslationIsBuiltIntoTheApp();
    void withEnglishEveryModuleSpeaksEnglishAndChineseComesBack();
    void theWindowSwitchesLanguageAtOnceFromTheSettingsButtons();
    void anUnknownLanguageChangesNothing();
    void whatTheEditorAlreadySaidChangesLanguageWithTheWindow();
    void everyStringInTheSourcesHasItsEnglish();

private:
    QTemporaryDir home_;
};

void LanguageTest::theEnglishTranslationIsBuiltIntoTheApp() {
    QVERIFY2(QFile::exists(kQmFile), "the .qm is not in the app's resources");
    QTranslator translator;
    QVERIFY(translator.load(kQmFile));
    QCOMPARE(translator.language(), QStringLiteral("en"));
    QVERIFY(!translator.isEmpty());
}

void LanguageTest::withEnglishEveryModuleSpeaksEnglishAndChineseComesBack() {
    const auto tr = [](const char* context, const char* source) {
        return QCoreApplication::translate(context, source);
    };
    xz::live::StreamStatus reconnecting;
    reconnecting.state = xz::engine::StreamState::Reconnecting;
    reconnecting.reconnectAttempt = 2;
    reconnecting.maxRetries = 20;

    Session session(home_.filePath(QStringLiteral("studio.json")), nullptr);
    QCOMPARE(session.language(), QStringLiteral("zh_CN"));
    QCOMPARE(tr("TransitionPanel", "切换到节目"), QStringLiteral("切换到节目"));

    session.setLanguage(QStringLiteral("en"));
    // QML: the context is the file's name.
    QCOMPARE(tr("TransitionPanel", "切换到节目"), QStringLiteral("Take to program"));    // Operator
    QCOMPARE(tr("SceneBar", "请稍候\n安全画面"), QStringLiteral("Standby\nsafe slate")); // Operator
    QCOMPARE(tr("TransitionPanel", "空格 / 回车"), QStringLiteral("Space / Enter"));     // key hint
    QCOMPARE(tr("MonitorView", "录像 %1").arg(QStringLiteral("00:01:02")),               // Controls
             QStringLiteral("REC 00:01:02"));
    QCOMPARE(tr("AlertBanner", "知道了"), QStringLiteral("Got it"));                    // Controls
    QCOMPARE(tr("UploadsView", "加入上传"), QStringLiteral("Add to uploads"));          // Uploads
    QCOMPARE(tr("Main", "导播"), QStringLiteral("Operator"));                           // App
    QCOMPARE(tr("SettingsView", "语言 / Language"), QStringLiteral("语言 / Language")); // both already
    // C++: the context is the class with its namespace; the real code paths.
    QCOMPARE(session.windowTitle(), QStringLiteral("Xiaozhan · Choose a show"));
    QCOMPARE(xz::ui::StreamListModel::shortState(reconnecting), QStringLiteral("Reconnecting 2/20"));
    session.settings()->setRemotePort(70000);
    QCOMPARE(session.settings()->problem(),
             QStringLiteral("The port must be between 1 and 65535 (0 turns remote control off)"));
    QCOMPARE(tr("xz::ui::UploadsModel", "%1 已加入上传队列").arg(QStringLiteral("a.mp4")),
             QStringLiteral("a.mp4 was added to the upload queue"));

    session.setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(tr("TransitionPanel", "切换到节目"), QStringLiteral("切换到节目"));
    QCOMPARE(session.windowTitle(), QStringLiteral("小站 · 选择节目"));
    QCOMPARE(xz::ui::StreamListModel::shortState(reconnecting), QStringLiteral("重连中 2/20"));

    // The choice is kept: the next start comes up in English without anyone asking again.
    session.setLanguage(QStringLiteral("en"));
    Session again(home_.filePath(QStringLiteral("studio.json")), nullptr);
    QCOMPARE(again.language(), QStringLiteral("en"));
    session.setLanguage(QStringLiteral("zh_CN"));
}

void LanguageTest::theWindowSwitchesLanguageAtOnceFromTheSettingsButtons() {
    QTemporaryDir home;
    Session session(home.filePath(QStringLiteral("studio.json")), nullptr);
    Session::setInstance(&session);
    // A plain engine (not QQmlApplicationEngine): only the Session's own retranslate can change the texts.
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    session.setEngine(&engine);
    QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/qt/qml/Xiaozhan/App/Main.qml")));
    std::unique_ptr<QObject> root(component.create());
    QVERIFY2(root, qPrintable(component.errorString()));
    auto* window = qobject_cast<QQuickWindow*>(root.get());
    QVERIFY(window);

    const auto texts = [window] {
        QStringList all;
        collectTexts(window->contentItem(), all);
        return all;
    };
    QStringList shown = texts();
    for (const QString& text :
         {QStringLiteral("今天录制或直播哪个节目？"), QStringLiteral("导播"), QStringLiteral("上传"),
          QStringLiteral("设置"), QStringLiteral("未设密码"), QStringLiteral("名称，如：抖音")})
        QVERIFY2(shown.contains(text), qPrintable(text + QStringLiteral(" not in ") + shown.join('|')));
    QCOMPARE(window->title(), QStringLiteral("小站 · 选择节目"));

    QObject* english = findByName(window->contentItem(), QStringLiteral("englishButton"));
    QVERIFY(english);
    QVERIFY(QMetaObject::invokeMethod(english, "clicked"));
    QCOMPARE(session.language(), QStringLiteral("en"));
    shown = texts();
    // Plain bindings, bindings choosing between two texts, tab labels from a list, placeholders, the title.
    for (const QString& text :
         {QStringLiteral("Which show are we recording or streaming today?"), QStringLiteral("Operator"),
          QStringLiteral("Uploads"), QStringLiteral("Settings"), QStringLiteral("No password set"),
          QStringLiteral("Name, e.g. Douyin"), QStringLiteral("语言 / Language")})
        QVERIFY2(shown.contains(text), qPrintable(text + QStringLiteral(" not in ") + shown.join('|')));
    QVERIFY2(!shown.contains(QStringLiteral("今天录制或直播哪个节目？")), qPrintable(shown.join('|')));
    QCOMPARE(window->title(), QStringLiteral("Xiaozhan · Choose a show"));

    QObject* chinese = findByName(window->contentItem(), QStringLiteral("chineseButton"));
    QVERIFY(chinese);
    QVERIFY(QMetaObject::invokeMethod(chinese, "clicked"));
    QCOMPARE(session.language(), QStringLiteral("zh_CN"));
    shown = texts();
    QVERIFY2(shown.contains(QStringLiteral("今天录制或直播哪个节目？")), qPrintable(shown.join('|')));
    QVERIFY2(shown.contains(QStringLiteral("未设密码")), qPrintable(shown.join('|')));
    QVERIFY2(!shown.contains(QStringLiteral("Operator")), qPrintable(shown.join('|')));
    QCOMPARE(window->title(), QStringLiteral("小站 · 选择节目"));

    root.reset();
    Session::setInstance(nullptr);
}

void LanguageTest::anUnknownLanguageChangesNothing() {
    QTemporaryDir home;
    Session session(home.filePath(QStringLiteral("studio.json")), nullptr);
    session.setLanguage(QStringLiteral("en"));
    QSignalSpy changed(&session, &Session::languageChanged);
    session.setLanguage(QStringLiteral("fr"));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(session.language(), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("Main", "导播"), QStringLiteral("Operator"));
}

void LanguageTest::whatTheEditorAlreadySaidChangesLanguageWithTheWindow() {
    QTemporaryDir home;
    Session session(home.filePath(QStringLiteral("studio.json")), nullptr);
    const QString folder = home.filePath(QStringLiteral("空的录像文件夹"));
    QVERIFY(QDir().mkpath(folder));
    session.settings()->setRecordingFolder(folder);
    xz::ui::EditorModel* editor = session.editor();
    editor->setActive(true);
    QVERIFY2(editor->notice().startsWith(QStringLiteral("录像文件夹里还没有录像")),
             qPrintable(editor->notice()));
    QCOMPARE(editor->presetLabels().first(), QStringLiteral("抖音竖屏 1080x1920"));
    QSignalSpy notice(editor, &xz::ui::EditorModel::noticeChanged);
    QSignalSpy labels(editor, &xz::ui::EditorModel::languageChanged);
    session.setLanguage(QStringLiteral("en"));
    // The notice was said in Chinese; it now reads in English, the folder still in it.
    QCOMPARE(editor->notice(), QStringLiteral("No recordings in the recording folder yet: %1").arg(folder));
    QCOMPARE(editor->presetLabels().first(), QStringLiteral("Douyin vertical 1080x1920"));
    QVERIFY(notice.count() >= 1);
    QVERIFY(labels.count() >= 1);
    session.setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(editor->notice(), QStringLiteral("录像文件夹里还没有录像：%1").arg(folder));
}

void LanguageTest::everyStringInTheSourcesHasItsEnglish() {
    // lupdate over today's sources into a copy of the .ts: a new string comes in "unfinished", one that is
    // no longer used is marked "vanished"; the checked-in file must have neither.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("xiaozhan_en.ts"));
    QVERIFY(QFile::copy(QStringLiteral(XZ_TS_FILE), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(XZ_LUPDATE),
                  {QStringLiteral(XZ_QML_SOURCE_DIR), QStringLiteral("-extensions"),
                   QStringLiteral("qml,cpp,h"), QStringLiteral("-source-language"), QStringLiteral("zh_CN"),
                   QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    const QString output = QString::fromLocal8Bit(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));

    QString problem;
    const QList<Message> messages = readTs(copy, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(messages.size() > 100, qPrintable(output));
    QStringList missing;
    for (const Message& message : messages)
        if (!message.type.isEmpty() || message.translation.isEmpty())
            missing.append(QStringLiteral("%1 [%2] \"%3\"")
                               .arg(message.context,
                                    message.type.isEmpty() ? QStringLiteral("empty") : message.type,
                                    message.source));
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("assets/translations/xiaozhan_en.ts is behind the sources: run `cmake "
                                       "--build build --target update_translations`, then give these their "
                                       "English:\n") +
                        missing.join('\n')));
}

QTEST_MAIN(LanguageTest)
#include "tst_language.moc"
