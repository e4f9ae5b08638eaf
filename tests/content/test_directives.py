"""Page directives: where a page places a chart, the map or the timeline, checked with positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from irtutor.content.lesson_loader import load_lesson
from irtutor.content.safe_markdown import render_page
from irtutor.core.directives import Directive
from irtutor.core.lesson import Lesson
from tests.content.minimal_lesson import write_lesson

PAGE = """# Intro

Text about [[Article 5]] with a citation[^src].

```{chart} defence-spending year=2024
```

Between the figures.

```{timeline} tags=nato,enlargement from=1945
```
"""


def test_directives_are_read_in_order_and_split_the_page(tmp_path: Path) -> None:
    lesson, problems = load_lesson(write_lesson(tmp_path, {"01-intro.md": PAGE}))
    assert problems == [] and lesson is not None
    page = lesson.pages[0]
    assert page.directives == (
        Directive("chart", "defence-spending", (("year", "2024"),), 5),
        Directive("timeline", "events", (("tags", "nato,enlargement"), ("from", "1945")), 10),
    )
    parts = render_page(page, lesson).parts
    assert [type(p).__name__ for p in parts] == ["str", "Directive", "str", "Directive"]
    assert "[1]" in parts[0] and "Between the figures." in parts[2]
    assert "defence-spending" not in "".join(p for p in parts if isinstance(p, str))


@pytest.mark.parametrize(("fence", "message"), [
    ("```{graph} x", "unknown directive {graph}; use one of: {chart}, {map}, {timeline}"),
    ("```{chart} pie", "{chart} names 'pie'; use one of: nato-membership, defence-spending,"),
    ("```{chart}", "{chart} names nothing"),
    ("```{chart} defence-spending year=twenty", "year: 'twenty' is not a year such as 2004"),
    ("```{chart} defence-spending colour=red", "{chart} defence-spending has no parameter 'colour'; its "
                                               "parameters: year"),
    ("```{map} enlargement 2004", "'2004' is not a parameter: write name=value, e.g. year=2004"),
    ("```{chart} defence-spending-ally ally=poland", "ally: 'poland' is not a three-letter country code"),
    ("```{timeline} tags=nato;un", "tags: 'nato;un' is not a comma-separated list of tags"),
    ("```{map} enlargement year=1999 year=2004", "parameter 'year' is given twice"),
])
def test_a_bad_directive_is_reported_at_its_line(tmp_path: Path, fence: str, message: str) -> None:
    page = f"# Intro\n\nText about [[Article 5]][^src].\n\n{fence}\n```\n"
    folder = write_lesson(tmp_path, {"01-intro.md": page})
    lesson, problems = load_lesson(folder)
    assert lesson is None
    assert len(problems) == 1
    assert (problems[0].line, problems[0].column) == (5, 4)  # at the {
    assert problems[0].message.startswith(message)


def _load_page(tmp_path: Path, page: str) -> tuple[Lesson | None, list[str]]:
    lesson, problems = load_lesson(write_lesson(tmp_path, {"01-intro.md": page}))
    return lesson, [f"{p.line}:{p.column}: {p.message}" for p in problems]


def test_a_directive_shown_as_an_example_inside_code_is_code(tmp_path: Path) -> None:
    # The old line scanner took the inner fence for a figure and cut the code block in two.
    page = "# Intro\n\n[[Article 5]][^src]\n\n````markdown\n```{chart} pie\n```\n````\n"
    lesson, problems = _load_page(tmp_path, page)
    assert problems == [] and lesson is not None and lesson.pages[0].directives == ()
    assert "{chart} pie" in render_page(lesson.pages[0], lesson).html


def test_the_reader_resumes_where_markdown_closes_the_figure_s_fence(tmp_path: Path) -> None:
    # A ``` line does not close a ```` fence; the old reader split closed it there and swallowed the rest.
    page = "# Intro\n\n[[Article 5]][^src]\n\n````{chart} nato-membership\n```\n````\n\nAfter the chart.\n"
    lesson, problems = _load_page(tmp_path, page)
    assert problems == [] and lesson is not None
    parts = render_page(lesson.pages[0], lesson).parts
    assert [type(p).__name__ for p in parts] == ["str", "Directive", "str"]
    assert "After the chart." in parts[2] and "<code>" not in parts[2]


def test_citations_in_indented_code_are_not_checked(tmp_path: Path) -> None:
    page = "# Intro\n\n[[Article 5]][^src]\n\n    [^nosuch] shown as code\n\nProse [^nosuch2].\n"
    _, problems = _load_page(tmp_path, page)
    assert [p.split(":", 2)[:2] for p in problems] == [["7", "7"]]


def test_a_figure_inside_a_list_is_reported_at_its_brace(tmp_path: Path) -> None:
    page = "# Intro\n\n[[Article 5]][^src]\n\n- A point\n\n  ```{chart} nato-membership\n  ```\n"
    _, problems = _load_page(tmp_path, page)
    assert problems == ["7:6: a figure cannot stand inside a list or a quote; start its fence at the "
                        "beginning of a line, outside lists and quotes"]
