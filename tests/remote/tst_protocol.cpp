// The obs-websocket v5 protocol as a client sees it, over real sockets on loopback, without the studio (no
// libobs): authentication, identification, every malformed message the protocol names a close code for,
// unknown requests, batches (order, haltOnFailure, variables, Sleep that does not block anyone else),
// subscriptions, vendor requests and events, and the server's own limits (oversized messages, a flood of
// requests, too many clients, a client that leaves mid-batch). Passwords never reach the log.
#include "authenticator.h"
#include "obsclient.h"
#include "protocolserver.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QTest>
#include <QWebSocketHandshakeOptions>

using namespace xz::remote;
using namespace xz::remote::test;

namespace {

const QString kPassword = QStringLiteral("社区-media-station-密码");

QJsonObject statusOf(const QJsonObject& response) {
    return response.value(QStringLiteral("requestStatus")).toObject();
}
int codeOf(const QJsonObject& response) {
    return statusOf(response).value(QStringLiteral("code")).toInt();
}
QJsonObject eventDataOf(const std::optional<QJsonObject>& event) {
    return event ? event->value(QStringLiteral("eventData")).toObject() : QJsonObject();
}
QJsonObject req(const QString& type, const QJsonObject& data = {}, const QJsonObject& extra = {}) {
    QJsonObject request = extra;
    request.insert(QStringLiteral("requestType"), type);
    if (!data.isEmpty())
        request.insert(QStringLiteral("requestData"), data);
    return request;
}

// Everything logged while alive, from every category (Qt's own included).
class LogCapture {
public:
    LogCapture() {
        instance_ = this;
        previous_ = qInstallMessageHandler(&LogCapture::handle);
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    }
    ~LogCapture() {
        qInstallMessageHandler(previous_);
        QLoggingCategory::setFilterRules(QString());
        instance_ = nullptr;
    }
    QString text() const {
        QMutexLocker lock(&mutex_);
        return lines_.join(QLatin1Char('\n'));
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message) {
        {
            QMutexLocker lock(&instance_->mutex_);
            instance_->lines_.append(message);
        }
        instance_->previous_(type, context, message);
    }
    static inline LogCapture* instance_ = nullptr;
    QtMessageHandler previous_ = nullptr;
    mutable QMutex mutex_;
    QStringList lines_;
};

} // namespace

class ProtocolTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void helloCarriesTheVersionAndAChallengeWhenAPasswordIsSet();
    void theRightPasswordIdentifiesAndEachConnectionGetsItsOwnChallenge();
    void aWrongOrMissingPasswordIsClosedWith4009();
    void withoutAPasswordNoAuthenticationIsAsked();
    void anythingButIdentifyBeforeIdentifiedIsClosedWith4007();
    void identifyingTwiceIsClosedWith4008();
    void anUnsupportedRpcVersionOrAPre5ClientIsClosedWith4010();
    void malformedJsonANonObjectOrABinaryFrameIsClosedWith4002();
    void aMissingOrUnknownOpCodeIsClosedWith4006();
    void missingOrMistypedFieldsGetTheProtocolsCloseCodes();
    void aMessagePackClientIsAnsweredInMessagePack();
    void malformedMessagePackOrATextFrameOnAMessagePackSessionIsClosedWith4002();
    void unknownRequestsAnswer204AndTheConnectionStays();
    void requestFieldsAreCheckedWithTheProtocolsStatusCodes();
    void batchesRunInOrderAndHaltOnFailureStopsAtTheFirstFailure();
    void batchVariablesCarryAnAnswerIntoTheNextRequest();
    void aSleepingBatchHoldsUpNoOtherClient();
    void sleepOutsideABatchAndParallelBatchesAnswer206();
    void eventsReachOnlyTheClientsSubscribedAndReidentifyChangesThat();
    void vendorRequestsReachTheirHandlerAndVendorEventsTheirSubscribers();
    void anOversizedMessageIsClosedWith1009AndOthersCarryOn();
    void aFloodOfRequestsClosesOnlyTheFlooderWith1008();
    void oneClientTooManyIsRefused();
    void aClientThatLeavesMidBatchLeavesTheServerWorking();
    void passwordsAndAuthenticationStringsNeverReachTheLog();
    void shuttingDownSaysExitStartedAndClosesWith1001();

private:
    ProtocolServer& start(const QString& password, ProtocolServer::Limits limits = {});
    std::unique_ptr<ObsClient> connected(bool identify = true, std::optional<uint32_t> subscriptions = {},
                                         bool msgpack = false);

    std::unique_ptr<ProtocolServer> server_;
    QString password_;
};

