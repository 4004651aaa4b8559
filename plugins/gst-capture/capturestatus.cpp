#include "capturestatus.h"

namespace xz::capture {

QString CaptureError::toString() const {
    QString text = messageZh + QStringLiteral(" / ") + messageEn;
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    return text;
}

const char* stateName(CaptureState state) {
    switch (state) {
    case CaptureState::Starting:
        return "starting";
    case CaptureState::Live:
        return "live";
    case CaptureState::Reconnecting:
        return "reconnecting";
    case CaptureState::Failed:
        return "failed";
    }
    return "unknown";
}

} // namespace xz::capture
