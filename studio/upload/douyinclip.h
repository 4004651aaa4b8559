// Douyin's own limits for a clip (an MP4 or WebM file with a picture, at most 15 minutes and 4 GB), checked
// with GStreamer's discoverer before the clip is queued: a volunteer learns at once, in plain words and with
// the editor's export command to fix it, rather than after a long upload that the platform refuses.
#pragma once

#include "uploaderror.h"

#include <QString>

#include <optional>

namespace xz::upload {

class DouyinClip {
public:
    static constexpr qint64 kMaxDurationMs = 15 * 60 * 1000;
    static constexpr qint64 kMaxBytes = 4ll << 30;

    // No error when Douyin takes the file as it is.
    static std::optional<UploadError> check(const QString& path, qint64 size);
};

} // namespace xz::upload
