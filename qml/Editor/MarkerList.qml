// The open recording's markers from the rundown (segments, marks, ranges) in time order. A click moves the
// playhead there; a segment or range with an end can become the selection in one press.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Editor

Rectangle {
    id: panel

    required property EditorModel model
    readonly property var kindNames: ({ "segment": qsTr("段落"), "mark": qsTr("标记"), "range": qsTr("区间") })

    color: Theme.panel
    radius: Theme.radius

    ListView {
        id: list
        objectName: "markerList"
        anchors.fill: parent
        anchors.margins: Theme.spacing
        clip: true
        spacing: 4
        model: panel.model.markers
        delegate: Rectangle {
            id: row
            required property int index
            required property string kind
            required property double timeSec
            required property double endSec
            required property string title
            required property string timeText
            objectName: "marker_" + index
            width: ListView.view.width
            height: 56
            radius: Theme.radius
            color: Theme.panelRaised
            border.color: Theme.border
            MouseArea {
                anchors.fill: parent
                onClicked: panel.model.jumpToMarker(row.index)
            }
            Column {
                anchors.left: parent.left
                anchors.right: useButton.left
                anchors.verticalCenter: parent.verticalCenter
                anchors.leftMargin: 6
                spacing: 0
                Text {
                    width: parent.width
                    text: row.title.length > 0 ? row.title : panel.kindNames[row.kind]
                    elide: Text.ElideRight
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontNormal
                    font.bold: true
                }
                Text {
                    width: parent.width
                    text: (panel.kindNames[row.kind] || row.kind) + "  " + row.timeText
                    color: Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                }
            }
            BigButton {
                id: useButton
                objectName: "useMarker_" + row.index
                visible: row.endSec >= 0
                anchors.right: parent.right
                anchors.rightMargin: 4
                anchors.verticalCenter: parent.verticalCenter
                implicitHeight: 44
                implicitWidth: 96
                font.pixelSize: Theme.fontSmall
                text: qsTr("设为选段")
                onClicked: panel.model.selectMarker(row.index)
            }
        }
        Text {
            anchors.centerIn: parent
            visible: list.count === 0
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("这个录像没有节目单标记")
            color: Theme.textDim
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
        }
    }
}
