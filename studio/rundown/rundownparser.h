// Turns the parsed JSON of a rundown file into a Rundown, checking every rule of the format
// (scenes/RUNDOWN.md). With the show it is meant for, every scene, transition and text source it names must
// exist there, so a typo is found when the file is loaded rather than on air. Like the show parser it keeps
// going after a problem so one run lists all of them; the caller discards the Rundown when any error was
// reported.
#pragma once

#include "rundown.h"

#include "errorlist.h"
#include "objectreader.h"
#include "show.h"

#include <QJsonObject>

namespace xz::rundown {

namespace limits {
inline constexpr qint64 kMinDurationMs = 1000;
inline constexpr qint64 kMaxDurationMs = 12LL * 3600 * 1000;
} // namespace limits

class RundownParser {
public:
    // `show` may be null: then references are only checked for their spelling.
    RundownParser(show::ErrorList& errors, const show::Show* show) : errors_(errors), show_(show) {}

    Rundown parse(const QJsonObject& root);

    // "90", "1:30", "1:05:00" (or a JSON number of seconds) -> milliseconds; nullopt if not a duration.
    static std::optional<qint64> parseDuration(const QJsonValue& value);
    // "19:30" or "19:30:15" -> a time of day.
    static std::optional<QTime> parseTimeOfDay(const QString& text);
    // "none" / "next" / "hold".
    static std::optional<EndAction> parseEndAction(const QString& text);
    static QString endActionName(EndAction action);
    // "follow", "manual", or a time of day for Fixed.
    static QString startName(StartMode mode, const QTime& fixedTime);

private:
    bool checkFormat(show::ObjectReader& root);
    void parseSegments(show::ObjectReader& root, Rundown& rundown);
    std::optional<Segment> parseSegment(const QJsonValue& value, const QString& path);
    void parseStart(show::ObjectReader& reader, Segment& segment);
    void parseTexts(show::ObjectReader& reader, Segment& segment);
    void parseScript(show::ObjectReader& reader, Segment& segment);
    void parseCustom(show::ObjectReader& reader, Segment& segment);
    std::optional<qint64> readDuration(show::ObjectReader& reader, const QString& key, show::Need need,
                                       qint64 minimumMs);
    std::optional<QString> readNonEmpty(show::ObjectReader& reader, const QString& key, show::Need need);
    std::optional<QString> readId(show::ObjectReader& reader, const QString& key);
    void checkScene(const QString& path, const QString& sceneId);
    void checkTransition(const QString& path, const QString& transitionId);
    void checkTextSource(const QString& path, const QString& sceneId, const QString& sourceId);

    show::ErrorList& errors_;
    const show::Show* show_;
};

} // namespace xz::rundown
