#include "errorlist.h"

#include <algorithm>

namespace xz::show {

void ErrorList::add(const QString& jsonPath, const QString& messageZh, const QString& messageEn) {
    addAt(jsonPath, locator_ ? locator_->positionOf(jsonPath) : TextPosition{}, messageZh, messageEn);
}

void ErrorList::addAt(const QString& jsonPath, TextPosition position, const QString& messageZh,
                      const QString& messageEn) {
    ShowError error;
    error.file = file_;
    error.jsonPath = jsonPath;
    error.line = position.line;
    error.column = position.column;
    error.messageZh = messageZh;
    error.messageEn = messageEn;
    errors_.append(error);
}

QList<ShowError> ErrorList::sorted() const {
    QList<ShowError> out = errors_;
    std::stable_sort(out.begin(), out.end(), [](const ShowError& a, const ShowError& b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    return out;
}

} // namespace xz::show
