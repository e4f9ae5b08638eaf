"""GIFT, the plain-text question format of Moodle, read as Moodle's `question/format/gift/format.php` reads it.

A blank line ends a question; `//` lines are comments (`// [id:x]` and `// [tag:x]` are kept); escapes
(`\\:` `\\#` `\\=` `\\{` `\\}` `\\~` `\\\\` `\\n`) become placeholders first, as in Moodle. A Lark grammar then reads
each question's structure (`::title::`, text, one `{answer block}`, text after it); the answer block is
split as Moodle splits it (on `~`, `=`, `#`, `%n%`, `->`, `####`) and becomes one of our kinds. The rule
throughout: what our kind cannot grade as Moodle does is skipped with the reason, or imported with a note
saying what was dropped; grading is never changed silently. Every mapping's `page` is "": the caller (CLI
or studio) fills in the page of the lesson the questions go into.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lark import Lark, Token
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

from irtutor.content.exchange.html_text import plain_text, to_markdown
from irtutor.content.exchange.import_common import matching_fields
from irtutor.content.exchange.report import ImportedQuestion, ImportRefused, ImportResult

MAX_BYTES = 5 * 1024 * 1024
MAX_QUESTIONS = 5000
NO_EXPLANATION = "Imported from GIFT; add an explanation."
BLANK = "_____"  # what Moodle puts where a missing-word question's answers were
HOLD = "GIFTBLANKHELD"  # holds the blank's place while the text becomes Markdown (which would escape _)
ESCAPES = {":": "\ue000", "#": "\ue001", "=": "\ue002", "{": "\ue003", "}": "\ue004", "~": "\ue005",
           "n": "\ue006", "\\": "\ue007"}
UNESCAPED = {v: ("\n" if k == "n" else k) for k, v in ESCAPES.items()}
ESCAPE = re.compile(r"\\([:#=\{\}~n\\])")
FORMATS = {"html": "html", "moodle": "moodle_auto_format", "plain": "plain_text", "markdown": "markdown"}
WEIGHT = re.compile(r"%([^%\n]*)%")
NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
TOKENS = re.compile(r"\[(id|tag):([^\]]*)\]")
ORDERING_MODES = {"ALL_OR_NOTHING": "all_or_nothing", "ABSOLUTE_POSITION": "absolute_position",
                  "ABSOLUTE": "absolute_position", "ABS": "absolute_position",
                  "RELATIVE_NEXT_EXCLUDE_LAST": "relative_to_next", "RELATIVE": "relative_to_next",
                  "REL": "relative_to_next", "LONGEST_ORDERED_SUBSET": "longest_ordered_subsequence"}
CLOZE_RESERVED = ("|", ";", "{", "}")  # our gap syntax: no escape for these inside a gap

GRAMMAR = r"""
start: TITLE? TEXT? block TEXT?  -> question
     | TITLE? TEXT               -> description
block: "{" ANSWERS? "}"
TITLE: /::[\s\S]*?::/
TEXT: /(?!::)[^{}]+/
ANSWERS: /[^{}]+/
"""
PARSER = Lark(GRAMMAR, parser="lalr", lexer="contextual", propagate_positions=True)


class Skip(Exception):
    """This question cannot be imported; the message says why."""


@dataclass
class Block:
    """One question's lines as Moodle groups them: comments blanked, escapes held as placeholders."""

    line: int
    text: str
    tokens: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Item:
    """One answer of a block: its weight in percent (None when unmarked), text, feedback and line."""

    line: int
    weight: float | None
    text: str
    feedback: str
    right: bool = False


