#include "uploadservice.h"

#include "jobbuilder.h"

#include <QPointer>
#include <QThreadPool>

namespace xz::upload {

Result<std::unique_ptr<UploadService>> UploadService::start(QObject* parent) {
    std::unique_ptr<UploadService> service(new UploadService(parent));
    auto config = UploadConfig::load();
    if (!config)
        return config.error();
    service->config_ = std::make_unique<UploadConfig>(std::move(*config));
    auto lock = RunLock::acquire();
    if (!lock)
        return lock.error();
    service->lock_ = std::move(*lock);
    auto store = JobStore::open(JobStore::defaultPath());
    if (!store)
        return store.error();
    service->store_ = std::move(*store);
    service->transport_ = std::make_unique<CurlTransport>(service->config_->transfer);
    service->factory_ = std::make_unique<TargetFactory>(*service->transport_, *service->config_);
    TargetFactory* factory = service->factory_.get();
    service->queue_ = std::make_unique<UploadQueue>(
        *service->store_, [factory](const QString& target) { return factory->create(target); },
        service->config_->limits);
    service->model_ = std::make_unique<UploadListModel>(*service->queue_);
    if (auto started = service->queue_->start(); !started)
        return started.error();
    return service;
}

UploadService::~UploadService() {
    // Attempts stop; jobs stay "uploading" in the database and resume next time.
    if (queue_)
        queue_->stop();
    model_.reset();
    queue_.reset();
}

void UploadService::add(const QString& path, const QString& target, const QString& title,
                        const QStringList& hashtags, bool force, std::function<void(Result<Added>)> done) {
    QPointer<UploadService> self(this);
    const UploadConfig config = *config_;
    QThreadPool::globalInstance()->start([self, path, target, title, hashtags, force, config, done] {
        Result<UploadJob> job = JobBuilder::fromFile(path, target, title, hashtags, config);
        QMetaObject::invokeMethod(
            self.data(),
            [self, job, force, done]() mutable {
                if (!self)
                    return;
                if (!job) {
                    done(job.error());
                    return;
                }
                Result<JobStore::AddResult> added = self->queue_->add(*job, force);
                if (!added) {
                    done(added.error());
                    return;
                }
                done(Added{added->outcome, added->job});
            },
            Qt::QueuedConnection);
    });
}

} // namespace xz::upload
