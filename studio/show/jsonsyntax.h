// A strict JSON (RFC 8259) syntax check that says exactly where and what is wrong. QJsonDocument's own
// errors point a character or two past the problem and accept things the format forbids (\q escapes,
// "1.", raw line breaks inside strings), so show files are checked here first.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace xz::show {

struct JsonSyntaxError {
    qsizetype offset = 0; // byte offset of the offending character (the opening quote of an unclosed string)
    QString messageZh;
    QString messageEn;
};

class JsonSyntax {
public:
    static std::optional<JsonSyntaxError> check(const QByteArray& utf8);
};

} // namespace xz::show
