"""The app's icon: ``resources/icons/lesesaal.svg`` (an open book with one line highlighted), drawn at each size.

The SVG is drawn with QSvgRenderer at every size the window managers and installers ask for, so no image-format
or icon-engine plugin is needed (the bundles leave those out). ``packaging/icons.py`` makes the installers'
.ico, .icns and PNG files from the same images.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

#: Where the icon lives inside the ``resources`` package.
ICON_SVG = "icons/lesesaal.svg"
#: The sizes put into the window's icon (title bars, task bars and docks pick the nearest).
WINDOW_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_svg() -> bytes:
    return resources.files("resources").joinpath(ICON_SVG).read_bytes()


def icon_images(sizes: tuple[int, ...]) -> dict[int, QImage]:
    """The icon as square ARGB images, one per size in pixels, transparent around the tile."""
    renderer = QSvgRenderer(QByteArray(icon_svg()))
    if not renderer.isValid():
        raise ValueError(f"resources/{ICON_SVG} is not an SVG image Qt can draw")
    return {size: _drawn(renderer, size) for size in sizes}


def app_icon() -> QIcon:
    """The window and application icon (needs a QGuiApplication, as every QPixmap does)."""
    icon = QIcon()
    for image in icon_images(WINDOW_SIZES).values():
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


def _drawn(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image
