"""numeric: a number typed, right within a tolerance, with an optional unit."""

from __future__ import annotations

from dataclasses import dataclass

from irtutor.core.answer_keys import AnswerKey
from irtutor.core.kind_registry import Graded, KeyReader, KindRules
from irtutor.core.kinds.common import NO_ANSWER
from irtutor.core.numbers import format_number, read_number
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.verdicts import ANSWER, by_credit

NOT_A_NUMBER = "“{given}” is not a number: type digits, such as 1949 or 3.5."
WRONG_UNIT = "The answer is in {unit}, not in “{given}”."
READ_AS_THOUSANDS = ("“{given}” was read as {value}: a comma before exactly three digits separates thousands. "
                     "For a decimal, write {other}.")
NUMBER_IS = "The answer is {value}{margin}."


@dataclass(frozen=True)
class NumericKey(AnswerKey):
    """A number, right within `tolerance` (absolute, or percent of `value`), with an optional unit."""

    kinds = (QuestionKind.NUMERIC,)

    value: float
    tolerance: float = 0.0
    tolerance_is_percent: bool = False
    unit: str = ""

    def __post_init__(self) -> None:
        # Whole numbers from YAML and floats from code must hash alike.
        object.__setattr__(self, "value", float(self.value))
        object.__setattr__(self, "tolerance", float(self.tolerance))

    @property
    def margin(self) -> float:
        """The largest accepted distance from `value`."""
        return abs(self.value) * self.tolerance / 100 if self.tolerance_is_percent else self.tolerance

    def accepts(self, number: float) -> bool:
        # A hair of slack so that 0.1 + 0.2 style rounding never turns a right answer wrong.
        return abs(number - self.value) <= self.margin + 1e-9 * max(1.0, abs(self.value))


def grade(question: Question, response: Response) -> Graded:
    key: NumericKey = question.key  # type: ignore[assignment]
    typed = response.text
    expected = _expected(key)
    right = describe_correct(question)

    def graded(score: float, *lines: str) -> Graded:
        part = by_credit(ANSWER, score, given=bool(typed.strip()), feedback=" ".join(lines), right=right)
        return Graded(score, (part,), lines)

    if not typed.strip():
        return graded(0.0, NO_ANSWER, expected)
    read = read_number(typed)
    if read is None:
        return graded(0.0, NOT_A_NUMBER.format(given=typed.strip()), expected)
    if read.unit and key.unit and not _same_unit(read.unit, key.unit):
        return graded(0.0, WRONG_UNIT.format(unit=key.unit, given=read.unit), expected)
    if key.accepts(read.value):
        return graded(1.0)
    if read.other_reading is not None:
        return graded(0.0, READ_AS_THOUSANDS.format(given=typed.strip(), value=format_number(read.value),
                                                    other=format_number(read.other_reading)), expected)
    return graded(0.0, expected)


def _same_unit(given: str, unit: str) -> bool:
    """Case-insensitive, and a plural "s" on either side does not matter ("member" is "members")."""
    a, b = (" ".join(u.casefold().split()) for u in (given, unit))
    return a == b or a.removesuffix("s") == b.removesuffix("s")


def _expected(key: NumericKey) -> str:
    value = format_number(key.value) + (f" {key.unit}" if key.unit else "")
    if key.tolerance <= 0:
        return NUMBER_IS.format(value=value, margin="")
    margin = f"{format_number(key.tolerance)}%" if key.tolerance_is_percent else format_number(key.tolerance)
    return NUMBER_IS.format(value=value, margin=f" (±{margin})")


def describe_response(question: Question, response: Response) -> str:
    return response.text.strip()


def describe_correct(question: Question) -> str:
    key: NumericKey = question.key  # type: ignore[assignment]
    margin = f" (± {format_number(key.margin)})" if key.margin else ""
    unit = f" {key.unit}" if key.unit else ""
    return f"{format_number(key.value)}{unit}{margin}"


def right_response(question: Question) -> Response:
    key: NumericKey = question.key  # type: ignore[assignment]
    return Response(text=f"{format_number(key.value)} {key.unit}".strip())


def read(reader: KeyReader) -> NumericKey:
    d = reader.data
    if "tolerance" in d and "tolerance_percent" in d:
        reader.report(("tolerance_percent",), "give either `tolerance` or `tolerance_percent`, not both",
                      key=True)
    for name in ("tolerance", "tolerance_percent"):
        if d.get(name, 0) < 0:
            reader.report((name,), f"`{name}` must not be negative (found {d[name]:g}); it is a distance "
                                   "either way of the answer")
    percent = "tolerance_percent" in d
    tolerance = float(d["tolerance_percent"] if percent else d.get("tolerance", 0))
    return NumericKey(float(d["answer"]), tolerance, percent, d.get("unit", ""))

RULES = KindRules(NumericKey.kinds, NumericKey, frozenset({"text"}), grade, describe_response, describe_correct,
                  right_response, read)
