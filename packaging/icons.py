"""The installers' icons, made at build time from the app's own ``resources/icons/lesesaal.svg``.

    write_icons(folder) -> Icons: lesesaal.ico (Windows), lesesaal.icns (macOS) and hicolor/NxN/apps/lesesaal.png
                                   (Linux, the freedesktop icon-theme layout), all in ``folder``

Both containers hold PNG images: an .ico is a 6-byte header, one 16-byte entry per image and the PNGs (Windows
Vista and later read PNG entries); an .icns is the ``icns`` magic with the file's length, then per image a
four-letter type naming its size and the length of type, length and PNG together (all big-endian).
Qt draws the images (``desktop.app_icon``, the same drawing the window uses), so this module needs PySide6.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types holding PNG data, with the pixel size of each (the @2x types repeat a size).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("ic11", 32), ("icp6", 64), ("ic12", 64), ("ic07", 128),
              ("ic08", 256), ("ic13", 256), ("ic09", 512), ("ic14", 512), ("ic10", 1024))
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
NAME = "lesesaal"


@dataclass(frozen=True)
class Icons:
    ico: Path
    icns: Path
    hicolor: Path  # a folder: NxN/apps/lesesaal.png for each of PNG_SIZES


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """An .ico file holding each PNG (size in pixels -> PNG data; 256 is written as 0, as the format wants)."""
    sizes = sorted(pngs)
    if not sizes or sizes[0] < 1 or sizes[-1] > 256:
        raise ValueError(f"an .ico holds images of 1 to 256 pixels, not {sizes}")
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = [], []
    for size in sizes:
        data = pngs[size]
        entries.append(struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset))
        images.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(images)


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """An .icns file with one element per type of ICNS_TYPES whose size ``pngs`` holds."""
    elements = [kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                for kind, size in ICNS_TYPES if size in pngs]
    if not elements:
        raise ValueError(f"an .icns needs an image of one of the sizes {sorted({s for _k, s in ICNS_TYPES})}")
    body = b"".join(elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(folder: Path) -> Icons:
    """Draws the icon at every size the three platforms want and writes their files into ``folder``."""
    pngs = _drawn_pngs(sorted({*ICO_SIZES, *PNG_SIZES, *(size for _kind, size in ICNS_TYPES)}))
    folder.mkdir(parents=True, exist_ok=True)
    icons = Icons(folder / f"{NAME}.ico", folder / f"{NAME}.icns", folder / "hicolor")
    icons.ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icons.icns.write_bytes(icns_bytes(pngs))
    for size in PNG_SIZES:
        target = icons.hicolor / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    return icons


def _drawn_pngs(sizes: list[int]) -> dict[int, bytes]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build machine may have no display
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication

    from desktop.app_icon import icon_images

    _app = QGuiApplication.instance() or QGuiApplication(["lesesaal-icons"])
    pngs = {}
    for size, image in icon_images(tuple(sizes)).items():
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise RuntimeError(f"Qt could not write the {size} px icon as PNG")
        buffer.close()
        pngs[size] = bytes(data.data())
    return pngs
