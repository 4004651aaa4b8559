// The Editor view as C++ decides it: which recording is open, the playhead, the in and out points (always on
// the recording's frame boundaries; in inclusive, out exclusive, as the exact trim cuts), J/K/L shuttle,
// frame and second steps, the markers to jump to, the filmstrip and waveform (PreviewCache, with progress),
// the clip's title, hashtags, cover frame, preset, fill and crop offset, saving the clip in the library,
// exporting it through the job queue (never over an existing file without asking) and sending a finished
// export to the upload queue. QML only shows this and forwards clicks; keys come from the window's router
// while the Editor is on screen and no text field is being typed in.
#pragma once

#include "clipplayer.h"
#include "exportjoblistmodel.h"
#include "filmstripmodel.h"
#include "frameclock.h"
#include "markerlistmodel.h"
#include "phrase.h"
#include "previewcache.h"
#include "recordingopener.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace xz::clips {
class ClipJobQueue;
class ClipLibrary;
class ClipListModel;
class ClipStore;
class RecordingListModel;
struct ExportRequest;
} // namespace xz::clips

namespace xz::ui {

class UploadsModel;

class EditorModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The app provides the editor's model")
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY availableChanged)
    Q_PROPERTY(QString recordingFolder READ recordingFolder NOTIFY availableChanged)
    Q_PROPERTY(QObject* recordings READ recordings NOTIFY availableChanged)
    Q_PROPERTY(QObject* clips READ clips NOTIFY availableChanged)
    Q_PROPERTY(QObject* markers READ markerList CONSTANT)
    Q_PROPERTY(xz::ui::FilmstripModel* filmstrip READ filmstrip CONSTANT)
    Q_PROPERTY(xz::ui::ExportJobListModel* jobs READ jobs CONSTANT)
    Q_PROPERTY(xz::ui::ClipPlayer* player READ player CONSTANT)

    Q_PROPERTY(bool opening READ opening NOTIFY openingChanged)
    Q_PROPERTY(int currentRow READ currentRow NOTIFY recordingChanged)
    Q_PROPERTY(QString recording READ recording NOTIFY recordingChanged)
    Q_PROPERTY(QString recordingName READ recordingName NOTIFY recordingChanged)
    Q_PROPERTY(double durationSec READ durationSec NOTIFY recordingChanged)
    Q_PROPERTY(QString durationText READ durationText NOTIFY recordingChanged)
    Q_PROPERTY(double frameRate READ frameRate NOTIFY recordingChanged)
    Q_PROPERTY(double pictureAspect READ pictureAspect NOTIFY recordingChanged)

    Q_PROPERTY(double playhead READ playhead NOTIFY playheadChanged)
    Q_PROPERTY(QString playheadText READ playheadText NOTIFY playheadChanged)
    Q_PROPERTY(double inPoint READ inPoint NOTIFY selectionChanged)
    Q_PROPERTY(double outPoint READ outPoint NOTIFY selectionChanged)
    Q_PROPERTY(QString inText READ inText NOTIFY selectionChanged)
    Q_PROPERTY(QString outText READ outText NOTIFY selectionChanged)
    Q_PROPERTY(QString selectionText READ selectionText NOTIFY selectionChanged)
    Q_PROPERTY(bool playing READ playing NOTIFY playingChanged)
    Q_PROPERTY(int shuttleSpeed READ shuttleSpeed NOTIFY playingChanged)
    Q_PROPERTY(QString shuttleText READ shuttleText NOTIFY playingChanged)
    Q_PROPERTY(QString soundNote READ soundNote NOTIFY soundChanged)

    Q_PROPERTY(double previewProgress READ previewProgress NOTIFY previewChanged)
    Q_PROPERTY(QString previewStatus READ previewStatus NOTIFY previewChanged)
    Q_PROPERTY(bool waveformReady READ waveformReady NOTIFY previewChanged)

    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY clipChanged)
    Q_PROPERTY(QString hashtags READ hashtags WRITE setHashtags NOTIFY clipChanged)
    Q_PROPERTY(bool titleCard READ titleCard WRITE setTitleCard NOTIFY clipChanged)
    Q_PROPERTY(double coverSec READ coverSec NOTIFY clipChanged)
    Q_PROPERTY(QString coverText READ coverText NOTIFY clipChanged)
    Q_PROPERTY(QStringList presetNames READ presetNames CONSTANT)
    Q_PROPERTY(QStringList presetLabels READ presetLabels NOTIFY languageChanged)
    Q_PROPERTY(int presetIndex READ presetIndex WRITE setPresetIndex NOTIFY clipChanged)
    Q_PROPERTY(bool vertical READ vertical NOTIFY clipChanged)
    Q_PROPERTY(bool blurFill READ blurFill WRITE setBlurFill NOTIFY clipChanged)
    Q_PROPERTY(double cropX READ cropX WRITE setCropX NOTIFY clipChanged)
    Q_PROPERTY(double cropWidthFraction READ cropWidthFraction NOTIFY recordingChanged)
    Q_PROPERTY(qint64 clipId READ clipId NOTIFY clipChanged)

    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(bool noticeIsProblem READ noticeIsProblem NOTIFY noticeChanged)
    Q_PROPERTY(QString overwriteQuestion READ overwriteQuestion NOTIFY overwriteQuestionChanged)
    Q_PROPERTY(QStringList uploadDestinations READ uploadDestinations NOTIFY uploadDestinationsChanged)

