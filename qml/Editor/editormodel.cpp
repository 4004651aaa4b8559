#include "editormodel.h"

#include "clipjobqueue.h"
#include "cliplibrary.h"
#include "cliplistmodel.h"
#include "clipstore.h"
#include "exportpreset.h"
#include "recordinglistmodel.h"
#include "sourceinfo.h"
#include "uploadsmodel.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace xz::ui {
namespace {

// A title as a file name: what a file system refuses or a shell trips over becomes '_'.
QString fileNameFrom(const QString& title) {
    QString name = title.trimmed();
    static const QRegularExpression unsafe(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]"));
    name.replace(unsafe, QStringLiteral("_"));
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    return name.left(60).trimmed();
}

QString clockForFileName(double sec) {
    return FrameClock::format(sec).replace(QLatin1Char(':'), QLatin1Char('-'));
}

} // namespace

EditorModel::EditorModel(QObject* parent) : QObject(parent) {
    reverseTimer_.setInterval(kReverseTickMs);
    connect(&reverseTimer_, &QTimer::timeout, this, &EditorModel::reverseTick);
    connect(&opener_, &RecordingOpener::opened, this, &EditorModel::recordingOpened);
    connect(&opener_, &RecordingOpener::failed, this, &EditorModel::recordingFailed);
    connect(&player_, &ClipPlayer::frameChanged, this, &EditorModel::playerFrame);
    connect(&player_, &ClipPlayer::finished, this, &EditorModel::playerFinished);
    connect(&player_, &ClipPlayer::soundChanged, this, &EditorModel::soundChanged);
    connect(&player_, &ClipPlayer::problem, this, [this](const QString& message) { say(message, true); });
    connect(&previews_, &clips::PreviewCache::progress, this, [this](qint64 request, double fraction) {
        if (request == filmstripRequest_)
            filmstripProgress_ = fraction;
        else if (request == waveformRequest_)
            waveformProgress_ = fraction;
        else
            return;
        emit previewChanged();
    });
    connect(&previews_, &clips::PreviewCache::filmstripReady, this,
            [this](qint64 request, const clips::Filmstrip& strip) {
                if (request != filmstripRequest_)
                    return;
                filmstripRequest_ = 0;
                filmstripProgress_ = 1;
                filmstrip_.setFilmstrip(strip, durationSec());
                if (waveformRequest_ == 0)
                    previewStatus_ = {};
                emit previewChanged();
            });
    connect(&previews_, &clips::PreviewCache::waveformReady, this,
            [this](qint64 request, const clips::Waveform& wave) {
                if (request != waveformRequest_)
                    return;
                waveformRequest_ = 0;
                waveformProgress_ = 1;
                waveform_ = wave;
                if (filmstripRequest_ == 0)
                    previewStatus_ = {};
                emit waveformChanged();
                emit previewChanged();
            });
    connect(&previews_, &clips::PreviewCache::failed, this,
            [this](qint64 request, const QString& message, const QString&) {
                if (request == filmstripRequest_)
                    filmstripRequest_ = 0;
                else if (request == waveformRequest_)
                    waveformRequest_ = 0;
                else
                    return;
                previewStatus_ = phrase(QT_TR_NOOP("预览做不出来：%1"), {message});
                emit previewChanged();
            });
}

EditorModel::~EditorModel() {
    // The list models go before the library they read, the queue (which waits for its job) before the store.
    jobs_.setQueue(nullptr);
    clips_.reset();
    recordings_.reset();
    queue_.reset();
    library_.reset();
}

void EditorModel::setRecordingFolder(const QString& folder) {
    if (folder == folder_)
        return;
    folder_ = folder;
    if (library_) {
        // A new folder: a new list of recordings, and nothing from the old folder stays open.
        close();
        open();
    } else {
        emit availableChanged();
    }
}

void EditorModel::setUploads(UploadsModel* uploads) {
    if (uploads_)
        disconnect(uploads_, nullptr, this, nullptr);
    uploads_ = uploads;
    if (uploads_) {
        connect(uploads_, &UploadsModel::destinationsChanged, this, &EditorModel::uploadDestinationsChanged);
        connect(uploads_, &UploadsModel::noticeChanged, this, [this] { say(uploads_->notice()); });
    }
    emit uploadDestinationsChanged();
}

