// Plain-language meaning of libobs output stop codes, for operators who should never see "-5".
#pragma once

#include "engineerror.h"

namespace xz::engine {

EngineError describeOutputStop(int code, const QString& lastError);

} // namespace xz::engine
