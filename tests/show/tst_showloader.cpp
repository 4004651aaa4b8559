// Show files: the shipped shows load, and every kind of broken file gives a precise, two-language message
// with file, JSON path and position, without ever producing a half-built Show.
#include "showloader.h"
#include "showparser.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace xz::show;

namespace {

const QString kScenesDir = QStringLiteral(XZ_SCENES_DIR);
const QString kData = QStringLiteral(XZ_SHOW_TEST_DATA);

QString dump(const LoadResult& result) {
    QStringList lines;
    for (const ShowError& error : result.errors)
        lines << error.toString();
    return lines.join(u'\n');
}

} // namespace

class TestShowLoader : public QObject {
    Q_OBJECT

private slots:
    void eachShippedShowLoads_data();
    void eachShippedShowLoads();
    void shippedShowsFollowTheHouseStyle_data() { eachShippedShowLoads_data(); }
    void shippedShowsFollowTheHouseStyle();
    void eachProgrammeShowsWhatItsSegmentsNeed();
    void eachMalformedFileGivesItsPreciseMessage_data();
    void eachMalformedFileGivesItsPreciseMessage();
    void aBadFileNeverYieldsAShow();
    void allProblemsInAFileAreReportedTogether();
    void syntaxErrorColumnsCountCharactersNotBytes();
    void errorsPrintAsFileLineColumnPathMessage();
    void unreadablePathsGiveAMessageNotACrash();
    void aValidFileLoadsEveryField();
    void resolveShowPathMapsNamesToShippedShows();
    void theReadmeExampleLoads();
    void randomlyDamagedFilesNeverCrash();
};

void TestShowLoader::eachShippedShowLoads_data() {
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("titleZh");
    QTest::addColumn<QStringList>("scenes");
    QTest::addColumn<QStringList>("cameras");

    QTest::newRow("sitcom") << "sitcom"
                            << "三个6剧社 · 情景剧"
                            << QStringList{"title-card", "wide", "close", "two-shot", "cast", "ending"}
                            << QStringList{"cam-wide", "cam-close"};
    QTest::newRow("cooking") << "cooking"
                             << "齐悦美食汇"
                             << QStringList{"opening", "host", "stove", "closeup", "qa", "ending"}
                             << QStringList{"cam-host", "cam-overhead", "cam-closeup"};
    QTest::newRow("first-aid") << "first-aid"
                               << "急救培训会" << QStringList{"opening",    "lecture", "demo",  "hands",
                                                              "cpr-rhythm", "qa",      "ending"}
                               << QStringList{"cam-host", "cam-demo", "cam-hands"};
    QTest::newRow("stage") << "stage"
                           << "百姓大舞台" << QStringList{"opening",   "stage-wide",   "stage", "closeup",
                                                          "programme", "intermission", "ending"}
                           << QStringList{"cam-stage", "cam-wide", "cam-close"};
}

void TestShowLoader::eachShippedShowLoads() {
    QFETCH(QString, program);
    QFETCH(QString, titleZh);
    QFETCH(QStringList, scenes);
    QFETCH(QStringList, cameras);

    const QString path = ShowLoader::resolveShowPath(program, kScenesDir);
    const LoadResult result = ShowLoader::loadFile(path);
    QVERIFY2(result.ok(), qPrintable(dump(result)));
    const Show& show = *result.show;
    QCOMPARE(show.id, program);
    QCOMPARE(show.titleZh, titleZh);
    QVERIFY(!show.titleEn.isEmpty());
    QCOMPARE(show.filePath, QFileInfo(path).absoluteFilePath());

    QStringList sceneIds;
    for (const Scene& scene : show.scenes)
        sceneIds << scene.id;
    QCOMPARE(sceneIds, scenes);

    QStringList cameraIds;
    for (const Source& source : show.sources) {
        if (source.kind == SourceKind::Camera)
            cameraIds << source.id;
    }
    QCOMPARE(cameraIds, cameras);
}

void TestShowLoader::shippedShowsFollowTheHouseStyle() {
    QFETCH(QString, program);
    const LoadResult result = ShowLoader::loadFile(ShowLoader::resolveShowPath(program, kScenesDir));
    QVERIFY2(result.ok(), qPrintable(dump(result)));
    const Show& show = *result.show;

    // 1280x720 at 30 fps, 4 to 7 scenes, each named in Chinese.
    QCOMPARE(show.canvas.width, 1280);
    QCOMPARE(show.canvas.height, 720);
    QCOMPARE(show.canvas.fps, 30);
    QVERIFY2(show.scenes.size() >= 4 && show.scenes.size() <= 7,
             qPrintable(QString::number(show.scenes.size())));
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    for (const Scene& scene : show.scenes) {
        QVERIFY2(scene.name.contains(han), qPrintable(scene.id));
        QVERIFY2(!scene.nameEn.isEmpty(), qPrintable(scene.id));
    }

    // Cameras carry a label naming their id (it is drawn on the test pattern) and a tint.
    // Text uses the CJK font; there is a main microphone.
    int microphones = 0;
    int chineseTexts = 0;
    for (const Source& source : show.sources) {
        if (source.kind == SourceKind::Camera) {
            QVERIFY2(source.label.contains(source.id) && source.label.contains(han),
                     qPrintable(source.label));
            QVERIFY(source.color.isValid());
        }
        if (source.kind == SourceKind::AudioInput)
            ++microphones;
        if (source.kind == SourceKind::Text) {
            QCOMPARE(source.fontFace, QStringLiteral("Noto Sans CJK SC"));
            if (source.text.contains(han))
                ++chineseTexts;
        }
        if (source.kind == SourceKind::Image || source.kind == SourceKind::Media) {
            // Graphics come from assets/ and stay small.
            QVERIFY2(source.file.contains(QStringLiteral("/assets/")), qPrintable(source.file));
            QVERIFY2(QFileInfo(source.file).size() < 300 * 1024, qPrintable(source.file));
        }
    }
    QVERIFY(microphones >= 1);
    QVERIFY(chineseTexts >= 3);

    // Every source is used by some scene, except audio inputs, which play in all of them.
    for (const Source& source : show.sources) {
        if (source.kind == SourceKind::AudioInput)
            continue;
        bool used = false;
        for (const Scene& scene : show.scenes) {
            for (const SceneItem& item : scene.items)
                used = used || item.sourceId == source.id;
        }
        QVERIFY2(used, qPrintable(source.id + QStringLiteral(" is never shown")));
    }

    // A fade of 300-600 ms is the default, and a cut is available.
    const Transition* def = show.findTransition(show.defaultTransitionId);
    QVERIFY(def);
    QCOMPARE(def->kind, TransitionKind::Fade);
    QVERIFY(def->durationMs >= 300 && def->durationMs <= 600);
    bool hasCut = false;
    for (const Transition& transition : show.transitions)
        hasCut = hasCut || transition.kind == TransitionKind::Cut;
    QVERIFY(hasCut);
}

