#include "uploadconfig.h"

#include "paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <sys/stat.h>

namespace xz::upload {
namespace {

UploadError configError(const QString& path, const QString& zh, const QString& en) {
    return UploadError::fatal(QStringLiteral("配置文件 %1：%2").arg(path, zh),
                              QStringLiteral("config file %1: %2").arg(path, en));
}

int lineOf(const QByteArray& data, int offset) {
    return int(data.left(offset).count('\n')) + 1;
}

} // namespace

QString UploadConfig::defaultPath() {
    return xz::paths::configDir() + QStringLiteral("/upload.json");
}

Result<UploadConfig> UploadConfig::load(const QString& path) {
    UploadConfig config;
    config.path_ = path;
    QFile file(path);
    if (!file.exists())
        return config;
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) == 0 && (info.st_mode & 077) != 0) {
        return configError(
            path, QStringLiteral("权限过宽，其中的密钥可能被他人读取；请执行 chmod 600 %1").arg(path),
            QStringLiteral("permissions are too open, others could read its secrets; run chmod 600 %1")
                .arg(path));
    }
    if (!file.open(QIODevice::ReadOnly))
        return configError(path, QStringLiteral("无法读取"), QStringLiteral("cannot be read"));
    const QByteArray data = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        const int line = lineOf(data, parseError.offset);
        return configError(
            path, QStringLiteral("第 %1 行 JSON 格式错误（%2）").arg(line).arg(parseError.errorString()),
            QStringLiteral("invalid JSON at line %1 (%2)").arg(line).arg(parseError.errorString()));
    }
    config.raw_ = doc.object();

    // Reads a non-negative integer field, naming it when it is wrong.
    std::optional<UploadError> fieldError;
    auto number = [&](const QJsonObject& object, const QString& where, const char* key, qint64& out) {
        const QJsonValue v = object.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isDouble() || v.toDouble() < 0) {
            if (!fieldError)
                fieldError = configError(
                    path, QStringLiteral("字段 %1.%2 必须是非负数").arg(where, QLatin1String(key)),
                    QStringLiteral("field %1.%2 must be a non-negative number")
                        .arg(where, QLatin1String(key)));
            return;
        }
        out = qint64(v.toDouble());
    };

    const QJsonObject limits = config.raw_.value(QLatin1String("limits")).toObject();
    qint64 concurrency = config.limits.concurrency, attempts = config.limits.maxAttempts;
    number(limits, QStringLiteral("limits"), "concurrency", concurrency);
    number(limits, QStringLiteral("limits"), "max_attempts", attempts);
    config.limits.concurrency = int(std::clamp<qint64>(concurrency, 1, 64));
    config.limits.maxAttempts = int(std::clamp<qint64>(attempts, 1, 1000));
    number(limits, QStringLiteral("limits"), "backoff_base_ms", config.limits.backoffBaseMs);
    number(limits, QStringLiteral("limits"), "backoff_cap_ms", config.limits.backoffCapMs);
    number(limits, QStringLiteral("limits"), "max_retry_after_ms", config.limits.maxRetryAfterMs);
    number(limits, QStringLiteral("limits"), "tus_chunk_bytes", config.limits.tusChunkBytes);
    config.limits.tusChunkBytes = std::max<qint64>(config.limits.tusChunkBytes, 64 * 1024);
    number(limits, QStringLiteral("limits"), "max_bytes_per_second", config.transfer.maxBytesPerSecond);
    number(limits, QStringLiteral("limits"), "connect_timeout_ms", config.transfer.connectTimeoutMs);
    number(limits, QStringLiteral("limits"), "low_speed_bytes_per_second",
           config.transfer.lowSpeedBytesPerSecond);
    number(limits, QStringLiteral("limits"), "low_speed_time_s", config.transfer.lowSpeedTimeS);
    config.allowInsecureHttp = config.raw_.value(QLatin1String("allow_insecure_http")).toBool(false);

    const QJsonObject accounts = config.raw_.value(QLatin1String("douyin")).toObject();
    for (auto it = accounts.begin(); it != accounts.end(); ++it) {
        const QJsonObject a = it.value().toObject();
        DouyinAccount account;
        account.name = it.key();
        account.apiBase = a.value(QLatin1String("api")).toString(QStringLiteral("https://open.douyin.com"));
        account.openId = a.value(QLatin1String("open_id")).toString();
        account.clientKey = a.value(QLatin1String("client_key")).toString();
        account.accessToken = a.value(QLatin1String("access_token")).toString();
        account.refreshToken = a.value(QLatin1String("refresh_token")).toString();
        account.allowInsecureHttp =
            a.value(QLatin1String("allow_insecure_http")).toBool(config.allowInsecureHttp);
        number(a, QStringLiteral("douyin.") + it.key(), "part_bytes", account.partBytes);
        // The platform wants parts of at least 5 MB; a clip up to one part goes in one request, which it
        // advises to keep under 50 MB.
        if ((account.partBytes < kMinDouyinPartBytes || account.partBytes > kMaxDouyinPartBytes) &&
            !fieldError) {
            fieldError = configError(
                path,
                QStringLiteral("字段 douyin.%1.part_bytes 必须在 %2 到 %3 之间（5 MB 到 50 MB），现在是 %4")
                    .arg(it.key())
                    .arg(kMinDouyinPartBytes)
                    .arg(kMaxDouyinPartBytes)
                    .arg(account.partBytes),
                QStringLiteral("field douyin.%1.part_bytes must be between %2 and %3 (5 MB to 50 MB), not %4")
                    .arg(it.key())
                    .arg(kMinDouyinPartBytes)
                    .arg(kMaxDouyinPartBytes)
                    .arg(account.partBytes));
        }
        if (account.openId.isEmpty() && !fieldError)
            fieldError = configError(path, QStringLiteral("抖音账号 %1 缺少 open_id").arg(it.key()),
                                     QStringLiteral("Douyin account %1 has no open_id").arg(it.key()));
        if (account.accessToken.isEmpty() && !fieldError)
            fieldError = configError(path, QStringLiteral("抖音账号 %1 缺少 access_token").arg(it.key()),
                                     QStringLiteral("Douyin account %1 has no access_token").arg(it.key()));
        config.redactor_.addSecret(account.accessToken);
        config.redactor_.addSecret(account.refreshToken);
        config.redactor_.addSecret(a.value(QLatin1String("client_secret")).toString());
        config.douyin.insert(it.key(), account);
    }
    const QJsonObject auth = config.raw_.value(QLatin1String("http_auth")).toObject();
    for (auto it = auth.begin(); it != auth.end(); ++it) {
        const QString value = it.value().toString();
        config.httpAuth.insert(it.key(), value);
        config.redactor_.addSecret(value);
        // "Bearer TOKEN": the token alone may show up in a server's echo too.
        config.redactor_.addSecret(value.section(QLatin1Char(' '), 1));
    }
    if (fieldError)
        return *fieldError;
    return config;
}

