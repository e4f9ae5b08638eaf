"""Each sourced chart on the real data files: the right number of items, hover values, exports,
captions, estimates, the data table, reset view, and a dark palette."""

from __future__ import annotations

import csv
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from irtutor.charts.chart_data import ChartError, DataRow
from irtutor.charts.chart_panel import ChartPanel
from irtutor.charts.gallery import dark_palette
from irtutor.charts.sourced_charts import CHARTS, build_chart
from irtutor.content.datasets import ReferenceData, load_reference_data
from irtutor.core.directives import parse_directive
from irtutor.paths import resource_dir

DATA_CSV = resource_dir() / "data"


@pytest.fixture(scope="module")
def data() -> ReferenceData:
    return load_reference_data(DATA_CSV)


def shown(qtbot: QtBot, data: ReferenceData, name: str, params: dict[str, str] | None = None) -> ChartPanel:
    panel = build_chart(name, params or {}, data)
    qtbot.addWidget(panel)
    panel.resize(1000, 720)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def hover(panel: ChartPanel, row: DataRow, plot_index: int = 0, x: float | None = None,
          y: float | None = None) -> str:
    """Send the plot's mouse-moved signal at a data point and return the text it shows."""
    box = panel.plots[plot_index].getViewBox()
    scene_pos = box.mapViewToScene(QPointF(row.x if x is None else x, row.value if y is None else y))
    panel.graphics.scene().sigMouseMoved.emit(scene_pos)
    return panel.hover_text


def items(panel: ChartPanel, kind: type, plot_index: int = 0) -> list:
    return [i for i in panel.plots[plot_index].items if isinstance(i, kind)]


def test_membership_steps_from_12_to_32_each_round_labelled(qtbot: QtBot, data: ReferenceData) -> None:
    panel = shown(qtbot, data, "nato-membership")
    rows = panel.chart.rows
    assert len(rows) == 11 and rows[0].value == 12 and rows[-1].value == 32
    labels = [i.toPlainText() for i in items(panel, pg.TextItem)]
    assert len(labels) == 11 and any("Finland" in t for t in labels) and any("2024 +Sweden" in t for t in labels)
    sweden = rows[-1]
    assert hover(panel, sweden) == "NATO members 2024-03-07: 32 members"


def test_defence_spending_2024_has_31_sorted_bars_and_both_lines(qtbot: QtBot, data: ReferenceData) -> None:
    panel = shown(qtbot, data, "defence-spending")
    rows = panel.chart.rows
    assert len(rows) == 31 and "Iceland" not in {r.series for r in rows}  # Iceland has no figure
    assert [r.value for r in rows] == sorted((r.value for r in rows), reverse=True)
    bars = items(panel, pg.BarGraphItem)
    assert sum(len(b.opts["width"]) for b in bars) == 31
    assert sorted(line.value() for line in items(panel, pg.InfiniteLine)) == [2.0, 3.5]
    poland = next(r for r in rows if r.series == "Poland")
    position = len(rows) - 1 - rows.index(poland)
    assert hover(panel, poland, x=poland.value / 2, y=position) == "Poland 2024: 3.75 % of GDP"
    assert not any(r.estimate for r in rows) and "(est.)" not in panel.title.text()


def test_defence_spending_in_an_estimate_year_marks_every_bar(qtbot: QtBot, data: ReferenceData) -> None:
    panel = shown(qtbot, data, "defence-spending", {"year": "2026"})
    ticks = [text for _, text in panel.plots[0].getAxis("left")._tickLevels[0]]
    assert len(ticks) == 31 and all(t.endswith("(est.)") for t in ticks)
    assert "NATO estimates" in panel.title.text() and "estimates" in panel.notes.text()
    hatched = [b for b in items(panel, pg.BarGraphItem) if isinstance(b.opts["brush"], QBrush)
               and b.opts["brush"].style() == Qt.BrushStyle.BDiagPattern]
    assert len(hatched) == 1 and len(hatched[0].opts["width"]) == 31


def test_one_ally_over_time_with_estimates_marked(qtbot: QtBot, data: ReferenceData) -> None:
    panel = shown(qtbot, data, "defence-spending-ally")
    rows = panel.chart.rows
    assert [r.when for r in rows] == [str(y) for y in range(2014, 2027)] and rows[0].series == "Poland"
    assert [r.when for r in rows if r.estimate] == ["2025", "2026"]
    assert hover(panel, rows[-1], y=rows[-1].value / 2) == "Poland 2026: 4.68 % of GDP (NATO estimate)"
    ticks = dict(panel.plots[0].getAxis("bottom")._tickLevels[0])
    assert ticks[2025.0] == "2025*" and ticks[2024.0] == "2024"
    assert shown(qtbot, data, "defence-spending-ally", {"ally": "EST"}).chart.rows[0].series == "Estonia"


