#include "hostmirror.h"

#include "authenticator.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrl>
#include <QWebSocketHandshakeOptions>

Q_LOGGING_CATEGORY(lcHost, "xz.host", QtInfoMsg)

namespace xz::ui {
namespace {

// obs-websocket v5: op codes, the close code for a wrong password, the Vendors subscription bit.
constexpr int kOpHello = 0;
constexpr int kOpIdentify = 1;
constexpr int kOpIdentified = 2;
constexpr int kOpEvent = 5;
constexpr int kOpRequest = 6;
constexpr int kOpRequestResponse = 7;
constexpr int kCloseAuthenticationFailed = 4009;
constexpr int kCloseUnsupportedRpcVersion = 4010;
constexpr int kRpcVersion = 1;
constexpr uint32_t kVendorEvents = 1u << 9;
constexpr int kStatusResourceNotFound = 600;
constexpr int kAskAgainMs = 3000;

} // namespace

HostMirror::HostMirror(const QString& hostName, quint16 port, const QString& password,
                       const rundown::Clock& clock, QObject* parent)
    : QObject(parent), hostName_(hostName), port_(port), password_(password), host_(clock, this) {
    host_.setConnected(false);
    statusText_ = tr("正在连接演播室 %1 / connecting to the studio at %1").arg(address());
    retryTimer_.setSingleShot(true);
    connect(&retryTimer_, &QTimer::timeout, this, &HostMirror::connectNow);
    askAgainTimer_.setSingleShot(true);
    connect(&askAgainTimer_, &QTimer::timeout, this, &HostMirror::askForSnapshot);
    pingTimer_.setInterval(kPingIntervalMs);
    connect(&pingTimer_, &QTimer::timeout, this, &HostMirror::checkAlive);
    connect(&socket_, &QWebSocket::textMessageReceived, this, &HostMirror::onMessage);
    connect(&socket_, &QWebSocket::pong, this, [this] { sinceHeard_.restart(); });
    connect(&socket_, &QWebSocket::disconnected, this, &HostMirror::onDisconnected);
}

HostMirror::~HostMirror() {
    stopping_ = true;
    socket_.abort();
}

QString HostMirror::address() const {
    // An IPv6 address needs its brackets back to be read as HOST:PORT.
    const QHostAddress literal(hostName_);
    const bool ipv6 = !literal.isNull() && literal.protocol() == QAbstractSocket::IPv6Protocol;
    return QStringLiteral("%1:%2").arg(ipv6 ? u'[' + hostName_ + u']' : hostName_).arg(port_);
}

void HostMirror::start() {
    connectNow();
}

void HostMirror::connectNow() {
    ++attempts_;
    pendingRequestId_.clear();
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(hostName_);
    url.setPort(port_);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QStringLiteral("obswebsocket.json")});
    sinceHeard_.restart();
    pingTimer_.start(); // also bounds how long a connection may take to say Hello
    socket_.open(url, options);
}

