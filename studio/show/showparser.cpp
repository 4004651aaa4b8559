#include "showparser.h"

#include "jsonpath.h"
#include "objectreader.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QRegularExpression>

namespace xz::show {
namespace {

const QString kFormatName = QStringLiteral("xiaozhan.show");

struct KindName {
    const char* name;
    int kind;
};

constexpr KindName kSourceKinds[] = {
    {"camera", int(SourceKind::Camera)}, {"image", int(SourceKind::Image)},
    {"text", int(SourceKind::Text)},     {"color", int(SourceKind::Color)},
    {"media", int(SourceKind::Media)},   {"audio-input", int(SourceKind::AudioInput)},
};

constexpr KindName kTransitionKinds[] = {
    {"cut", int(TransitionKind::Cut)},
    {"fade", int(TransitionKind::Fade)},
    {"fade-to-color", int(TransitionKind::FadeToColor)},
    {"swipe", int(TransitionKind::Swipe)},
    {"slide", int(TransitionKind::Slide)},
    {"wipe", int(TransitionKind::Wipe)},
    {"stinger", int(TransitionKind::Stinger)},
};

template <size_t N> std::optional<int> lookupKind(const KindName (&table)[N], const QString& name) {
    for (const KindName& entry : table) {
        if (name == QLatin1String(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

template <size_t N> QString kindList(const KindName (&table)[N], const QString& separator) {
    QStringList names;
    for (const KindName& entry : table)
        names << QLatin1String(entry.name);
    return names.join(separator);
}

// Members each source kind understands; anything else on a source is reported.
QSet<QString> sourceKeysFor(SourceKind kind) {
    QSet<QString> keys{QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("label")};
    switch (kind) {
    case SourceKind::Camera:
        keys += {QStringLiteral("color"), QStringLiteral("device"), QStringLiteral("volumeDb"),
                 QStringLiteral("muted")};
        break;
    case SourceKind::Image:
        keys += {QStringLiteral("file")};
        break;
    case SourceKind::Text:
        keys += {QStringLiteral("text"),      QStringLiteral("fontFace"), QStringLiteral("fontSize"),
                 QStringLiteral("fontStyle"), QStringLiteral("color"),    QStringLiteral("outline"),
                 QStringLiteral("dropShadow")};
        break;
    case SourceKind::Color:
        keys += {QStringLiteral("color"), QStringLiteral("width"), QStringLiteral("height")};
        break;
    case SourceKind::Media:
        keys += {QStringLiteral("file"), QStringLiteral("loop"), QStringLiteral("volumeDb"),
                 QStringLiteral("muted")};
        break;
    case SourceKind::AudioInput:
        keys += {QStringLiteral("device"), QStringLiteral("volumeDb"), QStringLiteral("muted")};
        break;
    }
    return keys;
}

QSet<QString> allSourceKeys() {
    QSet<QString> all;
    for (const KindName& entry : kSourceKinds)
        all += sourceKeysFor(SourceKind(entry.kind));
    return all;
}

QSet<QString> transitionKeysFor(TransitionKind kind) {
    QSet<QString> keys{QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("durationMs")};
    switch (kind) {
    case TransitionKind::FadeToColor:
        keys += {QStringLiteral("color")};
        break;
    case TransitionKind::Swipe:
    case TransitionKind::Slide:
        keys += {QStringLiteral("direction")};
        break;
    case TransitionKind::Stinger:
        keys += {QStringLiteral("file"), QStringLiteral("transitionPointMs")};
        break;
    case TransitionKind::Cut:
    case TransitionKind::Fade:
    case TransitionKind::Wipe:
        break;
    }
    return keys;
}

QSet<QString> allTransitionKeys() {
    QSet<QString> all;
    for (const KindName& entry : kTransitionKinds)
        all += transitionKeysFor(TransitionKind(entry.kind));
    return all;
}

QString number(double value) {
    return QString::number(value, 'g', 10);
}

} // namespace

bool ShowParser::isValidId(const QString& id) {
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    return id.size() <= limits::kMaxIdLength && pattern.match(id).hasMatch();
}

std::optional<QColor> ShowParser::parseColor(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$"));
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    const uint value = text.mid(1).toUInt(nullptr, 16);
    return text.size() == 7 ? QColor::fromRgb(value | 0xFF000000u) : QColor::fromRgba(value);
}

Show ShowParser::parse(const QJsonObject& rootObject) {
    Show show;
    ObjectReader root(rootObject, jsonpath::kRoot.toString(), errors_);
    // A file that is not a version-1 show (an OBS scene collection, a future format) would only produce a
    // wall of misleading errors, so stop at the first line of defence.
    if (!checkFormat(root))
        return show;

    if (const auto id = readId(root, QStringLiteral("id")))
        show.id = *id;
    parseTitle(root, show);
    parseCanvas(root, show);
    parseSources(root, show);
    parseScenes(root, show);
    parseTransitions(root, show);

    if (const auto def = root.string(QStringLiteral("defaultTransition"), Need::Required)) {
        show.defaultTransitionId = *def;
        if (!transitionIds_.contains(*def))
            errors_.add(root.pathOf(QStringLiteral("defaultTransition")),
                        QStringLiteral("引用了不存在的转场 “%1”").arg(*def),
                        QStringLiteral("refers to an unknown transition \"%1\"").arg(*def));
    }
    // The scene the safe-slate key puts on air; without one the studio shows its own "please stand by".
    if (const auto standby = root.string(QStringLiteral("standbyScene"), Need::Optional)) {
        show.standbySceneId = *standby;
        if (!show.findScene(*standby))
            errors_.add(root.pathOf(QStringLiteral("standbyScene")),
                        QStringLiteral("引用了不存在的场景 “%1”").arg(*standby),
                        QStringLiteral("refers to an unknown scene \"%1\"").arg(*standby));
    }
    root.reportUnread();
    return show;
}

bool ShowParser::checkFormat(ObjectReader& root) {
    const qsizetype before = errors_.size();
    const auto format = root.string(QStringLiteral("format"), Need::Required);
    if (format && *format != kFormatName) {
        errors_.add(
            root.pathOf(QStringLiteral("format")),
            QStringLiteral("不是小站节目文件：format 应为 “%1”，实际为 “%2”").arg(kFormatName, *format),
            QStringLiteral("not a Xiaozhan show file: format must be \"%1\", found \"%2\"")
                .arg(kFormatName, *format));
    }
    const auto version = root.integer(QStringLiteral("version"), Need::Required);
    if (version && *version != kFormatVersion) {
        errors_.add(root.pathOf(QStringLiteral("version")),
                    QStringLiteral("不支持的版本 %1（本程序读取版本 %2）").arg(*version).arg(kFormatVersion),
                    QStringLiteral("unsupported version %1 (this Xiaozhan reads version %2)")
                        .arg(*version)
                        .arg(kFormatVersion));
    }
    return errors_.size() == before;
}

std::optional<QString> ShowParser::readNonEmpty(ObjectReader& reader, const QString& key, Need need) {
    const auto text = reader.string(key, need);
    if (text && text->trimmed().isEmpty()) {
        errors_.add(reader.pathOf(key), QStringLiteral("“%1” 不能为空").arg(key),
                    QStringLiteral("\"%1\" must not be empty").arg(key));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> ShowParser::readId(ObjectReader& reader, const QString& key) {
    const auto id = reader.string(key, Need::Required);
    if (!id)
        return std::nullopt;
    if (!isValidId(*id)) {
        errors_.add(reader.pathOf(key),
                    QStringLiteral("id “%1” 无效：只能用小写字母 a-z、数字 0-9 和连字符 -，以字母或数字开头，"
                                   "最长 %2 个字符")
                        .arg(*id)
                        .arg(limits::kMaxIdLength),
                    QStringLiteral("invalid id \"%1\": use only lower-case a-z, digits 0-9 and '-', starting "
                                   "with a letter or digit, at most %2 characters")
                        .arg(*id)
                        .arg(limits::kMaxIdLength));
        // Still returned: references to it should not cascade into "unknown source" errors.
    }
    return id;
}

std::optional<QColor> ShowParser::readColor(ObjectReader& reader, const QString& key, Need need) {
    const auto text = reader.string(key, need);
    if (!text)
        return std::nullopt;
    const auto color = parseColor(*text);
    if (!color)
        errors_.add(reader.pathOf(key),
                    QStringLiteral("颜色 “%1” 无效：应为 #RRGGBB 或 #AARRGGBB").arg(*text),
                    QStringLiteral("invalid colour \"%1\": expected #RRGGBB or #AARRGGBB").arg(*text));
    return color;
}

std::optional<QString> ShowParser::readFile(ObjectReader& reader, const QString& key, bool mustBeImage) {
    const auto name = readNonEmpty(reader, key, Need::Required);
    if (!name)
        return std::nullopt;
    const QString path = QDir::cleanPath(QDir(baseDir_).absoluteFilePath(*name));
    const QFileInfo info(path);
    const QString whatZh = mustBeImage ? QStringLiteral("图片") : QStringLiteral("媒体");
    const QString whatEn = mustBeImage ? QStringLiteral("image") : QStringLiteral("media");
    if (!info.exists()) {
        errors_.add(reader.pathOf(key), QStringLiteral("找不到%1文件：%2").arg(whatZh, path),
                    QStringLiteral("%1 file not found: %2").arg(whatEn, path));
        return std::nullopt;
    }
    if (!info.isFile() || !info.isReadable()) {
        errors_.add(reader.pathOf(key), QStringLiteral("%1文件无法读取：%2").arg(whatZh, path),
                    QStringLiteral("cannot read the %1 file: %2").arg(whatEn, path));
        return std::nullopt;
    }
    if (mustBeImage) {
        QImageReader image(path);
        if (!image.canRead()) {
            errors_.add(
                reader.pathOf(key), QStringLiteral("不是可用的图片（格式不支持或文件已损坏）：%1").arg(path),
                QStringLiteral("not a usable image (unsupported format or damaged file): %1").arg(path));
            return std::nullopt;
        }
    }
    return path;
}

std::optional<double> ShowParser::readVolume(ObjectReader& reader) {
    const QString key = QStringLiteral("volumeDb");
    const auto db = reader.number(key, Need::Optional);
    if (db && (*db < limits::kMinVolumeDb || *db > limits::kMaxVolumeDb)) {
        errors_.add(reader.pathOf(key),
                    QStringLiteral("音量 %1 dB 超出范围（%2 到 +%3 dB）")
                        .arg(number(*db), number(limits::kMinVolumeDb), number(limits::kMaxVolumeDb)),
                    QStringLiteral("volume %1 dB is out of range (%2 to +%3 dB)")
                        .arg(number(*db), number(limits::kMinVolumeDb), number(limits::kMaxVolumeDb)));
        return std::nullopt;
    }
    return db;
}

std::optional<int> ShowParser::readDuration(ObjectReader& reader, const QString& key, Need need) {
    const auto ms = reader.integer(key, need);
    if (!ms)
        return std::nullopt;
    if (*ms < 0) {
        errors_.add(reader.pathOf(key), QStringLiteral("时长不能为负数：%1 毫秒").arg(*ms),
                    QStringLiteral("duration must not be negative: %1 ms").arg(*ms));
        return std::nullopt;
    }
    return ms;
}

void ShowParser::checkDuplicate(QHash<QString, QString>& seen, const QString& id, const QString& path,
                                const QString& whatZh, const QString& whatEn) {
    if (const auto it = seen.constFind(id); it != seen.cend()) {
        errors_.add(path, QStringLiteral("%1 id “%2” 重复（第一次出现在 %3）").arg(whatZh, id, it.value()),
                    QStringLiteral("duplicate %1 id \"%2\" (first used at %3)").arg(whatEn, id, it.value()));
        return;
    }
    seen.insert(id, path);
}

void ShowParser::parseTitle(ObjectReader& root, Show& show) {
    const auto title = root.object(QStringLiteral("title"), Need::Required);
    if (!title)
        return;
    ObjectReader reader(*title, root.pathOf(QStringLiteral("title")), errors_);
    show.titleZh = readNonEmpty(reader, QStringLiteral("zh"), Need::Required).value_or(QString());
    show.titleEn = readNonEmpty(reader, QStringLiteral("en"), Need::Required).value_or(QString());
    reader.reportUnread();
}

void ShowParser::parseCanvas(ObjectReader& root, Show& show) {
    const auto canvas = root.object(QStringLiteral("canvas"), Need::Required);
    if (!canvas)
        return;
    ObjectReader reader(*canvas, root.pathOf(QStringLiteral("canvas")), errors_);

    // Encoders work on 4:2:0 video, which needs even sizes; the bounds keep a 2-core PC able to render it.
    const auto checkSize = [&](const QString& key, const QString& nameZh, const QString& nameEn, int min,
                               int max, int& out) {
        const auto value = reader.integer(key, Need::Required);
        if (!value)
            return;
        if (*value < min || *value > max) {
            errors_.add(
                reader.pathOf(key),
                QStringLiteral("画布%1 %2 超出范围（%3 到 %4）").arg(nameZh).arg(*value).arg(min).arg(max),
                QStringLiteral("canvas %1 %2 is out of range (%3 to %4)")
                    .arg(nameEn)
                    .arg(*value)
                    .arg(min)
                    .arg(max));
        } else if (*value % 2 != 0) {
            errors_.add(reader.pathOf(key),
                        QStringLiteral("画布%1必须是偶数，实际为 %2").arg(nameZh).arg(*value),
                        QStringLiteral("canvas %1 must be even, found %2").arg(nameEn).arg(*value));
        } else {
            out = *value;
        }
    };
    checkSize(QStringLiteral("width"), QStringLiteral("宽度"), QStringLiteral("width"),
              limits::kMinCanvasWidth, limits::kMaxCanvasWidth, show.canvas.width);
    checkSize(QStringLiteral("height"), QStringLiteral("高度"), QStringLiteral("height"),
              limits::kMinCanvasHeight, limits::kMaxCanvasHeight, show.canvas.height);

    if (const auto fps = reader.integer(QStringLiteral("fps"), Need::Required)) {
        if (*fps < limits::kMinFps || *fps > limits::kMaxFps)
            errors_.add(reader.pathOf(QStringLiteral("fps")),
                        QStringLiteral("帧率 %1 超出范围（%2 到 %3）")
                            .arg(*fps)
                            .arg(limits::kMinFps)
                            .arg(limits::kMaxFps),
                        QStringLiteral("frame rate %1 is out of range (%2 to %3)")
                            .arg(*fps)
                            .arg(limits::kMinFps)
                            .arg(limits::kMaxFps));
        else
            show.canvas.fps = *fps;
    }
    reader.reportUnread();
}

void ShowParser::parseSources(ObjectReader& root, Show& show) {
    const auto sources = root.array(QStringLiteral("sources"), Need::Required);
    if (!sources)
        return;
    const QString path = root.pathOf(QStringLiteral("sources"));
    if (sources->isEmpty())
        errors_.add(path, QStringLiteral("节目没有任何源"), QStringLiteral("the show has no sources"));
    int audioInputs = 0;
    for (qsizetype i = 0; i < sources->size(); ++i) {
        const QString sourcePath = jsonpath::element(path, i);
        auto source = parseSource(sources->at(i), sourcePath, show);
        if (!source)
            continue;
        if (source->kind == SourceKind::AudioInput && ++audioInputs > limits::kMaxAudioInputs) {
            errors_.add(
                sourcePath,
                QStringLiteral(
                    "音频输入 “%1” 是第 %2 个：一个节目最多 %3 个话筒输入（更多话筒请先在调音台上合并）")
                    .arg(source->id)
                    .arg(audioInputs)
                    .arg(limits::kMaxAudioInputs),
                QStringLiteral("audio input \"%1\" is number %2: a show has at most %3 (mix more "
                               "microphones on a mixing desk first)")
                    .arg(source->id)
                    .arg(audioInputs)
                    .arg(limits::kMaxAudioInputs));
            continue;
        }
        show.sources.append(*source);
    }
}

std::optional<Source> ShowParser::parseSource(const QJsonValue& value, const QString& path,
                                              const Show& show) {
    if (!value.isObject()) {
        errors_.add(
            path, QStringLiteral("源应为对象 {…}，实际为%1").arg(ObjectReader::describeZh(value)),
            QStringLiteral("a source must be an object {…}, found %1").arg(ObjectReader::describeEn(value)));
        return std::nullopt;
    }
    const qsizetype before = errors_.size();
    ObjectReader reader(value.toObject(), path, errors_);
    Source source;
    const auto id = readId(reader, QStringLiteral("id"));
    if (id) {
        source.id = *id;
        checkDuplicate(sourceAndSceneIds_, *id, path, QStringLiteral("源"), QStringLiteral("source"));
    }

    const auto kindName = reader.string(QStringLiteral("kind"), Need::Required);
    std::optional<int> kind = kindName ? lookupKind(kSourceKinds, *kindName) : std::nullopt;
    if (kindName && !kind) {
        errors_.add(reader.pathOf(QStringLiteral("kind")),
                    QStringLiteral("未知的源类型 “%1”（可用：%2）")
                        .arg(*kindName, kindList(kSourceKinds, QStringLiteral("、"))),
                    QStringLiteral("unknown source kind \"%1\" (expected one of: %2)")
                        .arg(*kindName, kindList(kSourceKinds, QStringLiteral(", "))));
    }
    if (const auto label = reader.string(QStringLiteral("label"), Need::Optional))
        source.label = *label;

    if (kind) {
        source.kind = SourceKind(*kind);
        switch (source.kind) {
        case SourceKind::Camera:
            if (const auto tint = readColor(reader, QStringLiteral("color"), Need::Optional))
                source.color = *tint;
            source.device = reader.string(QStringLiteral("device"), Need::Optional).value_or(QString());
            break;
        case SourceKind::Image:
            source.file = readFile(reader, QStringLiteral("file"), true).value_or(QString());
            break;
        case SourceKind::Text: {
            source.text = readNonEmpty(reader, QStringLiteral("text"), Need::Required).value_or(QString());
            if (const auto face = readNonEmpty(reader, QStringLiteral("fontFace"), Need::Optional))
                source.fontFace = *face;
            if (const auto size = reader.integer(QStringLiteral("fontSize"), Need::Optional)) {
                if (*size < limits::kMinFontSize || *size > limits::kMaxFontSize)
                    errors_.add(reader.pathOf(QStringLiteral("fontSize")),
                                QStringLiteral("字号 %1 超出范围（%2 到 %3）")
                                    .arg(*size)
                                    .arg(limits::kMinFontSize)
                                    .arg(limits::kMaxFontSize),
                                QStringLiteral("font size %1 is out of range (%2 to %3)")
                                    .arg(*size)
                                    .arg(limits::kMinFontSize)
                                    .arg(limits::kMaxFontSize));
                else
                    source.fontSize = *size;
            }
            if (const auto style = reader.string(QStringLiteral("fontStyle"), Need::Optional)) {
                static const QStringList styles{QStringLiteral("Regular"), QStringLiteral("Bold"),
                                                QStringLiteral("Italic"), QStringLiteral("Bold Italic")};
                if (!styles.contains(*style))
                    errors_.add(
                        reader.pathOf(QStringLiteral("fontStyle")),
                        QStringLiteral("未知的字体样式 “%1”（可用：%2）").arg(*style, styles.join(u'、')),
                        QStringLiteral("unknown font style \"%1\" (expected one of: %2)")
                            .arg(*style, styles.join(QStringLiteral(", "))));
                else
                    source.fontStyle = *style;
            }
            if (const auto color = readColor(reader, QStringLiteral("color"), Need::Optional))
                source.color = *color;
            source.outline = reader.boolean(QStringLiteral("outline"), Need::Optional).value_or(false);
            source.dropShadow = reader.boolean(QStringLiteral("dropShadow"), Need::Optional).value_or(false);
            break;
        }
        case SourceKind::Color: {
            if (const auto color = readColor(reader, QStringLiteral("color"), Need::Required))
                source.color = *color;
            const auto readSize = [&](const QString& key, int& out) {
                const auto size = reader.integer(key, Need::Optional);
                if (!size)
                    return;
                if (*size < 0 || *size > limits::kMaxColorSourceSize)
                    errors_.add(
                        reader.pathOf(key),
                        QStringLiteral("色块尺寸 %1 超出范围（0 到 %2，0 表示画布大小）")
                            .arg(*size)
                            .arg(limits::kMaxColorSourceSize),
                        QStringLiteral("colour source size %1 is out of range (0 to %2, 0 = canvas size)")
                            .arg(*size)
                            .arg(limits::kMaxColorSourceSize));
                else
                    out = *size;
            };
            readSize(QStringLiteral("width"), source.width);
            readSize(QStringLiteral("height"), source.height);
            break;
        }
        case SourceKind::Media:
            source.file = readFile(reader, QStringLiteral("file"), false).value_or(QString());
            source.loop = reader.boolean(QStringLiteral("loop"), Need::Optional).value_or(true);
            break;
        case SourceKind::AudioInput:
            source.device = readNonEmpty(reader, QStringLiteral("device"), Need::Optional)
                                .value_or(QStringLiteral("default"));
            break;
        }
        if (source.kind == SourceKind::Camera || source.kind == SourceKind::Media ||
            source.kind == SourceKind::AudioInput) {
            source.volumeDb = readVolume(reader).value_or(0.0);
            source.muted = reader.boolean(QStringLiteral("muted"), Need::Optional).value_or(false);
        }
        if (source.label.isEmpty())
            source.label = source.id;
        static const QSet<QString> otherKeys = allSourceKeys();
        reader.reportUnread(otherKeys, *kindName);
    }

    if (errors_.size() != before) {
        if (id)
            brokenSourceIds_.insert(*id);
        return std::nullopt;
    }
    return source;
}

void ShowParser::parseScenes(ObjectReader& root, Show& show) {
    const auto scenes = root.array(QStringLiteral("scenes"), Need::Required);
    if (!scenes)
        return;
    const QString path = root.pathOf(QStringLiteral("scenes"));
    if (scenes->isEmpty())
        errors_.add(path, QStringLiteral("节目没有场景"), QStringLiteral("the show has no scenes"));
    for (qsizetype i = 0; i < scenes->size(); ++i) {
        if (auto scene = parseScene(scenes->at(i), jsonpath::element(path, i), show))
            show.scenes.append(*scene);
    }
}

std::optional<Scene> ShowParser::parseScene(const QJsonValue& value, const QString& path, const Show& show) {
    if (!value.isObject()) {
        errors_.add(
            path, QStringLiteral("场景应为对象 {…}，实际为%1").arg(ObjectReader::describeZh(value)),
            QStringLiteral("a scene must be an object {…}, found %1").arg(ObjectReader::describeEn(value)));
        return std::nullopt;
    }
    const qsizetype before = errors_.size();
    ObjectReader reader(value.toObject(), path, errors_);
    Scene scene;
    if (const auto id = readId(reader, QStringLiteral("id"))) {
        scene.id = *id;
        if (const auto it = sourceAndSceneIds_.constFind(*id);
            it != sourceAndSceneIds_.cend() && it.value().startsWith(QStringLiteral("$.sources")))
            errors_.add(
                reader.pathOf(QStringLiteral("id")),
                QStringLiteral("场景 id “%1” 与源重名（%2）：场景和源共用一套名字").arg(*id, it.value()),
                QStringLiteral("scene id \"%1\" is already a source id (%2): scenes and sources share "
                               "one set of names")
                    .arg(*id, it.value()));
        else
            checkDuplicate(sourceAndSceneIds_, *id, path, QStringLiteral("场景"), QStringLiteral("scene"));
    }

    // "name": "开场" or {"zh": "开场", "en": "Opening"}
    if (const auto name = reader.value(QStringLiteral("name"), Need::Required)) {
        const QString namePath = reader.pathOf(QStringLiteral("name"));
        if (name->isString()) {
            scene.name = name->toString();
            if (scene.name.trimmed().isEmpty())
                errors_.add(namePath, QStringLiteral("“name” 不能为空"),
                            QStringLiteral("\"name\" must not be empty"));
        } else if (name->isObject()) {
            ObjectReader names(name->toObject(), namePath, errors_);
            scene.name = readNonEmpty(names, QStringLiteral("zh"), Need::Required).value_or(QString());
            scene.nameEn = readNonEmpty(names, QStringLiteral("en"), Need::Optional).value_or(QString());
            names.reportUnread();
        } else {
            errors_.add(namePath,
                        QStringLiteral("应为字符串或 {\"zh\", \"en\"} 对象，实际为%1")
                            .arg(ObjectReader::describeZh(*name)),
                        QStringLiteral("expected a string or a {\"zh\", \"en\"} object, found %1")
                            .arg(ObjectReader::describeEn(*name)));
        }
    }

    if (const auto items = reader.array(QStringLiteral("items"), Need::Required)) {
        const QString itemsPath = reader.pathOf(QStringLiteral("items"));
        if (items->isEmpty())
            errors_.add(itemsPath, QStringLiteral("场景没有任何画面元素"),
                        QStringLiteral("the scene has no items"));
        for (qsizetype i = 0; i < items->size(); ++i) {
            if (auto item = parseItem(items->at(i), jsonpath::element(itemsPath, i), show))
                scene.items.append(*item);
        }
    }
    reader.reportUnread();
    if (errors_.size() != before)
        return std::nullopt;
    return scene;
}

std::optional<SceneItem> ShowParser::parseItem(const QJsonValue& value, const QString& path,
                                               const Show& show) {
    if (!value.isObject()) {
        errors_.add(path,
                    QStringLiteral("画面元素应为对象 {…}，实际为%1").arg(ObjectReader::describeZh(value)),
                    QStringLiteral("a scene item must be an object {…}, found %1")
                        .arg(ObjectReader::describeEn(value)));
        return std::nullopt;
    }
    const qsizetype before = errors_.size();
    ObjectReader reader(value.toObject(), path, errors_);
    SceneItem item;
    if (const auto sourceId = reader.string(QStringLiteral("source"), Need::Required)) {
        item.sourceId = *sourceId;
        const QString sourcePath = reader.pathOf(QStringLiteral("source"));
        const Source* source = show.findSource(*sourceId);
        if (source && source->kind == SourceKind::AudioInput) {
            errors_.add(
                sourcePath, QStringLiteral("音频输入 “%1” 在所有场景中都能听到，不要放进场景").arg(*sourceId),
                QStringLiteral("audio input \"%1\" is heard in every scene; do not place it in a scene")
                    .arg(*sourceId));
        } else if (!source && !brokenSourceIds_.contains(*sourceId)) {
            errors_.add(sourcePath, QStringLiteral("引用了不存在的源 “%1”").arg(*sourceId),
                        QStringLiteral("refers to an unknown source \"%1\"").arg(*sourceId));
        }
    }

    // Items may hang off the canvas (slide-ins, crops) but not further than one canvas away: beyond that
    // the number is a typo, and the item would silently never be seen.
    const auto readPosition = [&](const QString& key, int canvasSize, double& out) {
        const auto v = reader.number(key, Need::Required);
        if (!v)
            return;
        const double min = -canvasSize, max = 2.0 * canvasSize;
        if (*v < min || *v > max)
            errors_.add(reader.pathOf(key),
                        QStringLiteral("位置 %1=%2 离画布太远（允许 %3 到 %4）")
                            .arg(key, number(*v), number(min), number(max)),
                        QStringLiteral("position %1=%2 is too far off the canvas (allowed %3 to %4)")
                            .arg(key, number(*v), number(min), number(max)));
        else
            out = *v;
    };
    readPosition(QStringLiteral("x"), show.canvas.width, item.x);
    readPosition(QStringLiteral("y"), show.canvas.height, item.y);

    const auto readExtent = [&](const QString& key, int canvasSize, double& out) {
        const auto v = reader.number(key, Need::Optional);
        if (!v)
            return;
        const double max = 4.0 * canvasSize;
        if (*v <= 0 || *v > max)
            errors_.add(
                reader.pathOf(key),
                QStringLiteral("尺寸 %1=%2 超出范围（大于 0，最多 %3）").arg(key, number(*v), number(max)),
                QStringLiteral("size %1=%2 is out of range (more than 0, at most %3)")
                    .arg(key, number(*v), number(max)));
        else
            out = *v;
    };
    readExtent(QStringLiteral("width"), show.canvas.width, item.width);
    readExtent(QStringLiteral("height"), show.canvas.height, item.height);
    item.visible = reader.boolean(QStringLiteral("visible"), Need::Optional).value_or(true);
    reader.reportUnread();
    if (errors_.size() != before)
        return std::nullopt;
    return item;
}

void ShowParser::parseTransitions(ObjectReader& root, Show& show) {
    const auto transitions = root.array(QStringLiteral("transitions"), Need::Required);
    if (!transitions)
        return;
    const QString path = root.pathOf(QStringLiteral("transitions"));
    if (transitions->isEmpty())
        errors_.add(path, QStringLiteral("节目没有转场"), QStringLiteral("the show has no transitions"));
    for (qsizetype i = 0; i < transitions->size(); ++i) {
        if (auto transition = parseTransition(transitions->at(i), jsonpath::element(path, i)))
            show.transitions.append(*transition);
    }
}

std::optional<Transition> ShowParser::parseTransition(const QJsonValue& value, const QString& path) {
    if (!value.isObject()) {
        errors_.add(path, QStringLiteral("转场应为对象 {…}，实际为%1").arg(ObjectReader::describeZh(value)),
                    QStringLiteral("a transition must be an object {…}, found %1")
                        .arg(ObjectReader::describeEn(value)));
        return std::nullopt;
    }
    const qsizetype before = errors_.size();
    ObjectReader reader(value.toObject(), path, errors_);
    Transition transition;
    if (const auto id = readId(reader, QStringLiteral("id"))) {
        transition.id = *id;
        checkDuplicate(transitionIds_, *id, path, QStringLiteral("转场"), QStringLiteral("transition"));
    }
    const auto kindName = reader.string(QStringLiteral("kind"), Need::Required);
    const std::optional<int> kind = kindName ? lookupKind(kTransitionKinds, *kindName) : std::nullopt;
    if (kindName && !kind)
        errors_.add(reader.pathOf(QStringLiteral("kind")),
                    QStringLiteral("未知的转场类型 “%1”（可用：%2）")
                        .arg(*kindName, kindList(kTransitionKinds, QStringLiteral("、"))),
                    QStringLiteral("unknown transition kind \"%1\" (expected one of: %2)")
                        .arg(*kindName, kindList(kTransitionKinds, QStringLiteral(", "))));

    if (kind) {
        transition.kind = TransitionKind(*kind);
        const QString durationKey = QStringLiteral("durationMs");
        if (transition.kind == TransitionKind::Cut) {
            // A cut is instant; a duration here means the author expected a fade.
            if (const auto ms = readDuration(reader, durationKey, Need::Optional); ms && *ms != 0)
                errors_.add(
                    reader.pathOf(durationKey),
                    QStringLiteral("硬切没有时长：删除 durationMs 或设为 0（实际为 %1）").arg(*ms),
                    QStringLiteral("a cut has no duration: remove durationMs or set it to 0 (found %1)")
                        .arg(*ms));
        } else if (const auto ms = readDuration(reader, durationKey, Need::Required)) {
            if (*ms < limits::kMinTransitionMs || *ms > limits::kMaxTransitionMs)
                errors_.add(reader.pathOf(durationKey),
                            QStringLiteral("转场时长 %1 毫秒超出范围（%2 到 %3）")
                                .arg(*ms)
                                .arg(limits::kMinTransitionMs)
                                .arg(limits::kMaxTransitionMs),
                            QStringLiteral("transition duration %1 ms is out of range (%2 to %3)")
                                .arg(*ms)
                                .arg(limits::kMinTransitionMs)
                                .arg(limits::kMaxTransitionMs));
            else
                transition.durationMs = *ms;
        }

        switch (transition.kind) {
        case TransitionKind::FadeToColor:
            if (const auto color = readColor(reader, QStringLiteral("color"), Need::Optional))
                transition.color = *color;
            break;
        case TransitionKind::Swipe:
        case TransitionKind::Slide:
            if (const auto direction = reader.string(QStringLiteral("direction"), Need::Optional)) {
                static const QStringList directions{QStringLiteral("left"), QStringLiteral("right"),
                                                    QStringLiteral("up"), QStringLiteral("down")};
                if (!directions.contains(*direction))
                    errors_.add(
                        reader.pathOf(QStringLiteral("direction")),
                        QStringLiteral("未知的方向 “%1”（可用：left、right、up、down）").arg(*direction),
                        QStringLiteral("unknown direction \"%1\" (expected one of: left, right, up, down)")
                            .arg(*direction));
                else
                    transition.direction = *direction;
            }
            break;
        case TransitionKind::Stinger:
            transition.file = readFile(reader, QStringLiteral("file"), false).value_or(QString());
            if (const auto point =
                    readDuration(reader, QStringLiteral("transitionPointMs"), Need::Required)) {
                if (*point > transition.durationMs && transition.durationMs > 0)
                    errors_.add(
                        reader.pathOf(QStringLiteral("transitionPointMs")),
                        QStringLiteral("切换点 %1 毫秒晚于转场结束（%2 毫秒）")
                            .arg(*point)
                            .arg(transition.durationMs),
                        QStringLiteral("transition point %1 ms is after the end of the transition (%2 ms)")
                            .arg(*point)
                            .arg(transition.durationMs));
                else
                    transition.transitionPointMs = *point;
            }
            break;
        case TransitionKind::Cut:
        case TransitionKind::Fade:
        case TransitionKind::Wipe:
            break;
        }
        static const QSet<QString> otherKeys = allTransitionKeys();
        reader.reportUnread(otherKeys, *kindName);
    }
    if (errors_.size() != before)
        return std::nullopt;
    return transition;
}

} // namespace xz::show
