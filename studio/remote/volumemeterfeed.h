// The high-volume InputVolumeMeters event: every 50 ms, the level of every audio input, read from the
// studio's meters (atomics the audio thread keeps) at that rate, never per audio packet. The timer runs only
// while some client subscribed to it; clients that did not subscribe never get it.
#pragma once

#include "protocolserver.h"
#include "studio.h"

#include <QTimer>

namespace xz::remote {

class VolumeMeterFeed : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 50; // obs-websocket's update period

    VolumeMeterFeed(live::Studio& studio, ProtocolServer& server, QObject* parent = nullptr);
    void stop();

private:
    void follow(); // runs the timer exactly while someone listens
    void sample();

    live::Studio& studio_;
    ProtocolServer& server_;
    QTimer timer_;
    bool stopped_ = false;
};

} // namespace xz::remote
