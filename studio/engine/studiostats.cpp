#include "studiostats.h"

#include <QDir>
#include <QFileInfo>
#include <obs.h>

namespace xz::engine {

StatsSampler::StatsSampler(const QString& recordingDir)
    : recordingDir_(recordingDir), cpu_(os_cpu_usage_info_start()) {}

StatsSampler::~StatsSampler() {
    os_cpu_usage_info_destroy(cpu_);
}

StudioStats StatsSampler::sample() {
    StudioStats stats;
    stats.fps = obs_get_active_fps();
    stats.renderedFrames = obs_get_total_frames();
    stats.laggedFrames = obs_get_lagged_frames();
    video_t* video = obs_get_video();
    stats.encodedFrames = video ? video_output_get_total_frames(video) : 0;
    stats.skippedFrames = video ? video_output_get_skipped_frames(video) : 0;
    // libobs divides by the core count; operators and the benchmark think in "share of one core".
    stats.cpuPercent = os_cpu_usage_info_query(cpu_) * os_get_logical_cores();
    if (!recordingDir_.isEmpty()) {
        // A folder that does not exist yet (it is made when recording starts) is on its nearest parent's
        // disk.
        QString folder = QDir(recordingDir_).absolutePath();
        while (!QFileInfo::exists(folder) && folder != QDir::rootPath())
            folder = QFileInfo(folder).absolutePath();
        stats.freeDiskBytes = os_get_free_disk_space(folder.toUtf8().constData());
    }
    return stats;
}

} // namespace xz::engine
