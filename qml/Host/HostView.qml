// The host's screen, read from 3 m on a 1280x720 TV: the segment on air huge, its countdown bigger still
// (white, amber at warning, red from danger on and counting up with "+" in overtime), notes and script, what
// comes next, over/under and the expected end, the clock; the operator's message on a yellow band (it may
// blink), or alone on black when the operator blacks the screen out. A mirror that lost the studio shows
// only "not connected": a frozen countdown must never look live. Everything scales with the window.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Host

Rectangle {
    id: view

    required property HostState host
    // Why a mirror is not showing the studio (connecting, wrong password, no rundown).
    property string statusText: ""

    // Sizes are for 1280x720 and grow with the screen.
    readonly property real unit: Math.max(0.1, Math.min(width / 1280, height / 720))
    readonly property bool running: host.run === HostState.Running
    readonly property color countdownColour: {
        switch (host.phase) {
        case HostState.Overtime:
        case HostState.Danger:
            return Theme.danger
        case HostState.Warning:
            return Theme.warning
        default:
            return running ? Theme.hostText : Theme.hostDim
        }
    }
    // The message blinks by switching its band on and off twice a second.
    property bool blinkOn: true

    color: Theme.hostBackground

    Timer {
        running: view.host.messageBlink && view.host.message.length > 0
        interval: 500
        repeat: true
        onTriggered: view.blinkOn = !view.blinkOn
        onRunningChanged: view.blinkOn = true
    }

    ColumnLayout {
        id: show
        objectName: "hostContent"
        anchors.fill: parent
        anchors.margins: 24 * view.unit
        spacing: 8 * view.unit
        visible: view.host.connected && !view.host.blackout

        RowLayout {
            Layout.fillWidth: true
            spacing: 16 * view.unit
            Text {
                objectName: "rundownTitle"
                Layout.fillWidth: true
                text: (view.host.segmentCue.length > 0 && view.running ? view.host.segmentCue + "  ·  " : "")
                      + view.host.rundownTitle
                color: Theme.hostDim
                font.family: Theme.fontFamily
                font.pixelSize: 32 * view.unit
                elide: Text.ElideRight
            }
            Text {
                objectName: "clock"
                text: view.host.clockText
                color: Theme.hostText
                font.family: Theme.monoFamily
                font.pixelSize: 56 * view.unit
                font.bold: true
            }
        }

        Text {
            objectName: "segmentTitle"
            Layout.fillWidth: true
            Layout.preferredHeight: 130 * view.unit
            text: view.host.run === HostState.Waiting ? qsTr("即将开始") + " / STARTING SOON"
                  : view.host.run === HostState.Finished ? qsTr("节目结束") + " / THE SHOW IS OVER"
                  : view.host.segmentTitle
            color: view.running ? Theme.hostText : Theme.hostDim
            font.family: Theme.fontFamily
            font.pixelSize: 110 * view.unit
            font.bold: true
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: 48 * view.unit
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Text {
                id: countdown
                objectName: "countdown"
                anchors.centerIn: parent
                visible: view.host.run !== HostState.Finished
                text: view.host.timerText
                color: view.countdownColour
                font.family: Theme.monoFamily
                font.pixelSize: Math.max(24, Math.min(250 * view.unit, parent.height * 1.15))
                font.bold: true
            }
            Text {
                objectName: "pausedBadge"
                anchors.left: countdown.right
                anchors.leftMargin: 24 * view.unit
                anchors.verticalCenter: countdown.verticalCenter
                visible: view.running && (view.host.paused || view.host.held)
                text: view.host.held ? qsTr("停在零点") + "\nHELD" : qsTr("暂停") + "\nPAUSED"
                color: Theme.warning
                font.family: Theme.fontFamily
                font.pixelSize: 36 * view.unit
                font.bold: true
            }
        }

        Text {
            objectName: "notes"
            Layout.fillWidth: true
            Layout.preferredHeight: 2 * 36 * 1.5 * view.unit
            visible: text.length > 0
            text: [view.host.notes].concat(view.host.script).filter(line => line.length > 0).join("\n")
            color: Theme.hostText
            font.family: Theme.fontFamily
            font.pixelSize: 36 * view.unit
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignHCenter
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 24 * view.unit
            Text {
                text: qsTr("下一段")
                color: Theme.hostDim
                font.family: Theme.fontFamily
                font.pixelSize: 32 * view.unit
            }
            Text {
                objectName: "nextTitle"
                Layout.fillWidth: true
                text: view.host.nextTitle.length > 0 ? view.host.nextTitle : "—"
                color: Theme.hostText
                font.family: Theme.fontFamily
                font.pixelSize: 50 * view.unit
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                text: qsTr("比计划")
                color: Theme.hostDim
                font.family: Theme.fontFamily
                font.pixelSize: 32 * view.unit
            }
            Text {
                objectName: "overUnder"
                // Behind plan (positive) is what the host must act on.
                text: view.host.overUnderText
                color: view.host.overUnderMs >= 1000 ? Theme.warning : Theme.hostText
                font.family: Theme.monoFamily
                font.pixelSize: 44 * view.unit
                font.bold: true
            }
            Text {
                text: qsTr("预计结束")
                color: Theme.hostDim
                font.family: Theme.fontFamily
                font.pixelSize: 32 * view.unit
            }
            Text {
                objectName: "expectedEnd"
                text: view.host.expectedEndText
                color: Theme.hostText
                font.family: Theme.monoFamily
                font.pixelSize: 44 * view.unit
                font.bold: true
            }
        }
    }

    // The operator's message, over the lower part of the screen; the countdown stays in sight.
    Rectangle {
        objectName: "messageBand"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 200 * view.unit
        visible: show.visible && view.host.message.length > 0
        color: view.blinkOn ? Theme.hostMessage : Theme.hostBackground
        Text {
            objectName: "message"
            anchors.fill: parent
            anchors.margins: 16 * view.unit
            text: view.host.message
            visible: view.blinkOn
            color: Theme.hostMessageText
            font.family: Theme.fontFamily
            font.pixelSize: 96 * view.unit
            font.bold: true
            fontSizeMode: Text.Fit
            minimumPixelSize: 40 * view.unit
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }

    // Blackout: nothing but the message, white on black.
    Text {
        objectName: "blackoutMessage"
        anchors.fill: parent
        anchors.margins: 48 * view.unit
        visible: view.host.connected && view.host.blackout && view.blinkOn
        text: view.host.message
        color: Theme.hostText
        font.family: Theme.fontFamily
        font.pixelSize: 130 * view.unit
        font.bold: true
        fontSizeMode: Text.Fit
        minimumPixelSize: 40 * view.unit
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }

    ColumnLayout {
        objectName: "notConnected"
        anchors.centerIn: parent
        width: parent.width - 96 * view.unit
        visible: !view.host.connected
        spacing: 24 * view.unit
        Text {
            Layout.fillWidth: true
            text: qsTr("未连接演播室") + "\nNOT CONNECTED"
            color: Theme.warning
            font.family: Theme.fontFamily
            font.pixelSize: 80 * view.unit
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            objectName: "statusText"
            Layout.fillWidth: true
            text: view.statusText
            color: Theme.hostDim
            font.family: Theme.fontFamily
            font.pixelSize: 32 * view.unit
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
