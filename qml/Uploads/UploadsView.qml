// The upload queue: each clip with its progress bar, rate, time left and state in words, and buttons to
// pause, resume, retry or cancel; at the top, adding a file to one of the configured destinations.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Uploads

Item {
    id: view

    required property UploadsModel model

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.padding

        Text {
            visible: !view.model.available
            Layout.fillWidth: true
            text: qsTr("上传队列现在无法使用：") + view.model.problem
            wrapMode: Text.WordWrap
            color: Theme.warning
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: addRow.implicitHeight + 2 * Theme.padding
            color: Theme.panel
            radius: Theme.radius
            RowLayout {
                id: addRow
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.padding
                TextField {
                    id: fileField
                    objectName: "fileField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("要上传的文件")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                }
                BigButton { text: qsTr("选择文件…"); onClicked: fileDialog.open() }
                TextField {
                    id: titleField
                    objectName: "titleField"
                    Layout.preferredWidth: 260
                    placeholderText: qsTr("标题（可不填）")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                }
                ComboBox {
                    id: destination
                    objectName: "destination"
                    Layout.preferredWidth: 300
                    focusPolicy: Qt.NoFocus
                    model: view.model.destinations
                    // No destinations configured yet: say where they come from instead of an empty box.
                    displayText: count > 0 ? currentText : qsTr("先在“设置”里添加上传目标")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                }
                BigButton {
                    objectName: "addButton"
                    text: qsTr("加入上传")
                    tint: Theme.accent
                    enabled: view.model.available && fileField.text.length > 0 && !view.model.adding
                    onClicked: view.model.addFile(fileField.text, destination.currentIndex, titleField.text)
                }
            }
        }
        Text {
            Layout.fillWidth: true
            text: view.model.notice
            color: Theme.textDim
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
        }

        ListView {
            objectName: "jobList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: view.model.jobs
            delegate: Rectangle {
                id: job
                required property var jobId
                required property string fileName
                required property string title
                required property string target
                required property string stateText
                required property double progress
                required property double bytesPerSecond
                required property string etaText
                required property string errorText
                required property bool canPause
                required property bool canResume
                required property bool canRetry
                required property bool canCancel
                width: ListView.view.width
                // Room for the error line when there is one.
                height: job.errorText.length > 0 ? 124 : 104
                radius: Theme.radius
                color: Theme.panel
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.padding
                    spacing: 4
                    RowLayout {
                        Layout.fillWidth: true
                        Text {
                            Layout.fillWidth: true
                            text: (job.title.length > 0 ? job.title : job.fileName) + "  →  " + job.target
                            elide: Text.ElideMiddle
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                        }
                        Text {
                            text: job.stateText
                            color: job.errorText.length > 0 ? Theme.warning : Theme.textDim
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontNormal
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.padding
                        ProgressBar {
                            Layout.fillWidth: true
                            value: job.progress
                        }
                        Text {
                            text: Math.round(job.progress * 100) + "%  " + (job.bytesPerSecond > 0 ? (job.bytesPerSecond / 1048576).toFixed(1) + " MB/s  " : "") + job.etaText
                            color: Theme.textDim
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                        }
                        BigButton { visible: job.canPause; implicitHeight: 40; text: qsTr("暂停"); onClicked: view.model.jobs.pause(job.jobId) }
                        BigButton { visible: job.canResume; implicitHeight: 40; text: qsTr("继续"); onClicked: view.model.jobs.resume(job.jobId) }
                        BigButton { visible: job.canRetry; implicitHeight: 40; text: qsTr("重试"); onClicked: view.model.jobs.retry(job.jobId) }
                        BigButton { visible: job.canCancel; implicitHeight: 40; text: qsTr("取消"); onClicked: view.model.jobs.cancel(job.jobId) }
                    }
                    Text {
                        visible: job.errorText.length > 0
                        Layout.fillWidth: true
                        text: job.errorText
                        elide: Text.ElideRight
                        color: Theme.warning
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }
            Text {
                anchors.centerIn: parent
                visible: parent.count === 0 && view.model.available
                text: qsTr("上传队列是空的")
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
            }
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("选择要上传的视频")
        nameFilters: [qsTr("视频和音频 (*.mp4 *.mkv *.mov *.webm *.m4a *.mp3)"), qsTr("所有文件 (*)")]
        onAccepted: fileField.text = selectedFile.toString()
    }
}
