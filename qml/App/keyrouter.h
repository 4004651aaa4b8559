// The live-show keys belong to the window, never to whichever control has focus (the OBS trap: Space
// pressing the last clicked button). Installed on the window, this sees every key first and hands the
// keys to the view on screen (the operator's 1-9, Space, Enter, Esc; the editor's I, O, J, K, L, arrows,
// Space); a text field being typed in keeps its keys, except Esc, the safe-slate key, which works whatever
// has focus. Held keys do not repeat a take; held arrows do step on.
#pragma once

#include <QObject>
#include <functional>

namespace xz::ui {

class KeyRouter : public QObject {
    Q_OBJECT
public:
    // `handler` gets (key, modifiers) and says whether it used the key.
    explicit KeyRouter(std::function<bool(int key, int modifiers)> handler, QObject* parent = nullptr);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::function<bool(int, int)> handler_;
};

} // namespace xz::ui
