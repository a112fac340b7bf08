"""The installers' icons: the .ico and .icns that packaging/icons.py writes parse back, with PNGs of each size."""

from __future__ import annotations

import configparser
import os
import struct
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the qapp fixture's application needs no display
pytest.importorskip("PySide6")

from PySide6.QtGui import QImageReader  # noqa: E402

from tests.packaging.modules import PACKAGING, packaging_module  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
icons = packaging_module("icons")


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (which must come first)."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Any:
    return icons.write_icons(tmp_path_factory.mktemp("icons"))


def test_the_ico_has_a_png_of_each_size_where_its_directory_says(written: Any) -> None:
    data = written.ico.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    sizes, end = [], 6 + 16 * count
    for n in range(count):
        width, height, colours, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * n:22 + 16 * n])
        size = width or 256  # 0 stands for 256
        assert (height or 256, colours, planes, bits) == (size, 0, 1, 32)
        assert offset == end  # the images follow the directory, one after the other
        assert _png_size(data[offset:offset + length]) == (size, size)
        sizes.append(size)
        end = offset + length
    assert end == len(data) and sizes == list(icons.ICO_SIZES)


def test_the_icns_has_one_png_element_per_type_with_that_types_size(written: Any) -> None:
    data = written.icns.read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, at = [], 8
    while at < len(data):
        kind, length = data[at:at + 4].decode("ascii"), struct.unpack(">I", data[at + 4:at + 8])[0]
        found.append((kind, _png_size(data[at + 8:at + length])[0]))
        at += length
    assert at == len(data)
    assert found == list(icons.ICNS_TYPES)
    assert ("icp4", 16) in found and ("ic10", 1024) in found


@pytest.mark.parametrize("name", ["ico", "icns"])
def test_qt_reads_every_image_of_the_written_containers(written: Any, name: str) -> None:
    reader = QImageReader(str(getattr(written, name)))
    sizes = []
    for n in range(reader.imageCount()):
        assert reader.jumpToImage(n)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.pixelColor(image.width() // 2, image.height() // 2).alpha() == 255  # the drawn tile
        sizes.append(image.width())
    expected = icons.ICO_SIZES if name == "ico" else tuple(size for _kind, size in icons.ICNS_TYPES)
    assert tuple(sizes) == expected


def test_the_linux_desktop_file_names_the_icon_the_pngs_are_installed_as(written: Any) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "lesesaal.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].split()[0] == "lesesaal-gui" and desktop["Type"] == "Application"
    for size in icons.PNG_SIZES:
        png = written.hicolor / f"{size}x{size}" / "apps" / f"{desktop['Icon']}.png"
        assert _png_size(png.read_bytes()) == (size, size)


def test_an_ico_cannot_hold_images_larger_than_256_pixels() -> None:
    with pytest.raises(ValueError, match="1 to 256"):
        icons.ico_bytes({512: PNG_SIGNATURE})
