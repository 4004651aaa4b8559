#include "volumemeterfeed.h"

#include <QJsonArray>
#include <cmath>

namespace xz::remote {
namespace {

double dbToMul(float db) {
    return std::isfinite(db) ? std::pow(10.0, db / 20.0) : 0.0;
}

} // namespace

VolumeMeterFeed::VolumeMeterFeed(live::Studio& studio, ProtocolServer& server, QObject* parent)
    : QObject(parent), studio_(studio), server_(server) {
    timer_.setInterval(kIntervalMs);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &VolumeMeterFeed::sample);
    connect(&server, &ProtocolServer::subscriptionsChanged, this, &VolumeMeterFeed::follow);
}

void VolumeMeterFeed::stop() {
    stopped_ = true;
    timer_.stop();
}

void VolumeMeterFeed::follow() {
    const bool wanted = !stopped_ && server_.anySubscribed(subscription::InputVolumeMeters);
    if (wanted && !timer_.isActive())
        timer_.start();
    else if (!wanted)
        timer_.stop();
}

void VolumeMeterFeed::sample() {
    QJsonArray inputs;
    for (const live::AudioInput& input : studio_.audioInputs()) {
        const std::optional<engine::AudioLevels> levels = studio_.levels(input.id);
        if (!levels)
            continue;
        // obs-websocket gives per channel [magnitude, peak, input peak] as multipliers, the first two after
        // the fader, the last before it. The studio's meter keeps one value over all channels, after the
        // fader (and the mute); the pre-fader peak follows from the fader, and is unknown while muted.
        const bool known = !input.muted && input.volumeDb > -100.0;
        const double inputPeak = known ? dbToMul(levels->peakDb - static_cast<float>(input.volumeDb)) : 0.0;
        inputs.append(QJsonObject{
            {QStringLiteral("inputName"), input.id},
            {QStringLiteral("inputLevelsMul"),
             QJsonArray{QJsonArray{dbToMul(levels->rmsDb), dbToMul(levels->peakDb), inputPeak}}},
        });
    }
    server_.broadcast(subscription::InputVolumeMeters, QStringLiteral("InputVolumeMeters"),
                      {{QStringLiteral("inputs"), inputs}});
}

} // namespace xz::remote