def test_ppp_crossing_is_the_first_year_brics_is_larger_in_the_csv(qtbot: QtBot, data: ReferenceData) -> None:
    first_above = None
    with (DATA_CSV / "g7_brics_gdp.csv").open(encoding="utf-8") as handle:
        shares: dict[str, dict[str, float]] = {}
        for row in csv.DictReader(handle):
            if row["measure"] == "gdp_ppp_share_world_pct" and row["entity"] in ("G7", "BRICS-5"):
                shares.setdefault(row["year"], {})[row["entity"]] = float(row["value"])
        first_above = min(int(y) for y, s in shares.items() if len(s) == 2 and s["BRICS-5"] > s["G7"])
    panel = shown(qtbot, data, "g7-brics-ppp")
    assert panel.chart.marks["crossing"] == first_above
    lines = items(panel, pg.InfiniteLine)
    assert [line.value() for line in lines] == [first_above] and str(first_above) in lines[0].label.toPlainText()
    assert len(panel.chart.rows) == 2 * 34  # 1992-2025, both groups
    assert "not comparable" in panel.notes.text()
    g7_2025 = next(r for r in panel.chart.rows if r.series == "G7" and r.when == "2025")
    assert hover(panel, g7_2025).startswith("G7 2025: 28.34 % of world GDP (PPP) (")  # with the IMF's note
    assert "estimate" in panel.hover_text


def test_ppp_range_parameters_from_a_directive(qtbot: QtBot, data: ReferenceData) -> None:
    directive, problem = parse_directive("chart", "g7-brics-ppp from=2000 to=2010")
    assert problem is None and directive is not None
    panel = build_chart(directive, {}, data)
    qtbot.addWidget(panel)
    assert {r.when for r in panel.chart.rows} == {str(y) for y in range(2000, 2011)}
    assert "crossing" not in panel.chart.marks  # 2020 is outside the range: nothing to mark


def test_nominal_gdp_keeps_its_two_sources_in_two_captioned_panels(qtbot: QtBot, data: ReferenceData) -> None:
    panel = shown(qtbot, data, "nominal-gdp")
    left, right = panel.chart.panels
    assert [r.series for r in left.rows] == ["United States", "China", "India", "Russia"]
    assert {r.when for r in left.rows} == {"2023"} and {r.when for r in right.rows} == {"2024"}
    assert "California (US state)" in {r.series for r in right.rows}
    assert left.provenance != right.provenance and len(panel.plots) == 2
    caption = panel.caption.text()
    assert "World Bank" in caption and "California Governor's Office" in caption and caption.count("as of") == 2
    china = left.rows[1]
    assert hover(panel, china, 0, x=1, y=china.value / 2) == "China 2023: 18.27 trillion US$"
    california = next(r for r in right.rows if "California" in r.series)
    position = right.rows.index(california)
    assert hover(panel, california, 1, x=position, y=1).startswith("California (US state) 2024: 4.1 trillion US$")


@pytest.mark.parametrize("name", list(CHARTS))
def test_exports_caption_table_and_reset(qtbot: QtBot, data: ReferenceData, tmp_path: Path, name: str) -> None:
    panel = shown(qtbot, data, name)
    assert "Source:" in panel.caption.text() and "as of" in panel.caption.text()
    panel.export_png(tmp_path / "chart.png")
    image = pg.QtGui.QImage(str(tmp_path / "chart.png"))
    assert not image.isNull() and (image.width(), image.height()) == (panel.figure.width(), panel.figure.height())
    panel.export_csv(tmp_path / "chart.csv")
    with (tmp_path / "chart.csv").open(encoding="utf-8") as handle:
        written = list(csv.DictReader(handle))
    assert [(r["series"], r["year_or_date"], r["unit"], r["estimate"]) for r in written] == \
        [(r.series, r.when, r.unit, "yes" if r.estimate else "no") for r in panel.chart.rows]
    assert [float(r["value"]) for r in written] == pytest.approx([r.value for r in panel.chart.rows], rel=1e-5)
    assert all(r["source"] and r["as_of"] for r in written)
    qtbot.mouseClick(panel.buttons["Show data"], Qt.MouseButton.LeftButton)
    assert panel.table.isVisible() and panel.table.model().rowCount() == len(panel.chart.rows)
    box = panel.plots[0].getViewBox()
    home = box.viewRange()
    box.scaleBy((0.3, 0.3))
    box.translateBy(x=1, y=1)
    assert box.viewRange() != home
    qtbot.keyClick(panel.buttons["Reset view"], Qt.Key.Key_R)
    assert [*box.viewRange()[0], *box.viewRange()[1]] == pytest.approx([*home[0], *home[1]])


def test_buttons_are_named_and_reachable_by_tab(qtbot: QtBot, data: ReferenceData) -> None:
    panel = shown(qtbot, data, "nato-membership")
    buttons = panel.findChildren(QPushButton)
    assert {b.accessibleName() for b in buttons} == {"Reset view", "Show data", "Export PNG", "Export CSV"}
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons)
    start = widget = panel.buttons["Reset view"]
    reached = []  # what Tab visits: the focus chain, minus what cannot take focus by Tab
    while (widget := widget.nextInFocusChain()) is not start:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(panel):
            reached.append(widget)
    assert set(buttons) <= {start, *reached}


