// Trimming recordings and phone clips: where fast cuts land, frame-exact cuts on and between keyframes with
// and without B-frames from Matroska and MP4, sources that must be re-encoded, audio length and sync, and the
// inputs and requests that must fail clearly without touching anything.
#include "clipfixtures.h"
#include "outputfile.h"
#include "sourceinfo.h"
#include "streamcopy.h"
#include "trimmer.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>
#include <gst/gst.h>

using namespace xz;
using xz::testing::ClipSpec;

namespace {

constexpr double kFrame = 1.0 / 30;
constexpr double kAudioFrame = 1024.0 / 48000;

} // namespace

class TrimTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }
    // Made once per suite: 10 s, 320x180, 30 fps, a keyframe every 2 s, AAC tone.
    QString source(const QString& name, ClipSpec spec) {
        const QString file = path(name);
        if (!QFile::exists(file)) {
            const QString error = testing::makeClip(file, spec);
            if (!error.isEmpty())
                qWarning() << error;
        }
        return file;
    }
    ClipSpec spec(ClipSpec::Container container, int bframes) {
        ClipSpec s;
        s.container = container;
        s.bframes = bframes;
        return s;
    }
    clips::TrimRequest request(const QString& input, const QString& output, double in, double out,
                               bool exact) {
        clips::TrimRequest r;
        r.input = input;
        r.output = output;
        r.inSec = in;
        r.outSec = out;
        r.exact = exact;
        return r;
    }
    // The frame numbers (bar codes) of the source pictures shown in [in, out) by the source's own timestamps.
    QList<int> expectedFrames(const QString& source, double in, double out) {
        const QList<double> times = testing::frameTimes(source);
        const QList<int> numbers = testing::decodeFrameNumbers(source, 320, 180);
        QList<int> expected;
        for (int i = 0; i < times.size() && i < numbers.size(); ++i)
            if (times[i] >= in - 0.0005 && times[i] < out - 0.0005)
                expected.append(numbers[i]);
        return expected;
    }
    // The types of an MP4's top-level boxes, in file order.
    static QStringList topLevelBoxes(const QString& file) {
        QFile mp4(file);
        if (!mp4.open(QIODevice::ReadOnly))
            return {};
        QStringList types;
        qint64 at = 0;
        while (at + 8 <= mp4.size() && mp4.seek(at)) {
            const QByteArray header = mp4.read(16);
            if (header.size() < 8)
                break;
            quint64 size = qFromBigEndian<quint32>(header.constData());
            if (size == 1 && header.size() == 16)
                size = qFromBigEndian<quint64>(header.constData() + 8);
            types << QString::fromLatin1(header.mid(4, 4));
            if (size < 8)
                break;
            at += qint64(size);
        }
        return types;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void fastTrimStartsOnTheKeyframeBeforeTheInPointAndSaysSo() {
        const QString input = source(QStringLiteral("studio.mkv"), spec(ClipSpec::Container::Mkv, 0));
        const QString output = path(QStringLiteral("fast.mp4"));
        auto result = clips::Trimmer::trim(request(input, output, 2.5, 5.0, false), {});
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(result->method, clips::TrimResult::Method::StreamCopy);
        QCOMPARE(result->actualIn, 2.0); // keyframes every 2 s
        QVERIFY(!result->notes.isEmpty());
        QVERIFY(result->notes.first().en.contains(QLatin1String("2.000 s")));
        const QList<int> frames = testing::decodeFrameNumbers(output, 320, 180);
        QCOMPARE(frames.value(0), 60);
        QCOMPARE(frames.value(frames.size() - 1), 149);
        QCOMPARE(frames.size(), 90);
        QCOMPARE(result->frames, 90);
        QVERIFY(testing::videoKeyframes(output).value(0));
    }

    // The studio's own recordings (in-order H.264 with AAC in Matroska) go through the one-pipeline copy; its
    // cut is the general trimmer's: keyframe start, whole sound frames, out-point exclusive. An MP4 gets its
    // index at the start, in the room the copy kept for it.
    void aFastTrimOfARecordingIsCopiedInOnePipeline_data() {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<double>("in");
        QTest::addColumn<double>("out");
        QTest::addColumn<int>("firstFrame");
        QTest::addColumn<int>("frameCount");
        QTest::newRow("into an MP4") << QStringLiteral("mp4") << 2.5 << 5.0 << 60 << 90;
        QTest::newRow("into a Matroska file") << QStringLiteral("mkv") << 2.5 << 5.0 << 60 << 90;
        QTest::newRow("to the end, into an MP4") << QStringLiteral("mp4") << 8.5 << -1.0 << 240 << 60;
    }
    void aFastTrimOfARecordingIsCopiedInOnePipeline() {
        QFETCH(QString, extension);
        QFETCH(double, in);
        QFETCH(double, out);
        QFETCH(int, firstFrame);
        QFETCH(int, frameCount);
        const QString input = source(QStringLiteral("studio.mkv"), spec(ClipSpec::Container::Mkv, 0));
        auto probed = clips::SourceProbe::probe(input);
        QVERIFY2(probed, qPrintable(probed.error().toString()));
        auto output =
            clips::OutputFile::prepare(input, path(QStringLiteral("direct.") + extension), true, {extension});
        QVERIFY(output);
        auto copied = clips::StreamCopy::run(request(input, output->finalPath(), in, out, false), *probed,
                                             *output, {}, {});
        QVERIFY2(copied, qPrintable(copied.error().toString()));
        QVERIFY2(copied->has_value(), "handed back to the general trimmer");
        const clips::CopiedSpan& span = **copied;
        const double end = out < 0 ? 10.0 : out;
        QCOMPARE(span.frames, qint64(frameCount));
        QCOMPARE(span.firstPts, qint64(firstFrame) * GST_SECOND / 30);
        QVERIFY(std::abs(double(span.lastEnd) / GST_SECOND - end) < 0.0015);
        QVERIFY(span.audioCopied);
        const double pictures = double(frameCount) / 30;
        QVERIFY2(std::abs(span.audioDurationSec - pictures) <= kAudioFrame,
                 qPrintable(QString::number(span.audioDurationSec)));
        QVERIFY(!span.endedEarly);
        QVERIFY(!output->commit());
        const QList<int> frames = testing::decodeFrameNumbers(output->finalPath(), 320, 180);
        QCOMPARE(frames.size(), frameCount);
        QCOMPARE(frames.value(0), firstFrame);
        QCOMPARE(frames.value(frameCount - 1), firstFrame + frameCount - 1);
        if (extension == QLatin1String("mp4")) {
            // ftyp, the room (free), the index (moov) with the rest of its room, then the samples (mdat).
            const QStringList boxes = topLevelBoxes(output->finalPath());
            const qsizetype moov = boxes.indexOf(QStringLiteral("moov"));
            QVERIFY2(moov > 0 && moov < boxes.indexOf(QStringLiteral("mdat")) &&
                         boxes.indexOf(QStringLiteral("free")) == 1,
                     qPrintable(boxes.join(QLatin1Char(' '))));
        }
    }

    // The room kept for an MP4's index must hold the largest one a stream in order can need: every picture a
    // keyframe, 60 a second (the muxer fails when the index outgrows its room).
    void theIndexRoomHoldsAnAllKeyframeRecordingAtSixtyPicturesASecond() {
        ClipSpec s = spec(ClipSpec::Container::Mkv, 0);
        s.fps = 60;
        s.frames = 600;
        s.keyInterval = 1;
        const QString input = source(QStringLiteral("intra60.mkv"), s);
        auto probed = clips::SourceProbe::probe(input);
        QVERIFY2(probed, qPrintable(probed.error().toString()));
        auto output = clips::OutputFile::prepare(input, path(QStringLiteral("intra60.mp4")), true,
                                                 {QStringLiteral("mp4")});
        QVERIFY(output);
        auto copied = clips::StreamCopy::run(request(input, output->finalPath(), 0.5, 9.5, false), *probed,
                                             *output, {}, {});
        QVERIFY2(copied, qPrintable(copied.error().toString()));
        QVERIFY2(copied->has_value(), "handed back to the general trimmer");
        QCOMPARE((*copied)->frames, qint64(540));
        QVERIFY(!output->commit());
        QCOMPARE(testing::frameTimes(output->finalPath()).size(), 540);
    }

    // Reordered pictures (B-frames) need decode times rebuilt: the one-pipeline copy hands them back, and the
    // general trimmer's fast cut still starts on a keyframe with every picture in place.
    void aFastTrimOfReorderedPicturesGoesThroughTheGeneralTrimmer() {
        const QString input = source(QStringLiteral("reordered.mkv"), spec(ClipSpec::Container::Mkv, 2));
        auto probed = clips::SourceProbe::probe(input);
        QVERIFY(probed);
        auto output = clips::OutputFile::prepare(input, path(QStringLiteral("direct-b.mp4")), true,
                                                 {QStringLiteral("mp4")});
        QVERIFY(output);
        auto copied = clips::StreamCopy::run(request(input, output->finalPath(), 2.5, 5.0, false), *probed,
                                             *output, {}, {});
        QVERIFY2(copied, qPrintable(copied.error().toString()));
        QVERIFY(!copied->has_value());
        auto result =
            clips::Trimmer::trim(request(input, path(QStringLiteral("fast-b.mp4")), 2.5, 5.0, false), {});
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(result->method, clips::TrimResult::Method::StreamCopy);
        QCOMPARE(result->actualIn, 2.0);
        const QList<int> frames = testing::decodeFrameNumbers(result->output, 320, 180);
        QCOMPARE(frames.value(0), 60);
        // Copied in decode order up to the out-point: a reordered picture just past it may come along.
        QVERIFY2(frames.size() >= 90 && frames.size() <= 92, qPrintable(QString::number(frames.size())));
    }

    void aFastTrimPastWhereATruncatedRecordingEndsSaysItIsIncomplete() {
        const QString good = source(QStringLiteral("studio.mkv"), spec(ClipSpec::Container::Mkv, 0));
        const QString input = path(QStringLiteral("half.mkv"));
        {
            QFile original(good);
            QVERIFY(original.open(QIODevice::ReadOnly));
            QFile file(input);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(original.read(original.size() / 2)); // a recording cut off half way
        }
        const QString output = path(QStringLiteral("never-half.mp4"));
        auto result = clips::Trimmer::trim(request(input, output, 1.0, 9.0, false), {});
        QVERIFY(!result);
        QVERIFY2(result.error().messageEn.contains(QLatin1String("incomplete")) ||
                     result.error().messageEn.contains(QLatin1String("damaged")),
                 qPrintable(result.error().toString()));
        QVERIFY(!QFile::exists(output));
        QCOMPARE(
            QDir(dir_.path()).entryList({QStringLiteral(".*partial*")}, QDir::Files | QDir::Hidden).size(),
            0);
    }

    void fastTrimOnAKeyframeSaysNothingAboutLanding() {
        const QString input = source(QStringLiteral("studio.mkv"), spec(ClipSpec::Container::Mkv, 0));
        auto result = clips::Trimmer::trim(
            request(input, path(QStringLiteral("fast-on-key.mkv")), 4.0, 6.0, false), {});
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(result->actualIn, 4.0);
        QVERIFY(result->notes.isEmpty());
        QCOMPARE(testing::decodeFrameNumbers(result->output, 320, 180).value(0), 120);
    }

    // libobs records through ffmpeg's Matroska muxer, which leaves the AAC blocks without durations; the cut
    // must still count whole frames of sound.
    void anExactTrimOfARecordingFfmpegMuxedKeepsTheSoundAsLongAsThePictures() {
        const QString gstreamerMkv =
            source(QStringLiteral("src-ffmpeg-base.mkv"), spec(ClipSpec::Container::Mkv, 0));
        const QString input = path(QStringLiteral("src-ffmpeg-muxed.mkv"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"), {QStringLiteral("-loglevel"), QStringLiteral("error"),
                                                QStringLiteral("-y"), QStringLiteral("-i"), gstreamerMkv,
                                                QStringLiteral("-c"), QStringLiteral("copy"), input});
        QVERIFY(ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0);
        const QString output = path(QStringLiteral("exact-from-ffmpeg-mkv.mp4"));
        auto result = clips::Trimmer::trim(request(input, output, 2.5, 5.0, true), {});
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(testing::decodeFrameNumbers(output, 320, 180).size(), 75);
        QVERIFY2(std::abs(result->audioDurationSec - 2.5) <= kAudioFrame + 0.001,
                 qPrintable(QString::number(result->audioDurationSec)));
        const double audioSec = double(testing::decodeAudio(output).size()) / 48000;
        QVERIFY2(std::abs(audioSec - 2.5) <= kAudioFrame + 0.001, qPrintable(QString::number(audioSec)));
    }
    void exactTrimHoldsExactlyTheRequestedFrames_data() {
        QTest::addColumn<int>("container");
        QTest::addColumn<int>("bframes");
        QTest::addColumn<double>("in");
        QTest::addColumn<double>("out");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<int>("method");
        const int smart = int(clips::TrimResult::Method::SmartCut);
        const int reencode = int(clips::TrimResult::Method::Reencode);
        const int mkv = int(ClipSpec::Container::Mkv), mp4 = int(ClipSpec::Container::Mp4);
        QTest::newRow("mkv, between keyframes (2.5 to 5.0 = frames 75..149)")
            << mkv << 0 << 2.5 << 5.0 << "mp4" << smart;
        QTest::newRow("mkv, in on a keyframe") << mkv << 0 << 4.0 << 7.5 << "mp4" << smart;
        QTest::newRow("mkv, inside one GOP") << mkv << 0 << 2.2 << 3.1 << "mkv" << smart;
        QTest::newRow("mkv with B-frames") << mkv << 2 << 2.5 << 5.0 << "mp4" << reencode;
        QTest::newRow("mp4, between keyframes") << mp4 << 0 << 2.5 << 5.0 << "mp4" << smart;
        QTest::newRow("mp4, in on a keyframe") << mp4 << 0 << 6.0 << 8.0 << "mkv" << smart;
        QTest::newRow("mp4 with B-frames, between keyframes") << mp4 << 2 << 3.3 << 6.6 << "mp4" << reencode;
        QTest::newRow("mp4 with B-frames, on a keyframe") << mp4 << 2 << 4.0 << 6.0 << "mp4" << reencode;
    }
    void exactTrimHoldsExactlyTheRequestedFrames() {
        QFETCH(int, container);
        QFETCH(int, bframes);
        QFETCH(double, in);
        QFETCH(double, out);
        QFETCH(QString, extension);
        QFETCH(int, method);
        const auto kind = ClipSpec::Container(container);
        const QString input =
            source(QStringLiteral("src-%1-b%2.%3")
                       .arg(container)
                       .arg(bframes)
                       .arg(kind == ClipSpec::Container::Mkv ? QStringLiteral("mkv") : QStringLiteral("mp4")),
                   spec(kind, bframes));
        const QString output = path(QStringLiteral("exact-%1-%2-%3-%4.%5")
                                        .arg(container)
                                        .arg(bframes)
                                        .arg(in)
                                        .arg(out)
                                        .arg(extension));
        auto result = clips::Trimmer::trim(request(input, output, in, out, true), {});
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(int(result->method), method);
        const QList<int> expected = expectedFrames(input, in, out);
        QVERIFY(!expected.isEmpty());
        const QList<int> frames = testing::decodeFrameNumbers(output, 320, 180);
        QCOMPARE(frames, expected);
        QCOMPARE(result->frames, qint64(expected.size()));
        // Every picture is on the clip's own timeline, starting at zero, a frame apart.
        const QList<double> times = testing::frameTimes(output);
        QVERIFY(!times.isEmpty());
        QVERIFY2(std::abs(times.first()) < 0.002 || bframes > 0 || kind == ClipSpec::Container::Mp4,
                 qPrintable(QString::number(times.first())));
        for (int i = 1; i < times.size(); ++i)
            QVERIFY2(std::abs(times[i] - times[i - 1] - kFrame) < 0.002,
                     qPrintable(QStringLiteral("step at %1").arg(i)));
        // The sound is as long as the pictures, within one AAC frame.
        const double audioSec = double(testing::decodeAudio(output).size()) / 48000;
        const double videoSec = expected.size() * kFrame;
        QVERIFY2(std::abs(audioSec - videoSec) <= kAudioFrame + 0.001,
                 qPrintable(QStringLiteral("audio %1 s, video %2 s").arg(audioSec).arg(videoSec)));
        if (method == int(clips::TrimResult::Method::Reencode))
            QVERIFY(std::any_of(result->notes.begin(), result->notes.end(), [](const clips::ClipNote& note) {
                return note.en.contains(QLatin1String("B-frames"));
            }));
    }

    void smartCutReencodesOnlyUpToTheNextKeyframe() {
        const QString input = source(QStringLiteral("studio.mkv"), spec(ClipSpec::Container::Mkv, 0));
        auto result =
            clips::Trimmer::trim(request(input, path(QStringLiteral("smart.mp4")), 2.5, 7.0, true), {});
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(result->frames, 135);
        QCOMPARE(result->reencodedFrames, 45); // 2.5 s .. 4.0 s
        // One IDR for the re-encoded head and the source's own IDRs at 4 s and 6 s.
        const QList<bool> keys = testing::videoKeyframes(result->output);
        QCOMPARE(keys.count(true), 3);
    }

    void tenBitAndVariableRateSourcesAreReencodedWholeWithANote_data() {
        QTest::addColumn<bool>("tenBit");
        QTest::addColumn<bool>("variableRate");
        QTest::addColumn<QString>("reason");
        QTest::newRow("10-bit") << true << false << "10-bit";
        QTest::newRow("variable frame rate") << false << true << "variable frame rate";
    }
    void tenBitAndVariableRateSourcesAreReencodedWholeWithANote() {
        QFETCH(bool, tenBit);
        QFETCH(bool, variableRate);
        QFETCH(QString, reason);
        ClipSpec s = spec(ClipSpec::Container::Mp4, 0);
        s.tenBit = tenBit;
        s.variableRate = variableRate;
        s.frames = 150;
        const QString input = source(QStringLiteral("phone-%1-%2.mp4").arg(tenBit).arg(variableRate), s);
        auto result = clips::Trimmer::trim(
            request(input, path(QStringLiteral("phone-%1.mp4").arg(tenBit)), 1.1, 3.9, true), {});
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(result->method, clips::TrimResult::Method::Reencode);
        const bool explained =
            std::any_of(result->notes.begin(), result->notes.end(),
                        [&](const clips::ClipNote& note) { return note.en.contains(reason); });
        QVERIFY2(explained, qPrintable(result->notes.first().en));
        const QList<int> expected = expectedFrames(input, 1.1, 3.9);
        const QList<int> frames = testing::decodeFrameNumbers(result->output, 320, 180);
        QCOMPARE(result->frames, qint64(expected.size()));
        if (variableRate) {
            // Known: ffmpeg shows one picture less of a variable-rate MP4 written by mp4mux (the last one);
            // every picture it shows is the right one.
            QVERIFY(frames.size() >= expected.size() - 1);
            QCOMPARE(frames, expected.mid(0, frames.size()));
        } else {
            QCOMPARE(frames, expected);
        }
    }

    void flashAndBeepStayInSyncWithinOneFrame() {
        ClipSpec s = spec(ClipSpec::Container::Mkv, 0);
        s.audio = ClipSpec::Audio::Beeps;
        s.flashFrames = {20, 85, 130, 200, 260};
        const QString input = source(QStringLiteral("sync.mkv"), s);
        for (bool exact : {true, false}) {
            auto result = clips::Trimmer::trim(
                request(input, path(QStringLiteral("sync-%1.mp4").arg(exact)), 2.3, 9.1, exact), {});
            QVERIFY2(result, qPrintable(result.error().toString()));
            const QList<double> flashes = testing::flashTimes(result->output, 320, 180);
            const QList<double> beeps = testing::beepTimes(testing::decodeAudio(result->output));
            QCOMPARE(flashes.size(), 4); // frames 85, 130, 200 and 260
            QCOMPARE(beeps.size(), flashes.size());
            for (int i = 0; i < flashes.size(); ++i)
                QVERIFY2(std::abs(flashes[i] - beeps[i]) < kFrame,
                         qPrintable(QStringLiteral("flash %1 s, beep %2 s").arg(flashes[i]).arg(beeps[i])));
        }
    }

    void aChineseFileNameWorks() {
        const QString input =
            source(QStringLiteral("齐悦美食汇 第12期.mkv"), spec(ClipSpec::Container::Mkv, 0));
        const QString output = path(QStringLiteral("切菜 片段.mp4"));
        auto result = clips::Trimmer::trim(request(input, output, 1.0, 3.0, true), {});
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(testing::decodeFrameNumbers(output, 320, 180).size(), 60);
    }

    void badInputsFailClearly_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("in");
        QTest::addColumn<double>("out");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << "missing" << 1.0 << 2.0 << "file not found";
        QTest::newRow("zero-length") << "empty" << 1.0 << 2.0 << "empty (0 bytes)";
        QTest::newRow("corrupt") << "corrupt" << 1.0 << 2.0 << "cannot read this file";
        QTest::newRow("audio only") << "audio" << 1.0 << 2.0 << "no video to trim";
        QTest::newRow("in after out") << "good" << 5.0 << 2.0 << "must come after the start";
        QTest::newRow("in equals out") << "good" << 3.0 << 3.0 << "must come after the start";
        QTest::newRow("start past the end") << "good" << 12.0 << 14.0 << "past the end of the recording";
        QTest::newRow("end past the end") << "good" << 5.0 << 30.0 << "past the end of the recording";
        QTest::newRow("negative start") << "good" << -1.0 << 3.0 << "cannot be negative";
        QTest::newRow("truncated") << "truncated" << 1.0 << 9.0 << "";
    }
    void badInputsFailClearly() {
        QFETCH(QString, kind);
        QFETCH(double, in);
        QFETCH(double, out);
        QFETCH(QString, expected);
        QString input = path(QStringLiteral("bad-%1.mkv").arg(kind));
        const QString good = source(QStringLiteral("studio.mkv"), spec(ClipSpec::Container::Mkv, 0));
        if (kind == QLatin1String("good")) {
            input = good;
        } else if (kind == QLatin1String("empty")) {
            QFile(input).open(QIODevice::WriteOnly);
        } else if (kind == QLatin1String("corrupt")) {
            QFile file(input);
            file.open(QIODevice::WriteOnly);
            file.write(QByteArray(200000, 'x'));
        } else if (kind == QLatin1String("audio")) {
            ClipSpec s;
            s.frames = 0;
            input = path(QStringLiteral("audio-only.m4a"));
            QVERIFY(QProcess::execute(
                        QStringLiteral("gst-launch-1.0"),
                        {QStringLiteral("-q"), QStringLiteral("audiotestsrc"),
                         QStringLiteral("num-buffers=200"), QStringLiteral("!"), QStringLiteral("avenc_aac"),
                         QStringLiteral("!"), QStringLiteral("mp4mux"), QStringLiteral("!"),
                         QStringLiteral("filesink"), QStringLiteral("location=") + input}) == 0);
        } else if (kind == QLatin1String("truncated")) {
            QFile original(good);
            QVERIFY(original.open(QIODevice::ReadOnly));
            QFile file(input);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(original.read(original.size() / 2)); // a recording cut off half way
        }
        const QString output = path(QStringLiteral("never-%1.mp4").arg(kind));
        auto result = clips::Trimmer::trim(request(input, output, in, out, true), {});
        QVERIFY(!result);
        QVERIFY2(!result.error().messageZh.isEmpty(), "a Chinese message");
        if (kind == QLatin1String("truncated"))
            QVERIFY2(result.error().messageEn.contains(QLatin1String("incomplete")) ||
                         result.error().messageEn.contains(QLatin1String("damaged")),
                     qPrintable(result.error().toString()));
        else
            QVERIFY2(result.error().messageEn.contains(expected), qPrintable(result.error().toString()));
        QVERIFY(!QFile::exists(output));
        QCOMPARE(
            QDir(dir_.path()).entryList({QStringLiteral(".*partial*")}, QDir::Files | QDir::Hidden).size(),
            0);
    }

    void anExistingOutputIsNeverOverwrittenUnlessAsked() {
        const QString input = source(QStringLiteral("studio.mkv"), spec(ClipSpec::Container::Mkv, 0));
        const QString output = path(QStringLiteral("keep.mp4"));
        {
            QFile file(output);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("precious");
        }
        auto refused = clips::Trimmer::trim(request(input, output, 1, 2, false), {});
        QVERIFY(!refused);
        QVERIFY(refused.error().messageEn.contains(QLatin1String("already exists")));
        QFile kept(output);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("precious"));
        kept.close();
        auto again = request(input, output, 1, 2, false);
        again.overwrite = true;
        auto replaced = clips::Trimmer::trim(again, {});
        QVERIFY2(replaced, qPrintable(replaced.error().toString()));
        QVERIFY(QFileInfo(output).size() > 1000);
        // Nor is the input ever the output.
        auto self = request(input, input, 1, 2, false);
        self.overwrite = true;
        QVERIFY(!clips::Trimmer::trim(self, {}));
        QVERIFY(QFileInfo(input).size() > 10000);
    }

    void cancellingRemovesThePartialOutput_data() {
        QTest::addColumn<bool>("exact");
        QTest::newRow("fast") << false;
        QTest::newRow("exact") << true;
    }
    void cancellingRemovesThePartialOutput() {
        QFETCH(bool, exact);
        const QString input = source(QStringLiteral("studio.mkv"), spec(ClipSpec::Container::Mkv, 0));
        const QString output = path(QStringLiteral("cancelled-%1.mp4").arg(exact));
        clips::CancelToken cancel;
        auto result =
            clips::Trimmer::trim(request(input, output, 0.5, 9.5, exact), cancel, [&](double fraction) {
                if (fraction > 0.05)
                    cancel.cancel();
            });
        QVERIFY(!result);
        QVERIFY2(result.error().messageEn.contains(QLatin1String("cancelled")),
                 qPrintable(result.error().toString()));
        QVERIFY(!QFile::exists(output));
        QCOMPARE(
            QDir(dir_.path()).entryList({QStringLiteral(".*partial*")}, QDir::Files | QDir::Hidden).size(),
            0);
    }
};

QTEST_GUILESS_MAIN(TrimTest)
#include "tst_trim.moc"
