"""One `<question>` element of a Moodle XML file, read the way Moodle's qformat_xml reads it.

The kind converters (xml_kinds, xml_cloze) ask a `Source` for texts, flags and answers and raise
`Skip` when the question cannot become one of ours; `Skip.at` names the element inside the
question that is the reason, so the report can give its full path.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from irtutor.content.exchange.html_text import to_markdown

DEFAULT_FORMAT = "html"  # qformat_xml's default for every text without a `format`
TRUE_WORDS = ("1", "true", "yes")


class Skip(Exception):
    """This question cannot be imported; `at` is the element inside it that says why ("answer[2]")."""

    def __init__(self, reason: str, at: str = "") -> None:
        super().__init__(reason)
        self.reason, self.at = reason, at


@dataclass(frozen=True)
class Answer:
    at: str
    """Its path inside the question: "answer[2]"."""
    raw: str
    """The text as written (HTML for html-format answers)."""
    text_format: str
    fraction: float
    """Moodle's grade for it in percent (100 = right)."""
    feedback: str
    """Its feedback, as our Markdown."""
    element: Element = field(compare=False, repr=False)


@dataclass
class Source:
    element: Element
    notes: list[str] = field(default_factory=list)

    def child(self, name: str) -> Element | None:
        return self.element.find(name)

    def raw(self, name: str, default: str = "") -> str:
        """The `<text>` of child `name` (or the child's own text), as written."""
        return raw_text(self.element.find(name), default)

    def markdown(self, name: str, element: Element | None = None) -> str:
        element = self.element.find(name) if element is None else element
        return text_markdown(element)

    def flag(self, name: str, default: bool) -> bool:
        value = self.element.findtext(name)
        return default if value is None or not value.strip() else value.strip().lower() in TRUE_WORDS

    def answers(self) -> list[Answer]:
        return [read_answer(element, f"answer[{i}]") for i, element in enumerate(self.element.findall("answer"), 1)]

    def answers_by_position(self) -> list[Answer]:
        """qtype_ordering's items in their right order: it writes each one's place as its `fraction`."""
        answers = []
        for i, element in enumerate(self.element.findall("answer"), 1):
            value = element.get("fraction", str(i))
            try:
                position = float(value)
            except ValueError:
                raise Skip(f"fraction {value!r} is not a number (qtype_ordering writes the item's place "
                           "in the right order there)", f"answer[{i}]") from None
            answers.append(Answer(f"answer[{i}]", raw_text(element), element.get("format", DEFAULT_FORMAT),
                                  position, text_markdown(element.find("feedback")), element))
        return sorted(answers, key=lambda answer: answer.fraction)  # stable: equal places keep file order


def raw_text(element: Element | None, default: str = "") -> str:
    if element is None:
        return default
    text = element.findtext("text")
    return (element.text or default) if text is None else text


def text_markdown(element: Element | None) -> str:
    if element is None:
        return ""
    return to_markdown(raw_text(element), element.get("format", DEFAULT_FORMAT))


def read_answer(element: Element, at: str) -> Answer:
    value = element.get("fraction", "0")
    try:
        fraction = float(value)
    except ValueError:
        raise Skip(f"fraction {value!r} is not a number (write a percent such as 100 or 50)", at) from None
    if not math.isfinite(fraction) or not -100 <= fraction <= 100:
        raise Skip(f"fraction {value!r} is out of range: Moodle grades answers from -100 to 100 percent", at)
    return Answer(at, raw_text(element), element.get("format", DEFAULT_FORMAT), fraction,
                  text_markdown(element.find("feedback")), element)


def percent_number(value: float) -> float | int:
    """A percent as YAML should show it: 50 rather than 50.0, 33.33333 as written."""
    rounded = round(value, 5)
    return int(rounded) if rounded == int(rounded) else rounded
