// The recordings in the recording folder, newest first: name, length, markers and clips made from each.
// A click opens one in the editor.
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

    color: Theme.panel
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: qsTr("录像")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            BigButton {
                implicitHeight: 40
                implicitWidth: 80
                text: qsTr("刷新")
                onClicked: panel.model.refresh()
            }
        }
        Text {
            Layout.fillWidth: true
            text: panel.model.recordingFolder
            elide: Text.ElideLeft
            color: Theme.textDim
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
        ListView {
            id: list
            objectName: "recordingList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: panel.model.recordings
            currentIndex: panel.model.currentRow
            delegate: Rectangle {
                id: row
                required property int index
                required property string fileName
                required property double durationSec
                required property int markerCount
                required property int clipCount
                required property string markersError
                width: ListView.view.width
                height: 62
                radius: Theme.radius
                color: ListView.isCurrentItem ? Qt.darker(Theme.accent, 1.6) : Theme.panelRaised
                border.color: ListView.isCurrentItem ? Theme.accent : Theme.border
                Column {
                    anchors.fill: parent
                    anchors.margins: 6
                    spacing: 2
                    Text {
                        width: parent.width
                        text: row.fileName
                        elide: Text.ElideMiddle
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontNormal
                        font.bold: true
                    }
                    Text {
                        width: parent.width
                        text: row.markersError.length > 0 ? qsTr("标记文件有问题")
                              : qsTr("%1 · %2 个标记 · %3 个片段").arg(panel.model.formatTime(row.durationSec)).arg(row.markerCount).arg(row.clipCount)
                        elide: Text.ElideRight
                        color: row.markersError.length > 0 ? Theme.warning : Theme.textDim
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: panel.model.selectRecording(row.index)
                }
            }
            Text {
                anchors.centerIn: parent
                visible: list.count === 0
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                text: qsTr("这里还没有录像")
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
        }
    }
}