void EditorModel::setActive(bool active) {
    if (active == active_)
        return;
    active_ = active;
    if (active_ && !library_)
        open();
    if (!active_)
        stop();
}

void EditorModel::open() {
    if (!store_) {
        auto store = clips::ClipStore::open();
        if (!store) {
            problem_ = store.error().message();
            emit availableChanged();
            return;
        }
        store_ = std::move(*store);
        queue_ = std::make_unique<clips::ClipJobQueue>(*store_);
        if (auto started = queue_->start(); !started)
            say(started.error().message(), true);
        jobs_.setQueue(queue_.get());
    }
    library_ = std::make_unique<clips::ClipLibrary>(*store_, QStringList{folder_});
    library_->refresh();
    recordings_ = std::make_unique<clips::RecordingListModel>(*library_);
    clips_ = std::make_unique<clips::ClipListModel>(*library_);
    problem_.clear();
    emit availableChanged();
    if (library_->recordings().empty())
        say(phrase(QT_TR_NOOP("录像文件夹里还没有录像：%1"), {folder_}));
    else
        selectRecording(0);
}

void EditorModel::close() {
    stop();
    opener_.abandon();
    emit openingChanged();
    player_.open({}, 0);
    previews_.cancel(filmstripRequest_);
    previews_.cancel(waveformRequest_);
    filmstripRequest_ = waveformRequest_ = 0;
    filmstrip_.clear();
    waveform_ = {};
    markerList_.clear();
    markers_.setMarkers({});
    currentRow_ = -1;
    recording_.clear();
    clock_ = {};
    clips_.reset();
    recordings_.reset();
    library_.reset();
    emit availableChanged();
    emit recordingChanged();
    emit waveformChanged();
    emit previewChanged();
}

QObject* EditorModel::recordings() const {
    return recordings_.get();
}

QObject* EditorModel::clips() const {
    return clips_.get();
}

void EditorModel::refresh() {
    if (!library_) {
        open();
        return;
    }
    const QString current = recording_;
    library_->refresh();
    const auto& list = library_->recordings();
    const auto it =
        std::find_if(list.begin(), list.end(), [&](const clips::Recording& r) { return r.path == current; });
    currentRow_ = it == list.end() ? -1 : int(it - list.begin());
    emit recordingChanged();
    if (currentRow_ < 0 && !list.empty())
        selectRecording(0);
}

void EditorModel::selectRecording(int row) {
    if (!library_ || row < 0 || row >= int(library_->recordings().size()))
        return;
    openRecording(library_->recordings()[size_t(row)].path);
}

void EditorModel::openRecording(const QString& path) {
    if (!library_)
        return;
    stop();
    if (!library_->recording(path)) {
        say(phrase(QT_TR_NOOP("找不到录像：%1"), {path}), true);
        return;
    }
    // The scan reads the file's first and last pictures: on a worker, so a slow or broken file never holds
    // the window. Until it answers the editor stays on what it had, and says what it is opening.
    opener_.open(path);
    say(phrase(QT_TR_NOOP("正在打开录像：%1"), {QFileInfo(path).fileName()}));
    emit openingChanged();
}

void EditorModel::recordingOpened(const QString& path, const OpenedRecording& opened) {
    emit openingChanged();
    const clips::Recording* entry = library_ ? library_->recording(path) : nullptr;
    if (!entry) {
        say(phrase(QT_TR_NOOP("找不到录像：%1"), {path}), true);
        return;
    }
    const clips::SourceInfo& source = opened.source;
    const auto& list = library_->recordings();
    currentRow_ = int(entry - list.data());
    recording_ = path;
    clock_ = FrameClock(source.fpsNum, source.fpsDen, opened.firstPictureSec, opened.pictureEndSec);
    pictureAspect_ = source.hasVideo && source.height > 0 ? double(source.width) / source.height : 16.0 / 9;
    markerList_ = entry->markers ? entry->markers->markers : QList<clips::Marker>();
    markers_.setMarkers(markerList_);
    if (clips_)
        clips_->setRecording(path);
    player_.open(path, clock_.frameDuration());
    resetClip();
    emit recordingChanged();
    if (!entry->markersError.isEmpty())
        say(phrase(QT_TR_NOOP("标记文件读不出来，没有标记可用：%1"), {entry->markersError}), true);
    else if (source.durationSec <= 0)
        say(phrase(QT_TR_NOOP("这个录像没有记下长度（可能录制时中断了）：%1"), {entry->fileName}), true);
    else
        say(Phrase());
    startPreviews();
}

