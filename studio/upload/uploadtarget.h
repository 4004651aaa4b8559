// One interface for every destination (tus, Douyin-style parts, plain HTTP, folder). A target runs one
// attempt of one job and reports back; the queue decides about retries, persistence and presentation.
#pragma once

#include "uploaderror.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace xz::upload {

struct TargetJob {
    qint64 id = 0;
    QString path;
    qint64 size = 0;
    QByteArray sha256Hex;
    QString title;
    QStringList hashtags;
    QJsonObject session;        // what the last attempt left behind
    qint64 confirmedOffset = 0; // what the server had confirmed then (a hint: targets ask the server)
};

struct TargetOutcome {
    bool ok = false;
    QString remoteId; // the platform's id or URL for the finished upload
    UploadError error;
};

class UploadTarget {
public:
    struct Callbacks {
        // The server confirmed this much; the queue persists it before the target moves on.
        std::function<void(const QJsonObject& session, qint64 confirmedOffset)> checkpoint;
        // Bytes the server holds plus bytes in flight, for progress bars.
        std::function<void(qint64 bytes)> progress;
        // Called once, last; the target may be destroyed right after it returns.
        std::function<void(const TargetOutcome& outcome)> finished;
    };

    virtual ~UploadTarget() = default;
    virtual void start(const TargetJob& job, Callbacks callbacks) = 0;
    // Stops at once (pause, cancel, shutdown); no callback runs afterwards.
    virtual void abort() = 0;
};

} // namespace xz::upload
