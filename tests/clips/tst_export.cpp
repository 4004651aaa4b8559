// Exports for where clips go: the preset's size and orientation, loudness at the target (measured by ffmpeg's
// own EBU R128 filter, not the studio's), true peaks held under the ceiling, the title card, the cover, and
// the requests that must fail clearly.
#include "clipfixtures.h"
#include "exporter.h"
#include "mediaprobe.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace xz;
using xz::testing::ClipSpec;

class ExportTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString quiet_; // a tone far below the target
    QString beeps_; // short loud beeps in silence: raising it to the target needs the limiter
    QString path(const QString& name) const { return dir_.filePath(name); }
    clips::ExportRequest request(const QString& input, const QString& preset, const QString& output) {
        clips::ExportRequest r;
        r.input = input;
        r.output = path(output);
        r.preset = preset;
        r.inSec = 1.0;
        r.outSec = 4.0;
        return r;
    }
private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        ClipSpec quiet;
        quiet.frames = 150;
        quiet.toneDbfs = -30;
        quiet_ = path(QStringLiteral("quiet.mkv"));
        QCOMPARE(testing::makeClip(quiet_, quiet), QString());
        ClipSpec beeps;
        beeps.frames = 150;
        beeps.audio = ClipSpec::Audio::Beeps;
        beeps.bedDbfs = -25;
        beeps.flashFrames = {75};
        beeps_ = path(QStringLiteral("beeps.mkv"));
        QCOMPARE(testing::makeClip(beeps_, beeps), QString());
    }

    void videoExportsHaveThePresetsSizeAndLoudness_data() {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("fill");
        QTest::addColumn<double>("cropX");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("douyin-vertical, centre crop") << "douyin-vertical"
                                                      << "crop" << 0.5 << 1080 << 1920;
        QTest::newRow("douyin-vertical, crop at the left") << "douyin-vertical"
                                                           << "crop" << 0.0 << 1080 << 1920;
        QTest::newRow("douyin-vertical, blurred fill") << "douyin-vertical"
                                                       << "blur" << 0.5 << 1080 << 1920;
        QTest::newRow("landscape-1080p") << "landscape-1080p"
                                         << "crop" << 0.5 << 1920 << 1080;
    }
    void videoExportsHaveThePresetsSizeAndLoudness() {
        QFETCH(QString, preset);
        QFETCH(QString, fill);
        QFETCH(double, cropX);
        QFETCH(int, width);
        QFETCH(int, height);
        auto r = request(quiet_, preset, QStringLiteral("%1-%2-%3.mp4").arg(preset, fill).arg(cropX));
        r.fill = fill == QLatin1String("blur") ? clips::ExportRequest::Fill::Blur
                                               : clips::ExportRequest::Fill::Crop;
        r.cropX = cropX;
        auto result = clips::Exporter::exportClip(r, {});
        QVERIFY2(result, qPrintable(result.error().toString()));
        const testing::MediaInfo info = testing::probeMedia(r.output);
        QCOMPARE(info.width, width);
        QCOMPARE(info.height, height);
        QVERIFY(info.hasAudio);
        QVERIFY2(std::abs(info.durationSec - 3.0) < 0.1, qPrintable(QString::number(info.durationSec)));
        QCOMPARE(result->frames, 90);
        const testing::Loudness loudness = testing::ffmpegLoudness(r.output);
        QVERIFY(loudness.ok);
        QVERIFY2(std::abs(loudness.integratedLufs - -14.0) <= 1.0,
                 qPrintable(QString::number(loudness.integratedLufs)));
        QVERIFY2(loudness.truePeakDbtp <= -1.0, qPrintable(QString::number(loudness.truePeakDbtp)));
        // The studio's own figures agree with ffmpeg's.
        QVERIFY(std::abs(result->loudnessAfter.integratedLufs - loudness.integratedLufs) < 0.5);
        QVERIFY(result->loudnessBefore.integratedLufs < -25);
        // The cover sits beside the clip, framed like it.
        const QImage cover(result->cover);
        QCOMPARE(cover.size(), QSize(width, height));
        // MP4 with the index first (faststart): "moov" before "mdat".
        QFile file(r.output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(4096);
        QVERIFY(head.contains("moov"));
    }

    void theCropOffsetMovesTheWindow() {
        auto left = request(quiet_, QStringLiteral("douyin-vertical"), QStringLiteral("left.mp4"));
        left.cropX = 0;
        auto right = request(quiet_, QStringLiteral("douyin-vertical"), QStringLiteral("right.mp4"));
        right.cropX = 1;
        QVERIFY(clips::Exporter::exportClip(left, {}));
        QVERIFY(clips::Exporter::exportClip(right, {}));
        // The bar code's columns (frame number bits) sit at different places in the two windows.
        QImage a(clips::Exporter::coverPathFor(left.output)), b(clips::Exporter::coverPathFor(right.output));
        QVERIFY(!a.isNull() && !b.isNull());
        double difference = 0;
        for (int x = 0; x < 1080; x += 10)
            difference += std::abs(qGray(a.pixel(x, 400)) - qGray(b.pixel(x, 400)));
        QVERIFY(difference > 1000);
    }

    void audioOnlyExportsAreSpeechLoud_data() {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("codec");
        QTest::newRow("m4a") << "m4a"
                             << "aac";
        QTest::newRow("mp3") << "mp3"
                             << "mp3";
    }
    void audioOnlyExportsAreSpeechLoud() {
        QFETCH(QString, extension);
        auto r = request(quiet_, QStringLiteral("audio-only"), QStringLiteral("news.") + extension);
        auto result = clips::Exporter::exportClip(r, {});
        QVERIFY2(result, qPrintable(result.error().toString()));
        const testing::MediaInfo info = testing::probeMedia(r.output);
        QVERIFY(info.hasAudio);
        QVERIFY(!info.hasVideo);
        QVERIFY(result->cover.isEmpty());
        const testing::Loudness loudness = testing::ffmpegLoudness(r.output);
        QVERIFY2(std::abs(loudness.integratedLufs - -16.0) <= 1.0,
                 qPrintable(QString::number(loudness.integratedLufs)));
    }

    void peaksAreLimitedWhenTheGainWouldClip() {
        auto r = request(beeps_, QStringLiteral("douyin-vertical"), QStringLiteral("beeps.mp4"));
        auto result = clips::Exporter::exportClip(r, {});
        QVERIFY2(result, qPrintable(result.error().toString()));
        QVERIFY2(result->gainDb > 5, qPrintable(QString::number(result->gainDb)));
        const testing::Loudness loudness = testing::ffmpegLoudness(r.output);
        QVERIFY2(loudness.truePeakDbtp <= -1.0, qPrintable(QString::number(loudness.truePeakDbtp)));
        QVERIFY2(std::abs(loudness.integratedLufs - -14.0) <= 1.0,
                 qPrintable(QString::number(loudness.integratedLufs)));
        QVERIFY(std::any_of(result->notes.begin(), result->notes.end(), [](const clips::ClipNote& n) {
            return n.en.contains(QLatin1String("peaks were limited"));
        }));
    }

    void theTitleCardShowsForTheFirstSeconds() {
        auto titled = request(quiet_, QStringLiteral("douyin-vertical"), QStringLiteral("titled.mp4"));
        titled.inSec = 0;
        titled.outSec = 4.5;
        titled.title = QStringLiteral("齐悦美食汇 第12期");
        auto plain = titled;
        plain.output = path(QStringLiteral("plain.mp4"));
        plain.title.clear();
        QVERIFY(clips::Exporter::exportClip(titled, {}));
        QVERIFY(clips::Exporter::exportClip(plain, {}));
        auto differs = [&](double t) {
            const QString a = titled.output, b = plain.output;
            // Compare the same instant of both files through one picture each.
            QProcess ffmpeg;
            ffmpeg.start(
                QStringLiteral("ffmpeg"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-ss"), QString::number(t),
                 QStringLiteral("-i"), a, QStringLiteral("-ss"), QString::number(t), QStringLiteral("-i"), b,
                 QStringLiteral("-filter_complex"),
                 QStringLiteral("[0:v]scale=108:192,format=gray[x];[1:v]scale=108:192,format=gray[y];"
                                "[x][y]blend=all_mode=difference,format=gray"),
                 QStringLiteral("-frames:v"), QStringLiteral("1"), QStringLiteral("-f"),
                 QStringLiteral("rawvideo"), QStringLiteral("-")});
            ffmpeg.waitForFinished(60000);
            const QByteArray diff = ffmpeg.readAllStandardOutput();
            double sum = 0;
            for (char c : diff)
                sum += quint8(c);
            return diff.isEmpty() ? -1.0 : sum / diff.size();
        };
        QVERIFY2(differs(1.0) > 1.0, "the title is there at 1 s");
        QVERIFY2(differs(4.0) < 0.5, "and gone at 4 s");
    }

    void badRequestsFailClearly() {
        auto unknown = request(quiet_, QStringLiteral("tiktok"), QStringLiteral("x.mp4"));
        auto result = clips::Exporter::exportClip(unknown, {});
        QVERIFY(!result);
        QVERIFY(result.error().messageEn.contains(QLatin1String("no such export preset")));

        const QString audio = path(QStringLiteral("only-audio.m4a"));
        QVERIFY(clips::Exporter::exportClip(
            request(quiet_, QStringLiteral("audio-only"), QStringLiteral("only-audio.m4a")), {}));
        auto noVideo = request(audio, QStringLiteral("douyin-vertical"), QStringLiteral("y.mp4"));
        noVideo.inSec = 0;
        noVideo.outSec = 2;
        result = clips::Exporter::exportClip(noVideo, {});
        QVERIFY(!result);
        QVERIFY(result.error().messageEn.contains(QLatin1String("no video")));

        auto crop = request(quiet_, QStringLiteral("douyin-vertical"), QStringLiteral("z.mp4"));
        crop.cropX = 1.5;
        QVERIFY(!clips::Exporter::exportClip(crop, {}));

        auto wrongExtension = request(quiet_, QStringLiteral("audio-only"), QStringLiteral("news.wav"));
        result = clips::Exporter::exportClip(wrongExtension, {});
        QVERIFY(!result);
        QVERIFY(result.error().messageEn.contains(QLatin1String(".m4a")));

        auto existing = request(quiet_, QStringLiteral("audio-only"), QStringLiteral("only-audio.m4a"));
        const qint64 size = QFileInfo(audio).size();
        result = clips::Exporter::exportClip(existing, {});
        QVERIFY(!result);
        QVERIFY(result.error().messageEn.contains(QLatin1String("already exists")));
        QCOMPARE(QFileInfo(audio).size(), size);
        for (const char* name : {"x.mp4", "y.mp4", "z.mp4", "news.wav"})
            QVERIFY(!QFile::exists(path(QLatin1String(name))));
    }
};

QTEST_GUILESS_MAIN(ExportTest)
#include "tst_export.moc"
