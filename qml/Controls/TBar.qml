// The T-bar: drag to fade preview over program by hand. Its release rule is written beside it: past half
// way it completes, before half way the picture goes back to what was on air.
import QtQuick
import QtQuick.Controls
import Xiaozhan.Theme

Column {
    id: tbar

    property real position: 0
    property string rule: ""
    signal moved(real position)
    signal released()

    spacing: 4

    Slider {
        id: slider
        objectName: "tbarSlider"
        focusPolicy: Qt.NoFocus
        width: tbar.width
        from: 0
        to: 1
        value: tbar.position
        live: true
        onMoved: tbar.moved(value)
        onPressedChanged: if (!pressed) tbar.released()

        background: Rectangle {
            x: slider.leftPadding
            y: slider.topPadding + slider.availableHeight / 2 - height / 2
            implicitWidth: 200
            implicitHeight: 14
            width: slider.availableWidth
            height: implicitHeight
            radius: 7
            color: Theme.meterBack
            border.color: Theme.border
            Rectangle {
                // Half way: where the rule changes.
                x: parent.width / 2 - 1
                width: 2
                height: parent.height
                color: Theme.warning
            }
            Rectangle {
                width: slider.visualPosition * parent.width
                height: parent.height
                radius: 7
                color: Theme.accent
            }
        }
        handle: Rectangle {
            x: slider.leftPadding + slider.visualPosition * (slider.availableWidth - width)
            y: slider.topPadding + slider.availableHeight / 2 - height / 2
            implicitWidth: 28
            implicitHeight: 40
            radius: 5
            color: slider.pressed ? Theme.text : Theme.textDim
        }
    }
    Text {
        width: tbar.width
        text: tbar.rule
        wrapMode: Text.WordWrap
        color: Theme.textDim
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
    }
}
