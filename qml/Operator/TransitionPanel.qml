// Between the monitors: TAKE (its keys printed on it), CUT, the transition and its duration, and the T-bar
// with its rule.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Operator

Rectangle {
    id: panel

    required property OperatorModel model

    color: Theme.panel
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        BigButton {
            objectName: "takeButton"
            Layout.fillWidth: true
            Layout.preferredHeight: 68
            text: qsTr("切换到节目")
            hint: qsTr("空格 / 回车")
            tint: Theme.accent
            font.pixelSize: Theme.fontLarge
            enabled: !panel.model.transitionRunning
            onClicked: panel.model.take()
        }
        BigButton {
            objectName: "cutButton"
            Layout.fillWidth: true
            text: qsTr("立即切换")
            onClicked: panel.model.cut()
        }
        ComboBox {
            objectName: "transitionPicker"
            Layout.fillWidth: true
            focusPolicy: Qt.NoFocus
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            model: panel.model.transitionNames
            currentIndex: panel.model.transitionIndex
            onActivated: index => panel.model.transitionIndex = index
        }
        RowLayout {
            Layout.fillWidth: true
            visible: panel.model.durationAdjustable
            Text {
                text: qsTr("时长")
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
            SpinBox {
                objectName: "durationBox"
                Layout.fillWidth: true
                focusPolicy: Qt.NoFocus
                from: 100
                to: 3000
                stepSize: 100
                editable: false
                value: panel.model.transitionDurationMs
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                textFromValue: value => (value / 1000).toFixed(1) + qsTr(" 秒")
                onValueModified: panel.model.transitionDurationMs = value
            }
        }
        TBar {
            objectName: "tbar"
            Layout.fillWidth: true
            position: panel.model.tbarPosition
            rule: panel.model.tbarRule
            onMoved: position => panel.model.moveTBar(position)
            onReleased: panel.model.releaseTBar()
        }
        Item { Layout.fillHeight: true }
    }
}
