"""Responses as stored in the database: every form reads back, the very first one included."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from irtutor.core.questions import Response


@pytest.mark.parametrize(("response", "stored"), [
    (Response.of("a", "c"), {"selected": ["a", "c"]}),
    (Response(), {"selected": []}),
    (Response(text="1,949"), {"text": "1,949"}),
    (Response(pairs=(("l2", "r1"), ("l1", "r3"))), {"pairs": {"l1": "r3", "l2": "r1"}}),
    (Response(order=("i3", "i1", "i2")), {"order": ["i3", "i1", "i2"]}),
    (Response(gaps={"g2": "twelve", "g1": "1949"}), {"gaps": {"g1": "1949", "g2": "twelve"}}),
    (Response(text="Zürich ", order=("b", "a")), {"text": "Zürich ", "order": ["b", "a"]}),
])
def test_each_form_is_written_and_read_back(response: Response, stored: dict) -> None:
    assert response.to_json() == stored
    assert Response.from_json(json.loads(json.dumps(stored))) == response


def test_the_first_stored_form_still_reads() -> None:
    """Databases written before other kinds existed hold only `{"selected": [...]}`."""
    assert Response.from_json({"selected": ["b", "a"]}) == Response(frozenset({"a", "b"}))
    assert Response.from_json({"selected": []}) == Response()
    assert Response.from_json({"selected": [1, 2]}) == Response.of("1", "2")


@pytest.mark.parametrize("stored", [
    None, [], "selected", {}, {"colour": "blue"}, {"selected": "a"}, {"text": 5}, {"pairs": [["l1", "r1"]]},
    {"order": "abc"}, {"gaps": ["g1"]},
])
def test_what_is_not_a_stored_response_is_refused(stored: object) -> None:
    with pytest.raises(ValueError, match="response"):
        Response.from_json(stored)


def test_a_later_pair_for_the_same_left_replaces_the_earlier() -> None:
    assert Response(pairs=[("l1", "r1"), ("l1", "r2")]).pair_map() == {"l1": "r2"}


@pytest.mark.parametrize(("response", "empty"), [
    (Response(), True),
    (Response(text="   "), True),
    (Response(gaps={"g1": " ", "g2": ""}), True),
    (Response(text="0"), False),
    (Response.of("a"), False),
    (Response(gaps={"g1": "", "g2": "x"}), False),
    (Response(pairs={"l1": "r1"}), False),
    (Response(order=("a",)), False),
])
def test_is_empty(response: Response, empty: bool) -> None:
    assert response.is_empty() is empty


ids = st.text(min_size=1, max_size=8)
responses = st.builds(
    Response,
    selected=st.frozensets(ids, max_size=4),
    text=st.text(max_size=30),
    pairs=st.dictionaries(ids, ids, max_size=4),
    order=st.lists(ids, max_size=6).map(tuple),
    gaps=st.dictionaries(ids, st.text(max_size=10), max_size=4),
)


@given(responses)
def test_any_response_survives_the_database(response: Response) -> None:
    assert Response.from_json(json.loads(json.dumps(response.to_json()))) == response
