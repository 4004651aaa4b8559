// The Editor's export list: every trim and export in the clip job queue, newest first, with its progress,
// its state in words, what went wrong or what the studio noted (where a cut landed, a re-encode), and whether
// it can still be cancelled or is finished and ready for the upload queue.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace xz::clips {
class ClipJobQueue;
}

namespace xz::ui {

class ExportJobListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EditorModel provides the export list")
public:
    enum class Role {
        JobId = Qt::UserRole + 1,
        FileName,
        Output,
        Title,
        Preset,
        StateText,
        Progress,
        Running,
        Done,
        CanCancel,
        ErrorText,
        NoteText,
    };
    Q_ENUM(Role)

    explicit ExportJobListModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}
    // Follows the queue from now on (null: empty).
    void setQueue(clips::ClipJobQueue* queue);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void changed(qint64 id, const QList<int>& roles);

    clips::ClipJobQueue* queue_ = nullptr;
    QList<qint64> ids_; // newest first
};

} // namespace xz::ui
