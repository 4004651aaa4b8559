// The Uploads view's model: the queue (each job with progress, rate, ETA, state in words, and pause /
// resume / retry / cancel), the targets the operator configured, and adding a file to one of them. When the
// queue cannot run here (another `xiaozhan upload run` holds it, or upload.json is damaged) the view says
// why in plain words instead of showing an empty list.
#pragma once

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace xz::upload {
class UploadListModel;
class UploadService;
} // namespace xz::upload

namespace xz::ui {

struct UploadDestination {
    QString name;
    QString target;
};

class UploadsModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The app provides the uploads model")
    Q_PROPERTY(QObject* jobs READ jobs NOTIFY availableChanged)
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY availableChanged)
    Q_PROPERTY(QStringList destinations READ destinations NOTIFY destinationsChanged)
    Q_PROPERTY(bool adding READ adding NOTIFY addingChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)

public:
    explicit UploadsModel(QObject* parent = nullptr);
    ~UploadsModel() override;

    // Starts the queue (it uploads while the app is open). Safe to call again after a problem was fixed.
    Q_INVOKABLE void startQueue();
    void setDestinations(const QList<UploadDestination>& destinations);

    QObject* jobs() const;
    bool available() const { return service_ != nullptr; }
    QString problem() const { return problem_; }
    QStringList destinations() const;
    bool adding() const { return adding_ > 0; }
    QString notice() const { return notice_; }

    // A file (a path or a file:// URL from the file dialog) to the destination at `index`.
    // `hashtags` (each starting with '#') go with the clip where the platform takes them (Douyin).
    Q_INVOKABLE void addFile(const QString& pathOrUrl, int destination, const QString& title,
                             const QStringList& hashtags = {});

signals:
    void availableChanged();
    void destinationsChanged();
    void addingChanged();
    void noticeChanged();

private:
    void setNotice(const QString& notice);

    std::unique_ptr<upload::UploadService> service_;
    QList<UploadDestination> destinations_;
    QString problem_;
    QString notice_;
    int adding_ = 0;
};

} // namespace xz::ui
