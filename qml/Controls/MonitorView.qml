// A monitor: the live picture with its label in words (预览 / PREVIEW, 节目 / PROGRAM), a coloured frame
// (green for preview, red for program), and on program the "直播中 / ON AIR" tally and the recording dot with
// the time recorded.
import QtQuick
import Xiaozhan.Theme
import Xiaozhan.Controls

Rectangle {
    id: monitor

    property alias studio: frame.studio
    property alias feed: frame.feed
    property alias everyNthFrame: frame.everyNthFrame
    property alias feedSize: frame.feedSize
    property string label: ""
    property string sceneName: ""
    property color frameColour: Theme.preview
    property bool onAir: false
    property bool recording: false
    property string recordingTime: ""
    readonly property alias frameView: frame

    color: "black"
    border.color: monitor.frameColour
    border.width: 4
    radius: 2

    FrameView {
        id: frame
        objectName: "frameView"
        anchors.fill: parent
        anchors.margins: monitor.border.width
    }

    Rectangle {
        // The label strip: always readable, whatever the picture.
        id: labelStrip
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: monitor.border.width
        height: labelText.implicitHeight + 8
        width: labelText.implicitWidth + 16
        color: monitor.frameColour
        Text {
            id: labelText
            objectName: "monitorLabel"
            anchors.centerIn: parent
            text: monitor.sceneName.length > 0 ? monitor.label + "  ·  " + monitor.sceneName : monitor.label
            color: "white"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
        }
    }

    Rectangle {
        objectName: "onAirTally"
        visible: monitor.onAir
        // Beside the label strip when both fit (a narrow monitor with a long scene name: under it, never over it).
        readonly property bool fitsBeside: labelStrip.width + width + 2 * anchors.margins < monitor.width
        anchors.right: parent.right
        anchors.top: fitsBeside ? parent.top : labelStrip.bottom
        anchors.margins: monitor.border.width + 6
        width: tallyText.implicitWidth + 20
        height: tallyText.implicitHeight + 8
        radius: 4
        color: Theme.onAir
        Text {
            id: tallyText
            anchors.centerIn: parent
            text: "直播中 / ON AIR"
            color: "white"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
        }
    }

    Row {
        objectName: "recordingIndicator"
        visible: monitor.recording
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: monitor.border.width + 6
        spacing: 6
        Rectangle {
            width: 16; height: 16; radius: 8
            color: Theme.recording
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            text: qsTr("录像 %1").arg(monitor.recordingTime)
            color: "white"
            style: Text.Outline
            styleColor: "black"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: true
        }
    }
}
