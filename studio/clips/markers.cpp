#include "markers.h"

#include "errorlist.h"
#include "jsonlocator.h"
#include "jsonpath.h"
#include "jsonsyntax.h"
#include "objectreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <algorithm>

namespace xz::clips {
namespace {

using show::ErrorList;
using show::Need;
using show::ObjectReader;

UserError fromShowErrors(const QList<show::ShowError>& errors) {
    const show::ShowError& first = errors.first();
    QString where = first.toString();
    if (errors.size() > 1)
        where += QStringLiteral(" (+%1)").arg(errors.size() - 1);
    return UserError{QStringLiteral("标记文件有错：%1").arg(first.messageZh),
                     QStringLiteral("the markers file has an error: %1").arg(first.messageEn), where};
}

} // namespace

QString Marker::kindKey(Kind kind) {
    switch (kind) {
    case Kind::Segment:
        return QStringLiteral("segment");
    case Kind::Mark:
        return QStringLiteral("mark");
    case Kind::Range:
        return QStringLiteral("range");
    }
    return {};
}

QString MarkersReader::sidecarPathFor(const QString& recording) {
    return recording + QStringLiteral(".markers.json");
}

Result<std::optional<RecordingMarkers>> MarkersReader::load(const QString& recording) {
    const QString path = sidecarPathFor(recording);
    QFile file(path);
    if (!file.exists())
        return std::optional<RecordingMarkers>();
    if (!file.open(QIODevice::ReadOnly))
        return UserError{QStringLiteral("无法读取标记文件：%1").arg(path),
                         QStringLiteral("cannot read the markers file: %1").arg(path), file.errorString()};
    auto parsed = parse(file.readAll(), path);
    if (!parsed)
        return parsed.error();
    return std::optional<RecordingMarkers>(*parsed);
}

Result<RecordingMarkers> MarkersReader::parse(const QByteArray& utf8, const QString& fileForErrors) {
    const QString root = show::jsonpath::kRoot.toString();
    if (auto syntax = show::JsonSyntax::check(utf8)) {
        ErrorList errors(fileForErrors, nullptr);
        errors.addAt(root, show::JsonLocator::positionAt(utf8, syntax->offset), syntax->messageZh,
                     syntax->messageEn);
        return fromShowErrors(errors.sorted());
    }
    const show::JsonLocator locator(utf8);
    ErrorList errors(fileForErrors, &locator);
    const QJsonDocument document = QJsonDocument::fromJson(utf8);
    if (!document.isObject()) {
        errors.add(root, QStringLiteral("应为一个 JSON 对象"), QStringLiteral("must be a JSON object"));
        return fromShowErrors(errors.sorted());
    }
    ObjectReader top(document.object(), root, errors);
    RecordingMarkers result;
    const auto format = top.string(QStringLiteral("format"), Need::Required);
    if (format && *format != QLatin1String("xiaozhan-markers"))
        errors.add(top.pathOf(QStringLiteral("format")), QStringLiteral("应为 \"xiaozhan-markers\""),
                   QStringLiteral("must be \"xiaozhan-markers\""));
    if (const auto version = top.integer(QStringLiteral("version"), Need::Required); version && *version < 1)
        errors.add(top.pathOf(QStringLiteral("version")), QStringLiteral("版本应不小于 1"),
                   QStringLiteral("the version must be 1 or more"));
    result.recording = top.string(QStringLiteral("recording"), Need::Optional).value_or(QString());
    result.show = top.string(QStringLiteral("show"), Need::Optional).value_or(QString());
    result.rundown = top.string(QStringLiteral("rundown"), Need::Optional).value_or(QString());
    result.recordingStartedAt =
        top.string(QStringLiteral("recordingStartedAt"), Need::Optional).value_or(QString());
    const auto list = top.array(QStringLiteral("markers"), Need::Required);
    if (list) {
        for (qsizetype i = 0; i < list->size(); ++i) {
            const QString path = show::jsonpath::element(top.pathOf(QStringLiteral("markers")), i);
            if (!list->at(i).isObject()) {
                errors.add(path, QStringLiteral("应为一个对象"), QStringLiteral("must be an object"));
                continue;
            }
            ObjectReader item(list->at(i).toObject(), path, errors);
            const auto kind = item.string(QStringLiteral("kind"), Need::Required);
            const auto time = item.number(QStringLiteral("time"), Need::Required);
            const auto end = item.number(QStringLiteral("end"), Need::Optional);
            Marker marker;
            marker.title = item.string(QStringLiteral("title"), Need::Optional).value_or(QString());
            marker.segment = item.string(QStringLiteral("segment"), Need::Optional).value_or(QString());
            marker.cue = item.string(QStringLiteral("cue"), Need::Optional).value_or(QString());
            if (!kind || !time)
                continue;
            if (*kind == QLatin1String("segment"))
                marker.kind = Marker::Kind::Segment;
            else if (*kind == QLatin1String("mark"))
                marker.kind = Marker::Kind::Mark;
            else if (*kind == QLatin1String("range"))
                marker.kind = Marker::Kind::Range;
            else
                continue; // a kind from a newer rundown: not ours to show
            if (*time < 0) {
                errors.add(item.pathOf(QStringLiteral("time")), QStringLiteral("时间不能是负数"),
                           QStringLiteral("the time cannot be negative"));
                continue;
            }
            marker.timeSec = *time;
            if (end) {
                if (*end < *time) {
                    errors.add(item.pathOf(QStringLiteral("end")), QStringLiteral("结束时间早于开始时间"),
                               QStringLiteral("the end comes before the time"));
                    continue;
                }
                marker.endSec = *end;
            }
            result.markers.append(marker);
        }
    }
    if (!errors.isEmpty())
        return fromShowErrors(errors.sorted());
    std::stable_sort(result.markers.begin(), result.markers.end(),
                     [](const Marker& a, const Marker& b) { return a.timeSec < b.timeSec; });
    return result;
}

} // namespace xz::clips
