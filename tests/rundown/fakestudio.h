// A StudioControl that records what the rundown asked of it, in order, with a recording clock the test sets.
#pragma once

#include "studiocontrol.h"

#include <QSet>
#include <QStringList>

namespace xz::rundown::test {

class FakeStudio final : public StudioControl {
public:
    std::optional<UserError> setText(const QString& sceneId, const QString& sourceId,
                                     const QString& text) override {
        calls << QStringLiteral("text %1/%2=%3").arg(sceneId, sourceId, text);
        if (failingScenes.contains(sceneId))
            return UserError{QStringLiteral("场景 %1 不存在").arg(sceneId),
                             QStringLiteral("no scene %1").arg(sceneId), QString()};
        return std::nullopt;
    }
    std::optional<UserError> takeScene(const QString& sceneId, const QString& transitionId,
                                       int durationMs) override {
        calls << QStringLiteral("take %1 %2 %3").arg(sceneId, transitionId).arg(durationMs);
        programScene = sceneId;
        if (failingScenes.contains(sceneId))
            return UserError{QStringLiteral("场景 %1 不存在").arg(sceneId),
                             QStringLiteral("no scene %1").arg(sceneId), QString()};
        return std::nullopt;
    }
    std::optional<double> recordingSeconds() const override { return recording; }

    QStringList takes() const {
        QStringList out;
        for (const QString& call : calls) {
            if (call.startsWith(QStringLiteral("take ")))
                out << call;
        }
        return out;
    }

    QStringList calls;
    QString programScene;
    std::optional<double> recording;
    QSet<QString> failingScenes;
};

} // namespace xz::rundown::test
