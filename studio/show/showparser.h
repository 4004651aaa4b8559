// Turns the parsed JSON of a show file into a Show, checking every rule of the format (see scenes/README.md).
// It keeps going after a problem so that one run lists all of them; the caller discards the Show when any
// error was reported, so nothing half-valid ever reaches the engine.
#pragma once

#include "errorlist.h"
#include "objectreader.h"
#include "show.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace xz::show {

// The bounds the validator enforces; scenes/README.md documents the same numbers.
namespace limits {
inline constexpr int kMinCanvasWidth = 320;
inline constexpr int kMaxCanvasWidth = 3840;
inline constexpr int kMinCanvasHeight = 180;
inline constexpr int kMaxCanvasHeight = 2160;
inline constexpr int kMinFps = 10;
inline constexpr int kMaxFps = 60;
inline constexpr int kMinFontSize = 8;
inline constexpr int kMaxFontSize = 300;
inline constexpr double kMinVolumeDb = -60.0;
inline constexpr double kMaxVolumeDb = 20.0;
inline constexpr int kMinTransitionMs = 50;
inline constexpr int kMaxTransitionMs = 10000;
inline constexpr int kMaxIdLength = 64;
inline constexpr int kMaxColorSourceSize = 16384;
// Microphones are mixed on libobs' audio channels 1..5 (channel 0 carries the program picture and sound).
inline constexpr int kMaxAudioInputs = 5;
} // namespace limits

class ShowParser {
public:
    ShowParser(QString baseDir, ErrorList& errors) : baseDir_(std::move(baseDir)), errors_(errors) {}

    // Always returns a Show built from what could be read; it is complete only if no error was added.
    Show parse(const QJsonObject& root);

    static bool isValidId(const QString& id);
    // "#RRGGBB" or "#AARRGGBB" (alpha first, like OBS and Qt); nullopt otherwise.
    static std::optional<QColor> parseColor(const QString& text);

private:
    bool checkFormat(ObjectReader& root);
    void parseTitle(ObjectReader& root, Show& show);
    void parseCanvas(ObjectReader& root, Show& show);
    void parseSources(ObjectReader& root, Show& show);
    std::optional<Source> parseSource(const QJsonValue& value, const QString& path, const Show& show);
    void parseScenes(ObjectReader& root, Show& show);
    std::optional<Scene> parseScene(const QJsonValue& value, const QString& path, const Show& show);
    std::optional<SceneItem> parseItem(const QJsonValue& value, const QString& path, const Show& show);
    void parseTransitions(ObjectReader& root, Show& show);
    std::optional<Transition> parseTransition(const QJsonValue& value, const QString& path);

    std::optional<QString> readId(ObjectReader& reader, const QString& key);
    std::optional<QColor> readColor(ObjectReader& reader, const QString& key, Need need);
    std::optional<QString> readFile(ObjectReader& reader, const QString& key, bool mustBeImage);
    std::optional<double> readVolume(ObjectReader& reader);
    std::optional<int> readDuration(ObjectReader& reader, const QString& key, Need need);
    std::optional<QString> readNonEmpty(ObjectReader& reader, const QString& key, Need need);
    void checkDuplicate(QHash<QString, QString>& seen, const QString& id, const QString& path,
                        const QString& whatZh, const QString& whatEn);

    QString baseDir_;
    ErrorList& errors_;
    // Ids already used, with the path of their first use, across the whole file (scenes and sources share
    // one namespace because libobs names both in one list).
    QHash<QString, QString> sourceAndSceneIds_;
    QHash<QString, QString> transitionIds_;
    // Sources whose entry was broken: scene items may still name them without a second, misleading error.
    QSet<QString> brokenSourceIds_;
};

} // namespace xz::show
