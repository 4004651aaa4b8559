#include "uploadlistmodel.h"

#include "uploadqueue.h"

#include "redact.h"

namespace xz::upload {

UploadListModel::UploadListModel(UploadQueue& queue, QObject* parent)
    : QAbstractListModel(parent), queue_(queue) {
    for (const UploadJob& job : queue_.jobs())
        ids_.append(job.id);
    connect(&queue_, &UploadQueue::jobAdded, this, &UploadListModel::onJobAdded);
    connect(&queue_, &UploadQueue::jobChanged, this, &UploadListModel::onJobChanged);
}

int UploadListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(ids_.size());
}

QHash<int, QByteArray> UploadListModel::roleNames() const {
    static const QHash<int, QByteArray> names = {
        {int(Role::JobId), "jobId"},
        {int(Role::FileName), "fileName"},
        {int(Role::Title), "title"},
        {int(Role::Target), "target"},
        {int(Role::State), "state"},
        {int(Role::StateText), "stateText"},
        {int(Role::Progress), "progress"},
        {int(Role::BytesDone), "bytesDone"},
        {int(Role::Size), "size"},
        {int(Role::BytesPerSecond), "bytesPerSecond"},
        {int(Role::EtaSeconds), "etaSeconds"},
        {int(Role::EtaText), "etaText"},
        {int(Role::ErrorText), "errorText"},
        {int(Role::ErrorDetail), "errorDetail"},
        {int(Role::Attempts), "attempts"},
        {int(Role::CanPause), "canPause"},
        {int(Role::CanResume), "canResume"},
        {int(Role::CanRetry), "canRetry"},
        {int(Role::CanCancel), "canCancel"},
    };
    return names;
}

QString UploadListModel::formatDuration(qint64 seconds) {
    if (seconds < 0)
        return QStringLiteral("--:--");
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QVariant UploadListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto job = queue_.job(ids_.at(index.row()));
    if (!job)
        return {};
    const UploadQueue::Live live = queue_.live(job->id);
    const bool uploading = job->state == JobState::Uploading;
    switch (role) {
    case Qt::DisplayRole:
        return job->title.isEmpty() ? job->fileName() : job->title;
    case int(Role::JobId):
        return job->id;
    case int(Role::FileName):
        return job->fileName();
    case int(Role::Title):
        return job->title;
    case int(Role::Target):
        return Redactor::redactUrl(job->target);
    case int(Role::State):
        return int(job->state);
    case int(Role::StateText):
        if (job->state == JobState::Queued && !job->reasonZh.isEmpty())
            return QStringLiteral("等待重试 / waiting to retry");
        return stateText(job->state);
    case int(Role::Progress):
        return job->size > 0 ? double(live.bytes) / double(job->size)
                             : (job->state == JobState::Done ? 1.0 : 0.0);
    case int(Role::BytesDone):
        return live.bytes;
    case int(Role::Size):
        return job->size;
    case int(Role::BytesPerSecond):
        return uploading ? live.bytesPerSecond : 0.0;
    case int(Role::EtaSeconds):
        return uploading ? live.etaSeconds : qint64(-1);
    case int(Role::EtaText):
        return uploading ? formatDuration(live.etaSeconds) : QString();
    case int(Role::ErrorText):
        return job->reason();
    case int(Role::ErrorDetail):
        return job->detail;
    case int(Role::Attempts):
        return job->attempts;
    case int(Role::CanPause):
        return job->state == JobState::Queued || uploading;
    case int(Role::CanResume):
        return job->state == JobState::Paused;
    case int(Role::CanRetry):
        return job->state == JobState::Failed || job->state == JobState::Cancelled;
    case int(Role::CanCancel):
        return job->state != JobState::Done && job->state != JobState::Cancelled;
    default:
        return {};
    }
}

bool UploadListModel::pause(qint64 jobId) {
    return queue_.pause(jobId);
}
bool UploadListModel::resume(qint64 jobId) {
    return queue_.resume(jobId);
}
bool UploadListModel::retry(qint64 jobId) {
    return queue_.retry(jobId);
}
bool UploadListModel::cancel(qint64 jobId) {
    return queue_.cancel(jobId);
}

void UploadListModel::onJobAdded(qint64 id) {
    if (ids_.contains(id))
        return;
    // Ids only grow, so appending keeps the rows in queue order.
    beginInsertRows({}, int(ids_.size()), int(ids_.size()));
    ids_.append(id);
    endInsertRows();
}

void UploadListModel::onJobChanged(qint64 id) {
    const int row = int(ids_.indexOf(id));
    if (row < 0)
        return;
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

} // namespace xz::upload
