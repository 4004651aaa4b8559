// The clips of one recording (or of all, with no recording set), in time order, for the Editor's clip list;
// removing a clip here removes its description only.
#pragma once

#include "clip.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace xz::clips {

class ClipLibrary;

class ClipListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The app provides the clip library's models")
    Q_PROPERTY(QString recording READ recording WRITE setRecording NOTIFY recordingChanged)
public:
    enum class Role {
        ClipId = Qt::UserRole + 1,
        Recording,
        InSec,
        OutSec,
        DurationSec,
        Title,
        Hashtags,
        CoverSec,
        Preset,
        Fill,
        CropX,
    };
    Q_ENUM(Role)

    explicit ClipListModel(ClipLibrary& library, QObject* parent = nullptr);
    QString recording() const { return recording_; }
    void setRecording(const QString& recording);
    Q_INVOKABLE bool remove(qint64 clipId);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void recordingChanged();

private:
    void reload();
    ClipLibrary& library_;
    QString recording_;
    std::vector<Clip> clips_;
};

} // namespace xz::clips
