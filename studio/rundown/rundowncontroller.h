// The rundown as the Operator and Host views see it: the HostState the Host view binds to (fed from the
// engine here, from the network on a second machine), the operator's segment list, and invokables for the
// buttons and keys (advance, back, skip, +1 min, hold, mark, mark in/out, messages to the host, live edits).
// Lives on the main thread; every action goes to RundownEngine, and a refused one says why in lastError.
#pragma once

#include "hoststate.h"
#include "segmentlistmodel.h"
#include "usererror.h"

#include <QJsonObject>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <optional>

namespace xz::rundown {

class RundownEngine;

class RundownController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The app provides the rundown controller")
    Q_PROPERTY(xz::rundown::HostState* host READ host CONSTANT)
    Q_PROPERTY(xz::rundown::SegmentListModel* segments READ segments CONSTANT)
    Q_PROPERTY(QString title READ title CONSTANT)
    Q_PROPERTY(int currentIndex READ currentIndex NOTIFY changed)
    Q_PROPERTY(int nextIndex READ nextIndex NOTIFY changed)
    Q_PROPERTY(bool recording READ recording NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    explicit RundownController(RundownEngine& engine, QObject* parent = nullptr);

    HostState* host() { return &host_; }
    SegmentListModel* segments() { return &segments_; }
    QString title() const;
    int currentIndex() const;
    int nextIndex() const;
    bool recording() const;
    QString lastError() const { return lastError_; } // "中文 / English"; empty after a successful action

    // Each returns false when nothing happened (lastError says why).
    Q_INVOKABLE bool advance();
    Q_INVOKABLE bool back();
    Q_INVOKABLE bool skip(); // the next segment (again: un-skip it)
    Q_INVOKABLE bool setSkipped(int index, bool skipped);
    Q_INVOKABLE bool goTo(int index);
    Q_INVOKABLE bool addTime(int seconds = 60);
    Q_INVOKABLE bool hold(); // hold / resume the clock
    Q_INVOKABLE bool mark(const QString& title = {});
    Q_INVOKABLE bool markIn(const QString& title = {});
    Q_INVOKABLE bool markOut();
    Q_INVOKABLE bool editSegment(int index, const QString& title, int durationSeconds);
    Q_INVOKABLE void sendMessage(const QString& text, bool blink = false, bool blackout = false);
    Q_INVOKABLE void clearMessage();

    // What the host sees, for a mirror: send it whenever snapshotChanged fires (and to every new mirror).
    Q_INVOKABLE QJsonObject snapshot() const { return host_.snapshot(); }

signals:
    void changed();
    void lastErrorChanged();
    void snapshotChanged();

private:
    // Runs one operator action and keeps lastError up to date.
    bool act(const std::function<std::optional<UserError>()>& action);
    void pushSnapshot();
    QJsonObject engineSnapshot() const;

    RundownEngine& engine_;
    HostState host_;
    SegmentListModel segments_;
    QString lastError_;
    int problems_ = 0; // problems the engine reported, to tell whether one came during an action
    QString message_;
    bool messageBlink_ = false;
    bool blackout_ = false;
};

} // namespace xz::rundown
