#include "cliplibrary.h"

#include "outputfile.h"
#include "sourceinfo.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace xz::clips {

ClipLibrary::ClipLibrary(ClipStore& store, QStringList folders, QObject* parent)
    : QObject(parent), store_(store), folders_(std::move(folders)) {}

void ClipLibrary::refresh() {
    recordings_.clear();
    for (const QString& folder : folders_) {
        const QFileInfoList files = QDir(folder).entryInfoList(
            {QStringLiteral("*.mkv"), QStringLiteral("*.mp4"), QStringLiteral("*.mov")}, QDir::Files,
            QDir::Time);
        for (const QFileInfo& file : files) {
            Recording r;
            r.path = file.absoluteFilePath();
            r.fileName = file.fileName();
            r.sizeBytes = file.size();
            r.modifiedMs = file.lastModified().toMSecsSinceEpoch();
            if (auto source = SourceProbe::probe(r.path))
                r.durationSec = source->durationSec;
            auto markers = MarkersReader::load(r.path);
            if (markers)
                r.markers = *markers;
            else
                r.markersError = markers.error().toString();
            recordings_.push_back(std::move(r));
        }
    }
    std::stable_sort(recordings_.begin(), recordings_.end(),
                     [](const Recording& a, const Recording& b) { return a.modifiedMs > b.modifiedMs; });
    emit recordingsChanged();
}

const Recording* ClipLibrary::recording(const QString& path) const {
    for (const Recording& r : recordings_)
        if (r.path == path)
            return &r;
    return nullptr;
}

std::optional<UserError> ClipLibrary::check(const Clip& clip) const {
    SourceInfo source;
    source.path = clip.recording;
    if (const Recording* r = recording(clip.recording))
        source.durationSec = r->durationSec;
    else if (!QFileInfo::exists(clip.recording))
        return UserError{QStringLiteral("找不到录像：%1").arg(clip.recording),
                         QStringLiteral("recording not found: %1").arg(clip.recording),
                         {}};
    if (clip.fill != QLatin1String("crop") && clip.fill != QLatin1String("blur"))
        return UserError{QStringLiteral("画面填充方式只能是 crop 或 blur"),
                         QStringLiteral("the fill must be crop or blur"), clip.fill};
    if (clip.cropX < 0 || clip.cropX > 1)
        return UserError{QStringLiteral("裁切位置应在 0 到 1 之间"),
                         QStringLiteral("the crop position must be between 0 and 1"),
                         QString::number(clip.cropX)};
    return checkRange(source, clip.inSec, clip.outSec);
}

Result<Clip> ClipLibrary::addClip(const Clip& clip) {
    if (auto error = check(clip))
        return *error;
    auto added = store_.addClip(clip);
    if (added)
        emit clipsChanged(clip.recording);
    return added;
}

Result<bool> ClipLibrary::updateClip(const Clip& clip) {
    if (auto error = check(clip))
        return *error;
    auto updated = store_.updateClip(clip);
    if (updated)
        emit clipsChanged(clip.recording);
    return updated;
}

Result<bool> ClipLibrary::removeClip(qint64 id) {
    auto all = store_.clips();
    if (!all)
        return all.error();
    QString recording;
    for (const Clip& c : *all)
        if (c.id == id)
            recording = c.recording;
    auto removed = store_.removeClip(id);
    if (removed && *removed)
        emit clipsChanged(recording);
    return removed;
}

} // namespace xz::clips
