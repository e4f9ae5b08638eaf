"""A new lesson from a template, and the instructor's editable copy of a shipped lesson.

A new lesson must pass `irtutor check` the moment it is created, so the instructor starts from
something that works and every later problem is one they just typed. Shipped lessons are never
edited where they are installed: "Edit" copies one into the instructor's folder, where the
catalog shows it instead of the shipped one; "revert" moves that copy aside (not deletes it),
into a `.trash` folder the lesson scan skips, so a revert by mistake loses nothing.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from irtutor.content.atomic_write import describe_os_error, write_text_atomically
from irtutor.content.summaries import LESSON_FILE, quick_summaries
from irtutor.content.yaml_documents import new_yaml_text
from irtutor.core.errors import SaveFailed

LESSON_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 60
"""Room for the folder inside deep Windows paths (260 characters) and for backup suffixes."""
_WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                               *(f"lpt{n}" for n in range(1, 10))})
TRASH = ".trash"
"""Where reverted copies go: a dot folder, which the lesson scan never reads."""
FIRST_PAGE = "01-introduction.md"
FIRST_SOURCE = "first-source"
FIRST_TERM = "key term"


def lesson_id_problem(candidate: str, existing_ids: set[str]) -> str:
    """Why `candidate` cannot be a lesson id (it names the folder too), in words; empty when it can."""
    if not candidate:
        return "type an id: lower-case words joined by hyphens, e.g. 'nato-origins'"
    if not LESSON_ID.fullmatch(candidate):
        return ("an id is lower-case letters and digits, words joined by single hyphens, e.g. "
                "'nato-origins' (no spaces, capitals or accents, no hyphen at either end)")
    if len(candidate) > MAX_ID_LENGTH:
        return f"an id may be at most {MAX_ID_LENGTH} characters; this one has {len(candidate)}"
    if candidate in _WINDOWS_RESERVED:
        return f"'{candidate}' cannot name a folder on Windows; choose another id"
    if candidate in existing_ids:
        return f"a lesson with the id '{candidate}' already exists; choose another id"
    return ""


def create_lesson(parent: Path, lesson_id: str, title: str) -> Path:
    """Write a new lesson folder `parent/lesson_id` that passes `irtutor check`, and return it.

    Raises ValueError when the id or title is unusable, SaveFailed when the files cannot be written.
    """
    existing = {s.id for s in quick_summaries([parent])} | _folder_names(parent)
    problem = lesson_id_problem(lesson_id, existing)
    if problem:
        raise ValueError(problem)
    if not title.strip():
        raise ValueError("type a title for the lesson")
    order = max((s.order for s in quick_summaries([parent])), default=0) + 1
    folder = parent / lesson_id
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        raise SaveFailed(f"{folder} could not be created: {describe_os_error(exc)}") from exc
    write_text_atomically(folder / LESSON_FILE, _lesson_yaml(lesson_id, title.strip(), order))
    write_text_atomically(folder / FIRST_PAGE, _first_page(title.strip()))
    write_text_atomically(folder / "quiz.yaml", new_yaml_text(
        {"questions": []}, "The quiz at the end of the lesson. Add questions in the studio's quiz editor,\n"
                           "or by hand: see resources/schema/quiz.schema.json for every kind."))
    return folder


def _folder_names(parent: Path) -> set[str]:
    try:
        return {p.name for p in parent.iterdir()}
    except OSError:
        return set()


def _lesson_yaml(lesson_id: str, title: str, order: int) -> str:
    return new_yaml_text({
        "format": 1,
        "id": lesson_id,
        "title": title,
        "summary": "One or two sentences that tell students what this lesson is about.",
        "order": order,
        "objectives": ["What a student can do after this lesson, starting with a verb."],
        "sources": {FIRST_SOURCE: {
            "title": "Title of the first source you cite",
            "publisher": "Who published it",
            "url": "",
            "verified": False,
        }},
        "terms": {FIRST_TERM: "What the term means, in one sentence students can remember."},
    }, "A new lesson. Replace the placeholder text; `irtutor check` says what is still missing.")


def _first_page(title: str) -> str:
    return (f"# {title}\n\n"
            "Write the first page here, in Markdown. Cite a source from lesson.yaml like this"
            f"[^{FIRST_SOURCE}], and mark a [[{FIRST_TERM}]] defined under `terms:` with double brackets.\n")


def copy_for_editing(shipped_folder: Path, instructor_root: Path) -> Path:
    """Copy a shipped lesson into the instructor's folder and return the copy; never overwrites.

    The copy is made under a hidden name and renamed at the end, so the catalog never sees half of it.
    """
    target = instructor_root / shipped_folder.name
    if target.exists():
        raise SaveFailed(f"{target} already exists: the lesson was copied for editing before; "
                         "edit that copy, or revert it to the shipped version first")
    try:
        instructor_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".copying-{shipped_folder.name}-", dir=instructor_root))
    except OSError as exc:
        raise SaveFailed(f"{instructor_root} could not be prepared: {describe_os_error(exc)}") from exc
    try:
        shutil.copytree(shipped_folder, staging / "lesson", symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", ".*"))
        if target.exists():  # made meanwhile by another window or program
            raise FileExistsError(target)
        (staging / "lesson").rename(target)
    except FileExistsError as exc:
        raise SaveFailed(f"{target} already exists; the shipped lesson was not copied over it") from exc
    except OSError as exc:
        raise SaveFailed(f"{shipped_folder} could not be copied to {target}: {describe_os_error(exc)}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def revert_to_shipped(copy: Path, shipped_folder: Path) -> Path:
    """Put the instructor's copy aside so the shipped lesson shows again; returns where the copy went.

    The copy moves to `<its folder>/.trash/<id>.replaced-<time>`, out of the lesson scan; deleting it
    for good is the instructor's choice, made elsewhere.
    """
    if not (shipped_folder / LESSON_FILE).is_file():
        raise SaveFailed(f"{shipped_folder} holds no shipped lesson to revert to; the copy was kept")
    if copy.resolve() == shipped_folder.resolve() or copy.resolve().is_relative_to(shipped_folder.resolve()):
        raise SaveFailed(f"{copy} is the shipped lesson itself; only an instructor's copy can be reverted")
    trash = copy.parent / TRASH
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    backup = trash / f"{copy.name}.replaced-{stamp}"
    try:
        trash.mkdir(exist_ok=True)
        n = 1
        while backup.exists():
            n += 1
            backup = trash / f"{copy.name}.replaced-{stamp}-{n}"
        copy.rename(backup)
    except OSError as exc:
        raise SaveFailed(f"{copy} could not be moved to {trash}: {describe_os_error(exc)}") from exc
    return backup
