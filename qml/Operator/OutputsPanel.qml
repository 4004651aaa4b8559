// Going live and recording: big start buttons, stop buttons that ask first, the pre-flight check, and each
// stream target's state in words.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Operator

Rectangle {
    id: panel

    required property OperatorModel model

    color: Theme.panel
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            BigButton {
                objectName: "liveButton"
                Layout.fillWidth: true
                text: panel.model.streamsActive ? qsTr("结束直播") : qsTr("开始直播")
                tint: panel.model.streamsActive ? Theme.danger : "#7a1f1c"
                onClicked: panel.model.streamsActive ? panel.model.stopLive() : panel.model.goLive()
            }
            BigButton {
                objectName: "recordButton"
                Layout.fillWidth: true
                text: panel.model.recording ? qsTr("停止录像") : qsTr("开始录像")
                tint: panel.model.recording ? Theme.danger : "#7a1f1c"
                onClicked: panel.model.recording ? panel.model.stopRecording() : panel.model.startRecording()
            }
            BigButton {
                objectName: "preflightButton"
                text: qsTr("开播前检查")
                onClicked: preflight.open()
            }
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            model: panel.model.streams
            delegate: Row {
                required property string name
                required property string stateText
                required property bool live
                required property bool trouble
                required property string bitrateText
                required property string droppedText
                spacing: Theme.spacing
                Rectangle {
                    width: 14; height: 14; radius: 7
                    anchors.verticalCenter: parent.verticalCenter
                    color: parent.live ? Theme.onAir : parent.trouble ? Theme.warning : Theme.textDim
                }
                Text {
                    text: parent.name + "  " + parent.stateText + "  " + parent.bitrateText + "  " + parent.droppedText
                    color: parent.trouble ? Theme.warning : Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                }
            }
            Text {
                visible: parent.count === 0
                text: qsTr("没有直播地址（可在“设置”里添加）")
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }
    }

    PreflightPage {
        id: preflight
        parent: Overlay.overlay
        checks: panel.model.preflight
    }
}
