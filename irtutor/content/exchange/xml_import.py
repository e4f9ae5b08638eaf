"""Moodle XML question files -> quiz.yaml mappings, question by question (issue 14).

Read as Moodle's own importer reads them (question/format/xml/format.php): each `<question>`
becomes a mapping exactly as a question is written in quiz.yaml, or an ImportedQuestion saying
why it was skipped, with its element path ("/quiz/question[3]", 1-based among the questions).
Categories give the following questions their topic; essays are kept as discussion prompts and
descriptions as page notes; images stored in the file (`<file>`) go to `ImportResult.media`.

The XML is parsed by defusedxml with DTDs refused, so entity bombs and external entities are
refused before anything expands or is read; the file size and question count are capped.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from irtutor.content.exchange import xml_kinds
from irtutor.content.exchange.html_text import name_stem, plain_text, safe_name
from irtutor.content.exchange.report import ImportedQuestion, ImportRefused, ImportResult
from irtutor.content.exchange.xml_cloze import multianswer
from irtutor.content.exchange.xml_source import Skip, Source

MAX_BYTES = 10 * 1024 * 1024
MAX_QUESTIONS = 5_000
MAX_MEDIA_BYTES = 2 * 1024 * 1024
NO_EXPLANATION = "Imported from Moodle XML; add an explanation."
CLOZE_PROMPT = "Fill in the gaps."
ESSAY = "essay: kept as a discussion prompt"
DESCRIPTION = "description: kept as a page note"
PREVIEW_LENGTH = 200
NO_ALT = re.compile(r"<img\b(?![^>]*\balt\s*=\s*[\"']\s*[^\"'\s])[^>]*>", re.IGNORECASE)
COMBINED_FEEDBACK = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")

Converter = Callable[[Source], dict[str, Any]]
CONVERTERS: dict[str, Converter] = {
    "multichoice": xml_kinds.multichoice, "truefalse": xml_kinds.truefalse,
    "shortanswer": xml_kinds.shortanswer, "numerical": xml_kinds.numerical,
    "matching": xml_kinds.matching, "ordering": xml_kinds.ordering,
    "cloze": multianswer, "multianswer": multianswer,
}


def parse_moodle_xml(data: bytes, source: str = "file.xml") -> ImportResult:
    """Every question of a Moodle XML file, imported or skipped with the reason.

    Each mapping's `page` is "": the caller sets the page the author picks (the schema requires
    one). Raises ImportRefused when the whole file cannot be read (too large, not Moodle XML, a DTD
    or entities, more than MAX_QUESTIONS questions).
    """
    root = _parse(data, source)
    elements = root.findall("question")
    if len(elements) > MAX_QUESTIONS:
        raise ImportRefused(f"{source} holds {len(elements):,} questions; at most {MAX_QUESTIONS:,} can be "
                            "imported at once: split the file")
    result, ids, topic = ImportResult(), _Ids(), ""
    for index, element in enumerate(elements, 1):
        if element.get("type") == "category":
            topic = _topic(element)
            continue
        result.questions.append(_question(element, f"/quiz/question[{index}]", topic, ids, result))
    return result


def _parse(data: bytes, source: str) -> Element:
    if len(data) > MAX_BYTES:
        raise ImportRefused(f"{source} is {len(data) / 2**20:.1f} MB; Moodle XML files up to "
                            f"{MAX_BYTES // 2**20} MB can be imported")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportRefused(f"{source} declares a DTD or entities (<!DOCTYPE ...>, <!ENTITY ...>), which can "
                            "expand without limit or read other files; Moodle never writes them, so the file "
                            "is refused") from None
    except ParseError as error:
        raise ImportRefused(f"{source} is not well-formed XML ({error})") from None
    if root.tag != "quiz":
        raise ImportRefused(f"{source} is not a Moodle XML question file: its root element is <{root.tag}>, "
                            "not <quiz>")
    return root


def _question(element: Element, where: str, topic: str, ids: _Ids, result: ImportResult) -> ImportedQuestion:
    qtype = (element.get("type") or "").strip()
    source = Source(element)
    preview = plain_text(source.raw("questiontext"))[:PREVIEW_LENGTH]
    if not qtype:
        return ImportedQuestion(where, "", preview, skipped=f"{where}: the question has no type attribute")
    if qtype in ("essay", "description"):
        _keep_files(element, where, result, source.notes)
        (result.discussion if qtype == "essay" else result.page_notes).append(_prompt(source))
        return ImportedQuestion(where, qtype, preview, skipped=ESSAY if qtype == "essay" else DESCRIPTION,
                                notes=source.notes)
    convert = CONVERTERS.get(qtype)
    if convert is None:
        return ImportedQuestion(where, qtype, preview, skipped=f"{where}: {_unknown(qtype)}")
    try:
        prompt = _prompt(source)
        fields = convert(source)
    except Skip as skip:
        at = f"{where}/{skip.at}" if skip.at else where
        return ImportedQuestion(where, qtype, preview, skipped=f"{at}: {skip.reason}", notes=source.notes)
    _keep_files(element, where, result, source.notes)
    _note_dropped(source)
    kind = fields.pop("kind")
    mapping = {"id": ids.take(element, where), "kind": kind, "prompt": CLOZE_PROMPT if kind == "cloze" else prompt,
               **fields, "explanation": _explanation(source), "page": ""}
    if topic:
        mapping["topic"] = topic
    return ImportedQuestion(where, kind, preview, mapping, notes=source.notes)


def _unknown(qtype: str) -> str:
    if qtype == "random":
        return "a random question draws from a category when the quiz starts; import that category's questions"
    return f"Moodle's {qtype!r} question type has no counterpart here"


def _prompt(source: Source) -> str:
    prompt = source.markdown("questiontext")
    image = (source.element.findtext("image") or "").strip()
    name = safe_name(image.rsplit("/", 1)[-1]) if image else None
    if name:  # Moodle 1.9's separate image, shown after the text
        prompt = f"{prompt}\n\n![{name_stem(name)}](media/{name})".strip()
        source.notes.append(f"image {name}: its file name stands in for alt text; write a real description")
    if not prompt:
        raise Skip("the question text is empty", "questiontext")
    return prompt


def _explanation(source: Source) -> str:
    explanation = source.markdown("generalfeedback")
    if not explanation:
        source.notes.append("no general feedback: the explanation asks the author to add one")
    return explanation or NO_EXPLANATION


def _note_dropped(source: Source) -> None:
    if any(source.raw(name).strip() for name in COMBINED_FEEDBACK):
        source.notes.append("the feedback for a right, partly right or wrong response is dropped "
                            "(our feedback comes from the explanation and each answer)")
    if source.element.find("hint") is not None:
        source.notes.append("hints are dropped")
    texts = " ".join(text.text or "" for text in source.element.iter("text"))
    if NO_ALT.search(texts):
        source.notes.append("an image without alt text shows its file name instead; write what it shows")


def _topic(element: Element) -> str:
    """The last segment of the category path ("$course$/Top/NATO history" -> "nato-history")."""
    path = element.findtext("category/text") or ""
    segments = [s.replace("//", "/") for s in re.split(r"(?<!/)/(?!/)", path.strip())]
    last = segments[-1] if segments else ""
    return "" if re.fullmatch(r"\$\w+\$", last) else slugify(last)


def slugify(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


class _Ids:
    """Stable ids: the `idnumber` if there is one, else the name, made unique with -2, -3, ..."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, element: Element, where: str) -> str:
        idnumber = element.findtext("idnumber") or ""
        name = plain_text(element.findtext("name/text") or "")
        base = slugify(idnumber) or slugify(name) or f"question-{where.rsplit('[', 1)[-1].rstrip(']')}"
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate


def _keep_files(element: Element, where: str, result: ImportResult, notes: list[str]) -> None:
    for file in element.iter("file"):
        _keep(file.get("name") or "", file.text or "", result, notes)
    image = (element.findtext("image") or "").strip()
    if image and element.find("image_base64") is not None:
        _keep(image.rsplit("/", 1)[-1], element.findtext("image_base64") or "", result, notes)


def _keep(name: str, payload: str, result: ImportResult, notes: list[str]) -> None:
    stored = safe_name(name)
    if stored is None:
        notes.append(f"file {name!r} is skipped: not a plain file name")
        return
    payload = "".join(payload.split())
    if len(payload) * 3 // 4 > MAX_MEDIA_BYTES:
        notes.append(f"file {name} is skipped: larger than {MAX_MEDIA_BYTES // 2**20} MB")
        return
    try:
        content = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        notes.append(f"file {name} is skipped: its base64 content is damaged")
        return
    if not is_image(content):
        notes.append(f"file {name} is skipped: only PNG, JPEG and SVG images are kept")
        return
    if result.media.get(stored, content) != content:
        notes.append(f"file {name}: another file of that name was imported first; this question shows that one")
    result.media.setdefault(stored, content)


def is_image(content: bytes) -> bool:
    """PNG, JPEG or SVG, by the content's signature (never by the name)."""
    if content.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        return True
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<svg") or (head.startswith((b"<?xml", b"<!--")) and b"<svg" in head)
