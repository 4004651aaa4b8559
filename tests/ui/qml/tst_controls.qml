// The shared components as an operator meets them: buttons that never keep the keyboard, meters that show
// what they are given, a T-bar that reports moves and the release, a confirmation whose default is "no",
// monitors that say what they show.
import QtQuick
import QtQuick.Controls
import QtTest
import Xiaozhan.Theme
import Xiaozhan.Controls

Item {
    id: root
    width: 800
    height: 600

    Component {
        id: buttonComponent
        BigButton { text: "切换到节目"; hint: "空格" }
    }
    Component {
        id: meterComponent
        LevelMeter { width: 22; height: 206 }
    }
    Component {
        id: tbarComponent
        TBar { width: 300; rule: "推过一半松手：切换完成" }
    }
    Component {
        id: dialogComponent
        ConfirmDialog { text: "确定要结束直播吗？"; confirmText: "结束直播" }
    }
    Component {
        id: monitorComponent
        MonitorView { width: 480; height: 270; label: "节目 / PROGRAM"; sceneName: "开场" }
    }

    TestCase {
        name: "Controls"
        when: windowShown

        function test_aClickedButtonDoesNotKeepTheKeyboard() {
            const button = createTemporaryObject(buttonComponent, root)
            const clicks = createTemporaryObject(signalSpyComponent, root, { target: button, signalName: "clicked" })
            mouseClick(button)
            compare(clicks.count, 1)
            verify(!button.activeFocus)
            keyClick(Qt.Key_Space)
            keyClick(Qt.Key_Return)
            compare(clicks.count, 1, "Space and Enter belong to the window, not to the last button clicked")
        }

        function test_theMeterShowsRmsPeakAndHoldOnItsScale() {
            const meter = createTemporaryObject(meterComponent, root, { rms: 0.5, peak: 0.75, hold: 0.9 })
            const rms = findChild(meter, "rmsBar")
            const peak = findChild(meter, "peakBar")
            const hold = findChild(meter, "holdLine")
            fuzzyCompare(rms.height, 100, 1)
            fuzzyCompare(peak.height, 150, 1)
            verify(hold.visible)
            fuzzyCompare(hold.y, 3 + 200 * 0.1 - 1, 1)
            compare(Qt.colorEqual(meter.border.color, Theme.meterHigh), false)
            meter.clipping = true
            verify(Qt.colorEqual(meter.border.color, Theme.meterHigh))
            meter.rms = 0
            compare(rms.height, 0)
        }

        function test_theTBarReportsMovesAndTheRelease() {
            const tbar = createTemporaryObject(tbarComponent, root)
            const moved = createTemporaryObject(signalSpyComponent, root, { target: tbar, signalName: "moved" })
            const released = createTemporaryObject(signalSpyComponent, root, { target: tbar, signalName: "released" })
            const slider = findChild(tbar, "tbarSlider")
            // A press on the groove takes the bar there (as a hand slapping it does); the release follows.
            verify(slider.height >= 40, "the bar is big enough to grab")
            mouseClick(slider, slider.width * 0.7, slider.height / 2)
            verify(moved.count > 0)
            const last = moved.signalArguments[moved.count - 1][0]
            verify(last > 0.5, "the bar moved past half way: " + last)
            compare(released.count, 1)
        }

        function test_theConfirmationDefaultsToNo() {
            const dialog = createTemporaryObject(dialogComponent, root)
            const confirmed = createTemporaryObject(signalSpyComponent, root, { target: dialog, signalName: "confirmed" })
            const cancelled = createTemporaryObject(signalSpyComponent, root, { target: dialog, signalName: "cancelled" })
            dialog.open()
            tryVerify(() => dialog.opened)
            const cancel = findChild(dialog.contentItem, "cancelButton")
            tryVerify(() => cancel.activeFocus, 5000, "Cancel has the keyboard")
            keyClick(Qt.Key_Space)
            tryVerify(() => !dialog.visible)
            compare(confirmed.count, 0)
            compare(cancelled.count, 1)
            dialog.open()
            tryVerify(() => dialog.opened)
            mouseClick(findChild(dialog.contentItem, "confirmButton"))
            compare(confirmed.count, 1)
        }

        function test_theProgramMonitorSaysOnAirOnlyWhenLive() {
            const monitor = createTemporaryObject(monitorComponent, root)
            const tally = findChild(monitor, "onAirTally")
            const recording = findChild(monitor, "recordingIndicator")
            verify(!tally.visible)
            verify(!recording.visible)
            compare(findChild(monitor, "monitorLabel").text, "节目 / PROGRAM  ·  开场")
            monitor.onAir = true
            monitor.recording = true
            monitor.recordingTime = "00:01:05"
            verify(tally.visible)
            verify(recording.visible)
        }

        function test_theOnAirTallyNeverCoversTheLabel() {
            const monitor = createTemporaryObject(monitorComponent, root, { onAir: true })
            const tally = findChild(monitor, "onAirTally")
            const label = findChild(monitor, "monitorLabel").parent
            verify(tally.y < label.y + label.height, "wide enough: beside the label")
            verify(tally.x > label.x + label.width)
            monitor.width = 360
            monitor.sceneName = "灶台俯拍 · 食材介绍"
            verify(tally.y >= label.y + label.height, "narrow: under the label, never over it")
        }
    }

    Component {
        id: signalSpyComponent
        SignalSpy {}
    }
}
