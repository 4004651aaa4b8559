#include "phrase.h"

#include <QCoreApplication>
#include <cstring>

namespace xz {

Phrase::Phrase(const char* context, const char* source, QStringList args)
    : context_(context), source_(source), args_(std::move(args)) {}

Phrase Phrase::plain(const QString& text) {
    Phrase phrase;
    phrase.plain_ = text;
    return phrase;
}

QString Phrase::text() const {
    if (!source_)
        return plain_;
    const QString pattern = QCoreApplication::translate(context_, source_);
    QString out;
    out.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern.at(i + 1).isDigit()) {
            const int n = pattern.at(i + 1).digitValue();
            if (n >= 1 && n <= args_.size()) {
                out += args_.at(n - 1);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

bool Phrase::operator==(const Phrase& other) const {
    const auto same = [](const char* a, const char* b) { return a == b || (a && b && !std::strcmp(a, b)); };
    return same(context_, other.context_) && same(source_, other.source_) && args_ == other.args_ &&
           plain_ == other.plain_;
}

} // namespace xz
