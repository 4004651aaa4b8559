#include "videoframeitem.h"

#include "clipplayer.h"

#include <QQuickWindow>
#include <QSGSimpleTextureNode>
#include <algorithm>

namespace xz::ui {

VideoFrameItem::VideoFrameItem(QQuickItem* parent) : QQuickItem(parent) {
    setFlag(ItemHasContents, true);
}

void VideoFrameItem::setPlayer(ClipPlayer* player) {
    if (player == player_)
        return;
    disconnect(frames_);
    player_ = player;
    if (player_)
        frames_ = connect(player_, &ClipPlayer::frameChanged, this, [this] {
            fresh_ = true;
            relayout();
            update();
        });
    fresh_ = true;
    emit playerChanged();
    relayout();
    update();
}

void VideoFrameItem::setCropAspect(double aspect) {
    if (aspect == cropAspect_)
        return;
    cropAspect_ = aspect;
    emit cropChanged();
    relayout();
    update();
}

void VideoFrameItem::setCropX(double x) {
    x = std::clamp(x, 0.0, 1.0);
    if (x == cropX_)
        return;
    cropX_ = x;
    emit cropChanged();
    update();
}

QRectF VideoFrameItem::sourceRect(QSize image) const {
    const QRectF whole(QPointF(0, 0), QSizeF(image));
    if (cropAspect_ <= 0 || image.isEmpty())
        return whole;
    const double width = std::min<double>(image.width(), image.height() * cropAspect_);
    return QRectF((image.width() - width) * cropX_, 0, width, image.height());
}

void VideoFrameItem::relayout() {
    imageSize_ = player_ ? player_->frame().size() : QSize();
    QRectF rect;
    if (!imageSize_.isEmpty()) {
        const QSizeF picture = sourceRect(imageSize_).size().scaled(size(), Qt::KeepAspectRatio);
        rect = QRectF(QPointF((width() - picture.width()) / 2, (height() - picture.height()) / 2), picture);
    }
    if (rect != pictureRect_) {
        pictureRect_ = rect;
        emit pictureRectChanged();
    }
}

void VideoFrameItem::geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) {
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    relayout();
    update();
}

QSGNode* VideoFrameItem::updatePaintNode(QSGNode* old, UpdatePaintNodeData*) {
    auto* node = static_cast<QSGSimpleTextureNode*>(old);
    const QImage image = player_ ? player_->frame() : QImage();
    if (image.isNull() || pictureRect_.isEmpty()) {
        delete node;
        return nullptr;
    }
    if (!node) {
        node = new QSGSimpleTextureNode;
        node->setOwnsTexture(true);
        node->setFiltering(QSGTexture::Linear);
        fresh_ = true;
    }
    if (fresh_ || !node->texture()) {
        fresh_ = false;
        node->setTexture(window()->createTextureFromImage(image));
    }
    node->setSourceRect(sourceRect(image.size()));
    node->setRect(pictureRect_);
    return node;
}

} // namespace xz::ui
