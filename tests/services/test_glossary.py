"""The course-wide glossary built from every lesson's key terms."""

from __future__ import annotations

from dataclasses import replace

from irtutor.content.catalog import load_lessons
from irtutor.core.lesson import KeyTerm
from irtutor.services.glossary import build_glossary, matching
from tests.conftest import LESSONS


def test_every_term_of_every_lesson_is_in_the_glossary_with_the_pages_that_teach_it() -> None:
    lessons = load_lessons([LESSONS]).lessons
    glossary = build_glossary(lessons)
    assert {e.term.casefold() for e in glossary} == {t.term.casefold() for lesson in lessons for t in lesson.terms}
    assert [e.term.casefold() for e in glossary] == sorted(e.term.casefold() for e in glossary)
    origins = next(lesson for lesson in lessons if lesson.id == "nato-origins")
    article5 = next(e for e in glossary if e.term == "Article 5")
    use = next(u for u in article5.uses if u.lesson_id == "nato-origins")
    assert use.definition == origins.term("Article 5").definition
    linked = [p.slug for p in origins.pages if "Article 5" in p.terms]
    assert [slug for slug, _ in use.pages] == linked and linked


def test_a_term_defined_by_two_lessons_is_one_entry_with_both_definitions() -> None:
    origins = next(lesson for lesson in load_lessons([LESSONS]).lessons if lesson.id == "nato-origins")
    other = replace(origins, id="other", title="Other", order=99,
                    terms=(KeyTerm("article 5", "Another lesson's wording."),))
    entry = next(e for e in build_glossary([other, origins]) if e.term.casefold() == "article 5")
    assert [u.lesson_id for u in entry.uses] == ["nato-origins", "other"]  # course order, not list order
    assert entry.uses[1].definition == "Another lesson's wording."


def test_search_finds_terms_by_name_or_definition() -> None:
    glossary = build_glossary(load_lessons([LESSONS]).lessons)
    found = [e.term for e in matching(glossary, "article 5")]
    assert "Article 5" in found
    assert all("article" in (e.term + " ".join(u.definition for u in e.uses)).casefold()
               for e in matching(glossary, "article 5"))
    assert matching(glossary, "zzzz-nothing") == []
    assert matching(glossary, "") == glossary
