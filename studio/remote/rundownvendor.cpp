#include "rundownvendor.h"

#include "remoteserver.h"
#include "rundowncontroller.h"

#include <QJsonObject>
#include <QPointer>

namespace xz::remote {
namespace {

// One operator action by name; false with the controller's reason when nothing happened.
bool runAction(rundown::RundownController& controller, const QJsonObject& data, QString* error) {
    const QString action = data.value(QStringLiteral("action")).toString();
    const QString title = data.value(QStringLiteral("title")).toString();
    bool ok = false;
    if (action == QLatin1String("advance"))
        ok = controller.advance();
    else if (action == QLatin1String("back"))
        ok = controller.back();
    else if (action == QLatin1String("skip"))
        ok = controller.skip();
    else if (action == QLatin1String("addTime"))
        ok = controller.addTime(data.value(QStringLiteral("seconds")).toInt(60));
    else if (action == QLatin1String("hold"))
        ok = controller.hold();
    else if (action == QLatin1String("mark"))
        ok = controller.mark(title);
    else if (action == QLatin1String("markIn"))
        ok = controller.markIn(title);
    else if (action == QLatin1String("markOut"))
        ok = controller.markOut();
    else {
        *error = QStringLiteral("未知的串联单操作“%1” / unknown rundown action '%1' (advance, back, skip, "
                                "addTime, hold, mark, markIn, markOut)")
                     .arg(action);
        return false;
    }
    if (!ok)
        *error = controller.lastError();
    return ok;
}

} // namespace

void serveRundown(RemoteServer& server, rundown::RundownController& controller) {
    QPointer<rundown::RundownController> guarded(&controller);
    server.registerVendorRequest(
        kVendorName, QStringLiteral("GetRundownSnapshot"),
        [guarded](const QJsonObject&) { return guarded ? guarded->snapshot() : QJsonObject(); });
    server.registerVendorRequest(
        kVendorName, QStringLiteral("RundownAction"), [guarded](const QJsonObject& data) {
            QJsonObject answer;
            QString error = QStringLiteral("串联单已关闭 / the rundown is closed");
            const bool ok = guarded && runAction(*guarded, data, &error);
            answer.insert(QStringLiteral("ok"), ok);
            if (!ok)
                answer.insert(QStringLiteral("error"), error);
            if (guarded)
                answer.insert(QStringLiteral("currentIndex"), guarded->currentIndex());
            return answer;
        });
    QObject::connect(
        &controller, &rundown::RundownController::snapshotChanged, &server, [&server, &controller] {
            server.emitVendorEvent(kVendorName, QStringLiteral("RundownChanged"), controller.snapshot());
        });
}

} // namespace xz::remote