void TestShowLoader::eachProgrammeShowsWhatItsSegmentsNeed() {
    const auto load = [](const char* program) {
        LoadResult result =
            ShowLoader::loadFile(ShowLoader::resolveShowPath(QString::fromLatin1(program), kScenesDir));
        if (!result.ok())
            qFatal("%s", qPrintable(dump(result)));
        return *result.show;
    };
    // All text and all source ids of one scene, to ask "does the step card say ...".
    const auto texts = [](const Show& show, const char* sceneId) {
        QString all;
        for (const SceneItem& item : show.findScene(QString::fromLatin1(sceneId))->items) {
            const Source* source = show.findSource(item.sourceId);
            all += source->text + u'\n' + source->id + u'\n';
        }
        return all;
    };

    const Show sitcom = load("sitcom");
    QVERIFY(texts(sitcom, "title-card").contains(QStringLiteral("三个6剧社")));
    QVERIFY(texts(sitcom, "cast").contains(QStringLiteral("演职员表")));
    QVERIFY(texts(sitcom, "two-shot").contains(QStringLiteral("cam-wide")));
    QVERIFY(texts(sitcom, "two-shot").contains(QStringLiteral("cam-close")));

    const Show cooking = load("cooking");
    QVERIFY(texts(cooking, "stove").contains(QStringLiteral("cam-overhead")));
    QVERIFY(texts(cooking, "stove").contains(QStringLiteral("食　材")));
    QVERIFY(texts(cooking, "closeup").contains(QStringLiteral("第 3 步")));
    QVERIFY(texts(cooking, "qa").contains(QStringLiteral("观众提问")));

    const Show firstAid = load("first-aid");
    QVERIFY(texts(firstAid, "hands").contains(QStringLiteral("cam-hands")));
    QVERIFY(texts(firstAid, "hands").contains(QStringLiteral("胸外按压")) ||
            texts(firstAid, "hands").contains(QStringLiteral("按压胸骨")));
    QVERIFY(texts(firstAid, "cpr-rhythm").contains(QStringLiteral("按压频率 100-120 次/分")));
    QVERIFY(texts(firstAid, "demo").contains(QStringLiteral("cam-demo")));

    const Show stage = load("stage");
    QVERIFY(texts(stage, "closeup").contains(QStringLiteral("表演者")));
    QVERIFY(texts(stage, "programme").contains(QStringLiteral("节目单")));
    // Applause-safe: every microphone starts at -6 dB or lower, leaving headroom for peaks.
    for (const Source& source : stage.sources) {
        if (source.kind == SourceKind::AudioInput)
            QVERIFY2(source.volumeDb <= -6.0, qPrintable(source.id));
    }
    // The curtain stinger ships with its video and switches scenes half-way.
    const Transition* curtain = stage.findTransition(QStringLiteral("curtain"));
    QVERIFY(curtain);
    QCOMPARE(curtain->kind, TransitionKind::Stinger);
    QVERIFY(QFileInfo(curtain->file).isFile());
    QVERIFY(QFileInfo(curtain->file).size() < 300 * 1024);
    QVERIFY(curtain->transitionPointMs > 0 && curtain->transitionPointMs < curtain->durationMs);
}

