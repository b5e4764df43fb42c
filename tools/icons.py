#!/usr/bin/env python3
"""Draws the extension's icons (a page with a magnifying glass) as PNGs, with no third-party
packages: `python3 tools/icons.py extension/icons`. The PNGs are committed; rerun after edits."""
import math, struct, sys, zlib


def png(size, pixels):
    raw = b''.join(b'\x00' + bytes(c for px in row for c in px) for row in pixels)
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def draw(size):
    s = size / 128.0
    page, ink, lens, rim = (255, 255, 255), (60, 72, 88), (214, 236, 255), (31, 97, 181)
    out = []
    for y in range(size):
        row = []
        for x in range(size):
            # 4x supersampling for smooth edges at small sizes
            acc = [0, 0, 0, 0]
            for sy in range(4):
                for sx in range(4):
                    px, py = (x + (sx + .5) / 4) / s, (y + (sy + .5) / 4) / s
                    c = None
                    if 18 <= px <= 92 and 8 <= py <= 116:           # the page
                        c = page
                        if 20 <= px <= 90 and 10 <= py <= 114:
                            for ly in (30, 44, 58, 72, 86, 100):    # lines of text
                                if ly <= py <= ly + 6 and 30 <= px <= 80:
                                    c = ink
                        else:
                            c = ink
                    d = math.hypot(px - 78, py - 70)
                    if d <= 30:                                      # the lens
                        c = rim if d >= 23 else lens
                    # the handle, along the diagonal down-right
                    t = ((px - 96) + (py - 88)) / 2
                    if 0 <= t <= 26 and abs((px - 96) - (py - 88)) <= 12:
                        c = rim
                    if c:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = 16
            a = acc[3] // n
            row.append((acc[0] * 255 // max(1, acc[3]), acc[1] * 255 // max(1, acc[3]), acc[2] * 255 // max(1, acc[3]), a))
        out.append(row)
    return out


if __name__ == '__main__':
    folder = sys.argv[1] if len(sys.argv) > 1 else 'extension/icons'
    for size in (16, 32, 48, 128):
        with open(f'{folder}/icon-{size}.png', 'wb') as f:
            f.write(png(size, draw(size)))
