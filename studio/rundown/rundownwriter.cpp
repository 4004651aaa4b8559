#include "rundownwriter.h"

#include "rundownparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>

namespace xz::rundown {
namespace {

QString quoted(const QString& text) {
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString member(const QString& key, const QString& jsonValue) {
    return quoted(key) + QStringLiteral(": ") + jsonValue;
}

QString textSetting(const TextSetting& text, const QString& segmentScene) {
    QStringList parts;
    if (text.sceneId != segmentScene)
        parts << member(QStringLiteral("scene"), quoted(text.sceneId));
    parts << member(QStringLiteral("source"), quoted(text.sourceId))
          << member(QStringLiteral("text"), quoted(text.text));
    return QStringLiteral("{ ") + parts.join(QStringLiteral(", ")) + QStringLiteral(" }");
}

QString segmentJson(const Segment& segment) {
    QStringList lines;
    if (!segment.cue.isEmpty())
        lines << member(QStringLiteral("cue"), quoted(segment.cue));
    lines << member(QStringLiteral("title"), quoted(segment.title));
    if (!segment.sceneId.isEmpty())
        lines << member(QStringLiteral("scene"), quoted(segment.sceneId));
    if (!segment.transitionId.isEmpty())
        lines << member(QStringLiteral("transition"), quoted(segment.transitionId));
    if (segment.transitionMs > 0)
        lines << member(QStringLiteral("transitionMs"), QString::number(segment.transitionMs));
    lines << member(QStringLiteral("duration"), quoted(RundownWriter::formatDuration(segment.durationMs)));
    if (segment.start != StartMode::Follow)
        lines << member(QStringLiteral("start"),
                        quoted(RundownParser::startName(segment.start, segment.fixedTime)));
    if (segment.end != EndAction::None)
        lines << member(QStringLiteral("end"), quoted(RundownParser::endActionName(segment.end)));
    if (!segment.color.isEmpty())
        lines << member(QStringLiteral("color"), quoted(segment.color));
    if (segment.warningMs != kDefaultWarningMs)
        lines << member(QStringLiteral("warning"), quoted(RundownWriter::formatDuration(segment.warningMs)));
    if (segment.dangerMs != kDefaultDangerMs)
        lines << member(QStringLiteral("danger"), quoted(RundownWriter::formatDuration(segment.dangerMs)));
    if (!segment.texts.isEmpty()) {
        QStringList texts;
        for (const TextSetting& text : segment.texts)
            texts << QStringLiteral("        ") + textSetting(text, segment.sceneId);
        lines << member(QStringLiteral("texts"), QStringLiteral("[\n") + texts.join(QStringLiteral(",\n")) +
                                                     QStringLiteral("\n      ]"));
    }
    if (!segment.notes.isEmpty())
        lines << member(QStringLiteral("notes"), quoted(segment.notes));
    if (!segment.script.isEmpty()) {
        QStringList script;
        for (const QString& line : segment.script)
            script << quoted(line);
        lines << member(QStringLiteral("script"),
                        QStringLiteral("[ ") + script.join(QStringLiteral(", ")) + QStringLiteral(" ]"));
    }
    if (!segment.custom.isEmpty()) {
        QStringList custom;
        for (auto it = segment.custom.constBegin(); it != segment.custom.constEnd(); ++it)
            custom << member(it.key(), quoted(it.value()));
        lines << member(QStringLiteral("custom"),
                        QStringLiteral("{ ") + custom.join(QStringLiteral(", ")) + QStringLiteral(" }"));
    }
    return QStringLiteral("    {\n      ") + lines.join(QStringLiteral(",\n      ")) +
           QStringLiteral("\n    }");
}

} // namespace

QString RundownWriter::formatDuration(qint64 ms) {
    const qint64 wholeSeconds = ms / 1000;
    const qint64 hours = wholeSeconds / 3600;
    const qint64 minutes = (wholeSeconds / 60) % 60;
    QString seconds = QStringLiteral("%1").arg(wholeSeconds % 60, 2, 10, QLatin1Char('0'));
    if (const qint64 fraction = ms % 1000)
        seconds += u'.' + QStringLiteral("%1")
                              .arg(fraction, 3, 10, QLatin1Char('0'))
                              .remove(QRegularExpression(QStringLiteral("0+$")));
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(seconds);
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds);
}

QByteArray RundownWriter::toJson(const Rundown& rundown) {
    QStringList top;
    top << member(QStringLiteral("format"), quoted(QStringLiteral("xiaozhan.rundown")))
        << member(QStringLiteral("version"), QString::number(kFormatVersion))
        << member(QStringLiteral("title"), quoted(rundown.title));
    if (!rundown.show.isEmpty())
        top << member(QStringLiteral("show"), quoted(rundown.show));
    if (rundown.plannedStart)
        top << member(QStringLiteral("plannedStart"),
                      quoted(RundownParser::startName(StartMode::Fixed, *rundown.plannedStart)));
    QStringList segments;
    for (const Segment& segment : rundown.segments)
        segments << segmentJson(segment);
    top << member(QStringLiteral("segments"),
                  QStringLiteral("[\n") + segments.join(QStringLiteral(",\n")) + QStringLiteral("\n  ]"));
    return (QStringLiteral("{\n  ") + top.join(QStringLiteral(",\n  ")) + QStringLiteral("\n}\n")).toUtf8();
}

} // namespace xz::rundown
