// After a clean stop the crash-safe Matroska recording is copied (no re-encode) into a plain MP4 with its
// index at the front, which every phone and editing app opens. The .mkv stays as the safe original.
#pragma once

#include "usererror.h"

#include <QString>
#include <optional>

namespace xz::clips {

using RemuxError = xz::UserError;

class Remuxer {
public:
    // Writes `output` from `input` (H.264 + AAC in Matroska). Blocks until done or timeoutSec passes.
    static std::optional<RemuxError> remuxToMp4(const QString& input, const QString& output,
                                                int timeoutSec = 600);
    // "show_2026-11-29_10-00-00.mkv" -> "show_2026-11-29_10-00-00.mp4"
    static QString mp4PathFor(const QString& mkvPath);
};

} // namespace xz::clips
