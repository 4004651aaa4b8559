// The first run (or no show open): the station's programmes as big buttons with their Chinese titles.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Xiaozhan.Theme
import Xiaozhan.Controls
import Xiaozhan.App

Item {
    id: picker

    ColumnLayout {
        anchors.centerIn: parent
        spacing: 2 * Theme.padding
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("今天录制或直播哪个节目？")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            visible: Session.startProblem.length > 0
            text: Session.startProblem
            color: Theme.danger
            wrapMode: Text.WordWrap
            Layout.maximumWidth: 900
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
        }
        GridLayout {
            Layout.alignment: Qt.AlignHCenter
            columns: 2
            columnSpacing: 2 * Theme.padding
            rowSpacing: 2 * Theme.padding
            Repeater {
                model: Session.shows
                BigButton {
                    required property string showId
                    required property string title
                    required property string titleEn
                    required property string problem
                    objectName: "show_" + showId
                    implicitWidth: 380
                    implicitHeight: 120
                    text: "《" + title + "》"
                    hint: problem.length > 0 ? problem : titleEn
                    font.pixelSize: Theme.fontHuge
                    enabled: problem.length === 0
                    onClicked: Session.openShow(showId)
                }
            }
        }
    }
}
