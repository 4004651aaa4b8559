// One running show, owned in one place: libobs, the scene graph, studio-mode switching, the mixer and its
// meters, the encoders, the recording and every stream, the cameras, the monitors and the stats. The
// command line (`xiaozhan live`), the QML control surface, the rundown and obs-websocket clients are thin
// front ends over this object; none of them wires libobs itself.
//
// Everything here runs on the thread that created the Studio (the main thread), never blocks it, and
// reports through signals on that thread: libobs' own threads only ever post to it. Lifetimes are enforced
// by the order of the members (outputs before encoders before the graph before libobs), not by callers.
#pragma once

#include "audiometer.h"
#include "capturestatus.h"
#include "engineerror.h"
#include "monitorhub.h"
#include "recorder.h"
#include "show.h"
#include "streamer.h"
#include "streamtarget.h"
#include "studiostats.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace xz::engine {
class AudioBus;
class EncoderSet;
class ObsRuntime;
class SceneGraph;
class Switcher;
} // namespace xz::engine

namespace xz::live {

class CaptureStates;

// A stream target of the running show, as the status strip and remote clients see it.
struct StreamStatus {
    int id = 0;
    QString name;        // what the operator called it ("抖音", "视频号"); the redacted URL otherwise
    QString redactedUrl; // rtmp://host/app/*** (the key never leaves the engine)
    engine::StreamState state = engine::StreamState::Idle;
    QString stateText; // "网络断开，正在重连（2/20） / reconnecting (2/20)"
    int reconnectAttempt = 0;
    int maxRetries = 0;
    int bitrateKbps = 0;
    int droppedFrames = 0;
    int totalFrames = 0;
    uint64_t bytes = 0;
    QString error;
};

struct RecordingStatus {
    engine::RecordingState state = engine::RecordingState::Idle;
    QString path;
    double seconds = 0;
    uint64_t bytes = 0;
    QString error;
};

// What the operator's status strip shows, sampled once a second.
struct StudioStatsSnapshot {
    engine::StudioStats engine;
    double recordingHoursLeft = -1; // at the current bitrate on the recording disk; -1 when unknown
};

// An audio input on the mixer: a microphone, a camera or clip that carries sound.
struct AudioInput {
    QString id;
    QString label;
    bool microphone = false;
    double volumeDb = 0;
    bool muted = false;
};

class Studio : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString showId READ showId NOTIFY showChanged)
    Q_PROPERTY(QString showTitle READ showTitle NOTIFY showChanged)
    Q_PROPERTY(QStringList sceneIds READ sceneIds NOTIFY showChanged)
    Q_PROPERTY(QString programScene READ programScene NOTIFY programSceneChanged)
    Q_PROPERTY(QString previewScene READ previewScene NOTIFY previewSceneChanged)
    Q_PROPERTY(QString transition READ transition NOTIFY transitionChanged)
    Q_PROPERTY(int transitionDurationMs READ transitionDurationMs NOTIFY transitionChanged)
    Q_PROPERTY(bool transitionRunning READ transitionRunning NOTIFY transitionRunningChanged)
    Q_PROPERTY(double tbarPosition READ tbarPosition NOTIFY tbarChanged)
    Q_PROPERTY(bool standbyOnAir READ standbyOnAir NOTIFY programSceneChanged)
    Q_PROPERTY(bool recording READ recording NOTIFY recordingChanged)
    Q_PROPERTY(bool streaming READ streaming NOTIFY streamsChanged)