void TestShowLoader::eachMalformedFileGivesItsPreciseMessage_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("jsonPath");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messageZh");
    QTest::addColumn<QString>("messageEn");

    // One problem per file; each file is good/minimal.json with one thing broken. Syntax errors point at the
    // offending character itself (the opening quote of an unclosed string), columns count characters.
    QTest::newRow("audio-in-scene")
        << QStringLiteral("audio-in-scene") << QStringLiteral("$.scenes[0].items[2].source") << 17 << 19
        << QStringLiteral("音频输入 “mic” 在所有场景中都能听到，不要放进场景")
        << QStringLiteral("audio input \"mic\" is heard in every scene; do not place it in a scene");
    QTest::newRow("bad-color-name") << QStringLiteral("bad-color-name")
                                    << QStringLiteral("$.sources[0].color") << 8 << 66
                                    << QStringLiteral("颜色 “red” 无效：应为 #RRGGBB 或 #AARRGGBB")
                                    << QStringLiteral(
                                           "invalid colour \"red\": expected #RRGGBB or #AARRGGBB");
    QTest::newRow("bad-color-short") << QStringLiteral("bad-color-short")
                                     << QStringLiteral("$.sources[0].color") << 8 << 66
                                     << QStringLiteral("颜色 “#369” 无效：应为 #RRGGBB 或 #AARRGGBB")
                                     << QStringLiteral(
                                            "invalid colour \"#369\": expected #RRGGBB or #AARRGGBB");
    QTest::newRow("canvas-fps-1000") << QStringLiteral("canvas-fps-1000") << QStringLiteral("$.canvas.fps")
                                     << 6 << 52 << QStringLiteral("帧率 1000 超出范围（10 到 60）")
                                     << QStringLiteral("frame rate 1000 is out of range (10 to 60)");
    QTest::newRow("canvas-fps-fraction")
        << QStringLiteral("canvas-fps-fraction") << QStringLiteral("$.canvas.fps") << 6 << 52
        << QStringLiteral("应为整数，实际为数字 29.97")
        << QStringLiteral("expected an integer, found the number 29.97");
    QTest::newRow("canvas-fps-zero") << QStringLiteral("canvas-fps-zero") << QStringLiteral("$.canvas.fps")
                                     << 6 << 52 << QStringLiteral("帧率 0 超出范围（10 到 60）")
                                     << QStringLiteral("frame rate 0 is out of range (10 to 60)");
    QTest::newRow("canvas-height-odd")
        << QStringLiteral("canvas-height-odd") << QStringLiteral("$.canvas.height") << 6 << 40
        << QStringLiteral("画布高度必须是偶数，实际为 719")
        << QStringLiteral("canvas height must be even, found 719");
    QTest::newRow("canvas-width-huge")
        << QStringLiteral("canvas-width-huge") << QStringLiteral("$.canvas.width") << 6 << 24
        << QStringLiteral("画布宽度 100000 超出范围（320 到 3840）")
        << QStringLiteral("canvas width 100000 is out of range (320 to 3840)");
    QTest::newRow("canvas-width-zero")
        << QStringLiteral("canvas-width-zero") << QStringLiteral("$.canvas.width") << 6 << 24
        << QStringLiteral("画布宽度 0 超出范围（320 到 3840）")
        << QStringLiteral("canvas width 0 is out of range (320 to 3840)");
    QTest::newRow("cut-with-duration")
        << QStringLiteral("cut-with-duration") << QStringLiteral("$.transitions[1].durationMs") << 24 << 49
        << QStringLiteral("硬切没有时长：删除 durationMs 或设为 0（实际为 500）")
        << QStringLiteral("a cut has no duration: remove durationMs or set it to 0 (found 500)");
    QTest::newRow("duplicate-key") << QStringLiteral("duplicate-key") << QStringLiteral("$.sources[0].label")
                                   << 8 << 57 << QStringLiteral("字段重复出现（第一次在第 8 行）")
                                   << QStringLiteral("duplicate member (first written on line 8)");
    QTest::newRow("duplicate-scene-id")
        << QStringLiteral("duplicate-scene-id") << QStringLiteral("$.scenes[1]") << 18 << 5
        << QStringLiteral("场景 id “main” 重复（第一次出现在 $.scenes[0]）")
        << QStringLiteral("duplicate scene id \"main\" (first used at $.scenes[0])");
    QTest::newRow("duplicate-source-id")
        << QStringLiteral("duplicate-source-id") << QStringLiteral("$.sources[1]") << 9 << 5
        << QStringLiteral("源 id “cam-a” 重复（第一次出现在 $.sources[0]）")
        << QStringLiteral("duplicate source id \"cam-a\" (first used at $.sources[0])");
    QTest::newRow("duplicate-transition-id")
        << QStringLiteral("duplicate-transition-id") << QStringLiteral("$.transitions[1]") << 24 << 5
        << QStringLiteral("转场 id “fade” 重复（第一次出现在 $.transitions[0]）")
        << QStringLiteral("duplicate transition id \"fade\" (first used at $.transitions[0])");
    QTest::newRow("empty-file") << QStringLiteral("empty-file") << QStringLiteral("$") << 1 << 1
                                << QStringLiteral("文件是空的") << QStringLiteral("the file is empty");
    QTest::newRow("empty-scene") << QStringLiteral("empty-scene") << QStringLiteral("$.scenes[1].items") << 18
                                 << 68 << QStringLiteral("场景没有任何画面元素")
                                 << QStringLiteral("the scene has no items");
    QTest::newRow("empty-text") << QStringLiteral("empty-text") << QStringLiteral("$.sources[3].text") << 11
                                << 48 << QStringLiteral("“text” 不能为空")
                                << QStringLiteral("\"text\" must not be empty");
    QTest::newRow("field-for-other-kind")
        << QStringLiteral("field-for-other-kind") << QStringLiteral("$.sources[2].fontSize") << 10 << 77
        << QStringLiteral("字段 “fontSize” 不适用于 image 类型")
        << QStringLiteral("field \"fontSize\" does not apply to kind \"image\"");
    QTest::newRow("font-size-huge") << QStringLiteral("font-size-huge")
                                    << QStringLiteral("$.sources[3].fontSize") << 11 << 68
                                    << QStringLiteral("字号 1000 超出范围（8 到 300）")
                                    << QStringLiteral("font size 1000 is out of range (8 to 300)");
    QTest::newRow("font-size-small") << QStringLiteral("font-size-small")
                                     << QStringLiteral("$.sources[3].fontSize") << 11 << 68
                                     << QStringLiteral("字号 2 超出范围（8 到 300）")
                                     << QStringLiteral("font size 2 is out of range (8 to 300)");
    QTest::newRow("format-missing") << QStringLiteral("format-missing") << QStringLiteral("$.format") << 1
                                    << 1 << QStringLiteral("缺少必填字段 “format”")
                                    << QStringLiteral("missing required field \"format\"");
    QTest::newRow("format-wrong")
        << QStringLiteral("format-wrong") << QStringLiteral("$.format") << 2 << 13
        << QStringLiteral("不是小站节目文件：format 应为 “xiaozhan.show”，实际为 “obs.scene-collection”")
        << QStringLiteral(
               "not a Xiaozhan show file: format must be \"xiaozhan.show\", found \"obs.scene-collection\"");
    QTest::newRow("id-chinese")
        << QStringLiteral("id-chinese") << QStringLiteral("$.id") << 4 << 9
        << QStringLiteral(
               "id “测试” 无效：只能用小写字母 a-z、数字 0-9 和连字符 -，以字母或数字开头，最长 64 个字符")
        << QStringLiteral("invalid id \"测试\": use only lower-case a-z, digits 0-9 and '-', starting with a "
                          "letter or digit, at most 64 characters");
    QTest::newRow("id-not-ascii")
        << QStringLiteral("id-not-ascii") << QStringLiteral("$.sources[0].id") << 8 << 13
        << QStringLiteral(
               "id “Cam A” 无效：只能用小写字母 a-z、数字 0-9 和连字符 -，以字母或数字开头，最长 64 个字符")
        << QStringLiteral("invalid id \"Cam A\": use only lower-case a-z, digits 0-9 and '-', starting with "
                          "a letter or digit, at most 64 characters");
    QTest::newRow("invalid-utf8")
        << QStringLiteral("invalid-utf8") << QStringLiteral("$") << 11 << 49
        << QStringLiteral("JSON 语法错误：无效的 UTF-8 文字（请用 UTF-8 编码保存文件）")
        << QStringLiteral("JSON syntax error: invalid UTF-8 text (save the file as UTF-8)");
    QTest::newRow("item-far-off-canvas")
        << QStringLiteral("item-far-off-canvas") << QStringLiteral("$.scenes[0].items[1].x") << 16 << 35
        << QStringLiteral("位置 x=50000 离画布太远（允许 -1280 到 2560）")
        << QStringLiteral("position x=50000 is too far off the canvas (allowed -1280 to 2560)");
    QTest::newRow("item-negative-width")
        << QStringLiteral("item-negative-width") << QStringLiteral("$.scenes[0].items[0].width") << 15 << 53
        << QStringLiteral("尺寸 width=-1280 超出范围（大于 0，最多 5120）")
        << QStringLiteral("size width=-1280 is out of range (more than 0, at most 5120)");
    QTest::newRow("missing-fps") << QStringLiteral("missing-fps") << QStringLiteral("$.canvas.fps") << 6 << 13
                                 << QStringLiteral("缺少必填字段 “fps”")
                                 << QStringLiteral("missing required field \"fps\"");
    QTest::newRow("missing-image") << QStringLiteral("missing-image") << QStringLiteral("$.sources[2].file")
                                   << 10 << 44 << QStringLiteral("找不到图片文件：%DATA%/good/missing.png")
                                   << QStringLiteral("image file not found: %DATA%/good/missing.png");
    QTest::newRow("missing-items") << QStringLiteral("missing-items") << QStringLiteral("$.scenes[1].items")
                                   << 18 << 5 << QStringLiteral("缺少必填字段 “items”")
                                   << QStringLiteral("missing required field \"items\"");
    QTest::newRow("negative-duration")
        << QStringLiteral("negative-duration") << QStringLiteral("$.transitions[0].durationMs") << 23 << 51
        << QStringLiteral("时长不能为负数：-300 毫秒")
        << QStringLiteral("duration must not be negative: -300 ms");
    QTest::newRow("no-scenes") << QStringLiteral("no-scenes") << QStringLiteral("$.scenes") << 13 << 13
                               << QStringLiteral("节目没有场景") << QStringLiteral("the show has no scenes");
    QTest::newRow("not-an-image")
        << QStringLiteral("not-an-image") << QStringLiteral("$.sources[2].file") << 10 << 44
        << QStringLiteral("不是可用的图片（格式不支持或文件已损坏）：%DATA%/bad/not-an-image.png")
        << QStringLiteral(
               "not a usable image (unsupported format or damaged file): %DATA%/bad/not-an-image.png");
    QTest::newRow("root-array") << QStringLiteral("root-array") << QStringLiteral("$") << 1 << 1
                                << QStringLiteral("文件的最外层应为对象 {…}，实际为数组")
                                << QStringLiteral("the top level must be an object {…}, found an array");
    QTest::newRow("scene-id-is-source-id")
        << QStringLiteral("scene-id-is-source-id") << QStringLiteral("$.scenes[1].id") << 18 << 13
        << QStringLiteral("场景 id “bg” 与源重名（$.sources[2]）：场景和源共用一套名字")
        << QStringLiteral("scene id \"bg\" is already a source id ($.sources[2]): scenes and sources share "
                          "one set of names");
    QTest::newRow("syntax-after-chinese")
        << QStringLiteral("syntax-after-chinese") << QStringLiteral("$") << 11 << 55
        << QStringLiteral("JSON 语法错误：缺少逗号 “,”：上一个字段之后应为 “,” 或 “}”，实际为字符串")
        << QStringLiteral("JSON syntax error: missing ',': after a member comes ',' or '}', found a string");
    QTest::newRow("syntax-missing-comma")
        << QStringLiteral("syntax-missing-comma") << QStringLiteral("$") << 4 << 3
        << QStringLiteral("JSON 语法错误：缺少逗号 “,”：上一个字段之后应为 “,” 或 “}”，实际为字符串")
        << QStringLiteral("JSON syntax error: missing ',': after a member comes ',' or '}', found a string");
    QTest::newRow("syntax-trailing-comma") << QStringLiteral("syntax-trailing-comma") << QStringLiteral("$")
                                           << 24 << 35 << QStringLiteral("JSON 语法错误：“]” 前多了一个逗号")
                                           << QStringLiteral("JSON syntax error: trailing comma before ']'");
    QTest::newRow("syntax-unterminated-string")
        << QStringLiteral("syntax-unterminated-string") << QStringLiteral("$") << 26 << 24
        << QStringLiteral("JSON 语法错误：字符串没有结束：这一行缺少右引号 “\"”")
        << QStringLiteral("JSON syntax error: unterminated string: the closing '\"' is missing on this line");
    QTest::newRow("unknown-default-transition")
        << QStringLiteral("unknown-default-transition") << QStringLiteral("$.defaultTransition") << 26 << 24
        << QStringLiteral("引用了不存在的转场 “dissolve”")
        << QStringLiteral("refers to an unknown transition \"dissolve\"");
    QTest::newRow("unknown-field") << QStringLiteral("unknown-field")
                                   << QStringLiteral("$.scenes[0].items[1].widht") << 16 << 58
                                   << QStringLiteral("未知字段 “widht”")
                                   << QStringLiteral("unknown field \"widht\"");
    QTest::newRow("unknown-item-source")
        << QStringLiteral("unknown-item-source") << QStringLiteral("$.scenes[0].items[1].source") << 16 << 19
        << QStringLiteral("引用了不存在的源 “subtitle”")
        << QStringLiteral("refers to an unknown source \"subtitle\"");
    QTest::newRow("unknown-source-kind")
        << QStringLiteral("unknown-source-kind") << QStringLiteral("$.sources[0].kind") << 8 << 30
        << QStringLiteral("未知的源类型 “webcam”（可用：camera、image、text、color、media、audio-input）")
        << QStringLiteral("unknown source kind \"webcam\" (expected one of: camera, image, text, color, "
                          "media, audio-input)");
    QTest::newRow("unknown-transition-kind")
        << QStringLiteral("unknown-transition-kind") << QStringLiteral("$.transitions[0].kind") << 23 << 29
        << QStringLiteral(
               "未知的转场类型 “dissolve”（可用：cut、fade、fade-to-color、swipe、slide、wipe、stinger）")
        << QStringLiteral("unknown transition kind \"dissolve\" (expected one of: cut, fade, fade-to-color, "
                          "swipe, slide, wipe, stinger)");
    QTest::newRow("version-unsupported")
        << QStringLiteral("version-unsupported") << QStringLiteral("$.version") << 3 << 14
        << QStringLiteral("不支持的版本 2（本程序读取版本 1）")
        << QStringLiteral("unsupported version 2 (this Xiaozhan reads version 1)");
    QTest::newRow("six-audio-inputs")
        << QStringLiteral("six-audio-inputs") << QStringLiteral("$.sources[6]") << 14 << 5
        << QStringLiteral(
               "音频输入 “mic-6” 是第 6 个：一个节目最多 5 个话筒输入（更多话筒请先在调音台上合并）")
        << QStringLiteral(
               "audio input \"mic-6\" is number 6: a show has at most 5 (mix more microphones on a "
               "mixing desk first)");
    QTest::newRow("volume-too-loud") << QStringLiteral("volume-too-loud")
                                     << QStringLiteral("$.sources[1].volumeDb") << 9 << 55
                                     << QStringLiteral("音量 40 dB 超出范围（-60 到 +20 dB）")
                                     << QStringLiteral("volume 40 dB is out of range (-60 to +20 dB)");
    QTest::newRow("wrong-type-visible")
        << QStringLiteral("wrong-type-visible") << QStringLiteral("$.scenes[0].items[1].visible") << 16 << 60
        << QStringLiteral("应为布尔值 true 或 false，实际为字符串 \"yes\"")
        << QStringLiteral("expected true or false, found the string \"yes\"");
    QTest::newRow("wrong-type-width")
        << QStringLiteral("wrong-type-width") << QStringLiteral("$.canvas.width") << 6 << 24
        << QStringLiteral("应为整数，实际为字符串 \"1280\"")
        << QStringLiteral("expected an integer, found the string \"1280\"");
}

