// Colours, sizes and fonts of the whole surface. Large, high-contrast and calm: the operators are volunteers,
// many of them retirees, working in a dim room; red means "on air" and nothing else.
pragma Singleton
import QtQuick

QtObject {
    // Type: one CJK family everywhere (bundled by ./dev), big enough to read from a metre away.
    readonly property string fontFamily: "Noto Sans CJK SC"
    readonly property int fontSmall: 16
    readonly property int fontNormal: 19
    readonly property int fontLarge: 24
    readonly property int fontHuge: 34

    // Spacing and hit targets: every button is at least this tall.
    readonly property int spacing: 8
    readonly property int padding: 12
    readonly property int buttonHeight: 52
    readonly property int radius: 6

    readonly property color window: "#15191e"
    readonly property color panel: "#1f252c"
    readonly property color panelRaised: "#2a323b"
    readonly property color border: "#3b4550"
    readonly property color text: "#f2f4f6"
    readonly property color textDim: "#a9b3bd"

    // Tally: what the broadcast world uses, and nothing else may look like it.
    readonly property color onAir: "#e0302b"
    readonly property color preview: "#2fb35a"
    readonly property color recording: "#e0302b"
    readonly property color warning: "#f0a020"
    readonly property color ok: "#2fb35a"
    readonly property color danger: "#e0302b"
    readonly property color accent: "#3d8bfd"

    // Meters: green to -18 dBFS, amber to -6, red above (and when clipping).
    readonly property color meterLow: "#2fb35a"
    readonly property color meterMid: "#e6c229"
    readonly property color meterHigh: "#e0302b"
    readonly property color meterBack: "#0d1013"

    // The host's screen, read from 3 m: white on black, the countdown amber at warning and red from danger
    // on; digits from the CJK family's monospaced face so a countdown does not jitter.
    readonly property string monoFamily: "Noto Sans Mono CJK SC"
    readonly property color hostBackground: "#000000"
    readonly property color hostText: "#ffffff"
    readonly property color hostDim: "#b4bec8"
    readonly property color hostMessage: "#ffd60a"
    readonly property color hostMessageText: "#000000"
}
