#include "streamlistmodel.h"

namespace xz::ui {

StreamListModel::StreamListModel(live::Studio& studio, QObject* parent)
    : QAbstractListModel(parent), studio_(studio) {
    connect(&studio_, &live::Studio::streamsChanged, this, &StreamListModel::refresh);
    refresh();
}

QString StreamListModel::shortState(const live::StreamStatus& stream) {
    switch (stream.state) {
    case engine::StreamState::Idle:
        return tr("未开始");
    case engine::StreamState::Connecting:
        return tr("连接中");
    case engine::StreamState::Live:
        return tr("直播中");
    case engine::StreamState::Reconnecting:
        return tr("重连中 %1/%2").arg(stream.reconnectAttempt).arg(stream.maxRetries);
    case engine::StreamState::Failed:
        return tr("已断开");
    case engine::StreamState::Stopped:
        return tr("已结束");
    case engine::StreamState::Stopping:
        return tr("正在结束");
    }
    return QString();
}

int StreamListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(streams_.size());
}

QVariant StreamListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const live::StreamStatus& stream = streams_.at(index.row());
    switch (static_cast<Role>(role)) {
    case Role::StreamId:
        return stream.id;
    case Role::Name:
        return stream.name;
    case Role::Address:
        return stream.redactedUrl;
    case Role::State:
        return static_cast<int>(stream.state);
    case Role::StateText:
        return shortState(stream);
    case Role::Live:
        return stream.state == engine::StreamState::Live;
    case Role::Trouble:
        return stream.state == engine::StreamState::Reconnecting ||
               stream.state == engine::StreamState::Failed;
    case Role::BitrateText:
        return stream.state == engine::StreamState::Live ? tr("%1 kbps").arg(stream.bitrateKbps) : QString();
    case Role::DroppedText:
        return stream.totalFrames > 0 ? tr("丢帧 %1").arg(stream.droppedFrames) : QString();
    }
    return {};
}

QHash<int, QByteArray> StreamListModel::roleNames() const {
    return {{int(Role::StreamId), "streamId"},      {int(Role::Name), "name"},
            {int(Role::Address), "address"},        {int(Role::State), "state"},
            {int(Role::StateText), "stateText"},    {int(Role::Live), "live"},
            {int(Role::Trouble), "trouble"},        {int(Role::BitrateText), "bitrateText"},
            {int(Role::DroppedText), "droppedText"}};
}

void StreamListModel::retranslate() {
    if (!streams_.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1),
                         {int(Role::StateText), int(Role::BitrateText), int(Role::DroppedText)});
}

void StreamListModel::refresh() {
    const QList<live::StreamStatus> now = studio_.streams();
    bool sameRows = now.size() == streams_.size();
    for (qsizetype i = 0; sameRows && i < now.size(); ++i)
        sameRows = now[i].id == streams_[i].id;
    if (!sameRows) {
        beginResetModel();
        streams_ = now;
        endResetModel();
        return;
    }
    streams_ = now;
    if (!streams_.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1));
}

} // namespace xz::ui
