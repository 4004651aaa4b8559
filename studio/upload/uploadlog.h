// The upload part's logging category; every message passes through xz::Redactor first.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcUpload)
