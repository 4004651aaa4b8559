#include "uploaderror.h"

namespace xz::upload {

UploadError UploadError::fatal(QString zh, QString en, QString detail) {
    UploadError e;
    e.kind = Kind::Fatal;
    e.zh = std::move(zh);
    e.en = std::move(en);
    e.detail = std::move(detail);
    return e;
}

UploadError UploadError::retryable(QString zh, QString en, QString detail) {
    UploadError e = fatal(std::move(zh), std::move(en), std::move(detail));
    e.kind = Kind::Retryable;
    return e;
}

QString UploadError::message() const {
    return zh + QStringLiteral(" / ") + en;
}

QString UploadError::describe() const {
    return detail.isEmpty() ? message() : message() + QStringLiteral(" (") + detail + QLatin1Char(')');
}

} // namespace xz::upload
