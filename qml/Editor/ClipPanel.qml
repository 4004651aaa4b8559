// The clip being made: title, hashtags, title card, cover frame, preset and (for vertical) the fill; save it
// in the library, export it; below, the export queue.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Editor

Rectangle {
    id: panel

    required property EditorModel model
    // A text field is finished with (Enter): the editing keys go back to the editor.
    signal done()

    color: Theme.panel
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Text {
            text: panel.model.clipId > 0 ? qsTr("片段（已保存）") : qsTr("片段")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        TextField {
            objectName: "titleField"
            Layout.fillWidth: true
            placeholderText: qsTr("标题")
            text: panel.model.title
            onTextEdited: panel.model.title = text
            onAccepted: panel.done()
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
        }
        TextField {
            objectName: "hashtagsField"
            Layout.fillWidth: true
            placeholderText: qsTr("话题，如 #美食 #齐悦")
            text: panel.model.hashtags
            onTextEdited: panel.model.hashtags = text
            onAccepted: panel.done()
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
        }
        CheckBox {
            text: qsTr("片头显示标题")
            focusPolicy: Qt.NoFocus
            checked: panel.model.titleCard
            onToggled: panel.model.titleCard = checked
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
        }
        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: qsTr("封面：") + panel.model.coverText
                elide: Text.ElideRight
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
            BigButton {
                objectName: "coverButton"
                implicitHeight: 44
                implicitWidth: 130
                font.pixelSize: Theme.fontSmall
                text: qsTr("用这一帧")
                onClicked: panel.model.setCoverHere()
            }
        }
        ComboBox {
            objectName: "presetBox"
            Layout.fillWidth: true
            focusPolicy: Qt.NoFocus
            model: panel.model.presetLabels
            currentIndex: panel.model.presetIndex
            onActivated: index => panel.model.presetIndex = index
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
        }
        RowLayout {
            visible: panel.model.vertical
            Layout.fillWidth: true
            spacing: Theme.spacing
            BigButton {
                Layout.fillWidth: true
                implicitHeight: 44
                text: qsTr("裁切")
                tint: panel.model.blurFill ? Theme.panelRaised : Theme.accent
                onClicked: panel.model.blurFill = false
            }
            BigButton {
                Layout.fillWidth: true
                implicitHeight: 44
                text: qsTr("模糊背景")
                tint: panel.model.blurFill ? Theme.accent : Theme.panelRaised
                onClicked: panel.model.blurFill = true
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            BigButton {
                objectName: "saveButton"
                Layout.fillWidth: true
                text: qsTr("保存片段")
                onClicked: panel.model.saveClip()
            }
            BigButton {
                Layout.fillWidth: true
                text: qsTr("新片段")
                onClicked: panel.model.newClip()
            }
        }
        BigButton {
            objectName: "exportButton"
            Layout.fillWidth: true
            text: qsTr("导出")
            tint: Theme.accent
            enabled: panel.model.recording.length > 0
            onClicked: panel.model.exportClip()
        }

        Text {
            text: qsTr("导出队列")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
        }
        ExportList {
            editor: panel.model
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
