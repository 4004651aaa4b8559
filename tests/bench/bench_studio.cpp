// Studio benchmark (./dev bench). Each measurement in its own process because libobs starts once per process;
// every run records and streams the cooking show to a loopback nginx-rtmp for N s with a take in the show's
// default transition (a 400 ms fade) every 6 s, the way a show really runs:
//   1. bare libobs: the show's libobs scene graph, a fade transition started by hand with
//   obs_transition_start,
//      hand-made x264/aac/record/stream outputs, nothing else of the studio (no Qt, stats, switcher, status);
//   2. the studio headless: `xiaozhan live --show cooking --headless --cycle-scenes 6`;
//   3. the Studio in this process with and without the monitors the Operator view watches (a preview feed
//      400x225 at 7.5 fps and a program feed 480x270 at 15 fps), alternating, so the cost of watching shows;
//   4. the control surface: `xiaozhan live --show cooking --cycle-scenes 6` with its window (under the
//   display
//      ./dev bench gives it), against the headless run;
//   5. take latency: frames from Switcher::take() to the first program frame of the new scene, and how much
//      later the Operator view's program monitor has it.
// CPU is the child's user+system time per second of show, read with wait4(); figures are reported as
// ratios against the bare reference from the same run, because this machine is noisy.
#include "colourshow.h"
#include "frametap.h"
#include "monitorhub.h"
#include "obsruntime.h"
#include "rtmpserver.h"
#include "scenegraph.h"
#include "showloader.h"
#include "studio.h"
#include "switcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <obs.hpp>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <util/platform.h>

using namespace xz;

