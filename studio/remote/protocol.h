// The numbers of obs-websocket protocol v5 (rpcVersion 1), exactly as obs-websocket 5.1 (OBS 29) defines
// them in src/websocketserver/types, src/requesthandler/types and src/eventhandler/types. Clients written
// for OBS compare against these values, so none may drift.
#pragma once

#include <cstdint>

namespace xz::remote {

// The obs-websocket release whose behaviour this server follows, and its RPC version.
inline constexpr const char* kObsWebSocketVersion = "5.1.0";
inline constexpr int kRpcVersion = 1;

enum class OpCode {
    Hello = 0,
    Identify = 1,
    Identified = 2,
    Reidentify = 3,
    Event = 5,
    Request = 6,
    RequestResponse = 7,
    RequestBatch = 8,
    RequestBatchResponse = 9,
};

enum class CloseCode {
    DontClose = 0,
    UnknownReason = 4000,
    MessageDecodeError = 4002,
    MissingDataField = 4003,
    InvalidDataFieldType = 4004,
    InvalidDataFieldValue = 4005,
    UnknownOpCode = 4006,
    NotIdentified = 4007,
    AlreadyIdentified = 4008,
    AuthenticationFailed = 4009,
    UnsupportedRpcVersion = 4010,
    SessionInvalidated = 4011,
    UnsupportedFeature = 4012,
    // RFC 6455 codes this server also uses: the studio is going away, a client broke the server's limits
    // (too many queued requests, too many clients), a message over the size cap (Qt closes with this).
    GoingAway = 1001,
    PolicyViolated = 1008,
    TooMuchData = 1009,
};

enum class RequestStatus {
    Unknown = 0,
    NoError = 10,
    Success = 100,
    MissingRequestType = 203,
    UnknownRequestType = 204,
    GenericError = 205,
    UnsupportedRequestBatchExecutionType = 206,
    MissingRequestField = 300,
    MissingRequestData = 301,
    InvalidRequestField = 400,
    InvalidRequestFieldType = 401,
    RequestFieldOutOfRange = 402,
    RequestFieldEmpty = 403,
    TooManyRequestFields = 404,
    OutputRunning = 500,
    OutputNotRunning = 501,
    OutputPaused = 502,
    OutputNotPaused = 503,
    OutputDisabled = 504,
    StudioModeActive = 505,
    StudioModeNotActive = 506,
    ResourceNotFound = 600,
    ResourceAlreadyExists = 601,
    InvalidResourceType = 602,
    NotEnoughResources = 603,
    InvalidResourceState = 604,
    InvalidInputKind = 605,
    ResourceNotConfigurable = 606,
    InvalidFilterKind = 607,
    ResourceCreationFailed = 700,
    ResourceActionFailed = 701,
    RequestProcessingFailed = 702,
    CannotAct = 703,
};

// Event subscription bits (Identify's eventSubscriptions, each event's eventIntent).
namespace subscription {
inline constexpr uint32_t None = 0;
inline constexpr uint32_t General = 1u << 0;
inline constexpr uint32_t Config = 1u << 1;
inline constexpr uint32_t Scenes = 1u << 2;
inline constexpr uint32_t Inputs = 1u << 3;
inline constexpr uint32_t Transitions = 1u << 4;
inline constexpr uint32_t Filters = 1u << 5;
inline constexpr uint32_t Outputs = 1u << 6;
inline constexpr uint32_t SceneItems = 1u << 7;
inline constexpr uint32_t MediaInputs = 1u << 8;
inline constexpr uint32_t Vendors = 1u << 9;
inline constexpr uint32_t Ui = 1u << 10;
// Everything but the high-volume events, which a client must ask for by name.
inline constexpr uint32_t All = General | Config | Scenes | Inputs | Transitions | Filters | Outputs |
                                SceneItems | MediaInputs | Vendors | Ui;
inline constexpr uint32_t InputVolumeMeters = 1u << 16;
inline constexpr uint32_t InputActiveStateChanged = 1u << 17;
inline constexpr uint32_t InputShowStateChanged = 1u << 18;
inline constexpr uint32_t SceneItemTransformChanged = 1u << 19;
} // namespace subscription

// RequestBatch executionType. None is what a request outside a batch runs as.
enum class ExecutionType { None = -1, SerialRealtime = 0, SerialFrame = 1, Parallel = 2 };

} // namespace xz::remote