public:
    // Shuttle speeds J and L step through (multiples of normal speed).
    static constexpr int kMaxShuttle = 4;
    // How often the picture moves while shuttling backwards (the player only plays forwards).
    static constexpr int kReverseTickMs = 100;

    explicit EditorModel(QObject* parent = nullptr);
    ~EditorModel() override;

    // The folder the studio records into (the settings' recording folder); read again when it changes.
    void setRecordingFolder(const QString& folder);
    // Where "add to upload queue" sends finished exports (the Session's uploads model), or null.
    void setUploads(UploadsModel* uploads);
    // The library, the job queue and the recordings list are opened the first time the Editor is shown.
    void setActive(bool active);
    bool active() const { return active_; }
    // The language switch: texts the view shows are read again in the new language.
    void setEnglish(bool english);

    bool available() const { return library_ != nullptr; }
    QString problem() const { return problem_; }
    QString recordingFolder() const { return folder_; }
    QObject* recordings() const;
    QObject* clips() const;
    clips::MarkerListModel* markers() { return &markers_; }
    QObject* markerList() { return &markers_; }
    FilmstripModel* filmstrip() { return &filmstrip_; }
    ExportJobListModel* jobs() { return &jobs_; }
    ClipPlayer* player() { return &player_; }
    const clips::Waveform& waveform() const { return waveform_; }

    // A recording is being opened (its pictures' span scanned); the one shown so far stays usable.
    bool opening() const { return opener_.busy(); }
    int currentRow() const { return currentRow_; }
    QString recording() const { return recording_; }
    QString recordingName() const;
    double durationSec() const { return clock_.durationSec(); }
    QString durationText() const { return FrameClock::format(durationSec()); }
    double frameRate() const { return clock_.fps(); }
    double pictureAspect() const { return pictureAspect_; }
    const FrameClock& clock() const { return clock_; }

    double playhead() const { return playhead_; }
    QString playheadText() const { return FrameClock::format(playhead_); }
    double inPoint() const { return in_; }
    double outPoint() const { return out_; }
    QString inText() const { return FrameClock::format(in_); }
    QString outText() const { return FrameClock::format(out_); }
    QString selectionText() const;
    bool playing() const { return shuttle_ != 0; }
    int shuttleSpeed() const { return shuttle_; }
    QString shuttleText() const;
    QString soundNote() const;

    double previewProgress() const;
    QString previewStatus() const { return previewStatus_.text(); }
    bool waveformReady() const { return !waveform_.maximum.isEmpty(); }

    QString title() const { return title_; }
    void setTitle(const QString& title);
    QString hashtags() const { return hashtags_; }
    void setHashtags(const QString& hashtags);
    bool titleCard() const { return titleCard_; }
    void setTitleCard(bool on);
    double coverSec() const { return cover_; }
    QString coverText() const;
    QStringList presetNames() const;
    QStringList presetLabels() const;
    int presetIndex() const { return presetIndex_; }
    void setPresetIndex(int index);
    QString preset() const;
    bool vertical() const;
    bool blurFill() const { return blur_; }
    void setBlurFill(bool blur);
    double cropX() const { return cropX_; }
    void setCropX(double x);
    double cropWidthFraction() const;
    qint64 clipId() const { return clipId_; }

    QString notice() const { return notice_.text(); }
    bool noticeIsProblem() const { return noticeIsProblem_; }
    QString overwriteQuestion() const { return overwriteQuestion_; }
    QStringList uploadDestinations() const;

    // The hashtags as a list: split on spaces and commas, each starting with '#'.
    static QStringList hashtagList(const QString& text);
    // Where an export of this clip goes: <recording folder>/clips/<title or recording_in-out>.<ext>.
    QString exportPath() const;
    // The export request for the clip as it stands (tests check what the queue would be given).
    clips::ExportRequest exportRequest(bool overwrite) const;

    // Times as the view shows them: HH:MM:SS.mmm.
    Q_INVOKABLE QString formatTime(double sec) const { return FrameClock::format(sec); }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void selectRecording(int row);
    Q_INVOKABLE void openRecording(const QString& path);
    // Playhead: a click on the timeline, frame and second steps.
    Q_INVOKABLE void seek(double sec);
    Q_INVOKABLE void stepFrames(int frames);
    Q_INVOKABLE void stepSeconds(double seconds);
    // In/out: each refuses (with a plain message) a point that would leave nothing between in and out.
    Q_INVOKABLE bool setInPoint(double sec);
    Q_INVOKABLE bool setOutPoint(double sec);
    // I and O: in at the picture on screen; out just after it (that picture is the clip's last).
    Q_INVOKABLE bool markIn();
    Q_INVOKABLE bool markOut();
    // Space: plays the selection from the playhead (from the in-point when outside it), or stops.
    Q_INVOKABLE void togglePlay();
    // J / K / L.
    Q_INVOKABLE void shuttleBack();
    Q_INVOKABLE void stop();
    Q_INVOKABLE void shuttleForward();
    // Markers: jump to one; a segment or range (one with an end) can become the selection.
    Q_INVOKABLE void jumpToMarker(int row);
    Q_INVOKABLE bool selectMarker(int row);
    Q_INVOKABLE void setCoverHere();
    // The clip: saved in the library (a new one, or the one loaded), loaded back, removed (its description
    // only: never the recording, never an exported file), or a fresh one started.
    Q_INVOKABLE bool saveClip();
    Q_INVOKABLE void loadClip(qint64 id);
    Q_INVOKABLE bool removeClip(qint64 id);
    Q_INVOKABLE void newClip();
    // Export: queued at once, or a question first when the file already exists.
    Q_INVOKABLE bool exportClip();
    Q_INVOKABLE void confirmOverwrite();
    Q_INVOKABLE void cancelOverwrite();
    Q_INVOKABLE bool cancelJob(qint64 id);
    Q_INVOKABLE bool uploadJob(qint64 id, int destination);

    // A key from the window (KeyRouter). Returns true when it was used.
    Q_INVOKABLE bool handleKey(int key, int modifiers = 0);

