"""Dark palettes: the dashboard charts and the map follow them, as the sourced charts do."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from irtutor.charts import map_style
from irtutor.charts.enlargement_map import EnlargementMap
from irtutor.charts.gallery import dark_palette
from irtutor.charts.progress_charts import lesson_bars, score_history


def dark_parent(qtbot: QtBot) -> QWidget:
    parent = QWidget()
    parent.setPalette(dark_palette())
    qtbot.addWidget(parent)
    return parent


def test_the_dashboard_charts_are_dark_on_a_dark_palette(qtbot: QtBot) -> None:
    parent = dark_parent(qtbot)
    for plot in (lesson_bars([], parent), score_history([], parent)):
        assert plot.backgroundBrush().color().lightness() < 80
        text = plot.getAxis("left").textPen().color()
        assert text.lightness() > 180


def test_the_dashboard_charts_stay_light_on_a_light_palette(qtbot: QtBot) -> None:
    parent = QWidget()
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    parent.setPalette(light)
    qtbot.addWidget(parent)
    assert lesson_bars([], parent).backgroundBrush().color() == QColor("#ffffff")


def test_the_map_sea_turns_dark_with_the_palette(qtbot: QtBot) -> None:
    widget = EnlargementMap(year=1949)
    qtbot.addWidget(widget)
    assert widget.view.backgroundBrush().color() == QColor(map_style.SEA)
    widget.setPalette(dark_palette())
    assert widget.view.backgroundBrush().color() == QColor(map_style.DARK_SEA)
    assert widget.view.inset.backgroundBrush().color() == QColor(map_style.DARK_SEA)


def test_non_members_turn_dark_grey_with_the_palette_and_the_legend_says_so(qtbot: QtBot) -> None:
    widget = EnlargementMap(year=1949)
    qtbot.addWidget(widget)
    widget.setPalette(dark_palette())
    assert widget.view.paths["RUS"].brush().color() == QColor(map_style.DARK_NON_MEMBER)
    assert widget.view.paths["FRA"].brush().color() == widget.view.paths["USA"].brush().color()
    assert widget.view.fill_of("RUS") == map_style.NON_MEMBER  # what it means does not change
    swatch = widget.legend.swatches["Not a member"].pixmap().toImage()
    assert swatch.pixelColor(swatch.width() // 2, swatch.height() // 2) == QColor(map_style.DARK_NON_MEMBER)
