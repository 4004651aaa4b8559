#include "csvimporter.h"

#include "rundownparser.h"
#include "showparser.h"
#include "timeparse.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringDecoder>
#include <cmath>

namespace xz::rundown {
namespace {

struct Field {
    QString text;
    int line = 0;
    int column = 0;
};

struct Row {
    int line = 0;
    QList<Field> fields;
};

enum class Column { Title = 1, Duration, Scene, Notes, End };

struct ColumnName {
    const char16_t* en;
    const char16_t* zh;
    Column column;
};

constexpr ColumnName kColumns[] = {
    {u"title", u"标题", Column::Title}, {u"duration", u"时长", Column::Duration},
    {u"scene", u"场景", Column::Scene}, {u"notes", u"备注", Column::Notes},
    {u"end", u"结束", Column::End},
};

// What a volunteer may write in the "end" column.
const QHash<QString, EndAction>& endWords() {
    static const QHash<QString, EndAction> words{
        {QString(), EndAction::None},
        {QStringLiteral("none"), EndAction::None},
        {QStringLiteral("无"), EndAction::None},
        {QStringLiteral("超时"), EndAction::None},
        {QStringLiteral("next"), EndAction::Next},
        {QStringLiteral("自动"), EndAction::Next},
        {QStringLiteral("下一段"), EndAction::Next},
        {QStringLiteral("hold"), EndAction::Hold},
        {QStringLiteral("停"), EndAction::Hold},
        {QStringLiteral("停住"), EndAction::Hold},
    };
    return words;
}

class CsvReader {
public:
    CsvReader(QString displayName, QList<FileError>& errors)
        : file_(std::move(displayName)), errors_(errors) {}

    void error(int line, int column, const QString& where, const QString& zh, const QString& en) {
        errors_.append(FileError{file_, where, line, column, zh, en});
    }

    // Text to rows (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks).
    std::optional<QList<Row>> parse(const QString& text) {
        const QChar delimiter = detectDelimiter(text);
        QList<Row> rows;
        Row row;
        int line = 1;
        int column = 1;
        qsizetype i = 0;
        const qsizetype n = text.size();
        bool rowHasContent = false;
        auto endRow = [&] {
            if (rowHasContent)
                rows.append(row);
            row = Row{};
            rowHasContent = false;
        };
        while (i <= n) {
            if (row.fields.isEmpty())
                row.line = line;
            Field field{QString(), line, column};
            if (i < n && text.at(i) == u'"') {
                const int quoteLine = line;
                const int quoteColumn = column;
                ++i;
                ++column;
                bool closed = false;
                while (i < n) {
                    const QChar c = text.at(i);
                    if (c == u'"') {
                        if (i + 1 < n && text.at(i + 1) == u'"') {
                            field.text += u'"';
                            i += 2;
                            column += 2;
                            continue;
                        }
                        ++i;
                        ++column;
                        closed = true;
                        break;
                    }
                    field.text += c;
                    ++i;
                    if (c == u'\n') {
                        ++line;
                        column = 1;
                    } else {
                        ++column;
                    }
                }
                field.text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
                if (!closed) {
                    error(
                        quoteLine, quoteColumn, QStringLiteral("CSV"),
                        QStringLiteral("引号没有结束：这个字段从这里开始，缺少右引号 “\"”"),
                        QStringLiteral("unterminated quote: the field starting here lacks its closing '\"'"));
                    return std::nullopt;
                }
                if (i < n && text.at(i) != delimiter && text.at(i) != u'\n' && text.at(i) != u'\r') {
                    error(
                        line, column, QStringLiteral("CSV"),
                        QStringLiteral("右引号后面应是分隔符或换行，实际为 “%1”").arg(text.at(i)),
                        QStringLiteral("after a closing quote comes a separator or a line break, found '%1'")
                            .arg(text.at(i)));
                    return std::nullopt;
                }
            } else {
                while (i < n && text.at(i) != delimiter && text.at(i) != u'\n' && text.at(i) != u'\r') {
                    field.text += text.at(i);
                    ++i;
                    ++column;
                }
                field.text = field.text.trimmed();
            }
            rowHasContent = rowHasContent || !field.text.trimmed().isEmpty();
            row.fields.append(field);
            if (i < n && text.at(i) == delimiter) {
                ++i;
                ++column;
                continue;
            }
            // End of a line or of the text.
            if (i < n && text.at(i) == u'\r')
                ++i;
            if (i < n && text.at(i) == u'\n')
                ++i;
            ++line;
            column = 1;
            endRow();
            if (i >= n)
                break;
        }
        return rows;
    }

private:
    // Excel writes commas; some exports use tabs or semicolons. The header row tells.
    static QChar detectDelimiter(const QString& text) {
        const QString header = text.left(text.indexOf(u'\n'));
        if (header.contains(u','))
            return u',';
        if (header.contains(u'\t'))
            return u'\t';
        if (header.contains(u';'))
            return u';';
        return u',';
    }

