// Exporting a stretch of a recording for where it is going: framed for the preset (vertical by a crop the
// editor places, or the whole picture over a blurred fill of itself; landscape with borders when needed),
// an optional title card over the first seconds, loudness measured (EBU R128) and brought to the preset's
// target with the true peak held under its ceiling, AAC priming compensated so sound stays on the picture,
// and a cover image saved beside the clip. The loudness of the finished file is measured again, not assumed.
#pragma once

#include "canceltoken.h"
#include "clipnote.h"
#include "clipresult.h"
#include "loudness.h"
#include "trimmer.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace xz::clips {

struct ExportRequest {
    enum class Fill { Crop = 1, Blur };
    QString input;
    QString output;
    QString preset;
    double inSec = 0;
    double outSec = -1;     // < 0: to the end
    Fill fill = Fill::Crop; // vertical preset only
    double cropX = 0.5;     // 0 = left edge, 0.5 = centre, 1 = right edge of the picture
    QString title;          // shown for the first seconds when not empty
    double coverSec = -1;   // the recording's time of the cover frame; < 0: the first frame
    bool overwrite = false;
};

struct ExportResult {
    QString output;
    QString cover; // empty for audio-only exports
    QString preset;
    double requestedIn = 0;
    double requestedOut = 0;
    double actualIn = 0;
    double actualOut = 0;
    qint64 frames = 0;
    double durationSec = 0;
    int width = 0;
    int height = 0;
    LoudnessFigures loudnessBefore;
    LoudnessFigures loudnessAfter;
    double gainDb = 0;
    QList<ClipNote> notes;
    QJsonObject toJson() const;
};

class Exporter {
public:
    static Result<ExportResult> exportClip(const ExportRequest& request, const CancelToken& cancel,
                                           const ProgressFn& progress = {});
    // The cover beside an export: "clip.mp4" -> "clip.cover.jpg".
    static QString coverPathFor(const QString& output);
};

} // namespace xz::clips
