// bench_capture: what a 1280x720 30 fps capture costs through the GStreamer plugin, next to OBS's own media
// source (ffmpeg_source) playing the same H.264 file in the same run, and how many frames pass between a
// buffer's pipeline timestamp and the program frame that shows it. Prints figures; asserts nothing.
#include "frametap.h"
#include "gstcapture.h"
#include "obsruntime.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>
#include <obs.hpp>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace xz;

namespace {

constexpr int kMeasureSeconds = 5;
constexpr int kWarmUpMs = 2000;
constexpr int kRounds = 6;

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void spin(int ms) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents();
        QThread::msleep(10);
    }
}

// CPU seconds so far of the threads that render the canvas: libobs' graphics thread and, on this machine
// without a GPU, Mesa's llvmpipe workers. Both sources hand libobs the same I420 frames, so this work is
// shared; it is most of the process's CPU and the noisiest part of it, which is why the capture's own cost is
// reported as everything else.
// CPU seconds so far of each thread, by name (threads with one name are summed). Read from each thread's CPU
// clock, which counts nanoseconds; /proc's stat counts 10 ms ticks, too coarse for a source that uses a few
// percent of a core next to a renderer that uses a whole one.
std::map<QByteArray, double> threadCpuSeconds() {
    std::map<QByteArray, double> seconds;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly))
            continue;
        // The kernel's per-thread scheduler clock for another thread of this process (CPUCLOCK_PERTHREAD with
        // CPUCLOCK_SCHED, as glibc builds it for pthread_getcpuclockid).
        const auto clock = static_cast<clockid_t>((~static_cast<clockid_t>(tid.toInt()) << 3) | 4 | 2);
        timespec used{};
        if (clock_gettime(clock, &used) != 0)
            continue; // the thread ended in between
        seconds[comm.readAll().trimmed()] += static_cast<double>(used.tv_sec) + used.tv_nsec / 1e9;
    }
    return seconds;
}

bool isRendererThread(const QByteArray& name) {
    return name.startsWith("llvmpipe") || name.startsWith("libobs: graphic");
}

double rendererCpuSeconds() {
    double seconds = 0;
    for (const auto& [name, used] : threadCpuSeconds())
        if (isRendererThread(name))
            seconds += used;
    return seconds;
}

struct CpuShare {
    double total = 0;    // share of one core, whole process
    double renderer = 0; // of which the canvas renderer
    double capture() const { return total - renderer; }
};

