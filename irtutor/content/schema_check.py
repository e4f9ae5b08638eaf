"""Validating lesson.yaml and quiz.yaml against the JSON Schemas shipped in resources/schema.

The schema is the one definition of the format: instructors' editors validate with the same
files as they type. Here each schema error becomes a Problem at the line that causes it, in
words that say how to fix it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from irtutor.content.located_yaml import LocatedYaml, YamlPath
from irtutor.core.problems import Problem
from irtutor.paths import resource_dir

_ID_HINT = "lower-case words joined by hyphens, e.g. 'nato-origins'"


@cache
def _validator(name: str) -> Draft202012Validator:
    schema_path = Path(resource_dir(), "schema", f"{name}.schema.json")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_problems(document: LocatedYaml, schema_name: str) -> list[Problem]:
    """Every way `document` breaks the schema, one Problem per place, in file order."""
    if document.data is None:
        return [document.problem((), "the file is empty; see the lesson format in README.md")]
    seen: dict[tuple[int, int, str], Problem] = {}
    errors = list(_leaf_errors(_validator(schema_name).iter_errors(document.data)))
    # With an unknown `kind`, what else the question lacks is noise: report the kind alone.
    bad_kinds = {tuple(e.absolute_path)[:-1] for e in errors if tuple(e.absolute_path)[-1:] == ("kind",)}
    for error in errors:
        at: YamlPath = tuple(error.absolute_path)
        if at[-1:] != ("kind",) and any(at[: len(k)] == k for k in bad_kinds):
            continue
        message, on_key = _explain(error, at)
        target = (*at, _unexpected_key(error)) if on_key else at
        problem = document.problem(target, message, key=on_key)
        seen.setdefault((problem.line, problem.column, message), problem)
    return sorted(seen.values())


def _leaf_errors(errors: Iterator[ValidationError]) -> Iterator[ValidationError]:
    """The specific errors under if/then/else and allOf, not their umbrella messages."""
    for error in errors:
        if error.context:
            yield from _leaf_errors(iter(error.context))
        else:
            yield error


def _unexpected_key(error: ValidationError) -> str:
    extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
    return extra[0] if extra else ""


def _where(at: YamlPath) -> str:
    if len(at) >= 2 and isinstance(at[-1], int):
        noun = "question" if at[-2] == "questions" else f"item of `{at[-2]}`"
        return f"{noun} {at[-1] + 1}"
    return f"`{at[-1]}`" if at else "the file"


def _explain(error: ValidationError, at: YamlPath) -> tuple[str, bool]:
    """A fix-it message for one schema error, and whether it points at a key."""
    kind: str = str(error.validator)
    schema: Any = error.validator_value
    if kind == "required":
        missing = [k for k in schema if k not in error.instance]
        field = missing[0] if missing else "?"
        return f"missing field `{field}` in {_where(at)}: add a line `{field}: ...`", False
    if kind == "additionalProperties":
        key = _unexpected_key(error)
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"unknown field `{key}`; allowed here: {allowed}", True
    if kind == "enum" and at and at[-1] == "kind":
        options = ", ".join(schema)
        return f"unknown question kind {error.instance!r}; use one of: {options}", False
    if kind == "enum":
        return f"{_where(at)} is {error.instance!r}; use one of: {', '.join(schema)}", False
    if kind == "const":
        return f"{_where(at)} must be {schema!r}; write `{at[-1] if at else 'value'}: {schema}`", False
    if kind == "type":
        got = type(error.instance).__name__.replace("str", "text").replace("NoneType", "nothing")
        return f"{_where(at)} must be {_type_words(schema)}, not {got}", False
    if kind == "pattern":
        return f"{_where(at)} {error.instance!r} must be {_ID_HINT}", False
    if kind == "propertyNames":
        return f"id {error.instance!r} must be {_ID_HINT}", False
    if kind in {"minItems", "minProperties"}:
        return f"{_where(at)} must list at least {schema}", False
    if kind == "minLength":
        return f"{_where(at)} must not be empty", False
    if kind == "format":
        return f"{_where(at)} {error.instance!r} must be a date written YYYY-MM-DD", False
    return f"{_where(at)}: {error.message}", False


def _type_words(schema: Any) -> str:
    names = {"string": "text", "integer": "a whole number", "boolean": "true or false",
             "array": "a list", "object": "a mapping of `key: value` lines"}
    kinds = schema if isinstance(schema, list) else [schema]
    return " or ".join(names.get(k, k) for k in kinds)
