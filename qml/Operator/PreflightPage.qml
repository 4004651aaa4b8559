// 开播前检查: every camera, microphone, the disk, the recording folder and each stream server, with what to do
// where something is red. The operator may still go live.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Operator

Popup {
    id: page

    required property PreflightModel checks

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(900, (parent ? parent.width : 900) - 40)
    height: Math.min(620, (parent ? parent.height : 620) - 40)
    padding: 2 * Theme.padding
    onOpened: page.checks.run()
    background: Rectangle { color: Theme.panel; radius: Theme.radius; border.color: Theme.border }

    contentItem: ColumnLayout {
        spacing: Theme.padding
        Text {
            text: qsTr("开播前检查")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: page.checks
            delegate: Rectangle {
                id: item
                required property string title
                required property int status
                required property string detail
                required property string advice
                width: ListView.view.width
                height: column.implicitHeight + 12
                radius: 4
                color: Theme.panelRaised
                border.width: 2
                border.color: item.status === PreflightModel.Problem ? Theme.danger
                            : item.status === PreflightModel.Warning ? Theme.warning
                            : item.status === PreflightModel.Ok ? Theme.ok : Theme.border
                Column {
                    id: column
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.margins: Theme.padding
                    Text {
                        text: (item.status === PreflightModel.Ok ? "✔ " : item.status === PreflightModel.Checking ? "… " : "✘ ")
                              + item.title + "：" + item.detail
                        width: parent.width
                        wrapMode: Text.WordWrap
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontNormal
                    }
                    Text {
                        visible: item.advice.length > 0
                        text: qsTr("怎么办：") + item.advice
                        width: parent.width
                        wrapMode: Text.WordWrap
                        color: item.status === PreflightModel.Problem ? Theme.danger : Theme.warning
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: page.checks.running ? qsTr("正在检查…")
                      : page.checks.problems > 0 ? qsTr("有 %1 项需要处理；仍可以开播").arg(page.checks.problems)
                      : qsTr("一切正常，可以开播")
                color: page.checks.problems > 0 ? Theme.warning : Theme.ok
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
            BigButton { text: qsTr("再检查一次"); onClicked: page.checks.run() }
            BigButton { text: qsTr("关闭"); onClicked: page.close() }
        }
    }
}
