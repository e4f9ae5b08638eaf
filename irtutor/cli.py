"""Command-line tools for instructors. Never imports Qt, so `irtutor check` runs anywhere."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from irtutor.content.catalog import load_lessons
from irtutor.content.summaries import LESSON_FILE, lesson_folders
from irtutor.paths import builtin_lessons_dir


def check(paths: list[str], out: TextIO = sys.stdout) -> int:
    """Print every problem as file:line:col: message; 0 when all lessons are clean, 1 otherwise."""
    roots = [Path(p) for p in paths] or [builtin_lessons_dir()]
    unusable = {root: why for root in roots if (why := _not_lessons(root))}
    for root, why in unusable.items():
        print(f"{root}:1:1: {why}", file=out)
    loaded = load_lessons([r for r in roots if r not in unusable], strict=True)
    for problem in sorted(loaded.problems):
        print(problem, file=out)
    problems = len(loaded.problems) + len(unusable)
    summary = f"{len(loaded.lessons)} lesson(s) OK, {problems} problem(s)"
    print(summary, file=out if problems else sys.stdout)
    return 1 if problems else 0


def _not_lessons(root: Path) -> str:
    """Why `root` holds no lesson to check; empty when it does."""
    if not root.exists():
        return "no such file or folder"
    if not root.is_dir():
        return f"this is a file; give the lesson folder that holds it (the folder with {LESSON_FILE})"
    if not lesson_folders([root]):
        return f"no lesson here: a lesson is a folder with a {LESSON_FILE}, or give a folder of such folders"
    return ""


def import_bank(file: str, into: str, *, yes: bool = False, page: str = "", notes_page: str = "",
                out: TextIO | None = None, answer: TextIO | None = None) -> int:
    """`irtutor import FILE --into LESSON_FOLDER`: show what each question becomes, then (after a yes)
    add the imported ones after the lesson's own and check the lesson. 0 when added and clean."""
    from irtutor.content.exchange.report import ImportRefused
    from irtutor.core.errors import SaveFailed
    from irtutor.services.question_bank import FORMATS, add_to_lesson, read_bank, table_rows

    out, answer = out or sys.stdout, answer or sys.stdin  # looked up now, so a redirected stdout is the one used
    folder = Path(into)
    if not (folder / LESSON_FILE).is_file():
        print(f"{folder}:1:1: no lesson here: --into takes a lesson folder (the folder with {LESSON_FILE})", file=out)
        return 1
    try:
        fmt, result = read_bank(Path(file))
    except ImportRefused as exc:
        print(f"{file}: {exc}", file=out)
        return 1
    rows = table_rows(result)
    print(f"{file}: {FORMATS[fmt]}, {len(rows)} question(s)", file=out)
    width = max((len(r[0]) for r in rows), default=5)
    for where, kind, status, prompt in rows:
        print(f"  {where:<{width}}  {kind:<18}  {status:<10}  {prompt}", file=out)
    for question in result.questions:
        for note in question.notes:
            print(f"  {question.where}: {note}", file=out)
    count = len(result.imported)
    if not count and not result.discussion and not result.page_notes:
        print("Nothing to import.", file=out)
        return 1
    if not yes:
        print(f"Add {count} question(s) to {folder / 'quiz.yaml'}? [y/N] ", end="", file=out, flush=True)
        if answer.readline().strip().lower() not in ("y", "yes"):
            print("Nothing was written.", file=out)
            return 1
    try:
        added = add_to_lesson(result, folder, page=page, notes_page=notes_page)
    except SaveFailed as exc:
        print(f"Nothing more was written: {exc}", file=out)
        return 1
    print(f"Added {len(added.question_ids)} question(s) after the lesson's own.", file=out)
    for old, new in added.renamed.items():
        print(f"  id {old} was taken: imported as {new}", file=out)
    if added.media:
        print(f"  images written to media/: {', '.join(added.media)}", file=out)
    if added.discussion:
        print(f"  {added.discussion} essay question(s) added to lesson.yaml as discussion prompts", file=out)
    if added.notes_page:
        print(f"  description(s) added at the end of {added.notes_page}.md", file=out)
    return check([str(folder)], out=out)


def export_bank(folder: str, fmt: str, file: str, out: TextIO | None = None) -> int:
    """`irtutor export LESSON_FOLDER --to moodle-xml|gift FILE`; 0 when written."""
    out = out or sys.stdout
    from irtutor.core.errors import SaveFailed
    from irtutor.services.question_bank import export_lesson

    try:
        notes = export_lesson(Path(folder), fmt, Path(file))
    except SaveFailed as exc:
        print(str(exc), file=out)
        return 1
    print(f"Wrote {file}", file=out)
    for note in notes:
        print(f"  {note}", file=out)
    return 0
