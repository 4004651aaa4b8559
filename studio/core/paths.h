// Where Xiaozhan keeps its state (XDG), with XIAOZHAN_HOME overriding all of it (tests use that).
#pragma once

#include <QString>

namespace xz::paths {

// ~/.config/xiaozhan, or $XIAOZHAN_HOME/config
QString configDir();
// ~/.local/share/xiaozhan, or $XIAOZHAN_HOME/data (queue database, clip library)
QString dataDir();
// ~/Videos/xiaozhan, or $XIAOZHAN_HOME/recordings
QString recordingsDir();
// The shipped shows: $XIAOZHAN_SCENES_DIR, else <install or source tree>/scenes
QString scenesDir();
// The shipped graphics and fonts: <install or source tree>/assets
QString assetsDir();

} // namespace xz::paths
