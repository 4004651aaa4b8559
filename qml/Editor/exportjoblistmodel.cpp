#include "exportjoblistmodel.h"

#include "clipjobqueue.h"

#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>

namespace xz::ui {

void ExportJobListModel::setQueue(clips::ClipJobQueue* queue) {
    beginResetModel();
    if (queue_)
        disconnect(queue_, nullptr, this, nullptr);
    queue_ = queue;
    ids_.clear();
    if (queue_) {
        for (const clips::ClipJob& job : queue_->jobs())
            ids_.append(job.id);
        std::sort(ids_.begin(), ids_.end(), std::greater<>());
        connect(queue_, &clips::ClipJobQueue::jobAdded, this, [this](qint64 id) {
            beginInsertRows({}, 0, 0);
            ids_.prepend(id);
            endInsertRows();
        });
        connect(queue_, &clips::ClipJobQueue::jobChanged, this, [this](qint64 id) { changed(id, {}); });
        connect(queue_, &clips::ClipJobQueue::progressChanged, this,
                [this](qint64 id) { changed(id, {int(Role::Progress)}); });
        connect(queue_, &QObject::destroyed, this, [this] {
            beginResetModel();
            queue_ = nullptr;
            ids_.clear();
            endResetModel();
        });
    }
    endResetModel();
}

void ExportJobListModel::changed(qint64 id, const QList<int>& roles) {
    const int row = int(ids_.indexOf(id));
    if (row >= 0)
        emit dataChanged(index(row), index(row), roles);
}

int ExportJobListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(ids_.size());
}

QVariant ExportJobListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !queue_)
        return {};
    const std::optional<clips::ClipJob> job = queue_->job(ids_[index.row()]);
    if (!job)
        return {};
    switch (Role(role)) {
    case Role::JobId:
        return job->id;
    case Role::FileName:
        return QFileInfo(job->output()).fileName();
    case Role::Output:
        return job->output();
    case Role::Title:
        return job->request.value(QStringLiteral("title")).toString();
    case Role::Preset:
        return job->kind == clips::ClipJob::Kind::Export
                   ? job->request.value(QStringLiteral("preset")).toString()
                   : QStringLiteral("trim");
    case Role::StateText:
        return clips::jobStateText(job->state);
    case Role::Progress:
        return job->progress;
    case Role::Running:
        return job->state == clips::JobState::Running;
    case Role::Done:
        return job->state == clips::JobState::Done;
    case Role::CanCancel:
        return !job->isFinished();
    case Role::ErrorText:
        return job->errorZh.isEmpty() ? QString() : job->errorZh + QStringLiteral(" / ") + job->errorEn;
    case Role::NoteText: {
        QStringList notes;
        for (const QJsonValue& note : job->result.value(QStringLiteral("notes")).toArray())
            notes << note.toObject().value(QStringLiteral("zh")).toString();
        return notes.join(QLatin1Char(' '));
    }
    }
    return {};
}

QHash<int, QByteArray> ExportJobListModel::roleNames() const {
    return {{int(Role::JobId), "jobId"},         {int(Role::FileName), "fileName"},
            {int(Role::Output), "output"},       {int(Role::Title), "title"},
            {int(Role::Preset), "preset"},       {int(Role::StateText), "stateText"},
            {int(Role::Progress), "progress"},   {int(Role::Running), "running"},
            {int(Role::Done), "done"},           {int(Role::CanCancel), "canCancel"},
            {int(Role::ErrorText), "errorText"}, {int(Role::NoteText), "noteText"}};
}

} // namespace xz::ui
