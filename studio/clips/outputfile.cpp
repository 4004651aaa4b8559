#include "outputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

namespace xz::clips {
namespace {

QString seconds(double s) {
    return QString::number(s, 'f', 3);
}

} // namespace

std::optional<UserError> checkRange(const SourceInfo& source, double inSec, double outSec) {
    const QString name = QFileInfo(source.path).fileName();
    if (inSec < 0)
        return UserError{QStringLiteral("起点不能是负数：%1 秒").arg(seconds(inSec)),
                         QStringLiteral("the start cannot be negative: %1 s").arg(seconds(inSec)), name};
    if (outSec >= 0 && outSec <= inSec)
        return UserError{
            QStringLiteral("终点（%1 秒）必须晚于起点（%2 秒）").arg(seconds(outSec), seconds(inSec)),
            QStringLiteral("the end (%1 s) must come after the start (%2 s)")
                .arg(seconds(outSec), seconds(inSec)),
            name};
    if (source.durationSec > 0) {
        // One frame of slack: "to the end" typed as the duration the player shows must not fail.
        const double slack = source.frameDurationSec();
        if (inSec >= source.durationSec)
            return UserError{QStringLiteral("起点 %1 秒超出了录像长度（%2 秒）：%3")
                                 .arg(seconds(inSec), seconds(source.durationSec), name),
                             QStringLiteral("the start %1 s is past the end of the recording (%2 s long): %3")
                                 .arg(seconds(inSec), seconds(source.durationSec), name),
                             {}};
        if (outSec > source.durationSec + slack)
            return UserError{QStringLiteral("终点 %1 秒超出了录像长度（%2 秒）：%3")
                                 .arg(seconds(outSec), seconds(source.durationSec), name),
                             QStringLiteral("the end %1 s is past the end of the recording (%2 s long): %3")
                                 .arg(seconds(outSec), seconds(source.durationSec), name),
                             {}};
    }
    return std::nullopt;
}

OutputFile::OutputFile(QString finalPath, QString partialPath)
    : final_(std::move(finalPath)), partial_(std::move(partialPath)) {}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : final_(std::move(other.final_)), partial_(std::move(other.partial_)), committed_(other.committed_) {
    other.committed_ = true; // the moved-from object owns nothing any more
}

OutputFile::~OutputFile() {
    if (!committed_ && !partial_.isEmpty())
        QFile::remove(partial_);
}

QString OutputFile::extension() const {
    return QFileInfo(final_).suffix().toLower();
}

Result<OutputFile> OutputFile::prepare(const QString& input, const QString& output, bool overwrite,
                                       const QStringList& extensions) {
    const QFileInfo out(output);
    const QString suffix = out.suffix().toLower();
    if (!extensions.contains(suffix))
        return UserError{
            QStringLiteral("输出文件的扩展名应为 %1：%2").arg(extensions.join(QStringLiteral("、")), output),
            QStringLiteral("the output file must end in .%1: %2")
                .arg(extensions.join(QStringLiteral(", .")), output),
            {}};
    if (out.exists() && QFileInfo(input).exists() &&
        out.canonicalFilePath() == QFileInfo(input).canonicalFilePath())
        return UserError{QStringLiteral("输出文件不能是原文件本身：%1").arg(output),
                         QStringLiteral("the output cannot be the input file itself: %1").arg(output),
                         {}};
    if (out.exists() && !overwrite)
        return UserError{
            QStringLiteral("输出文件已存在，未覆盖（如需覆盖请加 --force）：%1").arg(output),
            QStringLiteral("the output already exists and was left alone (add --force to replace "
                           "it): %1")
                .arg(output),
            {}};
    const QFileInfo folder(out.absolutePath());
    if (!folder.isDir())
        return UserError{QStringLiteral("输出文件夹不存在：%1").arg(out.absolutePath()),
                         QStringLiteral("the output folder does not exist: %1").arg(out.absolutePath()),
                         {}};
    if (!folder.isWritable())
        return UserError{QStringLiteral("输出文件夹不可写：%1").arg(out.absolutePath()),
                         QStringLiteral("cannot write into the output folder: %1").arg(out.absolutePath()),
                         {}};
    // Hidden, in the same folder (so the rename is atomic), unique per process.
    const QString partial = out.absolutePath() + QStringLiteral("/.") + out.completeBaseName() +
                            QStringLiteral(".partial-%1.").arg(::getpid()) + suffix;
    return OutputFile(out.absoluteFilePath(), partial);
}

std::optional<UserError> OutputFile::commit() {
    QFile partial(partial_);
    if (!partial.exists() || partial.size() == 0)
        return UserError{QStringLiteral("没有写出任何内容：%1").arg(final_),
                         QStringLiteral("nothing was written: %1").arg(final_), partial_};
    // std::rename replaces an existing file atomically (QFile::rename refuses to).
    if (std::rename(QFile::encodeName(partial_).constData(), QFile::encodeName(final_).constData()) != 0)
        return UserError{QStringLiteral("无法保存文件：%1").arg(final_),
                         QStringLiteral("cannot save the file: %1").arg(final_),
                         QString::fromLocal8Bit(strerror(errno))};
    committed_ = true;
    return std::nullopt;
}

} // namespace xz::clips
