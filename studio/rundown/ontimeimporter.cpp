#include "ontimeimporter.h"

#include "errorlist.h"
#include "jsondocument.h"
#include "jsonpath.h"
#include "objectreader.h"
#include "rundownparser.h"
#include "showparser.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <algorithm>

namespace xz::rundown {

using show::Need;
using show::ObjectReader;
namespace jsonpath = show::jsonpath;

namespace {

const show::FileKind kOntimeFile{QStringLiteral("Ontime 项目文件"), QStringLiteral("Ontime project file")};
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QString minutesText(qint64 ms) {
    return QString::number(double(ms) / 60000.0, 'g', 4);
}

// One entry of the rundown, in playing order, with the group it belongs to.
struct Entry {
    QJsonObject object;
    QString path;
    QString group;
};

class Importer {
public:
    Importer(const show::JsonDocument& document, const QString& displayName, const QString& rundownId)
        : document_(document), errors_(displayName, document.locator.get()), rundownId_(rundownId),
          displayName_(displayName) {}

    ImportResult run() {
        ImportResult result;
        document_.reportDuplicateKeys(errors_);
        ObjectReader root(document_.root, jsonpath::kRoot.toString(), errors_);
        checkIsOntime(root);
        readCustomFieldLabels(root);
        Rundown rundown;
        QList<Entry> entries;
        if (root.has(QStringLiteral("rundowns")))
            entries = readV4(root, rundown);
        else if (root.has(QStringLiteral("rundown")))
            entries = readV3(root, rundown);
        else
            errors_.add(jsonpath::kRoot.toString(),
                        QStringLiteral("不是 Ontime 项目文件：没有 “rundown”（v3）或 “rundowns”（v4）"),
                        QStringLiteral(
                            "not an Ontime project file: it has no \"rundown\" (v3) or \"rundowns\" (v4)"));
        if (!errors_.isEmpty()) {
            result.errors = errors_.sorted();
            return result;
        }
        if (rundown.title.isEmpty() || rundown.title == QLatin1String("Default"))
            rundown.title = projectTitle(root);
        convert(entries, rundown);
        if (errors_.isEmpty() && rundown.segments.isEmpty())
            errors_.add(jsonpath::kRoot.toString(), QStringLiteral("Ontime 节目单里没有可以导入的事件"),
                        QStringLiteral("the Ontime rundown has no events to import"));
        result.notes = notes_;
        result.errors = errors_.sorted();
        if (result.errors.isEmpty())
            result.rundown = std::move(rundown);
        return result;
    }

private:
    void checkIsOntime(ObjectReader& root) {
        const auto settings = root.object(QStringLiteral("settings"), Need::Optional);
        if (!settings || !settings->contains(QStringLiteral("app")))
            return;
        const QString app = settings->value(QStringLiteral("app")).toString();
        if (app != QLatin1String("ontime"))
            errors_.add(
                jsonpath::member(root.pathOf(QStringLiteral("settings")), QStringLiteral("app")),
                QStringLiteral("不是 Ontime 项目文件：settings.app 应为 “ontime”，实际为 “%1”").arg(app),
                QStringLiteral("not an Ontime project file: settings.app must be \"ontime\", found \"%1\"")
                    .arg(app));
    }

    // Custom fields are keyed by an internal name; people know them by their label.
    void readCustomFieldLabels(ObjectReader& root) {
        const auto fields = root.object(QStringLiteral("customFields"), Need::Optional);
        if (!fields)
            return;
        for (auto it = fields->constBegin(); it != fields->constEnd(); ++it) {
            const QString label = it.value().toObject().value(QStringLiteral("label")).toString().trimmed();
            if (!label.isEmpty())
                labels_.insert(it.key(), label);
        }
    }

    QString projectTitle(ObjectReader& root) {
        const auto project = root.object(QStringLiteral("project"), Need::Optional);
        const QString title =
            project ? project->value(QStringLiteral("title")).toString().trimmed() : QString();
        return title.isEmpty() ? QFileInfo(displayName_).completeBaseName() : title;
    }

    // v3: {"rundown": [event | delay | block, ...]}; a block heads the events after it, up to the next block.
    QList<Entry> readV3(ObjectReader& root, Rundown&) {
        QList<Entry> entries;
        const auto list = root.array(QStringLiteral("rundown"), Need::Required);
        if (!list)
            return entries;
        QString group;
        for (qsizetype i = 0; i < list->size(); ++i) {
            const QString path = jsonpath::element(root.pathOf(QStringLiteral("rundown")), i);
            const QJsonValue value = list->at(i);
            if (!value.isObject()) {
                wrongEntry(path, value);
                continue;
            }
            const QJsonObject object = value.toObject();
            if (object.value(QStringLiteral("type")).toString() == QLatin1String("block")) {
                group = object.value(QStringLiteral("title")).toString().trimmed();
                ++groups_;
                continue;
            }
            entries.append({object, path, group});
        }
        return entries;
    }

