// JSON paths as error messages show them: "$", "$.scenes[2].items[0].source", "$[\"odd key\"]".
#pragma once

#include <QString>

namespace xz::show::jsonpath {

inline constexpr QStringView kRoot = u"$";

// Appends an object member: ".name" for plain identifiers, ["..."] for anything else.
QString member(const QString& parent, const QString& key);
// Appends an array element: "[index]".
QString element(const QString& parent, qsizetype index);
// The path one level up ("$.a.b[1]" -> "$.a.b"); "$" stays "$".
QString parent(const QString& path);

} // namespace xz::show::jsonpath
