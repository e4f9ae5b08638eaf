"""Question banks into and out of a lesson: read a GIFT or Moodle XML file into a plan the author
looks at first, then add its questions after the lesson's own; and write a lesson's quiz out.

Used by `irtutor import` / `irtutor export` and by the studio's File menu. Nothing is written by
`read_bank`; `add_to_lesson` writes quiz.yaml (only new lines after the last question), the media
files and lesson.yaml's discussion prompts, each atomically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from irtutor.content.atomic_write import write_text_atomically
from irtutor.content.exchange.report import ImportedQuestion, ImportRefused, ImportResult
from irtutor.content.lesson_loader import QUIZ_FILE, load_lesson
from irtutor.content.pages import page_files
from irtutor.content.summaries import LESSON_FILE
from irtutor.content.text_files import read_lesson_text
from irtutor.content.yaml_documents import LessonDocument, QuizDocument
from irtutor.core.errors import SaveFailed
from irtutor.core.problems import LessonError

FORMATS = {"gift": "GIFT", "moodle-xml": "Moodle XML"}
MEDIA = "media"
MAX_BANK_BYTES = 10 * 1024 * 1024


def bank_format(path: Path, head: bytes) -> str:
    """"moodle-xml" or "gift", from the content first (a .txt may hold either), then the name."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<?xml") or text.startswith(b"<quiz"):
        return "moodle-xml"
    if path.suffix.lower() == ".xml":
        return "moodle-xml"
    return "gift"


def read_bank(path: Path) -> tuple[str, ImportResult]:
    """The file's format and what importing it would give; nothing is written. Raises ImportRefused."""
    try:
        size = path.stat().st_size
        if size > MAX_BANK_BYTES:
            raise ImportRefused(f"{path}: {size:,} bytes; a question bank may hold at most "
                                f"{MAX_BANK_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(f"{path} could not be read: {exc.strerror or exc}") from exc
    kind = bank_format(path, data[:256])
    if kind == "moodle-xml":
        from irtutor.content.exchange.xml_import import parse_moodle_xml

        return kind, parse_moodle_xml(data, str(path))
    from irtutor.content.exchange.gift_import import parse_gift

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(f"{path}: not UTF-8 text at byte {exc.start}; save the GIFT file as UTF-8") from exc
    return kind, parse_gift(text, str(path))


@dataclass
class AddedToLesson:
    question_ids: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    """Imported ids already used in the lesson -> the id each was given instead."""
    media: list[str] = field(default_factory=list)
    discussion: int = 0
    notes_page: str = ""


def prepared_mappings(result: ImportResult, taken: set[str], page: str) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The imported questions as they go into the lesson: `page` filled in and ids made unique."""
    mappings, renamed = [], {}
    for question in result.imported:
        mapping = dict(question.mapping or {})
        mapping["page"] = mapping.get("page") or page
        wanted = str(mapping.get("id") or "imported")
        unique, n = wanted, 1
        while unique in taken:
            n += 1
            unique = f"{wanted}-{n}"
        if unique != wanted:
            renamed[wanted] = unique
        mapping["id"] = unique
        taken.add(unique)
        mappings.append(mapping)
    return mappings, renamed


def first_page(folder: Path) -> str:
    pages = page_files(folder)[0]
    if not pages:
        raise SaveFailed(f"{folder} has no page for the imported questions to point to; add a page first")
    return pages[0].stem


def add_to_lesson(result: ImportResult, folder: Path, *, page: str = "", notes_page: str = "") -> AddedToLesson:
    """Add the imported questions after the lesson's own (their lines only), their media files into
    media/, essays to lesson.yaml's discussion and descriptions at the end of `notes_page`."""
    page = page or first_page(folder)
    quiz_path = folder / QUIZ_FILE
    try:
        quiz_text = read_lesson_text(quiz_path) if quiz_path.exists() else "questions: []\n"
        document = QuizDocument(quiz_text, str(quiz_path))
    except LessonError as exc:
        raise SaveFailed(f"{exc.problem}: fix quiz.yaml before importing into it") from exc
    taken = {str(q.get("id")) for q in document.questions()}
    mappings, renamed = prepared_mappings(result, taken, page)
    added = AddedToLesson([m["id"] for m in mappings], renamed)
    added.media = write_media(result.media, folder / MEDIA)
    for mapping in mappings:
        document.insert_question(len(document.questions()), mapping)
    if mappings:
        write_text_atomically(quiz_path, document.text)
    if result.discussion:
        added.discussion = _add_discussion(folder / LESSON_FILE, result.discussion)
    if result.page_notes:
        added.notes_page = notes_page or page
        target = folder / f"{added.notes_page}.md"
        text = read_lesson_text(target).rstrip("\n")
        write_text_atomically(target, text + "\n\n" + "\n\n".join(result.page_notes) + "\n")
    return added


def write_media(files: dict[str, bytes], media: Path) -> list[str]:
    """Imported images into the lesson's media/ folder, each written whole or not at all; the names written."""
    written = []
    for name, data in files.items():
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}", name) or ".." in name:
            raise SaveFailed(f"the image name {name!r} is not a safe file name; nothing of it was written")
        target = media / name
        if target.exists():
            if target.read_bytes() == data:
                continue
            raise SaveFailed(f"{target} already exists with other content; rename one of them and import again")
        try:
            media.mkdir(exist_ok=True)
            target.with_name(f".{name}.part").write_bytes(data)
            target.with_name(f".{name}.part").replace(target)
        except OSError as exc:
            raise SaveFailed(f"{target} could not be written: {exc.strerror or exc}") from exc
        written.append(name)
    return written


def _add_discussion(meta: Path, prompts: list[str]) -> int:
    document = LessonDocument(read_lesson_text(meta), str(meta))
    existing = list(document.data().get("discussion") or [])
    new = [p for p in prompts if p not in existing]
    if new:
        document.set_field("discussion", existing + new)
        write_text_atomically(meta, document.text)
    return len(new)


def export_lesson(folder: Path, fmt: str, out: Path) -> list[str]:
    """Write the lesson's quiz as GIFT or Moodle XML to `out`; the notes on questions exported in a
    nearer form. Raises SaveFailed naming the lesson's problems if it does not load."""
    lesson, problems = load_lesson(folder)
    if lesson is None:
        raise SaveFailed(f"{folder} has problems; `irtutor check {folder}` lists them:\n"
                         + "\n".join(str(p) for p in problems[:10]))
    category = lesson.id
    if fmt == "gift":
        from irtutor.content.exchange.gift_export import export_gift

        exported = export_gift(lesson.questions, category=category)
    elif fmt == "moodle-xml":
        from irtutor.content.exchange.xml_export import export_moodle_xml

        exported = export_moodle_xml(lesson.questions, category=category)
    else:
        raise SaveFailed(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    write_text_atomically(out, exported.text)
    return list(exported.notes)


def table_rows(result: ImportResult) -> list[tuple[str, str, str, str]]:
    """(where, kind, status, prompt) per question, for the preview table."""
    return [(q.where, q.kind, q.status, _short(q)) for q in result.questions]


def _short(question: ImportedQuestion, words: int = 12) -> str:
    parts = " ".join(question.prompt.split()).split(" ")
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
