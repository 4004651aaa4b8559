#include "mixermodel.h"

#include "studio.h"

#include <cmath>

namespace xz::ui {

MixerModel::MixerModel(live::Studio& studio, QObject* parent, std::function<qint64()> nowMs)
    : QAbstractListModel(parent), studio_(studio), nowMs_(std::move(nowMs)) {
    meterTimer_.setInterval(kMeterIntervalMs);
    connect(&meterTimer_, &QTimer::timeout, this, &MixerModel::sample);
    connect(&studio_, &live::Studio::showChanged, this, &MixerModel::reload);
    connect(&studio_, &live::Studio::volumeChanged, this, [this](const QString& id) {
        for (size_t row = 0; row < strips_.size(); ++row)
            if (strips_[row].id == id)
                emit dataChanged(index(int(row)), index(int(row)),
                                 {int(Role::VolumeDb), int(Role::VolumeText)});
    });
    connect(&studio_, &live::Studio::muteChanged, this, [this](const QString& id) {
        for (size_t row = 0; row < strips_.size(); ++row)
            if (strips_[row].id == id)
                emit dataChanged(index(int(row)), index(int(row)), {int(Role::Muted)});
    });
    clock_.start();
    reload();
}

double MixerModel::meterPosition(double db) {
    if (!std::isfinite(db) || db <= kFloorDb)
        return 0.0;
    return std::min(1.0, (db - kFloorDb) / -kFloorDb);
}

int MixerModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(strips_.size());
}

QVariant MixerModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Strip& strip = strips_.at(static_cast<size_t>(index.row()));
    const bool mix = strip.id.isEmpty();
    const engine::AudioLevels levels =
        mix ? studio_.mixLevels() : studio_.levels(strip.id).value_or(engine::AudioLevels{});
    double volumeDb = 0;
    bool muted = false;
    if (!mix)
        for (const live::AudioInput& input : studio_.audioInputs())
            if (input.id == strip.id) {
                volumeDb = input.volumeDb;
                muted = input.muted;
            }
    switch (static_cast<Role>(role)) {
    case Role::InputId:
        return strip.id;
    case Role::Label:
        return strip.label;
    case Role::IsMix:
        return mix;
    case Role::Microphone:
        return strip.microphone;
    case Role::VolumeDb:
        return std::isfinite(volumeDb) ? volumeDb : -100.0;
    case Role::VolumeText:
        return engine::formatDb(static_cast<float>(volumeDb));
    case Role::Muted:
        return muted;
    case Role::PeakLevel:
        return meterPosition(levels.peakDb);
    case Role::RmsLevel:
        return meterPosition(levels.rmsDb);
    case Role::HoldLevel:
        return meterPosition(levels.holdDb);
    case Role::PeakText:
        return engine::formatDb(levels.holdDb);
    case Role::Clipping:
        return levels.clipping;
    case Role::Silent:
        return strip.warned;
    }
    return {};
}

QHash<int, QByteArray> MixerModel::roleNames() const {
    return {{int(Role::InputId), "inputId"},   {int(Role::Label), "label"},
            {int(Role::IsMix), "isMix"},       {int(Role::Microphone), "microphone"},
            {int(Role::VolumeDb), "volumeDb"}, {int(Role::VolumeText), "volumeText"},
            {int(Role::Muted), "muted"},       {int(Role::PeakLevel), "peakLevel"},
            {int(Role::RmsLevel), "rmsLevel"}, {int(Role::HoldLevel), "holdLevel"},
            {int(Role::PeakText), "peakText"}, {int(Role::Clipping), "clipping"},
            {int(Role::Silent), "silent"}};
}

void MixerModel::setVolume(int row, double db) {
    if (row < 0 || row >= rowCount() || strips_[size_t(row)].id.isEmpty())
        return;
    studio_.setVolumeDb(strips_[size_t(row)].id, db);
}

void MixerModel::toggleMute(int row) {
    if (row < 0 || row >= rowCount() || strips_[size_t(row)].id.isEmpty())
        return;
    const QString& id = strips_[size_t(row)].id;
    for (const live::AudioInput& input : studio_.audioInputs())
        if (input.id == id)
            studio_.setMuted(id, !input.muted);
}

void MixerModel::setMetering(bool on) {
    if (on == metering())
        return;
    if (on)
        meterTimer_.start();
    else
        meterTimer_.stop();
    emit meteringChanged();
}

void MixerModel::setShowLive(bool live) {
    showLive_ = live;
    if (!live)
        for (Strip& strip : strips_)
            strip.quietSinceMs = -1;
}

void MixerModel::reload() {
    beginResetModel();
    strips_.clear();
    for (const live::AudioInput& input : studio_.audioInputs())
        strips_.push_back({input.id, input.label, input.microphone});
    strips_.push_back({QString(), mixLabel(), false});
    endResetModel();
}

QString MixerModel::mixLabel() {
    return tr("节目混音");
}

void MixerModel::retranslate() {
    for (size_t row = 0; row < strips_.size(); ++row) {
        if (!strips_[row].id.isEmpty())
            continue;
        strips_[row].label = mixLabel();
        emit dataChanged(index(int(row)), index(int(row)), {int(Role::Label)});
    }
}

void MixerModel::sample() {
    if (strips_.empty())
        return;
    const qint64 now = nowMs_ ? nowMs_() : clock_.elapsed();
    for (size_t row = 0; row < strips_.size(); ++row) {
        Strip& strip = strips_[row];
        if (!strip.microphone)
            continue;
        const std::optional<engine::AudioLevels> levels = studio_.levels(strip.id);
        const bool quiet = !levels || !std::isfinite(levels->peakDb) || levels->peakDb < kSilentBelowDb;
        if (!quiet || !showLive_) {
            strip.quietSinceMs = -1;
            if (strip.warned && !quiet) {
                strip.warned = false;
                emit dataChanged(index(int(row)), index(int(row)), {int(Role::Silent)});
            }
            continue;
        }
        if (strip.quietSinceMs < 0)
            strip.quietSinceMs = now;
        if (!strip.warned && now - strip.quietSinceMs >= kSilentAfterMs) {
            strip.warned = true;
            emit dataChanged(index(int(row)), index(int(row)), {int(Role::Silent)});
            emit silentMicrophone(tr("%1没有声音，请检查话筒是否打开、是否插好").arg(strip.label));
        }
    }
    emit dataChanged(index(0), index(rowCount() - 1),
                     {int(Role::PeakLevel), int(Role::RmsLevel), int(Role::HoldLevel), int(Role::PeakText),
                      int(Role::Clipping)});
}

} // namespace xz::ui
