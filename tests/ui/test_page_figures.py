"""Charts, the map and the timeline placed inside a lesson page by its directives, in the real window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from irtutor.charts.chart_panel import ChartPanel
from irtutor.charts.enlargement_map import EnlargementMap
from irtutor.charts.timeline import TimelineView
from irtutor.content.lesson_loader import load_lesson
from irtutor.core.directives import Directive
from irtutor.core.figures import FIGURES, Figure
from irtutor.ui.directive_widgets import make_directive_widget
from irtutor.ui.lesson_reader import LessonReader
from tests.conftest import LESSONS
from tests.ui.driving import create_profile, start_app

FIGURES_PAGE = """# Figures

NATO grew in rounds[^src].

```{chart} nato-membership
```

The map for one year.

```{map} enlargement year=2004
```

```{timeline} tags=enlargement from=1990 to=2025
```

```{chart} defence-spending year=1990
```

The end of the page.
"""


def course_with_figures(tmp_path: Path) -> Path:
    root = tmp_path / "lessons"
    shutil.copytree(LESSONS / "nato-origins", root / "nato-origins")
    figures_lesson(root, FIGURES_PAGE)
    return root


def figures_lesson(root: Path, page: str) -> Path:
    """A lesson `figures` whose one page is `page`."""
    mini = root / "figures"
    mini.mkdir()
    (mini / "lesson.yaml").write_text(
        "format: 1\nid: figures\ntitle: Figures\nsummary: Pages with figures.\norder: 9\n"
        "objectives: [See the figures.]\nsources:\n  src: {title: NATO member countries, publisher: NATO, "
        "url: 'https://www.nato.int/cps/en/natohq/nato_countries.htm'}\n"
        "further_reading: [src]\n", encoding="utf-8")  # the figure pages cite nothing
    (mini / "01-figures.md").write_text(page, encoding="utf-8")
    return mini


def test_a_page_shows_its_figures_in_reading_order_and_a_broken_one_says_where(qtbot: QtBot, tmp_path: Path) -> None:
    root = course_with_figures(tmp_path)
    window = start_app(qtbot, [root])
    create_profile(qtbot, window, "Ana")
    reader = window.open_lesson("figures").reader
    assert reader.body.currentWidget() is reader.parts
    figures = reader.parts.figures
    assert [type(f) for f in figures[:3]] == [ChartPanel, EnlargementMap, TimelineView]
    assert len(reader.parts.chunks) == 3
    assert "The end of the page." in reader.parts.chunks[-1].toPlainText()
    failed = figures[3]
    assert failed.objectName() == "figure-failed"
    assert f"{root / 'figures' / '01-figures'}.md:16" in failed.text()  # the directive's own line
    assert "no defence spending figures for 1990" in failed.text()
    assert {e.day.year for e in figures[2].shown_events()} <= set(range(1990, 2026))
    assert all("enlargement" in e.tags for e in figures[2].shown_events())


def test_a_page_without_figures_is_one_text_as_before(qtbot: QtBot, tmp_path: Path) -> None:
    window = start_app(qtbot, [course_with_figures(tmp_path)])
    create_profile(qtbot, window, "Ana")
    reader = window.open_lesson("nato-origins").reader
    reader.show_page_slug("03-article-5")
    assert reader.body.currentWidget() is reader.text
    reader.show_page_slug("02-the-washington-treaty")  # this one has the map
    assert reader.body.currentWidget() is reader.parts and len(reader.parts.figures) == 1


def test_the_timeline_in_a_page_opens_the_lesson_page_that_covers_an_event(qtbot: QtBot, tmp_path: Path) -> None:
    window = start_app(qtbot, [course_with_figures(tmp_path)])
    create_profile(qtbot, window, "Ana")
    timeline = window.open_lesson("figures").reader.parts.figures[2]
    timeline.sig_open_page.emit("nato-origins", "03-article-5")
    assert window.lesson_view.lesson.id == "nato-origins"
    assert window.lesson_view.reader.page_label.text().startswith("Page 3 of")


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f"{f.directive}-{f.target}")
def test_every_registered_figure_renders_in_the_reader(qtbot: QtBot, tmp_path: Path, figure: Figure) -> None:
    page = f"# {figure.description}\n\nBefore the figure.\n\n{figure.fence()}\nAfter the figure.\n"
    lesson, problems = load_lesson(figures_lesson(tmp_path, page))
    assert problems == [] and lesson is not None
    assert [d.key for d in lesson.pages[0].directives] == [figure.key]
    reader = LessonReader(lesson)
    qtbot.addWidget(reader)
    reader.show()
    assert reader.body.currentWidget() is reader.parts
    [shown] = reader.parts.figures
    assert shown.objectName() != "figure-failed", shown.text()  # type: ignore[attr-defined]
    qtbot.waitUntil(shown.isVisible)
    before, after = (c.toPlainText().strip() for c in reader.parts.chunks)
    assert before.endswith("Before the figure.") and after == "After the figure."


def test_a_figure_without_a_registered_widget_says_so_instead_of_drawing_a_timeline(qtbot: QtBot,
                                                                                    tmp_path: Path) -> None:
    lesson, _ = load_lesson(figures_lesson(tmp_path, "# Figures\n\nNo figure.\n"))
    assert lesson is not None
    shown = make_directive_widget(Directive("chart", "pie", (), 7), lesson, "01-figures")
    qtbot.addWidget(shown)
    assert shown.objectName() == "figure-failed"
    assert "01-figures.md:7" in shown.text() and "no widget is registered for {chart} pie" in shown.text()  # type: ignore[attr-defined]
