// The recording's sound as a waveform under the filmstrip: the min/max peaks PreviewCache made, folded to
// one column per pixel, so a one-hour recording draws as fast as a one-minute one.
#pragma once

#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace xz::ui {

class EditorModel;

class WaveformItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(xz::ui::EditorModel* editor READ editor WRITE setEditor NOTIFY editorChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorChanged)

public:
    explicit WaveformItem(QQuickItem* parent = nullptr);

    EditorModel* editor() const { return editor_; }
    void setEditor(EditorModel* editor);
    QColor color() const { return color_; }
    void setColor(const QColor& color);
    void paint(QPainter* painter) override;

signals:
    void editorChanged();
    void colorChanged();

private:
    QPointer<EditorModel> editor_;
    QMetaObject::Connection changes_;
    QColor color_ = Qt::green;
};

} // namespace xz::ui
