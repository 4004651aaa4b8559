#include "jsonsyntax.h"

#include "jsonlocator.h"

namespace xz::show {
namespace {

constexpr int kMaxDepth = 200;

class Checker {
public:
    explicit Checker(const QByteArray& s) : s_(s) {}

    std::optional<JsonSyntaxError> run() {
        skipSpace();
        if (!value(0))
            return error_;
        skipSpace();
        if (i_ < s_.size())
            fail(i_, QStringLiteral("文档结束后还有多余的内容%1").arg(found()),
                 QStringLiteral("unexpected %1 after the end of the document").arg(foundEn()));
        return error_;
    }

private:
    bool atEnd() const { return i_ >= s_.size(); }
    char peek() const { return atEnd() ? '\0' : s_.at(i_); }

    void skipSpace() {
        while (!atEnd()) {
            const char c = s_.at(i_);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++i_;
        }
    }

    bool fail(qsizetype offset, const QString& zh, const QString& en) {
        if (!error_)
            error_ = JsonSyntaxError{offset, zh, en};
        return false;
    }

    // What stands at the current position, quoted, for messages ("“tru”", "a string", "the end of the file").
    QString token() const {
        if (atEnd())
            return {};
        qsizetype end = i_;
        const auto isWordByte = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                   c == '-' || c == '+' || c == '.' || (static_cast<unsigned char>(c) & 0x80);
        };
        while (end < s_.size() && end - i_ < 24 && isWordByte(s_.at(end)))
            ++end;
        if (end == i_)
            end = i_ + 1;
        return QString::fromUtf8(s_.mid(i_, end - i_));
    }
    QString found() const {
        if (atEnd())
            return QStringLiteral("（文件已结束）");
        if (peek() == '"')
            return QStringLiteral("字符串");
        return QStringLiteral("“%1”").arg(token());
    }
    QString foundEn() const {
        if (atEnd())
            return QStringLiteral("the end of the file");
        if (peek() == '"')
            return QStringLiteral("a string");
        return QStringLiteral("'%1'").arg(token());
    }

    bool unclosed(qsizetype open, char closer) {
        const int line = JsonLocator::positionAt(s_, open).line;
        const char opener = closer == '}' ? '{' : '[';
        return fail(
            s_.size(),
            QStringLiteral("文件意外结束：第 %1 行的 “%2” 没有对应的 “%3”")
                .arg(line)
                .arg(QChar(opener))
                .arg(QChar(closer)),
            QStringLiteral("unexpected end of file: the '%2' opened on line %1 is never closed with '%3'")
                .arg(line)
                .arg(QChar(opener))
                .arg(QChar(closer)));
    }

