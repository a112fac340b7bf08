"""Light and dark: the system's palette by default, or one chosen in the settings."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.reader_html import Colours

THEMES = ("system", "light", "dark")

LIGHT = Colours()
DARK = Colours(
    text="#e6e3dc", muted="#a8a49b", link="#8cb8ff", aside="#2b2d31", aside_label="#d6c08a",
    quote="#1f3a5c", person="#e0a3ef", organisation="#7fd6b0", place="#f2b774", loaded="#5a3b12",
    hit="#e8c547", hit_text="#1d1d1f", flash="#2f5a2b",
    highlights=("#e3d04f", "#8fd19a", "#8fbfee", "#eea0bf", "#c4a5ee"),
)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colours_for(palette: QPalette) -> Colours:
    return DARK if is_dark(palette) else LIGHT


def apply_theme(app: QApplication, theme: str) -> None:
    """Follow the system (``system``), or force a light or dark palette."""
    if theme not in THEMES:
        theme = "system"
    if theme == "system":
        app.setPalette(app.style().standardPalette())
        return
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if theme == "dark" else _light_palette())


def _light_palette() -> QPalette:
    palette = QPalette(QColor("#f6f5f2"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1d1d1f"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d1d1f"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3d7ad6"))
    palette.setColor(QPalette.ColorRole.Link, QColor(LIGHT.link))
    return palette


def _dark_palette() -> QPalette:
    palette = QPalette(QColor("#232427"))
    roles = {
        QPalette.ColorRole.Base: "#1b1c1e", QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.Text: DARK.text, QPalette.ColorRole.WindowText: DARK.text,
        QPalette.ColorRole.ButtonText: DARK.text, QPalette.ColorRole.Button: "#2d2f33",
        QPalette.ColorRole.Highlight: "#3d6fb8", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2d2f33", QPalette.ColorRole.ToolTipText: DARK.text,
        QPalette.ColorRole.PlaceholderText: DARK.muted, QPalette.ColorRole.Link: DARK.link,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e6b66"))
    return palette