void TestShowLoader::eachMalformedFileGivesItsPreciseMessage() {
    QFETCH(QString, fixture);
    QFETCH(QString, jsonPath);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messageZh);
    QFETCH(QString, messageEn);

    const QString path = kData + QStringLiteral("/bad/") + fixture + QStringLiteral(".json");
    const LoadResult result = ShowLoader::loadFile(path);
    QVERIFY(!result.show);
    QVERIFY2(result.errors.size() == 1, qPrintable(dump(result)));
    const ShowError& error = result.errors.first();
    QCOMPARE(error.file, path);
    QCOMPARE(error.jsonPath, jsonPath);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QCOMPARE(error.messageZh, QString(messageZh).replace(QStringLiteral("%DATA%"), kData));
    QCOMPARE(error.messageEn, QString(messageEn).replace(QStringLiteral("%DATA%"), kData));
}

void TestShowLoader::aBadFileNeverYieldsAShow() {
    const QStringList files =
        QDir(kData + QStringLiteral("/bad")).entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 15);
    for (const QString& name : files) {
        const QString path = kData + QStringLiteral("/bad/") + name;
        const LoadResult result = ShowLoader::loadFile(path);
        qInfo().noquote() << dump(result);
        QVERIFY2(!result.show.has_value(), qPrintable(name));
        QVERIFY2(!result.ok(), qPrintable(name));
        QVERIFY2(!result.errors.isEmpty(), qPrintable(name));
        for (const ShowError& error : result.errors) {
            QCOMPARE(error.file, path);
            QVERIFY2(error.jsonPath.startsWith(u'$'), qPrintable(error.toString()));
            QVERIFY2(error.line > 0 && error.column > 0, qPrintable(error.toString()));
            QVERIFY2(!error.messageZh.isEmpty() && !error.messageEn.isEmpty(), qPrintable(error.toString()));
        }
    }
}