ProtocolServer& ProtocolTest::start(const QString& password, ProtocolServer::Limits limits) {
    server_ = std::make_unique<ProtocolServer>(password, QStringLiteral("29.0.2"), limits);
    password_ = password;
    // A request that answers what it was given: for batch variables and field checks.
    server_->registerRequest(QStringLiteral("Echo"), [](const Request& request) {
        if (auto error = request.requireString(QStringLiteral("text")))
            return *error;
        return RequestResult::ok(request.data);
    });
    server_->registerRequest(QStringLiteral("Fail"), [](const Request&) {
        return RequestResult::error(RequestStatus::ResourceNotFound, QStringLiteral("fails on purpose"));
    });
    QString error;
    if (!server_->listen(QHostAddress::LocalHost, 0, &error))
        qFatal("cannot listen: %s", qPrintable(error));
    return *server_;
}

std::unique_ptr<ObsClient> ProtocolTest::connected(bool identify, std::optional<uint32_t> subscriptions,
                                                   bool msgpack) {
    auto client = std::make_unique<ObsClient>(msgpack);
    if (!client->open(server_->port()))
        return nullptr;
    if (identify && !client->identify(password_, subscriptions))
        return nullptr;
    return client;
}

void ProtocolTest::init() {
    start(kPassword);
}

void ProtocolTest::cleanup() {
    server_.reset();
}

void ProtocolTest::helloCarriesTheVersionAndAChallengeWhenAPasswordIsSet() {
    auto client = connected(false);
    QVERIFY(client);
    const QJsonObject hello = client->hello();
    QCOMPARE(hello.value(QStringLiteral("obsWebSocketVersion")).toString(), QStringLiteral("5.1.0"));
    QCOMPARE(hello.value(QStringLiteral("rpcVersion")).toInt(), 1);
    const QJsonObject auth = hello.value(QStringLiteral("authentication")).toObject();
    // 32 random bytes in base64, as obs-websocket sends them.
    QCOMPARE(QByteArray::fromBase64(auth.value(QStringLiteral("challenge")).toString().toLatin1()).size(),
             32);
    QCOMPARE(QByteArray::fromBase64(auth.value(QStringLiteral("salt")).toString().toLatin1()).size(), 32);
    // The handshake picked obs-websocket's JSON subprotocol for a client that asked for it.
    ObsClient json;
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QStringLiteral("obswebsocket.json")});
    json.socket().open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server_->port())), options);
    QTRY_COMPARE_WITH_TIMEOUT(json.socket().subprotocol(), QStringLiteral("obswebsocket.json"), 20000);
}

void ProtocolTest::theRightPasswordIdentifiesAndEachConnectionGetsItsOwnChallenge() {
    auto first = connected();
    auto second = connected();
    QVERIFY(first && second);
    const auto challenge = [](const ObsClient& c) {
        return c.hello()
            .value(QStringLiteral("authentication"))
            .toObject()
            .value(QStringLiteral("challenge"));
    };
    QVERIFY(challenge(*first) != challenge(*second));
    const QJsonObject version = first->request(QStringLiteral("GetVersion"));
    QVERIFY(statusOf(version).value(QStringLiteral("result")).toBool());
    QCOMPARE(codeOf(version), 100);
    const QJsonObject data = version.value(QStringLiteral("responseData")).toObject();
    QCOMPARE(data.value(QStringLiteral("obsVersion")).toString(), QStringLiteral("29.0.2"));
    QVERIFY(data.value(QStringLiteral("availableRequests")).toArray().contains(QStringLiteral("Echo")));
    // The protocol document's example password, salt and challenge; the answer computed independently
    // (Python hashlib + base64).
    QCOMPARE(
        Authenticator::authenticationString(QStringLiteral("supersecretpassword"),
                                            QStringLiteral("lM1GncleQOaCu9lT1yeUZhFYnqhsLLP1G5lAGo3ixaI="),
                                            QStringLiteral("+IxH4CnCiqpX1rM9scsNynZzbOe4KhDeYcTNS3PDaeY=")),
        QStringLiteral("1Ct943GAT+6YQUUX47Ia/ncufilbe6+oD6lY+5kaCu4="));
}

void ProtocolTest::aWrongOrMissingPasswordIsClosedWith4009() {
    auto wrong = connected(false);
    QVERIFY(wrong);
    QVERIFY(!wrong->identify(QStringLiteral("not-the-password")));
    QVERIFY(wrong->waitForClose());
    QCOMPARE(wrong->closeCode(), 4009);
    QCOMPARE(wrong->closeReason(), QStringLiteral("Authentication failed."));

    auto missing = connected(false);
    QVERIFY(missing);
    missing->sendJson(
        {{QStringLiteral("op"), 1}, {QStringLiteral("d"), QJsonObject{{QStringLiteral("rpcVersion"), 1}}}});
    QVERIFY(missing->waitForClose());
    QCOMPARE(missing->closeCode(), 4009);

    auto notAString = connected(false);
    QVERIFY(notAString);
    notAString->sendJson({{QStringLiteral("op"), 1},
                          {QStringLiteral("d"), QJsonObject{{QStringLiteral("rpcVersion"), 1},
                                                            {QStringLiteral("authentication"), 42}}}});
    QVERIFY(notAString->waitForClose());
    QCOMPARE(notAString->closeCode(), 4009);
    // Others are not affected.
    auto right = connected();
    QVERIFY(right);
    QCOMPARE(codeOf(right->request(QStringLiteral("GetVersion"))), 100);
}

