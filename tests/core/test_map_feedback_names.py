"""Map feedback names countries, the wrong picks too: "France", never "FRA"."""

from __future__ import annotations

from irtutor.content.catalog import load_lessons
from irtutor.core.kinds.map_selection import MapKey, grade
from irtutor.core.questions import Response
from tests.conftest import LESSONS


def test_a_wrong_pick_is_named_in_the_feedback() -> None:
    question = next(q for lesson in load_lessons([LESSONS]).lessons for q in lesson.questions
                    if isinstance(q.key, MapKey) and "FRA" not in q.key.countries)
    feedback = " ".join(grade(question, Response(selected=frozenset({"FRA"}))).feedback)
    assert "France" in feedback and "FRA" not in feedback
