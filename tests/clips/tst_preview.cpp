// The Editor's filmstrip and waveform: made from keyframes and one audio decode, cached on disk and reused,
// delivered asynchronously on the caller's thread with progress.
#include "clipfixtures.h"
#include "previewcache.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace xz;

class PreviewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString source_;

    // Reads the bar code (16 columns) back from a thumbnail.
    static int frameNumberIn(const QImage& image) {
        int number = 0;
        const int column = image.width() / 16;
        for (int bit = 0; bit < 16; ++bit)
            number = (number << 1) |
                     (qGray(image.pixel(bit * column + column / 2, image.height() / 4)) > 128 ? 1 : 0);
        return number;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("XIAOZHAN_HOME", dir_.filePath(QStringLiteral("home")).toUtf8());
        testing::ClipSpec spec;
        spec.frames = 900; // 30 s, keyframes every 2 s
        spec.audio = testing::ClipSpec::Audio::Beeps;
        spec.flashFrames = {150, 600};
        source_ = dir_.filePath(QStringLiteral("录像.mkv"));
        QCOMPARE(testing::makeClip(source_, spec), QString());
    }

    void filmstripHoldsTheKeyframeAtOrAfterEachStep() {
        auto strip = clips::PreviewCache::filmstrip(source_, 5.0, 90, {});
        QVERIFY2(strip, qPrintable(strip.error().toString()));
        QList<double> times;
        for (const auto& thumb : strip->thumbs)
            times << thumb.timeSec;
        QCOMPARE(times, (QList<double>{0, 6, 10, 16, 20, 26})); // the keyframe at or after each 5 s step
        for (const auto& thumb : strip->thumbs) {
            const QImage image(thumb.file);
            QCOMPARE(image.height(), 90);
            QCOMPARE(image.width(), 160);
            QCOMPARE(frameNumberIn(image), int(std::lround(thumb.timeSec * 30)));
            QVERIFY(thumb.file.startsWith(clips::PreviewCache::cacheDirFor(source_)));
        }
    }

    void theSecondRequestComesFromTheCache() {
        auto first = clips::PreviewCache::filmstrip(source_, 5.0, 90, {});
        QVERIFY(first);
        const QDateTime written = QFileInfo(first->thumbs.first().file).lastModified();
        int progressCalls = 0;
        auto second = clips::PreviewCache::filmstrip(source_, 5.0, 90, {}, [&](double) { ++progressCalls; });
        QVERIFY(second);
        QCOMPARE(second->thumbs.size(), first->thumbs.size());
        QCOMPARE(progressCalls, 0); // nothing decoded
        QCOMPARE(QFileInfo(second->thumbs.first().file).lastModified(), written);
    }

    void waveformShowsTheBeepsWhereTheyAre() {
        auto wave = clips::PreviewCache::waveform(source_, 100, {});
        QVERIFY2(wave, qPrintable(wave.error().toString()));
        QCOMPARE(wave->bucketsPerSecond, 100);
        QVERIFY2(std::abs(wave->maximum.size() - 3000) <= 5, // AAC priming and the last frame

                 qPrintable(QString::number(wave->maximum.size())));
        QCOMPARE(wave->minimum.size(), wave->maximum.size());
        auto loud = [&](int bucket) { return wave->maximum[bucket] > 8000 && wave->minimum[bucket] < -8000; };
        QVERIFY(loud(502) && loud(2002)); // beeps at 5 s and 20 s
        QVERIFY(!loud(300) && !loud(1500) && !loud(2500));
        auto cached = clips::PreviewCache::waveform(source_, 100, {});
        QVERIFY(cached);
        QCOMPARE(cached->maximum, wave->maximum);
    }

    void requestsAnswerOnTheCallersThreadWithProgress() {
        clips::PreviewCache cache;
        QSignalSpy strips(&cache, &clips::PreviewCache::filmstripReady);
        QSignalSpy waves(&cache, &clips::PreviewCache::waveformReady);
        QSignalSpy progress(&cache, &clips::PreviewCache::progress);
        QThread* mine = QThread::currentThread();
        bool onMyThread = true;
        connect(&cache, &clips::PreviewCache::filmstripReady, this,
                [&] { onMyThread &= QThread::currentThread() == mine; });
        const qint64 stripId = cache.requestFilmstrip(source_, 2.0, 72);
        const qint64 waveId = cache.requestWaveform(source_, 50);
        QTRY_COMPARE_WITH_TIMEOUT(strips.size(), 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(waves.size(), 1, 60000);
        QCOMPARE(strips.first().at(0).toLongLong(), stripId);
        QCOMPARE(waves.first().at(0).toLongLong(), waveId);
        QVERIFY(onMyThread);
        QVERIFY(progress.size() > 0);
        const auto strip = strips.first().at(1).value<clips::Filmstrip>();
        QCOMPARE(strip.thumbs.size(), 15); // every keyframe
    }

    void aFileWithoutPicturesFailsClearly() {
        clips::PreviewCache cache;
        QSignalSpy failed(&cache, &clips::PreviewCache::failed);
        cache.requestFilmstrip(dir_.filePath(QStringLiteral("missing.mkv")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
        QVERIFY(failed.first().at(1).toString().contains(QLatin1String("not found")));
    }
};

QTEST_GUILESS_MAIN(PreviewTest)
#include "tst_preview.moc"
