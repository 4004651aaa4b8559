// A vertical audio meter: RMS as the solid bar, the peak as a lighter bar above it, the 1.5 s peak hold as a
// line, and the whole thing red while the signal clips. Levels arrive 0..1 on the meter's scale (-60..0
// dBFS), already computed by the mixer model.
import QtQuick
import Xiaozhan.Theme

Rectangle {
    id: meter

    property real rms: 0
    property real peak: 0
    property real hold: 0
    property bool clipping: false

    implicitWidth: 22
    color: Theme.meterBack
    radius: 3
    border.color: meter.clipping ? Theme.meterHigh : Theme.border
    border.width: meter.clipping ? 2 : 1

    function levelColour(level) {
        // -18 dBFS and -6 dBFS on a -60..0 scale.
        return level > 0.9 ? Theme.meterHigh : level > 0.7 ? Theme.meterMid : Theme.meterLow
    }

    Rectangle {
        objectName: "peakBar"
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        width: parent.width - 6
        anchors.bottomMargin: 3
        height: Math.max(0, (parent.height - 6) * meter.peak)
        color: meter.levelColour(meter.peak)
        opacity: 0.45
    }
    Rectangle {
        objectName: "rmsBar"
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottomMargin: 3
        width: parent.width - 6
        height: Math.max(0, (parent.height - 6) * meter.rms)
        color: meter.levelColour(meter.rms)
    }
    Rectangle {
        objectName: "holdLine"
        visible: meter.hold > 0
        x: 3
        width: parent.width - 6
        height: 2
        y: 3 + (parent.height - 6) * (1 - meter.hold) - 1
        color: meter.clipping ? Theme.meterHigh : Theme.text
    }
}