def parse_gift(text: str, source: str = "file.gift") -> ImportResult:
    """Each question of a GIFT file as a quiz.yaml mapping (page left "") or the reason it was skipped."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ImportRefused(f"{source}: over {MAX_BYTES // (1024 * 1024)} MB; a GIFT file may hold at most 5 MB")
    blocks = list(split_blocks(text))
    questions = [b for b in blocks if not b.text.lstrip().startswith("$CATEGORY:")]
    if len(questions) > MAX_QUESTIONS:
        raise ImportRefused(f"{source}: {len(questions):,} questions; a GIFT file may hold at most {MAX_QUESTIONS:,}")
    result, state = ImportResult(), _State()
    for block in blocks:
        _read_block(block, state, result)
    return result


@dataclass
class _State:
    topic: str = ""
    count: int = 0
    ids: set[str] = field(default_factory=set)

    def unique(self, wanted: str) -> str:
        chosen, n = wanted, 1
        while chosen in self.ids:
            n += 1
            chosen = f"{wanted}-{n}"
        self.ids.add(chosen)
        return chosen


def split_blocks(text: str) -> Iterator[Block]:
    """Blocks of lines between blank lines, as Moodle's readquestions groups them; comment lines blanked."""
    text = "".join(ch for ch in text if ch not in UNESCAPED)  # our placeholders never come from the file
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    held: list[str] = []
    tokens: dict[str, list[str]] = {}
    start = 0
    for number, line in enumerate([*lines, ""], 1):
        stripped = line.strip()
        if stripped.startswith("//"):
            for name, value in TOKENS.findall(stripped):
                tokens.setdefault(name, []).append(value.strip())
            if start:
                held.append("")  # blanked, as Moodle does, so later lines keep their numbers
            continue
        if stripped:
            start = start or number
            held.append(line)
            continue
        if start:
            yield Block(start, ESCAPE.sub(lambda m: ESCAPES[m.group(1)], "\n".join(held)), tokens)
        held, tokens, start = [], {}, 0


def _read_block(block: Block, state: _State, result: ImportResult) -> None:
    stripped = block.text.strip()
    if stripped.startswith("$CATEGORY:"):
        state.topic = category_topic(unescape(stripped[len("$CATEGORY:"):]))
        return
    state.count += 1
    where = f"line {block.line}"
    try:
        tree = PARSER.parse(block.text)
    except LarkError as error:
        result.questions.append(ImportedQuestion(where, "unknown", _preview(block.text), None,
                                                 structure_error(error, block)))
        return
    parts = {t.type: t for t in tree.scan_values(lambda v: isinstance(v, Token))}
    title = unescape(parts["TITLE"][2:-2]).strip() if "TITLE" in parts else ""
    texts = [t for t in tree.children if isinstance(t, Token) and t.type == "TEXT"]
    if tree.data == "description":
        result.questions.append(_note_only(result, where, texts[0], "description",
                                           "description: kept as a note for a page"))
        return
    block_tree = next(c for c in tree.children if not isinstance(c, Token))
    answers_token = next(iter(block_tree.children), None)
    before = next((t for t in texts if t.end_pos <= block_tree.meta.start_pos), None)
    after = next((t for t in texts if t.start_pos >= block_tree.meta.end_pos), None)
    answers_line = block.line + (answers_token.line - 1 if answers_token else 0)
    question = GiftQuestion(where, block, title, str(before or ""), str(after or ""), str(answers_token or ""),
                        answers_line)
    result.questions.append(question.read(state, result))


def structure_error(error: LarkError, block: Block) -> str:
    """The reason a question's structure is wrong, naming the line of the fault."""
    text = block.text
    if text.lstrip().startswith("::") and "::" not in text.lstrip()[2:]:
        return f"the title opened with :: at line {block.line} is not closed with ::"
    opening = text.find("{")
    closing = text.find("}")
    if opening >= 0 and (closing < 0 or text.find("}", opening) < 0):
        return f"the answer block opened with {{ at line {_line_at(block, opening)} is not closed with }}"
    if closing >= 0 and (opening < 0 or closing < opening):
        return f"a }} at line {_line_at(block, closing)} closes no answer block (write \\}} for a brace in the text)"
    if isinstance(error, UnexpectedEOF) or getattr(getattr(error, "token", None), "type", "") == "$END":
        return f"the question at line {block.line} has a title but no text"
    position = getattr(error, "pos_in_stream", None)
    if isinstance(error, UnexpectedToken | UnexpectedCharacters) and position is not None:
        return (f"a second answer block at line {_line_at(block, position)}: a GIFT question has one "
                "(write \\{ and \\} for braces in the text)")
    return f"the question at line {block.line} could not be read as GIFT"


