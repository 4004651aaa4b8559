// The real app as an operator uses it: `xiaozhan live --show cooking --record DIR` with its window (no
// --headless) under the test's X display, driven with real X key events (xdotool): 3 puts the stove scene in
// preview, Space takes it. The grabbed window shows it, the recording carries it, the Chinese labels are real
// glyphs (compared with the same words drawn by Qt, not boxes), and the one-line JSON summary still comes.
// Screenshots go to the build tree's test-artifacts folder.
#include "mediaprobe.h"
#include "obsclient.h"

#include <QDir>
#include <QFont>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace xz::testing;

namespace {

QString run(const QString& program, const QStringList& arguments, int* exitCode = nullptr) {
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(30000);
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

struct Geometry {
    int x = 0, y = 0, width = 0, height = 0;
};

std::optional<Geometry> windowGeometry(const QString& window) {
    const QString shell = run(QStringLiteral("xdotool"),
                              {QStringLiteral("getwindowgeometry"), QStringLiteral("--shell"), window});
    Geometry g;
    const auto value = [&](const char* key) {
        const QRegularExpression re(QStringLiteral("%1=(\\d+)").arg(QLatin1String(key)));
        return re.match(shell).captured(1).toInt();
    };
    g.x = value("X");
    g.y = value("Y");
    g.width = value("WIDTH");
    g.height = value("HEIGHT");
    if (g.width <= 0 || g.height <= 0)
        return std::nullopt;
    return g;
}

// What is on the X screen in the window's rectangle, as the operator sees it.
QImage grab(const Geometry& g, const QString& saveAs) {
    int code = 0;
    run(QStringLiteral("ffmpeg"),
        {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
         QStringLiteral("x11grab"), QStringLiteral("-video_size"),
         QStringLiteral("%1x%2").arg(g.width).arg(g.height), QStringLiteral("-i"),
         QStringLiteral("%1+%2,%3").arg(qEnvironmentVariable("DISPLAY")).arg(g.x).arg(g.y),
         QStringLiteral("-frames:v"), QStringLiteral("1"), saveAs},
        &code);
    return code == 0 ? QImage(saveAs).convertToFormat(QImage::Format_RGB32) : QImage();
}

// The bounding box of the label strip of a monitor. The monitor's frame has the strip's colour too, so a row
// belongs to the strip when its longest run of that colour spans part of the monitor, not all of it (the
// frame's top edge) and not a few pixels (its sides).
QRect stripBox(const QImage& image, const QRect& area, const QColor& colour) {
    const auto matches = [&](int x, int y) {
        const QColor c = image.pixelColor(x, y);
        return qAbs(c.red() - colour.red()) < 12 && qAbs(c.green() - colour.green()) < 12 &&
               qAbs(c.blue() - colour.blue()) < 12;
    };
    QRect box;
    const int right = std::min(area.right(), image.width() - 1);
    for (int y = area.top(); y <= area.bottom() && y < image.height(); ++y) {
        int bestStart = 0, bestLength = 0;
        for (int x = area.left(); x <= right;) {
            if (!matches(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x <= right && matches(x, y))
                ++x;
            if (x - start > bestLength) {
                bestStart = start;
                bestLength = x - start;
            }
        }
        if (bestLength > area.width() / 8 && bestLength < area.width() * 7 / 10)
            box = box.united(QRect(bestStart, y, bestLength, 1));
    }
    return box;
}

// How well the words, drawn by Qt in the surface's font, match the white ink inside `box` (best overlap of
// the two masks over small shifts, 0..1). Boxes instead of glyphs, or no text at all, score low.
double glyphMatch(const QImage& image, const QRect& box, const QString& words) {
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(19);
    font.setBold(true);
    QImage reference(box.size(), QImage::Format_RGB32);
    reference.fill(Qt::black);
    QPainter painter(&reference);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(QPoint(0, 0), box.size()), Qt::AlignLeft | Qt::AlignVCenter, words);
    painter.end();
    const auto ink = [](const QColor& c) { return c.lightness() > 190; };
    double best = 0;
    for (int dx = 0; dx < std::min(40, box.width() / 2); ++dx)
        for (int dy = -4; dy <= 4; ++dy) {
            int both = 0, either = 0;
            for (int y = 0; y < reference.height(); ++y)
                for (int x = 0; x < reference.width() / 2; ++x) { // the Chinese half: "预览 /", "节目 /"
                    const QPoint p = box.topLeft() + QPoint(x + dx, y + dy);
                    if (!image.rect().contains(p))
                        continue;
                    const bool a = ink(reference.pixelColor(x, y));
                    const bool b = ink(image.pixelColor(p));
                    both += a && b;
                    either += a || b;
                }
            if (either > 0)
                best = std::max(best, double(both) / either);
        }
    return best;
}

double regionDifference(const QImage& a, const QImage& b, const QRect& area) {
    double total = 0;
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); y += 2)
        for (int x = area.left(); x <= area.right(); x += 2) {
            const QColor p = a.pixelColor(x, y), q = b.pixelColor(x, y);
            total += qAbs(p.red() - q.red()) + qAbs(p.green() - q.green()) + qAbs(p.blue() - q.blue());
            ++n;
        }
    return n ? total / n : 0;
}

} // namespace

