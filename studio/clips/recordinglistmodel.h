// The Editor's list of recordings, newest first: name, length, size, how many markers and clips each has, and
// a markers file's error when the rundown's sidecar cannot be read.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace xz::clips {

class ClipLibrary;

class RecordingListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The app provides the clip library's models")
public:
    enum class Role {
        Path = Qt::UserRole + 1,
        FileName,
        DurationSec,
        SizeBytes,
        ModifiedMs,
        MarkerCount,
        ClipCount,
        MarkersError,
    };
    Q_ENUM(Role)

    explicit RecordingListModel(ClipLibrary& library, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();
    ClipLibrary& library_;
    QHash<QString, int> clipCounts_;
};

} // namespace xz::clips
