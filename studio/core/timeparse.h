// Times on the command line: plain seconds ("12.5") or clock time ("HH:MM:SS.mmm", "MM:SS").
#pragma once

#include <QString>
#include <optional>

namespace xz {

std::optional<double> parseSeconds(const QString& text);

} // namespace xz
