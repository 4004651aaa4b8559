// The clips library's logging category (trim, export, previews, the clip library and its job queue).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcClips)
