// The checks every trim and export shares before any work starts (the range fits the recording, the output
// is a new file unless overwriting was asked for, and not the input itself) and the output's life: written
// under a temporary name in the same folder, renamed into place only when complete, removed on failure or
// cancellation, so a half-written clip never looks finished and nothing existing is lost.
#pragma once

#include "clipresult.h"
#include "sourceinfo.h"

#include <QString>
#include <QStringList>

namespace xz::clips {

// in inclusive, out exclusive; out < 0 means "to the end".
std::optional<UserError> checkRange(const SourceInfo& source, double inSec, double outSec);

class OutputFile {
public:
    // Fails when the name has none of `extensions`, is the input, already exists (unless `overwrite`), or
    // its folder is missing or not writable.
    static Result<OutputFile> prepare(const QString& input, const QString& output, bool overwrite,
                                      const QStringList& extensions);
    OutputFile(OutputFile&& other) noexcept;
    OutputFile& operator=(OutputFile&&) = delete;
    ~OutputFile(); // removes the temporary file unless committed

    const QString& finalPath() const { return final_; }
    const QString& partialPath() const { return partial_; }
    QString extension() const; // lower case, without the dot
    std::optional<UserError> commit();

private:
    OutputFile(QString finalPath, QString partialPath);
    QString final_;
    QString partial_;
    bool committed_ = false;
};

} // namespace xz::clips
