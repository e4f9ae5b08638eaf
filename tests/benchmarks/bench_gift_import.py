"""Importing a 2,000-question GIFT file of mixed kinds: wall time (median of 3) and peak memory.

    .venv/bin/python tests/benchmarks/bench_gift_import.py [--questions 2000]

Prints the figures; goal: under 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

from irtutor.content.exchange.gift_import import parse_gift

KINDS = [
    "::mc-{n}::Which city signed treaty {n}?{{=Washington#Right. ~Brussels#No. ~Paris ~London}}",
    "::mr-{n}::Which were founders ({n})?{{~%50%Norway ~%50%Denmark ~%-100%Spain ~%-100%Greece}}",
    "::tf-{n}::Treaty {n} was signed in 1949.{{TRUE#Not so.#Yes.####See page 2.}}",
    "::sa-{n}::Who proposed plan {n}?{{=Marshall =%50%George#Surname please. =%0%*#No.}}",
    "::nm-{n}::In what year did member {n} join?{{#\n=1949:0#Exactly.\n=%50%1949:2\n~#Look again.}}",
    "::ma-{n}::Match ({n}).{{=Norway -> 1949 =Greece -> 1952 =Spain -> 1982 = -> 1999}}",
    "::mw-{n}::The treaty has {{~eleven =fourteen ~twenty}} articles ({n}).",
    "::or-{n}::Order ({n}).{{>3 ALL VERTICAL ABSOLUTE_POSITION SHOW\nSign\nRatify\nEnter into force\n}}",
    "::es-{n}::Discuss alliance {n}.{{}}",
    "[html]<p>Question <b>{n}</b> in \\{{braces\\}}\\: html</p>{{=yes ~no}}",
]


def gift_file(count: int) -> str:
    blocks = ["$CATEGORY: $course$/top/Benchmark"]
    blocks += [f"// question {n}\n" + KINDS[n % len(KINDS)].format(n=n) for n in range(count)]
    return "\n\n".join(blocks) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=2000)
    args = parser.parse_args()
    text = gift_file(args.questions)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        result = parse_gift(text)
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    parse_gift(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    skipped = sum(1 for q in result.questions if q.skipped)
    print(f"GIFT import: {args.questions:,} questions, {len(text.encode()) / 1024:.0f} KiB, "
          f"{len(result.imported):,} imported, {skipped:,} skipped (essays)")
    print(f"  wall time, median of 3: {statistics.median(times):.3f} s (goal < 2 s); "
          f"runs {', '.join(f'{t:.3f}' for t in times)}")
    print(f"  peak memory (tracemalloc): {peak / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
