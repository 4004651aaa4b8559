// The mixer: a strip per audio input and one for the program mix; meter, fader in dB, mute. The meters move
// only while the panel is on screen.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Operator

Rectangle {
    id: panel

    required property MixerModel mixer

    color: Theme.panel
    radius: Theme.radius
    Component.onCompleted: panel.mixer.metering = Qt.binding(() => panel.visible)

    ListView {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        orientation: ListView.Horizontal
        spacing: Theme.spacing
        clip: true
        model: panel.mixer
        delegate: Rectangle {
            id: strip
            required property int index
            required property string label
            required property bool isMix
            required property bool microphone
            required property double volumeDb
            required property string volumeText
            required property bool muted
            required property double peakLevel
            required property double rmsLevel
            required property double holdLevel
            required property string peakText
            required property bool clipping
            required property bool silent
            objectName: "strip_" + index

            width: 110
            height: ListView.view.height
            radius: 4
            color: strip.silent ? "#4a3a12" : Theme.panelRaised
            border.color: strip.isMix ? Theme.accent : Theme.border

            Text {
                id: name
                anchors.top: parent.top
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.topMargin: 4
                width: parent.width - 8
                text: strip.label
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignHCenter
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
            LevelMeter {
                id: meter
                objectName: "meter"
                anchors.top: name.bottom
                anchors.bottom: muteButton.top
                anchors.left: parent.left
                anchors.margins: 6
                rms: strip.rmsLevel
                peak: strip.peakLevel
                hold: strip.holdLevel
                clipping: strip.clipping
            }
            Slider {
                id: fader
                visible: !strip.isMix
                anchors.top: name.bottom
                anchors.bottom: dbText.top
                anchors.left: meter.right
                anchors.right: parent.right
                orientation: Qt.Vertical
                focusPolicy: Qt.NoFocus
                from: -60
                to: 10
                stepSize: 0.5
                value: Math.max(-60, strip.volumeDb)
                onMoved: panel.mixer.setVolume(strip.index, value <= -60 ? -100 : value)
            }
            Text {
                id: dbText
                visible: !strip.isMix
                anchors.bottom: muteButton.top
                anchors.horizontalCenter: fader.horizontalCenter
                text: strip.volumeText
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall - 2
            }
            BigButton {
                id: muteButton
                visible: !strip.isMix
                anchors.bottom: parent.bottom
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.margins: 4
                implicitHeight: 40
                text: strip.muted ? qsTr("已静音") : qsTr("静音")
                tint: strip.muted ? Theme.danger : Theme.panel
                font.pixelSize: Theme.fontSmall
                onClicked: panel.mixer.toggleMute(strip.index)
            }
            Text {
                visible: strip.isMix
                anchors.bottom: parent.bottom
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottomMargin: 12
                text: strip.peakText
                color: strip.clipping ? Theme.danger : Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }
    }
}
