"""matching: each left item goes with one right item; rights may include distractors."""

from __future__ import annotations

from dataclasses import dataclass

from irtutor.core.answer_keys import AnswerKey, Item
from irtutor.core.kind_registry import Graded, KeyReader, KindRules
from irtutor.core.kinds.common import label, refuse_repeats
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.verdicts import PartVerdict, Verdict

PAIR_WRONG = "{left}: {right}, not {given}."
PAIR_MISSING = "{left}: {right} (not matched)."


@dataclass(frozen=True)
class MatchingKey(AnswerKey):
    kinds = (QuestionKind.MATCHING,)

    lefts: tuple[Item, ...]
    rights: tuple[Item, ...]
    pairs: tuple[tuple[str, str], ...]

    @property
    def answer(self) -> dict[str, str]:
        """left id -> the right id it goes with."""
        return dict(self.pairs)

    def right_text(self, right_id: str) -> str:
        return next((r.text for r in self.rights if r.id == right_id), right_id)


def grade(question: Question, response: Response) -> Graded:
    key: MatchingKey = question.key  # type: ignore[assignment]
    given, answer = response.pair_map(), key.answer
    parts, feedback = [], []
    for left in key.lefts:
        right = key.right_text(answer[left.id])
        if left.id not in given:
            line = PAIR_MISSING.format(left=left.text, right=right)
            parts.append(PartVerdict(left.id, Verdict.MISSED, 0.0, line, right))
            feedback.append(line)
        elif given[left.id] != answer[left.id]:
            line = PAIR_WRONG.format(left=left.text, right=right, given=key.right_text(given[left.id]))
            parts.append(PartVerdict(left.id, Verdict.WRONG, 0.0, line, right))
            feedback.append(line)
        else:
            parts.append(PartVerdict(left.id, Verdict.RIGHT, 1.0, "", right))
    hits = sum(1 for p in parts if p.verdict is Verdict.RIGHT)
    return Graded(hits / len(key.lefts) if key.lefts else 0.0, tuple(parts), tuple(feedback))


def describe_response(question: Question, response: Response) -> str:
    key: MatchingKey = question.key  # type: ignore[assignment]
    given = response.pair_map()
    return "; ".join(f"{left.text} → {key.right_text(given[left.id])}" for left in key.lefts if left.id in given)


def describe_correct(question: Question) -> str:
    key: MatchingKey = question.key  # type: ignore[assignment]
    answer = key.answer
    return "; ".join(f"{left.text} → {key.right_text(answer[left.id])}" for left in key.lefts)


def right_response(question: Question) -> Response:
    return Response(pairs=question.key.pairs)  # type: ignore[union-attr]


def read(reader: KeyReader) -> MatchingKey:
    pairs = reader.data["pairs"]
    lefts = tuple(Item(f"l{i + 1}", label(p["left"])) for i, p in enumerate(pairs))
    refuse_repeats(reader, [left.text for left in lefts], lambda i: ("pairs", i, "left"), "left")
    rights: dict[str, Item] = {}
    for text in [label(p["right"]) for p in pairs]:
        rights.setdefault(text, Item(f"r{len(rights) + 1}", text))
    answers = set(rights)
    distractors = [label(x) for x in reader.data.get("distractors", [])]
    for i, text in enumerate(distractors):
        if text in answers:
            reader.report(("distractors", i), f"distractor {text!r} is already the right of a pair; a distractor "
                                              "must go with no left, so remove it or change it")
    refuse_repeats(reader, distractors, lambda i: ("distractors", i), "distractor")
    for text in distractors:
        rights.setdefault(text, Item(f"r{len(rights) + 1}", text))
    return MatchingKey(lefts, tuple(rights.values()),
                       tuple((left.id, rights[label(p["right"])].id) for left, p in zip(lefts, pairs, strict=True)))

RULES = KindRules(MatchingKey.kinds, MatchingKey, frozenset({"pairs"}), grade, describe_response, describe_correct,
                  right_response, read)
