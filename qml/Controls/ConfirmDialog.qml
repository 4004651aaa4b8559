// Asks before something on air stops. Cancel is the focused, default choice: Enter or Space never confirm by
// accident (the window's keys also answer "no"); only a click on the red button says yes.
import QtQuick
import QtQuick.Controls
import Xiaozhan.Theme

Popup {
    id: dialog

    property string text: ""
    property string confirmText: ""
    signal confirmed()
    signal cancelled()

    modal: true
    closePolicy: Popup.CloseOnEscape
    anchors.centerIn: Overlay.overlay
    width: Math.min(640, parent ? parent.width - 40 : 640)
    padding: 2 * Theme.padding
    onClosed: if (!accepted) dialog.cancelled()
    onOpened: { accepted = false; cancelButton.forceActiveFocus() }

    property bool accepted: false

    background: Rectangle {
        color: Theme.panel
        radius: Theme.radius
        border.color: Theme.warning
        border.width: 2
    }

    contentItem: Column {
        spacing: 2 * Theme.padding
        Text {
            width: parent.width
            text: dialog.text
            wrapMode: Text.WordWrap
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
        }
        Row {
            spacing: Theme.padding
            anchors.right: parent.right
            Button {
                id: cancelButton
                objectName: "cancelButton"
                text: qsTr("取消")
                focus: true
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                implicitHeight: Theme.buttonHeight
                implicitWidth: 180
                onClicked: dialog.close()
                background: Rectangle {
                    radius: Theme.radius
                    color: Theme.panelRaised
                    border.color: cancelButton.activeFocus ? Theme.accent : Theme.border
                    border.width: cancelButton.activeFocus ? 3 : 1
                }
                contentItem: Text { text: cancelButton.text; font: cancelButton.font; color: Theme.text; horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter }
            }
            Button {
                id: confirmButton
                objectName: "confirmButton"
                text: dialog.confirmText
                focusPolicy: Qt.NoFocus
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                implicitHeight: Theme.buttonHeight
                implicitWidth: 180
                onClicked: { dialog.accepted = true; dialog.close(); dialog.confirmed() }
                background: Rectangle { radius: Theme.radius; color: Theme.danger }
                contentItem: Text { text: confirmButton.text; font: confirmButton.font; color: "white"; horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter }
            }
        }
    }
}
