// Routes libobs' log into Qt's logging (category xz.obs) with secrets redacted. libobs logs from any of its
// threads; Qt's logging is thread-safe and touches no QObject, so the handler may call it directly.
#pragma once

#include <QString>

namespace xz::engine::obslog {

void install();
// Secrets registered here are replaced with *** in everything libobs logs (stream keys, for one).
void addSecret(const QString& secret);

} // namespace xz::engine::obslog
