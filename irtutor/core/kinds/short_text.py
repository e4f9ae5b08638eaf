"""short_text: a word or phrase typed, matched against accepted variants."""

from __future__ import annotations

from dataclasses import dataclass, field

from irtutor.core.answer_keys import ADDED_LATER, NOT_HASHED, AnswerKey, TextVariant
from irtutor.core.kind_registry import Graded, KeyReader, KindRules
from irtutor.core.kinds.common import NO_ANSWER, label, percent
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.text_matching import CATCH_ALL, TYPOS_AUTO, Form, Match, match
from irtutor.core.verdicts import ANSWER, by_credit

TEXT_IS = "The answer is {text}."
ALSO_ACCEPTED = "The answer is {text} (also accepted: {others})."
PARTIAL_TEXT = "“{given}” earns {percent}% of the mark; the full answer is {text}."
SPELLED = "Accepted, spelled “{text}”."


@dataclass(frozen=True)
class TextKey(AnswerKey):
    """Accepted variants; the best-matching one sets the score."""

    kinds = (QuestionKind.SHORT_TEXT,)

    variants: tuple[TextVariant, ...]
    case_sensitive: bool = False
    accent_sensitive: bool = False
    typos: int = field(default=TYPOS_AUTO, metadata=ADDED_LATER)
    """Typos forgiven in answers without digits: 0, 1, 2 or TYPOS_AUTO (by the answer's length)."""
    forms: frozenset[Form] = field(default=frozenset(), metadata=ADDED_LATER)
    protected: frozenset[str] = field(default=frozenset(), compare=False, metadata=NOT_HASHED)
    """Other questions' right answers, normalised: typed exactly, they are never typo-corrected into this one's."""

    @property
    def best(self) -> TextVariant:
        """The variant shown as "the answer": the first with the highest credit."""
        return max(self.variants, key=lambda v: v.credit)

    def right_texts(self) -> tuple[str, ...]:
        return tuple(v.text for v in self.variants if v.credit >= 1.0)

    def find(self, typed: str) -> Match | None:
        # An author who made case or accents count would not want a typo forgiving them: auto means none.
        strict = self.case_sensitive or self.accent_sensitive
        typos = 0 if strict and self.typos == TYPOS_AUTO else self.typos
        return match(typed, self.variants, case_sensitive=self.case_sensitive, accent_sensitive=self.accent_sensitive,
                     forms=self.forms, typos=typos, protected=self.protected)


def grade(question: Question, response: Response) -> Graded:
    key: TextKey = question.key  # type: ignore[assignment]
    typed = response.text

    def graded(score: float, *lines: str) -> Graded:
        lines = tuple(line for line in lines if line)
        part = by_credit(ANSWER, score, given=bool(typed.strip()), feedback=" ".join(lines), right=key.best.text)
        return Graded(score, (part,), lines)

    if not typed.strip():
        return graded(0.0, NO_ANSWER, _expected(key))
    found = key.find(typed)
    if found is None:
        return graded(0.0, _expected(key))
    variant = found.variant
    spelled = SPELLED.format(text=found.spelled) if found.spelled else ""
    if variant.credit >= 1.0:
        return graded(1.0, spelled, variant.feedback)
    if variant.credit <= 0.0:  # a known wrong answer, or the `*` catch-all: its own feedback
        return graded(0.0, variant.feedback, _expected(key))
    return graded(variant.credit, spelled, variant.feedback, PARTIAL_TEXT.format(
        given=typed.strip(), percent=percent(variant.credit), text=key.best.text))


def _expected(key: TextKey) -> str:
    best = key.best
    others = [v.text for v in key.variants if v.credit >= best.credit and v is not best and v.text != CATCH_ALL]
    if not others:
        return TEXT_IS.format(text=best.text)
    return ALSO_ACCEPTED.format(text=best.text, others=", ".join(others))


def read_variant(answer: object) -> TextVariant:
    """One entry of `answers:` (or a cloze gap's): a plain text, or {text, credit, feedback}."""
    if isinstance(answer, dict):
        text = label(answer["text"])
        default = 0.0 if text == CATCH_ALL else 1.0
        return TextVariant(text, float(answer.get("credit", default)), answer.get("feedback", ""))
    return TextVariant(label(answer))


def read_typos(value: object) -> int:
    return TYPOS_AUTO if value == "auto" else int(value)  # type: ignore[call-overload]


def describe_response(question: Question, response: Response) -> str:
    return response.text.strip()


def describe_correct(question: Question) -> str:
    return question.key.best.text  # type: ignore[union-attr]


def right_response(question: Question) -> Response:
    return Response(text=question.key.best.text)  # type: ignore[union-attr]


def read(reader: KeyReader) -> TextKey:
    from irtutor.core.text_matching import normalise

    d = reader.data
    variants = tuple(read_variant(a) for a in d["answers"])
    key = TextKey(variants, d.get("case_sensitive", False), d.get("accent_sensitive", False),
                  read_typos(d.get("typos", reader.setting("typos", "auto"))),
                  frozenset(Form(f) for f in d.get("forms", ())))
    seen: dict[str, int] = {}
    for i, variant in enumerate(variants):
        if not 0 <= variant.credit <= 1 or (variant.credit == 0 and not variant.feedback
                                            and variant.text != CATCH_ALL):
            reader.report(("answers", i, "credit"), f"credit {variant.credit:g} is out of range: write a share "
                                                    "of the mark above 0 and at most 1, e.g. 0.5 (or 0 with a "
                                                    "`feedback` for a known wrong answer)")
        folded = normalise(variant.text, case_sensitive=key.case_sensitive, accent_sensitive=key.accent_sensitive,
                           forms=key.forms)
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
