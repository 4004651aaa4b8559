#include "keyrouter.h"

#include <QKeyEvent>
#include <QQuickItem>
#include <QQuickWindow>

namespace xz::ui {
namespace {

bool typingInto(QObject* watched) {
    auto* window = qobject_cast<QQuickWindow*>(watched);
    QQuickItem* focus = window ? window->activeFocusItem() : nullptr;
    return focus && (focus->inherits("QQuickTextInput") || focus->inherits("QQuickTextEdit"));
}

} // namespace

KeyRouter::KeyRouter(std::function<bool(int, int)> handler, QObject* parent)
    : QObject(parent), handler_(std::move(handler)) {}

bool KeyRouter::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        return QObject::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (typingInto(watched) && key->key() != Qt::Key_Escape)
        return false;
    if (event->type() == QEvent::ShortcutOverride)
        return false; // the KeyPress that follows is ours to judge
    if (key->isAutoRepeat()) {
        // Holding Space must not take again and again; other held keys do nothing either, except the
        // arrows, which go on stepping through the Editor's pictures.
        const int k = key->key();
        if (k == Qt::Key_Left || k == Qt::Key_Right)
            return handler_ && handler_(k, static_cast<int>(key->modifiers()));
        return k == Qt::Key_Space || k == Qt::Key_Return || k == Qt::Key_Enter || k == Qt::Key_Escape ||
               (k >= Qt::Key_1 && k <= Qt::Key_9);
    }
    return handler_ && handler_(key->key(), static_cast<int>(key->modifiers()));
}

} // namespace xz::ui
