// The capture plugin's decisions that need no display: how a description becomes a pipeline, what presets
// expand to, which errors a volunteer sees for a bad pipeline, and how colour is mapped.
#include "devicemonitor.h"
#include "framemapping.h"
#include "gstcapture.h"
#include "gstinit.h"
#include "gstptr.h"
#include "launchplan.h"
#include "presets.h"

#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <gst/app/gstappsink.h>

using namespace xz::capture;

class CapturePlanTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { xz::gst::ensureGstInitialised(); }

    void anOpenVideoBranchDeliversPicturesToThePluginsVideoSink();
    void aMicrophoneBranchDeliversFloatSoundToThePluginsAudioSink();
    void namedSinksGiveOneSourceBothAudioAndVideo();
    void aPictureWithSoundThatNeverComesStillPrerolls();
    void branchesThatHaveThreadsAlreadyGetNoExtraQueue();
    void descriptionsThatCannotWorkAreRefusedBeforeParsing();
    void presetsExpandToPipelinesThatParse();
    void badPresetSpecsNameTheProblem();
    void badPipelinesGivePreciseErrors_data();
    void badPipelinesGivePreciseErrors();
    void colourRangeAndMatrixFollowTheNegotiatedCaps();
    void deviceListingWorksOnAMachineWithoutDevices();
};

