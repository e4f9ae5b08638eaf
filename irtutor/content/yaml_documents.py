"""Editing quiz.yaml and lesson.yaml through forms while keeping every other byte as written.

Instructors comment their files, order keys their way and quote as they like; a form that
rewrote the whole file would turn a one-word fix into a diff of every line, and lose the
comments. So an edit here touches only the lines of the part it changes: ruamel.yaml parses
the file with its comments and positions, the changed part is updated in place (its comments,
key order and quoting kept) and dumped alone, with the file's indentation, and those lines are
spliced into the original text. Everything outside them is the original text, untouched.

Reading for the app stays with located_yaml (PyYAML's C loader), which is several times faster.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from irtutor.content.yaml_nodes import (
    cut_trailing_comments,
    fresh,
    indent_style,
    merge,
    new_yaml_text,
    plain,
    round_trip_yaml,
    trim_trailing,
)
from irtutor.core.problems import LessonError, Problem

__all__ = ["LESSON_FIELDS", "LessonDocument", "QuizDocument", "new_yaml_text", "plain"]

QUESTIONS = "questions"
LESSON_FIELDS = frozenset({"title", "summary", "order", "objectives", "terms", "sources", "further_reading",
                           "prerequisites", "discussion", "facts_as_of"})


def _parse(text: str, path: str) -> Any:
    try:
        return round_trip_yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise LessonError(Problem(path, line, column, f"YAML syntax: {exc.problem or exc}")) from None
    except YAMLError as exc:
        raise LessonError(Problem(path, 1, 1, f"YAML: {exc}")) from None


class _Document:
    """The text, its parse, and the line surgery both documents share."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self._set(text)

    @property
    def text(self) -> str:
        """The current full text of the file."""
        return self._text

    def _set(self, text: str) -> None:
        self._text = text
        self._root = _parse(text, self.path)
        self._style = indent_style(self._root, self._lines())

    def _lines(self) -> list[str]:
        return self._text.split("\n")

    def _content_end(self) -> int:
        """One past the last line that holds anything (the final newline makes an empty last item)."""
        lines = self._lines()
        return len(lines) - 1 if lines and lines[-1] == "" else len(lines)

    def _top_key_end(self, key: str) -> int:
        """One past the last line of a top-level key's raw block: the next top-level key or the end."""
        start = self._root.lc.key(key)[0]
        later = [self._root.lc.key(k)[0] for k in self._root if self._root.lc.key(k)[0] > start]
        return min(later, default=self._content_end())

    def _splice(self, first: int, after: int, new: Sequence[str]) -> None:
        lines = self._lines()
        lines[first:after] = new
        self._set("\n".join(lines))

    def _dump(self, node: Any, *, item: bool) -> list[str]:
        """`node` as the lines of one list item (`- ...`) or one top-level mapping, in the file's style."""
        cut_trailing_comments(node)
        out = io.StringIO()
        round_trip_yaml(*self._style).dump(CommentedSeq([node]) if item else node, out)
        return trim_trailing(out.getvalue().split("\n"), self._style[0] if item else 0)