    QString file_;
    QList<FileError>& errors_;
};

// Bytes to text: UTF-8 (a byte-order mark is allowed) or GB18030, which Excel on Chinese Windows writes.
std::optional<QString> decode(const QByteArray& bytes, CsvReader& reader, QStringList& notes) {
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        reader.error(1, 1, QStringLiteral("文件 file"),
                     QStringLiteral("这是 UTF-16 编码的文件：请在 Excel 里另存为 “CSV UTF-8（逗号分隔）”"),
                     QStringLiteral("this file is UTF-16 text: save it from Excel as \"CSV UTF-8 (comma "
                                    "delimited)\""));
        return std::nullopt;
    }
    QByteArray body = bytes;
    const bool bom = body.startsWith("\xEF\xBB\xBF");
    if (bom)
        body.remove(0, 3);
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString asUtf8 = utf8(body);
    if (!utf8.hasError())
        return asUtf8;
    if (!bom) {
        QStringDecoder gb18030("GB18030");
        if (gb18030.isValid()) {
            const QString asGb = gb18030(body);
            if (!gb18030.hasError()) {
                notes << QStringLiteral(
                    "文件按 GB18030 编码读取（Excel 中文版保存的 CSV） / read as GB18030 text "
                    "(a CSV saved by Chinese Excel)");
                return asGb;
            }
        }
    }
    // Name the line and column of the first byte that is not UTF-8, so the user can look at it.
    int line = 1;
    qsizetype lineStart = 0;
    qsizetype bad = body.size();
    QStringDecoder probe(QStringDecoder::Utf8);
    for (qsizetype i = 0; i < body.size(); ++i) {
        (void)probe(QByteArrayView(body).sliced(i, 1));
        if (probe.hasError()) {
            bad = i;
            break;
        }
        if (body.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    const int column = int(QString::fromUtf8(body.mid(lineStart, bad - lineStart)).size()) + 1;
    reader.error(
        line, column, QStringLiteral("文件 file"),
        QStringLiteral("文字编码无法识别：既不是 UTF-8 也不是 GB18030（请另存为 “CSV UTF-8”）"),
        QStringLiteral("unknown text encoding: neither UTF-8 nor GB18030 (save it as \"CSV UTF-8\")"));
    return std::nullopt;
}

QString sceneChoices(const show::Show& show, const QString& separator) {
    QStringList choices;
    for (const show::Scene& scene : show.scenes)
        choices << scene.id + u' ' + scene.name;
    return choices.join(separator);
}

} // namespace

ImportResult CsvImporter::importFile(const QString& path, const show::Show* show) {
    ImportResult result;
    const QFileInfo info(path);
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        result.errors.append(
            FileError{path, QStringLiteral("文件 file"), 0, 0,
                      QStringLiteral("无法打开 CSV 文件：%1").arg(info.absoluteFilePath()),
                      QStringLiteral("cannot open the CSV file: %1").arg(info.absoluteFilePath())});
        return result;
    }
    if (info.size() > kMaxFileBytes) {
        result.errors.append(
            FileError{path, QStringLiteral("文件 file"), 0, 0,
                      QStringLiteral("文件太大（%1 字节，最多 %2 字节）").arg(info.size()).arg(kMaxFileBytes),
                      QStringLiteral("file too large (%1 bytes; at most %2 bytes)")
                          .arg(info.size())
                          .arg(kMaxFileBytes)});
        return result;
    }
    return importBytes(file.readAll(), path, show);
}

ImportResult CsvImporter::importBytes(const QByteArray& bytes, const QString& displayName,
                                      const show::Show* show) {
    ImportResult result;
    CsvReader reader(displayName, result.errors);
    const auto text = decode(bytes, reader, result.notes);
    if (!text)
        return result;
    if (text->trimmed().isEmpty()) {
        reader.error(1, 1, QStringLiteral("文件 file"), QStringLiteral("文件是空的"),
                     QStringLiteral("the file is empty"));
        return result;
    }
    const auto rows = reader.parse(*text);
    if (!rows)
        return result;

    // The header row: which column holds what.
    const Row& header = rows->first();
    QHash<Column, int> columnOf;
    QStringList headerNames;
    for (int i = 0; i < header.fields.size(); ++i) {
        const Field& field = header.fields[i];
        const QString name = field.text.trimmed();
        headerNames << name;
        bool known = false;
        for (const ColumnName& column : kColumns) {
            if (name.compare(QString::fromUtf16(column.en), Qt::CaseInsensitive) != 0 &&
                name != QString::fromUtf16(column.zh))
                continue;
            known = true;
            if (columnOf.contains(column.column))
                reader.error(field.line, field.column, QStringLiteral("标题行 header"),
                             QStringLiteral("“%1” 列出现了两次").arg(name),
                             QStringLiteral("column \"%1\" appears twice").arg(name));
            columnOf.insert(column.column, i);
        }
        if (!known && !name.isEmpty())
            result.notes << QStringLiteral("没有用到的列：“%1” / column not used: \"%1\"").arg(name);
    }
    for (const ColumnName& column : kColumns) {
        if ((column.column == Column::Title || column.column == Column::Duration) &&
            !columnOf.contains(column.column))
            reader.error(header.line, 1, QStringLiteral("标题行 header"),
                         QStringLiteral("缺少 “%1”（%2）列：第一行应写列名，如 标题,时长,场景,备注,结束")
                             .arg(QString::fromUtf16(column.zh), QString::fromUtf16(column.en)),
                         QStringLiteral("missing column \"%1\" (%2): the first row names the columns, e.g. "
                                        "title,duration,scene,notes,end")
                             .arg(QString::fromUtf16(column.en), QString::fromUtf16(column.zh)));
    }
    if (!result.errors.isEmpty())
        return result;
    if (rows->size() < 2) {
        reader.error(header.line, 1, QStringLiteral("文件 file"), QStringLiteral("除了标题行，没有任何段落"),
                     QStringLiteral("there are no segments below the header row"));
        return result;
    }
    if (!show && columnOf.contains(Column::Scene))
        result.notes << QStringLiteral(
            "没有指定 --show：场景只按 id 读取，没有核对 / no --show given: scenes are "
            "read as ids and not checked");

    Rundown rundown;
    rundown.title = QFileInfo(displayName).completeBaseName();
    if (show)
        rundown.show = show->id;
    for (qsizetype r = 1; r < rows->size(); ++r) {
        const Row& row = rows->at(r);
        const auto cell = [&](Column column) -> Field {
            const int index = columnOf.value(column, -1);
            if (index < 0)
                return {};
            if (index >= row.fields.size()) {
                const Field& last = row.fields.last();
                return Field{QString(), last.line, last.column + int(last.text.size())};
            }
            return row.fields[index];
        };
        const auto where = [&](Column column) { return headerNames.value(columnOf.value(column, -1)); };
        for (int i = int(header.fields.size()); i < row.fields.size(); ++i) {
            if (row.fields[i].text.trimmed().isEmpty())
                continue;
            reader.error(
                row.fields[i].line, row.fields[i].column, QStringLiteral("CSV"),
                QStringLiteral("这一行比标题行多出了内容：“%1”").arg(row.fields[i].text),
                QStringLiteral("this row has more columns than the header: \"%1\"").arg(row.fields[i].text));
            break;
        }

        Segment segment;
        segment.cue = QString::number(r);
        const Field title = cell(Column::Title);
        if (title.text.trimmed().isEmpty())
            reader.error(title.line ? title.line : row.line, title.column, where(Column::Title),
                         QStringLiteral("第 %1 个段落没有标题").arg(r),
                         QStringLiteral("segment %1 has no title").arg(r));
        segment.title = title.text.trimmed();

        const Field duration = cell(Column::Duration);
        const auto seconds = parseSeconds(duration.text);
        const qint64 ms = seconds ? qint64(std::llround(*seconds * 1000.0)) : -1;
        if (!seconds)
            reader.error(
                duration.line, duration.column, where(Column::Duration),
                QStringLiteral("时长 “%1” 无效：应为秒数（90）、分:秒（1:30）或 时:分:秒（1:05:00）")
                    .arg(duration.text),
                QStringLiteral("invalid duration \"%1\": expected seconds (90), M:SS (1:30) or H:MM:SS "
                               "(1:05:00)")
                    .arg(duration.text));
        else if (ms < limits::kMinDurationMs || ms > limits::kMaxDurationMs)
            reader.error(
                duration.line, duration.column, where(Column::Duration),
                QStringLiteral("时长 “%1” 超出范围（1 秒到 12 小时）").arg(duration.text),
                QStringLiteral("duration \"%1\" is out of range (1 s to 12 hours)").arg(duration.text));
        segment.durationMs = ms;

        const Field scene = cell(Column::Scene);
        const QString sceneText = scene.text.trimmed();
        if (!sceneText.isEmpty()) {
            if (show) {
                for (const show::Scene& candidate : show->scenes) {
                    if (candidate.id == sceneText || candidate.name == sceneText ||
                        candidate.nameEn.compare(sceneText, Qt::CaseInsensitive) == 0)
                        segment.sceneId = candidate.id;
                }
                if (segment.sceneId.isEmpty())
                    reader.error(scene.line, scene.column, where(Column::Scene),
                                 QStringLiteral("节目 “%1” 里没有场景 “%2”（可用：%3）")
                                     .arg(show->id, sceneText, sceneChoices(*show, QStringLiteral("、"))),
                                 QStringLiteral("show \"%1\" has no scene \"%2\" (available: %3)")
                                     .arg(show->id, sceneText, sceneChoices(*show, QStringLiteral(", "))));
            } else if (show::ShowParser::isValidId(sceneText)) {
                segment.sceneId = sceneText;
            } else {
                reader.error(
                    scene.line, scene.column, where(Column::Scene),
                    QStringLiteral("“%1” 不是场景 id：加上 --show 节目名，就可以写场景的中文名")
                        .arg(sceneText),
                    QStringLiteral("\"%1\" is not a scene id: add --show NAME to use the scenes' names")
                        .arg(sceneText));
            }
        }

        segment.notes = cell(Column::Notes).text.trimmed();

        const Field end = cell(Column::End);
        const QString endText = end.text.trimmed();
        if (const auto it = endWords().constFind(endText.toLower()); it != endWords().constEnd())
            segment.end = it.value();
        else
            reader.error(
                end.line, end.column, where(Column::End),
                QStringLiteral("结束方式 “%1” 无效（可用：none 或 无、next 或 自动、hold 或 停）")
                    .arg(endText),
                QStringLiteral("invalid end action \"%1\" (expected none, next or hold)").arg(endText));
        rundown.segments.append(segment);
    }
    if (result.errors.isEmpty())
        result.rundown = std::move(rundown);
    return result;
}

} // namespace xz::rundown
