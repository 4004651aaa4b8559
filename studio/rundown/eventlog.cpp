#include "eventlog.h"

#include "logging.h"
#include "paths.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <cmath>

namespace xz::rundown {

QJsonObject LogEntry::toJson(const QTimeZone& zone) const {
    QJsonObject json{
        {QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(atMs, zone).toString(Qt::ISODateWithMs)},
        {QStringLiteral("recording"),
         recordingSeconds ? QJsonValue(double(std::llround(*recordingSeconds * 1000.0)) / 1000.0)
                          : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("event"), event}};
    if (segment >= 0) {
        json[QStringLiteral("segment")] = segment;
        json[QStringLiteral("segmentTitle")] = segmentTitle;
    }
    for (auto it = detail.constBegin(); it != detail.constEnd(); ++it)
        json[it.key()] = it.value();
    return json;
}

EventLog::EventLog(QString path, QTimeZone zone) : path_(std::move(path)), zone_(std::move(zone)) {
    if (path_.isEmpty())
        return;
    QDir().mkpath(QFileInfo(path_).absolutePath());
    file_.setFileName(path_);
    if (!file_.open(QIODevice::WriteOnly | QIODevice::Append))
        qCWarning(lcRundown).noquote() << "cannot open the rundown log" << path_ << file_.errorString();
}

void EventLog::append(const LogEntry& entry) {
    entries_.append(entry);
    const QByteArray line = QJsonDocument(entry.toJson(zone_)).toJson(QJsonDocument::Compact);
    qCInfo(lcRundown).noquote() << QString::fromUtf8(line);
    if (!file_.isOpen())
        return;
    if ((file_.write(line + '\n') < 0 || !file_.flush()) && !reportedWriteError_) {
        reportedWriteError_ = true; // once, not on every event of the show
        qCWarning(lcRundown).noquote() << "cannot write the rundown log" << path_ << file_.errorString();
    }
}

QString EventLog::defaultPath(const QString& showId, qint64 nowMs, const QTimeZone& zone) {
    const QString stamp =
        QDateTime::fromMSecsSinceEpoch(nowMs, zone).toString(QStringLiteral("yyyy-MM-dd_HH-mm-ss"));
    return QDir(paths::dataDir())
        .filePath(QStringLiteral("rundown/%1-%2.events.jsonl")
                      .arg(showId.isEmpty() ? QStringLiteral("rundown") : showId, stamp));
}

} // namespace xz::rundown