void EditorModel::recordingFailed(const QString&, const QString& message) {
    emit openingChanged();
    say(message, true);
}

void EditorModel::startPreviews() {
    previews_.cancel(filmstripRequest_);
    previews_.cancel(waveformRequest_);
    filmstripRequest_ = waveformRequest_ = 0;
    filmstripProgress_ = waveformProgress_ = 0;
    filmstrip_.clear();
    waveform_ = {};
    emit waveformChanged();
    // About fifty pictures whatever the length: every 2 s for short takes, every 75 s for an hour.
    const double interval = std::clamp(std::round(durationSec() / 48), 2.0, 120.0);
    filmstripRequest_ = previews_.requestFilmstrip(recording_, interval, 90);
    waveformRequest_ = previews_.requestWaveform(recording_, 100);
    previewStatus_ = phrase(QT_TR_NOOP("正在生成缩略图和声音波形（只需一次）…"));
    emit previewChanged();
}

QString EditorModel::recordingName() const {
    return QFileInfo(recording_).fileName();
}

double EditorModel::previewProgress() const {
    return (filmstripProgress_ + waveformProgress_) / 2;
}

QString EditorModel::selectionText() const {
    return tr("选段 %1（%2 帧）")
        .arg(FrameClock::format(out_ - in_))
        .arg(clock_.nearestFrame(out_) - clock_.nearestFrame(in_));
}

QString EditorModel::shuttleText() const {
    if (shuttle_ == 0)
        return tr("已暂停");
    if (shuttle_ < 0)
        return tr("倒放 %1×").arg(-shuttle_);
    return playingSelection_ ? tr("播放选段") : tr("播放 %1×").arg(shuttle_);
}

QString EditorModel::soundNote() const {
    return player_.hasSound() ? QString() : tr("没有找到声音设备：只播放画面，没有声音");
}

void EditorModel::say(const QString& text, bool problem) {
    say(Phrase::plain(text), problem);
}

void EditorModel::say(const Phrase& text, bool problem) {
    if (text == notice_ && problem == noticeIsProblem_)
        return;
    notice_ = text;
    noticeIsProblem_ = problem && !text.isEmpty();
    emit noticeChanged();
}

Phrase EditorModel::phrase(const char* source, QStringList args) {
    return Phrase(staticMetaObject.className(), source, std::move(args));
}

void EditorModel::setEnglish(bool english) {
    english_ = english;
    // What the view reads through tr() is read again; notices and the preview status are phrases.
    emit languageChanged();
    emit noticeChanged();
    emit previewChanged();
    emit selectionChanged();
    emit playingChanged();
    emit soundChanged();
    emit clipChanged();
}

void EditorModel::setPlayhead(double sec, bool showPicture) {
    const double snapped = clock_.snapToPicture(sec);
    if (snapped != playhead_) {
        playhead_ = snapped;
        emit playheadChanged();
    }
    if (showPicture && !recording_.isEmpty())
        player_.show(playhead_);
}

void EditorModel::seek(double sec) {
    if (recording_.isEmpty())
        return;
    if (shuttle_ != 0)
        setShuttle(0);
    setPlayhead(sec, true);
}

void EditorModel::stepFrames(int frames) {
    if (recording_.isEmpty())
        return;
    if (shuttle_ != 0)
        setShuttle(0);
    setPlayhead(clock_.stepFrames(playhead_, frames), true);
}