def test_dark_palette_gives_a_dark_plot_with_light_text(qtbot: QtBot, data: ReferenceData) -> None:
    panel = shown(qtbot, data, "g7-brics-ppp")
    assert panel.graphics.backgroundBrush().color().lightness() > 128
    panel.setPalette(dark_palette())
    assert panel.graphics.backgroundBrush().color().lightness() < 64
    axis = panel.plots[0].getAxis("left")
    assert axis.textPen().color().lightness() > 192
    line = items(panel, pg.InfiniteLine)[0]
    assert line.label.color.lightness() > 192
    assert panel.palette().color(QPalette.ColorRole.Base).lightness() < 64


def test_missing_data_is_a_clear_error(data: ReferenceData) -> None:
    with pytest.raises(ChartError, match="2014-2026"):
        build_chart("defence-spending", {"year": "1999"}, data)
    with pytest.raises(ChartError, match="'ISL'"):
        build_chart("defence-spending-ally", {"ally": "ISL"}, data)
    with pytest.raises(ChartError, match="no chart called"):
        build_chart("pie", {}, data)


def _labels(plot: pg.PlotItem) -> list[pg.TextItem]:
    """The plot's own text: value and accession labels, and the reference lines' labels."""
    texts = [i for i in plot.items if isinstance(i, pg.TextItem)]
    return texts + [i.label for i in plot.items if isinstance(i, pg.InfiniteLine) and i.label is not None]


def _tick_rects(plot: pg.PlotItem, side: str) -> list[QRectF]:
    """Scene rectangles of the tick names set on one axis (the charts set them explicitly)."""
    axis, box = plot.getAxis(side), plot.getViewBox()
    metrics = QFontMetrics(axis.style["tickFont"] or QFont())
    rects = []
    for value, text in (axis._tickLevels or [[]])[0]:  # pyqtgraph keeps the ticks set only here
        centre = box.mapViewToScene(QPointF(value, 0) if side == "bottom" else QPointF(0, value))
        width, height = metrics.horizontalAdvance(text), metrics.height() - 2  # line spacing is not ink
        if side == "bottom":
            rects.append(QRectF(centre.x() - width / 2, axis.sceneBoundingRect().top(), width, height))
        else:
            rects.append(QRectF(axis.sceneBoundingRect().right() - width, centre.y() - height / 2, width, height))
    return rects


@pytest.mark.parametrize("size", [(1000, 760), (620, 900), (560, 760)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(CHARTS))
def test_no_label_is_clipped_or_overlaps_another(qtbot: QtBot, data: ReferenceData, name: str,
                                                  size: tuple[int, int]) -> None:
    panel = build_chart(name, {}, data)
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(20)
    for plot in panel.plots:
        view = plot.getViewBox().sceneBoundingRect().adjusted(-1, -1, 1, 1)
        texts = [(t.toPlainText(), t.sceneBoundingRect()) for t in _labels(plot) if t.isVisible()]
        if plot.legend is not None:
            texts.append(("legend", plot.legend.sceneBoundingRect()))
        for text, rect in texts:
            assert view.contains(rect), f"{name}: '{text}' {rect} runs out of the plot {view}"
        ticks = [("tick", r) for side in ("left", "bottom") for r in _tick_rects(plot, side)]
        whole = plot.sceneBoundingRect().adjusted(-1, -1, 1, 1)
        assert all(whole.contains(r) for _, r in ticks), f"{name}: a tick name runs out of its plot"
        shown = texts + ticks
        for n, (text, rect) in enumerate(shown):
            inner = rect.adjusted(1, 1, -1, -1)
            clash = [other for other, r in shown[n + 1:] if inner.intersects(r.adjusted(1, 1, -1, -1))]
            assert not clash, f"{name}: '{text}' overlaps {clash}"
    assert panel.graphics.scene().sceneRect().contains(panel.plots[-1].sceneBoundingRect().adjusted(1, 1, -1, -1))


def test_31_allies_keep_every_name_when_tall_and_thin_them_when_short(qtbot: QtBot, data: ReferenceData) -> None:
    panel = shown(qtbot, data, "defence-spending")
    axis = panel.plots[0].getAxis("left")
    panel.resize(1000, 1100)
    qtbot.waitUntil(lambda: len(axis._tickLevels[0]) == 31)
    panel.resize(1000, 600)
    qtbot.waitUntil(lambda: 10 < len(axis._tickLevels[0]) < 31)
    assert axis._tickLevels[0][0][1] == panel.chart.rows[0].series


def test_two_panels_stand_side_by_side_when_wide_and_stack_when_narrow(qtbot: QtBot, data: ReferenceData) -> None:
    panel = shown(qtbot, data, "nominal-gdp")
    left, right = (p.sceneBoundingRect() for p in panel.plots)
    assert right.left() >= left.right() - 1
    panel.resize(560, 900)
    qtbot.waitUntil(lambda: panel.plots[1].sceneBoundingRect().top() >= panel.plots[0].sceneBoundingRect().bottom() - 1)
