#include "show.h"

#include <algorithm>

namespace xz::show {
namespace {

template <typename T> const T* findById(const QList<T>& list, const QString& id) {
    const auto it = std::find_if(list.cbegin(), list.cend(), [&](const T& entry) { return entry.id == id; });
    return it == list.cend() ? nullptr : &*it;
}

} // namespace

const Source* Show::findSource(const QString& sourceId) const {
    return findById(sources, sourceId);
}

const Scene* Show::findScene(const QString& sceneId) const {
    return findById(scenes, sceneId);
}

const Transition* Show::findTransition(const QString& transitionId) const {
    return findById(transitions, transitionId);
}

} // namespace xz::show
