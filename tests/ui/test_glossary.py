"""The course glossary in the real window: search, read, open the page that teaches a term."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from tests.ui.driving import create_profile, start_app


def test_search_a_term_and_open_its_page_from_the_keyboard(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    glossary = window.glossary
    qtbot.waitUntil(glossary.isVisible)
    lessons = window.workspace.library.lessons
    definitions: dict[str, str] = {}
    for each in lessons:
        for key_term in each.terms:
            definitions[key_term.term.casefold()] = definitions.get(key_term.term.casefold(), "") + key_term.definition
    assert glossary.terms.count() == len(definitions)
    qtbot.keyClicks(glossary.search, "collective defence")
    shown = [glossary.terms.item(i).text() for i in range(glossary.terms.count())]
    assert "Article 5" in shown
    assert all("collective" in (t + definitions[t.casefold()]).casefold() for t in shown)
    qtbot.keyClick(glossary.search, Qt.Key.Key_Return)
    assert glossary.focusWidget() is glossary.terms  # where the keyboard goes when the dialog is active
    glossary.terms.setCurrentRow(shown.index("Article 5"))
    lesson = window.workspace.library.lesson("nato-origins")
    term = lesson.term("Article 5")
    assert term.definition in glossary.detail.toPlainText()
    page = next(p for p in lesson.pages if term.term in p.terms)
    assert page.title in glossary.detail.toPlainText()

    glossary.detail.anchorClicked.emit(QUrl(f"page:nato-origins/{page.slug}"))
    view = window.lesson_view
    assert view is not None and view.reader.page_label.text().endswith(page.title)
    glossary.close()


def test_a_search_that_matches_nothing_says_so(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    window.show_glossary()
    qtbot.keyClicks(window.glossary.search, "qqqzzz")
    assert window.glossary.terms.count() == 0
    assert window.glossary.detail.toPlainText() == "No term matches."
    window.glossary.close()
