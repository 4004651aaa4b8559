#include "waveformitem.h"

#include "editormodel.h"

#include <QPainter>
#include <algorithm>

namespace xz::ui {

WaveformItem::WaveformItem(QQuickItem* parent) : QQuickPaintedItem(parent) {}

void WaveformItem::setEditor(EditorModel* editor) {
    if (editor == editor_)
        return;
    disconnect(changes_);
    editor_ = editor;
    if (editor_)
        changes_ = connect(editor_, &EditorModel::waveformChanged, this, [this] { update(); });
    emit editorChanged();
    update();
}

void WaveformItem::setColor(const QColor& color) {
    if (color == color_)
        return;
    color_ = color;
    emit colorChanged();
    update();
}

void WaveformItem::paint(QPainter* painter) {
    if (!editor_ || editor_->durationSec() <= 0)
        return;
    const clips::Waveform& wave = editor_->waveform();
    const qsizetype buckets = wave.maximum.size();
    if (buckets == 0 || wave.bucketsPerSecond <= 0)
        return;
    const int columns = int(width());
    const double middle = height() / 2;
    const double scale = middle / 32768.0;
    // Buckets per pixel of the whole recording's length (the timeline spans the recording).
    const double perColumn = editor_->durationSec() * wave.bucketsPerSecond / std::max(1, columns);
    painter->setPen(color_);
    for (int x = 0; x < columns; ++x) {
        const qsizetype from = qsizetype(x * perColumn);
        const qsizetype to = std::min(buckets, std::max(from + 1, qsizetype((x + 1) * perColumn)));
        if (from >= buckets)
            break;
        qint16 low = 0, high = 0;
        for (qsizetype i = from; i < to; ++i) {
            low = std::min(low, wave.minimum[i]);
            high = std::max(high, wave.maximum[i]);
        }
        painter->drawLine(QPointF(x + 0.5, middle - high * scale), QPointF(x + 0.5, middle - low * scale));
    }
}

} // namespace xz::ui
