// The window: the views as tabs (导播 Operator, 上传 Uploads, 剪辑 Editor, 设置 Settings), the show picker until a show
// runs. Fits a 1366x768 laptop and grows to 1920x1080; the live keys are the window's (see KeyRouter).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Operator
import Xiaozhan.Uploads
import Xiaozhan.Editor
import Xiaozhan.App

ApplicationWindow {
    id: window
    objectName: "mainWindow"

    width: 1366
    height: 768
    minimumWidth: 1280
    minimumHeight: 720
    visible: true
    color: Theme.window
    title: Session.windowTitle
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontNormal

    // Closing asks first while on air or recording (Session decides).
    onClosing: close => {
        if (!Session.mayClose) {
            close.accepted = false
            Session.quit()
        }
    }

    header: Rectangle {
        height: 56
        color: Theme.panel
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.padding
            anchors.rightMargin: Theme.padding
            spacing: Theme.padding
            Text {
                text: Session.windowTitle
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            TabBar {
                id: tabs
                objectName: "viewTabs"
                Layout.fillWidth: true
                focusPolicy: Qt.NoFocus
                onCurrentIndexChanged: Session.currentView = currentIndex
                Repeater {
                    model: [qsTr("导播"), qsTr("上传"), qsTr("剪辑"), qsTr("设置")]
                    TabButton {
                        required property string modelData
                        text: modelData
                        focusPolicy: Qt.NoFocus
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontNormal
                        height: 48
                    }
                }
            }
            Text {
                id: clock
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                Timer {
                    interval: 1000
                    running: true
                    repeat: true
                    triggeredOnStart: true
                    onTriggered: clock.text = new Date().toLocaleTimeString(Qt.locale(), "HH:mm:ss")
                }
            }
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: tabs.currentIndex

        Item {
            Loader {
                anchors.fill: parent
                active: Session.showRunning
                sourceComponent: OperatorView { model: Session.operatorModel; rundown: Session.rundown }
            }
            ShowPicker {
                anchors.fill: parent
                visible: !Session.showRunning
            }
        }
        UploadsView {
            model: Session.uploads
        }
        EditorView {
            model: Session.editor
        }
        SettingsView {
            settings: Session.settings
        }
    }
}
