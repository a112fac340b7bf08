"""The app icon: drawn from resources/icons/lesesaal.svg at the small and large sizes, and on the window."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QColor, QImage  # noqa: E402

from desktop.app_icon import WINDOW_SIZES, app_icon, icon_images  # noqa: E402


def _colours(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]


@pytest.mark.parametrize("size", [16, 32, 256])
def test_the_icon_is_drawn_at_small_and_large_sizes(qapp: Any, size: int) -> None:
    image = icon_images((size,))[size]
    assert not image.isNull() and (image.width(), image.height()) == (size, size)
    assert image.pixelColor(0, 0).alpha() == 0  # the rounded tile leaves the corners clear
    middle = image.pixelColor(size // 2, size // 2)
    assert middle.alpha() == 255
    colours = _colours(image)
    pages = [c for c in colours if c.alpha() == 255 and c.lightness() > 225]
    highlight = [c for c in colours if c.alpha() == 255 and 30 <= c.hue() <= 60 and c.saturation() > 150]
    assert len(pages) >= size * size // 10  # the book's pages are seen even at 16 px
    assert highlight  # and so is the yellow highlight stroke


def test_the_qicon_offers_every_window_size(qapp: Any) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(WINDOW_SIZES)
    for size in (16, 32, 256):
        assert not icon.pixmap(size, size).isNull()


def test_the_main_window_shows_the_app_icon(make_window: Any) -> None:
    window = make_window()
    shown = window.windowIcon().pixmap(32, 32).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    drawn = icon_images((32,))[32].convertToFormat(QImage.Format.Format_ARGB32)
    assert not window.windowIcon().isNull() and shown == drawn
