#include "commands.h"

#include "devicemonitor.h"
#include "livesession.h"
#include "paths.h"
#include "remuxer.h"
#include "showloader.h"
#include "signalwatcher.h"
#include "surface.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <unistd.h>

namespace xz::app {
namespace {

void printErr(const QString& text) {
    fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

} // namespace

void printUsage() {
    printErr(QStringLiteral(
        "小站 Xiaozhan — 社区演播室 / community studio\n"
        "  xiaozhan                          打开控制台（导播、主持人、剪辑、上传） / open the control "
        "surface\n"
        "  xiaozhan live --show NAME|FILE [--headless] [--record DIR] [--stream URL]... [--duration S]\n"
        "                [--cycle-scenes S] [--camera ID=PIPELINE]... [--remux]\n"
        "                [--rundown FILE|NAME [--auto-advance]]\n"
        "                [--control-port PORT [--control-password PW] [--control-address ADDR]]\n"
        "                播出节目；不加 --headless 时打开控制台 / run a show (with the control surface "
        "unless "
        "--headless)\n"
        "  xiaozhan show check FILE          检查节目文件 / validate a show file\n"
        "  xiaozhan rundown check FILE [--json]  检查串联单 / validate a rundown\n"
        "  xiaozhan rundown import FILE.csv|ONTIME.json [--show NAME] -o OUT.json  导入串联单 / import one\n"
        "  xiaozhan host [--connect HOST:PORT] [--password PW] [--fullscreen]\n"
        "                                    主持人屏幕 / the host's view (a second screen or computer)\n"
        "  xiaozhan trim INPUT --from T --to T [--exact] -o OUTPUT  剪片段 / cut a clip\n"
        "  xiaozhan export INPUT --preset NAME [--from T --to T] [--fill crop|blur] [--crop-x F] -o OUTPUT\n"
        "                                    导出（douyin-vertical, landscape-1080p, audio-only） / export\n"
        "  xiaozhan remux FILE.mkv [-o OUT]  录像转 MP4 / copy a recording into a plain MP4\n"
        "  xiaozhan devices [--json] [--watch]  列出摄像头和麦克风，可监视插拔 / list cameras and "
        "microphones,\n"
        "                                    and with --watch report plugging and unplugging until Ctrl+C\n"
        "  xiaozhan upload add FILE --target URL [--title TEXT] [--hashtag TAG]... | upload run "
        "[--until-empty] |\n"
        "                                    upload list   上传队列 / the upload queue"));
}

int runLiveCommand(const QStringList& args) {
    QString error;
    std::optional<LiveOptions> options = LiveOptions::parse(args, &error);
    if (!options) {
        printErr(QStringLiteral("错误 / error: ") + error);
        printErr(LiveOptions::usage());
        return 2;
    }
    if (!options->headless) {
        if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
            return runLiveSurface(*options);
        printErr(QStringLiteral("没有显示器，改为无界面运行 / no display: running headless"));
        options->headless = true;
    }
    // stdout carries exactly one line, the summary. Libraries and helper processes (libobs' muxer prints its
    // settings) write to fd 1 too, so keep a private copy of stdout for the summary and point fd 1 at stderr.
    FILE* summaryOut = fdopen(dup(STDOUT_FILENO), "w");
    dup2(STDERR_FILENO, STDOUT_FILENO);
    LiveSession session(*options);
    int exitCode = 2;
    if (session.prepare() && session.start()) {
        xz::SignalWatcher signalWatcher;
        QObject::connect(&signalWatcher, &xz::SignalWatcher::stopRequested, &session, [](int signalNumber) {
            printErr(QStringLiteral("收到停止信号 %1，正在安全结束 / stop signal %1: finishing cleanly")
                         .arg(signalNumber));
            QCoreApplication::quit();
        });
        QObject::connect(&session, &LiveSession::finished, QCoreApplication::instance(),
                         &QCoreApplication::quit);
        QCoreApplication::exec();
        session.stop();
    }
    exitCode = session.exitCode();
    // The one line on stdout that automation reads.
    const QByteArray line = QJsonDocument(session.summary()).toJson(QJsonDocument::Compact);
    fprintf(summaryOut, "%s\n", line.constData());
    fclose(summaryOut);
    return exitCode;
}

int runShowCommand(const QStringList& args) {
    if (args.size() != 2 || args[0] != QLatin1String("check")) {
        printErr(QStringLiteral("用法 / usage: xiaozhan show check FILE|NAME"));
        return 2;
    }
    const QString path = show::ShowLoader::resolveShowPath(args[1], paths::scenesDir());
    const show::LoadResult result = show::ShowLoader::loadFile(path);
    if (!result.ok()) {
        for (const show::ShowError& error : result.errors)
            printErr(error.toString());
        printErr(QStringLiteral("%1 个错误 / %1 error(s)").arg(result.errors.size()));
        return 1;
    }
    const show::Show& show = *result.show;
    fprintf(stdout, "%s\n",
            QStringLiteral("正确 / OK: %1 《%2》 %3x%4@%5, %6 个源 / sources, %7 个场景 / scenes")
                .arg(path, show.titleZh)
                .arg(show.canvas.width)
                .arg(show.canvas.height)
                .arg(show.canvas.fps)
                .arg(show.sources.size())
                .arg(show.scenes.size())
                .toLocal8Bit()
                .constData());
    return 0;
}

int runRemuxCommand(const QStringList& args) {
    if (args.isEmpty() || args.size() == 2 || (args.size() == 3 && args[1] != QLatin1String("-o")) ||
        args.size() > 3) {
        printErr(QStringLiteral("用法 / usage: xiaozhan remux FILE.mkv [-o OUTPUT.mp4]"));
        return 2;
    }
    const QString output = args.size() == 3 ? args[2] : clips::Remuxer::mp4PathFor(args[0]);
    if (auto failure = clips::Remuxer::remuxToMp4(args[0], output)) {
        printErr(QStringLiteral("错误 / error: ") + failure->toString());
        return 1;
    }
    fprintf(stdout, "%s\n", output.toLocal8Bit().constData());
    return 0;
}

namespace {

QJsonObject deviceJson(const capture::CaptureDevice& device) {
    QJsonObject entry;
    entry[QStringLiteral("kind")] = device.kind == capture::CaptureDevice::Kind::Camera
                                        ? QStringLiteral("camera")
                                        : QStringLiteral("microphone");
    entry[QStringLiteral("name")] = device.name;
    entry[QStringLiteral("class")] = device.deviceClass;
    entry[QStringLiteral("device")] = device.device;
    entry[QStringLiteral("modes")] = QJsonArray::fromStringList(device.modes);
    return entry;
}

QString deviceText(const capture::CaptureDevice& device) {
    const bool camera = device.kind == capture::CaptureDevice::Kind::Camera;
    return QStringLiteral("%1  %2\n    --camera ID=\"%3\"\n    %4")
        .arg(camera ? QStringLiteral("摄像头 / camera    ") : QStringLiteral("麦克风 / microphone"),
             device.name, device.device, device.modes.join(QStringLiteral(", ")));
}

void printLine(const QString& text) {
    fprintf(stdout, "%s\n", text.toLocal8Bit().constData());
    fflush(stdout); // a script or a terminal reads each change as it happens
}

void printDevices(const QList<capture::CaptureDevice>& devices, bool json) {
    if (json) {
        QJsonArray list;
        for (const capture::CaptureDevice& device : devices)
            list.append(deviceJson(device));
        printLine(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
        return;
    }
    if (devices.isEmpty())
        printLine(QStringLiteral("没有找到摄像头或麦克风 / no cameras or microphones found"));
    for (const capture::CaptureDevice& device : devices)
        printLine(deviceText(device));
}

void printDeviceChange(const capture::CaptureDevice& device, bool added, bool json) {
    if (json) {
        QJsonObject event = deviceJson(device);
        event[QStringLiteral("event")] = added ? QStringLiteral("added") : QStringLiteral("removed");
        printLine(QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)));
        return;
    }
    printLine(
        (added ? QStringLiteral("+ 已插入 / plugged in:  ") : QStringLiteral("- 已拔出 / unplugged:   ")) +
        deviceText(device));
}

} // namespace

int runDevicesCommand(const QStringList& args) {
    const bool json = args.contains(QStringLiteral("--json"));
    const bool watch = args.contains(QStringLiteral("--watch"));
    if (args.size() != int(json) + int(watch)) {
        printErr(QStringLiteral("用法 / usage: xiaozhan devices [--json] [--watch]"));
        return 2;
    }
    if (!watch) {
        printDevices(capture::DeviceMonitor::listDevices(), json);
        return 0;
    }
    // The monitor reports from a GStreamer thread: each change hops to the main thread, which prints it, so
    // lines never interleave.
    capture::DeviceMonitor monitor([json](const capture::CaptureDevice& device, bool added) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [device, added, json] { printDeviceChange(device, added, json); },
            Qt::QueuedConnection);
    });
    if (!monitor.start()) {
        printErr(QStringLiteral("错误 / error: 无法监视设备 / cannot watch for devices"));
        return 1;
    }
    printDevices(monitor.devices(), json);
    if (!json)
        printErr(QStringLiteral(
            "正在监视插拔，按 Ctrl+C 结束 / watching for plugging and unplugging, Ctrl+C ends"));
    xz::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &xz::SignalWatcher::stopRequested, QCoreApplication::instance(),
                     &QCoreApplication::quit);
    QCoreApplication::exec();
    return 0;
}

} // namespace xz::app
