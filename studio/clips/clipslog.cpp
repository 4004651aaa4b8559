#include "clipslog.h"

Q_LOGGING_CATEGORY(lcClips, "xiaozhan.clips")
