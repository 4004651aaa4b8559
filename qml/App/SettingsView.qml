// Settings: the language, the recording folder, stream targets (the key is entered once and then only shown
// masked), upload destinations and remote control. Every change is saved at once.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.App

ScrollView {
    id: view

    required property SettingsModel settings
    contentWidth: availableWidth
    clip: true

    component Heading: Text {
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: true
        topPadding: Theme.padding
    }
    component Label2: Text {
        color: Theme.textDim
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontNormal
    }

    ColumnLayout {
        width: view.availableWidth - 2 * Theme.padding
        x: Theme.padding
        spacing: Theme.spacing

        Text {
            visible: view.settings.problem.length > 0
            Layout.fillWidth: true
            text: view.settings.problem
            wrapMode: Text.WordWrap
            color: Theme.warning
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
        }

        Heading { text: qsTr("语言 / Language") }
        Row {
            spacing: Theme.padding
            BigButton {
                objectName: "chineseButton"
                text: "简体中文"
                tint: Session.language === "zh_CN" ? Theme.accent : Theme.panelRaised
                onClicked: Session.language = "zh_CN"
            }
            BigButton {
                objectName: "englishButton"
                text: "English"
                tint: Session.language === "en" ? Theme.accent : Theme.panelRaised
                onClicked: Session.language = "en"
            }
        }

        Heading { text: qsTr("录像保存到") }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: folderField
                Layout.fillWidth: true
                text: view.settings.recordingFolder
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                onEditingFinished: view.settings.recordingFolder = text
            }
            BigButton { text: qsTr("选择文件夹…"); onClicked: folderDialog.open() }
        }

        Heading { text: qsTr("直播地址") }
        Repeater {
            model: view.settings.streams
            RowLayout {
                required property int index
                required property string name
                required property string address
                Layout.fillWidth: true
                Label2 { text: parent.name; Layout.preferredWidth: 200 }
                Label2 { text: parent.address; Layout.fillWidth: true; elide: Text.ElideMiddle }
                BigButton { text: qsTr("删除"); implicitHeight: 40; onClicked: view.settings.removeStream(parent.index) }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: streamName
                Layout.preferredWidth: 200
                placeholderText: qsTr("名称，如：抖音")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
            TextField {
                id: streamUrl
                objectName: "streamUrl"
                Layout.fillWidth: true
                placeholderText: qsTr("推流地址 rtmp://服务器/应用/推流码")
                echoMode: TextInput.PasswordEchoOnEdit
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
            BigButton {
                text: qsTr("添加")
                onClicked: if (view.settings.addStream(streamName.text, streamUrl.text)) { streamName.clear(); streamUrl.clear() }
            }
        }
        Label2 { text: qsTr("新加的直播地址在下次打开节目时生效。"); font.pixelSize: Theme.fontSmall }

        Heading { text: qsTr("上传目标") }
        Repeater {
            model: view.settings.uploadTargets
            RowLayout {
                required property int index
                required property string name
                required property string address
                Layout.fillWidth: true
                Label2 { text: parent.name; Layout.preferredWidth: 200 }
                Label2 { text: parent.address; Layout.fillWidth: true; elide: Text.ElideMiddle }
                BigButton { text: qsTr("删除"); implicitHeight: 40; onClicked: view.settings.removeUploadTarget(parent.index) }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: uploadName
                Layout.preferredWidth: 200
                placeholderText: qsTr("名称，如：社区抖音号")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
            TextField {
                id: uploadUrl
                Layout.fillWidth: true
                placeholderText: qsTr("douyin://账号、tus+https://… 或 file:///文件夹")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
            BigButton {
                text: qsTr("添加")
                onClicked: if (view.settings.addUploadTarget(uploadName.text, uploadUrl.text)) { uploadName.clear(); uploadUrl.clear() }
            }
        }

        Heading { text: qsTr("遥控（obs-websocket，Stream Deck 等）") }
        RowLayout {
            Label2 { text: qsTr("端口（0 为关闭）") }
            SpinBox {
                from: 0
                to: 65535
                editable: true
                value: view.settings.remotePort
                onValueModified: view.settings.remotePort = value
            }
            Label2 { text: view.settings.remotePasswordSet ? qsTr("已设密码") : qsTr("未设密码") }
            TextField {
                id: password
                Layout.preferredWidth: 220
                echoMode: TextInput.Password
                placeholderText: qsTr("新密码")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
            }
            BigButton { text: qsTr("设置密码"); onClicked: { view.settings.setRemotePassword(password.text); password.clear() } }
        }
        Label2 {
            text: qsTr("端口和密码在下次打开小站时生效。")
            color: Theme.textDim
        }
        Item { Layout.preferredHeight: 2 * Theme.padding }
    }

    FolderDialog {
        id: folderDialog
        onAccepted: view.settings.recordingFolder = selectedFolder.toString()
    }
}
