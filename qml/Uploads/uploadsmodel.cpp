#include "uploadsmodel.h"

#include "uploadservice.h"

#include <QFileInfo>
#include <QUrl>

namespace xz::ui {

UploadsModel::UploadsModel(QObject* parent) : QObject(parent) {}

UploadsModel::~UploadsModel() = default;

void UploadsModel::startQueue() {
    if (service_)
        return;
    auto started = upload::UploadService::start();
    if (!started) {
        problem_ = started.error().message();
        emit availableChanged();
        return;
    }
    service_ = std::move(*started);
    problem_.clear();
    emit availableChanged();
}

void UploadsModel::setDestinations(const QList<UploadDestination>& destinations) {
    destinations_ = destinations;
    emit destinationsChanged();
}

QObject* UploadsModel::jobs() const {
    return service_ ? &service_->model() : nullptr;
}

QStringList UploadsModel::destinations() const {
    QStringList names;
    for (const UploadDestination& destination : destinations_)
        names.append(destination.name);
    return names;
}

void UploadsModel::setNotice(const QString& notice) {
    notice_ = notice;
    emit noticeChanged();
}

void UploadsModel::addFile(const QString& pathOrUrl, int destination, const QString& title,
                           const QStringList& hashtags) {
    if (!service_) {
        setNotice(problem_);
        return;
    }
    if (destination < 0 || destination >= destinations_.size()) {
        setNotice(tr("请先选择上传到哪里（可在“设置”里添加）"));
        return;
    }
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    const QString name = QFileInfo(path).fileName();
    ++adding_;
    emit addingChanged();
    setNotice(tr("正在检查 %1 …").arg(name));
    service_->add(path, destinations_.at(destination).target, title, hashtags, false,
                  [this, name](upload::Result<upload::UploadService::Added> added) {
                      --adding_;
                      emit addingChanged();
                      if (!added) {
                          setNotice(added.error().message());
                          return;
                      }
                      switch (added->outcome) {
                      case upload::JobStore::AddOutcome::Added:
                      case upload::JobStore::AddOutcome::Requeued:
                          setNotice(tr("%1 已加入上传队列").arg(name));
                          break;
                      case upload::JobStore::AddOutcome::AlreadyQueued:
                          setNotice(tr("%1 已经在队列里了").arg(name));
                          break;
                      case upload::JobStore::AddOutcome::AlreadyUploaded:
                          setNotice(tr("%1 已经上传过，没有重复加入").arg(name));
                          break;
                      }
                  });
}

} // namespace xz::ui