void ProtocolTest::withoutAPasswordNoAuthenticationIsAsked() {
    start(QString());
    auto client = connected(false);
    QVERIFY(client);
    QVERIFY(!client->hello().contains(QStringLiteral("authentication")));
    QVERIFY(client->identify(QString()));
    QCOMPARE(codeOf(client->request(QStringLiteral("GetVersion"))), 100);
}

void ProtocolTest::anythingButIdentifyBeforeIdentifiedIsClosedWith4007() {
    auto client = connected(false);
    QVERIFY(client);
    client->sendRequest(QStringLiteral("early"), QStringLiteral("GetVersion"));
    QVERIFY(client->waitForClose());
    QCOMPARE(client->closeCode(), 4007);
}

void ProtocolTest::identifyingTwiceIsClosedWith4008() {
    auto client = connected();
    QVERIFY(client);
    client->sendJson(
        {{QStringLiteral("op"), 1}, {QStringLiteral("d"), QJsonObject{{QStringLiteral("rpcVersion"), 1}}}});
    QVERIFY(client->waitForClose());
    QCOMPARE(client->closeCode(), 4008);
}

void ProtocolTest::anUnsupportedRpcVersionOrAPre5ClientIsClosedWith4010() {
    start(QString());
    auto client = connected(false);
    QVERIFY(client);
    client->sendJson(
        {{QStringLiteral("op"), 1}, {QStringLiteral("d"), QJsonObject{{QStringLiteral("rpcVersion"), 2}}}});
    QVERIFY(client->waitForClose());
    QCOMPARE(client->closeCode(), 4010);
    // obs-websocket 4.x clients speak "request-type".
    auto old = connected(false);
    QVERIFY(old);
    old->sendText(QStringLiteral(R"({"request-type":"GetVersion","message-id":"1"})"));
    QVERIFY(old->waitForClose());
    QCOMPARE(old->closeCode(), 4010);
}

void ProtocolTest::malformedJsonANonObjectOrABinaryFrameIsClosedWith4002() {
    const QStringList inputs{QStringLiteral("{\"op\": 1, \"d\": {"), QStringLiteral("[1, 2, 3]"),
                             QStringLiteral("not json at all"), QStringLiteral("\"a string\"")};
    for (const QString& input : inputs) {
        auto client = connected();
        QVERIFY(client);
        client->sendText(input);
        QVERIFY2(client->waitForClose(), qPrintable(input));
        QCOMPARE(client->closeCode(), 4002);
    }
    auto binary = connected();
    QVERIFY(binary);
    binary->socket().sendBinaryMessage(QByteArray("\x81\xa2op\x06", 5));
    QVERIFY(binary->waitForClose());
    QCOMPARE(binary->closeCode(), 4002);
}

void ProtocolTest::aMissingOrUnknownOpCodeIsClosedWith4006() {
    const QStringList inputs{QStringLiteral(R"({"d": {}})"),
                             QStringLiteral(R"({"op": "6", "d": {}})"),
                             QStringLiteral(R"({"op": 4, "d": {}})"),
                             QStringLiteral(R"({"op": 7, "d": {}})"),
                             QStringLiteral(R"({"op": 6.5, "d": {}})"),
                             QStringLiteral(R"({"op": 42, "d": {}})")};
    for (const QString& input : inputs) {
        auto client = connected();
        QVERIFY(client);
        client->sendText(input);
        QVERIFY2(client->waitForClose(), qPrintable(input));
        QCOMPARE(client->closeCode(), 4006);
    }
}

