#!/usr/bin/env python3
"""Generates the shows' graphics under assets/ (backgrounds, lower-third bars, card panels, marks).

Run from anywhere:  python3 assets/tools/make_assets.py [program ...]
Text is never baked in: titles, names and steps are text sources in the show files, so they can be edited
and translated. Only decorative marks are drawn here. Output is deterministic, so re-running it only
changes files whose design changed.
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pngcanvas import Canvas, hex_color, mix  # noqa: E402

ASSETS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
W, H = 1280, 720

# One colour theme per programme: (dark, main, accent, light)
THEMES = {
    "cooking": ("#3B1F14", "#C8442B", "#F2A93B", "#FFF4E0"),   # tomato, saffron, rice-paper cream
    "first-aid": ("#14213D", "#D62828", "#1B998B", "#F7F9FB"),  # navy, rescue red, medical green, white
    "sitcom": ("#2A1846", "#5B3A8C", "#FFC93C", "#FFF8E6"),     # plum, purple, sunny yellow
    "stage": ("#1A0B16", "#8E0E1A", "#E5B443", "#FFF3D6"),      # night, curtain crimson, gold
}


def out(program, name):
    folder = os.path.join(ASSETS, program)
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, name)


def theme(program):
    return [hex_color(c) for c in THEMES[program]]


# --- shared building blocks ----------------------------------------------------------------------------

def lower_third(program, path):
    """A bar for a name and a subtitle: an accent block at the left, a translucent body, a thin rule."""
    dark, main, accent, light = theme(program)
    c = Canvas(900, 130)
    c.rounded_rect(0, 10, 900, 110, 16, lambda x, y: mix((*main[:3], 0.94), (*dark[:3], 0.90), x / 900))
    c.rounded_rect(0, 10, 22, 110, 8, accent)
    c.rounded_rect(34, 74, 260, 4, 2, (*accent[:3], 0.85))
    c.save(path)


def card_panel(program, path, width=460, height=560):
    """A panel for lists (ingredients, steps, cast): dark translucent body with a header band."""
    dark, main, accent, light = theme(program)
    c = Canvas(width, height)
    c.rounded_rect(0, 0, width, height, 22, (*dark[:3], 0.86))
    c.rounded_rect(0, 0, width, 96, 22, main)
    c.rounded_rect(0, 60, width, 36, 0, main)  # squares off the header's lower corners
    c.rounded_rect(28, 110, width - 56, 4, 2, (*accent[:3], 0.9))
    c.ring(width - 48, 48, 18, 5, (*accent[:3], 1.0))
    c.save(path)


def wide_band(program, path, width=1280, height=96):
    """A full-width strip for the bottom of title cards and rhythm/step banners."""
    dark, main, accent, light = theme(program)
    c = Canvas(width, height)
    c.rounded_rect(0, 0, width, height, 0, lambda x, y: mix((*dark[:3], 0.88), (*main[:3], 0.88), x / width))
    c.rounded_rect(0, 0, width, 6, 0, accent)
    c.save(path)


def frame(program, path, width=448, height=260, border=8):
    """A picture-in-picture frame: a rounded border with a transparent middle."""
    dark, main, accent, light = theme(program)
    c = Canvas(width, height)
    hw, hh, r = width / 2.0, height / 2.0, 18
    cx, cy = hw, hh

    def sdf(px, py):
        qx = abs(px - cx) - hw + r
        qy = abs(py - cy) - hh + r
        d = math.hypot(max(qx, 0.0), max(qy, 0.0)) + min(max(qx, qy), 0.0) - r
        return abs(d + border / 2.0) - border / 2.0

    c.shade(sdf, accent)
    c.save(path)


# --- per programme ---------------------------------------------------------------------------------------

def cooking():
    dark, main, accent, light = theme("cooking")
    # Title background: warm diagonal gradient, a large "plate" of rings at the right, a dotted tablecloth edge.
    bg = Canvas(W, H)
    bg.linear_gradient([(0.0, hex_color("#E0583A")), (0.55, main), (1.0, hex_color("#7A2416"))], 30)
    bg.radial_glow(300, 260, 520, (*accent[:3], 1.0), 0.35)
    for r, a in ((330, 0.10), (270, 0.14), (200, 0.10)):
        bg.ring(1010, 380, r, 26, (*light[:3], a))
    bg.circle(1010, 380, 150, (*light[:3], 0.08))
    for x in range(20, W, 40):
        bg.circle(x, 690, 6, (*light[:3], 0.35))
    bg.save(out("cooking", "bg-title.png"), alpha=False)

    # A calmer background for the Q&A scene's right-hand side and the end card.
    bg2 = Canvas(W, H)
    bg2.vertical_gradient([(0.0, hex_color("#4A2619")), (1.0, dark)])
    for x in range(20, W, 40):
        bg2.circle(x, 30, 5, (*accent[:3], 0.30))
        bg2.circle(x, 690, 5, (*accent[:3], 0.30))
    bg2.save(out("cooking", "bg-plain.png"), alpha=False)

    # Mark: a bowl with three wisps of steam.
    m = Canvas(200, 200)
    m.circle(100, 100, 96, light)
    m.ring(100, 100, 88, 4, (*accent[:3], 1.0))
    m.polygon([(42, 104), (158, 104)] + [(100 + 58 * math.cos(math.radians(a)), 104 + 52 * math.sin(math.radians(a)))
                                          for a in range(0, 181, 10)], main)
    m.rounded_rect(36, 98, 128, 10, 5, dark)
    for i, x in enumerate((72, 100, 128)):
        pts = [(x + 7 * math.sin(t / 4.0 + i), 86 - t * 2.0) for t in range(0, 22)]
        m.line(pts, 6, accent)
    m.save(out("cooking", "logo.png"))

    lower_third("cooking", out("cooking", "lower-third.png"))
    card_panel("cooking", out("cooking", "card.png"))
    wide_band("cooking", out("cooking", "step-band.png"), 1280, 110)


def first_aid():
    dark, main, accent, light = theme("first-aid")
    bg = Canvas(W, H)
    bg.vertical_gradient([(0.0, hex_color("#1E3160")), (1.0, dark)])
    bg.radial_glow(980, 330, 560, (*accent[:3], 1.0), 0.22)
    # A faint electrocardiogram trace across the card.
    pts = []
    for x in range(0, W + 1, 8):
        phase = x % 320
        y = 520.0
        if 120 <= phase < 136:
            y -= (phase - 120) * 6
        elif 136 <= phase < 160:
            y = 424 + (phase - 136) * 10
        elif 160 <= phase < 176:
            y = 664 - (phase - 160) * 9
        pts.append((x, y))
    bg.line(pts, 5, (*main[:3], 0.45))
    bg.rounded_rect(0, 0, 18, H, 0, main)
    bg.save(out("first-aid", "bg-title.png"), alpha=False)

    # Mark: a white cross on a red disc, with a green ring.
    m = Canvas(200, 200)
    m.circle(100, 100, 96, light)
    m.circle(100, 100, 84, main)
    m.rounded_rect(82, 46, 36, 108, 6, light)
    m.rounded_rect(46, 82, 108, 36, 6, light)
    m.ring(100, 100, 90, 6, accent)
    m.save(out("first-aid", "logo.png"))

    # The CPR rhythm panel: a heart and a pulse line on the left, room for the text on the right.
    p = Canvas(760, 200)
    p.rounded_rect(0, 0, 760, 200, 24, (*dark[:3], 0.90))
    p.rounded_rect(0, 0, 14, 200, 6, main)
    heart = []
    for i in range(0, 360, 6):
        t = math.radians(i)
        hx = 16 * math.sin(t) ** 3
        hy = -(13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t))
        heart.append((100 + hx * 3.6, 98 + hy * 3.6))
    p.polygon(heart, main)
    p.line([(40, 168), (84, 168), (96, 146), (110, 190), (122, 160), (160, 168)], 4, (*accent[:3], 1.0))
    p.save(out("first-aid", "cpr-panel.png"))

    lower_third("first-aid", out("first-aid", "lower-third.png"))
    card_panel("first-aid", out("first-aid", "card.png"), 460, 600)


def sitcom():
    dark, main, accent, light = theme("sitcom")
    # Title background: sunburst rays from the centre, like the title of a television comedy.
    bg = Canvas(W, H)
    bg.vertical_gradient([(0.0, main), (1.0, dark)])
    cx, cy = W / 2.0, H * 0.46
    rays = 18
    for i in range(rays):
        a0 = (i / rays) * 2 * math.pi
        a1 = a0 + math.pi / rays
        far = 1600
        bg.polygon([(cx, cy), (cx + far * math.cos(a0), cy + far * math.sin(a0)),
                    (cx + far * math.cos(a1), cy + far * math.sin(a1))], (*accent[:3], 0.07))
    bg.radial_glow(cx, cy, 520, (*light[:3], 1.0), 0.16)
    bg.save(out("sitcom", "bg-title.png"), alpha=False)

    # Mark for the "三个6" drama club: three linked rings, each with a tail, reading as three sixes.
    m = Canvas(240, 120)
    for i, x in enumerate((48, 120, 192)):
        colour = (accent, light, hex_color("#FF6F59"))[i]
        m.ring(x, 74, 26, 10, colour)
        m.ring(x + 22, 62, 48, 10, colour, 200, 262)
    m.save(out("sitcom", "logo.png"))

    lower_third("sitcom", out("sitcom", "lower-third.png"))
    card_panel("sitcom", out("sitcom", "cast-card.png"), 560, 600)
    frame("sitcom", out("sitcom", "pip-frame.png"), 448, 260, 8)


def stage():
    dark, main, accent, light = theme("stage")
    # Curtains: vertical folds (shading varies per column only, so the PNG stays small), a gold valance.
    bg = Canvas(W, H)
    for x in range(W):
        fold = 0.5 + 0.5 * math.sin(x / 1280.0 * 2 * math.pi * 11)
        edge = min(1.0, abs(x - W / 2.0) / (W / 2.0) * 1.4)
        col = mix(dark, main, 0.25 + 0.65 * fold * edge)
        for y in range(H):
            bg.px[y * W + x] = [col[0], col[1], col[2], 1.0]
    bg.rounded_rect(0, 0, W, 64, 0, lambda x, y: mix(hex_color("#B8862B"), accent, 0.5 + 0.5 * math.sin(x / 24.0)))
    for x in range(0, W, 64):
        bg.circle(x + 32, 64, 22, accent)
    bg.save(out("stage", "bg-title.png"), alpha=False)

    # Intermission: a dark stage with a single spotlight pool.
    bg2 = Canvas(W, H)
    bg2.vertical_gradient([(0.0, dark), (1.0, hex_color("#2B1020"))])
    bg2.polygon([(560, 0), (720, 0), (980, 640), (300, 640)], (*light[:3], 0.06))
    bg2.radial_glow(640, 600, 380, (*accent[:3], 1.0), 0.30)
    bg2.save(out("stage", "bg-intermission.png"), alpha=False)

    # Mark: a five-pointed gold star in a ring.
    m = Canvas(200, 200)
    m.circle(100, 100, 96, (*dark[:3], 0.92))
    m.ring(100, 100, 88, 6, accent)
    star = []
    for i in range(10):
        r = 66 if i % 2 == 0 else 27
        a = math.radians(-90 + i * 36)
        star.append((100 + r * math.cos(a), 104 + r * math.sin(a)))
    m.polygon(star, accent)
    m.save(out("stage", "logo.png"))

    lower_third("stage", out("stage", "lower-third.png"))
    card_panel("stage", out("stage", "programme-card.png"), 820, 560)


def common():
    # The station's own corner mark (小站): a small mast sending out waves, shared by every show.
    m = Canvas(120, 120)
    m.circle(60, 60, 56, (255, 255, 255, 0.88))
    m.polygon([(60, 38), (74, 92), (46, 92)], hex_color("#2B5C8A"))
    m.circle(60, 36, 8, hex_color("#E94F37"))
    for r in (18, 28):
        m.ring(60, 36, r, 4, hex_color("#2B5C8A"), 200, 340)
    m.save(os.path.join(ASSETS, "common", "station-mark.png"))

    # A red "live" pill; the word itself is a text source on top of it.
    p = Canvas(150, 52)
    p.rounded_rect(0, 0, 150, 52, 26, hex_color("#E53935"))
    p.circle(28, 26, 8, (255, 255, 255, 1.0))
    p.save(os.path.join(ASSETS, "common", "live-pill.png"))


PROGRAMS = {"cooking": cooking, "first-aid": first_aid, "sitcom": sitcom, "stage": stage, "common": common}

if __name__ == "__main__":
    os.makedirs(os.path.join(ASSETS, "common"), exist_ok=True)
    for name in sys.argv[1:] or PROGRAMS:
        print("generating", name)
        PROGRAMS[name]()