void TestShowLoader::allProblemsInAFileAreReportedTogether() {
    // Four unrelated mistakes: all four are listed, top to bottom, and a broken source does not also
    // produce "unknown source" errors for the scene items that use it.
    const LoadResult result = ShowLoader::loadFile(kData + QStringLiteral("/bad/many-problems.json"));
    QVERIFY(!result.show);
    QStringList paths;
    for (const ShowError& error : result.errors)
        paths << error.jsonPath;
    QCOMPARE(paths, (QStringList{"$.canvas.fps", "$.sources[0].kind", "$.scenes[0].items[1].source",
                                 "$.defaultTransition"}));
    QCOMPARE(
        result.errors.at(1).messageEn,
        QStringLiteral("unknown source kind \"webcam\" (expected one of: camera, image, text, color, media, "
                       "audio-input)"));
}

void TestShowLoader::syntaxErrorColumnsCountCharactersNotBytes() {
    // "齐悦美食汇" is 15 bytes but 5 characters: the stray x is character 19, byte 29.
    LoadResult result = ShowLoader::loadJson(QByteArray("{\"title\": \"齐悦美食汇\" x}"), "mem.json", kData);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().line, 1);
    QCOMPARE(result.errors.first().column, 19);
    QCOMPARE(result.errors.first().messageEn,
             QStringLiteral("JSON syntax error: missing ',': after a member comes ',' or '}', found 'x'"));

    // A four-byte character (an emoji) is one column too; CRLF line ends count as one line break.
    result = ShowLoader::loadJson(QByteArray("{\r\n  \"a\": \"\xF0\x9F\x98\x80\", \"b\": tru\r\n}"),
                                  "mem.json", kData);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().line, 2);
    QCOMPARE(result.errors.first().column, 18);
    QCOMPARE(
        result.errors.first().messageEn,
        QStringLiteral("JSON syntax error: a value was expected, found 'tru' (text needs double quotes)"));

    // An unclosed bracket is reported at the end of the file and names the line it was opened on.
    result = ShowLoader::loadJson(QByteArray("{\n  \"scenes\": [\n    {}\n"), "mem.json", kData);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().line, 4);
    QCOMPARE(result.errors.first().column, 1);
    QCOMPARE(
        result.errors.first().messageEn,
        QStringLiteral("JSON syntax error: unexpected end of file: the '[' opened on line 2 is never closed "
                       "with ']'"));

    // Things QJsonDocument would let through are still errors here.
    result = ShowLoader::loadJson(QByteArray("{\"a\": \"C:\\xiaozhan\"}"), "mem.json", kData);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().column, 10);
    QCOMPARE(result.errors.first().messageEn,
             QStringLiteral("JSON syntax error: invalid escape '\\x' (write a backslash as \\\\)"));
}

