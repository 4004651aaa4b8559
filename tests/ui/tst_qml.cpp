// Runs the Qt Quick tests of the shared components (tests/ui/qml/tst_*.qml) against the real modules,
// linked statically as in the app.
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Xiaozhan_ThemePlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_ControlsPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }
};

QUICK_TEST_MAIN_WITH_SETUP(controls, Setup)
#include "tst_qml.moc"
