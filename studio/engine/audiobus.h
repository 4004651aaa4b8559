// Microphones are heard in every scene (a show file cannot place them in one), so they are not scene items:
// each goes to its own libobs output channel for as long as the bus lives.
#pragma once

#include "showparser.h"

#include <vector>

struct obs_source;
typedef struct obs_source obs_source_t;

namespace xz::engine {

class SceneGraph;

class AudioBus {
public:
    // Channels 1..5 are libobs' audio channels (0 is the program video). A show file with more inputs than
    // that is refused by the show validator (show::limits::kMaxAudioInputs), long before this point.
    static constexpr int kFirstChannel = 1;
    static constexpr int kLastChannel = kFirstChannel + show::limits::kMaxAudioInputs - 1;

    explicit AudioBus(const SceneGraph& graph);
    ~AudioBus();

    AudioBus(const AudioBus&) = delete;
    AudioBus& operator=(const AudioBus&) = delete;

    int inputCount() const { return static_cast<int>(channels_.size()); }

private:
    std::vector<int> channels_;
};

} // namespace xz::engine
