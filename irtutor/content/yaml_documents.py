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

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString
from ruamel.yaml.tokens import CommentToken

from irtutor.core.problems import LessonError, Problem

QUESTIONS = "questions"
LESSON_FIELDS = frozenset({"title", "summary", "order", "objectives", "terms", "sources", "further_reading",
                           "prerequisites", "discussion", "facts_as_of"})
_WIDE = 1_000_000
"""Dump width: long strings stay on the line they were written on instead of being re-folded."""


def _yaml(offset: int = 2, sequence: int = 4, mapping: int = 2) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = _WIDE
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _parse(text: str, path: str) -> Any:
    try:
        return _yaml().load(text)
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
        self._style = _indent_style(self._root, self._lines())

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
        _cut_trailing_comments(node)
        out = io.StringIO()
        _yaml(*self._style).dump(CommentedSeq([node]) if item else node, out)
        return _trim_trailing(out.getvalue().split("\n"), self._style[0] if item else 0)


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
        _cut_trailing_comments(node)  # before merging, so that a new key lands inside the question
        _merge(node, mapping)
        first, last = self._spans()[index]
        self._splice(first, last + 1, self._dump(node, item=True))

    def insert_question(self, index: int, mapping: dict[str, Any]) -> None:
        """Insert a new question before `index` (`index == len(questions)` appends it)."""
        self._insert_lines(index, self._dump(_fresh(mapping), item=True))

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
        return [(a, a + len(_trim_trailing(lines[a:b], dash)) - 1) for a, b in zip(starts, ends, strict=True)]

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
            self._splice(end, end, self._dump(CommentedMap([(key, _fresh(value))]), item=False))
            return
        _cut_trailing_comments(self._root[key])
        merged = _merge(self._root[key], value)
        alone = CommentedMap([(key, merged)])
        if key in self._root.ca.items:
            alone.ca.items[key] = [*self._root.ca.items[key][:3], None]
        first = self._root.lc.key(key)[0]
        after = first + len(_trim_trailing(self._lines()[first:self._top_key_end(key)], 0))
        self._splice(first, after, self._dump(alone, item=False))


def plain(value: Any) -> Any:
    """ruamel's commented containers and styled scalars as plain Python values."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()  # as located_yaml reads an unquoted date
    return value


def _merge(old: Any, new: Any) -> Any:
    """`new` written into `old` in place where their shapes agree, so unchanged parts keep their style."""
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            if key in old:
                merged = _merge(old[key], value)
                if merged is not old[key]:
                    old[key] = merged
            else:
                old[key] = _fresh(value)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        for i, value in enumerate(new[:len(old)]):
            merged = _merge(old[i], value)
            if merged is not old[i]:
                old[i] = merged
        del old[len(new):]
        old.extend(_fresh(v) for v in new[len(old):])
        return old
    if type(plain(old)) is type(new) and plain(old) == new:
        return old  # unchanged: keep its quotes, block style and number format
    return _fresh(new, like=old)


def _fresh(value: Any, like: Any = None) -> Any:
    """A value for ruamel to dump: multi-line text as a literal block, quoting kept from `like`."""
    if isinstance(value, dict):
        return CommentedMap((str(k), _fresh(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return CommentedSeq(_fresh(v) for v in value)
    if isinstance(value, str):
        if "\n" in value:
            return LiteralScalarString(value)
        if isinstance(like, ScalarString) and not isinstance(like, LiteralScalarString):
            return type(like)(value)
    return value


def _cut_trailing_comments(node: Any) -> None:
    """Drop the blank lines and comments ruamel hangs on a node's last value: they belong to what
    follows it in the file (the next question's comment), and they stay there in the original text."""
    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        last = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        entry = node.ca.items.get(last)
        if entry:
            for slot in range(min(3, len(entry))):
                token = entry[slot]
                if isinstance(token, CommentToken):
                    entry[slot] = _end_of_line_only(token)
        node = node[last]


def _end_of_line_only(token: CommentToken) -> CommentToken | None:
    if not token.value.startswith("#"):
        return None
    token.value = token.value[:token.value.index("\n") + 1] if "\n" in token.value else token.value + "\n"
    return token


def _trim_trailing(lines: list[str], indent: int) -> list[str]:
    """Without trailing blank lines, and comment lines indented no deeper than `indent`."""
    end = len(lines)
    while end > 1:
        line = lines[end - 1]
        stripped = line.lstrip()
        if stripped and not (stripped.startswith("#") and len(line) - len(stripped) <= indent):
            break
        end -= 1
    return lines[:end]


def _indent_style(root: Any, lines: list[str]) -> tuple[int, int, int]:
    """(dash offset, item indent, mapping indent) of the file's first block list at the top level;
    the shipped lessons' style (2, 4, 2) when it has none."""
    if isinstance(root, CommentedMap):
        for key, value in root.items():
            if isinstance(value, CommentedSeq) and value and value.lc.item(0)[0] > root.lc.key(key)[0]:
                line, column = value.lc.item(0)
                dash = lines[line].rfind("-", 0, column)
                if dash >= 0:
                    return dash, column, 2
    return 2, 4, 2


def new_yaml_text(mapping: dict[str, Any], header: str = "") -> str:
    """A new file's text for `mapping`, in the shipped lessons' style, after `header` comment lines."""
    out = io.StringIO()
    _yaml().dump(_fresh(mapping), out)
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header.split("\n")) if header else ""
    return comments + out.getvalue()
