"""The Lesson details form's rows as lesson.yaml values, the checks the schema leaves out, and citations.

No Qt here: the form (lesson_details.py) turns its rows into plain lists of mappings and hands them
to these functions, so what is written and what is flagged can be tested without widgets.
The schema allows any string as a source's `url` and `date`; the form still flags an address that
is not a web address and a date that is not YYYY, YYYY-MM or YYYY-MM-DD, the forms every shipped
lesson uses, because a slip there is what an author can no longer see once the row scrolls away.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from irtutor.core.lesson import Page
from irtutor.core.questions import Question

SOURCE_ID = "id"
SOURCE_KEYS = ("title", "publisher", "url", "date", "note")
"""The keys of a source the form has an input for; others (`verified`) are kept as written."""
QUIZ_PLACE = "quiz:"
"""Marks a question (`quiz:<question id>`) among the page slugs that cite a source."""
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

NOT_VERIFIED_NOTE = "not verified against the original"
NOT_CITED = "Not cited on any page or by any question"
FURTHER = "Not cited: listed as further reading"
CITED_PAGES = "Cited on {noun} {slugs}"
CITED_QUESTIONS = "by {n} quiz question{s}"
BAD_ID = "id '{id}' must be lower-case words joined by hyphens (it names the source in [^{id}])"
EMPTY_ID = "give the source an id, e.g. 'nato-treaty'"
DUPLICATE_ID = "id '{id}' is used by another source; give each source its own id"
BAD_URL = "'{url}' is not a web address: write it in full, starting with https://"
BAD_DATE = "date '{date}' must be YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1949-04-04"
DUPLICATE_TERM = "the term '{term}' is defined twice; keep one"
EMPTY_TERM = "name the term this definition explains"

RowProblem = tuple[int, str]
"""A problem on one row of a list: its index and the message."""


def citations_by_source(pages: Sequence[Page], questions: Sequence[Question]) -> dict[str, list[str]]:
    """Source id -> the slugs of the pages that cite it, in page order, then `quiz:<id>` for each question."""
    cited: dict[str, list[str]] = {}
    for page in pages:
        for source_id in page.citations:
            places = cited.setdefault(source_id, [])
            if page.slug not in places:
                places.append(page.slug)
    for question in questions:
        if question.source:
            cited.setdefault(question.source, []).append(QUIZ_PLACE + question.id)
    return cited


def cited_text(places: Sequence[str], further_reading: bool = False) -> str:
    """What the "Cited on" line says for one source, e.g. "Cited on pages 01-a, 03-b and by 2 quiz questions"."""
    slugs = [p for p in places if not p.startswith(QUIZ_PLACE)]
    questions = len(places) - len(slugs)
    if not places:
        return FURTHER if further_reading else NOT_CITED
    parts = [CITED_PAGES.format(noun="page" if len(slugs) == 1 else "pages", slugs=", ".join(slugs))] if slugs else []
    if questions:
        parts.append(CITED_QUESTIONS.format(n=questions, s="" if questions == 1 else "s"))
    text = " and ".join(parts)
    return text if slugs else f"Cited {text}"


def sources_value(rows: Sequence[dict[str, Any]], kept: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The `sources:` mapping from the form's rows (`id` plus SOURCE_KEYS, empty ones left out) and
    each row's keys without an input (`kept`), in row order; a later duplicate id wins (the form
    writes nothing while ids clash)."""
    out: dict[str, dict[str, Any]] = {}
    for row, extra in zip(rows, kept, strict=True):
        if blank(row) and not extra:
            continue  # a row just added: written once the author types into it
        fields = {k: str(row[k]) for k in SOURCE_KEYS if str(row.get(k, "") or "")}
        out[str(row.get(SOURCE_ID, "")).strip()] = {**fields, **extra}
    return out


def source_rows(sources: dict[str, Any]) -> list[dict[str, Any]]:
    """lesson.yaml's `sources:` as the form's rows: `id` and every key written (the row keeps the ones
    it has no input for, such as `verified`, for `kept_keys`)."""
    return [{SOURCE_ID: sid, **(s if isinstance(s, dict) else {})} for sid, s in sources.items()]


def kept_keys(original: dict[str, Any]) -> dict[str, Any]:
    """The keys of a source row the form has no input for, as the row was loaded."""
    return {k: v for k, v in original.items() if k not in (SOURCE_ID, *SOURCE_KEYS)}


def terms_value(rows: Sequence[dict[str, Any]]) -> dict[str, str]:
    """The `terms:` mapping from term/definition rows; a row with neither is left out."""
    return {str(r.get("term", "")).strip(): str(r.get("definition", "")) for r in rows if not blank(r)}


def objectives_value(rows: Sequence[Any]) -> list[str]:
    """The `objectives:` list; a row left blank is not written (its problem would only be noise)."""
    return [str(text) for text in rows if not blank(text)]


def written_rows(rows: Sequence[Any]) -> list[int]:
    """The index of each row that is written to the file: item `n` in lesson.yaml is row `written_rows(rows)[n]`."""
    return [index for index, row in enumerate(rows) if not blank(row)]


def blank(row: Any) -> bool:
    """Nothing typed into the row yet (a mapping of empty texts, or an empty text)."""
    values = row.values() if isinstance(row, dict) else [row]
    return not any(str(v or "").strip() for v in values)


def term_rows(terms: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"term": term, "definition": "" if text is None else str(text)} for term, text in terms.items()]


def duplicate_keys(rows: Sequence[dict[str, Any]], key: str) -> bool:
    """Two rows under one id or term, which a mapping cannot hold: the form writes neither until fixed."""
    names = [str(r.get(key, "")).strip().casefold() for r in rows if not blank(r)]
    return len(names) != len(set(names))


def source_row_problems(rows: Sequence[dict[str, Any]]) -> list[RowProblem]:
    """Ids that are empty, not folder-safe or used twice; addresses and dates in no usual form."""
    problems: list[RowProblem] = []
    ids = [str(row.get(SOURCE_ID, "")).strip() for row in rows]
    for index, row in enumerate(rows):
        source_id = ids[index]
        if blank(row):
            continue
        if not source_id:
            problems.append((index, EMPTY_ID))
        elif not ID_RE.match(source_id):
            problems.append((index, BAD_ID.format(id=source_id)))
        elif ids.count(source_id) > 1:  # on both rows: either may be the one to rename
            problems.append((index, DUPLICATE_ID.format(id=source_id)))
        url, date = str(row.get("url", "") or "").strip(), str(row.get("date", "") or "").strip()
        if url and not web_address(url):
            problems.append((index, BAD_URL.format(url=url)))
        if date and not usual_date(date):
            problems.append((index, BAD_DATE.format(date=date)))
    return problems


def term_row_problems(rows: Sequence[dict[str, Any]]) -> list[RowProblem]:
    seen: set[str] = set()
    problems: list[RowProblem] = []
    for index, row in enumerate(rows):
        term = str(row.get("term", "")).strip()
        if not term and blank(row):
            continue
        if not term:
            problems.append((index, EMPTY_TERM))
        elif term.casefold() in seen:
            problems.append((index, DUPLICATE_TERM.format(term=term)))
        seen.add(term.casefold())
    return problems


def web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and "." in parts.netloc and not any(c.isspace() for c in url)


def usual_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, naming a month and day that exist."""
    found = DATE_RE.match(text)
    if not found:
        return False
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