void HostMirror::send(int op, const QJsonObject& data) {
    const QJsonObject message{{QStringLiteral("op"), op}, {QStringLiteral("d"), data}};
    socket_.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void HostMirror::onMessage(const QString& text) {
    sinceHeard_.restart();
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QJsonObject data = message.value(QStringLiteral("d")).toObject();
    switch (message.value(QStringLiteral("op")).toInt(-1)) {
    case kOpHello:
        onHello(data);
        break;
    case kOpIdentified:
        retryMs_ = kFirstRetryMs; // this studio answers: a later drop starts retrying quickly again
        askForSnapshot();
        break;
    case kOpRequestResponse:
        onResponse(data);
        break;
    case kOpEvent:
        onEvent(data);
        break;
    default:
        break; // nothing else is asked for
    }
}

void HostMirror::onHello(const QJsonObject& hello) {
    QJsonObject identify{{QStringLiteral("rpcVersion"), kRpcVersion},
                         {QStringLiteral("eventSubscriptions"), double(kVendorEvents)}};
    const QJsonObject auth = hello.value(QStringLiteral("authentication")).toObject();
    if (!auth.isEmpty()) {
        if (password_.isEmpty()) {
            setStatus(tr("演播室 %1 需要遥控密码：请用 --password 给出 / the studio at %1 needs the "
                         "remote-control password: give it with --password")
                          .arg(address()),
                      false);
            closedForPassword_ = true;
            socket_.close();
            return;
        }
        identify.insert(QStringLiteral("authentication"),
                        remote::Authenticator::authenticationString(
                            password_, auth.value(QStringLiteral("salt")).toString(),
                            auth.value(QStringLiteral("challenge")).toString()));
    }
    send(kOpIdentify, identify);
}

void HostMirror::askForSnapshot() {
    if (socket_.state() != QAbstractSocket::ConnectedState)
        return;
    pendingRequestId_ = QStringLiteral("host-snapshot-%1").arg(++requestNumber_);
    send(kOpRequest, QJsonObject{{QStringLiteral("requestType"), QStringLiteral("CallVendorRequest")},
                                 {QStringLiteral("requestId"), pendingRequestId_},
                                 {QStringLiteral("requestData"),
                                  QJsonObject{{QStringLiteral("vendorName"), kVendor},
                                              {QStringLiteral("requestType"), kSnapshotRequest},
                                              {QStringLiteral("requestData"), QJsonObject()}}}});
}

void HostMirror::onResponse(const QJsonObject& response) {
    if (response.value(QStringLiteral("requestId")).toString() != pendingRequestId_)
        return;
    pendingRequestId_.clear();
    const QJsonObject status = response.value(QStringLiteral("requestStatus")).toObject();
    if (!status.value(QStringLiteral("result")).toBool()) {
        // A studio running without a rundown has no such vendor request: wait for one that has.
        const bool noRundown = status.value(QStringLiteral("code")).toInt() == kStatusResourceNotFound;
        qCInfo(lcHost).noquote() << "the studio did not give the rundown:"
                                 << status.value(QStringLiteral("comment")).toString();
        setStatus(noRundown
                      ? tr("演播室 %1 已连接，但没有在运行节目单 / connected to the studio at %1, but it "
                           "is not running a rundown")
                            .arg(address())
                      : tr("演播室 %1 没有给出节目单：%2 / the studio at %1 did not give the rundown: %2")
                            .arg(address(), status.value(QStringLiteral("comment")).toString()),
                  false);
        askAgainTimer_.start(kAskAgainMs);
        return;
    }
    const QJsonObject vendorReply = response.value(QStringLiteral("responseData")).toObject();
    applySnapshot(vendorReply.value(QStringLiteral("responseData")).toObject());
}

void HostMirror::onEvent(const QJsonObject& event) {
    if (event.value(QStringLiteral("eventType")).toString() != QLatin1String("VendorEvent"))
        return;
    const QJsonObject vendorEvent = event.value(QStringLiteral("eventData")).toObject();
    if (vendorEvent.value(QStringLiteral("vendorName")).toString() != kVendor ||
        vendorEvent.value(QStringLiteral("eventType")).toString() != kChangedEvent)
        return;
    applySnapshot(vendorEvent.value(QStringLiteral("eventData")).toObject());
}

void HostMirror::applySnapshot(const QJsonObject& snapshot) {
    if (const auto problem = host_.applySnapshot(snapshot)) {
        // What was shown stays (it is still the studio's last word); the screen says the new word was bad.
        qCWarning(lcHost).noquote() << "ignoring a host snapshot from" << address() << ":" << *problem;
        if (!mirroring_) {
            setStatus(tr("演播室 %1 发来的节目单数据无法使用（%2）/ the studio at %1 sent rundown data that "
                         "cannot be used (%2)")
                          .arg(address(), *problem),
                      false);
            askAgainTimer_.start(kAskAgainMs);
        }
        return;
    }
    askAgainTimer_.stop();
    host_.setConnected(true);
    setStatus(QString(), true);
}

void HostMirror::onDisconnected() {
    pingTimer_.stop();
    askAgainTimer_.stop();
    host_.setConnected(false);
    if (stopping_)
        return;
    const int code = int(socket_.closeCode());
    if (code == kCloseAuthenticationFailed)
        setStatus(tr("演播室 %1 不接受这个遥控密码（--password）/ the studio at %1 refused the "
                     "remote-control password (--password)")
                      .arg(address()),
                  false);
    else if (code == kCloseUnsupportedRpcVersion)
        setStatus(tr("演播室 %1 的遥控协议版本不同 / the studio at %1 speaks another remote-control "
                     "protocol version")
                      .arg(address()),
                  false);
    else if (!closedForPassword_)
        setStatus(
            tr("未连接演播室 %1，正在重试 / not connected to the studio at %1, retrying").arg(address()),
            false);
    closedForPassword_ = false;
    qCInfo(lcHost).noquote() << "not connected to" << address() << "(" << socket_.errorString()
                             << "close code" << code << "); retrying in" << retryMs_ << "ms";
    retryTimer_.start(retryMs_);
    retryMs_ = std::min(retryMs_ * 2, kLongestRetryMs);
}

void HostMirror::checkAlive() {
    if (sinceHeard_.elapsed() > kSilenceLimitMs) {
        // A studio switched off or unplugged says nothing: stop waiting for it.
        qCInfo(lcHost).noquote() << "the studio at" << address() << "stopped answering";
        socket_.abort();
        if (socket_.state() == QAbstractSocket::UnconnectedState && !retryTimer_.isActive())
            onDisconnected();
        return;
    }
    if (socket_.state() == QAbstractSocket::ConnectedState)
        socket_.ping();
}

void HostMirror::setStatus(const QString& text, bool mirroring) {
    if (text == statusText_ && mirroring == mirroring_)
        return;
    statusText_ = text;
    mirroring_ = mirroring;
    emit statusChanged();
}

} // namespace xz::ui