void EditorModel::stepSeconds(double seconds) {
    if (recording_.isEmpty())
        return;
    if (shuttle_ != 0)
        setShuttle(0);
    setPlayhead(clock_.stepSeconds(playhead_, seconds), true);
}

bool EditorModel::setInPoint(double sec) {
    if (recording_.isEmpty())
        return false;
    const double in = clock_.snapToPicture(sec);
    if (in >= out_) {
        say(phrase(QT_TR_NOOP("入点 %1 必须在出点 %2 之前。要从这里开始，请先把出点设到后面（按 O）。"),
                   {FrameClock::format(in), FrameClock::format(out_)}),
            true);
        return false;
    }
    if (noticeIsProblem_)
        say(Phrase());
    if (in != in_) {
        in_ = in;
        emit selectionChanged();
    }
    return true;
}

bool EditorModel::setOutPoint(double sec) {
    if (recording_.isEmpty())
        return false;
    const double out = clock_.snapToEnd(sec);
    if (out <= in_) {
        say(phrase(QT_TR_NOOP("出点 %1 必须在入点 %2 之后。要在这里结束，请先把入点设到前面（按 I）。"),
                   {FrameClock::format(out), FrameClock::format(in_)}),
            true);
        return false;
    }
    if (noticeIsProblem_)
        say(Phrase());
    if (out != out_) {
        out_ = out;
        emit selectionChanged();
    }
    return true;
}

bool EditorModel::markIn() {
    return setInPoint(playhead_);
}

bool EditorModel::markOut() {
    // The picture on screen is the clip's last: the out-point is exclusive, so it goes one frame later.
    return setOutPoint(playhead_ + clock_.frameDuration());
}

void EditorModel::setShuttle(int speed) {
    const bool wasPlaying = shuttle_ != 0;
    shuttle_ = speed;
    playingSelection_ = false;
    reverseTimer_.stop();
    if (speed == 0) {
        if (wasPlaying)
            player_.show(playhead_); // the picture matches the playhead exactly again
    } else if (speed > 0) {
        player_.play(playhead_, -1, speed);
    } else {
        player_.pause();
        reverseTimer_.start();
    }
    emit playingChanged();
}

void EditorModel::togglePlay() {
    if (recording_.isEmpty())
        return;
    if (shuttle_ != 0) {
        setShuttle(0);
        return;
    }
    const double last = clock_.stepFrames(out_, -1);
    const double from = playhead_ >= in_ && playhead_ < last ? playhead_ : in_;
    setPlayhead(from, false);
    reverseTimer_.stop();
    shuttle_ = 1;
    playingSelection_ = true;
    player_.play(from, out_, 1.0);
    emit playingChanged();
}

void EditorModel::shuttleBack() {
    if (!recording_.isEmpty())
        setShuttle(shuttle_ >= 0 ? -1 : std::max(-kMaxShuttle, shuttle_ * 2));
}

void EditorModel::stop() {
    if (shuttle_ != 0)
        setShuttle(0);
}

void EditorModel::shuttleForward() {
    if (!recording_.isEmpty())
        setShuttle(shuttle_ <= 0 || playingSelection_ ? 1 : std::min(kMaxShuttle, shuttle_ * 2));
}

void EditorModel::reverseTick() {
    const double next = playhead_ + shuttle_ * kReverseTickMs / 1000.0;
    if (next <= 0) {
        setPlayhead(0, false);
        setShuttle(0);
        return;
    }
    setPlayhead(next, true);
}

void EditorModel::playerFrame() {
    // While playing forwards the pictures move the playhead; otherwise the playhead moves the pictures.
    if (shuttle_ > 0)
        setPlayhead(player_.frameTime(), false);
}

void EditorModel::playerFinished() {
    if (shuttle_ <= 0)
        return;
    const double last = playingSelection_ ? clock_.stepFrames(out_, -1) : clock_.stepFrames(durationSec(), 0);
    shuttle_ = 0;
    playingSelection_ = false;
    setPlayhead(std::min(player_.frameTime(), last), true);
    emit playingChanged();
}

void EditorModel::jumpToMarker(int row) {
    if (row < 0 || row >= markerList_.size())
        return;
    seek(markerList_[row].timeSec);
}