def _line_at(block: Block, offset: int) -> int:
    return block.line + block.text.count("\n", 0, offset)


def _note_only(result: ImportResult, where: str, text: str, kind: str, reason: str) -> ImportedQuestion:
    """A description (kept as a page note) or an essay (kept as a discussion prompt), reported as skipped."""
    markdown, _ = formatted(str(text))
    (result.page_notes if kind == "description" else result.discussion).append(markdown)
    return ImportedQuestion(where, kind, plain_text(markdown)[:200], None, reason)


def _preview(text: str) -> str:
    return " ".join(unescape(text).split())[:200]


def answer_text(text: str, default: str) -> str:
    """A typed answer or a list entry as plain words: HTML reduced to its text, never Markdown-escaped."""
    text = text.strip()
    marker = re.match(r"\[(html|moodle|plain|markdown)\]", text)
    if marker:
        default, text = marker.group(1), text[marker.end():]
    text = unescape(text)
    return plain_text(text) if default in ("html", "moodle") else " ".join(text.split())


def unescape(text: str) -> str:
    return "".join(UNESCAPED.get(ch, ch) for ch in text)


def formatted(text: str, default: str = "moodle") -> tuple[str, str]:
    """Our Markdown for a GIFT text with an optional [html]/[moodle]/[plain]/[markdown] marker; and its format."""
    text = text.strip()
    name = default
    marker = re.match(r"\[(html|moodle|plain|markdown)\]", text)
    if marker:
        name, text = marker.group(1), text[marker.end():]
    return to_markdown(unescape(text).strip(), FORMATS[name]), name


def slug(text: str) -> str:
    """An id from a title: "Grant's Tomb" -> "grants-tomb" (accents dropped, apostrophes joined)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", folded)).strip("-")[:60].strip("-")


def category_topic(path: str) -> str:
    """The last segment of a `$CATEGORY:` path ("$course$/top/Treaties" -> "treaties"); `//` is a literal /."""
    segments = [s for s in path.replace("//", "\0").split("/") if s.strip()]
    return slug(segments[-1].replace("\0", "/")) if segments else ""


@dataclass
class GiftQuestion:
    """One question block, parsed: its title, the text around the answer block and the block itself."""

    where: str
    block: Block
    title: str
    before: str
    after: str
    answers: str
    answers_line: int
    notes: list[str] = field(default_factory=list)

    def read(self, state: _State, result: ImportResult) -> ImportedQuestion:
        answers, general = self._general_feedback()
        prompt, text_format = formatted(self.before)
        if not answers.strip():
            return _note_only(result, self.where, self._with_blank(), "essay", "essay: kept as a discussion prompt")
        kind = moodle_kind(answers)
        try:
            fields = READERS[kind](self, answers.strip(), text_format)
        except Skip as skip:
            return ImportedQuestion(self.where, kind, plain_text(prompt)[:200], None, str(skip), self.notes)
        if fields.get("kind") != "cloze":
            prompt = formatted(self._with_blank(HOLD))[0].replace(HOLD, BLANK)
        if text_format == "html":
            self.notes.append("[html] text turned into Markdown")
        mapping = self._common(state, prompt, general, fields)
        return ImportedQuestion(self.where, mapping["kind"], plain_text(mapping.get("prompt", ""))[:200], mapping,
                                "", self.notes)

    def _general_feedback(self) -> tuple[str, str]:
        # Moodle takes the last #### as the start of the general feedback.
        at = self.answers.rfind("####")
        if at < 0:
            return self.answers, ""
        return self.answers[:at], self.answers[at + 4:]

    def _with_blank(self, blank: str = BLANK) -> str:
        """Moodle's question text: the answers removed, `_____` where they were if text follows them."""
        return self.before + (blank + self.after if self.after.strip() else "")

    def _common(self, state: _State, prompt: str, general: str, fields: dict[str, Any]) -> dict[str, Any]:
        tokens = self.block.tokens
        wanted = slug(tokens["id"][-1]) if tokens.get("id") else slug(self.title)
        question_id = state.unique(wanted or f"gift-{state.count}")
        explanation = formatted(general)[0] if general.strip() else ""
        if not explanation:
            explanation = NO_EXPLANATION
            self.notes.append("no general feedback (####): the explanation is a placeholder to replace")
        if tokens.get("tag"):
            self.notes.append(f"tags {', '.join(tokens['tag'])} are not kept (a question here has one topic)")
        kind = fields.pop("kind")
        mapping: dict[str, Any] = {"id": question_id, "kind": kind}
        if kind != "cloze":
            mapping["prompt"] = prompt or "(no question text)"
        else:
            mapping["prompt"] = fields.pop("prompt")
        mapping.update(fields)
        mapping.update({"explanation": explanation, "page": ""})
        if state.topic:
            mapping["topic"] = state.topic
        return mapping


