#include "devicemonitor.h"

#include "gstcapture.h"

namespace xz::capture {
namespace {

DeviceMonitorPtr makeMonitor() {
    ensureGstInitialised();
    DeviceMonitorPtr monitor(gst_device_monitor_new());
    gst_device_monitor_add_filter(monitor.get(), "Video/Source", nullptr);
    gst_device_monitor_add_filter(monitor.get(), "Audio/Source", nullptr);
    return monitor;
}

QString structureMode(const GstStructure* structure, bool video) {
    const char* format = gst_structure_get_string(structure, "format");
    QString mode = QString::fromUtf8(format ? format : gst_structure_get_name(structure));
    if (video) {
        int width = 0, height = 0, num = 0, den = 1;
        if (gst_structure_get_int(structure, "width", &width) &&
            gst_structure_get_int(structure, "height", &height))
            mode += QStringLiteral(" %1x%2").arg(width).arg(height);
        if (gst_structure_get_fraction(structure, "framerate", &num, &den) && den > 0)
            mode += QStringLiteral(" @%1").arg(static_cast<double>(num) / den, 0, 'g', 4);
    } else {
        int rate = 0, channels = 0;
        if (gst_structure_get_int(structure, "rate", &rate))
            mode += QStringLiteral(" %1 Hz").arg(rate);
        if (gst_structure_get_int(structure, "channels", &channels))
            mode += QStringLiteral(" %1 ch").arg(channels);
    }
    return mode;
}

} // namespace

CaptureDevice describeDevice(GstDevice* device) {
    CaptureDevice result;
    GCharPtr name(gst_device_get_display_name(device));
    GCharPtr deviceClass(gst_device_get_device_class(device));
    result.name = QString::fromUtf8(name.get());
    result.deviceClass = QString::fromUtf8(deviceClass.get());
    const bool video = result.deviceClass.contains(QLatin1String("Video"));
    result.kind = video ? CaptureDevice::Kind::Camera : CaptureDevice::Kind::Microphone;

    if (GstCaps* raw = gst_device_get_caps(device)) {
        CapsPtr caps(raw);
        for (guint i = 0; i < gst_caps_get_size(caps.get()) && result.modes.size() < 64; ++i) {
            const QString mode = structureMode(gst_caps_get_structure(caps.get(), i), video);
            if (!result.modes.contains(mode))
                result.modes.append(mode);
        }
    }
    // The element the device would create tells which source and which device property to use.
    QString path;
    QString factory;
    if (GstElement* created = gst_device_create_element(device, nullptr)) {
        if (g_object_is_floating(created))
            gst_object_ref_sink(created);
        ElementPtr element(created);
        if (GstElementFactory* elementFactory = gst_element_get_factory(element.get()))
            factory = QString::fromUtf8(GST_OBJECT_NAME(elementFactory));
        if (g_object_class_find_property(G_OBJECT_GET_CLASS(element.get()), "device")) {
            gchar* value = nullptr;
            g_object_get(element.get(), "device", &value, nullptr);
            GCharPtr owned(value);
            path = QString::fromUtf8(value);
        }
    }
    if (video && factory == QLatin1String("v4l2src") && !path.isEmpty())
        result.device = QStringLiteral("preset:usb-camera device=") + path;
    else if (!video && factory == QLatin1String("pulsesrc"))
        result.device = QStringLiteral("preset:microphone api=pulse device=") +
                        (path.isEmpty() ? QStringLiteral("default") : path);
    else if (!video && factory == QLatin1String("alsasrc"))
        result.device = QStringLiteral("preset:microphone api=alsa device=") +
                        (path.isEmpty() ? QStringLiteral("default") : path);
    else if (!factory.isEmpty())
        result.device = path.isEmpty() ? factory : QStringLiteral("%1 device=\"%2\"").arg(factory, path);
    return result;
}

QList<CaptureDevice> DeviceMonitor::listDevices() {
    DeviceMonitorPtr monitor = makeMonitor();
    QList<CaptureDevice> devices;
    if (!gst_device_monitor_start(monitor.get()))
        return devices; // no provider could start (no devices, no sound server): an empty list is the answer
    GList* list = gst_device_monitor_get_devices(monitor.get());
    for (GList* item = list; item; item = item->next)
        devices.append(describeDevice(GST_DEVICE(item->data)));
    g_list_free_full(list, gst_object_unref);
    gst_device_monitor_stop(monitor.get());
    return devices;
}

DeviceMonitor::DeviceMonitor(Listener listener) : listener_(std::move(listener)), monitor_(makeMonitor()) {}

DeviceMonitor::~DeviceMonitor() {
    if (started_)
        gst_device_monitor_stop(monitor_.get());
    BusPtr bus(gst_device_monitor_get_bus(monitor_.get()));
    gst_bus_set_sync_handler(bus.get(), nullptr, nullptr, nullptr);
}

bool DeviceMonitor::start() {
    BusPtr bus(gst_device_monitor_get_bus(monitor_.get()));
    // A sync handler needs no GLib main loop: plugging is reported from the provider's own thread.
    gst_bus_set_sync_handler(bus.get(), &DeviceMonitor::onBusMessage, this, nullptr);
    started_ = gst_device_monitor_start(monitor_.get());
    return started_;
}

QList<CaptureDevice> DeviceMonitor::devices() const {
    QList<CaptureDevice> devices;
    GList* list = gst_device_monitor_get_devices(monitor_.get());
    for (GList* item = list; item; item = item->next)
        devices.append(describeDevice(GST_DEVICE(item->data)));
    g_list_free_full(list, gst_object_unref);
    return devices;
}

GstBusSyncReply DeviceMonitor::onBusMessage(GstBus*, GstMessage* message, gpointer self) {
    auto* monitor = static_cast<DeviceMonitor*>(self);
    const GstMessageType type = GST_MESSAGE_TYPE(message);
    if ((type == GST_MESSAGE_DEVICE_ADDED || type == GST_MESSAGE_DEVICE_REMOVED) && monitor->listener_) {
        GstDevice* raw = nullptr;
        if (type == GST_MESSAGE_DEVICE_ADDED)
            gst_message_parse_device_added(message, &raw);
        else
            gst_message_parse_device_removed(message, &raw);
        DevicePtr device(raw);
        if (device)
            monitor->listener_(describeDevice(device.get()), type == GST_MESSAGE_DEVICE_ADDED);
    }
    gst_message_unref(message);
    return GST_BUS_DROP;
}

} // namespace xz::capture
