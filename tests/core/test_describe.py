"""The words a student reads in the attempt review: their answer and the right one, for each kind."""

from __future__ import annotations

import pytest

from irtutor.core.describe import describe_correct, describe_response
from irtutor.core.questions import Question, Response
from tests.core.kinds import FOUNDING, cloze, matching, numeric, ordering, short_text, weighted

CASES = [
    (weighted(("a", True, None), ("b", False, None), ("c", True, None)), Response.of("b", "c"),
     "option b; option c", "option a; option c"),
    (numeric(277500, 5, percent=True, unit="flights"), Response(text=" 277,000 flights "),
     "277,000 flights", "277500 flights (± 13875)"),
    (numeric(12), Response(text="12"), "12", "12"),
    (short_text("Soviet Union", ("Russia", 0.5)), Response(text="russia"), "russia", "Soviet Union"),
    (matching({"Truman": "USA", "Attlee": "UK"}, ("France",)), Response(pairs={"Attlee": "France"}),
     "Attlee → France", "Truman → USA; Attlee → UK"),
    (ordering("abc"), Response(order=("b", "a", "c")), "item b → item a → item c",
     "item a → item b → item c"),
    (cloze(FOUNDING), Response(gaps={"g1": "1949", "g3": "USA"}),
     "NATO was founded in [1949] by […] states led by the [USA].",
     "NATO was founded in [1949] by [twelve] states led by the [USA]."),
]


@pytest.mark.parametrize(("question", "response", "said", "right"), CASES, ids=lambda v: getattr(v, "kind", None))
def test_each_kind_says_the_answer_and_the_right_one(question: Question, response: Response, said: str,
                                                     right: str) -> None:
    assert describe_response(question, response) == said
    assert describe_correct(question) == right


@pytest.mark.parametrize("question", [case[0] for case in CASES], ids=lambda q: str(q.kind))
def test_an_empty_response_reads_no_answer(question: Question) -> None:
    assert describe_response(question, Response()) == "(no answer)"
