// The capture library's logging category (xz.capture). Qt's logging is thread-safe, so GStreamer's
// streaming threads and the supervisor threads log through it directly.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCapture)
