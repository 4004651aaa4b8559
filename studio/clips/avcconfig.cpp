#include "avcconfig.h"

namespace xz::clips {
namespace {

// Reads Exp-Golomb codes from a NAL unit's payload, skipping emulation prevention bytes.
class BitReader {
public:
    BitReader(const QByteArray& nal, int start) {
        int zeros = 0;
        for (int i = start; i < nal.size(); ++i) {
            const auto byte = quint8(nal[i]);
            if (zeros >= 2 && byte == 3) {
                zeros = 0;
                continue;
            }
            zeros = byte == 0 ? zeros + 1 : 0;
            rbsp_.append(char(byte));
        }
    }
    std::optional<int> ue() {
        int leadingZeros = 0;
        while (true) {
            const auto bit = next();
            if (!bit)
                return std::nullopt;
            if (*bit)
                break;
            if (++leadingZeros > 31)
                return std::nullopt;
        }
        int value = 0;
        for (int i = 0; i < leadingZeros; ++i) {
            const auto bit = next();
            if (!bit)
                return std::nullopt;
            value = (value << 1) | *bit;
        }
        return (1 << leadingZeros) - 1 + value;
    }

private:
    std::optional<int> next() {
        if (position_ >= rbsp_.size() * 8)
            return std::nullopt;
        const int bit = (quint8(rbsp_[position_ / 8]) >> (7 - position_ % 8)) & 1;
        ++position_;
        return bit;
    }
    QByteArray rbsp_;
    qsizetype position_ = 0;
};

bool isHighProfile(quint8 profile) {
    return profile == 100 || profile == 110 || profile == 122 || profile == 244;
}

} // namespace

std::optional<AvcConfig> AvcConfig::parse(const QByteArray& avcc) {
    const auto* d = reinterpret_cast<const quint8*>(avcc.constData());
    const qsizetype n = avcc.size();
    if (n < 7 || d[0] != 1)
        return std::nullopt;
    AvcConfig config;
    config.profile = d[1];
    config.compatibility = d[2];
    config.level = d[3];
    config.lengthSize = (d[4] & 3) + 1;
    qsizetype at = 5;
    auto readSets = [&](int count, QList<QByteArray>& into) {
        for (int i = 0; i < count; ++i) {
            if (at + 2 > n)
                return false;
            const int length = (d[at] << 8) | d[at + 1];
            at += 2;
            if (at + length > n)
                return false;
            into.append(avcc.mid(at, length));
            at += length;
        }
        return true;
    };
    if (!readSets(d[at++] & 0x1f, config.sps))
        return std::nullopt;
    if (at >= n || !readSets(d[at++], config.pps))
        return std::nullopt;
    config.extension = avcc.mid(at);
    return config;
}

QByteArray AvcConfig::serialize() const {
    QByteArray out;
    out.append(char(1)).append(char(profile)).append(char(compatibility)).append(char(level));
    out.append(char(0xfc | (lengthSize - 1)));
    out.append(char(0xe0 | sps.size()));
    for (const QByteArray& set : sps)
        out.append(char(set.size() >> 8)).append(char(set.size() & 0xff)).append(set);
    out.append(char(pps.size()));
    for (const QByteArray& set : pps)
        out.append(char(set.size() >> 8)).append(char(set.size() & 0xff)).append(set);
    if (!extension.isEmpty()) {
        out.append(extension);
    } else if (isHighProfile(profile)) {
        // 4:2:0, 8-bit, no SPS extensions: what a High-profile configuration must say.
        out.append(char(0xfd)).append(char(0xf8)).append(char(0xf8)).append(char(0));
    }
    return out;
}

QSet<int> AvcConfig::spsIds() const {
    QSet<int> ids;
    for (const QByteArray& set : sps) {
        BitReader reader(set, 4); // NAL header, profile, constraints, level
        if (const auto id = reader.ue())
            ids.insert(*id);
    }
    return ids;
}

QSet<int> AvcConfig::ppsIds() const {
    QSet<int> ids;
    for (const QByteArray& set : pps) {
        BitReader reader(set, 1);
        if (const auto id = reader.ue())
            ids.insert(*id);
    }
    return ids;
}

AvcConfig AvcConfig::mergedWith(const AvcConfig& other) const {
    AvcConfig merged = *this;
    merged.level = std::max(level, other.level);
    merged.sps.append(other.sps);
    merged.pps.append(other.pps);
    return merged;
}

bool accessUnitHasIdr(const quint8* data, qsizetype size, int lengthSize) {
    qsizetype at = 0;
    while (at + lengthSize <= size) {
        qsizetype length = 0;
        for (int i = 0; i < lengthSize; ++i)
            length = (length << 8) | data[at + i];
        at += lengthSize;
        if (length <= 0 || at + length > size)
            return false;
        if ((data[at] & 0x1f) == 5)
            return true;
        at += length;
    }
    return false;
}

} // namespace xz::clips
