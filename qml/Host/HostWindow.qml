// The host's screen as its own window: opened from the Operator view ("主持人屏幕") onto a second screen
// (full screen there when the computer has one), or by `xiaozhan host` on a second machine with a mirror.
// F11 or a double click switches full screen; Esc leaves it. It has no keys of the show: pressing one on the
// host's screen never takes a scene.
import QtQuick
import QtQuick.Window
import Xiaozhan.Theme
import Xiaozhan.Host

Window {
    id: window
    objectName: "hostWindow"

    // Either the studio's own HostState, or a mirror's (xiaozhan host).
    property HostMirror mirror: null
    property HostState host: mirror ? mirror.host : null
    property bool fullscreen: false

    width: 1280
    height: 720
    minimumWidth: 640
    minimumHeight: 360
    color: Theme.hostBackground
    title: qsTr("小站 · 主持人屏幕") + (mirror ? " · " + mirror.address : "")
    visibility: fullscreen ? Window.FullScreen : Window.Windowed
    visible: true

    Loader {
        anchors.fill: parent
        active: window.host !== null
        sourceComponent: HostView {
            host: window.host
            statusText: window.mirror ? window.mirror.statusText : ""
        }
    }
    MouseArea {
        anchors.fill: parent
        onDoubleClicked: window.fullscreen = !window.fullscreen
    }
    Shortcut {
        sequence: "F11"
        onActivated: window.fullscreen = !window.fullscreen
    }
    Shortcut {
        sequence: "Esc"
        enabled: window.fullscreen
        onActivated: window.fullscreen = false
    }
}