void TestShowLoader::errorsPrintAsFileLineColumnPathMessage() {
    ShowError error;
    error.file = QStringLiteral("scenes/cooking/show.json");
    error.jsonPath = QStringLiteral("$.scenes[2].items[0].source");
    error.line = 42;
    error.column = 7;
    error.messageZh = QStringLiteral("引用了不存在的源 “cam-top”");
    error.messageEn = QStringLiteral("refers to an unknown source \"cam-top\"");
    QCOMPARE(error.toString(),
             QStringLiteral("scenes/cooking/show.json:42:7: $.scenes[2].items[0].source: "
                            "引用了不存在的源 “cam-top” / refers to an unknown source \"cam-top\""));
    error.line = 0;
    error.column = 0;
    error.jsonPath = QStringLiteral("$");
    QCOMPARE(error.toString(),
             QStringLiteral("scenes/cooking/show.json: $: 引用了不存在的源 “cam-top” / refers to "
                            "an unknown source \"cam-top\""));
}

void TestShowLoader::unreadablePathsGiveAMessageNotACrash() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath(QStringLiteral("nope/show.json"));
    LoadResult result = ShowLoader::loadFile(missing);
    QVERIFY(!result.show);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().file, missing);
    QCOMPARE(result.errors.first().jsonPath, QStringLiteral("$"));
    QCOMPARE(result.errors.first().messageEn, QStringLiteral("show file not found: ") + missing);

    result = ShowLoader::loadFile(dir.path());
    QVERIFY(!result.show);
    QCOMPARE(result.errors.first().messageEn, QStringLiteral("this is a folder, not a show file"));

    result = ShowLoader::loadFile(QString());
    QVERIFY(!result.show);
    QCOMPARE(result.errors.size(), 1);

    // Too big to be a show file: refused before reading it.
    QFile big(dir.filePath(QStringLiteral("big.json")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(5 * 1024 * 1024, ' '));
    big.close();
    result = ShowLoader::loadFile(big.fileName());
    QVERIFY(!result.show);
    QVERIFY2(result.errors.first().messageEn.startsWith(QStringLiteral("file too large")),
             qPrintable(result.errors.first().messageEn));

    // Binary junk, deep nesting and an empty object never crash.
    QByteArray junk;
    for (int i = 0; i < 4096; ++i)
        junk.append(char((i * 7919) % 256));
    QVERIFY(!ShowLoader::loadJson(junk, "junk", dir.path()).show);
    QVERIFY(!ShowLoader::loadJson(QByteArray(100000, '['), "deep", dir.path()).show);
    QVERIFY(
        !ShowLoader::loadJson(QByteArray(100000, '[') + QByteArray(100000, ']'), "deep", dir.path()).show);
    result = ShowLoader::loadJson("{}", "empty", dir.path());
    QVERIFY(!result.show);
    QCOMPARE(result.errors.size(), 2); // format and version
}