public:
    // Starts libobs (once per process) with the show's canvas and puts the show on. Returns null with the
    // reason when the engine or the show cannot start.
    static std::unique_ptr<Studio> start(const show::Show& show, std::optional<UserError>* error,
                                         QObject* parent = nullptr);
    // Stops every output (waiting for the files to be complete: this is the end of the program).
    ~Studio() override;

    // --- the show
    // Another show, at once. A different canvas size is only possible while nothing records or streams.
    std::optional<UserError> loadShow(const show::Show& show);
    const show::Show& show() const;
    QString showId() const;
    QString showTitle() const;
    QStringList sceneIds() const;
    QString sceneName(const QString& sceneId) const;

    // --- studio mode
    QString programScene() const;
    QString previewScene() const;
    std::optional<UserError> setPreview(const QString& sceneId);
    // Takes preview to program with the chosen transition (transitionId empty: the one set below).
    std::optional<UserError> take(const QString& transitionId = {}, int durationMs = 0);
    // Puts a scene straight on air with a cut (automation, remote SetCurrentProgramScene).
    std::optional<UserError> cutTo(const QString& sceneId);
    // The transition takes use, and its duration (0: the show's own for that transition).
    QString transition() const { return transition_; }
    int transitionDurationMs() const;
    QStringList transitionIds() const;
    std::optional<UserError> setTransition(const QString& transitionId);
    std::optional<UserError> setTransitionDurationMs(int durationMs);
    bool transitionRunning() const;
    double transitionProgress() const;
    // T-bar: 0..1 by hand; releasing past half way completes the take, before it goes back.
    std::optional<UserError> setTBar(double position);
    std::optional<UserError> releaseTBar();
    double tbarPosition() const;
    int takeCount() const;

    // The safe slate: on air at once, whatever happens; again, and what was on air before comes back.
    void toggleStandby();
    bool standbyOnAir() const;

    // --- graphics
    QStringList textSourceIds() const;
    std::optional<QString> text(const QString& sceneId, const QString& sourceId) const;
    // One scene's copy of a text item: a scene not on air changes nothing viewers see until it is taken.
    std::optional<UserError> setText(const QString& sceneId, const QString& sourceId, const QString& text);
    // Every scene's copy, the one on air included (what remote SetInputSettings does, as OBS does).
    std::optional<UserError> setTextEverywhere(const QString& sourceId, const QString& text);
    std::optional<bool> itemVisible(const QString& sceneId, const QString& sourceId) const;
    std::optional<UserError> setItemVisible(const QString& sceneId, const QString& sourceId, bool visible);
    QStringList itemIds(const QString& sceneId) const;

    // --- cameras and microphones
    // Feeds a camera or microphone from a capture pipeline or preset while the show runs.
    std::optional<UserError> setDevice(const QString& sourceId, const QString& device);
    QStringList captureIds() const; // capture cameras, then microphones
    std::optional<capture::CaptureStatus> captureStatus(const QString& id) const;

    // --- audio
    QList<AudioInput> audioInputs() const;
    std::optional<UserError> setVolumeDb(const QString& inputId, double db);
    std::optional<UserError> setMuted(const QString& inputId, bool muted);
    std::optional<engine::AudioLevels> levels(const QString& inputId) const;
    engine::AudioLevels mixLevels() const;

    // --- recording
    // Where recordings go when none is named, and whose free space the stats report.
    void setRecordingFolder(const QString& directory);
    // Empty directory: the folder set above.
    std::optional<UserError> startRecording(const QString& directory = {});
    void stopRecording(); // asynchronous: recordingChanged when the file is complete
    bool recording() const;
    RecordingStatus recordingStatus() const;
    // Seconds from the recording's first frame to now; nullopt while not recording (markers use it).
    std::optional<double> recordingSecondsNow() const;
    // After each clean stop, also write a plain MP4 next to the Matroska file (off the main thread).
    void setRemuxAfterRecording(bool remux) { remux_ = remux; }

    // --- streams
    // Adds a target (checked at once: a bad URL is refused with the reason) and returns its id.
    std::optional<int> addStream(const QString& url, const QString& name, std::optional<UserError>* error);
    std::optional<UserError> removeStream(int id); // stops it first if it runs
    std::optional<UserError> startStream(int id);
    std::optional<UserError> stopStream(int id); // asynchronous
    QList<StreamStatus> streams() const;
    bool streaming() const;
    // Every output at once (go live: all streams, and the recording if a folder was given before).
    void stopAllOutputs();
    // True while an output is still finishing (a file being closed, a remux, a connection closing).
    bool outputsBusy() const;

    // --- monitors (sinks are called on libobs' graphics thread: copy the picture and return)
    engine::MonitorHub::FeedId watchProgram(QSize size, int everyNthFrame, engine::MonitorHub::Sink sink);
    // Follows whatever scene is in preview.
    engine::MonitorHub::FeedId watchPreview(QSize size, int everyNthFrame, engine::MonitorHub::Sink sink);
    engine::MonitorHub::FeedId watchScene(const QString& sceneId, QSize size, int everyNthFrame,
                                          engine::MonitorHub::Sink sink);
    void unwatch(engine::MonitorHub::FeedId feed);

    // --- state and reporting
    StudioStatsSnapshot stats() const { return stats_; }
    QStringList warnings() const { return warnings_; }
    QStringList errors() const { return errors_; }
    // The one JSON line `xiaozhan live` prints: frames, lagged, skipped, dropped, recordings, streams, ...
    QJsonObject summary() const;
    // The libobs clock (os_gettime_ns), for anything that needs to say "when" in recording time.
    static uint64_t nowNs();

