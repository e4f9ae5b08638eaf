"""short_text: a word or phrase typed, matched against accepted variants."""

from __future__ import annotations

from dataclasses import dataclass

from irtutor.core.answer_keys import AnswerKey, TextVariant
from irtutor.core.kind_registry import Graded, KeyReader, KindRules
from irtutor.core.kinds.common import NO_ANSWER, label, percent
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.text_matching import best_match
from irtutor.core.verdicts import ANSWER, by_credit

TEXT_IS = "The answer is {text}."
ALSO_ACCEPTED = "The answer is {text} (also accepted: {others})."
PARTIAL_TEXT = "“{given}” earns {percent}% of the mark; the full answer is {text}."


@dataclass(frozen=True)
class TextKey(AnswerKey):
    """Accepted variants; the best-matching one sets the score."""

    kinds = (QuestionKind.SHORT_TEXT,)

    variants: tuple[TextVariant, ...]
    case_sensitive: bool = False
    accent_sensitive: bool = False

    @property
    def best(self) -> TextVariant:
        """The variant shown as "the answer": the first with the highest credit."""
        return max(self.variants, key=lambda v: v.credit)


def grade(question: Question, response: Response) -> Graded:
    key: TextKey = question.key  # type: ignore[assignment]
    typed = response.text

    def graded(score: float, *lines: str) -> Graded:
        part = by_credit(ANSWER, score, given=bool(typed.strip()), feedback=" ".join(lines), right=key.best.text)
        return Graded(score, (part,), lines)

    if not typed.strip():
        return graded(0.0, NO_ANSWER, _expected(key))
    match = best_match(typed, key.variants, case_sensitive=key.case_sensitive, accent_sensitive=key.accent_sensitive)
    if match is None:
        return graded(0.0, _expected(key))
    if match.credit >= 1.0:
        return graded(1.0)
    return graded(match.credit, PARTIAL_TEXT.format(given=typed.strip(), percent=percent(match.credit),
                                                    text=key.best.text))


def _expected(key: TextKey) -> str:
    best = key.best
    others = [v.text for v in key.variants if v.credit >= best.credit and v is not best]
    if not others:
        return TEXT_IS.format(text=best.text)
    return ALSO_ACCEPTED.format(text=best.text, others=", ".join(others))


def describe_response(question: Question, response: Response) -> str:
    return response.text.strip()


def describe_correct(question: Question) -> str:
    return question.key.best.text  # type: ignore[union-attr]


def right_response(question: Question) -> Response:
    return Response(text=question.key.best.text)  # type: ignore[union-attr]


def read(reader: KeyReader) -> TextKey:
    from irtutor.core.text_matching import normalise

    d = reader.data
    variants = tuple(
        TextVariant(label(a["text"]), float(a.get("credit", 1.0))) if isinstance(a, dict) else TextVariant(label(a))
        for a in d["answers"]
    )
    key = TextKey(variants, d.get("case_sensitive", False), d.get("accent_sensitive", False))
    seen: dict[str, int] = {}
    for i, variant in enumerate(variants):
        if not 0 < variant.credit <= 1:
            reader.report(("answers", i, "credit"), f"credit {variant.credit:g} is out of range: write a share "
                                                    "of the mark above 0 and at most 1, e.g. 0.5")
        folded = normalise(variant.text, case_sensitive=key.case_sensitive, accent_sensitive=key.accent_sensitive)
        if folded in seen:
            reader.report(("answers", i), f"answer {variant.text!r} is the same as answer {seen[folded] + 1} once "
                                          "case, accents, spaces and punctuation are ignored; keep one of them")
        seen.setdefault(folded, i)
    if not reader.has_problems() and not any(v.credit == 1 for v in variants):
        reader.report(("answers",), "no answer earns full credit: give at least one answer `credit: 1` "
                                    "(or no credit at all)")
    return key

RULES = KindRules(TextKey.kinds, TextKey, frozenset({"text"}), grade, describe_response, describe_correct,
                  right_response, read)