def moodle_kind(answers: str) -> str:
    """Moodle's type for an answer block, decided in its order (format.php readquestion)."""
    text = answers.strip()
    if text.startswith(">"):
        return "ordering"
    if text.startswith("#"):
        return "numerical"
    if "~" in text:
        return "multichoice"
    if "=" in text and "->" in text:
        return "matching"
    head = text.split("#", 1)[0].strip() if "#" in text else text
    return "truefalse" if head in ("T", "TRUE", "F", "FALSE") else "shortanswer"


def split_items(question: GiftQuestion, text: str, marks: str) -> list[Item]:
    """The answers of a block split before each of `marks` (Moodle's explode), with their lines and weights."""
    pieces: list[tuple[int, str]] = []
    base = question.answers.find(text)
    start = 0
    for match in re.finditer(f"[{re.escape(marks)}]", text):
        pieces.append((start, text[start:match.start()]))
        start = match.start()
    pieces.append((start, text[start:]))
    if not pieces[0][1].strip():
        pieces.pop(0)  # nothing before the first mark
    items, line, counted = [], question.answers_line + question.answers.count("\n", 0, base), 0
    for offset, piece in pieces:
        line += text.count("\n", counted, offset)  # counted piece by piece: linear in the block
        counted = offset
        items.append(read_item(piece.strip(), line + _leading_newlines(piece)))
    return items


def _leading_newlines(piece: str) -> int:
    return piece[: len(piece) - len(piece.lstrip())].count("\n")


def read_item(piece: str, line: int) -> Item:
    right = piece.startswith("=")
    body = piece[1:] if piece[:1] in "=~" else piece
    weight: float | None = None
    stripped = body.lstrip()
    marked = WEIGHT.match(stripped)
    if marked:
        value = marked.group(1).strip()
        if not NUMBER.fullmatch(value):
            raise Skip(f"line {line}: weight %{value}% is not a percent (write e.g. %50% or %-25%)")
        weight = float(value)
        if not -100 <= weight <= 100:
            raise Skip(f"line {line}: weight {value}% is out of range: Moodle grades answers from -100% to 100%")
        body = stripped[marked.end():]
    text, _, feedback = body.partition("#")
    return Item(line, weight, text.strip(), feedback.strip(), right)


def _number(text: str, line: int) -> float:
    value = unescape(text).strip()
    if not NUMBER.fullmatch(value):
        raise Skip(f"line {line}: {value!r} is not a number (Moodle would import this answer as "
                   "'any answer is right')")
    return float(value)


def percent(value: float) -> float | int:
    rounded = round(value, 5)
    return int(rounded) if rounded == int(rounded) else rounded


