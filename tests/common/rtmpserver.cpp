#include "rtmpserver.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <unistd.h>

namespace xz::testing {

int freeTcpPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

RtmpServer::RtmpServer() : port_(freeTcpPort()) {
    QDir(dir_.path()).mkpath(QStringLiteral("logs"));
    QDir(dir_.path()).mkpath(QStringLiteral("received"));
    // nginx's worker drops root privileges: let it write its recordings.
    QFile::setPermissions(receivedDir(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                              QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther |
                              QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup);
    QFile::setPermissions(dir_.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                           QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                           QFileDevice::ExeGroup);
    QProcess config;
    config.start(QStringLiteral(XIAOZHAN_SOURCE_DIR "/tests/tools/nginx-rtmp.conf.sh"),
                 {QString::number(port_), dir_.path()});
    config.waitForFinished();
    QFile file(dir_.path() + QStringLiteral("/nginx.conf"));
    file.open(QIODevice::WriteOnly);
    file.write(config.readAllStandardOutput());
}

RtmpServer::~RtmpServer() {
    if (isRunning()) {
        process_.terminate();
        process_.waitForFinished(5000);
    }
}

bool RtmpServer::start() {
    process_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // libobs talks to its muxer helper through a popen() pipe that is not close-on-exec. A server started
    // while recording would inherit the write end and the muxer would never see end-of-file at stop.
    process_.setChildProcessModifier([] {
        for (int fd = 3; fd < 1024; ++fd)
            close(fd);
    });
    process_.start(QStringLiteral("nginx"), {QStringLiteral("-p"), dir_.path(), QStringLiteral("-c"),
                                             dir_.path() + QStringLiteral("/nginx.conf"),
                                             QStringLiteral("-g"), QStringLiteral("daemon off;")});
    if (!process_.waitForStarted(5000))
        return false;
    // Ready when it accepts connections.
    for (int attempt = 0; attempt < 100; ++attempt) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port_));
        if (socket.waitForConnected(100))
            return true;
        if (process_.state() != QProcess::Running)
            return false;
        QThread::msleep(50);
    }
    return false;
}

void RtmpServer::kill() {
    // The worker holds the client connections: kill it with the master, as if the machine had vanished.
    QProcess::execute(QStringLiteral("pkill"),
                      {QStringLiteral("-KILL"), QStringLiteral("-P"), QString::number(process_.processId())});
    process_.kill();
    process_.waitForFinished(5000);
}

bool RtmpServer::isRunning() const {
    return process_.state() == QProcess::Running;
}

QString RtmpServer::url(const QString& streamKey) const {
    return QStringLiteral("rtmp://127.0.0.1:%1/live/%2").arg(port_).arg(streamKey);
}

QString RtmpServer::receivedDir() const {
    return dir_.path() + QStringLiteral("/received");
}

QStringList RtmpServer::receivedFiles() const {
    QStringList files;
    const auto entries =
        QDir(receivedDir())
            .entryInfoList({QStringLiteral("*.flv")}, QDir::Files, QDir::Time | QDir::Reversed);
    for (const QFileInfo& entry : entries)
        files.append(entry.absoluteFilePath());
    return files;
}

QString RtmpServer::errorLog() const {
    QFile file(dir_.path() + QStringLiteral("/logs/error.log"));
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

} // namespace xz::testing
