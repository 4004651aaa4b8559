// Errors the engine reports to people: the studio's one error shape (core's UserError).
#pragma once

#include "usererror.h"

namespace xz::engine {

using EngineError = xz::UserError;

} // namespace xz::engine
