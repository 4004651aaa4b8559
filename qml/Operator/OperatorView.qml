// The operator's window during a live show: preview and program side by side with the take controls between
// them, the scene bar, then the mixer, the outputs and the text items; with a rundown, its panel as a
// right-hand column (foldable to a strip). Everything big; nothing on air changes by accident.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.Operator
import Xiaozhan.Host

Item {
    id: view

    required property OperatorModel model
    // The show's rundown, or null: then the view is as wide as before.
    property RundownController rundown: null
    // Less room for the monitors while the rundown's column is open.
    readonly property bool narrow: rundownColumn.item !== null && !rundownColumn.item.collapsed

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            AlertBanner {
                Layout.fillWidth: true
                model: view.model.alerts
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 250
                spacing: Theme.spacing

                MonitorView {
                    objectName: "previewMonitor"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 16
                    studio: view.model.studio
                    feed: FrameView.Preview
                    // A scene not on air is drawn only for this monitor: fewer, smaller pictures keep it cheap.
                    everyNthFrame: 4
                    feedSize: Qt.size(400, 225)
                    label: "预览 / PREVIEW"
                    sceneName: view.model.previewName
                    frameColour: Theme.preview
                }
                TransitionPanel {
                    Layout.fillHeight: true
                    Layout.preferredWidth: 190
                    model: view.model
                }
                MonitorView {
                    objectName: "programMonitor"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 16
                    studio: view.model.studio
                    feed: FrameView.Program
                    everyNthFrame: 2
                    feedSize: Qt.size(480, 270)
                    label: "节目 / PROGRAM"
                    sceneName: view.model.programName
                    frameColour: Theme.onAir
                    onAir: view.model.onAir
                    recording: view.model.recording
                    recordingTime: view.model.recordingTime
                }
            }

            SceneBar {
                Layout.fillWidth: true
                Layout.preferredHeight: 156
                Layout.maximumHeight: 156
                model: view.model
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.preferredHeight: 190
                Layout.maximumHeight: 190
                spacing: Theme.spacing
                MixerPanel {
                    Layout.fillHeight: true
                    Layout.preferredWidth: view.narrow ? 250 : 360
                    mixer: view.model.mixer
                }
                OutputsPanel {
                    Layout.fillHeight: true
                    Layout.preferredWidth: view.narrow ? 330 : 420
                    model: view.model
                }
                LowerThirdsPanel {
                    Layout.fillHeight: true
                    Layout.fillWidth: true
                    texts: view.model.lowerThirds
                }
            }

            StatusStrip {
                Layout.fillWidth: true
                model: view.model
            }
        }

        Loader {
            id: rundownColumn
            objectName: "rundownColumn"
            Layout.fillHeight: true
            Layout.preferredWidth: item ? (item.collapsed ? 48 : view.width >= 1700 ? 480 : 360) : 0
            visible: active
            active: view.rundown !== null
            sourceComponent: RundownPanel {
                controller: view.rundown
            }
        }
    }

    ConfirmDialog {
        id: confirmDialog
        objectName: "confirmDialog"
        parent: Overlay.overlay
        text: view.model.confirmationText
        confirmText: view.model.confirmLabel
        onConfirmed: view.model.confirm()
        onCancelled: view.model.cancel()
    }
    Connections {
        target: view.model
        function onConfirmationChanged() {
            if (view.model.confirmation.length > 0)
                confirmDialog.open()
            else if (confirmDialog.opened)
                confirmDialog.close()
        }
    }
}
