// Ownership of GStreamer handles: every object, message, sample and error the studio touches is held by one
// of these, so an early return or a failed start can never leak a pipeline or keep a device open.
#pragma once

#include <gst/gst.h>
#include <memory>

namespace xz::gst {

struct GstObjectUnref {
    void operator()(gpointer object) const {
        if (object)
            gst_object_unref(object);
    }
};
struct GstMessageUnref {
    void operator()(GstMessage* message) const { gst_message_unref(message); }
};
struct GstSampleUnref {
    void operator()(GstSample* sample) const { gst_sample_unref(sample); }
};
struct GstCapsUnref {
    void operator()(GstCaps* caps) const { gst_caps_unref(caps); }
};
struct GErrorFree {
    void operator()(GError* error) const { g_error_free(error); }
};
struct GFree {
    void operator()(gpointer memory) const { g_free(memory); }
};

using ElementPtr = std::unique_ptr<GstElement, GstObjectUnref>;
using BusPtr = std::unique_ptr<GstBus, GstObjectUnref>;
using ClockPtr = std::unique_ptr<GstClock, GstObjectUnref>;
using DevicePtr = std::unique_ptr<GstDevice, GstObjectUnref>;
using DeviceMonitorPtr = std::unique_ptr<GstDeviceMonitor, GstObjectUnref>;
using MessagePtr = std::unique_ptr<GstMessage, GstMessageUnref>;
using SamplePtr = std::unique_ptr<GstSample, GstSampleUnref>;
using CapsPtr = std::unique_ptr<GstCaps, GstCapsUnref>;
using ErrorPtr = std::unique_ptr<GError, GErrorFree>;
using GCharPtr = std::unique_ptr<gchar, GFree>;
using PadPtr = std::unique_ptr<GstPad, GstObjectUnref>;

} // namespace xz::gst
