#include "segmentlistmodel.h"

#include "rundownengine.h"
#include "rundownparser.h"
#include "rundownwriter.h"

namespace xz::rundown {

SegmentListModel::SegmentListModel(RundownEngine& engine, QObject* parent)
    : QAbstractListModel(parent), engine_(engine) {
    connect(&engine_, &RundownEngine::changed, this, &SegmentListModel::onEngineChanged);
}

int SegmentListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(engine_.rundown().segments.size());
}

QHash<int, QByteArray> SegmentListModel::roleNames() const {
    static const QHash<int, QByteArray> names{
        {int(Role::Cue), "cue"},
        {int(Role::Title), "title"},
        {int(Role::Scene), "scene"},
        {int(Role::DurationMs), "durationMs"},
        {int(Role::DurationText), "durationText"},
        {int(Role::PlannedStartMs), "plannedStartMs"},
        {int(Role::PlannedStartText), "plannedStartText"},
        {int(Role::StartText), "startText"},
        {int(Role::EndAction), "endAction"},
        {int(Role::Color), "color"},
        {int(Role::Notes), "notes"},
        {int(Role::Status), "status"},
        {int(Role::IsCurrent), "isCurrent"},
        {int(Role::IsNext), "isNext"},
        {int(Role::Skipped), "skipped"},
        {int(Role::ActualMs), "actualMs"},
    };
    return names;
}

QVariant SegmentListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Segment& segment = engine_.rundown().segments[row];
    const RundownTimer& timer = engine_.timer();
    const qint64 now = engine_.clock().nowMs();
    const bool skipped = timer.state().records[row].skipped;
    const bool current = timer.currentIndex() == row;
    const bool next = timer.nextIndex() == row;
    switch (Role(role)) {
    case Role::Cue:
        return segment.cue;
    case Role::Title:
        return segment.title;
    case Role::Scene:
        return segment.sceneId;
    case Role::DurationMs:
        return segment.durationMs;
    case Role::DurationText:
        return RundownWriter::formatDuration(segment.durationMs);
    case Role::PlannedStartMs:
        return timer.plannedStartsMs(now)[row].value_or(0);
    case Role::PlannedStartText: {
        const auto start = timer.plannedStartsMs(now)[row];
        return start ? QDateTime::fromMSecsSinceEpoch(*start, engine_.clock().timeZone())
                           .toString(QStringLiteral("HH:mm"))
                     : QString();
    }
    case Role::StartText:
        switch (segment.start) {
        case StartMode::Follow:
            return QStringLiteral("接上一段 / follow");
        case StartMode::Manual:
            return QStringLiteral("手动 / manual");
        case StartMode::Fixed:
            return RundownParser::startName(segment.start, segment.fixedTime);
        }
        return {};
    case Role::EndAction:
        return RundownParser::endActionName(timer.autoAdvance() ? EndAction::Next : segment.end);
    case Role::Color:
        return segment.color;
    case Role::Notes:
        return segment.notes;
    case Role::Status:
        if (skipped)
            return QStringLiteral("skipped");
        if (current)
            return QStringLiteral("current");
        if (next)
            return QStringLiteral("next");
        if (timer.state().records[row].firstStartedAtMs)
            return QStringLiteral("done");
        return QStringLiteral("upcoming");
    case Role::IsCurrent:
        return current;
    case Role::IsNext:
        return next;
    case Role::Skipped:
        return skipped;
    case Role::ActualMs:
        return timer.actualMs(row, now);
    }
    return {};
}

void SegmentListModel::onEngineChanged() {
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1));
}

} // namespace xz::rundown
