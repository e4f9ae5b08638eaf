"""The fully right response to any question, for tests that need a student who knows every answer."""

from __future__ import annotations

from irtutor.core.answer_keys import (
    ChoiceKey,
    ClozeKey,
    MapKey,
    MatchingKey,
    NumericKey,
    OrderingKey,
    TextKey,
    TimelineKey,
)
from irtutor.core.numbers import format_number
from irtutor.core.questions import Question, Response


def right_response(q: Question) -> Response:
    key = q.key
    if isinstance(key, ChoiceKey):
        return Response(key.correct_ids)
    if isinstance(key, NumericKey):
        return Response(text=f"{format_number(key.value)} {key.unit}")
    if isinstance(key, TextKey):
        return Response(text=key.best.text)
    if isinstance(key, MatchingKey):
        return Response(pairs=key.pairs)
    if isinstance(key, OrderingKey):
        return Response(order=key.ids)
    if isinstance(key, MapKey):
        return Response(selected=frozenset(key.countries))
    if isinstance(key, TimelineKey):
        return Response(pairs={e.id: str(year) for e, year in zip(key.events, key.years, strict=True)})
    assert isinstance(key, ClozeKey)
    return Response(gaps={g.id: g.variants[0].text for g in key.gaps})
