// The show's text items: names, the dish, step cards. An edit shows in preview at once and reaches program
// only when its scene is taken, unless "live edit" is ticked.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Operator

Rectangle {
    id: panel

    required property LowerThirdModel texts

    color: Theme.panel
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: qsTr("字幕")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: true
            }
            CheckBox {
                id: liveEdit
                objectName: "liveEdit"
                focusPolicy: Qt.NoFocus
                text: qsTr("直接改节目画面")
                checked: panel.texts.liveEdit
                onToggled: panel.texts.liveEdit = checked
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                contentItem: Text {
                    leftPadding: liveEdit.indicator.width + 6
                    text: liveEdit.text
                    font: liveEdit.font
                    color: liveEdit.checked ? Theme.warning : Theme.textDim
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: panel.texts
            delegate: RowLayout {
                id: row
                required property int index
                required property string label
                required property string text
                required property bool onAir
                required property bool inPreview
                required property bool waitingForTake
                width: ListView.view.width
                spacing: Theme.spacing
                Text {
                    Layout.preferredWidth: 150
                    text: row.label
                    elide: Text.ElideRight
                    color: row.onAir ? Theme.onAir : row.inPreview ? Theme.preview : Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                }
                TextArea {
                    id: field
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(implicitHeight, 76)
                    text: row.text
                    wrapMode: TextEdit.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    background: Rectangle { color: "white"; radius: 3; border.color: field.activeFocus ? Theme.accent : Theme.border }
                    onEditingFinished: if (text !== row.text) panel.texts.setText(row.index, text)
                }
                Text {
                    visible: row.waitingForTake
                    text: qsTr("切换后生效")
                    color: Theme.warning
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall - 2
                }
            }
        }
    }
}
