// Microphones plugged in and pulled out for real: a private PulseAudio server whose null sources appear and
// vanish the way USB microphones do, watched by the device monitor and captured by the libobs capture source.
#include "captureshow.h"
#include "devicemonitor.h"
#include "gstcapture.h"
#include "obsruntime.h"
#include "pulseserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QTest>
#include <atomic>
#include <obs.hpp>
#include <optional>

using namespace xz;
using namespace xz::engine;
using namespace xz::testing;
using capture::CaptureDevice;
using capture::CaptureState;
using capture::DeviceMonitor;

namespace {

QString microphonePreset(const QString& sourceName) {
    return QStringLiteral("preset:microphone api=pulse device=") + sourceName;
}

std::optional<CaptureDevice> findMicrophone(const QList<CaptureDevice>& devices, const QString& sourceName) {
    for (const CaptureDevice& device : devices)
        if (device.device == microphonePreset(sourceName))
            return device;
    return std::nullopt;
}

// What the monitor's listener reported, from the GStreamer thread it runs on.
class DeviceEvents {
public:
    void record(const CaptureDevice& device, bool added) {
        QMutexLocker lock(&mutex_);
        events_.append({device, added});
    }
    // The first report of `added` (or removed) for the microphone with this pulse source name.
    std::optional<CaptureDevice> find(const QString& sourceName, bool added) const {
        QMutexLocker lock(&mutex_);
        for (const auto& [device, wasAdded] : events_)
            if (wasAdded == added && device.device == microphonePreset(sourceName))
                return device;
        return std::nullopt;
    }
    QString summary() const {
        QMutexLocker lock(&mutex_);
        QStringList lines;
        for (const auto& [device, added] : events_)
            lines.append(QStringLiteral("%1 %2 (%3)").arg(added ? '+' : '-').arg(device.name, device.device));
        return lines.isEmpty() ? QStringLiteral("no reports") : lines.join(QStringLiteral("; "));
    }

private:
    mutable QMutex mutex_;
    QList<std::pair<CaptureDevice, bool>> events_;
};

CaptureState stateOf(obs_source_t* source) {
    const std::optional<capture::CaptureStatus> status = capture::captureStatus(source);
    return status ? status->state : CaptureState{};
}

// A capture source as the studio makes one for a microphone, recording through `device`.
OBSSourceAutoRelease createMicrophone(const QString& device, const QString& label, int retryMs = 0) {
    OBSDataAutoRelease settings = obs_data_create();
    obs_data_set_string(settings, capture::kSettingDevice, device.toUtf8().constData());
    obs_data_set_string(settings, capture::kSettingLabel, label.toUtf8().constData());
    if (retryMs > 0) {
        obs_data_set_int(settings, capture::kSettingRetryFirstMs, retryMs);
        obs_data_set_int(settings, capture::kSettingRetryMaxMs, retryMs);
    }
    return obs_source_create_private(capture::kGstCaptureSourceId, "hotplug-microphone", settings);
}

} // namespace

class DeviceHotplugTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void aMicrophonePluggedInIsListedAndReportedThenReportedGoneWhenUnplugged();
    void everyWatchingMonitorIsToldEvenAfterAnotherCameAndWent();
    void aMicrophoneThatVanishesWhileLiveReconnectsWhenPluggedBackIn();
    void aMicrophonePulledOutIsNotSilentlyReplacedByAnotherOne();
    void xiaozhanDevicesWatchPrintsEachPlugAndUnplugAsItHappens();

private:
    std::unique_ptr<PulseServer> pulse_;
    std::unique_ptr<ObsRuntime> runtime_;
};

void DeviceHotplugTest::initTestCase() {
    // The sound server first: GStreamer's and libobs' pulse clients read PULSE_SERVER when they connect.
    pulse_ = std::make_unique<PulseServer>();
    if (!pulse_->start())
        QFAIL(qPrintable(pulse_->errorString()));
    std::optional<EngineError> error;
    runtime_ = ObsRuntime::start({640, 360, 30}, &error);
    QVERIFY2(runtime_, qPrintable(error ? error->toString() : QString()));
}

void DeviceHotplugTest::cleanupTestCase() {
    runtime_.reset();
    QCOMPARE(ObsRuntime::allocationsLeftAfterShutdown(), 0L);
    pulse_.reset();
}

void DeviceHotplugTest::cleanup() {
    // A failed test must not leave its microphones for the next one (PulseAudio would move streams to them).
    obs_wait_for_destroy_queue();
    QVERIFY2(pulse_->unplugAll(), qPrintable(pulse_->errorString()));
}

