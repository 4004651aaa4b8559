// Reads a rundown from a spreadsheet saved as CSV: a header row naming the columns (title, duration, scene,
// notes, end, or 标题, 时长, 场景, 备注, 结束), one segment per row. Durations as seconds, MM:SS or HH:MM:SS.
// The text may be UTF-8 with or without a byte-order mark, or GB18030 as Excel writes "CSV" on Chinese
// Windows. With the show, a scene may be named by its id or its Chinese name. Errors name the row and column.
#pragma once

#include "importresult.h"
#include "show.h"

#include <QByteArray>
#include <QString>

namespace xz::rundown {

class CsvImporter {
public:
    static constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;

    // `show` may be null: scenes must then be written as ids and are not checked.
    static ImportResult importFile(const QString& path, const show::Show* show);
    static ImportResult importBytes(const QByteArray& bytes, const QString& displayName,
                                    const show::Show* show);
};

} // namespace xz::rundown