void ProtocolTest::missingOrMistypedFieldsGetTheProtocolsCloseCodes() {
    const QList<QPair<QString, int>> cases{
        {QStringLiteral(R"({"op": 6})"), 4003},
        {QStringLiteral(R"({"op": 6, "d": 5})"), 4004},
        {QStringLiteral(R"({"op": 6, "d": {"requestType": "GetVersion"}})"), 4003},
        {QStringLiteral(R"({"op": 6, "d": {"requestId": "x"}})"), 4003},
        {QStringLiteral(R"({"op": 6, "d": {"requestId": "x", "requestType": 5}})"), 4004},
        {QStringLiteral(R"({"op": 3, "d": {"eventSubscriptions": "all"}})"), 4004},
        {QStringLiteral(R"({"op": 3, "d": {"eventSubscriptions": -1}})"), 4004},
        {QStringLiteral(R"({"op": 8, "d": {"requests": []}})"), 4003},
        {QStringLiteral(R"({"op": 8, "d": {"requestId": "b"}})"), 4003},
        {QStringLiteral(R"({"op": 8, "d": {"requestId": "b", "requests": {}}})"), 4004},
        {QStringLiteral(R"({"op": 8, "d": {"requestId": "b", "requests": [], "executionType": 7}})"), 4005},
        {QStringLiteral(R"({"op": 8, "d": {"requestId": "b", "requests": [], "executionType": "x"}})"), 4004},
        {QStringLiteral(R"({"op": 8, "d": {"requestId": "b", "requests": [], "haltOnFailure": 1}})"), 4004},
        {QStringLiteral(R"({"op": 8, "d": {"requestId": "b", "requests": [], "variables": [1]}})"), 4004},
    };
    for (const auto& [input, code] : cases) {
        auto client = connected();
        QVERIFY(client);
        client->sendText(input);
        QVERIFY2(client->waitForClose(), qPrintable(input));
        QVERIFY2(client->closeCode() == code,
                 qPrintable(QStringLiteral("%1 -> %2").arg(input).arg(client->closeCode())));
    }
    // Identify without rpcVersion, or with one that is not a number.
    start(QString());
    auto noVersion = connected(false);
    QVERIFY(noVersion);
    noVersion->sendText(QStringLiteral(R"({"op": 1, "d": {}})"));
    QVERIFY(noVersion->waitForClose());
    QCOMPARE(noVersion->closeCode(), 4003);
    auto textVersion = connected(false);
    QVERIFY(textVersion);
    textVersion->sendText(QStringLiteral(R"({"op": 1, "d": {"rpcVersion": "1"}})"));
    QVERIFY(textVersion->waitForClose());
    QCOMPARE(textVersion->closeCode(), 4004);
}