    // v4: {"rundowns": {id: {title, order: [id...], entries: {id: entry}}}}; a group lists its own entries.
    QList<Entry> readV4(ObjectReader& root, Rundown& rundown) {
        QList<Entry> entries;
        const auto rundowns = root.object(QStringLiteral("rundowns"), Need::Required);
        if (!rundowns)
            return entries;
        const QString rundownsPath = root.pathOf(QStringLiteral("rundowns"));
        if (rundowns->isEmpty()) {
            errors_.add(rundownsPath, QStringLiteral("Ontime 项目里没有节目单"),
                        QStringLiteral("the Ontime project has no rundown"));
            return entries;
        }
        // In the order they are written (QJsonObject sorts its keys).
        QStringList ids = rundowns->keys();
        std::sort(ids.begin(), ids.end(), [&](const QString& a, const QString& b) {
            const auto pa = document_.locator->positionOf(jsonpath::member(rundownsPath, a));
            const auto pb = document_.locator->positionOf(jsonpath::member(rundownsPath, b));
            return std::pair(pa.line, pa.column) < std::pair(pb.line, pb.column);
        });
        QString chosen = rundownId_;
        if (chosen.isEmpty())
            chosen = ids.size() == 1 || !ids.contains(QStringLiteral("default")) ? ids.first()
                                                                                 : QStringLiteral("default");
        if (!rundowns->contains(chosen)) {
            errors_.add(rundownsPath,
                        QStringLiteral("Ontime 项目里没有节目单 “%1”（有：%2）")
                            .arg(chosen, ids.join(QStringLiteral("、"))),
                        QStringLiteral("the Ontime project has no rundown \"%1\" (it has: %2)")
                            .arg(chosen, ids.join(QStringLiteral(", "))));
            return entries;
        }
        if (ids.size() > 1) {
            QStringList others = ids;
            others.removeAll(chosen);
            notes_ << QStringLiteral(
                          "项目里有 %1 个节目单，导入了 “%2”；其余（%3）可用 --rundown ID 导入 / the project "
                          "has %1 rundowns; imported \"%2\", the others (%4) with --rundown ID")
                          .arg(ids.size())
                          .arg(chosen, others.join(QStringLiteral("、")), others.join(QStringLiteral(", ")));
        }
        const QString path = jsonpath::member(rundownsPath, chosen);
        const QJsonValue value = rundowns->value(chosen);
        if (!value.isObject()) {
            wrongEntry(path, value);
            return entries;
        }
        ObjectReader reader(value.toObject(), path, errors_);
        if (const auto title = reader.string(QStringLiteral("title"), Need::Optional))
            rundown.title = title->trimmed();
        const auto order = reader.array(QStringLiteral("order"), Need::Required);
        const auto table = reader.object(QStringLiteral("entries"), Need::Required);
        if (!order || !table)
            return entries;
        const QString entriesPath = reader.pathOf(QStringLiteral("entries"));
        const auto lookup = [&](const QJsonValue& id, const QString& idPath) -> std::optional<Entry> {
            if (!id.isString()) {
                errors_.add(idPath,
                            QStringLiteral("应为事件 id 字符串，实际为%1").arg(ObjectReader::describeZh(id)),
                            QStringLiteral("expected an entry id string, found %1")
                                .arg(ObjectReader::describeEn(id)));
                return std::nullopt;
            }
            const QJsonValue entry = table->value(id.toString());
            if (entry.isUndefined()) {
                ++missing_; // Ontime skips such references as well
                return std::nullopt;
            }
            const QString entryPath = jsonpath::member(entriesPath, id.toString());
            if (!entry.isObject()) {
                wrongEntry(entryPath, entry);
                return std::nullopt;
            }
            return Entry{entry.toObject(), entryPath, QString()};
        };
        for (qsizetype i = 0; i < order->size(); ++i) {
            const auto entry =
                lookup(order->at(i), jsonpath::element(reader.pathOf(QStringLiteral("order")), i));
            if (!entry)
                continue;
            const QString type = entry->object.value(QStringLiteral("type")).toString();
            // Early v4 builds still called groups "block".
            if (type != QLatin1String("group") && type != QLatin1String("block")) {
                entries.append(*entry);
                continue;
            }
            const QString group = entry->object.value(QStringLiteral("title")).toString().trimmed();
            const QJsonArray children = entry->object.value(QStringLiteral("entries")).toArray();
            if (children.isEmpty())
                emptyGroups_ << group;
            else
                ++groups_;
            for (qsizetype c = 0; c < children.size(); ++c) {
                auto child =
                    lookup(children.at(c),
                           jsonpath::element(jsonpath::member(entry->path, QStringLiteral("entries")), c));
                if (!child)
                    continue;
                child->group = group;
                entries.append(*child);
            }
        }
        return entries;
    }

