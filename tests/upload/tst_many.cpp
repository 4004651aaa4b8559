#include <QTest>
class Placeholder : public QObject {
    Q_OBJECT private slots : void nothing() { QSKIP("todo"); }
};
QTEST_GUILESS_MAIN(Placeholder)
#include "tst_many.moc"
