// Studio benchmark (./dev bench). Three measurements, each in its own process because libobs starts once
// per process:
//   1. the studio: `xiaozhan live --show cooking` recording + streaming to a loopback nginx-rtmp for N s;
//   2. bare libobs: the same show's libobs scene graph with hand-made x264/aac/record/stream outputs and
//      nothing else of the studio (no Qt timers, stats, switcher, status lines), same canvas and duration;
//   3. take latency: frames from Switcher::take() to the first program frame of the new scene.
// CPU is the child's user+system time per second of show, read with wait4(); figures are reported as
// ratios against the bare reference from the same run, because this machine is noisy.
#include "colourshow.h"
#include "frametap.h"
#include "obsruntime.h"
#include "rtmpserver.h"
#include "scenegraph.h"
#include "showloader.h"
#include "switcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <obs.hpp>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <util/platform.h>

using namespace xz;

namespace {

struct ChildResult {
    double cpuSec = 0;
    QJsonObject summary;
};

// Runs a program, returns its CPU time (and the JSON it printed last on stdout).
ChildResult runChild(const QStringList& argv) {
    int out[2];
    if (pipe(out) != 0)
        return {};
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        std::vector<QByteArray> storage;
        std::vector<char*> args;
        for (const QString& a : argv)
            storage.push_back(a.toLocal8Bit());
        for (QByteArray& a : storage)
            args.push_back(a.data());
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(out[1]);
    QByteArray output;
    char buffer[4096];
    ssize_t n;
    while ((n = read(out[0], buffer, sizeof buffer)) > 0)
        output.append(buffer, n);
    close(out[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    ChildResult result;
    result.cpuSec = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
                    usage.ru_stime.tv_usec / 1e6;
    const QList<QByteArray> lines = output.trimmed().split('\n');
    result.summary = QJsonDocument::fromJson(lines.last()).object();
    return result;
}

// Mode 2: the same scenes through plain libobs calls, recorded and streamed, nothing else.
int runBare(const QString& url, const QString& dir, double seconds) {
    const show::LoadResult loaded =
        show::ShowLoader::loadFile(QStringLiteral(XIAOZHAN_SOURCE_DIR "/scenes/cooking/show.json"));
    if (!loaded.ok())
        return 2;
    std::optional<engine::EngineError> error;
    auto runtime = engine::ObsRuntime::start({1280, 720, 30}, &error);
    auto graph = runtime ? engine::SceneGraph::build(*loaded.show, &error) : nullptr;
    if (!graph)
        return 2;
    obs_set_output_source(0, graph->sceneSource(loaded.show->scenes.first().id));
    {
        OBSDataAutoRelease videoSettings = obs_data_create();
        obs_data_set_string(videoSettings, "rate_control", "CBR");
        obs_data_set_int(videoSettings, "bitrate", 2500);
        obs_data_set_int(videoSettings, "keyint_sec", 2);
        obs_data_set_string(videoSettings, "preset", "veryfast");
        obs_data_set_string(videoSettings, "x264opts", "bframes=0");
        OBSEncoderAutoRelease video =
            obs_video_encoder_create("obs_x264", "bare-h264", videoSettings, nullptr);
        OBSDataAutoRelease audioSettings = obs_data_create();
        obs_data_set_int(audioSettings, "bitrate", 160);
        OBSEncoderAutoRelease audio =
            obs_audio_encoder_create("ffmpeg_aac", "bare-aac", audioSettings, 0, nullptr);
        obs_encoder_set_video(video, obs_get_video());
        obs_encoder_set_audio(audio, obs_get_audio());

        OBSDataAutoRelease recordSettings = obs_data_create();
        obs_data_set_string(recordSettings, "path", (dir + QStringLiteral("/bare.mkv")).toUtf8().constData());
        OBSOutputAutoRelease record =
            obs_output_create("ffmpeg_muxer", "bare-record", recordSettings, nullptr);
        obs_output_set_video_encoder(record, video);
        obs_output_set_audio_encoder(record, audio, 0);

        const qsizetype split = url.lastIndexOf(QLatin1Char('/'));
        OBSDataAutoRelease serviceSettings = obs_data_create();
        obs_data_set_string(serviceSettings, "server", url.left(split).toUtf8().constData());
        obs_data_set_string(serviceSettings, "key", url.mid(split + 1).toUtf8().constData());
        OBSServiceAutoRelease service =
            obs_service_create_private("xz_rtmp_service", "bare-service", serviceSettings);
        OBSOutputAutoRelease stream = obs_output_create("rtmp_output", "bare-stream", nullptr, nullptr);
        obs_output_set_service(stream, service);
        obs_output_set_video_encoder(stream, video);
        obs_output_set_audio_encoder(stream, audio, 0);

        obs_output_start(record);
        obs_output_start(stream);
        QThread::msleep(static_cast<unsigned long>(seconds * 1000));
        obs_output_stop(stream);
        obs_output_stop(record);
        while (obs_output_active(record) || obs_output_active(stream))
            QThread::msleep(20);
        QJsonObject summary{
            {"frames", static_cast<qint64>(obs_get_total_frames())},
            {"lagged", static_cast<qint64>(obs_get_lagged_frames())},
            {"skipped", static_cast<qint64>(video_output_get_skipped_frames(obs_get_video()))},
            {"dropped", obs_output_get_frames_dropped(stream)}};
        obs_set_output_source(0, nullptr);
        fprintf(stdout, "%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    }
    graph.reset();
    runtime.reset();
    return 0;
}

// Mode 3: take latency. The observer runs on libobs' video thread and only touches atomics.
int runTakeLatency(int takes) {
    std::optional<engine::EngineError> error;
    auto runtime = engine::ObsRuntime::start({1280, 720, 30}, &error);
    auto graph = runtime ? engine::SceneGraph::build(testing::colourShow(1280, 720, 30), &error) : nullptr;
    if (!graph)
        return 2;
    engine::Switcher switcher(*graph, QStringLiteral("red"));
    std::atomic<uint64_t> takeCalledNs{0};
    std::atomic<uint64_t> firstNewFrameNs{0};
    std::atomic<bool> wantBlue{true};
    engine::FrameTap tap(16, 9, [&](const engine::TappedFrame& frame) {
        const uint64_t called = takeCalledNs.load();
        if (!called || firstNewFrameNs.load())
            return;
        const QColor c = testing::centreColour(frame.image);
        if (wantBlue.load() ? testing::isBluish(c) : testing::isReddish(c))
            firstNewFrameNs.store(frame.timestampNs);
    });
    QThread::msleep(1000);
    const double intervalNs = 1e9 / 30.0;
    QList<double> frames;
    for (int i = 0; i < takes; ++i) {
        wantBlue = switcher.programSceneId() == QLatin1String("red");
        switcher.setPreview(wantBlue ? QStringLiteral("blue") : QStringLiteral("red"));
        firstNewFrameNs = 0;
        takeCalledNs = os_gettime_ns();
        switcher.take(QStringLiteral("cut"));
        QElapsedTimer waited;
        waited.start();
        while (!firstNewFrameNs.load() && waited.elapsed() < 2000)
            QThread::msleep(2);
        if (firstNewFrameNs.load())
            frames.append(
                std::ceil((static_cast<double>(firstNewFrameNs.load()) - takeCalledNs.load()) / intervalNs));
        takeCalledNs = 0;
        QThread::msleep(150 + (i * 37) % 50); // land at varying points within a frame
    }
    std::sort(frames.begin(), frames.end());
    QJsonObject summary{{"takes", static_cast<int>(frames.size())},
                        {"medianFrames", frames.isEmpty() ? -1 : frames[frames.size() / 2]},
                        {"maxFrames", frames.isEmpty() ? -1 : frames.last()}};
    fprintf(stdout, "%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args[1] == QLatin1String("--bare"))
        return runBare(args[2], args[3], args.value(4, QStringLiteral("60")).toDouble());
    if (args.size() >= 2 && args[1] == QLatin1String("--take-latency"))
        return runTakeLatency(30);

    const double seconds = qEnvironmentVariableIntValue("XIAOZHAN_BENCH_SECONDS") > 0
                               ? qEnvironmentVariableIntValue("XIAOZHAN_BENCH_SECONDS")
                               : 60;
    testing::RtmpServer server;
    if (!server.start()) {
        fprintf(stderr, "nginx-rtmp did not start\n");
        return 1;
    }
    QTemporaryDir dir;
    const QString self = QCoreApplication::applicationFilePath();
    printf(
        "bench_studio: cooking show 1280x720@30, recording + streaming to loopback nginx-rtmp, %.0f s each\n",
        seconds);
    fflush(stdout);
    const ChildResult bare = runChild({self, QStringLiteral("--bare"), server.url(QStringLiteral("bare")),
                                       dir.path(), QString::number(seconds)});
    const ChildResult studio =
        runChild({QStringLiteral(XIAOZHAN_BINARY), QStringLiteral("live"), QStringLiteral("--show"),
                  QStringLiteral("cooking"), QStringLiteral("--headless"), QStringLiteral("--record"),
                  dir.path(), QStringLiteral("--stream"), server.url(QStringLiteral("studio")),
                  QStringLiteral("--duration"), QString::number(seconds)});
    const ChildResult latency = runChild({self, QStringLiteral("--take-latency")});

    const double bareCpu = bare.cpuSec / seconds;
    const double studioCpu = studio.cpuSec / seconds;
    auto counters = [](const QJsonObject& s) {
        return QStringLiteral("frames %1, lagged %2, skipped %3, dropped %4")
            .arg(s.value("frames").toInt())
            .arg(s.value("lagged").toInt())
            .arg(s.value("skipped").toInt())
            .arg(s.value("dropped").toInt());
    };
    printf("bare libobs (same scenes):  %.3f CPU-s per s of show (%s)\n", bareCpu,
           qPrintable(counters(bare.summary)));
    printf("xiaozhan live:              %.3f CPU-s per s of show (%s)\n", studioCpu,
           qPrintable(counters(studio.summary)));
    printf("studio / bare CPU ratio:    %.3f  (overhead %+.1f%%, goal < +15%%)\n", studioCpu / bareCpu,
           (studioCpu / bareCpu - 1) * 100);
    printf(
        "take latency (cut, %d takes): median %.0f frame(s), max %.0f frame(s) (goal: the next frame = 1)\n",
        latency.summary.value("takes").toInt(), latency.summary.value("medianFrames").toDouble(),
        latency.summary.value("maxFrames").toDouble());
    return 0;
}