def read_choice(question: GiftQuestion, text: str, text_format: str) -> dict[str, Any]:
    items = split_items(question, text, "~=")
    if len(items) < 2:
        raise Skip(f"a multiple-choice question needs at least two answers (found {len(items)})")
    options = []
    for item in items:
        option_text = formatted(item.text, text_format)[0]
        if not option_text:
            raise Skip(f"line {item.line}: an answer with no text (a lone ~ or =)")
        option: dict[str, Any] = {"text": option_text}
        if item.feedback:
            option["feedback"] = formatted(item.feedback, text_format)[0]
        options.append(option)
    if "=" in text:
        return _single(question, items, options)
    return _multiple(items, options)


def _single(question: GiftQuestion, items: list[Item], options: list[dict[str, Any]]) -> dict[str, Any]:
    fractions = [100.0 if item.right else (item.weight or 0.0) for item in items]
    for item, fraction in zip(items, fractions, strict=True):
        if 0 < fraction < 100:
            raise Skip(f"line {item.line}: a one-answer question that gives {percent(fraction)}% for this answer: "
                       "our single_choice is right or wrong (make it 0 or 100, or use ~%n% weights throughout "
                       "for a multiple-answer question)")
        if fraction < 0:
            raise Skip(f"line {item.line}: a one-answer question that takes away {percent(-fraction)}% for this "
                       "answer: our single_choice scores a wrong answer 0")
    right = fractions.count(100.0)
    if right != 1:
        raise Skip(f"a one-answer question needs exactly one answer graded 100% (found {right})")
    for option, fraction in zip(options, fractions, strict=True):
        if fraction == 100:
            option["correct"] = True
    if question.after.strip():
        gap = _choice_gap(question, items, fractions)
        if gap:
            return gap
    return {"kind": "single_choice", "options": [_ordered(o) for o in options]}


def _ordered(option: dict[str, Any]) -> dict[str, Any]:
    return {key: option[key] for key in ("text", "correct", "weight", "feedback") if key in option}


def _multiple(items: list[Item], options: list[dict[str, Any]]) -> dict[str, Any]:
    weights = [item.weight or 0.0 for item in items]
    total = sum(w for w in weights if w > 0)
    if abs(total - 100) > 0.1:
        raise Skip(f"the weights of the right answers add up to {percent(total)}%, not 100% "
                   "(Moodle refuses this question too)")
    for option, weight in zip(options, weights, strict=True):
        if weight > 0:
            option["correct"] = True
        option["weight"] = percent(weight)
    return {"kind": "multiple_choice", "options": [_ordered(o) for o in options]}


def _choice_gap(question: GiftQuestion, items: list[Item], fractions: list[float]) -> dict[str, Any] | None:
    """A missing-word choice question as a cloze with one choice-list gap (its first entry right), or None."""
    entries = [answer_text(item.text, "moodle") for item in items]
    right = fractions.index(100.0)
    entries.insert(0, entries.pop(right))
    if any(mark in e for e in entries for mark in CLOZE_RESERVED) or len(set(entries)) < len(entries):
        question.notes.append(f"missing-word question kept as a choice question with {BLANK} in its text "
                              "(its answers cannot be written as a cloze gap)")
        return None
    if any(item.feedback for item in items):
        question.notes.append("missing-word question as a cloze gap: the answers' feedback is dropped")
    return _cloze(question, "{{" + "|".join(entries) + "}}")


def _cloze(question: GiftQuestion, gap: str) -> dict[str, Any]:
    text = formatted(question._with_blank(HOLD))[0]
    if HOLD not in text:
        raise Skip("the text around the missing word could not be kept")
    return {"kind": "cloze", "prompt": "Fill in the gap.", "text": text.replace(HOLD, gap), "typos": 0}


