// Reads a rundown from an Ontime project file (https://github.com/cpvalente/ontime), both formats Ontime has
// written: v3 (a top-level "rundown" array of events, delays and blocks) and v4 ("rundowns": {id: {title,
// order, entries}} with groups and milestones). Events become segments with their title, cue, note, duration,
// colour, warning/danger times, end action and custom fields; the first event's start becomes the planned
// start, and an event that does not follow straight on from the one before keeps its (delayed) start time as
// a fixed-time start, as it stands in Ontime's schedule. Groups and blocks become a "group" custom field,
// delays move the start times after them the way Ontime computes it, skipped events and milestones are left
// out; each of these is said in a note.
#pragma once

#include "importresult.h"

#include <QString>

namespace xz::rundown {

class OntimeImporter {
public:
    // `rundownId` picks one rundown of a v4 project; empty: the only one, "default", or the first.
    static ImportResult importFile(const QString& path, const QString& rundownId = {});
};

} // namespace xz::rundown