void ProtocolTest::aMessagePackClientIsAnsweredInMessagePack() {
    auto packed = connected(true, std::nullopt, true);
    auto json = connected();
    QVERIFY(packed && json);
    QCOMPARE(packed->socket().subprotocol(), QStringLiteral("obswebsocket.msgpack"));
    const QJsonObject version = packed->request(QStringLiteral("GetVersion"));
    QCOMPARE(codeOf(version), 100);
    QCOMPARE(
        version.value(QStringLiteral("responseData")).toObject().value(QStringLiteral("rpcVersion")).toInt(),
        1);
    QCOMPARE(packed->batch({req(QStringLiteral("Echo"), {{QStringLiteral("text"), QStringLiteral("包")}})})
                 .value(QStringLiteral("results"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("responseData"))
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toString(),
             QStringLiteral("包"));
    // One event, each client in its own encoding.
    json->request(QStringLiteral("BroadcastCustomEvent"),
                  {{QStringLiteral("eventData"), QJsonObject{{QStringLiteral("n"), 3}}}});
    QCOMPARE(
        eventDataOf(packed->waitForEvent(QStringLiteral("CustomEvent"))).value(QStringLiteral("n")).toInt(),
        3);
    QCOMPARE(
        eventDataOf(json->waitForEvent(QStringLiteral("CustomEvent"))).value(QStringLiteral("n")).toInt(), 3);
}

void ProtocolTest::malformedMessagePackOrATextFrameOnAMessagePackSessionIsClosedWith4002() {
    const QList<QByteArray> inputs{QByteArray::fromHex("82a26f70"), QByteArray::fromHex("c1"),
                                   QByteArray::fromHex("93010203"), QByteArray(200, '\x91')};
    for (const QByteArray& input : inputs) {
        auto client = connected(true, std::nullopt, true);
        QVERIFY(client);
        client->socket().sendBinaryMessage(input);
        QVERIFY2(client->waitForClose(), input.toHex().constData());
        QCOMPARE(client->closeCode(), 4002);
    }
    auto text = connected(true, std::nullopt, true);
    QVERIFY(text);
    text->sendText(QStringLiteral(R"({"op": 6, "d": {"requestType": "GetVersion", "requestId": "1"}})"));
    QVERIFY(text->waitForClose());
    QCOMPARE(text->closeCode(), 4002);
    QVERIFY(text->closeReason().contains(QLatin1String("MsgPack")));
}

void ProtocolTest::unknownRequestsAnswer204AndTheConnectionStays() {
    auto client = connected();
    QVERIFY(client);
    const QJsonObject unknown =
        client->request(QStringLiteral("MakeTheStudioFly"), {{QStringLiteral("x"), 1}});
    QCOMPARE(unknown.value(QStringLiteral("requestType")).toString(), QStringLiteral("MakeTheStudioFly"));
    QVERIFY(!statusOf(unknown).value(QStringLiteral("result")).toBool());
    QCOMPARE(codeOf(unknown), 204);
    QCOMPARE(codeOf(client->request(QString())), 203);
    QVERIFY(!client->closed());
    QCOMPARE(codeOf(client->request(QStringLiteral("GetVersion"))), 100);
}

void ProtocolTest::requestFieldsAreCheckedWithTheProtocolsStatusCodes() {
    auto client = connected();
    QVERIFY(client);
    QCOMPARE(codeOf(client->request(QStringLiteral("Echo"))), 301); // no requestData at all
    QCOMPARE(codeOf(client->request(QStringLiteral("Echo"), {{QStringLiteral("other"), 1}})), 300);
    QCOMPARE(codeOf(client->request(QStringLiteral("Echo"), {{QStringLiteral("text"), 5}})), 401);
    QCOMPARE(codeOf(client->request(QStringLiteral("Echo"), {{QStringLiteral("text"), QString()}})), 403);
    const QJsonObject echoed =
        client->request(QStringLiteral("Echo"), {{QStringLiteral("text"), QStringLiteral("你好")}});
    QCOMPARE(echoed.value(QStringLiteral("responseData")).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("你好"));
    QCOMPARE(codeOf(client->request(QStringLiteral("BroadcastCustomEvent"))), 301);
}

void ProtocolTest::batchesRunInOrderAndHaltOnFailureStopsAtTheFirstFailure() {
    auto client = connected();
    QVERIFY(client);
    const QJsonArray requests{
        req(QStringLiteral("Echo"), {{QStringLiteral("text"), QStringLiteral("one")}},
            {{QStringLiteral("requestId"), QStringLiteral("1")}}),
        req(QStringLiteral("Fail")), req(QStringLiteral("NoSuchRequest")),
        req(QStringLiteral("Echo"), {{QStringLiteral("text"), QStringLiteral("four")}})};
    const QJsonArray all = client->batch(requests).value(QStringLiteral("results")).toArray();
    QCOMPARE(all.size(), 4);
    QCOMPARE(all[0].toObject().value(QStringLiteral("requestId")).toString(), QStringLiteral("1"));
    QCOMPARE(all[0]
                 .toObject()
                 .value(QStringLiteral("responseData"))
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toString(),
             QStringLiteral("one"));
    QCOMPARE(codeOf(all[1].toObject()), 600);
    QCOMPARE(statusOf(all[1].toObject()).value(QStringLiteral("comment")).toString(),
             QStringLiteral("fails on purpose"));
    QCOMPARE(codeOf(all[2].toObject()), 204);
    QCOMPARE(all[3]
                 .toObject()
                 .value(QStringLiteral("responseData"))
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toString(),
             QStringLiteral("four"));
    QVERIFY(!all[1].toObject().contains(QStringLiteral("requestId")));

    const QJsonArray halted = client->batch(requests, true).value(QStringLiteral("results")).toArray();
    QCOMPARE(halted.size(), 2);
    QCOMPARE(codeOf(halted[1].toObject()), 600);
    // SerialFrame runs the same way; an empty batch answers an empty list.
    QCOMPARE(client->batch(requests, false, 1).value(QStringLiteral("results")).toArray().size(), 4);
    const QJsonObject empty = client->batch({});
    QVERIFY(empty.contains(QStringLiteral("results")));
    QVERIFY(empty.value(QStringLiteral("results")).toArray().isEmpty());
}

void ProtocolTest::batchVariablesCarryAnAnswerIntoTheNextRequest() {
    auto client = connected();
    QVERIFY(client);
    client->sendJson(
        {{QStringLiteral("op"), 8},
         {QStringLiteral("d"),
          QJsonObject{
              {QStringLiteral("requestId"), QStringLiteral("vars")},
              {QStringLiteral("variables"),
               QJsonObject{{QStringLiteral("seed"), QStringLiteral("from-variables")}}},
              {QStringLiteral("requests"),
               QJsonArray{
                   req(QStringLiteral("Echo"), {},
                       {{QStringLiteral("inputVariables"),
                         QJsonObject{{QStringLiteral("text"), QStringLiteral("seed")}}},
                        {QStringLiteral("outputVariables"),
                         QJsonObject{{QStringLiteral("version"), QStringLiteral("text")}}}}),
                   req(QStringLiteral("GetVersion"), {},
                       {{QStringLiteral("outputVariables"),
                         QJsonObject{{QStringLiteral("wsVersion"), QStringLiteral("obsWebSocketVersion")}}}}),
                   req(QStringLiteral("Echo"), {},
                       {{QStringLiteral("inputVariables"),
                         QJsonObject{{QStringLiteral("text"), QStringLiteral("wsVersion")}}}}),
               }}}}});
    const auto response = client->waitForResponse(QStringLiteral("vars"));
    QVERIFY(response);
    const QJsonArray results = response->value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    const auto text = [&](int i) {
        return results[i]
            .toObject()
            .value(QStringLiteral("responseData"))
            .toObject()
            .value(QStringLiteral("text"))
            .toString();
    };
    QCOMPARE(text(0), QStringLiteral("from-variables"));
    QCOMPARE(text(2), QStringLiteral("5.1.0"));
}

void ProtocolTest::aSleepingBatchHoldsUpNoOtherClient() {
    auto sleeper = connected();
    auto other = connected();
    QVERIFY(sleeper && other);
    sleeper->sendJson(
        {{QStringLiteral("op"), 8},
         {QStringLiteral("d"),
          QJsonObject{{QStringLiteral("requestId"), QStringLiteral("slow")},
                      {QStringLiteral("requests"),
                       // Long enough that the other client's round trip ends inside it on a busy machine.
                       QJsonArray{req(QStringLiteral("Sleep"), {{QStringLiteral("sleepMillis"), 8000}}),
                                  req(QStringLiteral("Echo"),
                                      {{QStringLiteral("text"), QStringLiteral("after")}})}}}}});
    // The other client is answered while the batch sleeps.
    QCOMPARE(codeOf(other->request(QStringLiteral("GetVersion"))), 100);
    QVERIFY2(!sleeper->waitForResponse(QStringLiteral("slow"), 0),
             "the batch answered before its Sleep ended");
    const auto response = sleeper->waitForResponse(QStringLiteral("slow"));
    QVERIFY(response);
    const QJsonArray results = response->value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(codeOf(results[0].toObject()), 100);
    // Out of range and the frame variant.
    const QJsonArray bad =
        sleeper->batch({req(QStringLiteral("Sleep"), {{QStringLiteral("sleepMillis"), 50001}})})
            .value(QStringLiteral("results"))
            .toArray();
    QCOMPARE(codeOf(bad[0].toObject()), 402);
    const QJsonArray frames = sleeper
                                  ->batch({req(QStringLiteral("Sleep"), {{QStringLiteral("sleepFrames"), 3}}),
                                           req(QStringLiteral("GetVersion"))},
                                          false, 1)
                                  .value(QStringLiteral("results"))
                                  .toArray();
    QCOMPARE(frames.size(), 2);
    QCOMPARE(codeOf(frames[0].toObject()), 100);
    QCOMPARE(codeOf(frames[1].toObject()), 100);
}

void ProtocolTest::sleepOutsideABatchAndParallelBatchesAnswer206() {
    auto client = connected();
    QVERIFY(client);
    QCOMPARE(codeOf(client->request(QStringLiteral("Sleep"), {{QStringLiteral("sleepMillis"), 10}})), 206);
    const QJsonArray parallel =
        client->batch({req(QStringLiteral("GetVersion")), req(QStringLiteral("Echo"))}, false, 2)
            .value(QStringLiteral("results"))
            .toArray();
    QCOMPARE(parallel.size(), 2);
    for (const QJsonValue& result : parallel)
        QCOMPARE(codeOf(result.toObject()), 206);
    QVERIFY(!client->closed());
}

void ProtocolTest::eventsReachOnlyTheClientsSubscribedAndReidentifyChangesThat() {
    auto everything = connected();                           // default: all but high-volume
    auto scenesOnly = connected(true, subscription::Scenes); // General not included
    auto sender = connected();
    QVERIFY(everything && scenesOnly && sender);
    QCOMPARE(codeOf(sender->request(QStringLiteral("BroadcastCustomEvent"),
                                    {{QStringLiteral("eventData"), QJsonObject{{QStringLiteral("n"), 1}}}})),
             100);
    const auto event = everything->waitForEvent(QStringLiteral("CustomEvent"));
    QVERIFY(event);
    QCOMPARE(event->value(QStringLiteral("eventIntent")).toInt(), 1);
    QCOMPARE(event->value(QStringLiteral("eventData")).toObject().value(QStringLiteral("n")).toInt(), 1);
    QVERIFY(sender->waitForEvent(QStringLiteral("CustomEvent"))); // the sender is a subscriber too
    QVERIFY(scenesOnly->reidentify(subscription::General));
    QCOMPARE(scenesOnly->countEvents(QStringLiteral("CustomEvent")), 0);
    sender->request(QStringLiteral("BroadcastCustomEvent"),
                    {{QStringLiteral("eventData"), QJsonObject{{QStringLiteral("n"), 2}}}});
    const auto later = scenesOnly->waitForEvent(QStringLiteral("CustomEvent"));
    QVERIFY(later);
    QCOMPARE(later->value(QStringLiteral("eventData")).toObject().value(QStringLiteral("n")).toInt(), 2);
    QVERIFY(server_->anySubscribed(subscription::General));
    QVERIFY(!server_->anySubscribed(subscription::InputVolumeMeters));
}

void ProtocolTest::vendorRequestsReachTheirHandlerAndVendorEventsTheirSubscribers() {
    QJsonObject seen;
    server_->registerVendorRequest(QStringLiteral("xiaozhan"), QStringLiteral("GetRundownSnapshot"),
                                   [&](const QJsonObject& data) {
                                       seen = data;
                                       return QJsonObject{{QStringLiteral("segment"), QStringLiteral("开场")},
                                                          {QStringLiteral("remainingSeconds"), 42}};
                                   });
    auto host = connected(true, subscription::Vendors);
    auto noVendors = connected(true, subscription::General);
    QVERIFY(host && noVendors);
    const QJsonObject answer =
        host->request(QStringLiteral("CallVendorRequest"),
                      {{QStringLiteral("vendorName"), QStringLiteral("xiaozhan")},
                       {QStringLiteral("requestType"), QStringLiteral("GetRundownSnapshot")},
                       {QStringLiteral("requestData"), QJsonObject{{QStringLiteral("screen"), 2}}}});
    QCOMPARE(codeOf(answer), 100);
    QCOMPARE(seen.value(QStringLiteral("screen")).toInt(), 2);
    const QJsonObject data = answer.value(QStringLiteral("responseData")).toObject();
    QCOMPARE(data.value(QStringLiteral("vendorName")).toString(), QStringLiteral("xiaozhan"));
    QCOMPARE(data.value(QStringLiteral("requestType")).toString(), QStringLiteral("GetRundownSnapshot"));
    QCOMPARE(
        data.value(QStringLiteral("responseData")).toObject().value(QStringLiteral("segment")).toString(),
        QStringLiteral("开场"));
    QCOMPARE(codeOf(host->request(QStringLiteral("CallVendorRequest"),
                                  {{QStringLiteral("vendorName"), QStringLiteral("nobody")},
                                   {QStringLiteral("requestType"), QStringLiteral("GetRundownSnapshot")}})),
             600);
    QCOMPARE(codeOf(host->request(QStringLiteral("CallVendorRequest"),
                                  {{QStringLiteral("vendorName"), QStringLiteral("xiaozhan")},
                                   {QStringLiteral("requestType"), QStringLiteral("Nothing")}})),
             600);
    QCOMPARE(codeOf(host->request(QStringLiteral("CallVendorRequest"),
                                  {{QStringLiteral("vendorName"), QStringLiteral("xiaozhan")}})),
             300);

    server_->emitVendorEvent(QStringLiteral("xiaozhan"), QStringLiteral("RundownChanged"),
                             {{QStringLiteral("segment"), QStringLiteral("问答")}});
    const auto event = host->waitForEvent(QStringLiteral("VendorEvent"));
    QVERIFY(event);
    QCOMPARE(event->value(QStringLiteral("eventIntent")).toInt(), 1 << 9);
    const QJsonObject eventData = event->value(QStringLiteral("eventData")).toObject();
    QCOMPARE(eventData.value(QStringLiteral("vendorName")).toString(), QStringLiteral("xiaozhan"));
    QCOMPARE(eventData.value(QStringLiteral("eventType")).toString(), QStringLiteral("RundownChanged"));
    QCOMPARE(
        eventData.value(QStringLiteral("eventData")).toObject().value(QStringLiteral("segment")).toString(),
        QStringLiteral("问答"));
    // The client that did not subscribe to vendor events got none (it is answered after the event was sent).
    QCOMPARE(codeOf(noVendors->request(QStringLiteral("GetVersion"))), 100);
    QCOMPARE(noVendors->countEvents(QStringLiteral("VendorEvent")), 0);
}

void ProtocolTest::anOversizedMessageIsClosedWith1009AndOthersCarryOn() {
    ProtocolServer::Limits limits;
    limits.maxMessageBytes = 64 * 1024;
    start(kPassword, limits);
    auto big = connected();
    auto other = connected();
    QVERIFY(big && other);
    big->request(QStringLiteral("Echo"), {{QStringLiteral("text"), QString(60 * 1024, QLatin1Char('a'))}});
    QVERIFY(!big->closed()); // under the cap is fine
    big->sendRequest(QStringLiteral("huge"), QStringLiteral("Echo"),
                     {{QStringLiteral("text"), QString(100 * 1024, QLatin1Char('a'))}});
    QVERIFY(big->waitForClose());
    QCOMPARE(big->closeCode(), 1009);
    QCOMPARE(codeOf(other->request(QStringLiteral("GetVersion"))), 100);
}

void ProtocolTest::aFloodOfRequestsClosesOnlyTheFlooderWith1008() {
    ProtocolServer::Limits limits;
    limits.maxQueuedMessages = 16;
    start(kPassword, limits);
    auto flooder = connected();
    auto calm = connected();
    QVERIFY(flooder && calm);
    for (int i = 0; i < 2000; ++i)
        flooder->sendRequest(QStringLiteral("f%1").arg(i), QStringLiteral("GetVersion"));
    QVERIFY(flooder->waitForClose());
    QCOMPARE(flooder->closeCode(), 1008);
    QVERIFY(flooder->closeReason().contains(QLatin1String("Too many requests")));
    // What it sent before the queue was full was answered in order; the rest was not run.
    QVERIFY(!flooder->waitForResponse(QStringLiteral("f1999"), 0));
    QVERIFY(!calm->closed());
    QCOMPARE(codeOf(calm->request(QStringLiteral("GetVersion"))), 100);
    QTRY_COMPARE_WITH_TIMEOUT(server_->clientCount(), 1, 20000);
}

void ProtocolTest::oneClientTooManyIsRefused() {
    ProtocolServer::Limits limits;
    limits.maxClients = 2;
    start(kPassword, limits);
    auto first = connected();
    auto second = connected();
    QVERIFY(first && second);
    ObsClient third;
    third.socket().open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server_->port())));
    QVERIFY(third.waitForClose());
    QCOMPARE(third.closeCode(), 1008);
    QVERIFY(third.hello().isEmpty());
    first.reset();
    QTRY_COMPARE_WITH_TIMEOUT(server_->clientCount(), 1, 20000);
    QVERIFY(connected()); // room again
}

