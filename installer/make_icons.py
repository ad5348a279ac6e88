"""Render resources/icons/app.svg into the PNG sizes and the Windows .ico the installers use.

    python installer/make_icons.py      # (re)write resources/icons/app.ico and app-<N>.png

The PNGs go to the Linux hicolor theme (.deb) and app.ico to the Windows executable, setup and shortcuts.
Rendering uses Qt's SVG renderer offscreen (no display needed). Each .ico frame is drawn from the vector at
its own size; sizes below 256 are stored as classic 32-bit BMP frames (every Windows shell, resource
compiler and Inno Setup reads them), 256 as PNG (the Vista+ convention). The output is committed, so this
script is only needed when the icon changes; the output is byte-for-byte reproducible with the same Qt.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "app.svg"
ICO = ICONS / "app.ico"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"app-{size}.png"


def outputs() -> list[Path]:
    return [ICO, *(png_path(s) for s in PNG_SIZES)]


_APP = None  # the QGuiApplication the renderer needs, kept alive between sizes


def render(size: int):
    """The SVG drawn into a transparent size×size QImage (ARGB32, not premultiplied)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    global _APP
    _APP = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot render {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def bmp_frame(image) -> bytes:
    """An ICO frame as a DIB: BITMAPINFOHEADER (double height), BGRA rows bottom-up, then the AND mask."""
    size, stride = image.width(), image.bytesPerLine()
    bits = bytes(image.constBits())
    # DIB rows go bottom-up; ARGB32 in memory (little-endian) is B, G, R, A — the DIB's own order.
    rows = [bits[y * stride: y * stride + size * 4] for y in reversed(range(size))]
    mask_stride = ((size + 31) // 32) * 4
    mask = bytes(mask_stride * size)  # all 0: the alpha channel decides transparency
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, size * size * 4 + len(mask), 0, 0, 0, 0)
    return header + b"".join(rows) + mask


def ico_bytes(frames: dict[int, bytes]) -> bytes:
    """ICONDIR + ICONDIRENTRYs + the frames, smallest first."""
    sizes = sorted(frames)
    out = [struct.pack("<HHH", 0, 1, len(sizes))]
    offset = 6 + 16 * len(sizes)
    for size in sizes:
        dim = 0 if size >= 256 else size  # 0 means 256
        out.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(frames[size]), offset))
        offset += len(frames[size])
    out.extend(frames[s] for s in sizes)
    return b"".join(out)


def write_icons() -> list[Path]:
    images = {size: render(size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        png_path(size).write_bytes(png_bytes(images[size]))
    frames = {s: png_bytes(images[s]) if s >= 256 else bmp_frame(images[s]) for s in ICO_SIZES}
    ICO.write_bytes(ico_bytes(frames))
    return outputs()


def main() -> int:
    for path in write_icons():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
