#include "uploadlog.h"

Q_LOGGING_CATEGORY(lcUpload, "xz.upload", QtInfoMsg)
