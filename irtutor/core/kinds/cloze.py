"""cloze: running text with gaps, typed or chosen from a list, each earning its share."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from irtutor.core.answer_keys import ADDED_LATER, NOT_HASHED, AnswerKey, TextVariant
from irtutor.core.kind_registry import Graded, KeyReader, KindRules
from irtutor.core.kinds.common import percent
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.text_matching import TYPOS_AUTO, match
from irtutor.core.verdicts import by_credit

GAP_WRONG = "Gap {number}: {right}, not “{given}”."
GAP_MISSING = "Gap {number}: {right} (left empty)."
GAP_PARTIAL = "Gap {number}: “{given}” earns {percent}%; the full answer is {right}."
EMPTY_GAP = "…"


@dataclass(frozen=True)
class Gap:
    """One blank of a cloze text: a choice list when `choices` is set, else typed.

    `variants` are what earns credit: for a choice list, the right choice's text (matched
    exactly); for a typed gap, the accepted answers (matched like short text).
    """

    id: str
    choices: tuple[str, ...] = ()
    variants: tuple[TextVariant, ...] = ()

    @property
    def is_choice(self) -> bool:
        return bool(self.choices)

    @property
    def best(self) -> str:
        return max(self.variants, key=lambda v: v.credit).text if self.variants else ""


@dataclass(frozen=True)
class ClozeKey(AnswerKey):
    """Running text with gaps, in reading order."""

    kinds = (QuestionKind.CLOZE,)

    segments: tuple[str | Gap, ...]
    typos: int = field(default=TYPOS_AUTO, metadata=ADDED_LATER)
    """Typos forgiven in typed gaps whose answer has no digits (see core.text_matching)."""
    protected: frozenset[str] = field(default=frozenset(), compare=False, metadata=NOT_HASHED)

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return tuple(s for s in self.segments if isinstance(s, Gap))

    def right_texts(self) -> tuple[str, ...]:
        return tuple(v.text for gap in self.gaps if not gap.is_choice for v in gap.variants if v.credit >= 1.0)

    def credit(self, gap: Gap, value: str) -> float:
        """The share of the mark `value` earns in `gap`."""
        return gap_credit(gap, value, typos=self.typos, protected=self.protected)


def gap_credit(gap: Gap, value: str, *, typos: int = 0, protected: frozenset[str] = frozenset()) -> float:
    """The share of the mark `value` earns in one gap."""
    if gap.is_choice:
        return max((v.credit for v in gap.variants if v.text == value), default=0.0)
    found = match(value, gap.variants, typos=typos, protected=protected)
    return found.variant.credit if found else 0.0


def grade(question: Question, response: Response) -> Graded:
    key: ClozeKey = question.key  # type: ignore[assignment]
    given = response.gap_map()
    parts, feedback = [], []
    for number, gap in enumerate(key.gaps, start=1):
        value = given.get(gap.id, "").strip()
        credit = key.credit(gap, given.get(gap.id, ""))
        right = gap.variants[0].text if gap.variants else ""
        line = ""
        if not value:
            line = GAP_MISSING.format(number=number, right=right)
        elif credit == 0.0:
            line = GAP_WRONG.format(number=number, right=right, given=value)
        elif credit < 1.0:
            line = GAP_PARTIAL.format(number=number, given=value, percent=percent(credit), right=right)
        parts.append(by_credit(gap.id, credit, given=bool(value), feedback=line, right=right))
        if line:
            feedback.append(line)
    score = sum(p.credit for p in parts) / len(parts) if parts else 0.0
    return Graded(score, tuple(parts), tuple(feedback))


def describe_response(question: Question, response: Response) -> str:
    return _filled_text(question.key, response.gap_map())  # type: ignore[arg-type]


def describe_correct(question: Question) -> str:
    key: ClozeKey = question.key  # type: ignore[assignment]
    return _filled_text(key, {gap.id: gap.best for gap in key.gaps if gap.variants})


def _filled_text(key: ClozeKey, filled: dict[str, str]) -> str:
    """The cloze text with each gap shown as [what fills it]."""
    parts = [segment if isinstance(segment, str) else f"[{filled.get(segment.id, '').strip() or EMPTY_GAP}]"
             for segment in key.segments]
    return "".join(parts).strip()


def right_response(question: Question) -> Response:
    key: ClozeKey = question.key  # type: ignore[assignment]
    return Response(gaps={g.id: g.variants[0].text for g in key.gaps})


def read(reader: KeyReader) -> ClozeKey:
    from irtutor.core.cloze import OPEN, ClozeSyntaxError, parse_cloze
    from irtutor.core.kinds.short_text import read_typos

    text = reader.data["text"]
    try:
        return replace(parse_cloze(text), typos=read_typos(reader.data.get("typos", reader.setting("typos", "auto"))))
    except ClozeSyntaxError as error:
        token = text[error.offset:error.offset + len(OPEN)] if error.offset is not None else OPEN
        reader.report_in_text("text", error.offset, token, error.message)
        return ClozeKey((text,))

RULES = KindRules(ClozeKey.kinds, ClozeKey, frozenset({"gaps"}), grade, describe_response, describe_correct,
                  right_response, read)
