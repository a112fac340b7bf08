"""LayerToolBar: one switch per highlight layer, each with its colour: the toolbar is the legend."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QToolBar, QWidget

from desktop.reader_html import ALL_LAYERS, Colours, Layer

LAYER_LABELS: dict[Layer, tuple[str, str]] = {
    Layer.QUOTES: ("Quotes", "Quoted and reported speech; hover for the speaker"),
    Layer.ACTORS: ("Actors", "People, organisations and places; click one to list the articles naming it"),
    Layer.LOADED: ("Loaded wording", "Words that judge or label; hover for a neutral explanation"),
    Layer.PARTS: ("Non-article parts", "Captions, credits, related links, publisher's notes, promotions, comments"),
    Layer.HITS: ("Search hits", "The words of the current search"),
    Layer.ANNOTATIONS: ("My highlights", "Your annotations; select text and press Ctrl+H, or right-click, to add one"),
}


class LayerToolBar(QToolBar):
    layers_changed = Signal(object)  # frozenset[Layer]

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__("Highlights", parent)
        self.setObjectName("layerToolBar")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addWidget(QLabel("  Highlight: ", self))
        self.actions_by_layer: dict[Layer, QAction] = {}
        for number, layer in enumerate(Layer, start=1):
            label, tip = LAYER_LABELS[layer]
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
            action.setObjectName(f"layer-{layer.value}")
            action.toggled.connect(self._on_action_toggled)
            self.addAction(action)
            self.actions_by_layer[layer] = action
        self.set_colours(colours)

    def layers(self) -> frozenset[Layer]:
        return frozenset(layer for layer, action in self.actions_by_layer.items() if action.isChecked())

    def set_layers(self, layers: frozenset[Layer]) -> None:
        for layer, action in self.actions_by_layer.items():
            action.setChecked(layer in layers)

    def set_colours(self, colours: Colours) -> None:
        swatches = {
            Layer.QUOTES: [colours.quote], Layer.ACTORS: [colours.person, colours.organisation, colours.place],
            Layer.LOADED: [colours.loaded], Layer.PARTS: [colours.aside], Layer.HITS: [colours.hit],
            Layer.ANNOTATIONS: list(colours.highlights),
        }
        for layer, action in self.actions_by_layer.items():
            action.setIcon(_swatch(swatches[layer]))

    def _on_action_toggled(self, _checked: bool) -> None:
        self.layers_changed.emit(self.layers())


def _swatch(colours: list[str]) -> QIcon:
    pixmap = QPixmap(16 * len(colours) if len(colours) > 1 else 16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    for number, colour in enumerate(colours):
        painter.setBrush(QColor(colour))
        painter.setPen(QColor(colour).darker(140))
        painter.drawRoundedRect(number * 16 + 1, 1, 13, 13, 3, 3)
    painter.end()
    return QIcon(pixmap)


__all__ = ["ALL_LAYERS", "LAYER_LABELS", "LayerToolBar"]
