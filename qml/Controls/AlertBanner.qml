// Alerts in plain sentences, newest first; each stays until someone presses "知道了".
import QtQuick
import QtQuick.Controls
import Xiaozhan.Theme

Rectangle {
    id: banner

    property var model
    visible: listView.count > 0
    implicitHeight: visible ? Math.min(listView.contentHeight, 3 * (Theme.buttonHeight + 4)) + 8 : 0
    color: Theme.panel
    border.color: Theme.danger
    border.width: 2
    radius: Theme.radius

    ListView {
        id: listView
        anchors.fill: parent
        anchors.margins: 4
        clip: true
        model: banner.model
        spacing: 4
        delegate: Rectangle {
            id: row
            required property int index
            required property string message
            required property string time
            required property bool serious
            width: ListView.view.width
            height: Theme.buttonHeight
            color: row.serious ? "#4a1d1b" : Theme.panelRaised
            radius: 4
            Text {
                anchors.left: parent.left
                anchors.right: okButton.left
                anchors.verticalCenter: parent.verticalCenter
                anchors.margins: Theme.padding
                text: row.time + "  " + row.message
                elide: Text.ElideRight
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
            BigButton {
                id: okButton
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.rightMargin: 4
                implicitHeight: Theme.buttonHeight - 8
                text: qsTr("知道了")
                onClicked: banner.model.acknowledge(row.index)
            }
        }
    }
}
