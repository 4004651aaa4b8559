#include "rtmpservice.h"

#include <obs-module.h>
#include <string>

namespace xz::engine {
namespace {

struct RtmpService {
    std::string server;
    std::string key;
};

void update(void* data, obs_data_t* settings) {
    auto* service = static_cast<RtmpService*>(data);
    service->server = obs_data_get_string(settings, "server");
    service->key = obs_data_get_string(settings, "key");
}

void* create(obs_data_t* settings, obs_service_t*) {
    auto* service = new RtmpService;
    update(service, settings);
    return service;
}

void destroy(void* data) {
    delete static_cast<RtmpService*>(data);
}
const char* name(void*) {
    return "Xiaozhan RTMP";
}
const char* url(void* data) {
    return static_cast<RtmpService*>(data)->server.c_str();
}
const char* key(void* data) {
    return static_cast<RtmpService*>(data)->key.c_str();
}
const char* outputType(void*) {
    return "rtmp_output";
}

} // namespace

void registerRtmpService() {
    obs_service_info info{};
    info.id = kRtmpServiceId;
    info.get_name = name;
    info.create = create;
    info.destroy = destroy;
    info.update = update;
    info.get_url = url;
    info.get_key = key;
    info.get_output_type = outputType;
    obs_register_service(&info);
}

} // namespace xz::engine
