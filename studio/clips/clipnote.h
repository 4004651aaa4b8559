// A sentence the studio tells the editor about a finished job, in Chinese and English: where a cut really
// landed, why a clip was re-encoded, that loudness was limited by the peak ceiling.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace xz::clips {

struct ClipNote {
    QString zh;
    QString en;
    QString text() const { return zh + QStringLiteral(" / ") + en; }
    QJsonObject toJson() const { return {{QStringLiteral("zh"), zh}, {QStringLiteral("en"), en}}; }
};

} // namespace xz::clips
