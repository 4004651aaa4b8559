#include "preflightmodel.h"

#include "encoderset.h"
#include "studio.h"

#include <QDir>
#include <QFile>
#include <QUrl>
#include <cmath>
#include <util/platform.h>

namespace xz::ui {

PreflightModel::PreflightModel(live::Studio& studio, QObject* parent)
    : QAbstractListModel(parent), studio_(studio) {}

int PreflightModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(checks_.size());
}

QVariant PreflightModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Check& check = checks_.at(static_cast<size_t>(index.row()));
    switch (static_cast<Role>(role)) {
    case Role::Title:
        return check.title;
    case Role::Status:
        return static_cast<int>(check.status);
    case Role::Detail:
        return check.detail;
    case Role::Advice:
        return check.advice;
    }
    return {};
}

QHash<int, QByteArray> PreflightModel::roleNames() const {
    return {{int(Role::Title), "title"},
            {int(Role::Status), "status"},
            {int(Role::Detail), "detail"},
            {int(Role::Advice), "advice"}};
}

int PreflightModel::problems() const {
    return static_cast<int>(std::count_if(
        checks_.begin(), checks_.end(), [](const Check& check) { return check.status == Status::Problem; }));
}

void PreflightModel::add(Check check) {
    beginInsertRows({}, rowCount(), rowCount());
    checks_.push_back(std::move(check));
    endInsertRows();
}

void PreflightModel::settle(int row, Status status, const QString& detail, const QString& advice) {
    Check& check = checks_.at(static_cast<size_t>(row));
    check.status = status;
    check.detail = detail;
    check.advice = advice;
    emit dataChanged(index(row), index(row));
    if (--pending_ == 0)
        emit runningChanged();
}