// CPU while `source` is on program, after a warm-up that covers its start.
CpuShare measureCpu(obs_source_t* source, uint64_t* framesRendered) {
    obs_set_output_source(0, source);
    spin(kWarmUpMs);
    const uint64_t framesBefore = obs_get_total_frames();
    const double totalBefore = cpuSeconds();
    const double rendererBefore = rendererCpuSeconds();
    const auto threadsBefore = threadCpuSeconds();
    spin(kMeasureSeconds * 1000);
    // XZ_BENCH_THREADS=1 shows where the capture's share goes (threads that ended in the round are missing).
    if (qEnvironmentVariableIsSet("XZ_BENCH_THREADS"))
        for (const auto& [name, used] : threadCpuSeconds()) {
            const auto before = threadsBefore.find(name);
            const double share =
                (used - (before == threadsBefore.end() ? 0.0 : before->second)) / kMeasureSeconds;
            if (!isRendererThread(name) && share > 0.0005)
                fprintf(stdout, "    %-16s %5.2f%%\n", name.constData(), share * 100);
        }
    CpuShare share;
    share.total = (cpuSeconds() - totalBefore) / kMeasureSeconds;
    share.renderer = (rendererCpuSeconds() - rendererBefore) / kMeasureSeconds;
    *framesRendered = obs_get_total_frames() - framesBefore;
    obs_set_output_source(0, nullptr);
    return share;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("clip-720p30.mkv"));
    // The same content for both sources: 10 s of 1280x720 30 fps H.264 (x264, like a phone would send).
    const int made = QProcess::execute(
        QStringLiteral("gst-launch-1.0"),
        {QStringLiteral("-q"), QStringLiteral("videotestsrc"), QStringLiteral("num-buffers=300"),
         QStringLiteral("pattern=ball"), QStringLiteral("!"),
         QStringLiteral("video/x-raw,format=I420,width=1280,height=720,framerate=30/1"), QStringLiteral("!"),
         QStringLiteral("x264enc"), QStringLiteral("speed-preset=veryfast"), QStringLiteral("bitrate=4000"),
         QStringLiteral("key-int-max=60"), QStringLiteral("!"), QStringLiteral("matroskamux"),
         QStringLiteral("!"), QStringLiteral("filesink"), QStringLiteral("location=") + clip});
    if (made != 0) {
        fprintf(stderr, "cannot make the test clip\n");
        return 1;
    }

    std::optional<engine::EngineError> error;
    auto runtime = engine::ObsRuntime::start({1280, 720, 30}, &error);
    if (!runtime) {
        fprintf(stderr, "%s\n", qPrintable(error->toString()));
        return 1;
    }

    // 1. CPU: the plugin decoding the file (filesrc ! decodebin, looped) vs ffmpeg_source on the same file.
    // Short rounds in alternating order (P F, F P, P F, ...), so slow drift of the machine falls on both
    // sides.
    auto measurePlugin = [&](uint64_t* frames) {
        OBSDataAutoRelease settings = obs_data_create();
        obs_data_set_string(settings, capture::kSettingDevice,
                            (QStringLiteral("preset:media-file path=") + clip).toUtf8().constData());
        OBSSourceAutoRelease source =
            obs_source_create_private(capture::kGstCaptureSourceId, "bench-plugin", settings);
        const CpuShare share = measureCpu(source, frames);
        const auto status = capture::captureStatus(source);
        if (!status || status->state != capture::CaptureState::Live || status->restarts != 0)
            fprintf(stdout, "  warning: the plugin was %s with %d restarts: its figure is not comparable\n",
                    status ? capture::stateName(status->state) : "?", status ? status->restarts : -1);
        return share;
    };
    auto measureFfmpeg = [&](uint64_t* frames) {
        OBSDataAutoRelease settings = obs_data_create();
        obs_data_set_bool(settings, "is_local_file", true);
        obs_data_set_string(settings, "local_file", clip.toUtf8().constData());
        obs_data_set_bool(settings, "looping", true);
        obs_data_set_bool(settings, "hw_decode", false);
        OBSSourceAutoRelease source = obs_source_create_private("ffmpeg_source", "bench-ffmpeg", settings);
        return measureCpu(source, frames);
    };
    uint64_t pluginFrames = 0, ffmpegFrames = 0;
    CpuShare pluginSum, ffmpegSum;
    std::vector<double> totalRatios;
    for (int round = 0; round < kRounds; ++round) {
        CpuShare plugin, ffmpeg;
        if (round % 2 == 0) {
            plugin = measurePlugin(&pluginFrames);
            ffmpeg = measureFfmpeg(&ffmpegFrames);
        } else {
            ffmpeg = measureFfmpeg(&ffmpegFrames);
            plugin = measurePlugin(&pluginFrames);
        }
        fprintf(
            stdout,
            "  round %d: capture itself plugin %.1f%% vs ffmpeg_source %.1f%%; renderer %.1f%% vs %.1f%%; "
            "whole process ratio %.3f\n",
            round + 1, plugin.capture() * 100, ffmpeg.capture() * 100, plugin.renderer * 100,
            ffmpeg.renderer * 100, plugin.total / ffmpeg.total);
        pluginSum.total += plugin.total / kRounds;
        pluginSum.renderer += plugin.renderer / kRounds;
        ffmpegSum.total += ffmpeg.total / kRounds;
        ffmpegSum.renderer += ffmpeg.renderer / kRounds;
        totalRatios.push_back(plugin.total / ffmpeg.total);
    }
    std::sort(totalRatios.begin(), totalRatios.end());
    const double medianTotalRatio = (totalRatios[(kRounds - 1) / 2] + totalRatios[kRounds / 2]) / 2;

    // 2. Latency: each buffer's top-left block carries its index (as luma); the program tap reads it back and
    // compares the program frame's render time with that buffer's libobs timestamp.
    struct Stamp {
        uint64_t obsNs = 0;
        uint64_t clockNs = 0;
    };
    std::mutex stampsMutex;
    Stamp stamps[8];
    std::atomic<uint64_t> index{0};
    std::vector<double> latenciesMs;
    std::mutex latencyMutex;
    {
        OBSDataAutoRelease settings = obs_data_create();
        obs_data_set_string(settings, capture::kSettingDevice,
                            "videotestsrc is-live=true pattern=black ! "
                            "video/x-raw,format=I420,width=1280,height=720,framerate=30/1");
        OBSSourceAutoRelease source =
            obs_source_create_private(capture::kGstCaptureSourceId, "bench-latency", settings);
        capture::setBufferProbe(source, [&](const capture::BufferProbe& probe) {
            if (!probe.video || probe.frame->format != VIDEO_FORMAT_I420)
                return;
            const uint64_t i = index++ % 8;
            // Writes into the mapped Y plane: a benchmark-only mark on a buffer nothing else reads.
            for (uint32_t y = 0; y < 64; ++y)
                std::fill_n(probe.frame->data[0] + y * probe.frame->linesize[0], 64,
                            static_cast<uint8_t>(16 + i * 28));
            std::lock_guard lock(stampsMutex);
            stamps[i] = {probe.obsNs, probe.clockNs};
        });
        uint64_t lastSeen = UINT64_MAX;
        engine::FrameTap tap(64, 36, [&](const engine::TappedFrame& frame) {
            const int luma = qGray(frame.image.pixel(1, 1));
            // Limited-range luma 16+28i shows as roughly (28i)*255/219 in RGB.
            const int i = std::clamp(static_cast<int>(std::lround(luma * 219.0 / 255.0 / 28.0)), 0, 7);
            if (static_cast<uint64_t>(i) == lastSeen)
                return; // the same buffer shown again: only the first program frame counts
            lastSeen = static_cast<uint64_t>(i);
            uint64_t obsNs = 0;
            {
                std::lock_guard lock(stampsMutex);
                obsNs = stamps[i].obsNs;
            }
            if (obsNs && frame.timestampNs > obsNs) {
                std::lock_guard lock(latencyMutex);
                latenciesMs.push_back(static_cast<double>(frame.timestampNs - obsNs) / 1e6);
            }
        });
        obs_set_output_source(0, source);
        spin(1500);
        {
            std::lock_guard lock(latencyMutex);
            latenciesMs.clear();
        }
        spin(kMeasureSeconds * 1000);
        obs_set_output_source(0, nullptr);
        capture::setBufferProbe(source, {});
    }
    std::sort(latenciesMs.begin(), latenciesMs.end());
    const double frameMs = 1000.0 / 30.0;
    const auto percentile = [&](double p) {
        return latenciesMs.empty() ? 0.0 : latenciesMs[static_cast<size_t>(p * (latenciesMs.size() - 1))];
    };

    fprintf(stdout, "capture benchmark: 1280x720 @30 H.264 file, %d alternating rounds of %d s per source\n",
            kRounds, kMeasureSeconds);
    fprintf(stdout,
            "  the capture itself (all but the renderer): plugin %.1f%% of one core, ffmpeg_source %.1f%%: "
            "ratio %.3f (goal <= 1.00)\n",
            pluginSum.capture() * 100, ffmpegSum.capture() * 100, pluginSum.capture() / ffmpegSum.capture());
    fprintf(
        stdout,
        "  canvas renderer (llvmpipe + libobs graphics): plugin %.1f%%, ffmpeg_source %.1f%%: ratio %.3f\n",
        pluginSum.renderer * 100, ffmpegSum.renderer * 100, pluginSum.renderer / ffmpegSum.renderer);
    fprintf(
        stdout,
        "  whole process: plugin %.1f%%, ffmpeg_source %.1f%%: median round ratio %.3f; program frames in "
        "the last rounds %llu vs %llu\n",
        pluginSum.total * 100, ffmpegSum.total * 100, medianTotalRatio,
        static_cast<unsigned long long>(pluginFrames), static_cast<unsigned long long>(ffmpegFrames));
    fprintf(stdout,
            "  latency buffer timestamp -> program frame (live videotestsrc, %zu samples): median %.1f ms "
            "(%.2f frames), p95 %.1f ms (%.2f frames), max %.1f ms\n",
            latenciesMs.size(), percentile(0.5), percentile(0.5) / frameMs, percentile(0.95),
            percentile(0.95) / frameMs, percentile(1.0));
    fflush(stdout);
    runtime.reset();
    fflush(stderr);
    _exit(0);
}
