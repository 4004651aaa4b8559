#include "msgpack.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>
#include <cstring>

namespace xz::remote {
namespace {

void putBigEndian(QByteArray& out, quint64 value, int bytes) {
    for (int i = bytes - 1; i >= 0; --i)
        out.append(static_cast<char>((value >> (8 * i)) & 0xff));
}

void putLength(QByteArray& out, quint64 length, quint8 fix, quint64 fixMax, quint8 code8, quint8 code16,
               quint8 code32) {
    if (length <= fixMax) {
        out.append(static_cast<char>(fix | length));
    } else if (code8 && length <= 0xff) {
        out.append(static_cast<char>(code8));
        putBigEndian(out, length, 1);
    } else if (length <= 0xffff) {
        out.append(static_cast<char>(code16));
        putBigEndian(out, length, 2);
    } else {
        out.append(static_cast<char>(code32));
        putBigEndian(out, length, 4);
    }
}

void encodeInto(QByteArray& out, const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append('\xc0');
        return;
    case QJsonValue::Bool:
        out.append(value.toBool() ? '\xc3' : '\xc2');
        return;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        // Whole numbers as integers (what a JSON encoder's reader expects of counts and ids).
        if (std::floor(number) == number && std::fabs(number) < 9007199254740992.0) {
            const qint64 integer = static_cast<qint64>(number);
            if (integer >= 0) {
                if (integer <= 0x7f) {
                    out.append(static_cast<char>(integer));
                } else if (integer <= 0xff) {
                    out.append('\xcc');
                    putBigEndian(out, integer, 1);
                } else if (integer <= 0xffff) {
                    out.append('\xcd');
                    putBigEndian(out, integer, 2);
                } else if (integer <= 0xffffffffLL) {
                    out.append('\xce');
                    putBigEndian(out, integer, 4);
                } else {
                    out.append('\xcf');
                    putBigEndian(out, static_cast<quint64>(integer), 8);
                }
            } else if (integer >= -32) {
                out.append(static_cast<char>(integer));
            } else if (integer >= -128) {
                out.append('\xd0');
                putBigEndian(out, static_cast<quint64>(integer), 1);
            } else if (integer >= -32768) {
                out.append('\xd1');
                putBigEndian(out, static_cast<quint64>(integer), 2);
            } else if (integer >= -2147483648LL) {
                out.append('\xd2');
                putBigEndian(out, static_cast<quint64>(integer), 4);
            } else {
                out.append('\xd3');
                putBigEndian(out, static_cast<quint64>(integer), 8);
            }
            return;
        }
        quint64 bits;
        std::memcpy(&bits, &number, sizeof bits);
        out.append('\xcb');
        putBigEndian(out, bits, 8);
        return;
    }
    case QJsonValue::String: {
        const QByteArray utf8 = value.toString().toUtf8();
        putLength(out, static_cast<quint64>(utf8.size()), 0xa0, 31, 0xd9, 0xda, 0xdb);
        out.append(utf8);
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        putLength(out, static_cast<quint64>(array.size()), 0x90, 15, 0, 0xdc, 0xdd);
        for (const QJsonValue& element : array)
            encodeInto(out, element);
        return;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        putLength(out, static_cast<quint64>(object.size()), 0x80, 15, 0, 0xde, 0xdf);
        for (auto it = object.begin(); it != object.end(); ++it) {
            encodeInto(out, it.key());
            encodeInto(out, it.value());
        }
        return;
    }
    }
}

class Reader {
public:
    explicit Reader(const QByteArray& bytes)
        : data_(reinterpret_cast<const uchar*>(bytes.constData())), size_(bytes.size()) {}

