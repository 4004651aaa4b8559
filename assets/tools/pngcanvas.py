"""A tiny anti-aliased raster canvas that writes PNG with the standard library only (zlib + struct).

Shapes are drawn from signed distance functions: a pixel's coverage is how far inside the edge its centre
lies, clamped to one pixel, which gives smooth edges without supersampling.
"""
import math
import struct
import zlib


def hex_color(text, alpha=1.0):
    text = text.lstrip("#")
    return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16), alpha)


def mix(c1, c2, t):
    t = max(0.0, min(1.0, t))
    return tuple(a + (b - a) * t for a, b in zip(c1, c2))


class Canvas:
    def __init__(self, width, height, background=(0, 0, 0, 0.0)):
        self.w = width
        self.h = height
        r, g, b, a = background
        self.px = [[float(r), float(g), float(b), float(a)] for _ in range(width * height)]

    # --- compositing -------------------------------------------------------------------------------
    def blend(self, x, y, color, coverage=1.0):
        r, g, b, a = color
        a *= coverage
        if a <= 0.0:
            return
        p = self.px[y * self.w + x]
        da = p[3]
        out_a = a + da * (1.0 - a)
        if out_a <= 0.0:
            return
        k = da * (1.0 - a)
        p[0] = (r * a + p[0] * k) / out_a
        p[1] = (g * a + p[1] * k) / out_a
        p[2] = (b * a + p[2] * k) / out_a
        p[3] = out_a

    def shade(self, sdf, paint, bbox=None, soft=1.0):
        """Fills where sdf(x, y) < 0; paint is an RGBA tuple or a function (x, y) -> RGBA."""
        x0, y0, x1, y1 = bbox if bbox else (0, 0, self.w, self.h)
        x0, y0 = max(0, int(x0) - 2), max(0, int(y0) - 2)
        x1, y1 = min(self.w, int(math.ceil(x1)) + 2), min(self.h, int(math.ceil(y1)) + 2)
        fixed = not callable(paint)
        for y in range(y0, y1):
            cy = y + 0.5
            for x in range(x0, x1):
                cx = x + 0.5
                d = sdf(cx, cy)
                cov = 0.5 - d / soft
                if cov <= 0.0:
                    continue
                if cov > 1.0:
                    cov = 1.0
                self.blend(x, y, paint if fixed else paint(cx, cy), cov)

    # --- fills -------------------------------------------------------------------------------------
    def vertical_gradient(self, stops):
        """stops: [(t, rgba), ...] with t from 0 (top) to 1 (bottom); replaces the pixels."""
        for y in range(self.h):
            t = y / max(1, self.h - 1)
            c = gradient_at(stops, t)
            for x in range(self.w):
                self.px[y * self.w + x] = list(c)

    def linear_gradient(self, stops, angle_deg):
        """Gradient along a direction (0 = left to right, 90 = top to bottom); replaces the pixels."""
        ax, ay = math.cos(math.radians(angle_deg)), math.sin(math.radians(angle_deg))
        corners = [x * ax + y * ay for x in (0, self.w) for y in (0, self.h)]
        lo, hi = min(corners), max(corners)
        for y in range(self.h):
            for x in range(self.w):
                t = ((x + 0.5) * ax + (y + 0.5) * ay - lo) / (hi - lo)
                self.px[y * self.w + x] = list(gradient_at(stops, t))

    def radial_glow(self, cx, cy, radius, color, strength=1.0):
        """Adds a soft light: alpha falls off smoothly from the centre to the radius."""
        r2 = radius * radius
        for y in range(max(0, int(cy - radius)), min(self.h, int(cy + radius) + 1)):
            for x in range(max(0, int(cx - radius)), min(self.w, int(cx + radius) + 1)):
                d2 = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2
                if d2 >= r2:
                    continue
                t = 1.0 - math.sqrt(d2) / radius
                self.blend(x, y, color, strength * t * t * (3 - 2 * t))

    # --- shapes ------------------------------------------------------------------------------------
    def rounded_rect(self, x, y, w, h, radius, paint):
        hw, hh = w / 2.0, h / 2.0
        cx, cy = x + hw, y + hh
        r = min(radius, hw, hh)

        def sdf(px, py):
            qx = abs(px - cx) - hw + r
            qy = abs(py - cy) - hh + r
            outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
            return outside + min(max(qx, qy), 0.0) - r

        self.shade(sdf, paint, (x, y, x + w, y + h))

    def circle(self, cx, cy, radius, paint):
        self.shade(lambda px, py: math.hypot(px - cx, py - cy) - radius, paint,
                   (cx - radius, cy - radius, cx + radius, cy + radius))

    def ring(self, cx, cy, radius, thickness, paint, start_deg=None, end_deg=None):
        """A circle outline; with start/end (degrees, clockwise from 3 o'clock) an arc with round caps."""
        half = thickness / 2.0
        if start_deg is None:
            sdf = lambda px, py: abs(math.hypot(px - cx, py - cy) - radius) - half
        else:
            a0, a1 = math.radians(start_deg), math.radians(end_deg)
            caps = [(cx + radius * math.cos(a), cy + radius * math.sin(a)) for a in (a0, a1)]

            def sdf(px, py):
                ang = math.atan2(py - cy, px - cx)
                rel = (ang - a0) % (2 * math.pi)
                if rel <= (a1 - a0) % (2 * math.pi) or (a1 - a0) >= 2 * math.pi:
                    return abs(math.hypot(px - cx, py - cy) - radius) - half
                return min(math.hypot(px - qx, py - qy) for qx, qy in caps) - half

        m = radius + half
        self.shade(sdf, paint, (cx - m, cy - m, cx + m, cy + m))

    def line(self, points, thickness, paint):
        """A polyline with round joins and caps."""
        half = thickness / 2.0
        segs = list(zip(points, points[1:]))

        def sdf(px, py):
            best = 1e9
            for (ax, ay), (bx, by) in segs:
                vx, vy = bx - ax, by - ay
                wx, wy = px - ax, py - ay
                L = vx * vx + vy * vy
                t = 0.0 if L == 0 else max(0.0, min(1.0, (wx * vx + wy * vy) / L))
                best = min(best, math.hypot(wx - t * vx, wy - t * vy))
            return best - half

        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        self.shade(sdf, paint, (min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half))

    def polygon(self, points, paint):
        n = len(points)

        def sdf(px, py):
            inside = False
            best = 1e9
            for i in range(n):
                ax, ay = points[i]
                bx, by = points[(i + 1) % n]
                if (ay > py) != (by > py) and px < (bx - ax) * (py - ay) / (by - ay) + ax:
                    inside = not inside
                vx, vy = bx - ax, by - ay
                wx, wy = px - ax, py - ay
                L = vx * vx + vy * vy
                t = 0.0 if L == 0 else max(0.0, min(1.0, (wx * vx + wy * vy) / L))
                best = min(best, math.hypot(wx - t * vx, wy - t * vy))
            return -best if inside else best

        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        self.shade(sdf, paint, (min(xs), min(ys), max(xs), max(ys)))

    # --- output ------------------------------------------------------------------------------------
    def save(self, path, alpha=True):
        channels = 4 if alpha else 3
        rows = []
        for y in range(self.h):
            row = bytearray()
            for x in range(self.w):
                p = self.px[y * self.w + x]
                # Ordered dithering would fight PNG compression; plain rounding keeps files small.
                row += bytes(max(0, min(255, int(round(v)))) for v in p[:3])
                if alpha:
                    row.append(max(0, min(255, int(round(p[3] * 255)))))
            rows.append(bytes(row))
        raw = _filter_rows(rows, channels)
        color_type = 6 if alpha else 2
        header = struct.pack(">IIBBBBB", self.w, self.h, 8, color_type, 0, 0, 0)
        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n")
            f.write(_chunk(b"IHDR", header))
            f.write(_chunk(b"IDAT", zlib.compress(raw, 9)))
            f.write(_chunk(b"IEND", b""))


def gradient_at(stops, t):
    t = max(0.0, min(1.0, t))
    for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
        if t <= t1:
            return mix(c0, c1, 0.0 if t1 == t0 else (t - t0) / (t1 - t0))
    return stops[-1][1]


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _filter_rows(rows, bpp):
    """Per row, the PNG filter (None, Sub or Up) with the smallest sum of absolute values."""
    out = bytearray()
    prev = bytes(len(rows[0]))
    for row in rows:
        sub = bytes((row[i] - (row[i - bpp] if i >= bpp else 0)) & 0xFF for i in range(len(row)))
        up = bytes((a - b) & 0xFF for a, b in zip(row, prev))
        best = min(((0, row), (1, sub), (2, up)), key=lambda c: sum(v if v < 128 else 256 - v for v in c[1]))
        out.append(best[0])
        out += best[1]
        prev = row
    return bytes(out)
