#include "obslog.h"

#include "redact.h"

#include <QLoggingCategory>
#include <QMutex>
#include <cstdarg>
#include <cstdio>
#include <util/base.h>

Q_LOGGING_CATEGORY(lcObs, "xz.obs", QtWarningMsg)

namespace xz::engine::obslog {
namespace {

QMutex redactorMutex;
Redactor& redactor() {
    static Redactor instance;
    return instance;
}

void handle(int level, const char* format, va_list args, void*) {
    char buffer[4096];
    vsnprintf(buffer, sizeof buffer, format, args);
    QString text = QString::fromUtf8(buffer);
    {
        QMutexLocker lock(&redactorMutex);
        text = redactor().redact(text);
    }
    switch (level) {
    case LOG_ERROR:
        qCCritical(lcObs).noquote() << text;
        break;
    case LOG_WARNING:
        qCWarning(lcObs).noquote() << text;
        break;
    case LOG_INFO:
        qCInfo(lcObs).noquote() << text;
        break;
    default:
        qCDebug(lcObs).noquote() << text;
        break;
    }
}

} // namespace

void install() {
    base_set_log_handler(handle, nullptr);
}

void addSecret(const QString& secret) {
    QMutexLocker lock(&redactorMutex);
    redactor().addSecret(secret);
}

} // namespace xz::engine::obslog
