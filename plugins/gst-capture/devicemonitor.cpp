#include "devicemonitor.h"

#include "gstcapture.h"
#include "gstinit.h"

#include <algorithm>
#include <mutex>
#include <vector>

namespace xz::capture {
namespace {

constexpr const char* kWantedClasses[] = {"Video/Source", "Audio/Source"};

gst::DeviceMonitorPtr makeMonitor() {
    gst::ensureGstInitialised();
    gst::DeviceMonitorPtr monitor(gst_device_monitor_new());
    for (const char* classes : kWantedClasses)
        gst_device_monitor_add_filter(monitor.get(), classes, nullptr);
    return monitor;
}

// A caps field as an operator can read it: "48000", a range "8000-192000", or a short list "S16LE/S32LE…".
QString fieldText(const GstStructure* structure, const char* field) {
    const GValue* value = gst_structure_get_value(structure, field);
    if (!value)
        return QString();
    if (G_VALUE_HOLDS_INT(value))
        return QString::number(g_value_get_int(value));
    if (G_VALUE_HOLDS_STRING(value))
        return QString::fromUtf8(g_value_get_string(value));
    if (GST_VALUE_HOLDS_INT_RANGE(value))
        return QStringLiteral("%1-%2")
            .arg(gst_value_get_int_range_min(value))
            .arg(gst_value_get_int_range_max(value));
    if (GST_VALUE_HOLDS_LIST(value)) {
        QStringList items;
        const guint size = gst_value_list_get_size(value);
        for (guint i = 0; i < size && i < 3; ++i) {
            const GValue* item = gst_value_list_get_value(value, i);
            if (G_VALUE_HOLDS_STRING(item))
                items.append(QString::fromUtf8(g_value_get_string(item)));
            else if (G_VALUE_HOLDS_INT(item))
                items.append(QString::number(g_value_get_int(item)));
        }
        return items.join(QLatin1Char('/')) + (size > 3 ? QStringLiteral("…") : QString());
    }
    return QString();
}

// One mode, e.g. "YUY2 1280x720 @30" or "S16LE 48000 Hz 2 ch"; empty for what is not worth listing.
QString structureMode(const GstStructure* structure, bool video) {
    if (!video) {
        // Microphones also offer telephone codecs (A-law, mu-law): not what a studio records.
        if (!gst_structure_has_name(structure, "audio/x-raw"))
            return QString();
        QString mode = fieldText(structure, "format");
        const QString rate = fieldText(structure, "rate");
        const QString channels = fieldText(structure, "channels");
        if (!rate.isEmpty())
            mode += QStringLiteral(" %1 Hz").arg(rate);
        if (!channels.isEmpty())
            mode += QStringLiteral(" %1 ch").arg(channels);
        return mode.trimmed();
    }
    const char* format = gst_structure_get_string(structure, "format");
    QString mode = QString::fromUtf8(format ? format : gst_structure_get_name(structure));
    int width = 0, height = 0, num = 0, den = 1;
    if (gst_structure_get_int(structure, "width", &width) &&
        gst_structure_get_int(structure, "height", &height))
        mode += QStringLiteral(" %1x%2").arg(width).arg(height);
    if (gst_structure_get_fraction(structure, "framerate", &num, &den) && den > 0)
        mode += QStringLiteral(" @%1").arg(static_cast<double>(num) / den, 0, 'g', 4);
    return mode;
}

} // namespace

CaptureDevice describeDevice(GstDevice* device) {
    CaptureDevice result;
    gst::GCharPtr name(gst_device_get_display_name(device));
    gst::GCharPtr deviceClass(gst_device_get_device_class(device));
    result.name = QString::fromUtf8(name.get());
    result.deviceClass = QString::fromUtf8(deviceClass.get());
    const bool video = result.deviceClass.contains(QLatin1String("Video"));
    result.kind = video ? CaptureDevice::Kind::Camera : CaptureDevice::Kind::Microphone;

    if (GstCaps* raw = gst_device_get_caps(device)) {
        gst::CapsPtr caps(raw);
        for (guint i = 0; i < gst_caps_get_size(caps.get()) && result.modes.size() < 64; ++i) {
            const QString mode = structureMode(gst_caps_get_structure(caps.get(), i), video);
            if (!mode.isEmpty() && !result.modes.contains(mode))
                result.modes.append(mode);
        }
    }
    // The element the device would create tells which source and which device property to use.
    QString path;
    QString factory;
    if (GstElement* created = gst_device_create_element(device, nullptr)) {
        if (g_object_is_floating(created))
            gst_object_ref_sink(created);
        gst::ElementPtr element(created);
        if (GstElementFactory* elementFactory = gst_element_get_factory(element.get()))
            factory = QString::fromUtf8(GST_OBJECT_NAME(elementFactory));
        if (g_object_class_find_property(G_OBJECT_GET_CLASS(element.get()), "device")) {
            gchar* value = nullptr;
            g_object_get(element.get(), "device", &value, nullptr);
            gst::GCharPtr owned(value);
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

// Device providers are per-process singletons, and GStreamer 1.22's GstDeviceMonitor makes itself the sync
// handler of each provider's bus (gst_bus_set_sync_handler in gst_device_monitor_add_filter): the monitor
// created last receives every plugging report, the ones before it go deaf, and once it is destroyed nobody
// hears anything. So the process watches through one shared GstDeviceMonitor, whatever the number of
// DeviceMonitor objects, and listing asks the providers directly instead of creating a monitor of its own.
class SharedDeviceWatch {
public:
    static SharedDeviceWatch& instance() {
        static auto* watch = new SharedDeviceWatch; // never destroyed: GStreamer threads may outlive main()
        return *watch;
    }

    bool subscribe(DeviceMonitor* subscriber) {
        std::lock_guard lifecycle(lifecycleMutex_);
        if (!monitor_) {
            gst::DeviceMonitorPtr monitor = makeMonitor();
            gst::BusPtr bus(gst_device_monitor_get_bus(monitor.get()));
            // A sync handler needs no GLib main loop: plugging is reported from the provider's own thread.
            gst_bus_set_sync_handler(bus.get(), &SharedDeviceWatch::onBusMessage, this, nullptr);
            if (!gst_device_monitor_start(monitor.get())) {
                gst_bus_set_sync_handler(bus.get(), nullptr, nullptr, nullptr);
                return false;
            }
            monitor_ = std::move(monitor);
        }
        std::lock_guard reporting(reportMutex_);
        subscribers_.push_back(subscriber);
        return true;
    }

    void unsubscribe(DeviceMonitor* subscriber) {
        std::lock_guard lifecycle(lifecycleMutex_);
        {
            // Waits for a report in progress: once this returns, no report reaches the subscriber.
            std::lock_guard reporting(reportMutex_);
            subscribers_.erase(std::remove(subscribers_.begin(), subscribers_.end(), subscriber),
                               subscribers_.end());
            if (!subscribers_.empty() || !monitor_)
                return;
        }
        // The last one: stop watching. Not under reportMutex_, which a provider thread may be waiting for
        // while stopping joins it.
        gst_device_monitor_stop(monitor_.get());
        gst::BusPtr bus(gst_device_monitor_get_bus(monitor_.get()));
        gst_bus_set_sync_handler(bus.get(), nullptr, nullptr, nullptr);
        monitor_.reset();
    }

private:
    static GstBusSyncReply onBusMessage(GstBus*, GstMessage* message, gpointer data) {
        auto* watch = static_cast<SharedDeviceWatch*>(data);
        const GstMessageType type = GST_MESSAGE_TYPE(message);
        if (type == GST_MESSAGE_DEVICE_ADDED || type == GST_MESSAGE_DEVICE_REMOVED) {
            GstDevice* raw = nullptr;
            if (type == GST_MESSAGE_DEVICE_ADDED)
                gst_message_parse_device_added(message, &raw);
            else
                gst_message_parse_device_removed(message, &raw);
            gst::DevicePtr device(raw);
            std::lock_guard reporting(watch->reportMutex_);
            if (device && !watch->subscribers_.empty()) {
                const CaptureDevice described = describeDevice(device.get());
                for (DeviceMonitor* subscriber : watch->subscribers_)
                    if (subscriber->listener_)
                        subscriber->listener_(described, type == GST_MESSAGE_DEVICE_ADDED);
            }
        }
        gst_message_unref(message);
        return GST_BUS_DROP;
    }

    std::mutex lifecycleMutex_;     // starting and stopping the shared monitor; taken before reportMutex_
    std::mutex reportMutex_;        // the subscribers, held while they are told
    gst::DeviceMonitorPtr monitor_; // running while anyone subscribes
    std::vector<DeviceMonitor*> subscribers_;
};

QList<CaptureDevice> DeviceMonitor::listDevices() {
    gst::ensureGstInitialised();
    // What gst_device_monitor_start/get_devices/stop would do, without a GstDeviceMonitor (see above): start
    // each provider of cameras or microphones (counted: a provider that is watched already just gains a
    // user), take its devices, leave out providers another one hides (PulseAudio hides ALSA's), stop.
    std::vector<std::unique_ptr<GstDeviceProvider, gst::GstObjectUnref>> providers;
    // Rank 1 and up, as GstDeviceMonitor takes them.
    GList* factories = gst_device_provider_factory_list_get_device_providers(static_cast<GstRank>(1));
    for (GList* item = factories; item; item = item->next) {
        auto* factory = GST_DEVICE_PROVIDER_FACTORY(item->data);
        const bool wanted =
            std::any_of(std::begin(kWantedClasses), std::end(kWantedClasses), [factory](const char* classes) {
                return gst_device_provider_factory_has_classes(factory, classes);
            });
        if (wanted)
            if (GstDeviceProvider* provider = gst_device_provider_factory_get(factory))
                providers.emplace_back(provider);
    }
    gst_plugin_feature_list_free(factories);

    QStringList hidden;
    std::vector<std::pair<QString, GList*>> found; // provider factory name, its devices
    for (const auto& provider : providers) {
        const bool started = gst_device_provider_start(provider.get());
        GList* devices = gst_device_provider_get_devices(provider.get());
        if (started)
            gst_device_provider_stop(provider.get());
        if (gchar** hides = gst_device_provider_get_hidden_providers(provider.get())) {
            for (gchar** name = hides; *name; ++name)
                hidden.append(QString::fromUtf8(*name));
            g_strfreev(hides);
        }
        GstDeviceProviderFactory* factory = gst_device_provider_get_factory(provider.get());
        found.emplace_back(factory ? QString::fromUtf8(GST_OBJECT_NAME(factory)) : QString(), devices);
    }

    QList<CaptureDevice> result;
    for (const auto& [factoryName, devices] : found) {
        for (GList* item = devices; item && !hidden.contains(factoryName); item = item->next) {
            GstDevice* device = GST_DEVICE(item->data);
            const bool wanted = std::any_of(
                std::begin(kWantedClasses), std::end(kWantedClasses),
                [device](const char* classes) { return gst_device_has_classes(device, classes); });
            if (wanted)
                result.append(describeDevice(device));
        }
        g_list_free_full(devices, gst_object_unref);
    }
    return result;
}

DeviceMonitor::DeviceMonitor(Listener listener) : listener_(std::move(listener)) {}

DeviceMonitor::~DeviceMonitor() {
    if (started_)
        SharedDeviceWatch::instance().unsubscribe(this);
}

bool DeviceMonitor::start() {
    if (!started_)
        started_ = SharedDeviceWatch::instance().subscribe(this);
    return started_;
}

QList<CaptureDevice> DeviceMonitor::devices() const {
    return listDevices();
}

} // namespace xz::capture
