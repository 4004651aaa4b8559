// A snapshot of how the studio is keeping up: frame rate, render lag, encoder lag, process CPU, free disk.
#pragma once

#include <QString>
#include <cstdint>
#include <util/platform.h>

namespace xz::engine {

struct StudioStats {
    double fps = 0;
    uint32_t renderedFrames = 0; // frames the compositor produced
    uint32_t laggedFrames = 0;   // frames the compositor was late for (render lag)
    uint32_t encodedFrames = 0;  // frames handed to the video output
    uint32_t skippedFrames = 0;  // frames the encoders could not keep up with (encoder lag)
    double cpuPercent = 0;       // of one core, for this process
    uint64_t freeDiskBytes = 0;  // where recordings go
};

class StatsSampler {
public:
    explicit StatsSampler(const QString& recordingDir);
    ~StatsSampler();

    StatsSampler(const StatsSampler&) = delete;
    StatsSampler& operator=(const StatsSampler&) = delete;

    StudioStats sample();

private:
    QString recordingDir_;
    os_cpu_usage_info_t* cpu_;
};

} // namespace xz::engine
