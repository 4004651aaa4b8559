// The status strip's stream targets: each one's name, state in words (连接中, 直播中, 重连中 2/20, 已断开),
// bitrate and dropped frames. The key never appears: only the redacted address.
#pragma once

#include "studio.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace xz::ui {

class StreamListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("OperatorModel provides the stream list")
public:
    enum class Role {
        StreamId = Qt::UserRole + 1,
        Name,
        Address,
        State,
        StateText,
        Live,
        Trouble,
        BitrateText,
        DroppedText
    };
    Q_ENUM(Role)

    explicit StreamListModel(live::Studio& studio, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // 连接中 / 直播中 / 重连中 2/20 / 已断开 ...: short, for the strip (the long form is in the alert).
    static QString shortState(const live::StreamStatus& stream);
    // The language changed: the words are given again.
    void retranslate();

private:
    void refresh();

    live::Studio& studio_;
    QList<live::StreamStatus> streams_;
};

} // namespace xz::ui
