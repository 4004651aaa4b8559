// The operator's rundown list: one row per segment with its cue, title, scene, planned duration and start,
// how it starts and ends, and where the show is (done, on air, next, to come, skipped). A thin view over
// RundownEngine; rows change with the engine (live edits, skips, advances).
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace xz::rundown {

class RundownEngine;

class SegmentListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RundownController provides the segment list")
public:
    enum class Role {
        Cue = Qt::UserRole + 1,
        Title,
        Scene,            // scene id; empty when the segment takes none
        DurationMs,       // planned, with live edits
        DurationText,     // "5:00"
        PlannedStartMs,   // when the plan has it start; 0 for a skipped segment
        PlannedStartText, // "10:05"
        StartText,        // "接上一段 / follow", "手动 / manual", "19:30"
        EndAction,        // "none", "next", "hold"
        Color,
        Notes,
        Status, // "done", "current", "next", "upcoming", "skipped"
        IsCurrent,
        IsNext,
        Skipped,
        ActualMs, // time on air so far (as of the last change)
    };
    Q_ENUM(Role)

    explicit SegmentListModel(RundownEngine& engine, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void onEngineChanged();

    RundownEngine& engine_;
};

} // namespace xz::rundown
