// The scene bar: big buttons in show order with live thumbnails (1-9 on the keyboard do the same as a click),
// and at its end the safe slate: one button (and Esc) puts "请稍候" on air at once, again brings the show back.
import QtQuick
import QtQuick.Controls
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Operator

Rectangle {
    id: bar

    required property OperatorModel model

    color: Theme.panel
    radius: Theme.radius

    ListView {
        id: list
        objectName: "sceneList"
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.right: standby.left
        anchors.margins: Theme.spacing
        orientation: ListView.Horizontal
        spacing: Theme.spacing
        clip: true
        interactive: contentWidth > width
        model: bar.model.scenes
        delegate: SceneButton {
            required property int index
            objectName: "scene_" + sceneId
            height: list.height
            // Narrower buttons rather than scenes scrolled out of sight (the rundown's column takes room).
            width: Math.min(implicitWidth, Math.max(120, (list.width - list.spacing * (list.count - 1)) / list.count))
            studio: bar.model.studio
            onClicked: bar.model.preview(index)
            onDoubleClicked: bar.model.previewAndTake(index)
        }
    }
    BigButton {
        id: standby
        objectName: "standbyButton"
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
        width: 150
        text: bar.model.standbyOnAir ? qsTr("回到节目") : qsTr("请稍候\n安全画面")
        hint: "Esc"
        font.pixelSize: Theme.fontLarge
        tint: bar.model.standbyOnAir ? Theme.warning : "#6b4a12"
        onClicked: bar.model.toggleStandby()
    }
}
