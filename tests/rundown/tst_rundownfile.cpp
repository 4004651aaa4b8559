// Rundown files: the four shipped templates load against their shows and are shaped by how each programme
// runs; their captions fit where the show puts them; every kind of broken file gives one precise two-language
// message with file, JSON path, line and column; unknown scenes are errors at load; what the writer writes
// reads back unchanged.
#include "rundownloader.h"
#include "rundownparser.h"
#include "rundownwriter.h"

#include <QDir>
#include <QFile>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace xz::rundown;

namespace {

const QString kScenesDir = QStringLiteral(XZ_SCENES_DIR);
const QString kData = QStringLiteral(XZ_RUNDOWN_TEST_DATA);

QString dump(const QList<FileError>& errors) {
    QStringList lines;
    for (const FileError& error : errors)
        lines << error.toString();
    return lines.join(u'\n');
}

RundownLoadResult loadTemplate(const QString& program) {
    return RundownLoader::loadFile(RundownLoader::resolveRundownPath(program, kScenesDir));
}

QStringList titles(const Rundown& rundown) {
    QStringList out;
    for (const Segment& segment : rundown.segments)
        out << segment.title;
    return out;
}

QStringList scenes(const Rundown& rundown) {
    QStringList out;
    for (const Segment& segment : rundown.segments)
        out << segment.sceneId;
    return out;
}

const Segment& byTitle(const Rundown& rundown, const QString& title) {
    for (const Segment& segment : rundown.segments) {
        if (segment.title == title)
            return segment;
    }
    qFatal("no segment %s", qPrintable(title));
}

QString textOf(const Segment& segment, const QString& sourceId) {
    for (const TextSetting& text : segment.texts) {
        if (text.sourceId == sourceId)
            return text.text;
    }
    return {};
}

} // namespace

