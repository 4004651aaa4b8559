// The audio mixer: a strip per audio input (microphones, cameras and clips with sound) and one for the
// program mix, each with its meter (peak, RMS, peak hold, clipping), fader in dB and mute. Levels are read
// from the studio's meters at display rate (30 times a second, only while someone shows the mixer) and
// handed to QML already mapped onto the meter's scale. A microphone that stays silent while the show is live
// raises a plain warning once ("主持人话筒没有声音"), until it is heard again.
#pragma once

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <map>

namespace xz::live {
class Studio;
}

namespace xz::ui {

class MixerModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("OperatorModel provides the mixer")
    Q_PROPERTY(bool metering READ metering WRITE setMetering NOTIFY meteringChanged)
public:
    enum class Role {
        InputId = Qt::UserRole + 1,
        Label,
        IsMix,
        Microphone,
        VolumeDb,
        VolumeText, // "-3.0 dB"
        Muted,
        PeakLevel, // 0..1 on the meter's scale (-60 dBFS .. 0 dBFS)
        RmsLevel,
        HoldLevel,
        PeakText,
        Clipping,
        Silent // a microphone heard nothing for a while during a live show
    };
    Q_ENUM(Role)

    static constexpr double kFloorDb = -60.0;
    static constexpr double kSilentBelowDb = -55.0;
    static constexpr int kSilentAfterMs = 10000;
    static constexpr int kMeterIntervalMs = 33;

    // `nowMs` is the clock silence is timed with (tests pass their own); empty: a monotonic clock.
    explicit MixerModel(live::Studio& studio, QObject* parent = nullptr, std::function<qint64()> nowMs = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void setVolume(int row, double db);
    Q_INVOKABLE void toggleMute(int row);

    bool metering() const { return meterTimer_.isActive(); }
    void setMetering(bool on);
    // While the show is live (streaming or recording), silent microphones are warned about.
    void setShowLive(bool live);
    // Where a level sits on the meter (0 at the floor, 1 at 0 dBFS).
    static double meterPosition(double db);
    // One reading of the meters (the timer calls it at display rate).
    void sample();
    // The language changed: the program mix strip is named again (the inputs keep the show's labels).
    void retranslate();

signals:
    void meteringChanged();
    // A sentence for the alert list.
    void silentMicrophone(const QString& message);

private:
    void reload();
    static QString mixLabel();

    struct Strip {
        QString id; // empty: the program mix
        QString label;
        bool microphone = false;
        qint64 quietSinceMs = -1;
        bool warned = false;
    };

    live::Studio& studio_;
    std::vector<Strip> strips_;
    QTimer meterTimer_;
    QElapsedTimer clock_;
    std::function<qint64()> nowMs_;
    bool showLive_ = false;
};

} // namespace xz::ui
