// Cameras and microphones GStreamer can see (its device providers), with their modes and a device string that
// captures from them. Listing is synchronous; watching reports plugging and unplugging on a GStreamer
// thread (the listener must hop to its own thread before touching a QObject, and must not create or destroy
// a DeviceMonitor itself). Any number of monitors may watch at once, and listing never disturbs them.
#pragma once

#include "gstptr.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace xz::capture {

struct CaptureDevice {
    enum class Kind {
        Camera = 1,
        Microphone,
    };
    Kind kind = Kind::Camera;
    QString name;        // what the system calls it ("HD Webcam C270")
    QString deviceClass; // GStreamer's class ("Video/Source")
    QString device;      // a device string for a capture source ("preset:usb-camera device=/dev/video0")
    QStringList modes;   // "YUY2 1280x720 @30", "F32LE 48000 Hz 2 ch"
};

class DeviceMonitor {
public:
    using Listener = std::function<void(const CaptureDevice& device, bool added)>;

    // All cameras and microphones present now (empty on a machine with none).
    static QList<CaptureDevice> listDevices();

    explicit DeviceMonitor(Listener listener);
    ~DeviceMonitor();

    DeviceMonitor(const DeviceMonitor&) = delete;
    DeviceMonitor& operator=(const DeviceMonitor&) = delete;

    bool start();
    QList<CaptureDevice> devices() const;

private:
    friend class SharedDeviceWatch;

    Listener listener_;
    bool started_ = false;
};

CaptureDevice describeDevice(GstDevice* device);

} // namespace xz::capture
