// The rundown part's logging category (xz.rundown).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRundown)
