// One scene on the scene bar: a live thumbnail (about one picture a second), its name, and the key that puts
// it in preview. A click puts it in preview, a double click takes it; the frame says where it is now (red:
// on air, green: in preview).
import QtQuick
import Xiaozhan.Theme
import Xiaozhan.Controls

Rectangle {
    id: button

    property QtObject studio
    // The scene bar's model roles.
    required property string sceneId
    required property string name
    required property string key
    required property bool onAir
    required property bool inPreview
    signal clicked()
    signal doubleClicked()

    implicitWidth: 176
    implicitHeight: 150
    radius: Theme.radius
    color: Theme.panelRaised
    border.width: onAir || inPreview ? 4 : 1
    border.color: onAir ? Theme.onAir : inPreview ? Theme.preview : Theme.border

    FrameView {
        id: thumbnail
        objectName: "thumbnail"
        studio: button.studio
        feed: FrameView.Scene
        sceneId: button.sceneId
        feedSize: Qt.size(160, 90)
        everyNthFrame: 30
        anchors.top: parent.top
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.topMargin: 6
        width: parent.width - 12
        height: width * 9 / 16
    }
    Text {
        anchors.top: thumbnail.bottom
        anchors.left: parent.left
        anchors.right: keyLabel.left
        anchors.margins: 6
        text: button.name
        elide: Text.ElideRight
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontNormal
        font.bold: true
    }
    Rectangle {
        id: keyLabel
        visible: button.key.length > 0
        anchors.top: thumbnail.bottom
        anchors.right: parent.right
        anchors.margins: 6
        width: 30; height: 30; radius: 4
        color: Theme.window
        border.color: Theme.border
        Text {
            anchors.centerIn: parent
            text: button.key
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
        }
    }
    MouseArea {
        anchors.fill: parent
        onClicked: button.clicked()
        onDoubleClicked: button.doubleClicked()
    }
}
