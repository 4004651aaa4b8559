// The export presets an editor picks from: where the clip is going decides its size, codecs, container and
// loudness target. douyin-vertical (1080x1920 H.264 + AAC, MP4 with faststart), landscape-1080p (1920x1080),
// audio-only (AAC in .m4a or MP3, for the WeChat audio news and the loudspeaker system).
#pragma once

#include <QString>
#include <QStringList>

namespace xz::clips {

struct ExportPreset {
    enum class Kind { Vertical = 1, Landscape, AudioOnly };
    QString name;
    Kind kind = Kind::Vertical;
    int width = 0; // 0 for audio-only
    int height = 0;
    double targetLufs = -14;
    double ceilingDbtp = -1;
    QStringList extensions;
    QString descriptionZh;
    QString descriptionEn;

    bool hasVideo() const { return kind != Kind::AudioOnly; }
    static const ExportPreset* find(const QString& name);
    static const QList<ExportPreset>& all();
    static QStringList names();
};

} // namespace xz::clips