class TestRundownFile : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("XIAOZHAN_SCENES_DIR", kScenesDir.toUtf8()); }

    void eachTemplateLoadsAgainstItsShow_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("titles");
        QTest::addColumn<QStringList>("scenes");
        QTest::newRow("cooking") << "cooking" << QStringList{"开场",     "食材介绍", "备菜", "烹饪",
                                                             "装盘试吃", "互动问答", "结束"}
                                 << QStringList{"opening", "stove", "closeup", "closeup",
                                                "host",    "qa",    "ending"};
        QTest::newRow("first-aid") << "first-aid"
                                   << QStringList{"开场", "讲解", "示范", "跟练", "问答", "总结"}
                                   << QStringList{"opening",    "lecture", "demo",
                                                  "cpr-rhythm", "qa",      "lecture"};
        QTest::newRow("sitcom") << "sitcom" << QStringList{"片头", "第一场", "第二场", "片尾"}
                                << QStringList{"title-card", "wide", "wide", "ending"};
        QTest::newRow("stage") << "stage" << QStringList{"开场",
                                                         "大合唱《我和我的祖国》",
                                                         "广场舞《最炫民族风》",
                                                         "葫芦丝独奏《月光下的凤尾竹》",
                                                         "中场休息",
                                                         "古筝《渔舟唱晚》",
                                                         "诗朗诵《乡愁》",
                                                         "吕剧选段《李二嫂改嫁》",
                                                         "结束"}
                               << QStringList{"opening",    "stage-wide",   "stage-wide",
                                              "stage-wide", "intermission", "stage-wide",
                                              "closeup",    "stage-wide",   "ending"};
    }

    void eachTemplateLoadsAgainstItsShow() {
        QFETCH(QString, program);
        QFETCH(QStringList, titles);
        QFETCH(QStringList, scenes);
        const RundownLoadResult result = loadTemplate(program);
        QVERIFY2(result.ok(), qPrintable(dump(result.errors)));
        QVERIFY(result.show);
        QCOMPARE(result.show->id, program);
        QCOMPARE(result.rundown->show, program);
        QCOMPARE(::titles(*result.rundown), titles);
        QCOMPARE(::scenes(*result.rundown), scenes);
        static const QRegularExpression han(QStringLiteral("\\p{Han}"));
        QVERIFY(result.rundown->title.contains(han));
        for (const Segment& segment : result.rundown->segments) {
            QVERIFY2(!segment.cue.isEmpty(), qPrintable(segment.title));
            QVERIFY2(segment.durationMs >= 30 * 1000, qPrintable(segment.title));
            // Every segment tells the host something, in Chinese.
            QVERIFY2(segment.notes.contains(han) || !segment.script.isEmpty() || !segment.texts.isEmpty(),
                     qPrintable(segment.title));
        }
        // The show's captions are set by the rundown, so each template sets some.
        int texts = 0;
        for (const Segment& segment : result.rundown->segments)
            texts += int(segment.texts.size());
        QVERIFY(texts >= 3);
    }

    void templatesAreShapedByHowEachProgrammeRuns() {
        const Rundown cooking = *loadTemplate(QStringLiteral("cooking")).rundown;
        QCOMPARE(cooking.plannedStart, QTime(10, 0));
        QCOMPARE(textOf(byTitle(cooking, QStringLiteral("食材介绍")), QStringLiteral("lt-host-name")),
                 QStringLiteral("主厨　李秀兰 · 齐悦社区居民"));
        QCOMPARE(byTitle(cooking, QStringLiteral("食材介绍")).texts[0].sceneId, QStringLiteral("host"));
        QVERIFY(textOf(byTitle(cooking, QStringLiteral("烹饪")), QStringLiteral("step-text"))
                    .startsWith("第 3 步"));
        QCOMPARE(byTitle(cooking, QStringLiteral("开场")).end, EndAction::Next);

        const Rundown firstAid = *loadTemplate(QStringLiteral("first-aid")).rundown;
        const Segment& practice = byTitle(firstAid, QStringLiteral("跟练"));
        QCOMPARE(practice.sceneId, QStringLiteral("cpr-rhythm"));
        QCOMPARE(textOf(practice, QStringLiteral("cpr-rate")), QStringLiteral("按压频率 100-120 次/分"));
        QCOMPARE(practice.end, EndAction::Hold); // the last round of compressions is finished, not cut

        const Rundown sitcom = *loadTemplate(QStringLiteral("sitcom")).rundown;
        QCOMPARE(byTitle(sitcom, QStringLiteral("第二场")).start,
                 StartMode::Manual); // actors ready after the change
        QVERIFY(textOf(byTitle(sitcom, QStringLiteral("第一场")), QStringLiteral("lt-scene"))
                    .startsWith("第 1 场"));

        // One segment per act, each naming its performers on the stage and on the close-up name card.
        const Rundown stage = *loadTemplate(QStringLiteral("stage")).rundown;
        int acts = 0;
        for (const Segment& segment : stage.segments) {
            if (!segment.custom.contains(QStringLiteral("performer")))
                continue;
            ++acts;
            const QString performer = segment.custom.value(QStringLiteral("performer"));
            QVERIFY2(segment.notes.contains(performer), qPrintable(segment.title));
            QCOMPARE(textOf(segment, QStringLiteral("lt-performer")), QStringLiteral("表演者　") + performer);
        }
        QCOMPARE(acts, 6);
        QCOMPARE(byTitle(stage, QStringLiteral("开场")).transitionId, QStringLiteral("curtain"));
        QCOMPARE(byTitle(stage, QStringLiteral("中场休息")).end, EndAction::Next);
        QCOMPARE(byTitle(stage, QStringLiteral("古筝《渔舟唱晚》")).start, StartMode::Manual);
    }

    // Every caption the rundown sets fits on the canvas and inside the bar or card behind it, laid out the
    // way the show's layout test lays out the show's own texts (libobs: items at x/y, images fitted into
    // their box).
    void templateCaptionsFitWhereTheShowPutsThem_data() {
        QTest::addColumn<QString>("program");
        for (const char* program : {"cooking", "first-aid", "sitcom", "stage"})
            QTest::newRow(program) << QString::fromLatin1(program);
    }

    void templateCaptionsFitWhereTheShowPutsThem() {
        QFETCH(QString, program);
        const RundownLoadResult result = loadTemplate(program);
        QVERIFY2(result.ok(), qPrintable(dump(result.errors)));
        const xz::show::Show& show = *result.show;
        const QRectF canvas(0, 0, show.canvas.width, show.canvas.height);
        int checked = 0;
        for (const Segment& segment : result.rundown->segments) {
            for (const TextSetting& text : segment.texts) {
                const xz::show::Scene* scene = show.findScene(text.sceneId);
                QList<QRectF> panels;
                for (const xz::show::SceneItem& item : scene->items) {
                    const xz::show::Source* source = show.findSource(item.sourceId);
                    if (source->kind == xz::show::SourceKind::Image) {
                        const QSizeF natural = QImage(source->file).size();
                        QRectF rect(QPointF(item.x, item.y), natural);
                        if (item.width > 0 && item.height > 0) {
                            const QSizeF fitted =
                                natural.scaled(QSizeF(item.width, item.height), Qt::KeepAspectRatio);
                            rect = QRectF(QPointF(item.x + (item.width - fitted.width()) / 2,
                                                  item.y + (item.height - fitted.height()) / 2),
                                          fitted);
                        }
                        if (rect.width() < canvas.width() || rect.height() < canvas.height())
                            panels << rect;
                    }
                    if (item.sourceId != text.sourceId)
                        continue;
                    QFont font(source->fontFace);
                    font.setPixelSize(source->fontSize);
                    font.setBold(source->fontStyle.contains(QStringLiteral("Bold")));
                    font.setItalic(source->fontStyle.contains(QStringLiteral("Italic")));
                    const QSizeF size = QFontMetrics(font)
                                            .boundingRect(QRect(0, 0, 100000, 100000),
                                                          Qt::AlignLeft | Qt::AlignTop, text.text)
                                            .size();
                    const QRectF rect(QPointF(item.x, item.y), size);
                    const QString where = segment.title + u'/' + text.sceneId + u'/' + text.sourceId +
                                          QStringLiteral(": ") + text.text;
                    QVERIFY2(canvas.contains(rect),
                             qPrintable(where + QStringLiteral(" runs off the canvas")));
                    for (const QRectF& panel : std::as_const(panels)) {
                        if (panel.contains(rect.topLeft()))
                            QVERIFY2(panel.contains(rect),
                                     qPrintable(where + QStringLiteral(" overflows its panel")));
                    }
                    ++checked;
                }
            }
        }
        QVERIFY(checked >= 3);
    }

    void eachMalformedFileGivesItsPreciseMessage_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("jsonPath");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messageZh");
        QTest::addColumn<QString>("messageEn");

        // Each file is good/minimal.json (written for the cooking show) with one thing broken.
        QTest::newRow("unknown-scene")
            << "unknown-scene"
            << "$.segments[1].scene" << 8 << 31
            << "节目 “cooking” 里没有场景 “stovetop”（可用：opening、host、stove、closeup、qa、ending）"
            << "show \"cooking\" has no scene \"stovetop\" (available: opening, host, stove, closeup, qa, "
               "ending)";
        QTest::newRow("unknown-text-source")
            << "unknown-text-source"
            << "$.segments[1].texts[0].source" << 9 << 30 << "节目 “cooking” 里没有源 “lt-guest”"
            << "show \"cooking\" has no source \"lt-guest\"";
        QTest::newRow("text-source-not-in-scene")
            << "text-source-not-in-scene"
            << "$.segments[1].texts[0].source" << 9 << 30 << "场景 “host” 里没有文字源 “step-text”"
            << "scene \"host\" does not show the text source \"step-text\"";
        QTest::newRow("text-source-not-text")
            << "text-source-not-text"
            << "$.segments[1].texts[0].source" << 9 << 30 << "源 “logo” 不是文字源（是 image），不能设置文字"
            << "source \"logo\" is not a text source (it is image): its text cannot be set";
        QTest::newRow("unknown-transition")
            << "unknown-transition"
            << "$.segments[0].transition" << 7 << 56
            << "节目 “cooking” 里没有转场 “wipe”（可用：fade、cut、dip、slide）"
            << "show \"cooking\" has no transition \"wipe\" (available: fade, cut, dip, slide)";
        QTest::newRow("bad-duration")
            << "bad-duration"
            << "$.segments[1].duration" << 8 << 51
            << "时长 “5分钟” 无效：应为秒数（90）、分:秒（1:30）或 时:分:秒（1:05:00）"
            << "invalid duration \"5分钟\": expected seconds (90), M:SS (1:30) or H:MM:SS (1:05:00)";
        QTest::newRow("duration-zero")
            << "duration-zero"
            << "$.segments[1].duration" << 8 << 51 << "时长 “0” 超出范围（1 秒到 12 小时）"
            << "duration \"0\" is out of range (1 s to 12 hours)";
        QTest::newRow("bad-start")
            << "bad-start"
            << "$.segments[1].start" << 8 << 65
            << "开始方式 “10点半” 无效：应为 follow（接上一段）、manual（手动）或时刻 时:分[:秒]"
            << "invalid start \"10点半\": expected follow, manual or a time of day HH:MM[:SS]";
        QTest::newRow("bad-end")
            << "bad-end"
            << "$.segments[0].end" << 7 << 69
            << "未知的结束方式 “stop”（可用：none 超时计时、next 自动下一段、hold 停在零）"
            << "unknown end action \"stop\" (expected one of: none, next, hold)";
        QTest::newRow("danger-before-warning")
            << "danger-before-warning"
            << "$.segments[1].danger" << 8 << 81 << "危险提示（剩 90 秒）不能早于警告提示（剩 60 秒）"
            << "the danger threshold (90 s left) must not come before the warning (60 s left)";
        QTest::newRow("format-wrong")
            << "format-wrong"
            << "$.format" << 2 << 13
            << "不是小站节目单文件：format 应为 “xiaozhan.rundown”，实际为 “xiaozhan.show”"
            << "not a Xiaozhan rundown file: format must be \"xiaozhan.rundown\", found \"xiaozhan.show\"";
        QTest::newRow("missing-title") << "missing-title"
                                       << "$.segments[1].title" << 8 << 5 << "缺少必填字段 “title”"
                                       << "missing required field \"title\"";
        QTest::newRow("syntax-trailing-comma") << "syntax-trailing-comma"
                                               << "$" << 9 << 63 << "JSON 语法错误：“]” 前多了一个逗号"
                                               << "JSON syntax error: trailing comma before ']'";
        QTest::newRow("no-segments") << "no-segments"
                                     << "$.segments" << 6 << 15 << "节目单没有段落"
                                     << "the rundown has no segments";
        QTest::newRow("cut-with-duration")
            << "cut-with-duration"
            << "$.segments[0].transitionMs" << 7 << 114 << "转场 “cut” 是硬切，没有时长：删除 transitionMs"
            << "transition \"cut\" is a cut and has no duration: remove transitionMs";
        QTest::newRow("bad-planned-start")
            << "bad-planned-start"
            << "$.plannedStart" << 6 << 19 << "时刻 “25:00” 无效：应为 时:分 或 时:分:秒（如 19:30）"
            << "invalid time of day \"25:00\": expected HH:MM or HH:MM:SS (e.g. 19:30)";
        QTest::newRow("text-without-scene")
            << "text-without-scene"
            << "$.segments[1].texts[0]" << 9 << 18
            << "这条文字不知道属于哪个场景：写上 “scene”，或给段落设置 “scene”"
            << "this text belongs to no scene: give it a \"scene\" or give the segment one";
        QTest::newRow("custom-not-string")
            << "custom-not-string"
            << "$.segments[0].custom[\"嘉宾\"]" << 7 << 95 << "自定义字段的值应为字符串，实际为数字 3"
            << "a custom field's value must be a string, found the number 3";
        QTest::newRow("duplicate-key") << "duplicate-key"
                                       << "$.segments[0].end" << 7 << 77 << "字段重复出现（第一次在第 7 行）"
                                       << "duplicate member (first written on line 7)";
        QTest::newRow("transition-without-scene") << "transition-without-scene"
                                                  << "$.segments[0].transition" << 7 << 36
                                                  << "段落没有场景，转场用不上：删除 transition 或写上 scene"
                                                  << "the segment takes no scene, so a transition has no "
                                                     "use: remove \"transition\" or add a \"scene\"";
        QTest::newRow("text-set-twice")
            << "text-set-twice"
            << "$.segments[1].texts[1].source" << 10 << 30
            << "场景 “host” 的文字源 “lt-host-name” 在这一段里设置了两次"
            << "text source \"lt-host-name\" of scene \"host\" is set twice in this segment";
    }

    void eachMalformedFileGivesItsPreciseMessage() {
        QFETCH(QString, fixture);
        QFETCH(QString, jsonPath);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, messageZh);
        QFETCH(QString, messageEn);
        const QString path = kData + QStringLiteral("/bad/") + fixture + QStringLiteral(".json");
        const RundownLoadResult result = RundownLoader::loadFile(path);
        QVERIFY(!result.ok());
        QVERIFY(!result.rundown);
        QCOMPARE(result.errors.size(), 1);
        const FileError& error = result.errors.first();
        QCOMPARE(error.file, path);
        QCOMPARE(error.jsonPath, jsonPath);
        QCOMPARE(error.line, line);
        QCOMPARE(error.column, column);
        QCOMPARE(error.messageZh, messageZh);
        QCOMPARE(error.messageEn, messageEn);
    }

    void aTypoIsReportedTogetherWithWhatItHides() {
        const RundownLoadResult result =
            RundownLoader::loadFile(kData + QStringLiteral("/bad/unknown-field.json"));
        QCOMPARE(result.errors.size(), 2);
        QCOMPARE(result.errors[0].messageEn, QStringLiteral("missing required field \"duration\""));
        QCOMPARE(result.errors[1].jsonPath, QStringLiteral("$.segments[1].durration"));
        QCOMPARE(result.errors[1].messageEn, QStringLiteral("unknown field \"durration\""));
    }

    void anUnknownShowIsAnErrorWithTheShowsOwnMessage() {
        const RundownLoadResult result =
            RundownLoader::loadFile(kData + QStringLiteral("/bad/show-unknown.json"));
        QCOMPARE(result.errors.size(), 2);
        QCOMPARE(result.errors[0].jsonPath, QStringLiteral("$.show"));
        QVERIFY(result.errors[0].messageEn.startsWith(QStringLiteral("show \"cookery\" cannot be loaded")));
        QVERIFY(result.errors[1].messageEn.startsWith(QStringLiteral("show file not found")));
    }

    void theShowGivenOnTheCommandLineChecksTheReferences() {
        // Without a show the scene ids are only spelled right; with --show they must exist there.
        QByteArray json = R"({"format": "xiaozhan.rundown", "version": 1, "title": "t",
            "segments": [ { "title": "a", "scene": "stove", "duration": 60 } ]})";
        RundownLoadResult unbound = RundownLoader::loadJson(json, QStringLiteral("t.json"), kData);
        QVERIFY2(unbound.ok(), qPrintable(dump(unbound.errors)));
        QVERIFY(!unbound.show);
        RundownLoadResult cooking =
            RundownLoader::loadJson(json, QStringLiteral("t.json"), kData, QStringLiteral("cooking"));
        QVERIFY2(cooking.ok(), qPrintable(dump(cooking.errors)));
        QCOMPARE(cooking.rundown->show, QStringLiteral("cooking"));
        RundownLoadResult stage =
            RundownLoader::loadJson(json, QStringLiteral("t.json"), kData, QStringLiteral("stage"));
        QCOMPARE(stage.errors.size(), 1);
        QCOMPARE(stage.errors[0].jsonPath, QStringLiteral("$.segments[0].scene"));
        // A rundown written for one show cannot be run on another.
        const RundownLoadResult mismatch =
            RundownLoader::loadFile(kData + QStringLiteral("/good/minimal.json"), QStringLiteral("stage"));
        QCOMPARE(mismatch.errors.size(), 1);
        QCOMPARE(mismatch.errors[0].jsonPath, QStringLiteral("$.show"));
        QCOMPARE(mismatch.errors[0].messageEn,
                 QStringLiteral("the rundown is written for show \"cooking\", but --show stage was given"));
    }

    void aValidFileLoadsEveryField() {
        QByteArray json = R"({
  "_comment": "every member",
  "format": "xiaozhan.rundown", "version": 1, "title": "全部字段", "show": "cooking", "plannedStart": "19:30:15",
  "segments": [
    { "cue": "A1", "title": "开场", "scene": "host", "transition": "dip", "transitionMs": 1200, "duration": "1:02:03.5",
      "start": "19:30", "end": "hold", "color": "#c8442b", "warning": 300, "danger": "0:30",
      "texts": [ { "source": "lt-host-name", "text": "主厨" }, { "scene": "closeup", "source": "step-text", "text": "第 1 步" } ],
      "notes": "注意", "script": [ "第一句", "第二句" ], "custom": { "嘉宾": "王芳" } },
    { "title": "第二段", "duration": 90, "start": "manual" }
  ]
})";
        const RundownLoadResult result = RundownLoader::loadJson(json, QStringLiteral("all.json"), kData);
        QVERIFY2(result.ok(), qPrintable(dump(result.errors)));
        const Rundown& rundown = *result.rundown;
        QCOMPARE(rundown.plannedStart, QTime(19, 30, 15));
        const Segment& s = rundown.segments[0];
        QCOMPARE(s.cue, QStringLiteral("A1"));
        QCOMPARE(s.transitionId, QStringLiteral("dip"));
        QCOMPARE(s.transitionMs, 1200);
        QCOMPARE(s.durationMs, qint64(3723500));
        QCOMPARE(s.start, StartMode::Fixed);
        QCOMPARE(s.fixedTime, QTime(19, 30));
        QCOMPARE(s.end, EndAction::Hold);
        QCOMPARE(s.color, QStringLiteral("#C8442B"));
        QCOMPARE(s.warningMs, 300000);
        QCOMPARE(s.dangerMs, 30000);
        QCOMPARE(s.texts.size(), 2);
        QCOMPARE(s.texts[0].sceneId, QStringLiteral("host"));
        QCOMPARE(s.texts[1].sceneId, QStringLiteral("closeup"));
        QCOMPARE(s.script, (QStringList{"第一句", "第二句"}));
        QCOMPARE(s.custom.value(QStringLiteral("嘉宾")), QStringLiteral("王芳"));
        const Segment& t = rundown.segments[1];
        QCOMPARE(t.start, StartMode::Manual);
        QCOMPARE(t.end, EndAction::None);
        QCOMPARE(t.warningMs, kDefaultWarningMs);
        QCOMPARE(t.dangerMs, kDefaultDangerMs);
        QCOMPARE(rundown.totalMs(), 3723500 + 90000);
    }

    void whatTheWriterWritesReadsBackUnchanged_data() {
        QTest::addColumn<QString>("program");
        for (const char* program : {"cooking", "first-aid", "sitcom", "stage"})
            QTest::newRow(program) << QString::fromLatin1(program);
    }

    void whatTheWriterWritesReadsBackUnchanged() {
        QFETCH(QString, program);
        const Rundown original = *loadTemplate(program).rundown;
        const QByteArray json = RundownWriter::toJson(original);
        const RundownLoadResult again =
            RundownLoader::loadJson(json, QStringLiteral("again.json"), kScenesDir);
        QVERIFY2(again.ok(), qPrintable(dump(again.errors) + u'\n' + QString::fromUtf8(json)));
        const Rundown& copy = *again.rundown;
        QCOMPARE(copy.title, original.title);
        QCOMPARE(copy.plannedStart, original.plannedStart);
        QCOMPARE(copy.segments.size(), original.segments.size());
        for (int i = 0; i < copy.segments.size(); ++i) {
            const Segment& a = original.segments[i];
            const Segment& b = copy.segments[i];
            QCOMPARE(b.cue, a.cue);
            QCOMPARE(b.title, a.title);
            QCOMPARE(b.sceneId, a.sceneId);
            QCOMPARE(b.transitionId, a.transitionId);
            QCOMPARE(b.durationMs, a.durationMs);
            QCOMPARE(b.start, a.start);
            QCOMPARE(b.end, a.end);
            QCOMPARE(b.notes, a.notes);
            QCOMPARE(b.script, a.script);
            QCOMPARE(b.color, a.color);
            QCOMPARE(b.warningMs, a.warningMs);
            QCOMPARE(b.dangerMs, a.dangerMs);
            QCOMPARE(b.custom, a.custom);
            QCOMPARE(b.texts.size(), a.texts.size());
            for (int t = 0; t < a.texts.size(); ++t) {
                QCOMPARE(b.texts[t].sceneId, a.texts[t].sceneId);
                QCOMPARE(b.texts[t].sourceId, a.texts[t].sourceId);
                QCOMPARE(b.texts[t].text, a.texts[t].text);
            }
        }
    }

    void durationsReadAndWriteInEveryForm() {
        QCOMPARE(RundownParser::parseDuration(QJsonValue(90)), 90000);
        QCOMPARE(RundownParser::parseDuration(QJsonValue(QStringLiteral("1:30"))), 90000);
        QCOMPARE(RundownParser::parseDuration(QJsonValue(QStringLiteral("01:05:00"))), 3900000);
        QCOMPARE(RundownParser::parseDuration(QJsonValue(QStringLiteral("90:00"))), 5400000);
        QCOMPARE(RundownParser::parseDuration(QJsonValue(QStringLiteral("1:60"))), std::nullopt);
        QCOMPARE(RundownParser::parseDuration(QJsonValue(QStringLiteral("-5"))), std::nullopt);
        QCOMPARE(RundownParser::parseDuration(QJsonValue(true)), std::nullopt);
        QCOMPARE(RundownWriter::formatDuration(90000), QStringLiteral("1:30"));
        QCOMPARE(RundownWriter::formatDuration(3900000), QStringLiteral("1:05:00"));
        QCOMPARE(RundownWriter::formatDuration(90500), QStringLiteral("1:30.5"));
        QCOMPARE(RundownWriter::formatDuration(45000), QStringLiteral("0:45"));
    }

    void theDocumentedExampleLoads() {
        // scenes/RUNDOWN.md shows one complete file; it must stay true.
        QFile doc(kScenesDir + QStringLiteral("/RUNDOWN.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        const qsizetype start =
            text.indexOf(QStringLiteral("```json\n{\n  \"format\": \"xiaozhan.rundown\""));
        QVERIFY(start >= 0);
        const qsizetype from = start + 8;
        const QString example = text.mid(from, text.indexOf(QStringLiteral("```"), from) - from);
        const RundownLoadResult result =
            RundownLoader::loadJson(example.toUtf8(), QStringLiteral("RUNDOWN.md"), kScenesDir);
        QVERIFY2(result.ok(), qPrintable(dump(result.errors)));
        QVERIFY(result.show);
    }

    void randomlyDamagedFilesNeverCrash() {
        QFile file(kScenesDir + QStringLiteral("/stage/rundown.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray original = file.readAll();
        QRandomGenerator random(20261205);
        int rejected = 0;
        for (int round = 0; round < 300; ++round) {
            QByteArray damaged = original;
            for (int edits = 1 + random.bounded(4); edits > 0; --edits) {
                const qsizetype at = random.bounded(damaged.size());
                switch (random.bounded(3)) {
                case 0:
                    damaged[at] = char(random.bounded(256));
                    break;
                case 1:
                    damaged.remove(at, 1 + random.bounded(20));
                    break;
                default:
                    damaged.insert(at, "\",{]:0");
                    break;
                }
            }
            const RundownLoadResult result = RundownLoader::loadJson(damaged, QStringLiteral("damaged.json"),
                                                                     kScenesDir + QStringLiteral("/stage"));
            if (result.errors.isEmpty()) {
                QVERIFY(result.rundown);
            } else {
                ++rejected;
                QVERIFY(!result.rundown);
                for (const FileError& error : result.errors)
                    QVERIFY(!error.messageZh.isEmpty() && !error.messageEn.isEmpty());
            }
        }
        QVERIFY(rejected > 200);
    }
};

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv); // font metrics for the caption check (offscreen platform)
    TestRundownFile test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_rundownfile.moc"
