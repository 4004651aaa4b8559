// The one shape every part reports a problem to people in: a plain-language message in Chinese and English
// (volunteers read the first, helpers from elsewhere the second) plus a technical detail for the log and the
// curious. Never carries a secret: callers redact URLs and keys before building one.
#pragma once

#include <QString>

namespace xz {

struct UserError {
    QString messageZh;
    QString messageEn;
    QString detail;

    // "中文 / English (detail)", the form every message takes on screen and in logs.
    QString toString() const {
        QString text = messageZh + QStringLiteral(" / ") + messageEn;
        if (!detail.isEmpty())
            text += QStringLiteral(" (") + detail + QLatin1Char(')');
        return text;
    }
    // "中文 / English" without the detail, for alerts.
    QString message() const { return messageZh + QStringLiteral(" / ") + messageEn; }
};

} // namespace xz
