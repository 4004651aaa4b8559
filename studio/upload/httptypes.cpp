#include "httptypes.h"

namespace xz::upload {

QString HttpResponse::bodyExcerpt(int maxChars) const {
    QString text = QString::fromUtf8(body.left(maxChars * 4)).simplified();
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("…");
    return text;
}

} // namespace xz::upload
