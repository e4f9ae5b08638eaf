"""YAML loading that remembers where every value came from, for file:line:column problems."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import yaml

from irtutor.core.problems import LessonError, Problem

try:  # the C loader is several times faster; fall back where libyaml is missing
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the wheel
    _Loader = yaml.SafeLoader

YamlPath = tuple[str | int, ...]


@dataclass
class LocatedYaml:
    """Plain data plus the (line, column) of each value and each mapping key, 1-based."""

    path: str
    data: Any
    values: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)

    def position(self, at: YamlPath, *, key: bool = False) -> tuple[int, int]:
        """Where `at` is written; the nearest enclosing value if `at` itself is absent."""
        table = self.keys if key else self.values
        for n in range(len(at), -1, -1):
            found = table.get(at[:n]) if n == len(at) else self.values.get(at[:n])
            if found:
                return found
        return (1, 1)

    def problem(self, at: YamlPath, message: str, *, key: bool = False) -> Problem:
        line, column = self.position(at, key=key)
        return Problem(self.path, line, column, message)


def load_located_yaml(text: str, path: str) -> LocatedYaml:
    """Parse one YAML document; a syntax error becomes a LessonError at its position."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        located = LocatedYaml(path, None)
        if node is not None:
            located.data = _build(node, (), _Builder(loader, text, located))
        return located
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise LessonError(Problem(path, line, column, f"YAML syntax: {exc.problem or exc}")) from None
    except yaml.reader.ReaderError as exc:
        line, column = _offset_position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"control character U+{code:04X} is not allowed in a YAML file; delete it"
        raise LessonError(Problem(path, line, column, message)) from None
    finally:
        loader.dispose()


class _Builder:
    """Turns composed nodes into plain data, refusing what a lesson file has no use for.

    Aliases are refused outright: a few lines of nested `*alias` expand to billions of values
    (the "billion laughs" file), and lesson files never need them.
    """

    def __init__(self, loader: yaml.SafeLoader, text: str, out: LocatedYaml) -> None:
        self.loader, self.text, self.out = loader, text, out
        self.seen: set[int] = set()

    def refuse_alias(self) -> LessonError:
        line, column = _first_alias(self.text)
        return LessonError(Problem(self.out.path, line, column,
                                   "YAML aliases (*name) are not allowed in lesson files; "
                                   "write the value out in full"))

    def scalar(self, node: yaml.Node) -> Any:
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError) as exc:
            shown = str(node.value)[:40] + ("..." if len(str(node.value)) > 40 else "")
            raise LessonError(self.problem(node, f"'{shown}' cannot be read: {_reason(exc)}; "
                                                 "correct it, or put it in quotes if it is text")) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise LessonError(self.problem(node, f"'{node.value}' is not a number a lesson can use; "
                                                 "write a finite number"))
        return value

    def problem(self, node: yaml.Node, message: str) -> Problem:
        return Problem(self.out.path, node.start_mark.line + 1, node.start_mark.column + 1, message)


def _build(node: yaml.Node, at: YamlPath, b: _Builder) -> Any:
    if id(node) in b.seen:
        raise b.refuse_alias()
    b.seen.add(id(node))
    b.out.values[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, at, b)
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, (*at, i), b) for i, child in enumerate(node.value)]
    value = b.scalar(node)
    # Unquoted dates become strings so that the schema sees what the author typed.
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _build_mapping(node: yaml.MappingNode, at: YamlPath, b: _Builder) -> dict:
    out = b.out
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise LessonError(b.problem(key_node, "a key must be a plain word, not a list or a mapping"))
        if id(key_node) in b.seen:
            raise b.refuse_alias()
        b.seen.add(id(key_node))
        key = b.scalar(key_node)
        key = key if isinstance(key, str) else str(key).lower() if isinstance(key, bool) else str(key)
        key_at = (*at, key)
        if key in result:
            first_line = out.keys[key_at][0]
            raise LessonError(
                Problem(
                    out.path, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    f"duplicate key '{key}' (first written on line {first_line}); keep one of them",
                )
            )
        out.keys[key_at] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        result[key] = _build(value_node, key_at, b)
    return result


def _reason(exc: BaseException) -> str:
    text = str(exc)
    if "integer string conversion" in text:
        return "the number has too many digits"
    return text.split(";")[0]


def _first_alias(text: str) -> tuple[int, int]:
    """Where the first `*alias` is written; scanning tokens is linear, unlike expanding them."""
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.AliasToken):
                return token.start_mark.line + 1, token.start_mark.column + 1
    except yaml.YAMLError:
        pass
    return 1, 1


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1
