// The rundown beside the monitors: the segment on air with its countdown (the host's colours), the segment
// list (on air red, next green, times planned and actual), big buttons for next / back / +1 min / hold /
// mark / mark in / mark out / skip (with the keys printed on them), a segment's title and duration edited
// live, a message to the host (blinking, or with the host's screen blacked out), and the host's screen opened
// on a second screen. The controller decides; a refusal is shown in words.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Host

Rectangle {
    id: panel

    required property RundownController controller
    // Folded to a narrow strip, to give the monitors the room back.
    property bool collapsed: false
    property HostWindow hostWindow: null

    function openHostWindow() {
        if (panel.hostWindow) {
            panel.hostWindow.destroy()
            panel.hostWindow = null
            return
        }
        // On another screen when there is one, full screen there; otherwise a window to drag to the TV.
        const mine = panel.Window.window ? panel.Window.window.screen : null
        const others = Array.from(Qt.application.screens).filter(s => !mine || s.name !== mine.name)
        const properties = { host: panel.controller.host, fullscreen: others.length > 0 }
        if (others.length > 0)
            properties.screen = others[0]
        panel.hostWindow = hostWindowComponent.createObject(null, properties)
    }

    function secondsText(ms) {
        const seconds = Math.round(ms / 1000)
        return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0")
    }

    color: Theme.panel
    radius: Theme.radius
    Component.onDestruction: if (panel.hostWindow) panel.hostWindow.destroy()

    Component {
        id: hostWindowComponent
        HostWindow {
            onClosing: panel.hostWindow = null
        }
    }

    BigButton {
        objectName: "expandRundown"
        visible: panel.collapsed
        anchors.fill: parent
        anchors.margins: 4
        implicitWidth: 40
        text: "◂\n节\n目\n单"
        onClicked: panel.collapsed = false
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        visible: !panel.collapsed

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: qsTr("节目单") + " · " + panel.controller.title
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: true
                elide: Text.ElideRight
            }
            BigButton {
                objectName: "hostScreenButton"
                implicitWidth: 130
                implicitHeight: 40
                text: panel.hostWindow ? qsTr("关主持人屏幕") : qsTr("主持人屏幕")
                tint: panel.hostWindow ? Theme.accent : Theme.panelRaised
                onClicked: panel.openHostWindow()
            }
            BigButton {
                objectName: "collapseRundown"
                implicitWidth: 44
                implicitHeight: 40
                text: "▸"
                onClicked: panel.collapsed = true
            }
        }

        // What is on air, in the colours the host sees.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 84
            color: Theme.panelRaised
            radius: Theme.radius
            border.color: panel.controller.currentIndex >= 0 ? Theme.onAir : Theme.border
            border.width: 2
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 0
                Text {
                    Layout.fillWidth: true
                    text: panel.controller.currentIndex >= 0 ? panel.controller.host.segmentTitle
                                                             : qsTr("还没开始：按“下一段”开始第一段")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    elide: Text.ElideRight
                }
                RowLayout {
                    Layout.fillWidth: true
                    Text {
                        objectName: "panelCountdown"
                        text: panel.controller.host.timerText
                        color: panel.controller.host.phase === HostState.Overtime
                               || panel.controller.host.phase === HostState.Danger ? Theme.danger
                             : panel.controller.host.phase === HostState.Warning ? Theme.warning : Theme.text
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.fontHuge
                        font.bold: true
                    }
                    Text {
                        visible: panel.controller.host.paused || panel.controller.host.held
                        text: panel.controller.host.held ? qsTr("停在零点") : qsTr("暂停中")
                        color: Theme.warning
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontNormal
                        font.bold: true
                    }
                    Item { Layout.fillWidth: true }
                    Text {
                        text: qsTr("比计划 %1 · 结束 %2").arg(panel.controller.host.overUnderText)
                                                        .arg(panel.controller.host.expectedEndText)
                        color: panel.controller.host.overUnderMs >= 1000 ? Theme.warning : Theme.textDim
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }
        }

        ListView {
            id: list
            objectName: "segmentList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            model: panel.controller.segments
            currentIndex: panel.controller.currentIndex
            onCurrentIndexChanged: if (currentIndex >= 0) positionViewAtIndex(currentIndex, ListView.Contain)
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: row
                required property int index
                required property string cue
                required property string title
                required property string durationText
                required property string plannedStartText
                required property string status
                required property int durationMs
                required property real actualMs
                required property bool isCurrent
                required property bool isNext
                required property bool skipped

                width: ListView.view.width
                height: 46
                radius: Theme.radius
                color: isCurrent ? Qt.darker(Theme.onAir, 2.2) : isNext ? Qt.darker(Theme.preview, 2.6) : Theme.panelRaised
                border.color: isCurrent ? Theme.onAir : isNext ? Theme.preview : "transparent"
                border.width: 2
                opacity: status === "done" || skipped ? 0.55 : 1.0

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing
                    anchors.rightMargin: 4
                    spacing: Theme.spacing
                    Text {
                        Layout.preferredWidth: 28
                        text: row.cue
                        color: Theme.textDim
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                    }
                    Text {
                        Layout.fillWidth: true
                        text: row.title + (row.skipped ? qsTr("（跳过）") : "")
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontNormal
                        font.bold: row.isCurrent
                        font.strikeout: row.skipped
                        elide: Text.ElideRight
                    }
                    Text {
                        objectName: "segmentTimes"
                        // Planned length, and how long it really ran once it has been on air.
                        text: (row.status === "done" ? panel.secondsText(row.actualMs) + " / " : "")
                              + row.durationText
                        color: row.status === "done" && row.actualMs > row.durationMs ? Theme.warning : Theme.textDim
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.fontSmall
                    }
                    Text {
                        text: row.plannedStartText
                        color: Theme.textDim
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.fontSmall
                    }
                    BigButton {
                        objectName: "edit-" + row.index
                        implicitWidth: 48
                        implicitHeight: 38
                        text: qsTr("改")
                        font.pixelSize: Theme.fontSmall
                        onClicked: editor.openFor(row.index, row.title, row.durationMs)
                    }
                }
            }
        }

        GridLayout {
            Layout.fillWidth: true
            columns: 4
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            BigButton {
                objectName: "advanceButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("下一段")
                hint: "N"
                tint: Theme.accent
                onClicked: panel.controller.advance()
            }
            BigButton {
                objectName: "backButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("上一段")
                hint: "B"
                onClicked: panel.controller.back()
            }
            BigButton {
                objectName: "addMinuteButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("+1 分钟")
                hint: "+"
                onClicked: panel.controller.addTime(60)
            }
            BigButton {
                objectName: "holdButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: panel.controller.host.paused ? qsTr("继续") : qsTr("暂停")
                hint: "H"
                onClicked: panel.controller.hold()
            }
            BigButton {
                objectName: "markButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("标记")
                hint: "M"
                onClicked: panel.controller.mark()
            }
            BigButton {
                objectName: "markInButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("入点")
                onClicked: panel.controller.markIn()
            }
            BigButton {
                objectName: "markOutButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("出点")
                onClicked: panel.controller.markOut()
            }
            BigButton {
                objectName: "skipButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("跳过")
                onClicked: panel.controller.skip()
            }
        }

        // A message for the host's screen.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                id: messageField
                objectName: "messageField"
                Layout.fillWidth: true
                Layout.preferredHeight: 44
                placeholderText: qsTr("给主持人的话，如：看镜头2")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                onAccepted: sendButton.clicked()
            }
            BigButton {
                id: sendButton
                objectName: "sendMessageButton"
                implicitWidth: 72
                implicitHeight: 44
                text: qsTr("发送")
                enabled: messageField.text.length > 0
                onClicked: {
                    panel.controller.sendMessage(messageField.text, blinkBox.checked, blackoutBox.checked)
                    messageField.focus = false
                }
            }
            BigButton {
                objectName: "clearMessageButton"
                implicitWidth: 72
                implicitHeight: 44
                text: qsTr("清除")
                enabled: panel.controller.host.message.length > 0 || panel.controller.host.blackout
                tint: enabled ? Theme.warning : Theme.panelRaised
                onClicked: panel.controller.clearMessage()
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            CheckBox {
                id: blinkBox
                objectName: "blinkBox"
                text: qsTr("闪烁")
                focusPolicy: Qt.NoFocus
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
            CheckBox {
                id: blackoutBox
                objectName: "blackoutBox"
                text: qsTr("黑屏只显示这句话")
                focusPolicy: Qt.NoFocus
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
        }

        Text {
            objectName: "rundownError"
            Layout.fillWidth: true
            visible: text.length > 0
            text: panel.controller.lastError
            color: Theme.warning
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
    }

    // Live edit of one segment's title and planned length.
    Popup {
        id: editor
        objectName: "segmentEditor"
        property int segment: -1

        function openFor(index, title, durationMs) {
            segment = index
            titleField.text = title
            const seconds = Math.round(durationMs / 1000)
            minutesBox.value = Math.floor(seconds / 60)
            secondsBox.value = seconds % 60
            open()
        }

        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        padding: Theme.padding * 2
        background: Rectangle {
            color: Theme.panel
            radius: Theme.radius
            border.color: Theme.border
        }
        ColumnLayout {
            spacing: Theme.padding
            Text {
                text: qsTr("修改第 %1 段").arg(editor.segment + 1)
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            TextField {
                id: titleField
                objectName: "editTitle"
                Layout.preferredWidth: 420
                Layout.preferredHeight: 48
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
            RowLayout {
                spacing: Theme.spacing
                Text {
                    text: qsTr("时长")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                }
                SpinBox {
                    id: minutesBox
                    objectName: "editMinutes"
                    from: 0
                    to: 600
                    editable: true
                    font.pixelSize: Theme.fontNormal
                }
                Text {
                    text: qsTr("分")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                }
                SpinBox {
                    id: secondsBox
                    objectName: "editSeconds"
                    from: 0
                    to: 59
                    editable: true
                    font.pixelSize: Theme.fontNormal
                }
                Text {
                    text: qsTr("秒")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                }
            }
            RowLayout {
                spacing: Theme.spacing
                BigButton {
                    objectName: "saveSegmentButton"
                    text: qsTr("保存")
                    tint: Theme.accent
                    onClicked: {
                        if (panel.controller.editSegment(editor.segment, titleField.text,
                                                         minutesBox.value * 60 + secondsBox.value))
                            editor.close()
                    }
                }
                BigButton {
                    text: qsTr("取消")
                    onClicked: editor.close()
                }
            }
            Text {
                Layout.preferredWidth: 420
                visible: panel.controller.lastError.length > 0
                text: panel.controller.lastError
                color: Theme.warning
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
        }
    }
}
