"""The enlargement map on the real data: colours by year, hover, the keyboard list, play, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from irtutor.charts import map_style
from irtutor.charts.enlargement_map import EnlargementMap
from irtutor.charts.map_projection import project

FOUNDERS = {"BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR", "USA"}
BY_1999 = FOUNDERS | {"GRC", "TUR", "DEU", "ESP", "CZE", "HUN", "POL"}
BY_2004 = BY_1999 | {"BGR", "EST", "LVA", "LTU", "ROU", "SVK", "SVN"}
TODAY = BY_2004 | {"ALB", "HRV", "MNE", "MKD", "FIN", "SWE"}


def shown_map(qtbot: QtBot, year: int | None = None) -> EnlargementMap:
    widget = EnlargementMap(year=year)
    widget.resize(1100, 700)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def coloured(widget: EnlargementMap) -> set[str]:
    """The countries whose brush is not the non-member grey, read from the items themselves."""
    grey = map_style.solid(map_style.NON_MEMBER).color()
    return {iso3 for iso3, item in widget.view.paths.items() if item.brush().color() != grey}


def test_members_coloured_by_round_in_1999_2004_and_today(qtbot: QtBot) -> None:
    widget = shown_map(qtbot, 1999)
    assert coloured(widget) == BY_1999 and len(BY_1999) == 19
    poland, germany = (widget.view.paths[c].brush().color().name() for c in ("POL", "DEU"))
    assert poland == widget.colours["1999"].lower() and germany == widget.colours["1955"].lower()
    widget.slider.setValue(2004)
    assert coloured(widget) == BY_2004 and len(BY_2004) == 26
    widget.slider.setValue(date.today().year)
    assert coloured(widget) == TODAY and len(TODAY) == 32
    assert widget.view.paths["AUT"].brush().color().name() == map_style.NON_MEMBER
    assert "32" in widget.figure.title.text()


def test_legend_counts_rounds_up_to_the_year(qtbot: QtBot) -> None:
    widget = shown_map(qtbot, 2004)
    assert widget.legend.texts["2004"].text() == "2004 (7)"
    assert widget.legend.texts["founding 1949"].text() == "founding 1949 (12)"
    assert not widget.legend.texts["2023"].isEnabled()


def test_hover_over_poland_names_it_and_its_accession(qtbot: QtBot) -> None:
    widget = shown_map(qtbot, 2004)
    view = widget.view
    centre = view.mapFromScene(view.paths["POL"].path().boundingRect().center())
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(centre), QPointF(view.viewport().mapToGlobal(centre)),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(view.sig_country_hovered) as hovered:
        QApplication.sendEvent(view.viewport(), move)
    assert hovered.args == ["POL"]
    assert widget.figure.details.text() == "Poland: joined NATO on 12 March 1999 (1999 round)"
    assert "Poland" in view.toolTip() and "12 March 1999" in view.toolTip()


def test_the_list_finds_sweden_and_highlights_it(qtbot: QtBot) -> None:
    widget = shown_map(qtbot, 2020)
    qtbot.keyClicks(widget.country_list.filter, "Swe")
    assert widget.country_list.shown() == ["Sweden"]
    qtbot.keyClick(widget.country_list.filter, Qt.Key.Key_Return)
    assert widget.focused == "SWE"
    assert widget.view.focus_outline.path() == widget.view.paths["SWE"].path()
    assert widget.figure.details.text() == "Sweden: not yet a member in 2020; joined NATO on 7 March 2024 (2024 round)"


def test_slider_keys_and_play_move_the_year(qtbot: QtBot) -> None:
    widget = shown_map(qtbot, 2003)
    widget.slider.setFocus()
    qtbot.keyClick(widget.slider, Qt.Key.Key_Right)
    assert widget.year == 2004 and "26" in widget.figure.title.text()
    qtbot.keyClick(widget.slider, Qt.Key.Key_Left)
    assert widget.year == 2003
    widget.timer.setInterval(10)
    widget.play_button.click()
    qtbot.waitUntil(lambda: widget.year >= 2005)
    widget.play_button.click()
    assert not widget.timer.isActive() and widget.play_button.text() == "▶ Play"


def test_play_stops_at_the_last_year(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    widget.slider.setValue(widget.slider.maximum() - 1)
    widget.timer.setInterval(5)
    widget.play_button.click()
    qtbot.waitUntil(lambda: not widget.play_button.isChecked())
    assert widget.year == widget.slider.maximum()


def test_zoom_and_reset(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    assert abs(widget.view.zoom_level() - 1.0) < 0.01
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_Plus)
    assert widget.view.zoom_level() > 1.2
    widget.reset_button.click()
    assert abs(widget.view.zoom_level() - 1.0) < 0.01


def test_export_writes_a_png_of_the_figure(qtbot: QtBot, tmp_path: Path) -> None:
    widget = shown_map(qtbot, 1999)
    image = QImage(str(widget.export_png(tmp_path / "map.png", scale=2)))
    assert image.width() == widget.figure.width() * 2 and image.height() == widget.figure.height() * 2


EUROPEAN_FOUNDERS = {"BEL": (4.5, 50.6), "DNK": (9.3, 56.0), "FRA": (2.5, 46.5), "ISL": (-19.0, 65.0),
                     "ITA": (12.5, 42.8), "LUX": (6.1, 49.7), "NLD": (5.6, 52.3), "NOR": (9.0, 61.0),
                     "PRT": (-8.0, 39.7), "GBR": (-1.5, 52.5)}
"""A point inside each European founder (longitude, latitude)."""


def _seen_in_inset(widget: EnlargementMap, iso3: str) -> bool:
    inset = widget.view.inset
    shown = inset.mapToScene(inset.viewport().rect()).boundingRect()
    return inset.isVisible() and shown.intersects(widget.view.paths[iso3].sceneBoundingRect())


def test_the_north_american_founders_are_in_an_inset_even_in_1949(qtbot: QtBot) -> None:
    widget = shown_map(qtbot, 1949)
    assert {"USA", "CAN"} <= coloured(widget)
    assert _seen_in_inset(widget, "USA") and _seen_in_inset(widget, "CAN")
    view = widget.view
    assert view.rect().contains(view.inset.geometry())
    for founder, (lon, lat) in EUROPEAN_FOUNDERS.items():  # in the frame, and the inset hides none of them
        point = view.mapFromScene(QPointF(*project(lon, lat)))
        assert view.country_at(point) == founder
        assert not view.inset.geometry().contains(point), founder


def test_a_click_in_the_inset_picks_the_country(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    inset = widget.view.inset
    point = inset.mapFromScene(QPointF(*project(-106, 55)))  # Saskatchewan
    with qtbot.waitSignal(widget.view.sig_country_clicked) as clicked:
        qtbot.mouseClick(inset.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == ["CAN"]


def test_the_map_fits_a_laptop_page(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    assert widget.sizeHint().height() <= 520 and widget.minimumSizeHint().height() <= 460
