// The status strip: how the studio keeps up (CPU, picture delay), the disk, and the last notice in words.
import QtQuick
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Operator

Rectangle {
    id: strip

    required property OperatorModel model

    implicitHeight: 34
    color: Theme.panel
    radius: Theme.radius

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        spacing: 2 * Theme.padding
        Text {
            text: strip.model.cpuText
            color: Theme.textDim
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
        Text {
            text: strip.model.lagText
            color: Theme.textDim
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
        Text {
            text: strip.model.diskText
            color: strip.model.diskLow ? Theme.danger : Theme.textDim
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
        Text {
            objectName: "notice"
            Layout.fillWidth: true
            text: strip.model.notice
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignRight
            color: Theme.warning
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
    }
}