    std::optional<QJsonValue> value(int depth) {
        if (depth > MsgPack::kMaxDepth)
            return fail(QStringLiteral("nested deeper than %1 levels").arg(MsgPack::kMaxDepth));
        quint64 code;
        if (!read(1, &code))
            return std::nullopt;
        if (code <= 0x7f)
            return QJsonValue(static_cast<double>(code));
        if (code >= 0xe0)
            return QJsonValue(static_cast<double>(static_cast<qint8>(code)));
        if ((code & 0xe0) == 0xa0)
            return string(code & 0x1f);
        if ((code & 0xf0) == 0x90)
            return array(code & 0x0f, depth);
        if ((code & 0xf0) == 0x80)
            return map(code & 0x0f, depth);
        quint64 n;
        switch (code) {
        case 0xc0:
            return QJsonValue(QJsonValue::Null);
        case 0xc2:
            return QJsonValue(false);
        case 0xc3:
            return QJsonValue(true);
        case 0xcc:
        case 0xcd:
        case 0xce:
        case 0xcf:
            if (!read(1 << (code - 0xcc), &n))
                return std::nullopt;
            return QJsonValue(static_cast<double>(n));
        case 0xd0:
            return signedValue(1);
        case 0xd1:
            return signedValue(2);
        case 0xd2:
            return signedValue(4);
        case 0xd3:
            return signedValue(8);
        case 0xca: {
            if (!read(4, &n))
                return std::nullopt;
            const quint32 bits = static_cast<quint32>(n);
            float number;
            std::memcpy(&number, &bits, sizeof number);
            return QJsonValue(static_cast<double>(number));
        }
        case 0xcb: {
            if (!read(8, &n))
                return std::nullopt;
            double number;
            std::memcpy(&number, &n, sizeof number);
            return QJsonValue(number);
        }
        case 0xd9:
        case 0xda:
        case 0xdb:
            if (!read(1 << (code - 0xd9), &n))
                return std::nullopt;
            return string(n);
        case 0xdc:
        case 0xdd:
            if (!read(code == 0xdc ? 2 : 4, &n))
                return std::nullopt;
            return array(n, depth);
        case 0xde:
        case 0xdf:
            if (!read(code == 0xde ? 2 : 4, &n))
                return std::nullopt;
            return map(n, depth);
        default:
            // 0xc1 (never used), bin and ext: nothing in the protocol is binary.
            return fail(QStringLiteral("type byte 0x%1 at offset %2 is not a JSON value")
                            .arg(code, 2, 16, QLatin1Char('0'))
                            .arg(offset_ - 1));
        }
    }

    bool atEnd() const { return offset_ == size_; }
    qsizetype offset() const { return offset_; }
    QString error() const { return error_; }

private:
    std::nullopt_t fail(const QString& why) {
        if (error_.isEmpty())
            error_ = why;
        return std::nullopt;
    }
    bool read(int bytes, quint64* value) {
        if (size_ - offset_ < bytes) {
            fail(QStringLiteral("the message ends in the middle of a value (offset %1)").arg(offset_));
            return false;
        }
        *value = 0;
        for (int i = 0; i < bytes; ++i)
            *value = (*value << 8) | data_[offset_++];
        return true;
    }
    std::optional<QJsonValue> signedValue(int bytes) {
        quint64 n;
        if (!read(bytes, &n))
            return std::nullopt;
        const int shift = 64 - 8 * bytes;
        return QJsonValue(static_cast<double>(static_cast<qint64>(n << shift) >> shift));
    }
    std::optional<QJsonValue> string(quint64 length) {
        if (static_cast<quint64>(size_ - offset_) < length)
            return fail(QStringLiteral("a string of %1 bytes is longer than the message").arg(length));
        const QString text =
            QString::fromUtf8(reinterpret_cast<const char*>(data_ + offset_), static_cast<qsizetype>(length));
        offset_ += static_cast<qsizetype>(length);
        return QJsonValue(text);
    }
    std::optional<QJsonValue> array(quint64 count, int depth) {
        // Every element takes at least one byte: a count beyond what is left is a lie.
        if (static_cast<quint64>(size_ - offset_) < count)
            return fail(QStringLiteral("an array of %1 elements is longer than the message").arg(count));
        QJsonArray array;
        for (quint64 i = 0; i < count; ++i) {
            std::optional<QJsonValue> element = value(depth + 1);
            if (!element)
                return std::nullopt;
            array.append(*element);
        }
        return QJsonValue(array);
    }
    std::optional<QJsonValue> map(quint64 count, int depth) {
        if (static_cast<quint64>(size_ - offset_) / 2 < count)
            return fail(QStringLiteral("a map of %1 entries is longer than the message").arg(count));
        QJsonObject object;
        for (quint64 i = 0; i < count; ++i) {
            const std::optional<QJsonValue> key = value(depth + 1);
            if (!key)
                return std::nullopt;
            if (!key->isString())
                return fail(QStringLiteral("a map key at offset %1 is not a string").arg(offset_));
            const std::optional<QJsonValue> element = value(depth + 1);
            if (!element)
                return std::nullopt;
            object.insert(key->toString(), *element);
        }
        return QJsonValue(object);
    }

    const uchar* data_;
    qsizetype size_;
    qsizetype offset_ = 0;
    QString error_;
};

} // namespace

QByteArray MsgPack::encode(const QJsonValue& value) {
    QByteArray out;
    encodeInto(out, value);
    return out;
}

std::optional<QJsonValue> MsgPack::decode(const QByteArray& bytes, QString* error) {
    Reader reader(bytes);
    std::optional<QJsonValue> value = reader.value(0);
    if (value && !reader.atEnd()) {
        *error = QStringLiteral("%1 bytes follow the value").arg(bytes.size() - reader.offset());
        return std::nullopt;
    }
    if (!value)
        *error = reader.error();
    return value;
}

} // namespace xz::remote
