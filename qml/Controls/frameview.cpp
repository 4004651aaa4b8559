#include "frameview.h"

#include "studio.h"

#include <QQuickWindow>
#include <QSGSimpleTextureNode>

namespace xz::ui {

FrameView::FrameView(QQuickItem* parent) : QQuickItem(parent), slot_(std::make_shared<Slot>()) {
    setFlag(ItemHasContents, true);
    slot_->item = this;
}

FrameView::~FrameView() {
    unwatch();
    QMutexLocker lock(&slot_->mutex);
    slot_->item = nullptr;
}

QObject* FrameView::studio() const {
    return studio_;
}

void FrameView::setStudio(QObject* studio) {
    if (studio == studio_)
        return;
    unwatch();
    disconnect(studioGone_);
    studio_ = studio;
    if (studio_)
        studioGone_ = connect(studio_, &QObject::destroyed, this, [this] {
            feedId_ = 0; // the studio's monitors are gone with it
            studio_ = nullptr;
            emit studioChanged();
        });
    emit studioChanged();
    rewatch();
}

void FrameView::setFeed(Feed feed) {
    if (feed == feed_)
        return;
    feed_ = feed;
    emit feedChanged();
    rewatch();
}

void FrameView::setSceneId(const QString& sceneId) {
    if (sceneId == sceneId_)
        return;
    sceneId_ = sceneId;
    emit feedChanged();
    rewatch();
}

void FrameView::setFeedSize(QSize size) {
    if (size == feedSize_ || size.isEmpty())
        return;
    feedSize_ = size;
    emit feedChanged();
    rewatch();
}

void FrameView::setEveryNthFrame(int n) {
    n = std::max(1, n);
    if (n == everyNth_)
        return;
    everyNth_ = n;
    emit feedChanged();
    rewatch();
}

QImage FrameView::lastFrame() const {
    return shown_;
}

void FrameView::componentComplete() {
    QQuickItem::componentComplete();
    rewatch();
}

void FrameView::itemChange(ItemChange change, const ItemChangeData& value) {
    QQuickItem::itemChange(change, value);
    if (change == ItemVisibleHasChanged || change == ItemSceneChange)
        rewatch();
}

void FrameView::unwatch() {
    auto* studio = qobject_cast<live::Studio*>(studio_);
    if (studio && feedId_)
        studio->unwatch(feedId_); // after this the sink is never called again
    feedId_ = 0;
}

void FrameView::rewatch() {
    unwatch();
    auto* studio = qobject_cast<live::Studio*>(studio_);
    if (!studio || !isComponentComplete() || !isVisible() || !window())
        return;
    if (feed_ == Feed::Scene && sceneId_.isEmpty())
        return;
    // Runs on libobs' graphics thread: copy into the slot, tell the item once, return.
    std::shared_ptr<Slot> slot = slot_;
    auto sink = [slot](const QImage& frame) {
        QMutexLocker lock(&slot->mutex);
        slot->frame = frame;
        if (slot->item && !slot->pending) {
            slot->pending = true;
            QMetaObject::invokeMethod(slot->item, &FrameView::frameArrived, Qt::QueuedConnection);
        }
    };
    switch (feed_) {
    case Feed::Program:
        feedId_ = studio->watchProgram(feedSize_, everyNth_, sink);
        break;
    case Feed::Preview:
        feedId_ = studio->watchPreview(feedSize_, everyNth_, sink);
        break;
    case Feed::Scene:
        feedId_ = studio->watchScene(sceneId_, feedSize_, everyNth_, sink);
        break;
    }
}

void FrameView::frameArrived() {
    {
        QMutexLocker lock(&slot_->mutex);
        slot_->pending = false;
        shown_ = std::exchange(slot_->frame, QImage());
    }
    if (shown_.isNull())
        return;
    fresh_ = true;
    ++framesShown_;
    emit framesShownChanged();
    update();
}

QSGNode* FrameView::updatePaintNode(QSGNode* old, UpdatePaintNodeData*) {
    auto* node = static_cast<QSGSimpleTextureNode*>(old);
    if (shown_.isNull()) {
        delete node;
        return nullptr;
    }
    if (!node) {
        node = new QSGSimpleTextureNode;
        node->setOwnsTexture(true);
        node->setFiltering(QSGTexture::Linear);
    }
    if (fresh_ || !node->texture()) {
        fresh_ = false;
        node->setTexture(window()->createTextureFromImage(shown_));
    }
    // Letterboxed inside the item: the picture keeps its 16:9 whatever the layout gives.
    const QSizeF picture = QSizeF(shown_.size()).scaled(size(), Qt::KeepAspectRatio);
    node->setRect(
        QRectF(QPointF((width() - picture.width()) / 2, (height() - picture.height()) / 2), picture));
    return node;
}

} // namespace xz::ui
