// A sentence for the screen that follows the language switch: kept as its source text (marked for lupdate
// with QT_TR_NOOP / QT_TRANSLATE_NOOP) and its arguments, already formatted, and translated each time it is
// read. A notice said in Chinese reads in English once the operator switches, instead of staying as it was.
#pragma once

#include <QString>
#include <QStringList>

namespace xz {

class Phrase {
public:
    Phrase() = default;
    // `context` and `source` must outlive the phrase (string literals and a class's meta-object name do).
    Phrase(const char* context, const char* source, QStringList args = {});
    // Text shown as it is: a message that already carries both languages, or one from elsewhere.
    static Phrase plain(const QString& text);

    // The translation (or the source) with %1, %2 ... replaced by the arguments in one pass, so an argument
    // that itself contains "%2" stays as it is.
    QString text() const;
    bool isEmpty() const { return !source_ && plain_.isEmpty(); }
    bool operator==(const Phrase& other) const;

private:
    const char* context_ = nullptr;
    const char* source_ = nullptr;
    QStringList args_;
    QString plain_;
};

} // namespace xz
