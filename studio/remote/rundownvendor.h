// The rundown over the remote-control port, as obs-websocket vendor requests and events of vendor "xiaozhan":
// a second machine's host view (`xiaozhan host --connect`) mirrors it, and a Stream Deck or Companion button
// can advance it.
//
//   CallVendorRequest {vendorName: "xiaozhan", requestType: "GetRundownSnapshot"}  -> the HostState snapshot
//   CallVendorRequest {vendorName: "xiaozhan", requestType: "RundownAction",
//                      requestData: {action:
//                      "advance"|"back"|"skip"|"addTime"|"hold"|"mark"|"markIn"|"markOut",
//                                    seconds?: 60, title?: ""}}                 -> {ok, error?, currentIndex}
//   VendorEvent {vendorName: "xiaozhan", eventType: "RundownChanged", eventData: snapshot}  (Vendors events)
#pragma once

#include <QString>

namespace xz::rundown {
class RundownController;
}

namespace xz::remote {

class RemoteServer;

inline const QString kVendorName = QStringLiteral("xiaozhan");

// Registers the requests and forwards the controller's snapshots for as long as both live.
void serveRundown(RemoteServer& server, rundown::RundownController& controller);

} // namespace xz::remote