def read_true_false(question: GiftQuestion, text: str, text_format: str) -> dict[str, Any]:
    # {T#a#b}: `a` is shown for a wrong answer, `b` for the right one (format.php split_truefalse_comment).
    word, _, rest = text.partition("#")
    wrong, _, right = rest.partition("#")
    answer = word.strip() in ("T", "TRUE")
    wrong_text, right_text = formatted(wrong, text_format)[0], formatted(right, text_format)[0]
    mapping: dict[str, Any] = {"kind": "true_false", "answer": answer}
    feedback_true, feedback_false = (right_text, wrong_text) if answer else (wrong_text, right_text)
    if feedback_true:
        mapping["feedback_true"] = feedback_true
    if feedback_false:
        mapping["feedback_false"] = feedback_false
    return mapping


def read_short_answer(question: GiftQuestion, text: str, text_format: str) -> dict[str, Any]:
    from irtutor.core.text_matching import normalise

    answers: list[Any] = []
    seen: set[str] = set()
    for item in split_items(question, text, "="):
        credit = 100.0 if item.weight is None else item.weight
        answer = answer_text(item.text, text_format)
        if not answer:
            raise Skip(f"line {item.line}: an answer with no text")
        if "*" in answer and answer != "*":
            raise Skip(f"line {item.line}: answer {answer!r} uses Moodle's * wildcard inside a word; "
                       "we accept listed answers only")
        if credit < 0:
            raise Skip(f"line {item.line}: a short answer cannot take marks away ({percent(credit)}%)")
        if answer == "*" and credit > 0:
            raise Skip(f"line {item.line}: * gives any answer {percent(credit)}%; we grade listed answers only")
        feedback = formatted(item.feedback, text_format)[0]
        if credit == 0 and not feedback and answer != "*":
            continue  # earns nothing and says nothing: the same as not listing it
        folded = normalise(answer, accent_sensitive=True)
        if folded in seen:
            question.notes.append(f"line {item.line}: {answer!r} is listed twice; the first one is kept")
            continue
        seen.add(folded)
        variant = {"text": answer, "credit": percent(credit / 100), **({"feedback": feedback} if feedback else {})}
        answers.append(answer if credit == 100 and not feedback else variant)
    if not any(isinstance(a, str) or a["credit"] >= 1 for a in answers):
        raise Skip("no answer is graded 100%")
    if question.after.strip():
        gap = _typed_gap(question, answers)
        if gap:
            return gap
    # Moodle matches exactly, ignoring case only (no typo forgiveness, accents count): so do we here.
    return {"kind": "short_text", "answers": answers, "case_sensitive": False, "accent_sensitive": True, "typos": 0}


def _typed_gap(question: GiftQuestion, answers: list[Any]) -> dict[str, Any] | None:
    """A missing-word short answer as a cloze with one typed gap, when a gap grades it the same; else None."""
    plain = all(isinstance(a, str) for a in answers)
    texts = [a if isinstance(a, str) else a["text"] for a in answers]
    # A typed gap ignores accents and has neither partial credit nor feedback: only plain ASCII answers fit.
    if not plain or any(not t.isascii() or any(m in t for m in CLOZE_RESERVED) for t in texts):
        question.notes.append(f"missing-word question kept as a short answer with {BLANK} in its text "
                              "(partial credit, feedback or accents cannot be written in a cloze gap)")
        return None
    return _cloze(question, "{{" + ";".join(texts) + "}}")


