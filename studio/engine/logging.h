// The engine's logging category (xz.engine); libobs' own log goes to xz.obs.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)
