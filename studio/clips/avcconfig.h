// The H.264 decoder configuration (ISO/IEC 14496-15 avcC) that MP4 and Matroska keep beside the stream, and
// the few facts of a coded picture that a smart cut depends on. A frame-exact cut re-encodes the pictures
// before the first copied keyframe with its own SPS/PPS under ids the source does not use, and joins both
// sets in one configuration: one sample description for the whole clip, which every player reads.
#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <optional>

namespace xz::clips {

struct AvcConfig {
    quint8 profile = 0;
    quint8 compatibility = 0;
    quint8 level = 0;
    int lengthSize = 4;
    QList<QByteArray> sps;
    QList<QByteArray> pps;
    QByteArray extension; // the High-profile tail (chroma format, bit depths), kept as read

    static std::optional<AvcConfig> parse(const QByteArray& avcc);
    QByteArray serialize() const;
    // seq_parameter_set_id of every SPS and pic_parameter_set_id of every PPS.
    QSet<int> spsIds() const;
    QSet<int> ppsIds() const;
    // This configuration plus another's parameter sets (level: the higher of both).
    AvcConfig mergedWith(const AvcConfig& other) const;
};

// Does this access unit (length-prefixed NAL units) hold an IDR slice? A copied part may only start at an
// IDR: after any other keyframe, pictures may still refer to pictures before it.
bool accessUnitHasIdr(const quint8* data, qsizetype size, int lengthSize);

} // namespace xz::clips
