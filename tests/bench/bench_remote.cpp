// Remote-control benchmark (./dev bench), one process (libobs starts once), the cooking show recording
// all along, clients on their own threads so that only the studio's main thread is measured:
//   1. reference: a plain WebSocket echo server on the studio's main thread, 100 messages/s;
//   2. obs-websocket requests (a mix an operator's buttons make: program, preview, volume, stats),
//      100 requests/s: round trip p50/p99 as a ratio to the echo's (goal: p99 under one frame, 33 ms);
//   3. render lag, process CPU and main-thread timer lateness with no remote client, then with 3 clients
//      subscribed to InputVolumeMeters every 50 ms (goal: no lag added);
//   4. bursts: one client writes 200, then 5000 requests at once; how late the main thread's timers ran.
#include "remoteserver.h"
#include "showloader.h"
#include "studio.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <algorithm>
#include <cstdio>
#include <map>
#include <obs.h>
#include <sys/resource.h>

using namespace xz;

namespace {

constexpr int kRatePerSecond = 100;
constexpr int kRoundTripSeconds = 15;
constexpr int kMeterSeconds = 20;

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())))];
}

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
           usage.ru_stime.tv_usec / 1e6;
}

QString jsonText(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A client on its own thread. Modes: echo (plain text round trips), requests (obs-websocket round trips),
// meters (identified for InputVolumeMeters, counting them), flood (5000 requests written at once).
class Client : public QThread {
public:
    enum class Mode { Echo, Requests, Meters, Flood };
    // seconds: how long it runs (Flood: how many requests it writes at once).
    Client(Mode mode, quint16 port, int seconds) : mode_(mode), port_(port), seconds_(seconds) {}

    std::vector<double> roundTripsMs;
    int meterEvents = 0;
    int answered = 0;
    int closeCode = 0;

protected:
    void run() override {
        QWebSocket socket;
        QEventLoop loop;
        QTimer pace;
        pace.setTimerType(Qt::PreciseTimer);
        pace.setInterval(1000 / kRatePerSecond);
        QElapsedTimer clock;
        clock.start();
        std::map<int, qint64> sentNs;
        int next = 0;
        const int total = seconds_ * kRatePerSecond;
        const QStringList scenes{QStringLiteral("host"), QStringLiteral("stove")};

        const auto sendOne = [&] {
            const int id = next++;
            sentNs[id] = clock.nsecsElapsed();
            if (mode_ == Mode::Echo) {
                socket.sendTextMessage(QString::number(id));
                return;
            }
            QJsonObject d{{QStringLiteral("requestId"), QString::number(id)}};
            switch (id % 4) {
            case 0:
                d.insert(QStringLiteral("requestType"), QStringLiteral("GetCurrentProgramScene"));
                break;
            case 1:
                d.insert(QStringLiteral("requestType"), QStringLiteral("SetCurrentPreviewScene"));
                d.insert(QStringLiteral("requestData"),
                         QJsonObject{{QStringLiteral("sceneName"), scenes[(id / 4) % 2]}});
                break;
            case 2:
                d.insert(QStringLiteral("requestType"), QStringLiteral("GetInputVolume"));
                d.insert(QStringLiteral("requestData"),
                         QJsonObject{{QStringLiteral("inputName"), QStringLiteral("mic-host")}});
                break;
            default:
                d.insert(QStringLiteral("requestType"), QStringLiteral("GetStats"));
            }
            socket.sendTextMessage(jsonText({{QStringLiteral("op"), 6}, {QStringLiteral("d"), d}}));
        };
        const auto received = [&](int id) {
            const auto sent = sentNs.find(id);
            if (sent == sentNs.end())
                return;
            roundTripsMs.push_back(static_cast<double>(clock.nsecsElapsed() - sent->second) / 1e6);
            sentNs.erase(sent);
            ++answered;
            if (next >= total && sentNs.empty())
                loop.quit();
        };
        QObject::connect(&pace, &QTimer::timeout, [&] {
            if (next < total)
                sendOne();
            else
                pace.stop();
        });
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString& text) {
            if (mode_ == Mode::Echo)
                return received(text.toInt());
            const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
            const int op = message.value(QStringLiteral("op")).toInt();
            const QJsonObject d = message.value(QStringLiteral("d")).toObject();
            if (op == 0) {
                const double subscriptions = mode_ == Mode::Meters ? (0x7FF | (1 << 16)) : 0x7FF;
                socket.sendTextMessage(
                    jsonText({{QStringLiteral("op"), 1},
                              {QStringLiteral("d"),
                               QJsonObject{{QStringLiteral("rpcVersion"), 1},
                                           {QStringLiteral("eventSubscriptions"), subscriptions}}}}));
            } else if (op == 2) {
                if (mode_ == Mode::Requests)
                    pace.start();
                else if (mode_ == Mode::Meters)
                    QTimer::singleShot(seconds_ * 1000, &loop, &QEventLoop::quit);
                else if (mode_ == Mode::Flood)
                    for (int i = 0; i < seconds_; ++i)
                        socket.sendTextMessage(jsonText(
                            {{QStringLiteral("op"), 6},
                             {QStringLiteral("d"),
                              QJsonObject{{QStringLiteral("requestId"), QString::number(i)},
                                          {QStringLiteral("requestType"), QStringLiteral("GetVersion")}}}}));
            } else if (op == 5 && d.value(QStringLiteral("eventType")).toString() ==
                                      QLatin1String("InputVolumeMeters")) {
                ++meterEvents;
            } else if (op == 7) {
                if (mode_ == Mode::Flood) {
                    if (++answered == seconds_)
                        loop.quit();
                } else
                    received(d.value(QStringLiteral("requestId")).toString().toInt());
            }
        });
        QObject::connect(&socket, &QWebSocket::connected, [&] {
            if (mode_ == Mode::Echo)
                pace.start();
        });
        QObject::connect(&socket, &QWebSocket::disconnected, [&] {
            closeCode = socket.closeCode();
            loop.quit();
        });
        const int limitSec = mode_ == Mode::Flood ? 30 : seconds_ + 30;
        QTimer::singleShot(limitSec * 1000, &loop, &QEventLoop::quit); // never hang the benchmark
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port_)));
        loop.exec();
        QObject::disconnect(&socket, &QWebSocket::disconnected, nullptr,
                            nullptr); // our own abort is no close
        socket.abort();
    }

