// The whole recording from left to right: the filmstrip, the waveform, the markers as ticks, the selection
// between the in and out handles (drag them), and the playhead (click or drag anywhere to move it). While the
// previews are made for the first time a progress bar says so.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Xiaozhan.Theme
import Xiaozhan.Editor

Rectangle {
    id: timeline
    objectName: "timeline"

    required property EditorModel model
    signal pressed()

    readonly property double duration: Math.max(0.001, model.durationSec)
    readonly property int handleWidth: 18
    function xOf(t) { return t / duration * width }
    function timeAt(x) { return Math.max(0, Math.min(duration, x / width * duration)) }

    color: Theme.meterBack
    radius: 2
    clip: true

    Item {
        id: strip
        objectName: "filmstrip"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: 72
        Repeater {
            id: thumbs
            objectName: "filmstripThumbs"
            model: timeline.model.filmstrip
            delegate: Image {
                required property double timeSec
                required property double endSec
                required property url picture
                x: timeline.xOf(timeSec)
                width: Math.max(1, timeline.xOf(endSec) - x)
                height: strip.height
                source: picture
                fillMode: Image.PreserveAspectCrop
                clip: true
                asynchronous: true
                sourceSize.height: 90
            }
        }
    }

    WaveformItem {
        objectName: "waveform"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: strip.bottom
        anchors.bottom: parent.bottom
        editor: timeline.model
        color: Theme.meterLow
    }

    // Outside the selection is dimmed.
    Rectangle {
        x: 0
        width: timeline.xOf(timeline.model.inPoint)
        height: parent.height
        color: "black"
        opacity: 0.6
    }
    Rectangle {
        x: timeline.xOf(timeline.model.outPoint)
        width: parent.width - x
        height: parent.height
        color: "black"
        opacity: 0.6
    }

    Repeater {
        model: timeline.model.markers
        delegate: Rectangle {
            required property double timeSec
            x: timeline.xOf(timeSec) - 1
            width: 3
            height: timeline.height
            color: Theme.warning
            opacity: 0.8
        }
    }

    MouseArea {
        anchors.fill: parent
        onPressed: mouse => { timeline.pressed(); timeline.model.seek(timeline.timeAt(mouse.x)) }
        onPositionChanged: mouse => timeline.model.seek(timeline.timeAt(mouse.x))
    }

    Rectangle {
        objectName: "playhead"
        x: timeline.xOf(timeline.model.playhead) - 1
        width: 3
        height: parent.height
        color: "white"
    }

    // The handles: wide enough to grab, drawn on the selection's edges.
    Rectangle {
        id: inHandle
        objectName: "inHandle"
        x: timeline.xOf(timeline.model.inPoint)
        width: timeline.handleWidth
        height: parent.height
        color: Theme.accent
        opacity: 0.85
        Text { anchors.centerIn: parent; text: "["; color: "white"; font.pixelSize: Theme.fontLarge; font.bold: true }
        MouseArea {
            anchors.fill: parent
            cursorShape: Qt.SizeHorCursor
            preventStealing: true
            onPressed: timeline.pressed()
            onPositionChanged: mouse => timeline.model.setInPoint(timeline.timeAt(mapToItem(timeline, mouse.x, 0).x))
        }
    }
    Rectangle {
        id: outHandle
        objectName: "outHandle"
        x: timeline.xOf(timeline.model.outPoint) - width
        width: timeline.handleWidth
        height: parent.height
        color: Theme.accent
        opacity: 0.85
        Text { anchors.centerIn: parent; text: "]"; color: "white"; font.pixelSize: Theme.fontLarge; font.bold: true }
        MouseArea {
            anchors.fill: parent
            cursorShape: Qt.SizeHorCursor
            preventStealing: true
            onPressed: timeline.pressed()
            onPositionChanged: mouse => timeline.model.setOutPoint(timeline.timeAt(mapToItem(timeline, mouse.x, 0).x))
        }
    }

    Rectangle {
        visible: timeline.model.previewStatus.length > 0
        anchors.centerIn: parent
        width: Math.min(parent.width - 40, 560)
        height: column.implicitHeight + 2 * Theme.padding
        radius: Theme.radius
        color: Theme.panel
        opacity: 0.95
        Column {
            id: column
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.padding
            spacing: 4
            Text {
                width: parent.width
                text: timeline.model.previewStatus
                wrapMode: Text.WordWrap
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
            ProgressBar {
                objectName: "previewProgress"
                width: parent.width
                value: timeline.model.previewProgress
            }
        }
    }
}