void DeviceHotplugTest::aMicrophonePluggedInIsListedAndReportedThenReportedGoneWhenUnplugged() {
    const QString sourceName = QStringLiteral("xz_hotplug_lavalier");
    // What a volunteer's system calls it: Chinese, with a space, must survive the trip intact.
    const QString description = QStringLiteral("小站测试 领夹麦克风");
    DeviceEvents events;
    DeviceMonitor monitor(
        [&events](const CaptureDevice& device, bool added) { events.record(device, added); });
    QVERIFY(monitor.start());
    // The setup screen lists while it watches: listing must not stop the watching.
    QVERIFY2(!findMicrophone(DeviceMonitor::listDevices(), sourceName), "not listed before it is plugged in");

    QElapsedTimer timer;
    timer.start();
    const int module = pulse_->plugMicrophone(sourceName, description);
    QVERIFY2(module >= 0, qPrintable(pulse_->errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(events.find(sourceName, true), qPrintable(events.summary()), 20000);
    qInfo("plugging in reported after %lld ms", timer.elapsed());
    const CaptureDevice added = *events.find(sourceName, true);
    QCOMPARE(added.kind, CaptureDevice::Kind::Microphone);
    QCOMPARE(added.name, description);
    QVERIFY2(added.deviceClass.startsWith(QLatin1String("Audio/Source")), qPrintable(added.deviceClass));

    const std::optional<CaptureDevice> listed = findMicrophone(DeviceMonitor::listDevices(), sourceName);
    QVERIFY2(listed, "listed once plugged in");
    QCOMPARE(listed->name, description);
    QCOMPARE(listed->kind, CaptureDevice::Kind::Microphone);
    // Its modes read as sample formats, rates and channels, not as the telephone codecs it also offers.
    qInfo("listed modes: %s", qPrintable(listed->modes.join(QStringLiteral("; "))));
    QVERIFY(!listed->modes.isEmpty());
    for (const QString& mode : listed->modes)
        QVERIFY2(mode.contains(QLatin1String(" Hz")) && !mode.contains(QLatin1String("x-")),
                 qPrintable(mode));
    QVERIFY(findMicrophone(monitor.devices(), sourceName));
    // The string the list offers is one a capture source accepts (the tests below record through it).
    const std::optional<capture::CaptureError> problem = capture::checkDevice(listed->device);
    QVERIFY2(!problem, qPrintable(problem ? problem->toString() : QString()));

    QVERIFY2(pulse_->unplug(module), qPrintable(pulse_->errorString()));
    timer.restart();
    QTRY_VERIFY2_WITH_TIMEOUT(events.find(sourceName, false), qPrintable(events.summary()), 20000);
    qInfo("unplugging reported after %lld ms", timer.elapsed());
    const CaptureDevice removed = *events.find(sourceName, false);
    QCOMPARE(removed.name, description);
    QCOMPARE(removed.kind, CaptureDevice::Kind::Microphone);
    QVERIFY2(!findMicrophone(DeviceMonitor::listDevices(), sourceName), "not listed once unplugged");
    QVERIFY(!findMicrophone(monitor.devices(), sourceName));
}

void DeviceHotplugTest::everyWatchingMonitorIsToldEvenAfterAnotherCameAndWent() {
    // The studio watches all show long; a setup dialog opens its own monitor, lists, and closes again.
    const QString sourceName = QStringLiteral("xz_hotplug_handheld");
    DeviceEvents studioEvents;
    DeviceMonitor studio(
        [&](const CaptureDevice& device, bool added) { studioEvents.record(device, added); });
    QVERIFY(studio.start());
    {
        DeviceEvents dialogEvents;
        DeviceMonitor dialog(
            [&](const CaptureDevice& device, bool added) { dialogEvents.record(device, added); });
        QVERIFY(dialog.start());
        DeviceMonitor::listDevices();
        // Both are told while both watch.
        const int module = pulse_->plugMicrophone(sourceName);
        QVERIFY2(module >= 0, qPrintable(pulse_->errorString()));
        QTRY_VERIFY2_WITH_TIMEOUT(studioEvents.find(sourceName, true), qPrintable(studioEvents.summary()),
                                  20000);
        QTRY_VERIFY2_WITH_TIMEOUT(dialogEvents.find(sourceName, true), qPrintable(dialogEvents.summary()),
                                  20000);
        QVERIFY2(pulse_->unplug(module), qPrintable(pulse_->errorString()));
        QTRY_VERIFY2_WITH_TIMEOUT(studioEvents.find(sourceName, false), qPrintable(studioEvents.summary()),
                                  20000);
        QTRY_VERIFY2_WITH_TIMEOUT(dialogEvents.find(sourceName, false), qPrintable(dialogEvents.summary()),
                                  20000);
    }
    // The dialog is gone; the studio still hears.
    DeviceMonitor::listDevices();
    const QString laterName = QStringLiteral("xz_hotplug_handheld_2");
    QVERIFY2(pulse_->plugMicrophone(laterName) >= 0, qPrintable(pulse_->errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(studioEvents.find(laterName, true), qPrintable(studioEvents.summary()), 20000);
}

void DeviceHotplugTest::aMicrophoneThatVanishesWhileLiveReconnectsWhenPluggedBackIn() {
    const QString sourceName = QStringLiteral("xz_hotplug_usb_mic");
    const QString description = QStringLiteral("小站测试 USB 麦克风");
    int module = pulse_->plugMicrophone(sourceName, description);
    QVERIFY2(module >= 0, qPrintable(pulse_->errorString()));
    // Recorded through the string the device list offers, as the setup screen would.
    const std::optional<CaptureDevice> listed = findMicrophone(DeviceMonitor::listDevices(), sourceName);
    QVERIFY2(listed, "listed once plugged in");
    // A retry only every two minutes: when the microphone comes back within the test's bound, it is the
    // plugging in that woke the source, not a retry that happened to fall due.
    OBSSourceAutoRelease microphone = createMicrophone(listed->device, description, 120000);
    QVERIFY(microphone);
    std::atomic<int> buffers{0};
    {
        ProbeGuard guard(microphone, [&](const capture::BufferProbe& probe) {
            if (!probe.video)
                ++buffers;
        });
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(microphone) == CaptureState::Live, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(buffers.load() > 20, 20000);
        QCOMPARE(pulse_->recordingFrom().value_or(QStringList()), QStringList{sourceName});

        // Pulled out while live.
        QVERIFY2(pulse_->unplug(module), qPrintable(pulse_->errorString()));
        QElapsedTimer timer;
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(microphone) != CaptureState::Live, 20000);
        const qint64 noticedMs = timer.elapsed();
        capture::CaptureStatus status = *capture::captureStatus(microphone);
        QCOMPARE(status.state, CaptureState::Reconnecting);
        QVERIFY2(!status.error.isEmpty(), "the operator is told why");
        QVERIFY(!status.error.messageZh.isEmpty());
        qInfo("unplugged: left Live after %lld ms: %s", noticedMs, qPrintable(status.error.toString()));

        // Away: it stays Reconnecting (never Failed: it was live) and no sound flows. The pipeline that lost
        // the microphone is gone once the restart is counted.
        QTRY_VERIFY_WITH_TIMEOUT(capture::captureStatus(microphone)->restarts >= 1, 20000);
        const int buffersWhileAway = buffers.load();
        QCOMPARE(stateOf(microphone), CaptureState::Reconnecting);

        // Plugged back in under the same name.
        module = pulse_->plugMicrophone(sourceName, description);
        QVERIFY2(module >= 0, qPrintable(pulse_->errorString()));
        timer.restart();
        QCOMPARE(buffers.load(), buffersWhileAway);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(microphone) == CaptureState::Live, 30000);
        const qint64 liveMs = timer.elapsed();
        const int buffersBack = buffers.load();
        QTRY_VERIFY_WITH_TIMEOUT(buffers.load() > buffersBack + 20, 20000);
        qInfo("plugged back in: Live again after %lld ms, sound flowing after %lld ms", liveMs,
              timer.elapsed());
        QCOMPARE(pulse_->recordingFrom().value_or(QStringList()), QStringList{sourceName});
        status = *capture::captureStatus(microphone);
        QVERIFY(status.audioBuffers > 0);
        QCOMPARE(status.videoFrames, quint64(0));
    }
    microphone = nullptr;
}

void DeviceHotplugTest::aMicrophonePulledOutIsNotSilentlyReplacedByAnotherOne() {
    // A laptop always has its own microphone. When the presenter's USB microphone is pulled, the show must
    // say "signal lost" for it, not carry on with the room's noise from the laptop under the USB microphone's
    // name.
    const QString builtIn = QStringLiteral("xz_hotplug_built_in");
    const QString usb = QStringLiteral("xz_hotplug_presenter_mic");
    QVERIFY2(pulse_->plugMicrophone(builtIn, QStringLiteral("小站测试 笔记本内置麦克风")) >= 0,
             qPrintable(pulse_->errorString()));
    int module = pulse_->plugMicrophone(usb, QStringLiteral("小站测试 主持人麦克风"));
    QVERIFY2(module >= 0, qPrintable(pulse_->errorString()));
    OBSSourceAutoRelease microphone = createMicrophone(microphonePreset(usb), QStringLiteral("主持人"));
    QVERIFY(microphone);
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(microphone) == CaptureState::Live, 20000);
    QCOMPARE(pulse_->recordingFrom().value_or(QStringList()), QStringList{usb});

    QVERIFY2(pulse_->unplug(module), qPrintable(pulse_->errorString()));
    // PulseAudio (since 14, in the core) moves a recording whose source vanished to another source, and
    // pulsesrc carries on without an error: only its current-device property changes. Data keeps flowing,
    // so the stall detector cannot see it either.
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(microphone) != CaptureState::Live, 20000);
    qInfo("after unplugging, the server records from: %s",
          qPrintable(pulse_->recordingFrom().value_or(QStringList()).join(QLatin1Char(','))));
    QCOMPARE(stateOf(microphone), CaptureState::Reconnecting);
    const capture::CaptureError error = capture::captureStatus(microphone)->error;
    QVERIFY2(error.messageEn.contains(QLatin1String("disconnected")), qPrintable(error.toString()));
    // And when it is back, it records from the presenter's microphone again, not from the laptop.
    module = pulse_->plugMicrophone(usb, QStringLiteral("小站测试 主持人麦克风"));
    QVERIFY2(module >= 0, qPrintable(pulse_->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(microphone) == CaptureState::Live, 20000);
    QCOMPARE(pulse_->recordingFrom().value_or(QStringList()), QStringList{usb});
}

void DeviceHotplugTest::xiaozhanDevicesWatchPrintsEachPlugAndUnplugAsItHappens() {
    // The real binary, as a script would run it: the list first, then one JSON line per change, until told
    // to stop. It finds the private sound server through the environment this suite set.
    QProcess watcher;
    watcher.start(QStringLiteral(XIAOZHAN_BINARY),
                  {QStringLiteral("devices"), QStringLiteral("--watch"), QStringLiteral("--json")});
    QVERIFY2(watcher.waitForStarted(), qPrintable(watcher.errorString()));
    auto nextLine = [&watcher]() -> QJsonDocument {
        QElapsedTimer timer;
        timer.start();
        while (!watcher.canReadLine() && timer.elapsed() < 5000)
            watcher.waitForReadyRead(100);
        return QJsonDocument::fromJson(watcher.readLine());
    };
    const QJsonDocument list = nextLine();
    QVERIFY2(list.isArray(), "the first line is the list of devices present now");

    const QString sourceName = QStringLiteral("xz_hotplug_watched");
    const int module = pulse_->plugMicrophone(sourceName, QStringLiteral("小站测试 监视用麦克风"));
    QVERIFY2(module >= 0, qPrintable(pulse_->errorString()));
    QJsonObject added = nextLine().object();
    QCOMPARE(added.value(QStringLiteral("event")).toString(), QStringLiteral("added"));
    QCOMPARE(added.value(QStringLiteral("kind")).toString(), QStringLiteral("microphone"));
    QCOMPARE(added.value(QStringLiteral("device")).toString(), microphonePreset(sourceName));
    QCOMPARE(added.value(QStringLiteral("name")).toString(), QStringLiteral("小站测试 监视用麦克风"));

    QVERIFY2(pulse_->unplug(module), qPrintable(pulse_->errorString()));
    const QJsonObject removed = nextLine().object();
    QCOMPARE(removed.value(QStringLiteral("event")).toString(), QStringLiteral("removed"));
    QCOMPARE(removed.value(QStringLiteral("device")).toString(), microphonePreset(sourceName));

    watcher.terminate(); // SIGTERM, as Ctrl+C or a service manager would stop it
    QVERIFY(watcher.waitForFinished(5000));
    QCOMPARE(watcher.exitStatus(), QProcess::NormalExit);
    QCOMPARE(watcher.exitCode(), 0);
}

QTEST_GUILESS_MAIN(DeviceHotplugTest)
#include "tst_devicehotplug.moc"