void TestShowLoader::aValidFileLoadsEveryField() {
    const QString good = kData + QStringLiteral("/good");
    LoadResult result = ShowLoader::loadFile(good + QStringLiteral("/minimal.json"));
    QVERIFY2(result.ok(), qPrintable(dump(result)));
    Show show = *result.show;
    QCOMPARE(show.version, 1);
    QCOMPARE(show.id, QStringLiteral("fixture"));
    QCOMPARE(show.titleZh, QStringLiteral("测试节目"));
    QCOMPARE(show.titleEn, QStringLiteral("Test show"));
    QCOMPARE(show.filePath, good + QStringLiteral("/minimal.json"));
    QCOMPARE(show.sources.size(), 4);
    const Source* cam = show.findSource(QStringLiteral("cam-a"));
    QVERIFY(cam);
    QCOMPARE(cam->kind, SourceKind::Camera);
    QCOMPARE(cam->label, QStringLiteral("机位 A"));
    QCOMPARE(cam->color, QColor(0x33, 0x66, 0x99));
    const Source* mic = show.findSource(QStringLiteral("mic"));
    QCOMPARE(mic->kind, SourceKind::AudioInput);
    QCOMPARE(mic->device, QStringLiteral("default"));
    QCOMPARE(mic->volumeDb, -6.0);
    QCOMPARE(mic->label, QStringLiteral("mic")); // defaults to the id
    QCOMPARE(show.findSource(QStringLiteral("bg"))->file, good + QStringLiteral("/pixel.png"));
    const Source* caption = show.findSource(QStringLiteral("caption"));
    QCOMPARE(caption->text, QStringLiteral("下方字幕"));
    QCOMPARE(caption->fontSize, 40);
    QCOMPARE(caption->fontFace, QStringLiteral("Noto Sans CJK SC"));
    QCOMPARE(show.scenes.at(0).name, QStringLiteral("主画面"));
    QCOMPARE(show.scenes.at(0).nameEn, QString());
    QCOMPARE(show.scenes.at(1).name, QStringLiteral("字卡"));
    QCOMPARE(show.scenes.at(1).nameEn, QStringLiteral("Card"));
    const SceneItem& item = show.scenes.at(0).items.at(0);
    QCOMPARE(item.sourceId, QStringLiteral("cam-a"));
    QCOMPARE(item.width, 1280.0);
    QVERIFY(item.visible);
    QCOMPARE(show.scenes.at(1).items.at(0).width, 0.0); // natural size
    QCOMPARE(show.findTransition(QStringLiteral("fade"))->durationMs, 300);
    QCOMPARE(show.findTransition(QStringLiteral("cut"))->kind, TransitionKind::Cut);
    QCOMPARE(show.defaultTransitionId, QStringLiteral("fade"));
    QVERIFY(!show.findSource(QStringLiteral("nothing")));
    QVERIFY(!show.findScene(QStringLiteral("nothing")));

    // Every kind and option, with a byte-order mark and "_" comment members (both accepted).
    const QByteArray all = "\xEF\xBB\xBF"
                           R"({
      "_comment": "comments are members starting with _",
      "format": "xiaozhan.show", "version": 1, "id": "all-kinds",
      "title": { "zh": "全部", "en": "Everything" },
      "canvas": { "width": 1920, "height": 1080, "fps": 25 },
      "sources": [
        { "id": "cam", "kind": "camera", "device": "v4l2src device=/dev/video0", "volumeDb": -12, "muted": true },
        { "id": "wash", "kind": "color", "color": "#80FF0000", "width": 640, "height": 360 },
        { "id": "loop", "kind": "media", "file": "pixel.png", "loop": false, "volumeDb": -20.5 },
        { "id": "line", "kind": "text", "text": "第一行\n第二行", "fontFace": "Noto Serif CJK SC", "fontSize": 8,
          "fontStyle": "Bold Italic", "color": "#FFC93C", "outline": true, "dropShadow": true },
        { "id": "mic", "kind": "audio-input", "device": "alsa_input.usb-mic", "muted": true }
      ],
      "scenes": [ { "id": "only", "name": "唯一", "items": [
        { "source": "cam", "x": -1280, "y": 2160, "width": 7680, "height": 0.5, "visible": false, "_note": "edge" },
        { "source": "wash", "x": 3840.0, "y": -1080 } ] } ],
      "transitions": [
        { "id": "dip", "kind": "fade-to-color", "durationMs": 600, "color": "#FFFFFF" },
        { "id": "swipe", "kind": "swipe", "durationMs": 700, "direction": "up" },
        { "id": "slide", "kind": "slide", "durationMs": 50 },
        { "id": "wipe", "kind": "wipe", "durationMs": 10000 },
        { "id": "sting", "kind": "stinger", "durationMs": 1000, "file": "pixel.png", "transitionPointMs": 400 },
        { "id": "cut", "kind": "cut", "durationMs": 0 } ],
      "defaultTransition": "sting"
    })";
    result = ShowLoader::loadJson(all, QStringLiteral("all.json"), good);
    QVERIFY2(result.ok(), qPrintable(dump(result)));
    show = *result.show;
    QCOMPARE(show.canvas.width, 1920);
    QCOMPARE(show.canvas.fps, 25);
    QCOMPARE(show.sources.at(0).device, QStringLiteral("v4l2src device=/dev/video0"));
    QCOMPARE(show.sources.at(0).volumeDb, -12.0);
    QVERIFY(show.sources.at(0).muted);
    QCOMPARE(show.sources.at(1).color, QColor(255, 0, 0, 128));
    QCOMPARE(show.sources.at(1).width, 640);
    QCOMPARE(show.sources.at(2).kind, SourceKind::Media);
    QVERIFY(!show.sources.at(2).loop);
    QCOMPARE(show.sources.at(2).volumeDb, -20.5);
    QCOMPARE(show.sources.at(3).text, QStringLiteral("第一行\n第二行"));
    QCOMPARE(show.sources.at(3).fontStyle, QStringLiteral("Bold Italic"));
    QVERIFY(show.sources.at(3).outline && show.sources.at(3).dropShadow);
    QCOMPARE(show.sources.at(4).device, QStringLiteral("alsa_input.usb-mic"));
    QVERIFY(!show.scenes.at(0).items.at(0).visible);
    QCOMPARE(show.scenes.at(0).items.at(1).x, 3840.0);
    QCOMPARE(show.transitions.at(0).color, QColor(Qt::white));
    QCOMPARE(show.transitions.at(1).direction, QStringLiteral("up"));
    QCOMPARE(show.transitions.at(2).direction, QStringLiteral("left"));
    QCOMPARE(show.transitions.at(4).file, good + QStringLiteral("/pixel.png"));
    QCOMPARE(show.transitions.at(4).transitionPointMs, 400);
    QCOMPARE(show.defaultTransitionId, QStringLiteral("sting"));

    QCOMPARE(ShowParser::parseColor(QStringLiteral("#336699")), QColor(0x33, 0x66, 0x99));
    QVERIFY(!ShowParser::parseColor(QStringLiteral("336699")));
    QVERIFY(!ShowParser::parseColor(QStringLiteral("#33669")));
    QVERIFY(ShowParser::isValidId(QStringLiteral("cam-host")));
    QVERIFY(ShowParser::isValidId(QStringLiteral("3-cam")));
    QVERIFY(!ShowParser::isValidId(QStringLiteral("-cam")));
    QVERIFY(!ShowParser::isValidId(QStringLiteral("cam_host")));
    QVERIFY(!ShowParser::isValidId(QString(65, u'a')));
}