signals:
    void showChanged();
    void programSceneChanged(const QString& sceneId);
    void previewSceneChanged(const QString& sceneId);
    void transitionChanged();
    void transitionRunningChanged(bool running);
    void transitionStarted(const QString& transitionId);
    void transitionEnded(const QString& transitionId);
    void tbarChanged(double position);
    void textChanged(const QString& sceneId, const QString& sourceId, const QString& text);
    void itemVisibilityChanged(const QString& sceneId, const QString& sourceId, bool visible);
    void volumeChanged(const QString& inputId, double db);
    void muteChanged(const QString& inputId, bool muted);
    void recordingChanged();
    void recordingFinished(const QString& path);
    void remuxFinished(const QString& mkvPath, const QString& mp4Path, const QString& error);
    void streamsChanged();
    void captureChanged(const QString& id);
    void statsChanged();
    // A plain-language line for the operator and the log ("摄像头 / camera cam-host: 正在重连 ...").
    void report(const QString& line);
    // An output failed on its own (disk full, stream gone for good): an alert that stays until read.
    void alert(const QString& message);

private:
    explicit Studio(QObject* parent);
    std::optional<UserError> buildShow(const show::Show& show);
    void teardownShow();
    engine::EncoderSet* encoders(std::optional<UserError>* error);
    void sampleStats();
    void pollCaptures();
    void onRecordingFinished(const QString& path);
    void onStreamState(int id, engine::StreamState state);
    void addError(const QString& message);
    struct StreamEntry;
    StreamEntry* findStream(int id);
    const StreamEntry* findStream(int id) const;
    QJsonObject streamJson(const StreamEntry& entry) const;

    // Order matters: members are destroyed bottom-up, outputs first and libobs last.
    std::unique_ptr<engine::ObsRuntime> runtime_;
    std::unique_ptr<engine::SceneGraph> graph_;
    std::unique_ptr<engine::Switcher> switcher_;
    std::unique_ptr<engine::AudioBus> audioBus_;
    std::unique_ptr<engine::MonitorHub> monitors_;
    std::map<QString, std::unique_ptr<engine::SourceMeter>> meters_;
    std::unique_ptr<engine::MixMeter> mixMeter_;
    std::unique_ptr<CaptureStates> captures_;
    std::unique_ptr<engine::EncoderSet> encoders_;
    std::unique_ptr<engine::Recorder> recorder_;
    struct StreamEntry {
        int id = 0;
        QString name;
        engine::StreamTarget target;                // holds the key: only ever handed to the streamer
        std::unique_ptr<engine::Streamer> streamer; // made on the first start (it needs the encoders)
        bool removeWhenStopped = false;
    };
    std::vector<StreamEntry> streams_;
    std::unique_ptr<engine::StatsSampler> sampler_;

    QString transition_;
    std::map<QString, int> durationOverridesMs_;
    QString beforeStandby_;
    QString recordingDir_;
    bool remux_ = false;
    int remuxesRunning_ = 0;
    int nextStreamId_ = 1;
    // Preview feeds follow the preview scene; scene feeds are re-found by id after a show reload.
    std::map<engine::MonitorHub::FeedId, QString> sceneFeeds_;
    std::vector<engine::MonitorHub::FeedId> previewFeeds_;
    StudioStatsSnapshot stats_;
    QTimer statsTimer_;
    QTimer captureTimer_;
    QJsonArray finishedRecordings_;
    QJsonArray finishedStreams_;
    QStringList warnings_;
    QStringList errors_;
    uint64_t startedNs_ = 0;
};

} // namespace xz::live