void ProtocolTest::aClientThatLeavesMidBatchLeavesTheServerWorking() {
    auto leaver = connected();
    auto stayer = connected();
    QVERIFY(leaver && stayer);
    leaver->sendJson(
        {{QStringLiteral("op"), 8},
         {QStringLiteral("d"),
          QJsonObject{{QStringLiteral("requestId"), QStringLiteral("gone")},
                      {QStringLiteral("requests"),
                       QJsonArray{req(QStringLiteral("Sleep"), {{QStringLiteral("sleepMillis"), 300}}),
                                  req(QStringLiteral("GetVersion"))}}}}});
    leaver->sendRequest(QStringLiteral("pending"), QStringLiteral("GetVersion"));
    QTRY_VERIFY_WITH_TIMEOUT(server_->clientCount() == 2, 20000);
    leaver->socket().abort(); // gone without a close handshake, mid-batch
    QTRY_COMPARE_WITH_TIMEOUT(server_->clientCount(), 1, 20000);
    // Well past the leaver's Sleep: the stayer's own longer Sleep ends, and the server still answers.
    const QJsonArray results =
        stayer
            ->batch({req(QStringLiteral("Sleep"), {{QStringLiteral("sleepMillis"), 600}}),
                     req(QStringLiteral("GetVersion"))})
            .value(QStringLiteral("results"))
            .toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(codeOf(results[1].toObject()), 100);
}