void TestShowLoader::resolveShowPathMapsNamesToShippedShows() {
    const QString scenes = QStringLiteral("/opt/xz/scenes");
    for (const char* name : {"sitcom", "cooking", "first-aid", "stage"})
        QCOMPARE(ShowLoader::resolveShowPath(QString::fromLatin1(name), scenes),
                 scenes + u'/' + QString::fromLatin1(name) + QStringLiteral("/show.json"));
    // Anything with a slash or a .json ending is a path, used as given (so messages show what was typed).
    QCOMPARE(ShowLoader::resolveShowPath(QStringLiteral("my-show.json"), scenes),
             QStringLiteral("my-show.json"));
    QCOMPARE(ShowLoader::resolveShowPath(QStringLiteral("./shows/x.json"), scenes),
             QStringLiteral("./shows/x.json"));
    QCOMPARE(ShowLoader::resolveShowPath(QStringLiteral("/tmp/x"), scenes), QStringLiteral("/tmp/x"));
    // A programme folder means the show inside it.
    QCOMPARE(ShowLoader::resolveShowPath(kScenesDir + QStringLiteral("/cooking"), scenes),
             kScenesDir + QStringLiteral("/cooking/show.json"));
    // An unknown name still maps to where it would be, and loading it says the file is missing.
    const QString unknown = ShowLoader::resolveShowPath(QStringLiteral("news"), kScenesDir);
    QCOMPARE(unknown, kScenesDir + QStringLiteral("/news/show.json"));
    const LoadResult result = ShowLoader::loadFile(unknown);
    QVERIFY(!result.show);
    QVERIFY(result.errors.first().messageEn.contains(QStringLiteral("news/show.json")));
}

void TestShowLoader::theReadmeExampleLoads() {
    // scenes/README.md's complete example must stay a valid show, as if saved as scenes/interview/show.json.
    QFile readme(kScenesDir + QStringLiteral("/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QByteArray text = readme.readAll();
    const qsizetype section = text.indexOf("## A complete example");
    QVERIFY(section > 0);
    const qsizetype start = text.indexOf("```json\n", section) + 8;
    const qsizetype end = text.indexOf("```", start);
    QVERIFY(start > 8 && end > start);
    const LoadResult result =
        ShowLoader::loadJson(text.mid(start, end - start), QStringLiteral("README example"),
                             kScenesDir + QStringLiteral("/interview"));
    QVERIFY2(result.ok(), qPrintable(dump(result)));
    QCOMPARE(result.show->scenes.size(), 2);
    QCOMPARE(result.show->scenes.at(1).name, QStringLiteral("休息"));
}

void TestShowLoader::randomlyDamagedFilesNeverCrash() {
    // Thousands of copies of a good file with a few bytes flipped, dropped or duplicated (a fixed seed, so a
    // failure reproduces): each either loads completely or reports errors, all with a position.
    QFile file(kData + QStringLiteral("/good/minimal.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray good = file.readAll();
    QRandomGenerator random(20261129);
    QLoggingCategory::setFilterRules(QStringLiteral("xz.show.debug=false")); // thousands of error lines
    static const char interesting[] = "{}[],:\"\\ 0-9.eE\n\xE4\xB8\x80\xFF";
    int loaded = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray damaged = good;
        const int edits = 1 + random.bounded(3);
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = random.bounded(damaged.size());
            switch (random.bounded(3)) {
            case 0:
                damaged[at] = interesting[random.bounded(int(sizeof(interesting) - 1))];
                break;
            case 1:
                damaged.remove(at, 1 + random.bounded(8));
                break;
            default:
                damaged.insert(at, damaged.mid(random.bounded(damaged.size()), random.bounded(16)));
                break;
            }
        }
        const LoadResult result =
            ShowLoader::loadJson(damaged, QStringLiteral("damaged.json"), kData + "/good");
        if (result.show) {
            QVERIFY(result.errors.isEmpty());
            ++loaded;
            continue;
        }
        QVERIFY(!result.errors.isEmpty());
        for (const ShowError& error : result.errors)
            QVERIFY2(error.line > 0 && error.column > 0, qPrintable(error.toString() + u'\n' + damaged));
    }
    qInfo("%d of 3000 damaged files were still valid shows", loaded);
}

QTEST_GUILESS_MAIN(TestShowLoader)
#include "tst_showloader.moc"
