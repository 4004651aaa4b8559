// bench_clips: on a 10-minute 1280x720 recording at a studio's 2.5 Mbit/s (noise, so x264 spends the whole
// bit rate; made once, cached in the build tree), the studio's trims
// and previews against ffmpeg doing the same in the same run, and peak memory against file size. Prints
// ratios; asserts nothing.
#include "canceltoken.h"
#include "previewcache.h"
#include "trimmer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>

using namespace xz;

namespace {

double seconds(const std::function<void()>& work) {
    QElapsedTimer timer;
    timer.start();
    work();
    return timer.nsecsElapsed() / 1e9;
}

// Runs a program with nothing of its output shown (a program's start alone: --help, -version).
void runQuietly(const QString& program, const QStringList& args) {
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    process.start(program, args);
    process.waitForFinished(-1);
}

int run(const QString& program, const QStringList& args) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, args);
    process.waitForFinished(-1);
    process.readAllStandardOutput();
    return process.exitCode();
}

QString makeRecording(const QString& path, int seconds) {
    if (QFile::exists(path))
        return path;
    const QString partial = path + QStringLiteral(".part.mkv");
    fprintf(stdout, "  making a %d s 1280x720 recording (once): %s\n", seconds, qPrintable(path));
    fflush(stdout);
    const int ok =
        run(QStringLiteral("gst-launch-1.0"),
            {QStringLiteral("-q"), QStringLiteral("videotestsrc"), QStringLiteral("pattern=snow"),
             QStringLiteral("num-buffers=%1").arg(seconds * 30), QStringLiteral("!"),
             QStringLiteral("video/x-raw,width=1280,height=720,framerate=30/1"), QStringLiteral("!"),
             QStringLiteral("x264enc"), QStringLiteral("speed-preset=superfast"),
             QStringLiteral("bitrate=2500"), QStringLiteral("key-int-max=60"),
             // A keyframe every 2 s and nowhere else, as the studio records: noise would make x264
             // put one on every picture (a scene cut each time), and every cut would be on one.
             QStringLiteral("option-string=scenecut=0"), QStringLiteral("bframes=0"), QStringLiteral("!"),
             QStringLiteral("video/x-h264,profile=main"), QStringLiteral("!"), QStringLiteral("h264parse"),
             QStringLiteral("!"), QStringLiteral("queue"), QStringLiteral("!"), QStringLiteral("mux."),
             QStringLiteral("audiotestsrc"), QStringLiteral("wave=ticks"),
             QStringLiteral("num-buffers=%1").arg(seconds * 48000 / 1024),
             QStringLiteral("samplesperbuffer=1024"), QStringLiteral("!"),
             QStringLiteral("audio/x-raw,rate=48000,channels=2"), QStringLiteral("!"),
             QStringLiteral("avenc_aac"), QStringLiteral("!"), QStringLiteral("aacparse"),
             QStringLiteral("!"), QStringLiteral("queue"), QStringLiteral("!"), QStringLiteral("mux."),
             QStringLiteral("matroskamux"), QStringLiteral("name=mux"), QStringLiteral("!"),
             QStringLiteral("filesink"), QStringLiteral("location=") + partial});
    if (ok != 0)
        return {};
    QFile::rename(partial, path);
    return path;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QString cache = QStringLiteral(XZ_BENCH_CACHE);
    QDir().mkpath(cache);
    const QString recording = makeRecording(cache + QStringLiteral("/clips-600s-720p-gop2s.mkv"), 600);
    const QString shortRecording = makeRecording(cache + QStringLiteral("/clips-120s-720p-gop2s.mkv"), 120);
    if (recording.isEmpty() || shortRecording.isEmpty()) {
        fprintf(stderr, "cannot make the benchmark recording\n");
        return 1;
    }
    QTemporaryDir out;
    qputenv("XIAOZHAN_HOME", out.filePath(QStringLiteral("home")).toUtf8());
    const QString binary = QStringLiteral(XIAOZHAN_BINARY);
    auto trimArgs = [&](const QString& input, const QString& output, bool exact) {
        QStringList args{QStringLiteral("trim"),   input,
                         QStringLiteral("--from"), QStringLiteral("241.5"),
                         QStringLiteral("--to"),   QStringLiteral("301.5"),
                         QStringLiteral("-o"),     output,
                         QStringLiteral("--force")};
        if (exact)
            args << QStringLiteral("--exact");
        return args;
    };

    // 1. Fast trim of 60 s, the whole command (process start to exit), against ffmpeg -c copy; best of 3.
    double studioFast = 1e9, ffmpegFast = 1e9;
    for (int round = 0; round < 3; ++round) {
        studioFast =
            std::min(studioFast, seconds([&] {
                         run(binary, trimArgs(recording, out.filePath(QStringLiteral("fast.mp4")), false));
                     }));
        ffmpegFast =
            std::min(ffmpegFast, seconds([&] {
                         run(QStringLiteral("ffmpeg"),
                             {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                              QStringLiteral("-ss"), QStringLiteral("241.5"), QStringLiteral("-to"),
                              QStringLiteral("301.5"), QStringLiteral("-i"), recording, QStringLiteral("-c"),
                              QStringLiteral("copy"), out.filePath(QStringLiteral("ffmpeg-fast.mp4"))});
                     }));
    }
    fprintf(
        stdout,
        "fast trim 60 s of 10 min 720p: xiaozhan %.3f s, ffmpeg -c copy %.3f s, ratio %.2fx (goal <= 1.0x)\n",
        studioFast, ffmpegFast, studioFast / ffmpegFast);
    // The same cut by ffmpeg into the same kind of file: ours puts the index first (faststart, so a web
    // player can start before the whole file is there), which costs a second pass over the file.
    double ffmpegFastStart = 1e9;
    for (int round = 0; round < 3; ++round)
        ffmpegFastStart = std::min(
            ffmpegFastStart, seconds([&] {
                run(QStringLiteral("ffmpeg"),
                    {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                     QStringLiteral("-ss"), QStringLiteral("241.5"), QStringLiteral("-to"),
                     QStringLiteral("301.5"), QStringLiteral("-i"), recording, QStringLiteral("-c"),
                     QStringLiteral("copy"), QStringLiteral("-movflags"), QStringLiteral("+faststart"),
                     out.filePath(QStringLiteral("ffmpeg-faststart.mp4"))});
            }));
    fprintf(stdout, "  ffmpeg -c copy -movflags +faststart (the same kind of file): %.3f s, ratio %.2fx\n",
            ffmpegFastStart, studioFast / ffmpegFastStart);
    // Each program's start alone (best of 5): what a command pays before it reads anything. `xiaozhan trim`
    // without arguments prints its usage; `--help` is xiaozhan-studio's (the engine's libraries loaded).
    double studioStart = 1e9, engineStart = 1e9, ffmpegStart = 1e9;
    for (int round = 0; round < 5; ++round) {
        studioStart = std::min(studioStart, seconds([&] { runQuietly(binary, {QStringLiteral("trim")}); }));
        engineStart = std::min(engineStart, seconds([&] { runQuietly(binary, {QStringLiteral("--help")}); }));
        ffmpegStart = std::min(
            ffmpegStart, seconds([&] {
                run(QStringLiteral("ffmpeg"), {QStringLiteral("-hide_banner"), QStringLiteral("-version")});
            }));
    }
    fprintf(stdout,
            "  program start alone: xiaozhan trim %.3f s (xiaozhan --help, through xiaozhan-studio: %.3f s), "
            "ffmpeg -version %.3f s\n",
            studioStart, engineStart, ffmpegStart);

    // 2. Exact trim (smart cut) against a full re-encode of the same clip (same encoder settings), and
    // against ffmpeg re-encoding it with libx264 at the same preset.
    const double smart =
        seconds([&] { run(binary, trimArgs(recording, out.filePath(QStringLiteral("exact.mp4")), true)); });
    clips::TrimRequest whole;
    whole.input = recording;
    whole.output = out.filePath(QStringLiteral("whole.mp4"));
    whole.inSec = 241.5;
    whole.outSec = 301.5;
    whole.exact = true;
    whole.overwrite = true;
    whole.alwaysReencode = true;
    const double reencode = seconds([&] { clips::Trimmer::trim(whole, {}); });
    const double ffmpegReencode = seconds([&] {
        run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-ss"),
             QStringLiteral("241.5"), QStringLiteral("-to"), QStringLiteral("301.5"), QStringLiteral("-i"),
             recording, QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
             QStringLiteral("faster"), QStringLiteral("-crf"), QStringLiteral("20"), QStringLiteral("-c:a"),
             QStringLiteral("copy"), out.filePath(QStringLiteral("ffmpeg-exact.mp4"))});
    });
    fprintf(stdout,
            "exact trim 60 s: smart cut %.2f s, full re-encode %.2f s (%.1fx faster; goal >= 5x), ffmpeg "
            "re-encode %.2f s "
            "(%.1fx)\n",
            smart, reencode, reencode / smart, ffmpegReencode, ffmpegReencode / smart);

    // 3. Filmstrip (a thumbnail every 10 s from keyframes) + waveform of the whole 10 minutes, against ffmpeg
    // decoding keyframes only into thumbnails and decoding the audio.
    const double previews = seconds([&] {
        clips::CancelToken none;
        clips::PreviewCache::filmstrip(recording, 10.0, 90, none);
        clips::PreviewCache::waveform(recording, 100, none);
    });
    QDir().mkpath(out.filePath(QStringLiteral("thumbs")));
    const double ffmpegPreviews = seconds([&] {
        run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
             QStringLiteral("-skip_frame"), QStringLiteral("nokey"), QStringLiteral("-i"), recording,
             QStringLiteral("-map"), QStringLiteral("0:v"), QStringLiteral("-vf"),
             QStringLiteral("select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,10)',scale=-2:90"),
             QStringLiteral("-vsync"), QStringLiteral("vfr"),
             out.filePath(QStringLiteral("thumbs/%04d.jpg"))});
        run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), recording,
             QStringLiteral("-map"), QStringLiteral("0:a"), QStringLiteral("-f"), QStringLiteral("s16le"),
             QStringLiteral("-y"), QStringLiteral("/dev/null")});
    });
    fprintf(stdout,
            "filmstrip + waveform of 10 min: xiaozhan %.2f s, ffmpeg %.2f s, ratio %.2fx (goal <= 1.0x)\n",
            previews, ffmpegPreviews, previews / ffmpegPreviews);

    // 4. Peak memory of a fast and an exact trim of 60 s from a 2-minute and from the 10-minute file (each in
    // its own process, the kernel's high-water mark of that process as GNU time reports it: a child forked
    // from this process would count this process's own memory, copied at the fork, as its high-water mark).
    auto peakOf = [&](const QStringList& args) {
        const QString report = out.filePath(QStringLiteral("peak.txt"));
        runQuietly(
            QStringLiteral("/usr/bin/time"),
            QStringList{QStringLiteral("-o"), report, QStringLiteral("-f"), QStringLiteral("%M"), binary} +
                args);
        QFile file(report);
        if (!file.open(QIODevice::ReadOnly))
            return -1.0;
        return file.readAll().trimmed().toDouble() / 1024.0;
    };
    for (bool exact : {false, true}) {
        auto args = [&](const QString& input) {
            QStringList a{QStringLiteral("trim"),   input,
                          QStringLiteral("--from"), QStringLiteral("30.5"),
                          QStringLiteral("--to"),   QStringLiteral("90.5"),
                          QStringLiteral("-o"),     out.filePath(QStringLiteral("mem.mp4")),
                          QStringLiteral("--force")};
            if (exact)
                a << QStringLiteral("--exact");
            return a;
        };
        const double small = peakOf(args(shortRecording));
        const double large = peakOf(args(recording));
        fprintf(stdout,
                "peak memory, %s trim of 60 s: from 2 min (%.0f MB file) %.0f MB, from 10 min (%.0f MB file) "
                "%.0f MB\n",
                exact ? "exact" : "fast", QFileInfo(shortRecording).size() / 1e6, small,
                QFileInfo(recording).size() / 1e6, large);
    }
    return 0;
}
