// Every export, newest first: its state in words and a progress bar, cancel while it waits or runs, what went
// wrong or what the studio noted, and once finished "add to upload queue" with the destination to send it to.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Editor

ListView {
    id: list
    objectName: "exportList"

    required property EditorModel editor

    clip: true
    spacing: 4
    model: list.editor.jobs
    delegate: Rectangle {
        id: job
        required property var jobId
        required property string fileName
        required property string stateText
        required property double progress
        required property bool done
        required property bool canCancel
        required property string errorText
        required property string noteText
        width: ListView.view.width
        height: content.implicitHeight + 12
        radius: Theme.radius
        color: Theme.panelRaised
        border.color: Theme.border
        ColumnLayout {
            id: content
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: 6
            spacing: 2
            Text {
                Layout.fillWidth: true
                text: job.fileName
                elide: Text.ElideMiddle
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
            RowLayout {
                Layout.fillWidth: true
                ProgressBar {
                    Layout.fillWidth: true
                    value: job.progress
                }
                Text {
                    text: job.stateText.split(" / ")[0] + (job.canCancel ? " " + Math.round(job.progress * 100) + "%" : "")
                    color: job.errorText.length > 0 ? Theme.warning : Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                }
                BigButton {
                    visible: job.canCancel
                    implicitHeight: 36
                    implicitWidth: 64
                    font.pixelSize: Theme.fontSmall
                    text: qsTr("取消")
                    onClicked: list.editor.cancelJob(job.jobId)
                }
            }
            Text {
                visible: text.length > 0
                Layout.fillWidth: true
                text: job.errorText.length > 0 ? job.errorText : job.noteText
                wrapMode: Text.WordWrap
                maximumLineCount: 3
                elide: Text.ElideRight
                color: job.errorText.length > 0 ? Theme.warning : Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
            RowLayout {
                visible: job.done
                Layout.fillWidth: true
                ComboBox {
                    id: destination
                    Layout.fillWidth: true
                    focusPolicy: Qt.NoFocus
                    model: list.editor.uploadDestinations
                    displayText: count > 0 ? currentText : qsTr("未设上传目标")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                }
                BigButton {
                    implicitHeight: 36
                    implicitWidth: 110
                    font.pixelSize: Theme.fontSmall
                    text: qsTr("加入上传")
                    enabled: destination.count > 0
                    onClicked: list.editor.uploadJob(job.jobId, destination.currentIndex)
                }
            }
        }
    }
    Text {
        anchors.centerIn: parent
        visible: list.count === 0
        text: qsTr("还没有导出")
        color: Theme.textDim
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
    }
}