bool EditorModel::selectMarker(int row) {
    if (row < 0 || row >= markerList_.size() || recording_.isEmpty())
        return false;
    const clips::Marker& marker = markerList_[row];
    if (marker.endSec < 0) {
        say(phrase(QT_TR_NOOP("“%1”没有结束时间，不能直接作为选段"), {marker.title}), true);
        return false;
    }
    const double in = clock_.snapToPicture(marker.timeSec);
    const double out = clock_.snapToEnd(marker.endSec);
    if (out <= in) {
        say(phrase(QT_TR_NOOP("“%1”在录像之外，不能作为选段"), {marker.title}), true);
        return false;
    }
    in_ = in;
    out_ = out;
    emit selectionChanged();
    if (title_.isEmpty())
        setTitle(marker.title);
    say(phrase(QT_TR_NOOP("选段设为“%1”：%2 到 %3"),
               {marker.title, FrameClock::format(in_), FrameClock::format(out_)}));
    seek(in_);
    return true;
}

void EditorModel::setCoverHere() {
    if (recording_.isEmpty())
        return;
    cover_ = playhead_;
    emit clipChanged();
}

QString EditorModel::coverText() const {
    return cover_ < 0 ? tr("用入点的画面") : FrameClock::format(cover_);
}

void EditorModel::setTitle(const QString& title) {
    if (title == title_)
        return;
    title_ = title;
    emit clipChanged();
}

void EditorModel::setHashtags(const QString& hashtags) {
    if (hashtags == hashtags_)
        return;
    hashtags_ = hashtags;
    emit clipChanged();
}

void EditorModel::setTitleCard(bool on) {
    if (on == titleCard_)
        return;
    titleCard_ = on;
    emit clipChanged();
}

QStringList EditorModel::hashtagList(const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[\\s,，、]+"));
    QStringList tags;
    for (QString tag : text.split(separators, Qt::SkipEmptyParts)) {
        while (tag.startsWith(QLatin1Char('#')) || tag.startsWith(QChar(0xFF03)))
            tag.remove(0, 1);
        if (!tag.isEmpty() && !tags.contains(QLatin1Char('#') + tag))
            tags << QLatin1Char('#') + tag;
    }
    return tags;
}

QStringList EditorModel::presetNames() const {
    return clips::ExportPreset::names();
}

QStringList EditorModel::presetLabels() const {
    QStringList labels;
    for (const clips::ExportPreset& preset : clips::ExportPreset::all())
        labels << (english_ ? preset.descriptionEn : preset.descriptionZh);
    return labels;
}

void EditorModel::setPresetIndex(int index) {
    if (index == presetIndex_ || index < 0 || index >= int(clips::ExportPreset::all().size()))
        return;
    presetIndex_ = index;
    emit clipChanged();
}

QString EditorModel::preset() const {
    return clips::ExportPreset::all().at(presetIndex_).name;
}

bool EditorModel::vertical() const {
    return clips::ExportPreset::all().at(presetIndex_).kind == clips::ExportPreset::Kind::Vertical;
}

void EditorModel::setBlurFill(bool blur) {
    if (blur == blur_)
        return;
    blur_ = blur;
    emit clipChanged();
}

void EditorModel::setCropX(double x) {
    x = std::round(std::clamp(x, 0.0, 1.0) * 1000) / 1000;
    if (x == cropX_)
        return;
    cropX_ = x;
    emit clipChanged();
}

double EditorModel::cropWidthFraction() const {
    // The 9:16 box over the picture, as high as the picture: its width as a share of the picture's.
    return std::min(1.0, (9.0 / 16.0) / pictureAspect_);
}

void EditorModel::resetClip() {
    clipId_ = 0;
    title_.clear();
    hashtags_.clear();
    titleCard_ = false;
    cover_ = -1;
    presetIndex_ = 0;
    blur_ = false;
    cropX_ = 0.5;
    in_ = clock_.timeOf(0);
    out_ = clock_.timeOf(clock_.frameCount());
    playhead_ = -1; // so that the first picture is announced
    setPlayhead(0, true);
    emit selectionChanged();
    emit clipChanged();
}