private:
    Mode mode_;
    quint16 port_;
    int seconds_;
};

// How late the main thread's 10 ms timer fires: what a stall of the show's event loop would show.
class Lateness : public QObject {
public:
    Lateness() {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(10);
        connect(&timer_, &QTimer::timeout, this, [this] {
            const qint64 now = clock_.nsecsElapsed();
            if (last_ > 0)
                lateMs_.push_back(std::max(0.0, static_cast<double>(now - last_) / 1e6 - 10.0));
            last_ = now;
        });
    }
    void start() {
        lateMs_.clear();
        last_ = 0;
        clock_.start();
        timer_.start();
    }
    std::vector<double> stop() {
        timer_.stop();
        return lateMs_;
    }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    std::vector<double> lateMs_;
};

// Runs clients to the end while the main thread keeps serving.
void runClients(const std::vector<Client*>& clients) {
    QEventLoop loop;
    int left = static_cast<int>(clients.size());
    for (Client* client : clients) {
        QObject::connect(client, &QThread::finished, &loop, [&] {
            if (--left == 0)
                loop.quit();
        });
        client->start();
    }
    loop.exec();
    for (Client* client : clients)
        client->wait();
}

struct Window {
    double laggedPercent;
    double cpuPerSecond;
    std::vector<double> lateMs;
};

// Render lag (frames the compositor was late for), CPU and main-thread lateness over `work`.
template <typename Work> Window measure(Lateness& lateness, Work work) {
    const uint32_t lagged = obs_get_lagged_frames();
    const uint32_t total = obs_get_total_frames();
    const double cpu = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    lateness.start();
    work();
    Window window;
    window.lateMs = lateness.stop();
    const uint32_t frames = obs_get_total_frames() - total;
    window.laggedPercent = frames ? 100.0 * (obs_get_lagged_frames() - lagged) / frames : 0;
    window.cpuPerSecond = (cpuSeconds() - cpu) / (static_cast<double>(wall.elapsed()) / 1000.0);
    return window;
}

