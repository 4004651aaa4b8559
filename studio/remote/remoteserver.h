// The studio's remote control: an obs-websocket v5 server (Stream Deck, Bitfocus Companion, phone remotes,
// scripts written for OBS) in front of one running Studio, on the main thread next to it.
//
//   auto remote = std::make_unique<remote::RemoteServer>(*studio, settings);   // ControlSettings::parse(...)
//   remote->setRecordingFolder(recordDir);                                     // for StartRecord
//   if (auto error = remote->start()) ...;                                     // listens; port() says where
//   remote->registerVendorRequest("xiaozhan", "GetRundown", handler);          // the host's second screen
//   remote->emitVendorEvent("xiaozhan", "RundownChanged", snapshot);
//
// Destroy it before the Studio (clients hear ExitStarted before the outputs close); if the Studio goes
// first, or the application quits, it says ExitStarted and closes every client by itself.
#pragma once

#include "controlsettings.h"
#include "protocolserver.h"

#include <QPointer>
#include <memory>

namespace xz::live {
class Studio;
}

namespace xz::remote {

class StudioEvents;
class StudioRequests;
class VolumeMeterFeed;

class RemoteServer : public QObject {
    Q_OBJECT
public:
    using VendorHandler = ProtocolServer::VendorHandler;

    RemoteServer(live::Studio& studio, const ControlSettings& settings, QObject* parent = nullptr);
    ~RemoteServer() override;

    // Starts listening. Refuses (bilingual, naming the option) an address other than loopback without a
    // password, and an address or port that cannot be had.
    std::optional<UserError> start();
    // The port clients connect to (the one picked by the system when the settings said 0).
    quint16 port() const { return protocol_.port(); }
    int clientCount() const { return protocol_.clientCount(); }

    // Where StartRecord / ToggleRecord record (the app passes --record DIR or the settings' folder); also
    // given to the Studio. Without it they record where the Studio was told to (Studio::setRecordingFolder).
    void setRecordingFolder(const QString& directory);

    // CallVendorRequest {vendorName, requestType, requestData} runs `handler` with requestData and answers
    // its object as responseData. VendorEvent reaches clients subscribed to Vendors events.
    void registerVendorRequest(const QString& vendorName, const QString& requestType, VendorHandler handler);
    void emitVendorEvent(const QString& vendorName, const QString& eventType, const QJsonObject& eventData);

    // ExitStarted to every client, then each is closed (1001) and the server stops listening.
    void shutDown();

private:
    QPointer<live::Studio> studio_;
    QHostAddress address_;
    quint16 requestedPort_;
    std::optional<UserError> settingsError_;
    ProtocolServer protocol_;
    std::unique_ptr<StudioRequests> requests_;
    std::unique_ptr<StudioEvents> events_;
    std::unique_ptr<VolumeMeterFeed> meters_;
};

} // namespace xz::remote