class QuizDocument(_Document):
    """quiz.yaml as text, edited one question at a time (see the module's docstring)."""

    def __init__(self, text: str, path: str = "quiz.yaml") -> None:
        super().__init__(text, path)

    def questions(self) -> list[dict[str, Any]]:
        """Plain copies (dict, list, str, int, float, bool) of the questions, in file order."""
        return [plain(q) for q in self._seq()]

    def question_lines(self) -> list[tuple[int, int]]:
        """The 1-based first and last line of each question in the current text."""
        return [(first + 1, last + 1) for first, last in self._spans()]

    def replace_question(self, index: int, mapping: dict[str, Any]) -> None:
        """Make question `index` equal `mapping`, rewriting only its own lines (comments inside kept)."""
        node = self._seq()[index]
        cut_trailing_comments(node)  # before merging, so that a new key lands inside the question
        merge(node, mapping)
        first, last = self._spans()[index]
        self._splice(first, last + 1, self._dump(node, item=True))

    def insert_question(self, index: int, mapping: dict[str, Any]) -> None:
        """Insert a new question before `index` (`index == len(questions)` appends it)."""
        self._insert_lines(index, self._dump(fresh(mapping), item=True))

    def remove_question(self, index: int) -> None:
        """Delete question `index` and the blank lines that separated it from the next one."""
        spans = self._spans()
        first, last = self._lead(index), spans[index][1]
        lines = self._lines()
        if len(spans) == 1:
            key_line = self._root.lc.key(QUESTIONS)[0]
            self._splice(key_line, last + 1, [f"{QUESTIONS}: []"])
        elif index < len(spans) - 1:
            after = last + 1
            while after < spans[index + 1][0] and not lines[after].strip():
                after += 1
            self._splice(first, after, [])
        else:
            while first > spans[index - 1][1] + 1 and not lines[first - 1].strip():
                first -= 1
            self._splice(first, last + 1, [])

    def move_question(self, index: int, to: int) -> None:
        """Move question `index` so that it becomes question `to`; its lines (and the comment
        right above it) move unchanged."""
        first, last = self._lead(index), self._spans()[index][1]
        block = self._lines()[first:last + 1]
        self.remove_question(index)
        self._insert_lines(to, block)

    def duplicate_question(self, index: int, new_id: str) -> None:
        """A copy of question `index` right after it, under `new_id`, with the original's formatting."""
        first, last = self._spans()[index]
        self._insert_lines(index + 1, self._lines()[first:last + 1])
        copy = self.questions()[index + 1]
        self.replace_question(index + 1, {**copy, "id": new_id})

    def _seq(self) -> list[Any]:
        found = self._root.get(QUESTIONS) if isinstance(self._root, dict) else None
        return found if isinstance(found, CommentedSeq) else []

    def _spans(self) -> list[tuple[int, int]]:
        """0-based (first, last) line of each question: from its dash to its last non-blank,
        non-comment line (a comment after a question is taken to introduce what follows)."""
        seq = self._seq()
        if not seq:
            return []
        lines = self._lines()
        starts = [seq.lc.item(i)[0] for i in range(len(seq))]
        ends = [*starts[1:], self._top_key_end(QUESTIONS)]
        dash = self._style[0]
        return [(a, a + len(trim_trailing(lines[a:b], dash)) - 1) for a, b in zip(starts, ends, strict=True)]

    def _lead(self, index: int) -> int:
        """The first line of question `index` with the comment lines directly above it, which introduce it."""
        spans, lines = self._spans(), self._lines()
        floor = spans[index - 1][1] + 1 if index else self._root.lc.key(QUESTIONS)[0] + 1
        first = spans[index][0]
        while first > floor and lines[first - 1].lstrip().startswith("#"):
            first -= 1
        return first

    def _insert_lines(self, index: int, block: list[str]) -> None:
        spans = self._spans()
        lines = self._lines()
        if not spans:
            self._insert_first(block)
            return
        gap = [""] if len(spans) < 2 or any(not lines[n].strip() for n in range(spans[0][1] + 1, spans[1][0])) else []
        if index < len(spans):
            lead = self._lead(index)  # above the comment that introduces the question now at `index`
            self._splice(lead, lead, [*block, *gap])
        else:
            end = spans[-1][1] + 1
            self._splice(end, end, [*gap, *block])

    def _insert_first(self, block: list[str]) -> None:
        """The first question: under `questions: []`, an empty `questions:`, or a new key at the end."""
        if isinstance(self._root, dict) and QUESTIONS in self._root:
            key_line = self._root.lc.key(QUESTIONS)[0]
            self._splice(key_line, key_line + 1, [f"{QUESTIONS}:", *block])
            return
        if self._root not in (None, {}) and not isinstance(self._root, dict):
            raise LessonError(Problem(self.path, 1, 1, "quiz.yaml must be a mapping with a `questions:` list"))
        end = self._content_end()
        self._splice(end, end, [f"{QUESTIONS}:", *block])


class LessonDocument(_Document):
    """lesson.yaml as text, edited one top-level field at a time (see the module's docstring)."""

    def __init__(self, text: str, path: str = "lesson.yaml") -> None:
        super().__init__(text, path)

    def data(self) -> dict[str, Any]:
        """A plain copy of the whole file."""
        return plain(self._root) if isinstance(self._root, dict) else {}

    def set_field(self, key: str, value: Any) -> None:
        """Set one top-level field, rewriting only its lines; a new field goes at the end of the file."""
        if key not in LESSON_FIELDS:
            raise ValueError(f"'{key}' is not a lesson field a form edits ({', '.join(sorted(LESSON_FIELDS))})")
        if not isinstance(self._root, CommentedMap) or key not in self._root:
            end = self._content_end()
            self._splice(end, end, self._dump(CommentedMap([(key, fresh(value))]), item=False))
            return
        cut_trailing_comments(self._root[key])
        merged = merge(self._root[key], value)
        alone = CommentedMap([(key, merged)])
        if key in self._root.ca.items:
            alone.ca.items[key] = [*self._root.ca.items[key][:3], None]
        first = self._root.lc.key(key)[0]
        after = first + len(trim_trailing(self._lines()[first:self._top_key_end(key)], 0))
        self._splice(first, after, self._dump(alone, item=False))
