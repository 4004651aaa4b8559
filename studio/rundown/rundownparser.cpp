#include "rundownparser.h"

#include "jsonpath.h"
#include "showparser.h"
#include "timeparse.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace xz::rundown {

using show::Need;
using show::ObjectReader;

namespace {

const QString kFormatName = QStringLiteral("xiaozhan.rundown");

QString kindName(show::SourceKind kind) {
    switch (kind) {
    case show::SourceKind::Camera:
        return QStringLiteral("camera");
    case show::SourceKind::Image:
        return QStringLiteral("image");
    case show::SourceKind::Text:
        return QStringLiteral("text");
    case show::SourceKind::Color:
        return QStringLiteral("color");
    case show::SourceKind::Media:
        return QStringLiteral("media");
    case show::SourceKind::AudioInput:
        return QStringLiteral("audio-input");
    }
    return {};
}

QString sceneIdList(const show::Show& show, const QString& separator) {
    QStringList ids;
    for (const show::Scene& scene : show.scenes)
        ids << scene.id;
    return ids.join(separator);
}

QString transitionIdList(const show::Show& show, const QString& separator) {
    QStringList ids;
    for (const show::Transition& transition : show.transitions)
        ids << transition.id;
    return ids.join(separator);
}

QString formatSeconds(qint64 ms) {
    return QString::number(double(ms) / 1000.0, 'g', 10);
}

} // namespace

std::optional<qint64> RundownParser::parseDuration(const QJsonValue& value) {
    double seconds = 0;
    if (value.isDouble()) {
        seconds = value.toDouble();
    } else if (value.isString()) {
        const auto parsed = parseSeconds(value.toString());
        if (!parsed)
            return std::nullopt;
        seconds = *parsed;
    } else {
        return std::nullopt;
    }
    if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e9)
        return std::nullopt;
    return qint64(std::llround(seconds * 1000.0));
}

std::optional<QTime> RundownParser::parseTimeOfDay(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^([01]?\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d))?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    return QTime(match.captured(1).toInt(), match.captured(2).toInt(),
                 match.captured(3).isEmpty() ? 0 : match.captured(3).toInt());
}

std::optional<EndAction> RundownParser::parseEndAction(const QString& text) {
    if (text == QLatin1String("none"))
        return EndAction::None;
    if (text == QLatin1String("next"))
        return EndAction::Next;
    if (text == QLatin1String("hold"))
        return EndAction::Hold;
    return std::nullopt;
}

QString RundownParser::endActionName(EndAction action) {
    switch (action) {
    case EndAction::None:
        return QStringLiteral("none");
    case EndAction::Next:
        return QStringLiteral("next");
    case EndAction::Hold:
        return QStringLiteral("hold");
    }
    return {};
}

QString RundownParser::startName(StartMode mode, const QTime& fixedTime) {
    switch (mode) {
    case StartMode::Follow:
        return QStringLiteral("follow");
    case StartMode::Manual:
        return QStringLiteral("manual");
    case StartMode::Fixed:
        return fixedTime.toString(fixedTime.second() == 0 ? QStringLiteral("HH:mm")
                                                          : QStringLiteral("HH:mm:ss"));
    }
    return {};
}

Rundown RundownParser::parse(const QJsonObject& rootObject) {
    Rundown rundown;
    ObjectReader root(rootObject, show::jsonpath::kRoot.toString(), errors_);
    // A show file or an Ontime project handed to `rundown check` would only produce a wall of misleading
    // errors, so stop at the first line of defence.
    if (!checkFormat(root))
        return rundown;

    if (const auto title = readNonEmpty(root, QStringLiteral("title"), Need::Required))
        rundown.title = *title;
    if (const auto showName = readNonEmpty(root, QStringLiteral("show"), Need::Optional))
        rundown.show = *showName;
    if (const auto start = root.string(QStringLiteral("plannedStart"), Need::Optional)) {
        rundown.plannedStart = parseTimeOfDay(*start);
        if (!rundown.plannedStart)
            errors_.add(root.pathOf(QStringLiteral("plannedStart")),
                        QStringLiteral("时刻 “%1” 无效：应为 时:分 或 时:分:秒（如 19:30）").arg(*start),
                        QStringLiteral("invalid time of day \"%1\": expected HH:MM or HH:MM:SS (e.g. 19:30)")
                            .arg(*start));
    }
    parseSegments(root, rundown);
    root.reportUnread();
    return rundown;
}

