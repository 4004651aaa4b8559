#include "outputerror.h"

#include <obs-defs.h>

namespace xz::engine {

EngineError describeOutputStop(int code, const QString& lastError) {
    const QString detail = QStringLiteral("code %1%2")
                               .arg(code)
                               .arg(lastError.isEmpty() ? QString() : QStringLiteral(": ") + lastError);
    switch (code) {
    case OBS_OUTPUT_BAD_PATH:
        return {QStringLiteral("地址或路径无效"), QStringLiteral("invalid address or path"), detail};
    case OBS_OUTPUT_CONNECT_FAILED:
        return {QStringLiteral("无法连接直播服务器"),
                QStringLiteral("cannot connect to the streaming server"), detail};
    case OBS_OUTPUT_INVALID_STREAM:
        return {QStringLiteral("服务器拒绝了推流（请检查推流码）"),
                QStringLiteral("the server refused the stream (check the stream key)"), detail};
    case OBS_OUTPUT_DISCONNECTED:
        return {QStringLiteral("网络断开，重连失败"), QStringLiteral("network lost and reconnecting failed"),
                detail};
    case OBS_OUTPUT_NO_SPACE:
        return {QStringLiteral("磁盘已满，录像已停止"), QStringLiteral("the disk is full; recording stopped"),
                detail};
    case OBS_OUTPUT_ENCODE_ERROR:
        return {QStringLiteral("编码出错"), QStringLiteral("encoding failed"), detail};
    case OBS_OUTPUT_UNSUPPORTED:
        return {QStringLiteral("格式不受支持"), QStringLiteral("unsupported format"), detail};
    default:
        return {QStringLiteral("输出意外停止"), QStringLiteral("the output stopped unexpectedly"), detail};
    }
}

} // namespace xz::engine
