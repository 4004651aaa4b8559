#include "uploadjob.h"

#include <QFileInfo>

namespace xz::upload {

QString stateKey(JobState state) {
    switch (state) {
    case JobState::Queued:
        return QStringLiteral("queued");
    case JobState::Uploading:
        return QStringLiteral("uploading");
    case JobState::Paused:
        return QStringLiteral("paused");
    case JobState::Done:
        return QStringLiteral("done");
    case JobState::Failed:
        return QStringLiteral("failed");
    case JobState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("queued");
}

std::optional<JobState> stateFromKey(const QString& key) {
    for (JobState s : {JobState::Queued, JobState::Uploading, JobState::Paused, JobState::Done,
                       JobState::Failed, JobState::Cancelled}) {
        if (stateKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString stateText(JobState state) {
    switch (state) {
    case JobState::Queued:
        return QStringLiteral("排队中 / queued");
    case JobState::Uploading:
        return QStringLiteral("上传中 / uploading");
    case JobState::Paused:
        return QStringLiteral("已暂停 / paused");
    case JobState::Done:
        return QStringLiteral("已完成 / done");
    case JobState::Failed:
        return QStringLiteral("失败 / failed");
    case JobState::Cancelled:
        return QStringLiteral("已取消 / cancelled");
    }
    return {};
}

QString UploadJob::fileName() const {
    return QFileInfo(path).fileName();
}

} // namespace xz::upload