    bool value(int depth) {
        if (depth > kMaxDepth)
            return fail(i_, QStringLiteral("嵌套层数太多（最多 %1 层）").arg(kMaxDepth),
                        QStringLiteral("nested too deeply (at most %1 levels)").arg(kMaxDepth));
        if (atEnd())
            return fail(i_, QStringLiteral("文件意外结束：这里应有一个值"),
                        QStringLiteral("unexpected end of file: a value was expected"));
        switch (peek()) {
        case '{':
            return object(depth);
        case '[':
            return array(depth);
        case '"':
            return string();
        case '\'':
            return fail(i_, QStringLiteral("字符串要用双引号 \"…\"，不能用单引号"),
                        QStringLiteral("strings need double quotes \"…\", not single quotes"));
        default:
            break;
        }
        const char c = peek();
        if (c == '-' || (c >= '0' && c <= '9'))
            return number();
        for (const char* literal : {"true", "false", "null"}) {
            const QByteArray word(literal);
            if (s_.mid(i_, word.size()) == word) {
                const qsizetype after = i_ + word.size();
                const char next = after < s_.size() ? s_.at(after) : ' ';
                if (!((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                      (next >= '0' && next <= '9'))) {
                    i_ = after;
                    return true;
                }
            }
        }
        return fail(
            i_, QStringLiteral("这里应有一个值，实际为%1（文字要加双引号）").arg(found()),
            QStringLiteral("a value was expected, found %1 (text needs double quotes)").arg(foundEn()));
    }

    bool object(int depth) {
        const qsizetype open = i_++;
        skipSpace();
        if (peek() == '}') {
            ++i_;
            return true;
        }
        for (;;) {
            skipSpace();
            if (atEnd())
                return unclosed(open, '}');
            if (peek() != '"')
                return fail(
                    i_, QStringLiteral("这里应为带双引号的字段名，实际为%1").arg(found()),
                    QStringLiteral("a member name in double quotes was expected, found %1").arg(foundEn()));
            if (!string())
                return false;
            skipSpace();
            if (peek() != ':')
                return atEnd() ? unclosed(open, '}')
                               : fail(i_, QStringLiteral("字段名后缺少冒号 “:”，实际为%1").arg(found()),
                                      QStringLiteral("':' expected after the member name, found %1")
                                          .arg(foundEn()));
            ++i_;
            skipSpace();
            if (!value(depth + 1))
                return false;
            skipSpace();
            if (atEnd())
                return unclosed(open, '}');
            if (peek() == '}') {
                ++i_;
                return true;
            }
            if (peek() != ',')
                return fail(
                    i_, QStringLiteral("缺少逗号 “,”：上一个字段之后应为 “,” 或 “}”，实际为%1").arg(found()),
                    QStringLiteral("missing ',': after a member comes ',' or '}', found %1").arg(foundEn()));
            const qsizetype comma = i_++;
            skipSpace();
            if (peek() == '}')
                return fail(comma, QStringLiteral("“}” 前多了一个逗号"),
                            QStringLiteral("trailing comma before '}'"));
        }
    }

    bool array(int depth) {
        const qsizetype open = i_++;
        skipSpace();
        if (peek() == ']') {
            ++i_;
            return true;
        }
        for (;;) {
            skipSpace();
            if (atEnd())
                return unclosed(open, ']');
            if (!value(depth + 1))
                return false;
            skipSpace();
            if (atEnd())
                return unclosed(open, ']');
            if (peek() == ']') {
                ++i_;
                return true;
            }
            if (peek() != ',')
                return fail(
                    i_, QStringLiteral("缺少逗号 “,”：数组元素之后应为 “,” 或 “]”，实际为%1").arg(found()),
                    QStringLiteral("missing ',': after an array element comes ',' or ']', found %1")
                        .arg(foundEn()));
            const qsizetype comma = i_++;
            skipSpace();
            if (peek() == ']')
                return fail(comma, QStringLiteral("“]” 前多了一个逗号"),
                            QStringLiteral("trailing comma before ']'"));
        }
    }

    bool string() {
        const qsizetype open = i_++;
        const auto unterminated = [&] {
            return fail(open, QStringLiteral("字符串没有结束：这一行缺少右引号 “\"”"),
                        QStringLiteral("unterminated string: the closing '\"' is missing on this line"));
        };
        while (!atEnd()) {
            const auto c = static_cast<unsigned char>(s_.at(i_));
            if (c == '"') {
                ++i_;
                return true;
            }
            if (c == '\n' || c == '\r')
                return unterminated();
            if (c < 0x20)
                return fail(
                    i_, QStringLiteral("字符串里有控制字符（如制表符），请写成 \\t 等转义"),
                    QStringLiteral("control character inside a string; write it as an escape such as \\t"));
            if (c == '\\') {
                if (!escape())
                    return false;
                continue;
            }
            if (c >= 0x80) {
                if (!utf8Sequence())
                    return false;
                continue;
            }
            ++i_;
        }
        return unterminated();
    }

    bool escape() {
        const qsizetype at = i_++;
        const char e = peek();
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
            ++i_;
            return true;
        }
        if (e == 'u') {
            for (int k = 1; k <= 4; ++k) {
                const char h = i_ + k < s_.size() ? s_.at(i_ + k) : '\0';
                if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F')))
                    return fail(at, QStringLiteral("无效的转义 \\u：后面要有 4 位十六进制数"),
                                QStringLiteral("invalid escape \\u: four hex digits must follow"));
            }
            i_ += 5;
            return true;
        }
        const QString seq = QStringLiteral("\\") + QString::fromUtf8(s_.mid(i_, 1));
        return fail(at, QStringLiteral("无效的转义 “%1”（反斜杠要写成 \\\\）").arg(seq),
                    QStringLiteral("invalid escape '%1' (write a backslash as \\\\)").arg(seq));
    }

    bool utf8Sequence() {
        const auto lead = static_cast<unsigned char>(s_.at(i_));
        int length = 0;
        uint min = 0;
        uint cp = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2, min = 0x80, cp = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3, min = 0x800, cp = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4, min = 0x10000, cp = lead & 0x07;
        }
        bool ok = length > 0 && i_ + length <= s_.size();
        for (int k = 1; ok && k < length; ++k) {
            const auto b = static_cast<unsigned char>(s_.at(i_ + k));
            ok = (b & 0xC0) == 0x80;
            cp = (cp << 6) | (b & 0x3F);
        }
        ok = ok && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (!ok)
            return fail(i_, QStringLiteral("无效的 UTF-8 文字（请用 UTF-8 编码保存文件）"),
                        QStringLiteral("invalid UTF-8 text (save the file as UTF-8)"));
        i_ += length;
        return true;
    }

    bool number() {
        const qsizetype start = i_;
        const auto digits = [&] {
            const qsizetype from = i_;
            while (!atEnd() && peek() >= '0' && peek() <= '9')
                ++i_;
            return i_ > from;
        };
        bool ok = true;
        if (peek() == '-')
            ++i_;
        if (peek() == '0') {
            ++i_;
        } else {
            ok = digits();
        }
        if (ok && peek() == '.') {
            ++i_;
            ok = digits();
        }
        if (ok && (peek() == 'e' || peek() == 'E')) {
            ++i_;
            if (peek() == '+' || peek() == '-')
                ++i_;
            ok = digits();
        }
        const char next = peek();
        if (ok && ((next >= '0' && next <= '9') || next == '.' || (next >= 'a' && next <= 'z') ||
                   (next >= 'A' && next <= 'Z')))
            ok = false;
        if (!ok) {
            i_ = start;
            return fail(start, QStringLiteral("无效的数字 “%1”").arg(token()),
                        QStringLiteral("invalid number '%1'").arg(token()));
        }
        return true;
    }

    const QByteArray& s_;
    qsizetype i_ = 0;
    std::optional<JsonSyntaxError> error_;
};

} // namespace

std::optional<JsonSyntaxError> JsonSyntax::check(const QByteArray& utf8) {
    return Checker(utf8).run();
}

} // namespace xz::show
