// One queued upload as the queue stores it, and the words a user sees for its state.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace xz::upload {

enum class JobState {
    Queued = 1, // waiting for a slot, or for its next retry (nextAttemptMs)
    Uploading,
    Paused,
    Done,
    Failed, // with reason; never retried unless the user asks
    Cancelled,
};

QString stateKey(JobState state); // stable lower-case key stored in the database
std::optional<JobState> stateFromKey(const QString& key);
QString stateText(JobState state); // "排队中 / queued"

struct UploadJob {
    qint64 id = 0;
    QString path;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    QByteArray sha256Hex;
    QString target; // normalised target URL; with sha256Hex it identifies duplicates
    QString title;
    QStringList hashtags;

    JobState state = JobState::Queued;
    QString reasonZh; // why it failed, or the last error while it waits to retry
    QString reasonEn;
    QString detail;
    int attempts = 0; // attempts started in total
    int failures = 0; // consecutive failed attempts that made no progress; capped by maxAttempts
    qint64 nextAttemptMs = 0;

    // Target-specific resume state (tus upload URL, Douyin upload id and parts done...), and how many bytes
    // the server has confirmed. Written in the same transaction as the state change it belongs to.
    QJsonObject session;
    qint64 confirmedOffset = 0;
    QString remoteId; // what the platform calls the finished upload
    qint64 createdMs = 0;
    qint64 updatedMs = 0;

    QString fileName() const;
    QString reason() const {
        return reasonZh.isEmpty() ? QString() : reasonZh + QStringLiteral(" / ") + reasonEn;
    }
};

} // namespace xz::upload
