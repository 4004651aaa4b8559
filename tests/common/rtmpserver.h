// A private nginx-rtmp server on 127.0.0.1 for streaming tests: started on a free port, recording what it
// receives under its own folder, killable and restartable on the same port to simulate a server outage.
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace xz::testing {

class RtmpServer {
public:
    RtmpServer();
    ~RtmpServer();

    bool start(); // on the port chosen at construction (so a restart comes back on the same address)
    void kill();  // SIGKILL, as if the server machine vanished
    bool isRunning() const;

    int port() const { return port_; }
    QString url(const QString& streamKey) const; // rtmp://127.0.0.1:PORT/live/KEY
    QString receivedDir() const;
    QStringList receivedFiles() const; // .flv files nginx recorded, oldest first
    QString errorLog() const;

private:
    QTemporaryDir dir_;
    int port_;
    QProcess process_;
};

int freeTcpPort();

} // namespace xz::testing
