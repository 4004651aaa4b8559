// The Editor: recordings and their markers on the left, the picture with the vertical framing preview, the
// transport and the timeline (filmstrip, waveform, in/out handles, playhead) in the middle, the clip's details
// and the export queue on the right. Keys (I, O, J, K, L, arrows, Space) come from the window while this view
// is on screen and no text field is being typed in; clicking the picture or the timeline leaves a text field.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Editor

Item {
    id: view
    objectName: "editorView"

    required property EditorModel model

    // Takes the keyboard away from a text field, so the editing keys work again.
    function leaveTextFields() { view.forceActiveFocus() }

    Text {
        visible: !view.model.available
        anchors.centerIn: parent
        width: parent.width - 4 * Theme.padding
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: view.model.problem.length > 0 ? qsTr("剪辑库现在无法使用：") + view.model.problem
                                           : qsTr("正在打开剪辑库…")
        color: view.model.problem.length > 0 ? Theme.warning : Theme.textDim
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
    }

    RowLayout {
        visible: view.model.available
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.padding

        ColumnLayout {
            Layout.preferredWidth: 300
            Layout.maximumWidth: 300
            Layout.fillHeight: true
            spacing: Theme.spacing
            RecordingList {
                model: view.model
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: 3
            }
            TabBar {
                id: leftTabs
                Layout.fillWidth: true
                focusPolicy: Qt.NoFocus
                TabButton { text: qsTr("标记"); focusPolicy: Qt.NoFocus; font.family: Theme.fontFamily; font.pixelSize: Theme.fontNormal }
                TabButton { objectName: "savedClipsTab"; text: qsTr("已存片段"); focusPolicy: Qt.NoFocus; font.family: Theme.fontFamily; font.pixelSize: Theme.fontNormal }
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: 4
                currentIndex: leftTabs.currentIndex
                MarkerList { model: view.model }
                SavedClipList { model: view.model }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true

                Rectangle {
                    id: pictureFrame
                    anchors.left: parent.left
                    anchors.top: parent.top
                    anchors.bottom: parent.bottom
                    anchors.right: verticalPreview.visible ? verticalPreview.left : parent.right
                    anchors.rightMargin: verticalPreview.visible ? Theme.spacing : 0
                    color: "black"
                    radius: 2
                    VideoFrameItem {
                        id: picture
                        objectName: "picture"
                        anchors.fill: parent
                        player: view.model.player
                    }
                    MouseArea {
                        anchors.fill: parent
                        onPressed: view.leaveTextFields()
                    }
                    // The part a vertical export keeps: drag it sideways to choose (the crop offset).
                    Rectangle {
                        id: cropBox
                        objectName: "cropBox"
                        visible: view.model.vertical && !view.model.blurFill && picture.pictureRect.width > 0
                        readonly property double room: picture.pictureRect.width - width
                        width: picture.pictureRect.width * view.model.cropWidthFraction
                        height: picture.pictureRect.height
                        y: picture.pictureRect.y
                        x: picture.pictureRect.x + room * view.model.cropX
                        color: "transparent"
                        border.color: Theme.warning
                        border.width: 3
                        Text {
                            anchors.top: parent.top
                            anchors.horizontalCenter: parent.horizontalCenter
                            anchors.topMargin: 4
                            text: qsTr("竖屏画面 ⟷ 拖动")
                            color: "white"
                            style: Text.Outline
                            styleColor: "black"
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                        }
                        MouseArea {
                            anchors.fill: parent
                            cursorShape: Qt.SizeHorCursor
                            property double grabX: 0
                            onPressed: mouse => { view.leaveTextFields(); grabX = mouse.x }
                            onPositionChanged: mouse => {
                                if (cropBox.room > 0)
                                    view.model.cropX = (cropBox.x + mouse.x - grabX - picture.pictureRect.x) / cropBox.room
                            }
                        }
                    }
                    Text {
                        visible: view.model.recording.length === 0
                        anchors.centerIn: parent
                        text: qsTr("在左边选一个录像")
                        color: Theme.textDim
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                    }
                }

                // The vertical framing preview: what the 9:16 export shows.
                ColumnLayout {
                    id: verticalPreview
                    visible: view.model.vertical
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.bottom: parent.bottom
                    width: Math.round(height * 9 / 16) // a 9:16 picture as tall as the big one
                    spacing: 2
                    Rectangle {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        color: "black"
                        border.color: Theme.border
                        VideoFrameItem {
                            objectName: "verticalPreview"
                            anchors.fill: parent
                            anchors.margins: 1
                            player: view.model.player
                            cropAspect: view.model.blurFill ? 0 : 9 / 16
                            cropX: view.model.cropX
                        }
                    }
                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: view.model.blurFill ? qsTr("模糊背景") : qsTr("竖屏 9:16")
                        color: Theme.textDim
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }

            // Transport: the time big, the shuttle state, the buttons (each with its key).
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    objectName: "playheadText"
                    text: view.model.playheadText
                    color: Theme.text
                    font.family: "Noto Sans Mono CJK SC"
                    font.pixelSize: Theme.fontHuge
                    font.bold: true
                }
                Text {
                    Layout.fillWidth: true
                    text: view.model.shuttleText
                    elide: Text.ElideRight
                    color: view.model.playing ? Theme.ok : Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                }
                BigButton { implicitWidth: 64; text: "◀◀"; hint: "J"; onClicked: view.model.shuttleBack() }
                BigButton { implicitWidth: 64; text: "◀|"; hint: "←"; onClicked: view.model.stepFrames(-1) }
                BigButton {
                    objectName: "playButton"
                    implicitWidth: 120
                    text: view.model.playing ? qsTr("停") : qsTr("播放选段")
                    hint: qsTr("空格")
                    tint: Theme.preview
                    onClicked: view.model.togglePlay()
                }
                BigButton { implicitWidth: 64; text: "|▶"; hint: "→"; onClicked: view.model.stepFrames(1) }
                BigButton { implicitWidth: 64; text: "▶▶"; hint: "L"; onClicked: view.model.shuttleForward() }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                BigButton { objectName: "markInButton"; text: qsTr("设入点"); hint: "I"; onClicked: view.model.markIn() }
                Text {
                    objectName: "inText"
                    text: qsTr("入点 ") + view.model.inText
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                }
                Text {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: view.model.selectionText
                    color: Theme.textDim
                    elide: Text.ElideRight
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                }
                Text {
                    objectName: "outText"
                    text: qsTr("出点 ") + view.model.outText
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                }
                BigButton { objectName: "markOutButton"; text: qsTr("设出点"); hint: "O"; onClicked: view.model.markOut() }
            }

            Timeline {
                model: view.model
                Layout.fillWidth: true
                Layout.preferredHeight: 132
                onPressed: view.leaveTextFields()
            }

            Text {
                objectName: "notice"
                Layout.fillWidth: true
                text: view.model.notice.length > 0 ? view.model.notice : view.model.soundNote
                visible: text.length > 0
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                color: view.model.noticeIsProblem ? Theme.warning : Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
        }

        ClipPanel {
            model: view.model
            Layout.preferredWidth: 340
            Layout.maximumWidth: 340
            Layout.fillHeight: true
            onDone: view.leaveTextFields()
        }
    }

    ConfirmDialog {
        id: overwriteDialog
        text: view.model.overwriteQuestion
        confirmText: qsTr("覆盖")
        onConfirmed: view.model.confirmOverwrite()
        onCancelled: view.model.cancelOverwrite()
    }
    Connections {
        target: view.model
        function onOverwriteQuestionChanged() {
            if (view.model.overwriteQuestion.length > 0)
                overwriteDialog.open()
            else
                overwriteDialog.close()
        }
    }
}
