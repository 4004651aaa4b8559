#include "audiobus.h"

#include "logging.h"
#include "scenegraph.h"

#include <obs.h>

namespace xz::engine {

AudioBus::AudioBus(const SceneGraph& graph) {
    int channel = kFirstChannel;
    for (const show::Source& source : graph.show().sources) {
        if (source.kind != show::SourceKind::AudioInput)
            continue;
        obs_source_t* input = graph.source(source.id);
        if (!input)
            continue; // unavailable (no sound server): SceneGraph already warned
        if (channel > kLastChannel) {
            qCWarning(lcEngine) << "more audio inputs than channels; not heard:" << source.id;
            continue;
        }
        obs_set_output_source(static_cast<uint32_t>(channel), input);
        channels_.push_back(channel++);
    }
}

AudioBus::~AudioBus() {
    for (int channel : channels_)
        obs_set_output_source(static_cast<uint32_t>(channel), nullptr);
}

} // namespace xz::engine
