"""Reading what students type: numbers, free text, and the gaps of a cloze text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from irtutor.core.cloze import ClozeSyntaxError, parse_cloze
from irtutor.core.numbers import ReadNumber, format_number, read_number
from irtutor.core.questions import Gap, TextVariant
from irtutor.core.text_matching import normalise


@pytest.mark.parametrize(("typed", "read"), [
    ("1949", ReadNumber(1949)),
    ("  1949  ", ReadNumber(1949)),
    ("1949.0", ReadNumber(1949)),
    ("1949.", ReadNumber(1949)),
    ("1,949", ReadNumber(1949, other_reading=1.949)),  # one comma, three digits after: thousands
    ("3,5", ReadNumber(3.5)),  # one comma, one or two digits after: a decimal comma
    ("3,14159", ReadNumber(3.14159)),  # ... or four and more
    ("0,500", ReadNumber(0.5)),  # "0," can only start a decimal
    ("1234,567", ReadNumber(1234.567)),  # four digits before the comma: not a thousands group
    ("1.949", ReadNumber(1.949)),  # a single point is always a decimal point
    ("1,949,000", ReadNumber(1949000)),
    ("1.949.000", ReadNumber(1949000)),
    ("1,949.5", ReadNumber(1949.5)),
    ("1.949,5", ReadNumber(1949.5)),
    ("1 949", ReadNumber(1949)),
    ("1\u00a0949\u202f000", ReadNumber(1949000)),
    ("1'949", ReadNumber(1949)),
    ("1 949,5", ReadNumber(1949.5)),
    (".5", ReadNumber(0.5)),
    ("-5", ReadNumber(-5)),
    ("−5", ReadNumber(-5)),
    ("- 2.5", ReadNumber(-2.5)),
    ("+7", ReadNumber(7)),
    ("-1,949", ReadNumber(-1949, other_reading=-1.949)),
    ("32 members", ReadNumber(32, "members")),
    ("32 Member States.", ReadNumber(32, "Member States")),
    ("5%", ReadNumber(5, "%")),
    ("2,500 km²", ReadNumber(2500, "km²", 2.5)),
    ("1 94", None),
    ("1,94,9", None),
    ("1.5.3", None),
    ("1,000.000.5", None),
    ("12 34", None),
    ("thirty-two", None),
    ("about 30", None),
    ("", None),
    ("   ", None),
    ("-", None),
])
def test_read_number(typed: str, read: ReadNumber | None) -> None:
    assert read_number(typed) == read


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e18, max_value=1e18))
def test_every_number_shown_in_feedback_reads_back(value: float) -> None:
    read = read_number(format_number(value))
    assert read is not None and read.value == value and read.unit == ""


@pytest.mark.parametrize(("text", "options", "normal"), [
    ("Zürich", {}, "zurich"),
    ("ZÜRICH", {}, "zurich"),
    ("Zürich", {"accent_sensitive": True}, "zürich"),
    ("Zürich", {"case_sensitive": True}, "Zurich"),
    ("Zu\u0308rich", {"accent_sensitive": True}, "zürich"),  # decomposed and composed forms agree
    ("Straße", {}, "strasse"),
    ("Łódź", {}, "lodz"),
    ("Ålesund", {}, "alesund"),
    ("ﬁnland", {}, "finland"),
    ("ＮＡＴＯ", {}, "nato"),
    ("  Soviet \t\n Union  ", {}, "soviet union"),
    ("“USSR.”", {}, "ussr"),
    ("(USSR)?!", {}, "ussr"),
    ("U.N.", {}, "un"),  # a reader sees no difference between U.N. and UN
    ("Bosnia-Herzegovina", {}, "bosnia-herzegovina"),
    ("?", {}, "?"),
    (" ... ", {}, "..."),
    ("", {}, ""),
])
def test_normalise(text: str, options: dict[str, bool], normal: str) -> None:
    assert normalise(text, **options) == normal


@pytest.mark.parametrize(("text", "segments"), [
    ("In {{1949}}.", ("In ", Gap("g1", (), (TextVariant("1949"),)), ".")),
    ("{{USSR; Soviet Union }}", (Gap("g1", (), (TextVariant("USSR"), TextVariant("Soviet Union"))),)),
    ("By {{twelve|twenty}} states", ("By ", Gap("g1", ("twelve", "twenty"), (TextVariant("twelve"),)), " states")),
    ("{{a}}{{b}}", (Gap("g1", (), (TextVariant("a"),)), Gap("g2", (), (TextVariant("b"),)))),
    ("a } b { c {{d}}", ("a } b { c ", Gap("g1", (), (TextVariant("d"),)))),
])
def test_parse_cloze(text: str, segments: tuple) -> None:
    assert parse_cloze(text).segments == segments


@pytest.mark.parametrize(("text", "offset", "message"), [
    ("No gap here.", None, "the cloze text has no gap"),
    ("In {{1949.", 3, "gap {{1949. is not closed"),
    ("In {{1949 or {{1950}}.", 3, "is not closed"),
    ("In 1949}} {{x}}", 7, "the cloze text has }} that closes no gap"),
    ("{{x}} and }}", 10, "closes no gap"),
    ("In {{}}.", 3, "gap {{}} is empty"),
    ("In {{ }}.", 3, "gap {{ }} is empty"),
    ("In {{a||b}}.", 3, "has an empty entry: write something between each |"),
    ("In {{a;}}.", 3, "has an empty entry: write something between each ;"),
    ("In {{a|b;c}}.", 3, "mixes | and ;"),
    ("In {{a|b|a}}.", 3, "lists the choice 'a' twice"),
])
def test_cloze_syntax_errors_say_where(text: str, offset: int | None, message: str) -> None:
    with pytest.raises(ClozeSyntaxError, match=re.escape(message)) as raised:
        parse_cloze(text)
    assert raised.value.offset == offset
