// A large button that never takes keyboard focus: in a live show Space and Enter belong to the window
// (take), never to whichever button was clicked last.
import QtQuick
import QtQuick.Controls
import Xiaozhan.Theme

Button {
    id: control

    property color tint: Theme.panelRaised
    property color textColor: Theme.text
    property string hint: ""      // the key that does the same, printed small under the label

    focusPolicy: Qt.NoFocus
    implicitHeight: Theme.buttonHeight
    implicitWidth: Math.max(120, label.implicitWidth + 2 * Theme.padding)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontNormal
    font.bold: true

    contentItem: Column {
        spacing: 0
        Text {
            id: label
            width: parent.width
            text: control.text
            font: control.font
            color: control.enabled ? control.textColor : Theme.textDim
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
        }
        Text {
            visible: control.hint.length > 0
            width: parent.width
            text: control.hint
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textDim
            horizontalAlignment: Text.AlignHCenter
        }
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.down ? Qt.darker(control.tint, 1.3) : control.hovered ? Qt.lighter(control.tint, 1.15) : control.tint
        opacity: control.enabled ? 1.0 : 0.5
        border.color: Theme.border
        border.width: 1
    }
}
