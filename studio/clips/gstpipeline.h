// One GStreamer pipeline owned in one place: built from a description, driven through its states, its bus
// read for the end of stream or the first error (worded for people), and always taken down to NULL when it
// goes away, so an early return can never leave a file open or a thread running.
#pragma once

#include "canceltoken.h"
#include "clipresult.h"
#include "gstptr.h"

#include <QString>
#include <functional>
#include <memory>
#include <mutex>

namespace xz::clips {

class GstPipeline {
public:
    static Result<std::unique_ptr<GstPipeline>> launch(const QString& description);
    ~GstPipeline();

    GstElement* get() const { return pipeline_.get(); }
    // A named element inside the pipeline (owned by the pipeline; valid while it lives).
    GstElement* element(const char* name) const;

    // Changes state and waits (bounded) until the change completed or failed; timeoutSec 0 does not wait for
    // a change that completes later (a writer prerolls only once data arrives).
    std::optional<UserError> setState(GstState state, int timeoutSec = 30);
    // A flushing seek; waits until the pipeline has prerolled again when it is paused.
    std::optional<UserError> seek(double startSec, double stopSec, GstSeekFlags flags);
    // Blocks until end of stream, an error or cancellation; `tick` runs about ten times a second.
    std::optional<UserError> waitForEos(const CancelToken& cancel, const std::function<void()>& tick = {});
    // The first error posted so far, without waiting.
    std::optional<UserError> pendingError();
    // The name of the element that posted the first error (empty while there is none).
    QString errorSource();

    // The studio's wording for a GStreamer error message (file named, what GStreamer said as the detail).
    static UserError errorFrom(GstMessage* message, const QString& file);
    void setFileForErrors(const QString& file) { file_ = file; }

private:
    explicit GstPipeline(GstElement* pipeline);
    gst::ElementPtr pipeline_;
    gst::BusPtr bus_;
    QString file_;
    std::mutex errorMutex_; // the stream threads of a reader ask from their own threads
    std::optional<UserError> firstError_;
    QString firstErrorSource_;
    void noteError(GstMessage* message); // with errorMutex_ held
};

// Sets a file name property with the path in the file system's encoding (Chinese names work).
void setLocation(GstElement* element, const QString& path);

// A stream nobody wants (a second camera angle, subtitles, the other stream of a probe): its buffers are
// dropped at `pad` and it ends in a sink that never waits to preroll, so the one demuxer thread that feeds
// every stream is never stalled by it.
void linkToFakesink(GstElement* pipeline, GstPad* pad);

} // namespace xz::clips