def read_numerical(question: GiftQuestion, text: str, text_format: str) -> dict[str, Any]:
    body, tilde, wrong = text[1:].partition("~")
    if tilde and wrong.strip().lstrip("#").strip():
        question.notes.append("the feedback for any other answer (~) is dropped")
    best: tuple[Item, float, float] | None = None
    items = split_items(question, body, "=")
    if not items:
        raise Skip("a numerical question with no answer")
    for item in items:
        value, tolerance = _numeric_value(item)
        fraction = 100.0 if item.weight is None else item.weight
        if fraction == 100:
            if best is not None:
                raise Skip(f"line {item.line}: a second answer graded 100%: our numeric question has one "
                           "right value (with a tolerance)")
            best = (item, value, tolerance)
        elif fraction > 0:
            question.notes.append(f"line {item.line}: {unescape(item.text)} earned {percent(fraction)}% in Moodle; "
                                  "here only the right value (within its tolerance) earns marks")
        if item.feedback:
            question.notes.append(f"line {item.line}: the feedback for {unescape(item.text)} is dropped")
    if best is None:
        raise Skip("no answer is graded 100%")
    mapping: dict[str, Any] = {"kind": "numeric", "answer": percent(best[1])}
    if best[2]:
        mapping["tolerance"] = percent(best[2])
    return mapping


def _numeric_value(item: Item) -> tuple[float, float]:
    """`ans`, `ans:tol` or `min..max` as (value, tolerance), as format.php reads them."""
    text = unescape(item.text).strip()
    if ".." in text[1:]:
        low, high = (_number(part, item.line) for part in text.split("..", 1))
        if low > high:
            raise Skip(f"line {item.line}: the range {text} runs backwards (write min..max)")
        return (low + high) / 2, (high - low) / 2
    if ":" in text[1:]:
        value, tolerance = text.split(":", 1)
        return _number(value, item.line), abs(_number(tolerance, item.line))
    return _number(text, item.line), 0.0


def read_matching(question: GiftQuestion, text: str, text_format: str) -> dict[str, Any]:
    pairs: list[dict[str, str]] = []
    distractors: list[str] = []
    for item in split_items(question, text, "="):
        left_raw, arrow, right_raw = (item.text + ("#" + item.feedback if item.feedback else "")).partition("->")
        if not arrow:
            raise Skip(f"line {item.line}: a matching answer needs `left -> right`")
        left, right = formatted(left_raw, text_format)[0], plain_text(unescape(right_raw))
        if not right:
            raise Skip(f"line {item.line}: {unescape(left_raw).strip() or 'this pair'!r} -> has no right-hand item")
        if left:
            pairs.append({"left": left, "right": right})
        else:
            distractors.append(right)
    try:
        return matching_fields(pairs, distractors, question.notes)
    except ValueError as exc:
        raise Skip(str(exc)) from None


def read_ordering(question: GiftQuestion, text: str, text_format: str) -> dict[str, Any]:
    """qtype_ordering's GIFT form: `{>N [ALL|EXACT|...] [layout] [grading] [SHOW] ...` then one item a line."""
    head, _, rest = text[1:].partition("\n")
    words = head.split()
    items = [plain_text(unescape(line)) for line in rest.split("\n") if line.strip()]
    if len(items) < 2:
        raise Skip(f"an ordering question needs at least two items, one a line (found {len(items)})")
    twice = next((item for i, item in enumerate(items) if item in items[:i]), None)
    if twice is not None:
        raise Skip(f"the item {twice!r} is listed twice; each must differ")
    count = int(words[0]) if words and words[0].isdigit() else 0
    if len(words) > 1 and words[1].upper() not in ("ALL",) and 0 < count < len(items):
        raise Skip(f"Moodle shows {count} of the {len(items)} items ({words[1].lower()} selection); "
                   "we always show every item")
    modes = [ORDERING_MODES[w.upper()] for w in words if w.upper() in ORDERING_MODES]
    unknown = [w for w in words[1:] if w.upper().startswith(("RELATIVE_", "LONGEST_", "ALL_"))
               and w.upper() not in ORDERING_MODES]
    if unknown:
        raise Skip(f"grading type {unknown[0]!r} has no counterpart here (we grade all or nothing, absolute "
                   "position, relative to the next item, or the longest ordered subset)")
    return {"kind": "ordering", "items": items, "grading": modes[0] if modes else "relative_to_next"}


READERS = {"multichoice": read_choice, "truefalse": read_true_false, "shortanswer": read_short_answer,
           "numerical": read_numerical, "matching": read_matching, "ordering": read_ordering}
