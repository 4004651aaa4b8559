// The Uploads view's model: one row per queued clip with progress, rate, ETA, state in words (zh/en) and the
// error details, plus pause/resume/retry/cancel for the buttons. A thin view over UploadQueue.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace xz::upload {

class UploadQueue;

class UploadListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The app provides the upload queue's model")
public:
    enum class Role {
        JobId = Qt::UserRole + 1,
        FileName,
        Title,
        Target, // with secrets redacted
        State,  // JobState as an int
        StateText,
        Progress, // 0..1
        BytesDone,
        Size,
        BytesPerSecond,
        EtaSeconds, // -1 when unknown
        EtaText,
        ErrorText,   // "中文 / English", empty when none
        ErrorDetail, // technical detail, redacted
        Attempts,
        CanPause,
        CanResume,
        CanRetry,
        CanCancel,
    };
    Q_ENUM(Role)

    explicit UploadListModel(UploadQueue& queue, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE bool pause(qint64 jobId);
    Q_INVOKABLE bool resume(qint64 jobId);
    Q_INVOKABLE bool retry(qint64 jobId);
    Q_INVOKABLE bool cancel(qint64 jobId);

    static QString formatDuration(qint64 seconds);

private:
    void onJobAdded(qint64 id);
    void onJobChanged(qint64 id);

    UploadQueue& queue_;
    QList<qint64> ids_;
};

} // namespace xz::upload
