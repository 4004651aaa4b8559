// The user's upload settings and secrets: configDir()/upload.json, which must be private to its owner (0600).
// Every secret read from it is registered with the Redactor before anything can print it.
#pragma once

#include "curltransport.h"
#include "uploaderror.h"

#include "redact.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace xz::upload {

struct QueueLimits {
    int concurrency = 2;
    int maxAttempts = 8; // consecutive failed attempts without progress before a job is failed
    qint64 backoffBaseMs = 2'000;
    qint64 backoffCapMs = 300'000;
    qint64 maxRetryAfterMs = 900'000; // a server asking for more than this is clamped, not obeyed for days
    qint64 tusChunkBytes = 64ll << 20;
};

constexpr qint64 kMinDouyinPartBytes = 5ll << 20;
constexpr qint64 kMaxDouyinPartBytes = 50ll << 20;

struct DouyinAccount {
    QString name;
    QString apiBase; // e.g. https://open.douyin.com
    QString openId;
    QString clientKey;
    QString accessToken;
    QString refreshToken;
    qint64 partBytes = 20ll << 20;
    bool allowInsecureHttp = false;
};

class UploadConfig {
public:
    // Missing file: defaults. A file readable by others, bad JSON or a wrong field: an error naming the line.
    static Result<UploadConfig> load(const QString& path = defaultPath());
    static QString defaultPath();

    // Writes the file back (after a token refresh) atomically and with 0600 permissions.
    Result<bool> save() const;

    QueueLimits limits;
    TransferSettings transfer;
    bool allowInsecureHttp = false;
    QMap<QString, DouyinAccount> douyin;
    QMap<QString, QString> httpAuth; // URL prefix -> Authorization header value

    // The Authorization value for a URL, from the longest matching prefix.
    QString authorizationFor(const QString& url) const;
    void updateDouyinTokens(const QString& account, const QString& accessToken, const QString& refreshToken);

    const Redactor& redactor() const { return redactor_; }
    Redactor& redactor() { return redactor_; }
    QString path() const { return path_; }

private:
    QString path_;
    QJsonObject raw_; // unknown keys survive a save
    Redactor redactor_;
};

} // namespace xz::upload