void PreflightModel::run() {
    if (running())
        return;
    sockets_.clear();
    beginResetModel();
    checks_.clear();
    endResetModel();

    // Cameras: a capture camera must be live; a camera without a device shows only its test pattern.
    for (const show::Source& source : studio_.show().sources) {
        if (source.kind != show::SourceKind::Camera)
            continue;
        const QString name = source.label.isEmpty() ? source.id : source.label;
        const auto status = studio_.captureStatus(source.id);
        if (!status)
            add({tr("摄像头：%1").arg(name), Status::Warning, tr("没有接入摄像头，播出的是测试画面"),
                 tr("在设置中为它选择摄像头或手机，或不用这个机位")});
        else if (status->state == capture::CaptureState::Live)
            add({tr("摄像头：%1").arg(name), Status::Ok, tr("画面正常"), QString()});
        else
            add({tr("摄像头：%1").arg(name), Status::Problem,
                 status->error.isEmpty() ? tr("还没有画面") : status->error.message(),
                 tr("检查摄像头的线是否插好；手机请确认已连上同一个网络并开始推流")});
    }
    // Microphones: on, and hearing something (the hold of the last 1.5 s).
    for (const live::AudioInput& input : studio_.audioInputs()) {
        if (!input.microphone)
            continue;
        const auto status = studio_.captureStatus(input.id);
        const auto levels = studio_.levels(input.id);
        const QString title = tr("话筒：%1").arg(input.label);
        if (status && status->state != capture::CaptureState::Live)
            add({title, Status::Problem,
                 status->error.isEmpty() ? tr("话筒没有接通") : status->error.message(),
                 tr("检查话筒是否插好、是否打开")});
        else if (input.muted)
            add({title, Status::Problem, tr("已静音"), tr("在调音台上取消静音")});
        else if (!levels || !std::isfinite(levels->holdDb) || levels->holdDb < -50.0f)
            add({title, Status::Problem, tr("听不到声音"),
                 tr("对着话筒说几句话，再检查一次；仍没有声音请检查话筒开关")});
        else
            add({title, Status::Ok, tr("有声音（%1）").arg(engine::formatDb(levels->holdDb)), QString()});
    }
    // Disk: room for the planned length at the encoders' bitrate, with a margin.
    const QString folder = recordingFolder_.isEmpty() ? QDir::homePath() : recordingFolder_;
    QDir().mkpath(folder);
    const uint64_t freeBytes = os_get_free_disk_space(folder.toUtf8().constData());
    const engine::EncoderSettings encoder;
    const double bytesPerSecond = (encoder.videoBitrateKbps + encoder.audioBitrateKbps) * 1000.0 / 8.0;
    const double hoursFree = static_cast<double>(freeBytes) / bytesPerSecond / 3600.0;
    const double hoursPlanned = plannedSeconds_ / 3600.0;
    const QString diskDetail = tr("剩余 %1 GB，约可录 %2 小时（计划 %3 小时）")
                                   .arg(static_cast<double>(freeBytes) / 1e9, 0, 'f', 1)
                                   .arg(hoursFree, 0, 'f', 1)
                                   .arg(hoursPlanned, 0, 'f', 1);
    if (hoursFree < hoursPlanned)
        add({tr("磁盘空间"), Status::Problem, diskDetail,
             tr("删除或移走旧录像，或换一个空间更大的录像文件夹")});
    else if (hoursFree < hoursPlanned * 1.5)
        add({tr("磁盘空间"), Status::Warning, diskDetail, tr("空间不太宽裕，节目超时可能录不完")});
    else
        add({tr("磁盘空间"), Status::Ok, diskDetail, QString()});
    // The recording folder: a file can really be written there.
    QFile probe(folder + QStringLiteral("/.xiaozhan-preflight"));
    if (probe.open(QIODevice::WriteOnly)) {
        probe.close();
        probe.remove();
        add({tr("录像文件夹"), Status::Ok, folder, QString()});
    } else {
        add({tr("录像文件夹"), Status::Problem, tr("无法写入：%1").arg(folder),
             tr("在设置中换一个录像文件夹")});
    }
    // Stream servers: a short connect to each, in parallel.
    for (const live::StreamStatus& stream : studio_.streams()) {
        const QUrl url(stream.redactedUrl);
        const quint16 port =
            static_cast<quint16>(url.port(url.scheme() == QLatin1String("rtmps") ? 443 : 1935));
        checkServer(stream.name, url.host(), port);
    }
    if (studio_.streams().isEmpty())
        add({tr("直播地址"), Status::Warning, tr("还没有添加直播地址，只能录像"),
             tr("在设置中添加抖音等平台的推流地址")});
    emit runningChanged();
}

void PreflightModel::checkServer(const QString& name, const QString& host, quint16 port) {
    const int row = rowCount();
    add({tr("直播服务器：%1").arg(name), Status::Checking, tr("正在连接 %1:%2 …").arg(host).arg(port),
         QString()});
    ++pending_;
    auto socket = std::make_unique<QTcpSocket>();
    QTcpSocket* raw = socket.get();
    auto done = std::make_shared<bool>(false);
    const auto finish = [this, row, raw, done, host, port](bool reached, const QString& why) {
        if (*done)
            return;
        *done = true;
        raw->abort();
        if (reached)
            settle(row, Status::Ok, tr("%1:%2 可以连接").arg(host).arg(port), QString());
        else
            settle(row, Status::Problem, tr("连不上 %1:%2（%3）").arg(host).arg(port).arg(why),
                   tr("检查网线或无线网络；仍不行请核对推流地址"));
    };
    connect(raw, &QTcpSocket::connected, this, [finish] { finish(true, QString()); });
    connect(raw, &QTcpSocket::errorOccurred, this, [finish, raw] { finish(false, raw->errorString()); });
    QTimer::singleShot(kConnectTimeoutMs, this, [finish] { finish(false, tr("超时")); });
    raw->connectToHost(host, port);
    sockets_.push_back(std::move(socket));
}

} // namespace xz::ui
