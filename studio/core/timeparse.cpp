#include "timeparse.h"

#include <QStringList>
#include <cmath>

namespace xz {

std::optional<double> parseSeconds(const QString& text) {
    const QStringList parts = text.trimmed().split(QLatin1Char(':'));
    if (parts.isEmpty() || parts.size() > 3)
        return std::nullopt;
    double total = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        bool ok = false;
        const bool last = i == parts.size() - 1;
        // Only the seconds field may carry a fraction; hours and minutes are whole numbers.
        const double value = last ? parts[i].toDouble(&ok) : static_cast<double>(parts[i].toUInt(&ok));
        if (!ok || !std::isfinite(value) || value < 0)
            return std::nullopt;
        if (i > 0 && value >= 60)
            return std::nullopt;
        total = total * 60 + value;
    }
    return total;
}

} // namespace xz
