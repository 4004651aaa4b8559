// Renders every scene of the shipped shows with QPainter, the way libobs will lay them out (items at x/y,
// scaled inside width x height keeping aspect, text at its natural size), and checks that every text fits
// on the canvas and inside the card or bar behind it. Catches captions that run off screen after someone
// edits a lower third. With XZ_SHOW_PREVIEW_DIR set it also writes one PNG per scene for reviewers.
#include "showloader.h"

#include <QDir>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace xz::show;

namespace {

const QString kScenesDir = QStringLiteral(XZ_SCENES_DIR);

QFont fontFor(const Source& source) {
    QFont font(source.fontFace);
    font.setPixelSize(source.fontSize);
    font.setBold(source.fontStyle.contains(QStringLiteral("Bold")));
    font.setItalic(source.fontStyle.contains(QStringLiteral("Italic")));
    return font;
}

QSizeF naturalSize(const Source& source, const Canvas& canvas) {
    switch (source.kind) {
    case SourceKind::Image:
        return QImage(source.file).size();
    case SourceKind::Text: {
        const QFontMetrics metrics(fontFor(source));
        return metrics.boundingRect(QRect(0, 0, 100000, 100000), Qt::AlignLeft | Qt::AlignTop, source.text)
            .size();
    }
    case SourceKind::Color:
        return QSizeF(source.width > 0 ? source.width : canvas.width,
                      source.height > 0 ? source.height : canvas.height);
    default:
        return QSizeF(canvas.width, canvas.height); // cameras and media fill the canvas by default
    }
}

// Where an item ends up on the canvas (OBS_BOUNDS_SCALE_INNER: fit inside the box, keep aspect, top-left).
QRectF placed(const SceneItem& item, QSizeF natural) {
    if (item.width > 0 && item.height > 0 && !natural.isEmpty()) {
        const QSizeF fitted = natural.scaled(QSizeF(item.width, item.height), Qt::KeepAspectRatio);
        const QPointF centre(item.x + (item.width - fitted.width()) / 2,
                             item.y + (item.height - fitted.height()) / 2);
        return QRectF(centre, fitted);
    }
    return QRectF(QPointF(item.x, item.y), natural);
}

} // namespace

class TestShowLayout : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(QFontDatabase::families().contains(QStringLiteral("Noto Sans CJK SC")),
                 "the CJK font is missing: install fonts-noto-cjk");
    }
    void shippedScenesFitOnTheCanvas_data() {
        QTest::addColumn<QString>("program");
        for (const char* name : {"sitcom", "cooking", "first-aid", "stage"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void shippedScenesFitOnTheCanvas();
};

void TestShowLayout::shippedScenesFitOnTheCanvas() {
    QFETCH(QString, program);
    const LoadResult result = ShowLoader::loadFile(ShowLoader::resolveShowPath(program, kScenesDir));
    QVERIFY(result.ok());
    const Show& show = *result.show;
    const QRectF canvas(0, 0, show.canvas.width, show.canvas.height);
    const QString previewDir = qEnvironmentVariable("XZ_SHOW_PREVIEW_DIR");

    for (const Scene& scene : show.scenes) {
        QImage frame(show.canvas.width, show.canvas.height, QImage::Format_ARGB32_Premultiplied);
        frame.fill(Qt::black);
        QPainter painter(&frame);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        QList<QRectF> panels; // images drawn so far: the bars and cards texts sit on

        for (const SceneItem& item : scene.items) {
            const Source* source = show.findSource(item.sourceId);
            QVERIFY(source);
            const QRectF rect = placed(item, naturalSize(*source, show.canvas));
            if (!item.visible)
                continue;
            switch (source->kind) {
            case SourceKind::Image:
                painter.drawImage(rect, QImage(source->file));
                if (rect.width() < canvas.width() || rect.height() < canvas.height())
                    panels << rect;
                break;
            case SourceKind::Color:
                painter.fillRect(rect, source->color);
                break;
            case SourceKind::Camera:
                // Stand-in for the test pattern: the camera's tint with its label.
                painter.fillRect(rect, source->color.darker(150));
                painter.setPen(Qt::white);
                painter.setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 24));
                painter.drawText(rect.adjusted(16, 16, -16, -16), Qt::AlignLeft | Qt::AlignTop,
                                 source->label);
                break;
            case SourceKind::Text: {
                painter.setFont(fontFor(*source));
                painter.setPen(source->color);
                painter.drawText(rect, Qt::AlignLeft | Qt::AlignTop, source->text);
                const QString where = program + u'/' + scene.id + u'/' + source->id;
                QVERIFY2(canvas.contains(rect), qPrintable(where + QStringLiteral(" runs off the canvas")));
                // A text that starts on a bar or card must end inside it too.
                for (const QRectF& panel : std::as_const(panels)) {
                    if (panel.contains(rect.topLeft()))
                        QVERIFY2(panel.contains(rect),
                                 qPrintable(where + QStringLiteral(" overflows its panel")));
                }
                break;
            }
            case SourceKind::Media:
            case SourceKind::AudioInput:
                break;
            }
        }
        painter.end();
        if (!previewDir.isEmpty()) {
            QDir().mkpath(previewDir);
            QVERIFY(frame.save(previewDir + u'/' + program + u'-' + scene.id + QStringLiteral(".png")));
        }
    }
}

QTEST_MAIN(TestShowLayout)
#include "tst_showlayout.moc"
