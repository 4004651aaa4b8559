#include "obstext.h"

namespace xz::media {

OBSDataAutoRelease textSettings(const QString& text, const TextStyle& style) {
    OBSDataAutoRelease settings = obs_data_create();
    OBSDataAutoRelease font = obs_data_create();
    obs_data_set_string(font, "face", style.face.toUtf8().constData());
    obs_data_set_string(font, "style", style.style.toUtf8().constData());
    obs_data_set_int(font, "size", style.size);
    obs_data_set_int(font, "flags", style.style.contains(QLatin1String("Bold")) ? 1 : 0);
    obs_data_set_obj(settings, "font", font);
    obs_data_set_string(settings, "text", text.toUtf8().constData());
    obs_data_set_int(settings, "color1", style.colorAbgr);
    obs_data_set_int(settings, "color2", style.colorAbgr);
    obs_data_set_bool(settings, "outline", style.outline);
    obs_data_set_bool(settings, "drop_shadow", style.dropShadow);
    return settings;
}

} // namespace xz::media
