#include "uploadlog.h"

Q_LOGGING_CATEGORY(lcUpload, "xiaozhan.upload")
