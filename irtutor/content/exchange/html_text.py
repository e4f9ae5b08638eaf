"""Question-bank text (Moodle's HTML, "Moodle auto format", plain text, Markdown) -> our Markdown.

HTML is never shown as HTML: markdownify turns what Markdown can say (paragraphs, emphasis,
lists, links, tables, images) into Markdown and keeps only the text of everything else. Scripts,
styles and embedded frames are dropped with their content. An image stored with the question
(`@@PLUGINFILE@@/x.png`) becomes `![alt](media/x.png)`, the lesson's own media folder; an image
from elsewhere is shown as its alt text, since lessons never load anything from the network.
Shared by the Moodle XML and GIFT importers.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any

from bs4 import BeautifulSoup
from markdownify import MarkdownConverter

PLUGINFILE = "@@PLUGINFILE@@/"
MEDIA = "media/"
DROPPED_WITH_CONTENT = ("script", "style", "iframe", "object", "embed", "audio", "video", "noscript", "head")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
DROPPED_TAG = re.compile(r"<(?:" + "|".join(DROPPED_WITH_CONTENT) + r")\b", re.IGNORECASE)
BLANK_LINES = re.compile(r"\n{3,}")


class _Converter(MarkdownConverter):  # type: ignore[misc]
    """markdownify, with images and links kept inside the lesson."""

    def convert_img(self, el: Any, text: str, parent_tags: set[str]) -> str:
        alt = " ".join((el.attrs.get("alt") or "").split())
        src = el.attrs.get("src") or ""
        name = media_name(src)
        if name is None:
            return alt  # not stored with the question: only its words survive
        return f"![{alt or name_stem(name)}]({MEDIA}{name})"

    def convert_a(self, el: Any, text: str, parent_tags: set[str]) -> str:
        href = el.attrs.get("href") or ""
        if href.startswith(("http://", "https://")):
            return super().convert_a(el, text, parent_tags)  # type: ignore[no-any-return]
        return text  # a file of the question's (e.g. an mp3) or a Moodle-internal link: its words only


# One converter for every text: building one reads its options anew each time (a third of the cost).
_CONVERTER = _Converter(heading_style="ATX", bullets="-", escape_misc=False, newline_style="BACKSLASH")


def media_name(src: str) -> str | None:
    """`x.png` for `@@PLUGINFILE@@/x.png` (URL-decoded, folders dropped, see `safe_name`); None for others."""
    from urllib.parse import unquote

    if not src.startswith(PLUGINFILE):
        return None
    return safe_name(unquote(src[len(PLUGINFILE):].split("?")[0]).rsplit("/", 1)[-1])


def safe_name(name: str) -> str | None:
    """A stored file's name as media/ and Markdown can hold it: letters, digits, `.`, `_`, `-` (others
    become `-`); None for a name that is empty or starts with a dot."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "-", name.strip())
    return cleaned if cleaned and not cleaned.startswith(".") and len(cleaned) <= 120 else None


def name_stem(name: str) -> str:
    """An alt text of last resort: the file name without its extension."""
    return name.rsplit(".", 1)[0].replace("_", " ").replace("-", " ")


def html_to_markdown(source: str) -> str:
    """Our Markdown for an HTML fragment; tags Markdown cannot express are dropped, their text kept."""
    if not looks_like_html(source):
        return _escaped_plain(source)  # most answers and feedback: no parser needed
    soup = BeautifulSoup(source, "html.parser")
    if DROPPED_TAG.search(source):
        for tag in soup.find_all(DROPPED_WITH_CONTENT):
            tag.decompose()
    markdown: str = _CONVERTER.convert_soup(soup)
    lines = [line.rstrip() for line in markdown.replace("\xa0", " ").split("\n")]
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def looks_like_html(text: str) -> bool:
    return bool(TAG.search(text)) or ("&" in text and html.unescape(text) != text)


@lru_cache(maxsize=4096)  # banks repeat feedback ("Sorry, try again.") and answers many times
def to_markdown(text: str, text_format: str) -> str:
    """Our Markdown for a Moodle text in one of its formats (html, moodle_auto_format, plain_text, markdown)."""
    if text_format == "markdown":
        return text.strip()
    if text_format == "plain_text":
        return _escaped_plain(text)
    if text_format == "moodle_auto_format" and not looks_like_html(text):
        return _escaped_plain(text)
    return html_to_markdown(text)  # html, and auto format with tags in it (Moodle shows those as HTML)


def _escaped_plain(text: str) -> str:
    # Plain text means what it says: characters Markdown would act on are escaped (a heading,
    # quote or list marker only where it would start a block).
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
    escaped = (re.sub(r"([\\`*_\[\]<|])", r"\\\1", p) for p in paragraphs if p)
    blocks = (re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^([#>+-])", r"\\\1", p)) for p in escaped)
    return "\n\n".join(blocks)


def plain_text(source: str, separator: str = " ") -> str:
    """The words of an HTML fragment (or plain text) on one line: for answers, labels and previews.

    `separator` goes between tags: "" keeps H<sub>2</sub>O as H2O, " " keeps paragraphs apart.
    """
    if looks_like_html(source):
        soup = BeautifulSoup(source, "html.parser")
        if DROPPED_TAG.search(source):
            for tag in soup.find_all(DROPPED_WITH_CONTENT):
                tag.decompose()
        for image in soup.find_all("img"):
            image.replace_with(image.attrs.get("alt") or "")
        source = soup.get_text(separator)
    return " ".join(source.replace("\xa0", " ").split())