namespace {

constexpr int kTakeEveryMs = 6000;

show::Show cookingShow() {
    const show::LoadResult loaded =
        show::ShowLoader::loadFile(QStringLiteral(XIAOZHAN_SOURCE_DIR "/scenes/cooking/show.json"));
    return loaded.ok() ? *loaded.show : show::Show();
}

struct ChildResult {
    double cpuSec = 0;
    QJsonObject summary;
};

// Runs a program, returns its CPU time (and the JSON it printed last on stdout); its stderr goes to
// `stderrPath` when one is given.
ChildResult runChild(const QStringList& argv, const QString& stderrPath = {}) {
    int out[2];
    if (pipe(out) != 0)
        return {};
    const QByteArray errPath = stderrPath.toLocal8Bit();
    const pid_t pid = fork();
    if (pid == 0) {
        if (!errPath.isEmpty()) {
            const int err = open(errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (err >= 0)
                dup2(err, STDERR_FILENO);
        }
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

// Mode 1: the same scenes through plain libobs calls, recorded and streamed, nothing else.
int runBare(const QString& url, const QString& dir, double seconds) {
    const show::Show show = cookingShow();
    if (show.scenes.isEmpty())
        return 2;
    std::optional<engine::EngineError> error;
    auto runtime = engine::ObsRuntime::start({1280, 720, 30}, &error);
    auto graph = runtime ? engine::SceneGraph::build(show, &error) : nullptr;
    if (!graph)
        return 2;
    {
        const show::Transition* fadeSpec = show.findTransition(show.defaultTransitionId);
        OBSSourceAutoRelease fade = obs_source_create_private("fade_transition", "bare-fade", nullptr);
        obs_transition_set(fade, graph->sceneSource(show.scenes.first().id));
        obs_set_output_source(0, fade);
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
        QElapsedTimer clock;
        clock.start();
        int scene = 0;
        while (clock.elapsed() + kTakeEveryMs < seconds * 1000) {
            QThread::msleep(kTakeEveryMs);
            scene = (scene + 1) % show.scenes.size();
            obs_transition_start(fade, OBS_TRANSITION_MODE_AUTO, fadeSpec ? fadeSpec->durationMs : 400,
                                 graph->sceneSource(show.scenes[scene].id));
        }
        QThread::msleep(static_cast<unsigned long>(std::max<qint64>(0, seconds * 1000 - clock.elapsed())));
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
        obs_transition_clear(fade);
        fprintf(stdout, "%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    }
    graph.reset();
    runtime.reset();
    return 0;
}

// Mode 3: the Studio in this process, recording and streaming with a take every 6 s, with or without the
// Operator view's two monitor feeds (their sinks copy the picture, as FrameView does).
int runStudio(const QString& url, const QString& dir, double seconds, bool monitors) {
    std::optional<UserError> error;
    std::unique_ptr<live::Studio> studio = live::Studio::start(cookingShow(), &error);
    if (!studio)
        return 2;
    std::atomic<int> delivered{0};
    const auto sink = [&delivered](const QImage& frame) {
        const QImage copy = frame.copy();
        delivered.fetch_add(copy.isNull() ? 0 : 1);
    };
    if (monitors) {
        studio->watchPreview(QSize(400, 225), 4, sink);
        studio->watchProgram(QSize(480, 270), 2, sink);
    }
    studio->startRecording(dir);
    std::optional<UserError> streamError;
    if (const std::optional<int> id = studio->addStream(url, QStringLiteral("bench"), &streamError))
        studio->startStream(*id);
    QTimer takes;
    QObject::connect(&takes, &QTimer::timeout, [&] {
        const QStringList scenes = studio->sceneIds();
        studio->setPreview(scenes.at((scenes.indexOf(studio->programScene()) + 1) % scenes.size()));
        studio->take();
    });
    takes.start(kTakeEveryMs);
    QEventLoop loop;
    QTimer::singleShot(static_cast<int>(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    takes.stop();
    studio->stopAllOutputs();
    QEventLoop finishing;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (!studio->outputsBusy())
            finishing.quit();
    });
    poll.start(50);
    finishing.exec();
    QJsonObject summary = studio->summary();
    summary.insert(QStringLiteral("monitorFrames"), delivered.load());
    fprintf(stdout, "%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    studio.reset();
    return 0;
}

// Mode 4: take latency. The observer runs on libobs' video thread and only touches atomics.
int runTakeLatency(int takes) {
    std::optional<engine::EngineError> error;
    auto runtime = engine::ObsRuntime::start({1280, 720, 30}, &error);
    auto graph = runtime ? engine::SceneGraph::build(testing::colourShow(1280, 720, 30), &error) : nullptr;
    if (!graph)
        return 2;
    engine::Switcher switcher(*graph, QStringLiteral("red"));
    std::atomic<uint64_t> takeCalledNs{0};
    std::atomic<uint64_t> firstNewFrameNs{0};
    std::atomic<uint64_t> firstNewArrivalNs{0}; // when the outputs got that frame
    std::atomic<bool> wantBlue{true};
    engine::FrameTap tap(16, 9, [&](const engine::TappedFrame& frame) {
        const uint64_t called = takeCalledNs.load();
        if (!called || firstNewFrameNs.load())
            return;
        const QColor c = testing::centreColour(frame.image);
        if (wantBlue.load() ? testing::isBluish(c) : testing::isReddish(c)) {
            firstNewArrivalNs.store(os_gettime_ns());
            firstNewFrameNs.store(frame.timestampNs);
        }
    });
    // The program monitor the Operator view shows (480x270, every other frame, as the surface asks): when its
    // picture of the new scene reaches the watcher, read back one frame after libobs drew it.
    std::atomic<uint64_t> monitorSeenNs{0};
    engine::MonitorHub monitors;
    monitors.watchProgram(QSize(480, 270), 2, [&](const QImage& picture) {
        if (!takeCalledNs.load() || monitorSeenNs.load())
            return;
        const QColor c = testing::centreColour(picture);
        if (wantBlue.load() ? testing::isBluish(c) : testing::isReddish(c))
            monitorSeenNs.store(os_gettime_ns());
    });
    QThread::msleep(1000);
    const double intervalNs = 1e9 / 30.0;
    QList<double> frames;
    QList<double> monitorFrames;       // after the frame's render time
    QList<double> monitorOutputFrames; // after the outputs received the frame
    for (int i = 0; i < takes; ++i) {
        wantBlue = switcher.programSceneId() == QLatin1String("red");
        switcher.setPreview(wantBlue ? QStringLiteral("blue") : QStringLiteral("red"));
        firstNewFrameNs = 0;
        firstNewArrivalNs = 0;
        monitorSeenNs = 0;
        takeCalledNs = os_gettime_ns();
        switcher.take(QStringLiteral("cut"));
        QElapsedTimer waited;
        waited.start();
        while ((!firstNewFrameNs.load() || !monitorSeenNs.load()) && waited.elapsed() < 2000)
            QThread::msleep(2);
        if (firstNewFrameNs.load())
            frames.append(
                std::ceil((static_cast<double>(firstNewFrameNs.load()) - takeCalledNs.load()) / intervalNs));
        if (firstNewFrameNs.load() && monitorSeenNs.load()) {
            const auto seen = static_cast<double>(monitorSeenNs.load());
            monitorFrames.append((seen - static_cast<double>(firstNewFrameNs.load())) / intervalNs);
            monitorOutputFrames.append((seen - static_cast<double>(firstNewArrivalNs.load())) / intervalNs);
        }
        takeCalledNs = 0;
        QThread::msleep(150 + (i * 37) % 50); // land at varying points within a frame
    }
    std::sort(frames.begin(), frames.end());
    std::sort(monitorFrames.begin(), monitorFrames.end());
    std::sort(monitorOutputFrames.begin(), monitorOutputFrames.end());
    QJsonObject summary{
        {"takes", static_cast<int>(frames.size())},
        {"medianFrames", frames.isEmpty() ? -1 : frames[frames.size() / 2]},
        {"maxFrames", frames.isEmpty() ? -1 : frames.last()},
        {"monitorTakes", static_cast<int>(monitorFrames.size())},
        {"monitorMedianFrames", monitorFrames.isEmpty() ? -1 : monitorFrames[monitorFrames.size() / 2]},
        {"monitorMaxFrames", monitorFrames.isEmpty() ? -1 : monitorFrames.last()},
        {"monitorAfterOutputMedianFrames",
         monitorOutputFrames.isEmpty() ? -1 : monitorOutputFrames[monitorOutputFrames.size() / 2]},
        {"monitorAfterOutputMaxFrames", monitorOutputFrames.isEmpty() ? -1 : monitorOutputFrames.last()}};
    fprintf(stdout, "%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

// Qt Quick's own timing of each frame it rendered (qt.scenegraph.time.renderloop), from a log: milliseconds.
QList<double> quickFrameTimes(const QString& logPath) {
    QFile log(logPath);
    QList<double> times;
    if (!log.open(QIODevice::ReadOnly))
        return times;
    const QRegularExpression line(QStringLiteral("Frame rendered with '\\w+' renderloop in (\\d+)ms"));
    for (const QByteArray& text : log.readAll().split('\n'))
        if (const QRegularExpressionMatch match = line.match(QString::fromUtf8(text)); match.hasMatch())
            times.append(match.captured(1).toDouble());
    std::sort(times.begin(), times.end());
    return times;
}

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() >= 4 && args[1] == QLatin1String("--bare"))
        return runBare(args[2], args[3], args.value(4, QStringLiteral("60")).toDouble());
    if (args.size() >= 6 && args[1] == QLatin1String("--studio"))
        return runStudio(args[2], args[3], args[4].toDouble(), args[5] == QLatin1String("monitors"));
    if (args.size() >= 2 && args[1] == QLatin1String("--take-latency"))
        return runTakeLatency(30);

    const double seconds = qEnvironmentVariableIntValue("XIAOZHAN_BENCH_SECONDS") > 0
                               ? qEnvironmentVariableIntValue("XIAOZHAN_BENCH_SECONDS")
                               : 48;
    testing::RtmpServer server;
    if (!server.start()) {
        fprintf(stderr, "nginx-rtmp did not start\n");
        return 1;
    }
    QTemporaryDir dir;
    // The surface and the CLI read no one's settings (no configured streams, no remote control).
    qputenv("XIAOZHAN_HOME", (dir.path() + QStringLiteral("/home")).toUtf8());
    const QString self = QCoreApplication::applicationFilePath();
    printf(
        "bench_studio: cooking show 1280x720@30, recording + streaming to loopback nginx-rtmp, a %d ms fade "
        "every %d s, %.0f s per run\n",
        cookingShow().findTransition(QStringLiteral("fade"))->durationMs, kTakeEveryMs / 1000, seconds);
    fflush(stdout);
    const QString secondsText = QString::number(seconds);
    const QString takeEvery = QString::number(kTakeEveryMs / 1000);
    const auto live = [&](const QString& key, bool headless, const QString& stderrPath = {}) {
        QStringList argv{QStringLiteral(XIAOZHAN_BINARY),  QStringLiteral("live"),
                         QStringLiteral("--show"),         QStringLiteral("cooking"),
                         QStringLiteral("--record"),       dir.path(),
                         QStringLiteral("--stream"),       server.url(key),
                         QStringLiteral("--duration"),     secondsText,
                         QStringLiteral("--cycle-scenes"), takeEvery};
        if (headless)
            argv.append(QStringLiteral("--headless"));
        return runChild(argv, stderrPath);
    };
    const auto inProcess = [&](const QString& key, bool monitors) {
        return runChild({self, QStringLiteral("--studio"), server.url(key), dir.path(), secondsText,
                         monitors ? QStringLiteral("monitors") : QStringLiteral("none")});
    };
    const ChildResult bare = runChild(
        {self, QStringLiteral("--bare"), server.url(QStringLiteral("bare")), dir.path(), secondsText});
    const ChildResult headless = live(QStringLiteral("headless"), true);
    // The surface logs Qt Quick's timing of every frame it renders (it renders only when something changed).
    const QString surfaceLog = dir.path() + QStringLiteral("/surface.log");
    qputenv("QT_LOGGING_RULES", "qt.scenegraph.time.renderloop=true");
    const ChildResult surface = live(QStringLiteral("surface"), false, surfaceLog);
    qunsetenv("QT_LOGGING_RULES");
    const QList<double> frameMs = quickFrameTimes(surfaceLog);
    // Alternating, so a burst of load elsewhere on the machine falls on both.
    const ChildResult none1 = inProcess(QStringLiteral("none"), false);
    const ChildResult watched1 = inProcess(QStringLiteral("watched"), true);
    const ChildResult watched2 = inProcess(QStringLiteral("watched"), true);
    const ChildResult none2 = inProcess(QStringLiteral("none"), false);
    const ChildResult latency = runChild({self, QStringLiteral("--take-latency")});

    auto counters = [](const QJsonObject& s) {
        const double frames = s.value("frames").toDouble();
        return QStringLiteral("frames %1, lagged %2 (%3%), skipped %4, dropped %5")
            .arg(s.value("frames").toInt())
            .arg(s.value("lagged").toInt())
            .arg(frames > 0 ? 100.0 * s.value("lagged").toDouble() / frames : 0, 0, 'f', 1)
            .arg(s.value("skipped").toInt())
            .arg(s.value("dropped").toInt());
    };
    const auto cpu = [&](const ChildResult& r) { return r.cpuSec / seconds; };
    printf("bare libobs (same scenes, same fades): %.3f CPU-s per s (%s)\n", cpu(bare),
           qPrintable(counters(bare.summary)));
    printf("xiaozhan live --headless:              %.3f CPU-s per s (%s)\n", cpu(headless),
           qPrintable(counters(headless.summary)));
    printf("xiaozhan live with the surface:        %.3f CPU-s per s (%s)\n", cpu(surface),
           qPrintable(counters(surface.summary)));
    printf("Studio, no monitors (2 runs):          %.3f CPU-s per s (%s)\n", (cpu(none1) + cpu(none2)) / 2,
           qPrintable(counters(none2.summary)));
    printf("Studio, preview + program monitors:    %.3f CPU-s per s (%s; %d monitor frames)\n",
           (cpu(watched1) + cpu(watched2)) / 2, qPrintable(counters(watched2.summary)),
           watched2.summary.value("monitorFrames").toInt());
    const auto at = [&](double p) {
        return frameMs.isEmpty() ? -1.0 : frameMs[int(p * (frameMs.size() - 1))];
    };
    const auto slow =
        std::count_if(frameMs.begin(), frameMs.end(), [](double ms) { return ms > 1000.0 / 30; });
    printf("surface frames rendered by Qt Quick: %d (%.1f per s); render time p50 %.0f ms, p99 %.0f ms, max "
           "%.0f "
           "ms; %lld over 33 ms (goal: none, so 30+ fps holds during takes)\n",
           int(frameMs.size()), frameMs.size() / seconds, at(0.5), at(0.99), at(1.0),
           static_cast<long long>(slow));
    printf("studio headless / bare CPU ratio:      %.3f  (goal <= 1.10)\n", cpu(headless) / cpu(bare));
    printf("surface / headless CPU ratio:          %.3f  (goal <= 1.10)\n", cpu(surface) / cpu(headless));
    printf("monitors on / off CPU ratio:           %.3f\n",
           (cpu(watched1) + cpu(watched2)) / (cpu(none1) + cpu(none2)));
    printf(
        "take latency (cut, %d takes): median %.0f frame(s), max %.0f frame(s) (goal: the next frame = 1)\n",
        latency.summary.value("takes").toInt(), latency.summary.value("medianFrames").toDouble(),
        latency.summary.value("maxFrames").toDouble());
    printf("program monitor after the outputs got the frame (%d takes): median %.1f frame(s), max %.1f "
           "frame(s) (goal <= 2)\n",
           latency.summary.value("monitorTakes").toInt(),
           latency.summary.value("monitorAfterOutputMedianFrames").toDouble(),
           latency.summary.value("monitorAfterOutputMaxFrames").toDouble());
    printf(
        "program monitor after the frame was rendered:           median %.1f frame(s), max %.1f frame(s)\n",
        latency.summary.value("monitorMedianFrames").toDouble(),
        latency.summary.value("monitorMaxFrames").toDouble());
    return 0;
}
