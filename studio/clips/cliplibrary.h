// The Editor's library: the recordings in the recordings folder (with their markers when the rundown left a
// sidecar) and the clips made from them, kept in the ClipStore. Deleting a clip never deletes a recording
// or an exported file. A QObject on the Editor's thread; the list models are thin views over it.
#pragma once

#include "clip.h"
#include "clipstore.h"
#include "markers.h"

#include <QObject>
#include <QStringList>
#include <vector>

namespace xz::clips {

struct Recording {
    QString path;
    QString fileName;
    qint64 sizeBytes = 0;
    qint64 modifiedMs = 0;
    double durationSec = 0; // 0 when unknown (e.g. a recording cut short)
    std::optional<RecordingMarkers> markers;
    QString markersError; // "中文 / English (file:line:col ...)", empty when fine
};

class ClipLibrary : public QObject {
    Q_OBJECT
public:
    ClipLibrary(ClipStore& store, QStringList folders, QObject* parent = nullptr);

    // Reads the folders again (newest recording first); video files only, never the studio's temporary files.
    void refresh();
    const std::vector<Recording>& recordings() const { return recordings_; }
    const Recording* recording(const QString& path) const;

    Result<std::vector<Clip>> clips(const QString& recording = {}) const { return store_.clips(recording); }
    // Checks the clip against its recording (in < out, inside the recording) before saving it.
    Result<Clip> addClip(const Clip& clip);
    Result<bool> updateClip(const Clip& clip);
    Result<bool> removeClip(qint64 id);

signals:
    void recordingsChanged();
    void clipsChanged(const QString& recording);

private:
    std::optional<UserError> check(const Clip& clip) const;
    ClipStore& store_;
    QStringList folders_;
    std::vector<Recording> recordings_;
};

} // namespace xz::clips
