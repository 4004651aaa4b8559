// The in-memory form of a rundown file (scenes/<program>/rundown.json): the planned segments of one show with
// their timing, the scene each one takes and the captions it sets. Plain values only, no libobs and no clock:
// loading, checking and the timing maths run without a display.
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTime>
#include <optional>

namespace xz::rundown {

inline constexpr int kFormatVersion = 1;
inline constexpr qint64 kDefaultWarningMs = 2 * 60 * 1000;
inline constexpr qint64 kDefaultDangerMs = 60 * 1000;

// How a segment begins.
enum class StartMode {
    Follow =
        1,  // when the previous one ends: the operator advances, or the previous segment's end action `next`
    Manual, // only when the operator advances: a `next` before it holds at zero instead
    Fixed,  // by itself at a time of day (a hard start), or earlier when the operator advances
};

// What happens when a segment's countdown reaches zero.
enum class EndAction {
    None = 1, // run into overtime, counting up in red, until the operator advances
    Next,     // advance to the next segment at once
    Hold,     // stop the clock at zero until the operator advances
};

// One caption a segment sets when it starts: a text source of one scene (the scene's own copy).
struct TextSetting {
    QString sceneId;
    QString sourceId;
    QString text;
};

struct Segment {
    QString cue;
    QString title;
    QString sceneId;      // empty: the segment takes no scene
    QString transitionId; // empty: the show's default transition
    int transitionMs = 0; // 0: the transition's own duration
    qint64 durationMs = 0;
    StartMode start = StartMode::Follow;
    QTime fixedTime; // StartMode::Fixed only
    EndAction end = EndAction::None;
    QList<TextSetting> texts;
    QString notes;      // for the host
    QStringList script; // lines the host reads
    QString color;      // "#RRGGBB" / "#AARRGGBB", empty for none
    qint64 warningMs = kDefaultWarningMs;
    qint64 dangerMs = kDefaultDangerMs;
    QMap<QString, QString> custom;
};

struct Rundown {
    int version = kFormatVersion;
    QString title;
    QString show;                      // the show it is written for, as written ("cooking"); empty: any
    std::optional<QTime> plannedStart; // time of day the show is planned to start
    QList<Segment> segments;
    QString filePath; // absolute path it was loaded from; empty when made in memory

    qint64 totalMs() const {
        qint64 total = 0;
        for (const Segment& segment : segments)
            total += segment.durationMs;
        return total;
    }
};

} // namespace xz::rundown
