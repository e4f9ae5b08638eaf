"""Importing a 2,000-question Moodle XML file: wall time and peak memory of `parse_moodle_xml`.

    .venv/bin/python tests/benchmarks/bench_xml_import.py [--questions 2000] [--runs 3]

The file is generated here: categories every 100 questions and, in turn, one-answer and
multiple-answer choice questions (HTML with an embedded PNG on some), true/false, short answer,
numerical with a unit, matching with a distractor, ordering and cloze with three gaps. Prints the
file size, the median wall time over the runs, and the peak memory of one run (tracemalloc).
Goal: under 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

from irtutor.content.exchange.html_text import to_markdown
from irtutor.content.exchange.xml_import import parse_moodle_xml

PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="


def answer(fraction: float, text: str, feedback: str = "", extra: str = "") -> str:
    return (f'<answer fraction="{fraction}" format="html"><text><![CDATA[{text}]]></text>'
            f'<feedback format="html"><text><![CDATA[<p>{feedback}</p>]]></text></feedback>{extra}</answer>')


def question(n: int, qtype: str, body: str, text: str, files: str = "") -> str:
    return (f'<question type="{qtype}"><name><text>Question {n}</text></name>'
            f'<questiontext format="html"><text><![CDATA[{text}]]></text>{files}</questiontext>'
            f'<generalfeedback format="html"><text><![CDATA[<p>Why question {n} is so: '
            f'<b>see page 2</b>.</p>]]></text></generalfeedback>{body}</question>')


def one(n: int) -> str:
    """Question `n` of the generated bank; the type cycles through eight kinds."""
    kind = n % 8
    prompt = f"<p>Question {n}: which of these is <i>right</i>?</p>"
    if kind == 0:
        image = f'<p><img src="@@PLUGINFILE@@/dot{n}.png" alt="A dot"></p>'
        body = answer(100, f"<p>Right {n}</p>", f"Yes, {n}.") + "".join(
            answer(0, f"<p>Wrong {i} of {n}</p>", f"No: {i} is not {n}.") for i in range(3))
        return question(n, "multichoice", "<single>true</single>" + body, prompt + image,
                        f'<file name="dot{n}.png" encoding="base64">{PNG}</file>')
    if kind == 1:
        weights = (("A", 50), ("B", 50), ("C", -50), ("D", 0))
        body = "<single>false</single>" + "".join(answer(w, f"{a}{n}") for a, w in weights)
        return question(n, "multichoice", body, prompt)
    if kind == 2:
        return question(n, "truefalse", answer(100, "true", "Indeed.") + answer(0, "false", "No."), prompt)
    if kind == 3:
        body = answer(100, "North Atlantic Treaty") + answer(50, "Washington Treaty", "Half.") + answer(0, "*", "No.")
        return question(n, "shortanswer", "<usecase>0</usecase>" + body, prompt)
    if kind == 4:
        units = "<units><unit><multiplier>1</multiplier><unit_name>members</unit_name></unit></units>"
        return question(n, "numerical", answer(100, "32", extra="<tolerance>1</tolerance>") + units, prompt)
    if kind == 5:
        sub = '<subquestion format="html"><text>{}</text><answer><text>{}</text></answer></subquestion>'
        body = "".join(sub.format(f"Left {i}.{n}", f"Right {i}.{n}") for i in range(4)) + sub.format("", f"Spare {n}")
        return question(n, "matching", body, prompt)
    if kind == 6:
        items = "".join(answer(i, f"Item {i} of {n}") for i in range(1, 6))
        body = "<gradingtype>ABSOLUTE_POSITION</gradingtype>" + items
        return question(n, "ordering", body, prompt)
    text = ("<p>NATO was founded in {1:NUMERICAL:=1949:0} in {1:MCS:=Washington#Yes~Brussels#No~Paris#No} "
            "by {1:SA:=twelve~=12~%50%eleven#Close} states.</p>")
    return question(n, "cloze", "", text)


def bank(count: int) -> bytes:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    for n in range(count):
        if n % 100 == 0:
            parts.append(f'<question type="category"><category><text>$course$/Bank/Part {n // 100}</text>'
                         "</category></question>\n")
        parts.append(one(n) + "\n")
    parts.append("</quiz>\n")
    return "".join(parts).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data = bank(args.questions)
    times = []
    for _ in range(args.runs):
        to_markdown.cache_clear()  # each run as a fresh import: no texts remembered from the last one
        started = time.perf_counter()
        result = parse_moodle_xml(data, "bench.xml")
        times.append(time.perf_counter() - started)
    to_markdown.cache_clear()
    tracemalloc.start()
    parse_moodle_xml(data, "bench.xml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    skipped = [q.skipped for q in result.questions if q.skipped]
    print(f"file: {len(data) / 2**20:.2f} MB, {args.questions} questions; imported {len(result.imported)}, "
          f"skipped {len(skipped)}, media {len(result.media)}")
    print(f"parse_moodle_xml: median {statistics.median(times):.3f} s over {len(times)} runs "
          f"(min {min(times):.3f}, max {max(times):.3f}); goal < 2 s")
    print(f"peak memory (tracemalloc, one run): {peak / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