class SurfaceTest : public QObject {
    Q_OBJECT
private slots:
    void pressingThreeThenSpaceTakesTheStoveSceneToProgramAndTheRecording();
};

void SurfaceTest::pressingThreeThenSpaceTakesTheStoveSceneToProgramAndTheRecording() {
    QVERIFY2(!qEnvironmentVariable("DISPLAY").isEmpty(),
             "this test needs an X display (./dev test provides one)");
    QTemporaryDir home;
    QTemporaryDir recordings;
    const QString artifacts = QStringLiteral(XZ_ARTIFACTS_DIR);
    QDir().mkpath(artifacts);

    // Remote control from the settings the operator saved: a free port on this computer, no password.
    quint16 remotePort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        remotePort = probe.serverPort();
    }
    QDir().mkpath(home.path() + QStringLiteral("/config"));
    QFile settings(home.path() + QStringLiteral("/config/studio.json"));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write(QJsonDocument(QJsonObject{{QStringLiteral("remote"),
                                              QJsonObject{{QStringLiteral("port"), remotePort}}}})
                       .toJson());
    settings.close();

    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XIAOZHAN_HOME"), home.path());
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(XIAOZHAN_BINARY),
              {QStringLiteral("live"), QStringLiteral("--show"), QStringLiteral("cooking"),
               QStringLiteral("--record"), recordings.path(), QStringLiteral("--duration"),
               QStringLiteral("45")});
    QVERIFY(app.waitForStarted());
    auto stop = qScopeGuard([&] {
        if (app.state() != QProcess::NotRunning) {
            app.kill();
            app.waitForFinished(10000);
        }
    });
    QString stderrText;
    const auto readErr = [&] { stderrText += QString::fromUtf8(app.readAllStandardError()); };

    // The window appears; wait for it by name (the title carries the show).
    QString window;
    QVERIFY(QTest::qWaitFor(
        [&] {
            readErr();
            window = run(QStringLiteral("xdotool"),
                         {QStringLiteral("search"), QStringLiteral("--name"), QStringLiteral("齐悦美食汇")})
                         .section(QLatin1Char('\n'), 0, 0);
            return !window.isEmpty() || app.state() == QProcess::NotRunning;
        },
        60000));
    QVERIFY2(!window.isEmpty(), qPrintable(stderrText));
    const std::optional<Geometry> geometry = windowGeometry(window);
    QVERIFY(geometry);
    QVERIFY2(geometry->width >= 1280 && geometry->height >= 720,
             qPrintable(QStringLiteral("%1x%2").arg(geometry->width).arg(geometry->height)));

    // A remote client (obs-websocket) reaches the same studio the window shows.
    xz::remote::test::ObsClient remote;
    QVERIFY2(remote.open(remotePort), qPrintable(stderrText));
    QVERIFY(remote.identify(QString()));
    const QJsonObject program = remote.request(QStringLiteral("GetCurrentProgramScene"));
    QVERIFY2(program.value(QStringLiteral("responseData"))
                     .toObject()
                     .value(QStringLiteral("currentProgramSceneName")) == QStringLiteral("opening"),
             QJsonDocument(program).toJson().constData());

    // The monitors come alive: the preview strip (green) and the program strip (red) are drawn.
    const QRect topHalf(0, 0, geometry->width, geometry->height / 2);
    QImage before;
    QRect previewStrip, programStrip;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     readErr();
                     before = grab(*geometry, artifacts + QStringLiteral("/surface-start.png"));
                     previewStrip = stripBox(before, QRect(0, 0, geometry->width / 2, geometry->height / 2),
                                             QColor(0x2f, 0xb3, 0x5a));
                     programStrip = stripBox(
                         before, QRect(geometry->width / 2, 0, geometry->width / 2, geometry->height / 2),
                         QColor(0xe0, 0x30, 0x2b));
                     return !previewStrip.isEmpty() && !programStrip.isEmpty();
                 },
                 60000),
             qPrintable(stderrText));
    // The labels are real Chinese glyphs.
    const double previewWords = glyphMatch(before, previewStrip, QStringLiteral("预览 / PREVIEW"));
    const double programWords = glyphMatch(before, programStrip, QStringLiteral("节目 / PROGRAM"));
    qInfo("label glyphs match Qt's own drawing: preview %.2f, program %.2f", previewWords, programWords);
    QVERIFY2(previewWords > 0.6, qPrintable(QString::number(previewWords)));
    QVERIFY2(programWords > 0.6, qPrintable(QString::number(programWords)));
    // Boxes would not match: the same comparison against other words scores low.
    QVERIFY(glyphMatch(before, previewStrip, QStringLiteral("节目 / PROGRAM")) < previewWords - 0.15);

    // Real key events to the focused window: 3, then Space.
    run(QStringLiteral("xdotool"), {QStringLiteral("windowfocus"), QStringLiteral("--sync"), window});
    run(QStringLiteral("xdotool"), {QStringLiteral("key"), QStringLiteral("3")});
    // 3 puts the stove scene in preview: the preview monitor changes, and nothing is taken.
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     readErr();
                     const QImage now = grab(*geometry, artifacts + QStringLiteral("/surface-after-3.png"));
                     return regionDifference(before, now,
                                             QRect(0, previewStrip.bottom() + 10, geometry->width / 2 - 20,
                                                   geometry->height / 3)) > 20 ||
                            app.state() == QProcess::NotRunning;
                 },
                 60000),
             qPrintable(stderrText.right(2000)));
    readErr();
    QVERIFY2(!stderrText.contains(QLatin1String("xz.engine: take")), "3 alone must not take");
    run(QStringLiteral("xdotool"), {QStringLiteral("key"), QStringLiteral("space")});
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     readErr();
                     return stderrText.contains(QLatin1String("\"opening\" -> \"stove\""));
                 },
                 60000),
             qPrintable(stderrText.right(2000)));

    const std::optional<QJsonObject> changed =
        remote.waitForEvent(QStringLiteral("CurrentProgramSceneChanged"));
    QVERIFY(changed);
    QCOMPARE(
        changed->value(QStringLiteral("eventData")).toObject().value(QStringLiteral("sceneName")).toString(),
        QStringLiteral("stove"));

    // The window shows it: the program monitor changed, and its strip names the stove scene.
    QImage after;
    QVERIFY(QTest::qWaitFor(
        [&] {
            after = grab(*geometry, artifacts + QStringLiteral("/surface-after-take.png"));
            return regionDifference(before, after,
                                    QRect(geometry->width / 2, programStrip.bottom() + 10,
                                          geometry->width / 2 - 20, geometry->height / 3)) > 20;
        },
        60000));
    const QRect newProgramStrip =
        stripBox(after, QRect(geometry->width / 2, 0, geometry->width / 2, geometry->height / 2),
                 QColor(0xe0, 0x30, 0x2b));
    QVERIFY(glyphMatch(after, newProgramStrip, QStringLiteral("节目 / PROGRAM")) > 0.6);
    QVERIFY(regionDifference(before, after, topHalf) > 1);

    // The run ends by itself; the summary and the recording carry the take.
    QVERIFY(app.waitForFinished(120000));
    readErr();
    QCOMPARE(app.exitCode(), 0);
    const QJsonObject summary = QJsonDocument::fromJson(app.readAllStandardOutput().trimmed()).object();
    QCOMPARE(summary.value(QStringLiteral("programScene")).toString(), QStringLiteral("stove"));
    QVERIFY(summary.value(QStringLiteral("takes")).toInt() >= 1);
    const QString recording = summary.value(QStringLiteral("recordings"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QStringLiteral("path"))
                                  .toString();
    QVERIFY2(decodableSeconds(recording) > 5, qPrintable(recording));
    // The recording's last second is the stove scene: the overhead camera's orange test-pattern band.
    const QString lastFrame = artifacts + QStringLiteral("/surface-recording-end.png");
    int code = 0;
    run(QStringLiteral("ffmpeg"),
        {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-sseof"),
         QStringLiteral("-1"), QStringLiteral("-i"), recording, QStringLiteral("-frames:v"),
         QStringLiteral("1"), lastFrame},
        &code);
    QCOMPARE(code, 0);
    const QImage end(lastFrame);
    const QColor band = end.pixelColor(20, end.height() - 10);
    QVERIFY2(band.red() > 200 && band.green() > 130 && band.blue() < 110, qPrintable(band.name()));
    stop.dismiss();
}

QTEST_MAIN(SurfaceTest)
#include "tst_surface.moc"
