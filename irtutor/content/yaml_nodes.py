"""ruamel.yaml nodes for the round-trip documents: plain copies, in-place merges, fresh values, style.

Kept apart from yaml_documents, which does the line surgery, so each stays short.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString
from ruamel.yaml.tokens import CommentToken

WIDE = 1_000_000
"""Dump width: long strings stay on the line they were written on instead of being re-folded."""


def round_trip_yaml(offset: int = 2, sequence: int = 4, mapping: int = 2) -> YAML:
    """A ruamel loader/dumper that keeps comments and quotes; the indents are the file's (see indent_style)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = WIDE
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


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


def merge(old: Any, new: Any) -> Any:
    """`new` written into `old` in place where their shapes agree, so unchanged parts keep their style."""
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            if key in old:
                merged = merge(old[key], value)
                if merged is not old[key]:
                    old[key] = merged
            else:
                old[key] = fresh(value)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        for i, value in enumerate(new[:len(old)]):
            merged = merge(old[i], value)
            if merged is not old[i]:
                old[i] = merged
        del old[len(new):]
        old.extend(fresh(v) for v in new[len(old):])
        return old
    if type(plain(old)) is type(new) and plain(old) == new:
        return old  # unchanged: keep its quotes, block style and number format
    return fresh(new, like=old)


def fresh(value: Any, like: Any = None) -> Any:
    """A value for ruamel to dump: multi-line text as a literal block, quoting kept from `like`."""
    if isinstance(value, dict):
        return CommentedMap((str(k), fresh(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return CommentedSeq(fresh(v) for v in value)
    if isinstance(value, str):
        if "\n" in value:
            return LiteralScalarString(value)
        if isinstance(like, ScalarString) and not isinstance(like, LiteralScalarString):
            return type(like)(value)
    return value


def cut_trailing_comments(node: Any) -> None:
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


def trim_trailing(lines: list[str], indent: int) -> list[str]:
    """Without trailing blank lines, and comment lines indented no deeper than `indent`."""
    end = len(lines)
    while end > 1:
        line = lines[end - 1]
        stripped = line.lstrip()
        if stripped and not (stripped.startswith("#") and len(line) - len(stripped) <= indent):
            break
        end -= 1
    return lines[:end]


def indent_style(root: Any, lines: list[str]) -> tuple[int, int, int]:
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
    round_trip_yaml().dump(fresh(mapping), out)
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header.split("\n")) if header else ""
    return comments + out.getvalue()