void idle(int seconds) {
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const show::LoadResult loaded =
        show::ShowLoader::loadFile(QStringLiteral(XIAOZHAN_SOURCE_DIR "/scenes/cooking/show.json"));
    if (!loaded.ok()) {
        fprintf(stderr, "cannot load the cooking show\n");
        return 2;
    }
    std::optional<UserError> error;
    std::unique_ptr<live::Studio> studio = live::Studio::start(*loaded.show, &error);
    if (!studio) {
        fprintf(stderr, "%s\n", qPrintable(error ? error->toString() : QString()));
        return 2;
    }
    // A steady tone on the host's microphone, so meters carry a level.
    studio->setDevice(QStringLiteral("mic-host"),
                      QStringLiteral("audiotestsrc is-live=true wave=sine freq=1000 volume=0.3"));
    QTemporaryDir recordings;
    if (auto failure = studio->startRecording(recordings.path())) {
        fprintf(stderr, "%s\n", qPrintable(failure->toString()));
        return 2;
    }
    remote::RemoteServer remote(*studio, remote::ControlSettings{});
    if (auto failure = remote.start()) {
        fprintf(stderr, "%s\n", qPrintable(failure->toString()));
        return 2;
    }
    QWebSocketServer echo(QStringLiteral("echo"), QWebSocketServer::NonSecureMode);
    echo.listen(QHostAddress::LocalHost, 0);
    QObject::connect(&echo, &QWebSocketServer::newConnection, [&] {
        QWebSocket* socket = echo.nextPendingConnection();
        QObject::connect(socket, &QWebSocket::textMessageReceived, socket, &QWebSocket::sendTextMessage);
        QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    });
    printf("bench_remote: cooking show 1280x720@30 recording; clients on their own threads; %d requests/s\n",
           kRatePerSecond);
    fflush(stdout);
    idle(3); // the show settles

    Client echoClient(Client::Mode::Echo, echo.serverPort(), kRoundTripSeconds);
    runClients({&echoClient});
    Client requestClient(Client::Mode::Requests, remote.port(), kRoundTripSeconds);
    runClients({&requestClient});
    const double echoP50 = percentile(echoClient.roundTripsMs, 0.5),
                 echoP99 = percentile(echoClient.roundTripsMs, 0.99);
    const double reqP50 = percentile(requestClient.roundTripsMs, 0.5),
                 reqP99 = percentile(requestClient.roundTripsMs, 0.99);
    printf("echo reference:        %zu round trips, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
           echoClient.roundTripsMs.size(), echoP50, echoP99, percentile(echoClient.roundTripsMs, 1.0));
    printf("obs-websocket request: %zu round trips, p50 %.2f ms, p99 %.2f ms, max %.2f ms  (p50 x%.2f, p99 "
           "x%.2f "
           "the echo; goal p99 < 33 ms: %s)\n",
           requestClient.roundTripsMs.size(), reqP50, reqP99, percentile(requestClient.roundTripsMs, 1.0),
           echoP50 > 0 ? reqP50 / echoP50 : 0, echoP99 > 0 ? reqP99 / echoP99 : 0,
           reqP99 < 33.0 ? "met" : "MISSED");

    Lateness lateness;
    const Window quiet = measure(lateness, [] { idle(kMeterSeconds); });
    Client m1(Client::Mode::Meters, remote.port(), kMeterSeconds),
        m2(Client::Mode::Meters, remote.port(), kMeterSeconds),
        m3(Client::Mode::Meters, remote.port(), kMeterSeconds);
    const Window meters = measure(lateness, [&] { runClients({&m1, &m2, &m3}); });
    const int meterEvents = m1.meterEvents + m2.meterEvents + m3.meterEvents;
    printf("no remote client:      render lag %.2f%% of frames, CPU %.3f s/s, main-thread timer late p99 "
           "%.2f ms, max %.2f ms\n",
           quiet.laggedPercent, quiet.cpuPerSecond, percentile(quiet.lateMs, 0.99),
           percentile(quiet.lateMs, 1.0));
    printf("3 meter clients:       render lag %.2f%% of frames, CPU %.3f s/s (x%.3f), main-thread timer late "
           "p99 %.2f ms, "
           "max %.2f ms; %d meter events, %.1f per client per second (50 ms = 20)\n",
           meters.laggedPercent, meters.cpuPerSecond,
           quiet.cpuPerSecond > 0 ? meters.cpuPerSecond / quiet.cpuPerSecond : 0,
           percentile(meters.lateMs, 0.99), percentile(meters.lateMs, 1.0), meterEvents,
           meterEvents / 3.0 / kMeterSeconds);

    // Bursts written at once: under the queue's cap (all answered, a few per event-loop turn) and far over it
    // (the client is closed). Lateness over the burst and the 2 s after it.
    for (const int burst : {200, 5000}) {
        Client flood(Client::Mode::Flood, remote.port(), burst);
        const Window window = measure(lateness, [&] {
            runClients({&flood});
            idle(2);
        });
        printf("burst of %4d requests: %4d answered%s; main-thread timer late p99 %.2f ms, max %.2f ms (%zu "
               "samples); render lag %.2f%%\n",
               burst, flood.answered,
               flood.closeCode
                   ? qPrintable(QStringLiteral(", then closed by the server (%1)").arg(flood.closeCode))
                   : "",
               percentile(window.lateMs, 0.99), percentile(window.lateMs, 1.0), window.lateMs.size(),
               window.laggedPercent);
    }
    fflush(stdout);
    studio->stopRecording();
    return 0;
}