namespace {

using xz::gst::ElementPtr;

// The plan as GStreamer builds it: what the source will really run.
ElementPtr build(const LaunchPlan& plan) {
    GError* error = nullptr;
    ElementPtr pipeline(gst_parse_launch(plan.description.toUtf8().constData(), &error));
    if (error) {
        qWarning("%s: %s", qPrintable(plan.description), error->message);
        g_error_free(error);
    }
    return pipeline;
}

// Elements made by `factory` anywhere in the pipeline, bins included.
QList<GstElement*> elementsMadeBy(GstElement* pipeline, const char* factory) {
    QList<GstElement*> found;
    GstIterator* it = gst_bin_iterate_recurse(GST_BIN(pipeline));
    GValue item = G_VALUE_INIT;
    while (gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
        auto* element = GST_ELEMENT(g_value_get_object(&item));
        GstElementFactory* made = gst_element_get_factory(element);
        if (made && qstrcmp(GST_OBJECT_NAME(made), factory) == 0)
            found.append(element);
        g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(it);
    return found;
}

// Plays the pipeline and pulls the first sample from the plugin's sink `name`: its caps, or empty.
QString firstSampleCaps(GstElement* pipeline, const char* name) {
    xz::gst::ElementPtr sink(gst_bin_get_by_name(GST_BIN(pipeline), name));
    if (!sink)
        return QString();
    gst_element_set_state(pipeline, GST_STATE_PLAYING);
    GstSample* sample = gst_app_sink_try_pull_sample(GST_APP_SINK(sink.get()), 20 * GST_SECOND);
    QString caps;
    if (sample) {
        xz::gst::GCharPtr text(gst_caps_to_string(gst_sample_get_caps(sample)));
        caps = QString::fromUtf8(text.get());
        gst_sample_unref(sample);
    }
    gst_element_set_state(pipeline, GST_STATE_NULL);
    return caps;
}

} // namespace

void CapturePlanTest::anOpenVideoBranchDeliversPicturesToThePluginsVideoSink() {
    CaptureError error;
    const auto plan = planLaunch(QStringLiteral("  videotestsrc num-buffers=30 "), MediaKind::Video, &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    QVERIFY(plan->video && !plan->audio);
    ElementPtr pipeline = build(*plan);
    QVERIFY(pipeline);
    QVERIFY(firstSampleCaps(pipeline.get(), kVideoSinkName).startsWith(QLatin1String("video/x-raw")));
}

void CapturePlanTest::aMicrophoneBranchDeliversFloatSoundToThePluginsAudioSink() {
    CaptureError error;
    const auto plan = planLaunch(QStringLiteral("audiotestsrc num-buffers=30"), MediaKind::Audio, &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    QVERIFY(!plan->video && plan->audio);
    ElementPtr pipeline = build(*plan);
    QVERIFY(pipeline);
    // libobs mixes float: the sink hands it 32-bit float samples whatever the device gives.
    const QString caps = firstSampleCaps(pipeline.get(), kAudioSinkName);
    QVERIFY2(caps.startsWith(QLatin1String("audio/x-raw")) && caps.contains(QLatin1String("F32LE")),
             qPrintable(caps));
}

void CapturePlanTest::namedSinksGiveOneSourceBothAudioAndVideo() {
    CaptureError error;
    const auto plan =
        planLaunch(QStringLiteral("videotestsrc num-buffers=30 ! vsink.  audiotestsrc ! asink."),
                   MediaKind::Video, &error);
    QVERIFY(plan);
    QVERIFY(plan->video && plan->audio);
    QVERIFY(!checkDevice(QStringLiteral("videotestsrc ! vsink.  audiotestsrc ! asink.")));
    ElementPtr pipeline = build(*plan);
    QVERIFY(pipeline);
    QVERIFY(firstSampleCaps(pipeline.get(), kVideoSinkName).startsWith(QLatin1String("video/x-raw")));
    QVERIFY(firstSampleCaps(pipeline.get(), kAudioSinkName).startsWith(QLatin1String("audio/x-raw")));
}

void CapturePlanTest::aPictureWithSoundThatNeverComesStillPrerolls() {
    // A file may have no sound although the camera asks for it: the picture alone must bring the pipeline
    // to PAUSED (the sound branch stays out of the preroll), or the camera would wait forever.
    CaptureError error;
    const auto plan =
        planLaunch(QStringLiteral("videotestsrc ! vsink.  audiotestsrc ! valve drop=true ! asink."),
                   MediaKind::Video, &error);
    QVERIFY(plan);
    ElementPtr pipeline = build(*plan);
    QVERIFY(pipeline);
    gst_element_set_state(pipeline.get(), GST_STATE_PAUSED);
    GstState state = GST_STATE_NULL;
    const GstStateChangeReturn result =
        gst_element_get_state(pipeline.get(), &state, nullptr, 20 * GST_SECOND);
    gst_element_set_state(pipeline.get(), GST_STATE_NULL);
    QCOMPARE(result, GST_STATE_CHANGE_SUCCESS);
    QCOMPARE(state, GST_STATE_PAUSED);
}

void CapturePlanTest::branchesThatHaveThreadsAlreadyGetNoExtraQueue() {
    CaptureError error;
    const QString decoded =
        QStringLiteral("filesrc location=a.mkv ! decodebin name=d  d. ! vsink.  d. ! asink.");
    const auto own = planLaunch(decoded, MediaKind::Video, &error);
    const auto shared = planLaunch(decoded, MediaKind::Video, &error, BranchThreads::FromDescription);
    QVERIFY(own && shared);
    // Counted in the pipeline GStreamer builds: a queue per sink for live sources, none behind decodebin.
    ElementPtr ownPipeline = build(*own);
    ElementPtr sharedPipeline = build(*shared);
    QVERIFY(ownPipeline && sharedPipeline);
    QCOMPARE(elementsMadeBy(ownPipeline.get(), "queue").size(), 2);
    QCOMPARE(elementsMadeBy(sharedPipeline.get(), "queue").size(), 0);
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
    // What the built pipeline will do: listen for the phone on the port asked for; record from the ALSA card.
    const auto srt = resolveDevice(QStringLiteral("preset:srt-listener port=9000"), &error);
    ElementPtr phone = build(*planLaunch(srt->description, srt->kind, &error, srt->threads));
    QVERIFY(phone);
    const QList<GstElement*> srtSources = elementsMadeBy(phone.get(), "srtsrc");
    QCOMPARE(srtSources.size(), 1);
    gchar* uri = nullptr;
    g_object_get(srtSources.first(), "uri", &uri, nullptr);
    const QUrl listening(QString::fromUtf8(uri));
    g_free(uri);
    QCOMPARE(listening.port(), 9000);
    QCOMPARE(QUrlQuery(listening).queryItemValue(QStringLiteral("mode")), QStringLiteral("listener"));
    const auto mic = resolveDevice(QStringLiteral("preset:microphone api=alsa device=hw:1"), &error);
    QCOMPARE(mic->kind, MediaKind::Audio);
    ElementPtr card = build(*planLaunch(mic->description, mic->kind, &error, mic->threads));
    QVERIFY(card);
    const QList<GstElement*> alsa = elementsMadeBy(card.get(), "alsasrc");
    QCOMPARE(alsa.size(), 1);
    gchar* device = nullptr;
    g_object_get(alsa.first(), "device", &device, nullptr);
    QCOMPARE(QString::fromUtf8(device), QStringLiteral("hw:1"));
    g_free(device);
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
