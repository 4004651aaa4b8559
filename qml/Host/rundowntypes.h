// The rundown's view models under their QML names. xz_rundown is a plain library without QML (it runs
// headless in `xiaozhan live`), so the Host view's module declares them for QML: the Host and Operator views
// can then type their properties (`required property HostState host`) and use the enums (HostState.Overtime).
#pragma once

#include "hoststate.h"
#include "rundowncontroller.h"
#include "segmentlistmodel.h"

#include <QtQml/qqml.h>

namespace xz::ui {

struct HostStateForeign {
    Q_GADGET
    QML_FOREIGN(xz::rundown::HostState)
    QML_NAMED_ELEMENT(HostState)
    QML_UNCREATABLE("The studio or a mirror provides the host's state")
};

struct RundownControllerForeign {
    Q_GADGET
    QML_FOREIGN(xz::rundown::RundownController)
    QML_NAMED_ELEMENT(RundownController)
    QML_UNCREATABLE("The app provides the rundown controller")
};

struct SegmentListModelForeign {
    Q_GADGET
    QML_FOREIGN(xz::rundown::SegmentListModel)
    QML_NAMED_ELEMENT(SegmentListModel)
    QML_UNCREATABLE("RundownController provides the segment list")
};

} // namespace xz::ui
