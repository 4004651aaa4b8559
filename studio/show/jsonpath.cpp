#include "jsonpath.h"

namespace xz::show::jsonpath {
namespace {

bool isPlainIdentifier(const QString& key) {
    if (key.isEmpty())
        return false;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'$';
        const bool digit = c >= u'0' && c <= u'9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

} // namespace

QString member(const QString& parent, const QString& key) {
    if (isPlainIdentifier(key))
        return parent + u'.' + key;
    QString escaped = key;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return parent + QStringLiteral("[\"") + escaped + QStringLiteral("\"]");
}

QString element(const QString& parent, qsizetype index) {
    return parent + u'[' + QString::number(index) + u']';
}

QString parent(const QString& path) {
    if (path.size() <= 1)
        return kRoot.toString();
    qsizetype cut = -1;
    if (path.endsWith(u']')) {
        // Walk back to the matching '[' that is not inside a quoted key.
        bool inString = false;
        for (qsizetype i = path.size() - 1; i > 0; --i) {
            const QChar c = path.at(i);
            if (c == u'"' && path.at(i - 1) != u'\\')
                inString = !inString;
            else if (c == u'[' && !inString) {
                cut = i;
                break;
            }
        }
    } else {
        cut = path.lastIndexOf(u'.');
    }
    return cut <= 0 ? kRoot.toString() : path.left(cut);
}

} // namespace xz::show::jsonpath