signals:
    void availableChanged();
    void languageChanged();
    void openingChanged();
    void recordingChanged();
    void playheadChanged();
    void selectionChanged();
    void playingChanged();
    void soundChanged();
    void previewChanged();
    void waveformChanged();
    void clipChanged();
    void noticeChanged();
    void overwriteQuestionChanged();
    void uploadDestinationsChanged();

private:
    void open();
    void close();
    void setPlayhead(double sec, bool showPicture);
    void setShuttle(int speed);
    void reverseTick();
    void playerFrame();
    void playerFinished();
    void say(const QString& text, bool problem = false); // shown as it is
    void say(const Phrase& text, bool problem = false);  // follows the language
    static Phrase phrase(const char* source, QStringList args = {});
    void recordingOpened(const QString& path, const OpenedRecording& opened);
    void recordingFailed(const QString& path, const QString& message);
    void startPreviews();
    void resetClip();
    bool enqueueExport(bool overwrite);

    QString folder_;
    UploadsModel* uploads_ = nullptr;
    bool active_ = false;
    bool english_ = false;
    QString problem_;
    std::unique_ptr<clips::ClipStore> store_;
    std::unique_ptr<clips::ClipLibrary> library_;
    std::unique_ptr<clips::RecordingListModel> recordings_;
    std::unique_ptr<clips::ClipListModel> clips_;
    std::unique_ptr<clips::ClipJobQueue> queue_;
    clips::MarkerListModel markers_;
    QList<clips::Marker> markerList_;
    FilmstripModel filmstrip_;
    ExportJobListModel jobs_;
    ClipPlayer player_;
    RecordingOpener opener_;
    clips::PreviewCache previews_;
    clips::Waveform waveform_;

    int currentRow_ = -1;
    QString recording_;
    FrameClock clock_;
    double pictureAspect_ = 16.0 / 9;
    double playhead_ = 0;
    double in_ = 0;
    double out_ = 0;
    int shuttle_ = 0;
    bool playingSelection_ = false;
    QTimer reverseTimer_;

    qint64 filmstripRequest_ = 0;
    qint64 waveformRequest_ = 0;
    double filmstripProgress_ = 0;
    double waveformProgress_ = 0;
    Phrase previewStatus_;

    qint64 clipId_ = 0;
    QString title_;
    QString hashtags_;
    bool titleCard_ = false;
    double cover_ = -1;
    int presetIndex_ = 0;
    bool blur_ = false;
    double cropX_ = 0.5;

    Phrase notice_;
    bool noticeIsProblem_ = false;
    QString overwriteQuestion_;
};

} // namespace xz::ui
