#include "remoteserver.h"

#include "studio.h"
#include "studioevents.h"
#include "studiorequests.h"
#include "volumemeterfeed.h"

#include <QCoreApplication>
#include <obs.h>

namespace xz::remote {

RemoteServer::RemoteServer(live::Studio& studio, const ControlSettings& settings, QObject* parent)
    : QObject(parent), studio_(&studio), address_(settings.address), requestedPort_(settings.port),
      settingsError_(settings.check()), protocol_(settings.password, QLatin1String(obs_get_version_string())),
      requests_(std::make_unique<StudioRequests>(studio, protocol_)),
      events_(std::make_unique<StudioEvents>(studio, protocol_)),
      meters_(std::make_unique<VolumeMeterFeed>(studio, protocol_)) {
    const auto followCanvas = [this] {
        if (studio_ && !studio_->sceneIds().isEmpty())
            protocol_.setFrameIntervalMs(1000.0 / std::max(1, studio_->show().canvas.fps));
    };
    followCanvas();
    connect(&studio, &live::Studio::showChanged, this, followCanvas);
    // The Studio is gone (its members already are): nothing may touch it any more.
    connect(&studio, &QObject::destroyed, this, &RemoteServer::shutDown);
    if (QCoreApplication::instance())
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, &RemoteServer::shutDown);
}

RemoteServer::~RemoteServer() {
    shutDown();
}

std::optional<UserError> RemoteServer::start() {
    if (settingsError_)
        return settingsError_;
    QString reason;
    if (!protocol_.listen(address_, requestedPort_, &reason))
        return UserError{
            QStringLiteral("无法在 %1 端口 %2 打开遥控服务（端口可能已被占用）")
                .arg(address_.toString())
                .arg(requestedPort_),
            QStringLiteral("cannot open remote control on %1 port %2 (the port may already be in use)")
                .arg(address_.toString())
                .arg(requestedPort_),
            reason};
    return std::nullopt;
}

void RemoteServer::setRecordingFolder(const QString& directory) {
    requests_->setRecordingFolder(directory);
    // The studio reports that folder's free space in its stats (GetStats' availableDiskSpace).
    if (studio_)
        studio_->setRecordingFolder(directory);
}

void RemoteServer::registerVendorRequest(const QString& vendorName, const QString& requestType,
                                         VendorHandler handler) {
    protocol_.registerVendorRequest(vendorName, requestType, std::move(handler));
}

void RemoteServer::emitVendorEvent(const QString& vendorName, const QString& eventType,
                                   const QJsonObject& eventData) {
    protocol_.emitVendorEvent(vendorName, eventType, eventData);
}

void RemoteServer::shutDown() {
    meters_->stop();
    events_.reset(); // no more studio signals become events
    protocol_.shutDown();
}

} // namespace xz::remote
