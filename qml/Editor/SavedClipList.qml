// The clips saved from the open recording. A click loads one back into the editor; removing one removes its
// description only (asked first): the recording and any exported file stay.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Editor

Rectangle {
    id: panel

    required property EditorModel model
    property var pendingRemoval: 0

    color: Theme.panel
    radius: Theme.radius

    ListView {
        id: list
        objectName: "savedClipList"
        anchors.fill: parent
        anchors.margins: Theme.spacing
        clip: true
        spacing: 4
        model: panel.model.clips
        delegate: Rectangle {
            id: row
            required property var clipId
            required property string title
            required property double inSec
            required property double outSec
            width: ListView.view.width
            height: 56
            radius: Theme.radius
            color: row.clipId === panel.model.clipId ? Qt.darker(Theme.accent, 1.6) : Theme.panelRaised
            border.color: Theme.border
            MouseArea {
                anchors.fill: parent
                onClicked: panel.model.loadClip(row.clipId)
            }
            Column {
                anchors.left: parent.left
                anchors.right: removeButton.left
                anchors.verticalCenter: parent.verticalCenter
                anchors.leftMargin: 6
                Text {
                    width: parent.width
                    text: row.title.length > 0 ? row.title : qsTr("（无标题）")
                    elide: Text.ElideRight
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                    font.bold: true
                }
                Text {
                    width: parent.width
                    text: panel.model.formatTime(row.inSec) + " – " + panel.model.formatTime(row.outSec)
                    color: Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                }
            }
            BigButton {
                id: removeButton
                anchors.right: parent.right
                anchors.rightMargin: 4
                anchors.verticalCenter: parent.verticalCenter
                implicitHeight: 44
                implicitWidth: 72
                font.pixelSize: Theme.fontSmall
                text: qsTr("删除")
                onClicked: {
                    panel.pendingRemoval = row.clipId
                    removeDialog.text = qsTr("删除片段记录“%1”？录像和已经导出的文件都不会被删除。").arg(row.title.length > 0 ? row.title : panel.model.formatTime(row.inSec))
                    removeDialog.open()
                }
            }
        }
        Text {
            anchors.centerIn: parent
            visible: list.count === 0
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("还没有保存的片段")
            color: Theme.textDim
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
        }
    }

    ConfirmDialog {
        id: removeDialog
        confirmText: qsTr("删除记录")
        onConfirmed: panel.model.removeClip(panel.pendingRemoval)
    }
}
