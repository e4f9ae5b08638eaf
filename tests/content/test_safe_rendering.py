"""Lesson text cannot make the app fetch, open or run anything."""

from __future__ import annotations

from pathlib import Path

from irtutor.content.lesson_loader import load_lesson
from irtutor.content.safe_markdown import render_page, render_text
from tests.content.minimal_lesson import write_lesson

HOSTILE_PAGE = """\
# Hostile page

<script>alert('x')</script>
<img src="file:///etc/hostname">
<a href="http://example.invalid/track">raw anchor</a>
<iframe src="https://example.invalid"></iframe>

[local file](file:///etc/passwd) and [script](javascript:alert(1)) and [web](https://example.invalid/page).

![tracking pixel](https://example.invalid/pixel.png) ![local](file:///etc/hostname) ![rel](../../secret.png)

<https://example.invalid/autolink> and [a page](page:01-intro) and [[Article 5]][^src].
"""


def hostile_lesson(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = write_lesson(tmp_path, {"02-hostile.md": HOSTILE_PAGE})
    lesson, problems = load_lesson(folder, spare_parts=True)
    # The three images on line 10 are reported (`irtutor check`), but students still get the page.
    assert [(p.line, p.column) for p in problems] == [(10, 1), (10, 54), (10, 85)] and lesson is not None
    assert all("cannot be shown" in p.message for p in problems)
    return lesson


def test_raw_html_is_shown_as_text_never_as_markup(tmp_path: Path) -> None:
    html = render_page(hostile_lesson(tmp_path).pages[1], hostile_lesson(tmp_path)).html
    for tag in ("<script", "<img", "<iframe", "<a href=\"http"):
        assert tag not in html
    assert "&lt;script&gt;" in html


def test_only_in_app_links_survive(tmp_path: Path) -> None:
    lesson = hostile_lesson(tmp_path)
    html = render_page(lesson.pages[1], lesson).html
    hrefs = [part.split('"', 1)[0] for part in html.split('href="')[1:]]
    assert hrefs == ["page:01-intro", "term:Article%205", "cite:src"]
    assert "(https://example.invalid/page)" in html  # the address stays readable as text


def test_images_become_their_description(tmp_path: Path) -> None:
    lesson = hostile_lesson(tmp_path)
    html = render_page(lesson.pages[1], lesson).html
    assert "[image: tracking pixel]" in html and "[image: rel]" in html
    assert "<img" not in html


def test_a_markdown_table_becomes_a_table() -> None:
    html = render_text("| Scenario | For NATO |\n|---|---|\n| Managed competition | stays central |\n")
    assert "<table>" in html and "<th>Scenario</th>" in html and "<td>stays central</td>" in html
