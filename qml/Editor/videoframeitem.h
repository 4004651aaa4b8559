// The Editor's picture: the player's current frame, letterboxed in the item; or, for the vertical framing
// preview, only the 9:16 part the export will keep (the crop box at cropX). A texture node, so it draws with
// Qt Quick's software renderer as well as with a GPU.
#pragma once

#include <QPointer>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

namespace xz::ui {

class ClipPlayer;

class VideoFrameItem : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(xz::ui::ClipPlayer* player READ player WRITE setPlayer NOTIFY playerChanged)
    // 0: the whole picture; 9/16: the vertical crop at cropX (0 left .. 1 right).
    Q_PROPERTY(double cropAspect READ cropAspect WRITE setCropAspect NOTIFY cropChanged)
    Q_PROPERTY(double cropX READ cropX WRITE setCropX NOTIFY cropChanged)
    // Where the picture is drawn inside the item (for the crop box laid over it).
    Q_PROPERTY(QRectF pictureRect READ pictureRect NOTIFY pictureRectChanged)

public:
    explicit VideoFrameItem(QQuickItem* parent = nullptr);

    ClipPlayer* player() const { return player_; }
    void setPlayer(ClipPlayer* player);
    double cropAspect() const { return cropAspect_; }
    void setCropAspect(double aspect);
    double cropX() const { return cropX_; }
    void setCropX(double x);
    QRectF pictureRect() const { return pictureRect_; }

signals:
    void playerChanged();
    void cropChanged();
    void pictureRectChanged();

protected:
    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData*) override;
    void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;

private:
    QRectF sourceRect(QSize image) const;
    void relayout();

    QPointer<ClipPlayer> player_;
    QMetaObject::Connection frames_;
    double cropAspect_ = 0;
    double cropX_ = 0.5;
    bool fresh_ = false;
    QSize imageSize_;
    QRectF pictureRect_;
};

} // namespace xz::ui