bool RundownParser::checkFormat(ObjectReader& root) {
    const qsizetype before = errors_.size();
    const auto format = root.string(QStringLiteral("format"), Need::Required);
    if (format && *format != kFormatName) {
        errors_.add(
            root.pathOf(QStringLiteral("format")),
            QStringLiteral("不是小站节目单文件：format 应为 “%1”，实际为 “%2”").arg(kFormatName, *format),
            QStringLiteral("not a Xiaozhan rundown file: format must be \"%1\", found \"%2\"")
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

void RundownParser::parseSegments(ObjectReader& root, Rundown& rundown) {
    const QString key = QStringLiteral("segments");
    const auto segments = root.array(key, Need::Required);
    if (!segments)
        return;
    if (segments->isEmpty()) {
        errors_.add(root.pathOf(key), QStringLiteral("节目单没有段落"),
                    QStringLiteral("the rundown has no segments"));
        return;
    }
    for (qsizetype i = 0; i < segments->size(); ++i) {
        if (auto segment = parseSegment(segments->at(i), show::jsonpath::element(root.pathOf(key), i)))
            rundown.segments.append(std::move(*segment));
    }
}

std::optional<Segment> RundownParser::parseSegment(const QJsonValue& value, const QString& path) {
    if (!value.isObject()) {
        errors_.add(
            path, QStringLiteral("段落应为对象 {…}，实际为%1").arg(ObjectReader::describeZh(value)),
            QStringLiteral("a segment must be an object {…}, found %1").arg(ObjectReader::describeEn(value)));
        return std::nullopt;
    }
    ObjectReader reader(value.toObject(), path, errors_);
    Segment segment;
    if (const auto cue = reader.string(QStringLiteral("cue"), Need::Optional))
        segment.cue = *cue;
    if (const auto title = readNonEmpty(reader, QStringLiteral("title"), Need::Required))
        segment.title = *title;
    if (reader.has(QStringLiteral("scene"))) {
        if (const auto scene = readId(reader, QStringLiteral("scene"))) {
            segment.sceneId = *scene;
            checkScene(reader.pathOf(QStringLiteral("scene")), *scene);
        }
    }
    if (reader.has(QStringLiteral("transition"))) {
        if (const auto transition = readId(reader, QStringLiteral("transition"))) {
            segment.transitionId = *transition;
            if (segment.sceneId.isEmpty() && !reader.has(QStringLiteral("scene")))
                errors_.add(reader.pathOf(QStringLiteral("transition")),
                            QStringLiteral("段落没有场景，转场用不上：删除 transition 或写上 scene"),
                            QStringLiteral("the segment takes no scene, so a transition has no use: remove "
                                           "\"transition\" or add a \"scene\""));
            else
                checkTransition(reader.pathOf(QStringLiteral("transition")), *transition);
        }
    }
    if (const auto ms = reader.integer(QStringLiteral("transitionMs"), Need::Optional)) {
        const QString msPath = reader.pathOf(QStringLiteral("transitionMs"));
        const show::Transition* transition =
            show_ ? show_->findTransition(segment.transitionId.isEmpty() ? show_->defaultTransitionId
                                                                         : segment.transitionId)
                  : nullptr;
        if (*ms < show::limits::kMinTransitionMs || *ms > show::limits::kMaxTransitionMs)
            errors_.add(msPath,
                        QStringLiteral("转场时长 %1 毫秒超出范围（%2 到 %3）")
                            .arg(*ms)
                            .arg(show::limits::kMinTransitionMs)
                            .arg(show::limits::kMaxTransitionMs),
                        QStringLiteral("transition duration %1 ms is out of range (%2 to %3)")
                            .arg(*ms)
                            .arg(show::limits::kMinTransitionMs)
                            .arg(show::limits::kMaxTransitionMs));
        else if (transition && transition->kind == show::TransitionKind::Cut)
            errors_.add(msPath,
                        QStringLiteral("转场 “%1” 是硬切，没有时长：删除 transitionMs").arg(transition->id),
                        QStringLiteral("transition \"%1\" is a cut and has no duration: remove transitionMs")
                            .arg(transition->id));
        else
            segment.transitionMs = *ms;
    }
    if (const auto duration =
            readDuration(reader, QStringLiteral("duration"), Need::Required, limits::kMinDurationMs))
        segment.durationMs = *duration;
    parseStart(reader, segment);
    if (const auto end = reader.string(QStringLiteral("end"), Need::Optional)) {
        if (const auto action = parseEndAction(*end))
            segment.end = *action;
        else
            errors_.add(
                reader.pathOf(QStringLiteral("end")),
                QStringLiteral("未知的结束方式 “%1”（可用：none 超时计时、next 自动下一段、hold 停在零）")
                    .arg(*end),
                QStringLiteral("unknown end action \"%1\" (expected one of: none, next, hold)").arg(*end));
    }
    parseTexts(reader, segment);
    if (const auto notes = reader.string(QStringLiteral("notes"), Need::Optional))
        segment.notes = *notes;
    parseScript(reader, segment);
    if (const auto color = reader.string(QStringLiteral("color"), Need::Optional)) {
        if (show::ShowParser::parseColor(*color))
            segment.color = color->toUpper();
        else
            errors_.add(reader.pathOf(QStringLiteral("color")),
                        QStringLiteral("颜色 “%1” 无效：应为 #RRGGBB 或 #AARRGGBB").arg(*color),
                        QStringLiteral("invalid colour \"%1\": expected #RRGGBB or #AARRGGBB").arg(*color));
    }
    const auto warning = readDuration(reader, QStringLiteral("warning"), Need::Optional, 0);
    const auto danger = readDuration(reader, QStringLiteral("danger"), Need::Optional, 0);
    if (warning)
        segment.warningMs = *warning;
    if (danger)
        segment.dangerMs = *danger;
    if ((warning || danger) && segment.warningMs > 0 && segment.dangerMs > segment.warningMs) {
        const QString key = danger ? QStringLiteral("danger") : QStringLiteral("warning");
        errors_.add(
            reader.pathOf(key),
            QStringLiteral("危险提示（剩 %1 秒）不能早于警告提示（剩 %2 秒）")
                .arg(formatSeconds(segment.dangerMs), formatSeconds(segment.warningMs)),
            QStringLiteral("the danger threshold (%1 s left) must not come before the warning (%2 s left)")
                .arg(formatSeconds(segment.dangerMs), formatSeconds(segment.warningMs)));
    }
    parseCustom(reader, segment);
    reader.reportUnread();
    return segment;
}

void RundownParser::parseStart(ObjectReader& reader, Segment& segment) {
    const auto start = reader.string(QStringLiteral("start"), Need::Optional);
    if (!start)
        return;
    if (*start == QLatin1String("follow")) {
        segment.start = StartMode::Follow;
    } else if (*start == QLatin1String("manual")) {
        segment.start = StartMode::Manual;
    } else if (const auto time = parseTimeOfDay(*start)) {
        segment.start = StartMode::Fixed;
        segment.fixedTime = *time;
    } else {
        errors_.add(
            reader.pathOf(QStringLiteral("start")),
            QStringLiteral("开始方式 “%1” 无效：应为 follow（接上一段）、manual（手动）或时刻 时:分[:秒]")
                .arg(*start),
            QStringLiteral("invalid start \"%1\": expected follow, manual or a time of day HH:MM[:SS]")
                .arg(*start));
    }
}

void RundownParser::parseTexts(ObjectReader& reader, Segment& segment) {
    const QString key = QStringLiteral("texts");
    const auto texts = reader.array(key, Need::Optional);
    if (!texts)
        return;
    QSet<QString> seen;
    for (qsizetype i = 0; i < texts->size(); ++i) {
        const QString path = show::jsonpath::element(reader.pathOf(key), i);
        const QJsonValue value = texts->at(i);
        if (!value.isObject()) {
            errors_.add(
                path, QStringLiteral("应为对象 {…}，实际为%1").arg(ObjectReader::describeZh(value)),
                QStringLiteral("expected an object {…}, found %1").arg(ObjectReader::describeEn(value)));
            continue;
        }
        ObjectReader item(value.toObject(), path, errors_);
        TextSetting setting;
        const bool ownScene = item.has(QStringLiteral("scene"));
        if (ownScene) {
            if (const auto scene = readId(item, QStringLiteral("scene"))) {
                setting.sceneId = *scene;
                checkScene(item.pathOf(QStringLiteral("scene")), *scene);
            }
        } else {
            setting.sceneId = segment.sceneId;
        }
        const auto source = readId(item, QStringLiteral("source"));
        const auto text = readNonEmpty(item, QStringLiteral("text"), Need::Required);
        item.reportUnread();
        if (!source || !text)
            continue;
        setting.sourceId = *source;
        setting.text = *text;
        if (setting.sceneId.isEmpty()) {
            if (!ownScene && !reader.has(QStringLiteral("scene"))) // a bad scene id was reported already
                errors_.add(path,
                            QStringLiteral("这条文字不知道属于哪个场景：写上 “scene”，或给段落设置 “scene”"),
                            QStringLiteral("this text belongs to no scene: give it a \"scene\" or give the "
                                           "segment one"));
            continue;
        }
        const QString identity = setting.sceneId + u'/' + setting.sourceId;
        if (seen.contains(identity)) {
            errors_.add(item.pathOf(QStringLiteral("source")),
                        QStringLiteral("场景 “%1” 的文字源 “%2” 在这一段里设置了两次")
                            .arg(setting.sceneId, setting.sourceId),
                        QStringLiteral("text source \"%2\" of scene \"%1\" is set twice in this segment")
                            .arg(setting.sceneId, setting.sourceId));
            continue;
        }
        seen.insert(identity);
        checkTextSource(item.pathOf(QStringLiteral("source")), setting.sceneId, setting.sourceId);
        segment.texts.append(setting);
    }
}

void RundownParser::parseScript(ObjectReader& reader, Segment& segment) {
    const QString key = QStringLiteral("script");
    const auto lines = reader.array(key, Need::Optional);
    if (!lines)
        return;
    for (qsizetype i = 0; i < lines->size(); ++i) {
        const QJsonValue line = lines->at(i);
        if (!line.isString()) {
            errors_.add(show::jsonpath::element(reader.pathOf(key), i),
                        QStringLiteral("台词应为字符串，实际为%1").arg(ObjectReader::describeZh(line)),
                        QStringLiteral("a script line must be a string, found %1")
                            .arg(ObjectReader::describeEn(line)));
            continue;
        }
        segment.script << line.toString();
    }
}

void RundownParser::parseCustom(ObjectReader& reader, Segment& segment) {
    const QString key = QStringLiteral("custom");
    const auto custom = reader.object(key, Need::Optional);
    if (!custom)
        return;
    for (auto it = custom->constBegin(); it != custom->constEnd(); ++it) {
        if (!it.value().isString()) {
            errors_.add(show::jsonpath::member(reader.pathOf(key), it.key()),
                        QStringLiteral("自定义字段的值应为字符串，实际为%1")
                            .arg(ObjectReader::describeZh(it.value())),
                        QStringLiteral("a custom field's value must be a string, found %1")
                            .arg(ObjectReader::describeEn(it.value())));
            continue;
        }
        segment.custom.insert(it.key(), it.value().toString());
    }
}

std::optional<qint64> RundownParser::readDuration(ObjectReader& reader, const QString& key, Need need,
                                                  qint64 minimumMs) {
    const auto value = reader.value(key, need);
    if (!value)
        return std::nullopt;
    const QString path = reader.pathOf(key);
    if (!value->isDouble() && !value->isString()) {
        errors_.add(
            path,
            QStringLiteral("时长应为秒数或 “分:秒” 文字，实际为%1").arg(ObjectReader::describeZh(*value)),
            QStringLiteral("a duration must be seconds or \"M:SS\" text, found %1")
                .arg(ObjectReader::describeEn(*value)));
        return std::nullopt;
    }
    const auto ms = parseDuration(*value);
    const QString written =
        value->isString() ? value->toString() : QString::number(value->toDouble(), 'g', 10);
    if (!ms) {
        errors_.add(
            path,
            QStringLiteral("时长 “%1” 无效：应为秒数（90）、分:秒（1:30）或 时:分:秒（1:05:00）")
                .arg(written),
            QStringLiteral("invalid duration \"%1\": expected seconds (90), M:SS (1:30) or H:MM:SS (1:05:00)")
                .arg(written));
        return std::nullopt;
    }
    if (*ms < minimumMs || *ms > limits::kMaxDurationMs) {
        errors_.add(
            path,
            QStringLiteral("时长 “%1” 超出范围（%2 秒到 12 小时）").arg(written, formatSeconds(minimumMs)),
            QStringLiteral("duration \"%1\" is out of range (%2 s to 12 hours)")
                .arg(written, formatSeconds(minimumMs)));
        return std::nullopt;
    }
    return ms;
}

std::optional<QString> RundownParser::readNonEmpty(ObjectReader& reader, const QString& key, Need need) {
    const auto text = reader.string(key, need);
    if (text && text->trimmed().isEmpty()) {
        errors_.add(reader.pathOf(key), QStringLiteral("“%1” 不能为空").arg(key),
                    QStringLiteral("\"%1\" must not be empty").arg(key));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> RundownParser::readId(ObjectReader& reader, const QString& key) {
    const auto id = reader.string(key, Need::Required);
    if (!id)
        return std::nullopt;
    if (!show::ShowParser::isValidId(*id)) {
        errors_.add(reader.pathOf(key),
                    QStringLiteral("id “%1” 无效：只能用小写字母 a-z、数字 0-9 和连字符 -，以字母或数字开头，"
                                   "最长 %2 个字符")
                        .arg(*id)
                        .arg(show::limits::kMaxIdLength),
                    QStringLiteral("invalid id \"%1\": use only lower-case a-z, digits 0-9 and '-', starting "
                                   "with a letter or digit, at most %2 characters")
                        .arg(*id)
                        .arg(show::limits::kMaxIdLength));
        return std::nullopt;
    }
    return id;
}

void RundownParser::checkScene(const QString& path, const QString& sceneId) {
    if (!show_ || show_->findScene(sceneId))
        return;
    errors_.add(path,
                QStringLiteral("节目 “%1” 里没有场景 “%2”（可用：%3）")
                    .arg(show_->id, sceneId, sceneIdList(*show_, QStringLiteral("、"))),
                QStringLiteral("show \"%1\" has no scene \"%2\" (available: %3)")
                    .arg(show_->id, sceneId, sceneIdList(*show_, QStringLiteral(", "))));
}

void RundownParser::checkTransition(const QString& path, const QString& transitionId) {
    if (!show_ || show_->findTransition(transitionId))
        return;
    errors_.add(path,
                QStringLiteral("节目 “%1” 里没有转场 “%2”（可用：%3）")
                    .arg(show_->id, transitionId, transitionIdList(*show_, QStringLiteral("、"))),
                QStringLiteral("show \"%1\" has no transition \"%2\" (available: %3)")
                    .arg(show_->id, transitionId, transitionIdList(*show_, QStringLiteral(", "))));
}

void RundownParser::checkTextSource(const QString& path, const QString& sceneId, const QString& sourceId) {
    if (!show_)
        return;
    const show::Scene* scene = show_->findScene(sceneId);
    if (!scene)
        return; // already reported where the scene is named
    const show::Source* source = show_->findSource(sourceId);
    if (!source) {
        errors_.add(path, QStringLiteral("节目 “%1” 里没有源 “%2”").arg(show_->id, sourceId),
                    QStringLiteral("show \"%1\" has no source \"%2\"").arg(show_->id, sourceId));
        return;
    }
    if (source->kind != show::SourceKind::Text) {
        errors_.add(
            path,
            QStringLiteral("源 “%1” 不是文字源（是 %2），不能设置文字").arg(sourceId, kindName(source->kind)),
            QStringLiteral("source \"%1\" is not a text source (it is %2): its text cannot be set")
                .arg(sourceId, kindName(source->kind)));
        return;
    }
    for (const show::SceneItem& item : scene->items) {
        if (item.sourceId == sourceId)
            return;
    }
    errors_.add(path, QStringLiteral("场景 “%1” 里没有文字源 “%2”").arg(sceneId, sourceId),
                QStringLiteral("scene \"%1\" does not show the text source \"%2\"").arg(sceneId, sourceId));
}

} // namespace xz::rundown
