#!/usr/bin/env python3
"""Writes eng/icon.png, the packages' icon: two overlapping rings, the two sides of a negotiation, on a blue tile.

    python3 eng/make-icon.py

Standard library only; the output is byte for byte the same on every run, so the committed PNG can be regenerated
and compared.
"""
import math
import struct
import zlib
from pathlib import Path

SIZE = 128
SAMPLES = 4  # per axis, for anti-aliased edges
BACKGROUND = (0x1F, 0x4E, 0x8C)
LEFT = (0xFF, 0xFF, 0xFF)
RIGHT = (0xF2, 0xB1, 0x34)
CORNER = 22  # radius of the tile's rounded corners
RING_RADIUS = 30
RING_WIDTH = 10
LEFT_CENTRE = (46, 64)
RIGHT_CENTRE = (82, 64)


def inside_tile(x, y):
    cx = min(max(x, CORNER), SIZE - CORNER)
    cy = min(max(y, CORNER), SIZE - CORNER)
    return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2


def on_ring(x, y, centre):
    distance = math.hypot(x - centre[0], y - centre[1])
    return abs(distance - RING_RADIUS) <= RING_WIDTH / 2


def colour_at(x, y):
    """The colour of one sample point, or None outside the tile (transparent)."""
    if not inside_tile(x, y):
        return None
    left, right = on_ring(x, y, LEFT_CENTRE), on_ring(x, y, RIGHT_CENTRE)
    # Interlocked: the white ring is on top in the upper half, the amber one in the lower half.
    if left and right:
        return LEFT if y < SIZE / 2 else RIGHT
    if left:
        return LEFT
    if right:
        return RIGHT
    return BACKGROUND


def pixel(px, py):
    red = green = blue = covered = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            colour = colour_at(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)
            if colour is not None:
                red, green, blue, covered = red + colour[0], green + colour[1], blue + colour[2], covered + 1
    if covered == 0:
        return (0, 0, 0, 0)
    return (round(red / covered), round(green / covered), round(blue / covered), round(255 * covered / SAMPLES ** 2))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png():
    rows = b"".join(b"\x00" + bytes(channel for px in range(SIZE) for channel in pixel(px, py)) for py in range(SIZE))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    target = Path(__file__).with_name("icon.png")
    target.write_bytes(png())
    print(f"{target}: {SIZE}x{SIZE} RGBA")