void EditorModel::newClip() {
    if (recording_.isEmpty())
        return;
    stop();
    resetClip();
    say(phrase(QT_TR_NOOP("新片段：整段录像已选中，请设入点和出点")));
}

bool EditorModel::saveClip() {
    if (!library_ || recording_.isEmpty()) {
        say(phrase(QT_TR_NOOP("请先在左边选一个录像")), true);
        return false;
    }
    clips::Clip clip;
    clip.id = clipId_;
    clip.recording = recording_;
    clip.inSec = in_;
    clip.outSec = out_;
    clip.title = title_.trimmed();
    clip.hashtags = hashtagList(hashtags_);
    clip.coverSec = cover_;
    clip.preset = preset();
    clip.fill = blur_ ? QStringLiteral("blur") : QStringLiteral("crop");
    clip.cropX = cropX_;
    if (clipId_ != 0) {
        auto updated = library_->updateClip(clip);
        if (!updated) {
            say(updated.error().message(), true);
            return false;
        }
    } else {
        auto added = library_->addClip(clip);
        if (!added) {
            say(added.error().message(), true);
            return false;
        }
        clipId_ = added->id;
        emit clipChanged();
    }
    say(phrase(QT_TR_NOOP("片段已保存：%1"), {clip.title.isEmpty() ? selectionText() : clip.title}));
    return true;
}

void EditorModel::loadClip(qint64 id) {
    if (!library_)
        return;
    auto list = library_->clips(recording_);
    if (!list)
        return say(list.error().message(), true);
    const auto it =
        std::find_if(list->begin(), list->end(), [id](const clips::Clip& c) { return c.id == id; });
    if (it == list->end())
        return;
    stop();
    clipId_ = it->id;
    title_ = it->title;
    hashtags_ = it->hashtags.join(QLatin1Char(' '));
    cover_ = it->coverSec;
    presetIndex_ = std::max(0, int(presetNames().indexOf(it->preset)));
    blur_ = it->fill == QLatin1String("blur");
    cropX_ = it->cropX;
    in_ = clock_.snapToPicture(it->inSec);
    out_ = clock_.snapToEnd(it->outSec);
    emit selectionChanged();
    emit clipChanged();
    setPlayhead(in_, true);
    say(Phrase());
}

bool EditorModel::removeClip(qint64 id) {
    if (!library_)
        return false;
    auto removed = library_->removeClip(id);
    if (!removed) {
        say(removed.error().message(), true);
        return false;
    }
    if (id == clipId_) {
        clipId_ = 0;
        emit clipChanged();
    }
    say(phrase(QT_TR_NOOP("片段记录已删除；录像和导出的文件都还在")));
    return *removed;
}

QString EditorModel::exportPath() const {
    const clips::ExportPreset& p = clips::ExportPreset::all().at(presetIndex_);
    QString base = fileNameFrom(title_);
    if (base.isEmpty())
        base = QFileInfo(recording_).completeBaseName() + QLatin1Char('_') + clockForFileName(in_) +
               QLatin1Char('_') + clockForFileName(out_);
    return folder_ + QStringLiteral("/clips/") + base + QLatin1Char('.') + p.extensions.first();
}

clips::ExportRequest EditorModel::exportRequest(bool overwrite) const {
    clips::ExportRequest request;
    request.input = recording_;
    request.output = exportPath();
    request.preset = preset();
    request.inSec = in_;
    request.outSec = out_;
    request.fill = blur_ ? clips::ExportRequest::Fill::Blur : clips::ExportRequest::Fill::Crop;
    request.cropX = cropX_;
    request.title = titleCard_ ? title_.trimmed() : QString();
    request.coverSec = cover_;
    request.overwrite = overwrite;
    return request;
}

