// A live picture from the studio inside QML, without native window embedding: the program, the preview (it
// follows whatever scene is in preview) or one scene (a scene button's thumbnail), at a reduced size and
// rate so it costs little. Frames arrive on libobs' graphics thread into a small slot (newest wins); the item
// is told on the GUI thread and uploads the picture when the scene graph next renders. While the item is
// invisible or has no studio it watches nothing, so it costs nothing.
#pragma once

#include <QImage>
#include <QMutex>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace xz::ui {

class FrameView : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject* studio READ studio WRITE setStudio NOTIFY studioChanged)
    Q_PROPERTY(Feed feed READ feed WRITE setFeed NOTIFY feedChanged)
    Q_PROPERTY(QString sceneId READ sceneId WRITE setSceneId NOTIFY feedChanged)
    Q_PROPERTY(QSize feedSize READ feedSize WRITE setFeedSize NOTIFY feedChanged)
    // Every n-th rendered frame of the canvas (30 fps canvas: 2 = 15 fps, 30 = 1 fps).
    Q_PROPERTY(int everyNthFrame READ everyNthFrame WRITE setEveryNthFrame NOTIFY feedChanged)
    Q_PROPERTY(int framesShown READ framesShown NOTIFY framesShownChanged)

public:
    enum class Feed { Program = 1, Preview, Scene };
    Q_ENUM(Feed)

    explicit FrameView(QQuickItem* parent = nullptr);
    ~FrameView() override;

    QObject* studio() const;
    void setStudio(QObject* studio);
    Feed feed() const { return feed_; }
    void setFeed(Feed feed);
    QString sceneId() const { return sceneId_; }
    void setSceneId(const QString& sceneId);
    QSize feedSize() const { return feedSize_; }
    void setFeedSize(QSize size);
    int everyNthFrame() const { return everyNth_; }
    void setEveryNthFrame(int n);
    int framesShown() const { return framesShown_; }
    // The last picture shown (tests and screenshots).
    Q_INVOKABLE QImage lastFrame() const;

signals:
    void studioChanged();
    void feedChanged();
    void framesShownChanged();

protected:
    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData*) override;
    void itemChange(ItemChange change, const ItemChangeData& value) override;
    void componentComplete() override;

private:
    // Shared with the graphics thread: the newest frame, and a pointer back to the item that the item clears
    // (under the lock) before it goes, so a late frame reaches nothing.
    struct Slot {
        QMutex mutex;
        QImage frame;
        FrameView* item = nullptr;
        bool pending = false;
    };

    void rewatch();
    void unwatch();
    void frameArrived();

    QObject* studio_ = nullptr;
    Feed feed_ = Feed::Program;
    QString sceneId_;
    QSize feedSize_{480, 270};
    int everyNth_ = 2;
    int feedId_ = 0;
    int framesShown_ = 0;
    bool fresh_ = false;
    QImage shown_;
    std::shared_ptr<Slot> slot_;
    QMetaObject::Connection studioGone_;
};

} // namespace xz::ui