void ProtocolTest::passwordsAndAuthenticationStringsNeverReachTheLog() {
    LogCapture log;
    start(kPassword);
    auto wrong = connected(false);
    QVERIFY(wrong);
    QVERIFY(!wrong->identify(QStringLiteral("wrong-密码-guess")));
    QVERIFY(wrong->waitForClose());
    auto right = connected(false);
    QVERIFY(right);
    const QJsonObject auth = right->hello().value(QStringLiteral("authentication")).toObject();
    const QString answer =
        Authenticator::authenticationString(kPassword, auth.value(QStringLiteral("salt")).toString(),
                                            auth.value(QStringLiteral("challenge")).toString());
    QVERIFY(right->identify(kPassword));
    right->request(QStringLiteral("GetVersion"));
    server_.reset();
    const QString text = log.text();
    QVERIFY2(text.contains(QLatin1String("gave a wrong password")), qPrintable(text)); // the log did run
    QVERIFY(text.contains(QLatin1String("identified")));
    for (const QString& secret : {kPassword, QStringLiteral("wrong-密码-guess"), answer,
                                  auth.value(QStringLiteral("salt")).toString()})
        QVERIFY2(!text.contains(secret),
                 qPrintable(QStringLiteral("the log shows a secret: %1").arg(secret)));
}

void ProtocolTest::shuttingDownSaysExitStartedAndClosesWith1001() {
    auto client = connected();
    auto quiet = connected(true, subscription::None);
    QVERIFY(client && quiet);
    server_->shutDown();
    QVERIFY(client->waitForClose());
    QCOMPARE(client->countEvents(QStringLiteral("ExitStarted")), 1);
    QCOMPARE(client->closeCode(), 1001);
    QVERIFY(quiet->waitForClose());
    QCOMPARE(quiet->countEvents(QStringLiteral("ExitStarted")), 0);
    QVERIFY(!server_->listening());
}

QTEST_GUILESS_MAIN(ProtocolTest)
#include "tst_protocol.moc"