bool EditorModel::exportClip() {
    if (!queue_ || recording_.isEmpty()) {
        say(phrase(QT_TR_NOOP("请先在左边选一个录像")), true);
        return false;
    }
    const QString output = exportPath();
    for (const clips::ClipJob& job : queue_->jobs())
        if (!job.isFinished() && job.output() == output) {
            say(phrase(QT_TR_NOOP("“%1”正在导出，请等它完成，或换一个标题"), {QFileInfo(output).fileName()}),
                true);
            return false;
        }
    if (QFileInfo::exists(output)) {
        overwriteQuestion_ = tr("“%1”已经存在。要用这次导出的片段替换它吗？原来的文件会被覆盖。")
                                 .arg(QFileInfo(output).fileName());
        emit overwriteQuestionChanged();
        return false;
    }
    return enqueueExport(false);
}

void EditorModel::confirmOverwrite() {
    if (overwriteQuestion_.isEmpty())
        return;
    overwriteQuestion_.clear();
    emit overwriteQuestionChanged();
    enqueueExport(true);
}

void EditorModel::cancelOverwrite() {
    if (overwriteQuestion_.isEmpty())
        return;
    overwriteQuestion_.clear();
    emit overwriteQuestionChanged();
    say(phrase(QT_TR_NOOP("没有导出：原来的文件保留不动。可以改一个标题再导出。")));
}

bool EditorModel::enqueueExport(bool overwrite) {
    const clips::ExportRequest request = exportRequest(overwrite);
    const QString folder = QFileInfo(request.output).absolutePath();
    if (!QDir().mkpath(folder)) {
        say(phrase(QT_TR_NOOP("无法建立导出文件夹：%1"), {folder}), true);
        return false;
    }
    auto queued = queue_->enqueueExport(request, {title_.trimmed(), hashtagList(hashtags_)});
    if (!queued) {
        say(queued.error().message(), true);
        return false;
    }
    say(phrase(QT_TR_NOOP("已加入导出队列：%1"), {QFileInfo(request.output).fileName()}));
    return true;
}

bool EditorModel::cancelJob(qint64 id) {
    return queue_ && queue_->cancel(id);
}

QStringList EditorModel::uploadDestinations() const {
    return uploads_ ? uploads_->destinations() : QStringList();
}

bool EditorModel::uploadJob(qint64 id, int destination) {
    const std::optional<clips::ClipJob> job = queue_ ? queue_->job(id) : std::nullopt;
    if (!job || job->state != clips::JobState::Done) {
        say(phrase(QT_TR_NOOP("这个导出还没有完成，完成后才能上传")), true);
        return false;
    }
    if (!QFileInfo::exists(job->output())) {
        say(phrase(QT_TR_NOOP("导出的文件不见了：%1"), {job->output()}), true);
        return false;
    }
    if (!uploads_) {
        say(phrase(QT_TR_NOOP("上传队列现在无法使用")), true);
        return false;
    }
    // The title and hashtags given when it was exported (kept with the job, so also after a restart).
    const clips::UploadDetails details = job->upload();
    const QString title =
        details.title.isEmpty() ? QFileInfo(job->output()).completeBaseName() : details.title;
    uploads_->addFile(job->output(), destination, title, details.hashtags);
    return true;
}

bool EditorModel::handleKey(int key, int modifiers) {
    if (modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    if (!overwriteQuestion_.isEmpty()) {
        // While asking, no key says yes: Space, Enter and Esc all mean "keep the old file".
        if (key == Qt::Key_Space || key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Escape) {
            cancelOverwrite();
            return true;
        }
        return false;
    }
    if (recording_.isEmpty())
        return false;
    const bool shift = modifiers & Qt::ShiftModifier;
    switch (key) {
    case Qt::Key_I:
        markIn();
        return true;
    case Qt::Key_O:
        markOut();
        return true;
    case Qt::Key_J:
        shuttleBack();
        return true;
    case Qt::Key_K:
        stop();
        return true;
    case Qt::Key_L:
        shuttleForward();
        return true;
    case Qt::Key_Space:
        togglePlay();
        return true;
    case Qt::Key_Left:
        shift ? stepSeconds(-1) : stepFrames(-1);
        return true;
    case Qt::Key_Right:
        shift ? stepSeconds(1) : stepFrames(1);
        return true;
    default:
        return false;
    }
}

} // namespace xz::ui
