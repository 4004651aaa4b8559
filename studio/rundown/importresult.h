// What an import (`xiaozhan rundown import`) yields: a rundown, or the errors that stopped it; and notes on
// what did not map one to one (groups, delays, settings Xiaozhan has no counterpart for), printed for the
// user.
#pragma once

#include "rundown.h"
#include "rundownloader.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace xz::rundown {

struct ImportResult {
    std::optional<Rundown> rundown;
    QStringList notes; // "中文 / English"
    QList<FileError> errors;
};

} // namespace xz::rundown