    void wrongEntry(const QString& path, const QJsonValue& value) {
        errors_.add(path, QStringLiteral("应为对象 {…}，实际为%1").arg(ObjectReader::describeZh(value)),
                    QStringLiteral("expected an object {…}, found %1").arg(ObjectReader::describeEn(value)));
    }

    std::optional<qint64> readMs(ObjectReader& reader, const QString& key, Need need) {
        const auto value = reader.number(key, need);
        if (!value)
            return std::nullopt;
        if (*value < 0 || *value > 10 * kDayMs) {
            errors_.add(reader.pathOf(key), QStringLiteral("时间 %1 毫秒超出范围").arg(*value),
                        QStringLiteral("time %1 ms is out of range").arg(*value));
            return std::nullopt;
        }
        return qint64(*value);
    }

    void convert(const QList<Entry>& entries, Rundown& rundown) {
        qint64 totalDelay = 0;
        qint64 delaysSeen = 0;
        bool previousWasDelay = false;
        qint64 previousDelay = 0;
        std::optional<qint64> latestEnd; // of the events so far, on one continuous time line
        int fixedStarts = 0;
        int skipped = 0;
        int milestones = 0;
        int zeroLength = 0;
        QSet<QString> otherTimerTypes;
        int countToEnd = 0;
        QSet<QString> mappedEndActions;
        int clampedThresholds = 0;
        int droppedColours = 0;

        for (const Entry& entry : entries) {
            ObjectReader reader(entry.object, entry.path, errors_);
            const auto type = reader.string(QStringLiteral("type"), Need::Required);
            if (!type)
                continue;
            if (*type == QLatin1String("delay")) {
                if (const auto duration = reader.number(QStringLiteral("duration"), Need::Required)) {
                    totalDelay += qint64(*duration);
                    delaysSeen += qint64(*duration);
                    previousWasDelay = true;
                    previousDelay = qint64(*duration);
                    ++delays_;
                }
                continue;
            }
            if (*type == QLatin1String("milestone")) {
                ++milestones;
                continue;
            }
            if (*type != QLatin1String("event")) {
                errors_.add(
                    reader.pathOf(QStringLiteral("type")),
                    QStringLiteral(
                        "未知的 Ontime 条目类型 “%1”（可用：event、delay、group、block、milestone）")
                        .arg(*type),
                    QStringLiteral("unknown Ontime entry type \"%1\" (expected event, delay, group, block or "
                                   "milestone)")
                        .arg(*type));
                continue;
            }
            const bool wasAfterDelay = previousWasDelay;
            const qint64 delayBefore = previousDelay;
            previousWasDelay = false;
            previousDelay = 0;

            if (reader.boolean(QStringLiteral("skip"), Need::Optional).value_or(false)) {
                ++skipped;
                continue;
            }
            Segment segment;
            segment.cue = reader.string(QStringLiteral("cue"), Need::Optional).value_or(QString()).trimmed();
            segment.title =
                reader.string(QStringLiteral("title"), Need::Optional).value_or(QString()).trimmed();
            segment.notes =
                reader.string(QStringLiteral("note"), Need::Optional).value_or(QString()).trimmed();
            const auto timeStart = readMs(reader, QStringLiteral("timeStart"), Need::Required);
            const auto timeEnd = readMs(reader, QStringLiteral("timeEnd"), Need::Optional);
            auto duration = readMs(reader, QStringLiteral("duration"), Need::Optional);
            if (!timeStart)
                continue;
            if (!duration) {
                if (reader.has(QStringLiteral("duration")))
                    continue; // written, but not as a number: reported already
                if (!timeEnd) {
                    errors_.add(reader.pathOf(QStringLiteral("duration")),
                                QStringLiteral("事件既没有 duration 也没有 timeEnd"),
                                QStringLiteral("the event has neither a duration nor a timeEnd"));
                    continue;
                }
                duration = *timeEnd >= *timeStart ? *timeEnd - *timeStart : *timeEnd + kDayMs - *timeStart;
            }
            if (*duration < limits::kMinDurationMs) {
                ++zeroLength;
                continue;
            }
            if (*duration > limits::kMaxDurationMs) {
                errors_.add(reader.pathOf(QStringLiteral("duration")),
                            QStringLiteral("事件长 %1 分钟，超过 12 小时").arg(minutesText(*duration)),
                            QStringLiteral("the event lasts %1 minutes, more than 12 hours")
                                .arg(minutesText(*duration)));
                continue;
            }
            segment.durationMs = *duration;
            if (segment.title.isEmpty()) {
                segment.title = segment.cue.isEmpty()
                                    ? QStringLiteral("事件 %1").arg(rundown.segments.size() + 1)
                                    : segment.cue;
                ++untitled_;
            }

            // When it starts: straight after the one before, or at its own (delayed) time.
            qint64 start = *timeStart;
            if (latestEnd && start < *latestEnd - kDayMs / 2)
                start += kDayMs; // after midnight
            const qint64 gap = latestEnd ? start - *latestEnd : 0;
            if (totalDelay > 0 && gap > 0) {
                // As Ontime: a gap absorbs a delay from before it, but not one written right before this
                // event.
                const qint64 kept = wasAfterDelay ? delayBefore : 0;
                totalDelay = std::max<qint64>(totalDelay - kept - gap, 0) + kept;
            }
            const QJsonValue link = entry.object.value(QStringLiteral("linkStart"));
            const bool linked = link.isBool() ? link.toBool() : link.isString() && !link.toString().isEmpty();
            if (rundown.segments.isEmpty()) {
                rundown.plannedStart = QTime::fromMSecsSinceStartOfDay(int((start + totalDelay) % kDayMs));
            } else if (!linked && gap != 0) {
                segment.start = StartMode::Fixed;
                segment.fixedTime =
                    QTime::fromMSecsSinceStartOfDay(int(((start + totalDelay) % kDayMs + kDayMs) % kDayMs));
                ++fixedStarts;
            }
            latestEnd = std::max(latestEnd.value_or(start + *duration), start + *duration);

            const QString endAction =
                reader.string(QStringLiteral("endAction"), Need::Optional).value_or(QString());
            if (endAction == QLatin1String("play-next")) {
                segment.end = EndAction::Next;
            } else if (endAction == QLatin1String("load-next") || endAction == QLatin1String("stop")) {
                segment.end = EndAction::Hold;
                mappedEndActions << endAction;
            }
            const QString timerType =
                reader.string(QStringLiteral("timerType"), Need::Optional).value_or(QString());
            if (timerType == QLatin1String("count-to-end") ||
                reader.boolean(QStringLiteral("countToEnd"), Need::Optional).value_or(false))
                ++countToEnd;
            else if (!timerType.isEmpty() && timerType != QLatin1String("count-down"))
                otherTimerTypes << timerType;

            const QString colour =
                reader.string(QStringLiteral("colour"), Need::Optional).value_or(QString()).trimmed();
            if (show::ShowParser::parseColor(colour))
                segment.color = colour.toUpper();
            else if (!colour.isEmpty())
                ++droppedColours;

            if (const auto warning = readMs(reader, QStringLiteral("timeWarning"), Need::Optional))
                segment.warningMs = std::min(*warning, limits::kMaxDurationMs);
            if (const auto danger = readMs(reader, QStringLiteral("timeDanger"), Need::Optional))
                segment.dangerMs = std::min(*danger, limits::kMaxDurationMs);
            if (segment.warningMs > 0 && segment.dangerMs > segment.warningMs) {
                segment.dangerMs = segment.warningMs;
                ++clampedThresholds;
            }

            if (const auto custom = reader.object(QStringLiteral("custom"), Need::Optional)) {
                for (auto it = custom->constBegin(); it != custom->constEnd(); ++it) {
                    const QString text =
                        it.value().isString() ? it.value().toString() : it.value().toVariant().toString();
                    if (!text.isEmpty())
                        segment.custom.insert(labels_.value(it.key(), it.key()), text);
                }
            }
            if (!entry.group.isEmpty())
                segment.custom.insert(QStringLiteral("group"), entry.group);
            rundown.segments.append(segment);
        }

        if (rundown.plannedStart)
            notes_ << QStringLiteral(
                          "计划开始时间取第一个事件的开始：%1 / planned start taken from the first event: %1")
                          .arg(rundown.plannedStart->toString(QStringLiteral("HH:mm:ss")));
        if (fixedStarts > 0)
            notes_ << QStringLiteral(
                          "%1 个事件不紧接上一个，保留 Ontime 的开始时间，作为定时开始（到时自动开始） / %1 "
                          "events do not follow straight on: they keep their Ontime start time as a "
                          "fixed-time start (they start by themselves)")
                          .arg(fixedStarts);
        if (groups_ > 0)
            notes_ << QStringLiteral(
                          "%1 个分组（block/group）写进了所属事件的自定义字段 “group” / %1 groups (blocks) "
                          "became the \"group\" custom field of their events")
                          .arg(groups_);
        if (!emptyGroups_.isEmpty())
            notes_ << QStringLiteral("空分组没有导入：%1 / empty groups left out: %2")
                          .arg(emptyGroups_.join(QStringLiteral("、")),
                               emptyGroups_.join(QStringLiteral(", ")));
        if (delays_ > 0)
            notes_
                << QStringLiteral(
                       "%1 个延时（共 %2 分钟）已按 Ontime 的算法计入后面的开始时间 / %1 delays (%2 min in "
                       "all) moved the start times after them, as Ontime computes it")
                       .arg(delays_)
                       .arg(minutesText(delaysSeen));
        if (skipped > 0)
            notes_ << QStringLiteral(
                          "%1 个 Ontime 里标为跳过的事件没有导入 / %1 events marked skip in Ontime left out")
                          .arg(skipped);
        if (milestones > 0)
            notes_ << QStringLiteral(
                          "%1 个里程碑（milestone）没有时长，没有导入 / %1 milestones (no duration) left out")
                          .arg(milestones);
        if (zeroLength > 0)
            notes_ << QStringLiteral("%1 个时长不到 1 秒的事件没有导入 / %1 events shorter than 1 s left out")
                          .arg(zeroLength);
        if (untitled_ > 0)
            notes_ << QStringLiteral(
                          "%1 个没有标题的事件用编号作标题 / %1 untitled events are titled by their cue")
                          .arg(untitled_);
        if (!mappedEndActions.isEmpty())
            notes_ << QStringLiteral(
                          "结束动作 %1 变成 hold：计时停在零，由导播开始下一段 / end action %1 became hold: "
                          "the clock stops at zero and the operator starts the next")
                          .arg(QStringList(mappedEndActions.begin(), mappedEndActions.end())
                                   .join(QStringLiteral(", ")));
        if (countToEnd > 0)
            notes_ << QStringLiteral(
                          "%1 个 “count to end” 事件改为按时长倒计时 / %1 \"count to end\" events count down "
                          "their duration instead")
                          .arg(countToEnd);
        if (!otherTimerTypes.isEmpty())
            notes_ << QStringLiteral(
                          "计时方式 %1 没有对应：小站的段落都是倒计时 / timer types %1 have no counterpart: "
                          "every Xiaozhan segment counts down")
                          .arg(QStringList(otherTimerTypes.begin(), otherTimerTypes.end())
                                   .join(QStringLiteral(", ")));
        if (clampedThresholds > 0)
            notes_ << QStringLiteral(
                          "%1 个事件的危险提示早于警告提示，已改为与警告相同 / %1 events had danger before "
                          "warning: danger set to the warning time")
                          .arg(clampedThresholds);
        if (droppedColours > 0)
            notes_ << QStringLiteral(
                          "%1 个不是 #RRGGBB 的颜色没有导入 / %1 colours not written #RRGGBB left out")
                          .arg(droppedColours);
        if (missing_ > 0)
            notes_ << QStringLiteral(
                          "%1 个引用了不存在条目的 id 被跳过 / %1 ids naming no entry were skipped")
                          .arg(missing_);
        notes_ << QStringLiteral(
            "Ontime 没有场景：请在节目单里为各段写上 scene / Ontime has no scenes: add a "
            "\"scene\" to each segment");
    }

    const show::JsonDocument& document_;
    show::ErrorList errors_;
    QString rundownId_;
    QString displayName_;
    QHash<QString, QString> labels_;
    QStringList notes_;
    QStringList emptyGroups_;
    int groups_ = 0;
    int delays_ = 0;
    int missing_ = 0;
    int untitled_ = 0;
};

} // namespace

ImportResult OntimeImporter::importFile(const QString& path, const QString& rundownId) {
    const show::JsonReadResult read = show::JsonDocumentReader::readFile(path, kOntimeFile);
    if (!read.document)
        return ImportResult{std::nullopt, {}, read.errors};
    return Importer(*read.document, path, rundownId).run();
}

} // namespace xz::rundown
