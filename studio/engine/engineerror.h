// Errors the engine reports to people: a plain-language message in Chinese and English plus a technical
// detail for the log. Never carries a secret: callers redact URLs before building one.
#pragma once

#include <QString>

namespace xz::engine {

struct EngineError {
    QString messageZh;
    QString messageEn;
    QString detail;

    QString toString() const {
        QString text = messageZh + QStringLiteral(" / ") + messageEn;
        if (!detail.isEmpty())
            text += QStringLiteral(" (") + detail + QLatin1Char(')');
        return text;
    }
};

} // namespace xz::engine
