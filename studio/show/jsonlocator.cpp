#include "jsonlocator.h"

#include "jsonpath.h"

namespace xz::show {

// A minimal recursive scanner over text that is already known to be valid JSON: it only needs to find where
// each value starts and to decode member names, so it trusts the grammar and stops quietly on surprises.
class JsonLocator::Scanner {
public:
    Scanner(const QByteArray& text, JsonLocator& out) : s_(text), out_(out) {}

    void run() {
        skipSpace();
        value(jsonpath::kRoot.toString(), 0);
    }

private:
    static constexpr int kMaxDepth = 512;

    void skipSpace() {
        while (i_ < s_.size()) {
            const char c = s_.at(i_);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++i_;
        }
    }

    bool at(char c) const { return i_ < s_.size() && s_.at(i_) == c; }

    void value(const QString& path, int depth) {
        if (i_ >= s_.size() || depth > kMaxDepth)
            return;
        out_.offsets_.insert(path, i_);
        const char c = s_.at(i_);
        if (c == '{')
            object(path, depth);
        else if (c == '[')
            array(path, depth);
        else if (c == '"')
            string();
        else
            scalar();
    }

    void object(const QString& path, int depth) {
        ++i_; // '{'
        QHash<QString, qsizetype> seen;
        skipSpace();
        while (i_ < s_.size() && !at('}')) {
            const qsizetype keyOffset = i_;
            const QString key = string();
            const QString childPath = jsonpath::member(path, key);
            if (const auto it = seen.constFind(key); it != seen.cend())
                out_.duplicates_.append({childPath, keyOffset, it.value()});
            else
                seen.insert(key, keyOffset);
            skipSpace();
            if (!at(':'))
                return;
            ++i_;
            skipSpace();
            // For a repeated key QJsonDocument keeps the last value, so the last position is the right one.
            value(childPath, depth + 1);
            skipSpace();
            if (at(','))
                ++i_;
            skipSpace();
        }
        ++i_; // '}'
    }

    void array(const QString& path, int depth) {
        ++i_; // '['
        skipSpace();
        qsizetype index = 0;
        while (i_ < s_.size() && !at(']')) {
            value(jsonpath::element(path, index++), depth + 1);
            skipSpace();
            if (at(','))
                ++i_;
            skipSpace();
        }
        ++i_; // ']'
    }

    // Decodes a JSON string starting at '"' and leaves i_ after the closing quote.
    QString string() {
        ++i_; // '"'
        QByteArray raw;
        while (i_ < s_.size() && s_.at(i_) != '"') {
            const char c = s_.at(i_++);
            if (c != '\\') {
                raw.append(c);
                continue;
            }
            if (i_ >= s_.size())
                break;
            const char e = s_.at(i_++);
            switch (e) {
            case 'n':
                raw.append('\n');
                break;
            case 't':
                raw.append('\t');
                break;
            case 'r':
                raw.append('\r');
                break;
            case 'b':
                raw.append('\b');
                break;
            case 'f':
                raw.append('\f');
                break;
            case 'u': {
                char16_t unit = char16_t(s_.mid(i_, 4).toUShort(nullptr, 16));
                i_ += 4;
                QString decoded(QChar{unit});
                if (QChar::isHighSurrogate(unit) && s_.mid(i_, 2) == "\\u") {
                    decoded.append(QChar(char16_t(s_.mid(i_ + 2, 4).toUShort(nullptr, 16))));
                    i_ += 6;
                }
                raw.append(decoded.toUtf8());
                break;
            }
            default:
                raw.append(e);
                break; // \" \\ \/
            }
        }
        ++i_; // closing '"'
        return QString::fromUtf8(raw);
    }

    void scalar() {
        while (i_ < s_.size()) {
            const char c = s_.at(i_);
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
                break;
            ++i_;
        }
    }

    const QByteArray& s_;
    JsonLocator& out_;
    qsizetype i_ = 0;
};

JsonLocator::JsonLocator(const QByteArray& utf8) : text_(utf8) {
    Scanner(text_, *this).run();
}

TextPosition JsonLocator::positionOf(const QString& path) const {
    QString p = path;
    for (;;) {
        if (const auto it = offsets_.constFind(p); it != offsets_.cend())
            return positionAt(text_, it.value());
        if (p == jsonpath::kRoot)
            return {};
        p = jsonpath::parent(p);
    }
}

TextPosition JsonLocator::positionAt(const QByteArray& utf8, qsizetype byteOffset) {
    const qsizetype end = qBound<qsizetype>(0, byteOffset, utf8.size());
    TextPosition pos{1, 1};
    for (qsizetype i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(utf8.at(i));
        if (byte == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            // Continuation bytes (10xxxxxx) belong to the character already counted.
            ++pos.column;
        }
    }
    return pos;
}

} // namespace xz::show
