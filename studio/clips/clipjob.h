// One trim or export waiting in, running in or finished by the job queue, as the database keeps it: what was
// asked (the request as JSON), how far it got, and what came of it (the result JSON, or the error).
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace xz::clips {

enum class JobState {
    Queued = 1,
    Running,
    Done,
    Failed,
    Cancelled,
    Interrupted, // the program stopped (crash, power cut) while it ran; its partial output is gone
};

QString jobStateKey(JobState state);
std::optional<JobState> jobStateFromKey(const QString& key);
QString jobStateText(JobState state); // "中文 / English"

// How a finished export goes to the upload queue: kept with the job, so it survives a restart.
struct UploadDetails {
    QString title;
    QStringList hashtags; // each starting with '#'
};

struct ClipJob {
    enum class Kind { Trim = 1, Export };
    qint64 id = 0;
    Kind kind = Kind::Trim;
    QJsonObject request;
    JobState state = JobState::Queued;
    double progress = 0;
    QJsonObject result;
    QString errorZh;
    QString errorEn;
    QString errorDetail;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;

    QString input() const { return request.value(QStringLiteral("input")).toString(); }
    QString output() const { return request.value(QStringLiteral("output")).toString(); }
    UploadDetails upload() const;
    bool isFinished() const { return state != JobState::Queued && state != JobState::Running; }
};

} // namespace xz::clips
