// The capture plugin's decisions that need no display: how a description becomes a pipeline, what presets
// expand to, which errors a volunteer sees for a bad pipeline, and how colour is mapped.
#include "devicemonitor.h"
#include "framemapping.h"
#include "gstcapture.h"
#include "gstinit.h"
#include "launchplan.h"
#include "presets.h"

#include <QTest>

using namespace xz::capture;

class CapturePlanTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { xz::gst::ensureGstInitialised(); }

    void anOpenVideoBranchGetsTheVideoSinkAppended();
    void aMicrophoneBranchGetsTheAudioSinkAppended();
    void namedSinksGiveOneSourceBothAudioAndVideo();
    void branchesThatHaveThreadsAlreadyGetNoExtraQueue();
    void descriptionsThatCannotWorkAreRefusedBeforeParsing();
    void presetsExpandToPipelinesThatParse();
    void badPresetSpecsNameTheProblem();
    void badPipelinesGivePreciseErrors_data();
    void badPipelinesGivePreciseErrors();
    void colourRangeAndMatrixFollowTheNegotiatedCaps();
    void deviceListingWorksOnAMachineWithoutDevices();
};

void CapturePlanTest::anOpenVideoBranchGetsTheVideoSinkAppended() {
    CaptureError error;
    const auto plan = planLaunch(QStringLiteral("  v4l2src device=/dev/video0 "), MediaKind::Video, &error);
    QVERIFY(plan);
    QVERIFY(plan->video && !plan->audio);
    QVERIFY(plan->description.startsWith(QLatin1String("v4l2src device=/dev/video0 ! ")));
    QVERIFY(plan->description.contains(QLatin1String("appsink name=xz_video")));
}

void CapturePlanTest::aMicrophoneBranchGetsTheAudioSinkAppended() {
    CaptureError error;
    const auto plan = planLaunch(QStringLiteral("pulsesrc"), MediaKind::Audio, &error);
    QVERIFY(plan);
    QVERIFY(!plan->video && plan->audio);
    QVERIFY(plan->description.contains(QLatin1String("appsink name=xz_audio")));
    QVERIFY(plan->description.contains(QLatin1String("F32LE")));
}

void CapturePlanTest::namedSinksGiveOneSourceBothAudioAndVideo() {
    CaptureError error;
    const auto plan =
        planLaunch(QStringLiteral("videotestsrc ! vsink.  audiotestsrc ! asink."), MediaKind::Video, &error);
    QVERIFY(plan);
    QVERIFY(plan->video && plan->audio);
    QVERIFY(!checkDevice(QStringLiteral("videotestsrc ! vsink.  audiotestsrc ! asink.")));
    // Beside a picture, the sound stays out of the preroll (a file may have none).
    QVERIFY(plan->description.contains(
        QLatin1String("name=xz_audio sync=true max-buffers=8 drop=true async=false")));
}

void CapturePlanTest::branchesThatHaveThreadsAlreadyGetNoExtraQueue() {
    CaptureError error;
    const QString decoded =
        QStringLiteral("filesrc location=a.mkv ! decodebin name=d  d. ! vsink.  d. ! asink.");
    const auto own = planLaunch(decoded, MediaKind::Video, &error);
    QCOMPARE(own->description.count(QLatin1String("queue")), 2);
    const auto shared = planLaunch(decoded, MediaKind::Video, &error, BranchThreads::FromDescription);
    QVERIFY(shared);
    QCOMPARE(shared->description.count(QLatin1String("queue")), 0);
    QVERIFY(shared->description.contains(QLatin1String("videoconvert name=vsink")));
    QVERIFY(shared->description.contains(QLatin1String("audioconvert name=asink")));
    QVERIFY(!checkDevice(QStringLiteral("preset:media-file audio=1 path=/tmp/x.mkv")));
    const auto file = resolveDevice(QStringLiteral("preset:media-file path=/tmp/x.mkv"), &error);
    QCOMPARE(file->threads, BranchThreads::FromDescription);
    const auto phone = resolveDevice(QStringLiteral("preset:srt-listener port=9000"), &error);
    QCOMPARE(phone->threads, BranchThreads::Own);
}

void CapturePlanTest::descriptionsThatCannotWorkAreRefusedBeforeParsing() {
    CaptureError error;
    QVERIFY(!planLaunch(QStringLiteral("   "), MediaKind::Video, &error));
    QVERIFY(error.permanent);
    QVERIFY(error.messageEn.contains(QLatin1String("empty")));
    QVERIFY(!planLaunch(QStringLiteral("videotestsrc !"), MediaKind::Video, &error));
    QVERIFY(error.messageEn.contains(QLatin1String("must not end with '!'")));
    QVERIFY(!planLaunch(QStringLiteral("videotestsrc ! appsink"), MediaKind::Video, &error));
    QVERIFY(error.messageEn.contains(QLatin1String("appsink")));
}