QString UploadConfig::authorizationFor(const QString& url) const {
    QString best;
    qsizetype bestLength = -1;
    for (auto it = httpAuth.begin(); it != httpAuth.end(); ++it) {
        if (url.startsWith(it.key()) && it.key().size() > bestLength) {
            best = it.value();
            bestLength = it.key().size();
        }
    }
    return best;
}

void UploadConfig::updateDouyinTokens(const QString& account, const QString& accessToken,
                                      const QString& refreshToken) {
    auto it = douyin.find(account);
    if (it == douyin.end())
        return;
    it->accessToken = accessToken;
    if (!refreshToken.isEmpty())
        it->refreshToken = refreshToken;
    redactor_.addSecret(accessToken);
    redactor_.addSecret(refreshToken);
    QJsonObject accounts = raw_.value(QLatin1String("douyin")).toObject();
    QJsonObject a = accounts.value(account).toObject();
    a.insert(QLatin1String("access_token"), accessToken);
    if (!refreshToken.isEmpty())
        a.insert(QLatin1String("refresh_token"), refreshToken);
    accounts.insert(account, a);
    raw_.insert(QLatin1String("douyin"), accounts);
}

Result<bool> UploadConfig::save() const {
    QDir().mkpath(QFileInfo(path_).absolutePath());
    QSaveFile file(path_);
    if (!file.open(QIODevice::WriteOnly))
        return configError(path_, QStringLiteral("无法写入"), QStringLiteral("cannot be written"));
    // The temporary file is created 0600 already; say it again so a future Qt default cannot widen it.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(raw_).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return configError(path_, QStringLiteral("无法写入"), QStringLiteral("cannot be written"));
    return true;
}

} // namespace xz::upload
