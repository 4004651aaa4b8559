// The remote-control server's logging category (xz.remote). Passwords, authentication strings and salts
// never go through it: only peers, close codes and request names.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRemote)