void CapturePlanTest::presetsExpandToPipelinesThatParse() {
    const QStringList specs = {
        QStringLiteral("preset:test-pattern"),
        QStringLiteral("preset:test-pattern pattern=ball width=640 height=360 fps=25"),
        QStringLiteral("preset:usb-camera device=/dev/video0 width=1280 height=720 fps=30 format=mjpeg"),
        QStringLiteral("preset:microphone"),
        QStringLiteral("preset:srt-listener port=9000"),
        QStringLiteral("preset:srt-listener port=9000 latency=200 audio=1"),
        QStringLiteral("preset:rtmp-pull url=rtmp://127.0.0.1/live/phone"),
        QStringLiteral("preset:media-file path=\"/tmp/a clip.mp4\""),
    };
    for (const QString& spec : specs) {
        CaptureError error;
        const auto recipe = resolveDevice(spec, &error);
        QVERIFY2(recipe, qPrintable(spec + QStringLiteral(": ") + error.toString()));
        const auto problem = checkDevice(spec);
        QVERIFY2(!problem,
                 qPrintable(spec + QStringLiteral(": ") + (problem ? problem->toString() : QString())));
    }
    CaptureError error;
    const auto srt = resolveDevice(QStringLiteral("preset:srt-listener port=9000"), &error);
    QVERIFY(srt->description.contains(QLatin1String("srt://127.0.0.1:9000?mode=listener")));
    const auto mic = resolveDevice(QStringLiteral("preset:microphone api=alsa device=hw:1"), &error);
    QCOMPARE(mic->kind, MediaKind::Audio);
    QVERIFY(mic->description.startsWith(QLatin1String("alsasrc")));
    const auto file = resolveDevice(QStringLiteral("preset:media-file path=/tmp/x.mp4"), &error);
    QVERIFY(file->loop);
}

void CapturePlanTest::badPresetSpecsNameTheProblem() {
    CaptureError error;
    QVERIFY(!resolveDevice(QStringLiteral("preset:webcam"), &error));
    QVERIFY2(error.messageEn.contains(QLatin1String("unknown preset 'webcam'")) &&
                 error.messageEn.contains(QLatin1String("srt-listener")),
             qPrintable(error.toString()));
    QVERIFY(!resolveDevice(QStringLiteral("preset:srt-listener"), &error));
    QVERIFY2(error.messageEn.contains(QLatin1String("needs port=")), qPrintable(error.toString()));
    QVERIFY(!resolveDevice(QStringLiteral("preset:srt-listener port=99999"), &error));
    QVERIFY2(error.messageEn.contains(QLatin1String("port must be a whole number from 1 to 65535")),
             qPrintable(error.toString()));
    QVERIFY(!resolveDevice(QStringLiteral("preset:usb-camera device=/dev/video0 colour=red"), &error));
    QVERIFY2(error.messageEn.contains(QLatin1String("does not take 'colour=red'")),
             qPrintable(error.toString()));
    QVERIFY(!resolveDevice(QStringLiteral("preset:rtmp-pull url=http://x"), &error));
    QVERIFY(error.permanent);
}

void CapturePlanTest::badPipelinesGivePreciseErrors_data() {
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syntax error") << QStringLiteral("videotestsrc ! ! videoconvert")
                                  << QStringLiteral("syntax error");
    QTest::newRow("unknown element") << QStringLiteral("nosuchcamerasrc")
                                     << QStringLiteral("unknown element");
    QTest::newRow("unknown property")
        << QStringLiteral("videotestsrc colour=red") << QStringLiteral("invalid property");
    QTest::newRow("bad caps") << QStringLiteral("videotestsrc ! video/x-raw,width=notanumber")
                              << QStringLiteral("capture pipeline");
}

void CapturePlanTest::badPipelinesGivePreciseErrors() {
    QFETCH(QString, device);
    QFETCH(QString, expected);
    const auto error = checkDevice(device);
    QVERIFY2(error, qPrintable(device));
    QVERIFY2(error->messageEn.contains(expected), qPrintable(error->toString()));
    QVERIFY(!error->messageZh.isEmpty());
    QVERIFY(!error->detail.isEmpty());
    QVERIFY(error->permanent);
}

void CapturePlanTest::colourRangeAndMatrixFollowTheNegotiatedCaps() {
    GstVideoInfo sd;
    gst_video_info_set_format(&sd, GST_VIDEO_FORMAT_I420, 640, 360);
    gst_video_colorimetry_from_string(&sd.colorimetry, "bt601");
    GstVideoInfo hd = sd;
    gst_video_colorimetry_from_string(&hd.colorimetry, "bt709");
    GstVideoInfo full = hd;
    full.colorimetry.range = GST_VIDEO_COLOR_RANGE_0_255;
    const auto a = frameLayoutFor(sd);
    const auto b = frameLayoutFor(hd);
    const auto c = frameLayoutFor(full);
    QVERIFY(a && b && c);
    QCOMPARE(a->format, VIDEO_FORMAT_I420);
    QVERIFY(!a->fullRange && !b->fullRange && c->fullRange);
    // BT.601 and BT.709 differ in how much V feeds red; full range scales luma differently.
    QVERIFY(qAbs(a->colorMatrix[2] - b->colorMatrix[2]) > 0.05f);
    QVERIFY(qAbs(b->colorMatrix[0] - c->colorMatrix[0]) > 0.05f);
    GstVideoInfo rgb;
    gst_video_info_set_format(&rgb, GST_VIDEO_FORMAT_BGRA, 64, 64);
    QCOMPARE(frameLayoutFor(rgb)->format, VIDEO_FORMAT_BGRA);
    QVERIFY(frameLayoutFor(rgb)->fullRange);
    GstVideoInfo unsupported;
    gst_video_info_set_format(&unsupported, GST_VIDEO_FORMAT_v210, 64, 64);
    QVERIFY(!frameLayoutFor(unsupported));
}

void CapturePlanTest::deviceListingWorksOnAMachineWithoutDevices() {
    const QList<CaptureDevice> devices = DeviceMonitor::listDevices();
    for (const CaptureDevice& device : devices) {
        QVERIFY(!device.name.isEmpty());
        QVERIFY(device.deviceClass.contains(QLatin1String("Source")));
    }
    DeviceMonitor monitor([](const CaptureDevice&, bool) {});
    monitor.start();
    QCOMPARE(monitor.devices().size(), devices.size());
}

QTEST_GUILESS_MAIN(CapturePlanTest)
#include "tst_captureplan.moc"
