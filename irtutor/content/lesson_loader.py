"""One lesson folder -> a Lesson, or the Problems that stop it loading."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from irtutor.content.located_yaml import LocatedYaml, YamlPath, load_located_yaml
from irtutor.content.media import MediaRefused, find_media
from irtutor.content.pages import IMAGE, image_problems, page_files, parse_page
from irtutor.content.quiz_loader import load_questions, load_settings
from irtutor.content.schema_check import schema_problems
from irtutor.content.source_checks import uncited_source_problems
from irtutor.content.summaries import LESSON_FILE
from irtutor.content.text_files import MAX_PAGE_BYTES, lesson_file_exists, read_lesson_text
from irtutor.core.lesson import KeyTerm, Lesson, Page, Source
from irtutor.core.problems import LessonError, Problem
from irtutor.core.questions import Question
from irtutor.core.quiz_settings import QuizSettings

QUIZ_FILE = "quiz.yaml"


def read_yaml(path: Path) -> LocatedYaml:
    """Decode and parse one YAML file; raises LessonError with the position of what is wrong."""
    return load_located_yaml(read_lesson_text(path), str(path))


BROKEN_PAGE = ("# {title}\n\nThis page has a mistake in its file, so it is not shown. The rest of the "
               "lesson is fine. Your teacher can see what is wrong under *Problems* in the status bar.\n")
"""What students read in place of a page whose file has a problem."""


def load_lesson(folder: Path, *, spare_parts: bool = False) -> tuple[Lesson | None, list[Problem]]:
    """The lesson in `folder`; None with its problems if anything in it is wrong.

    With `spare_parts` (what students get) only a problem in lesson.yaml costs the lesson: a
    broken page is replaced by a notice page and a broken question is left out, each still
    reported. A source that nothing cites is reported with the lesson, not instead of it:
    students lose only a reference they would never have seen."""
    meta_path = folder / LESSON_FILE
    if not lesson_file_exists(meta_path):
        return None, [Problem(str(folder), 1, 1, f"a lesson folder needs a {LESSON_FILE} file")]
    try:
        meta = read_yaml(meta_path)
    except LessonError as exc:
        return None, [exc.problem]
    problems = schema_problems(meta, "lesson")
    if problems:
        # Still say what is wrong with the quiz's form, so one run of `irtutor check` shows it all.
        return None, problems + _quiz_schema_problems(folder)
    data: dict[str, Any] = meta.data
    if data["id"] != folder.name:
        problems.append(meta.problem(("id",), f"id '{data['id']}' must equal the folder name "
                                              f"'{folder.name}'; rename one of them"))
    sources = tuple(Source(id=k, **v) for k, v in data["sources"].items())
    terms = tuple(KeyTerm(k, v) for k, v in data.get("terms", {}).items())
    images: list[Problem] = []  # reported, but the page is still shown (each such image as its alt text)
    pages = _load_pages(folder, meta, {s.id for s in sources}, {t.term for t in terms}, problems, images)
    # Check the quiz against every page file, so one unreadable page is reported once, not again per question.
    page_slugs = {path.stem for path in page_files(folder)[0]}
    problems.extend(_link_problems(folder, pages, page_slugs, data["id"]))
    quiz_problems: list[Problem] = []
    questions, quiz_settings, starts, dropped = _load_quiz(folder, page_slugs, {s.id for s in sources},
                                                           quiz_problems)
    problems.extend(quiz_problems)
    images.extend(_prompt_image_problems(folder))
    if (problems or images) and not spare_parts:
        return None, problems + images
    if any(p.path in (str(meta_path), str(folder)) for p in problems):
        return None, problems + images
    problems.extend(uncited_source_problems(meta, pages, questions))
    pages = _spare_pages(pages, {Path(p.path).stem for p in problems if p.path != str(folder / QUIZ_FILE)})
    problems.extend(images)
    handled = {id(p) for p in quiz_problems[:dropped[1]]}  # the form problems of the questions already left out
    kept = _spare_questions(questions, starts, [p for p in quiz_problems if id(p) not in handled])
    return Lesson(
        id=data["id"], title=data["title"], summary=data["summary"], order=data["order"],
        folder=str(folder), objectives=tuple(data["objectives"]), pages=pages,
        sources=sources, terms=terms, questions=kept,
        prerequisites=tuple(data.get("prerequisites", ())),
        discussion=tuple(data.get("discussion", ())), facts_as_of=data.get("facts_as_of", ""),
        quiz_settings=quiz_settings, further_reading=tuple(data.get("further_reading", ())),
        left_out_questions=dropped[0] + len(questions) - len(kept), quiz_unreadable=bool(quiz_problems) and not starts,
    ), problems


def _spare_pages(pages: tuple[Page, ...], broken: set[str]) -> tuple[Page, ...]:
    """Each page with a problem becomes a notice, under its own title and slug so links still land."""
    return tuple(Page(p.slug, p.title, BROKEN_PAGE.format(title=p.title)) if p.slug in broken else p for p in pages)


def _spare_questions(questions: tuple[Question, ...], starts: list[int],
                     problems: list[Problem]) -> tuple[Question, ...]:
    """The questions none of whose lines has a problem; none at all if the quiz's own form is broken."""
    if problems and not starts:
        return ()
    ends = [*starts[1:], 1 << 30]
    broken = {i for p in problems for i, (a, b) in enumerate(zip(starts, ends, strict=True)) if a <= p.line < b}
    if any(p.line < starts[0] for p in problems):  # in the settings: the quiz's rules are unknown
        return ()
    return tuple(q for i, q in enumerate(questions) if i not in broken)


def _load_pages(folder: Path, meta: LocatedYaml, sources: set[str], terms: set[str],
                problems: list[Problem], images: list[Problem]) -> tuple[Page, ...]:
    paths, naming_problems = page_files(folder)
    problems.extend(naming_problems)
    if not paths:
        problems.append(meta.problem((), "the lesson has no pages: add a file such as '01-introduction.md'"))
    pages = []
    for path in paths:
        try:
            text = read_lesson_text(path, MAX_PAGE_BYTES)
            page, page_problems = parse_page(path, text, sources, terms)
            images.extend(image_problems(path, text))
        except LessonError as exc:
            problems.append(exc.problem)
            page_problems = []
            page = Page(path.stem, path.stem[3:].replace("-", " ").capitalize(), "")  # a notice, if spared
        pages.append(page)
        problems.extend(page_problems)
    return tuple(pages)


def _prompt_image_problems(folder: Path) -> list[Problem]:
    """Images in question prompts without alt text, or whose file would be refused, at the prompt's line.
    Like a page's, such an image costs nothing but itself: the question still shows its alt text."""
    path = folder / QUIZ_FILE
    try:
        text = read_lesson_text(path) if lesson_file_exists(path) else ""
        quiz = load_located_yaml(text, str(path)) if "![" in text else None
    except LessonError:
        return []  # reported where the quiz is read
    items = quiz.data.get("questions") if quiz is not None and isinstance(quiz.data, dict) else None
    problems = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        prompt = item.get("prompt") if isinstance(item, dict) else None
        for match in IMAGE.finditer(prompt if isinstance(prompt, str) else ""):
            alt, src = match.group(1).strip(), match.group(2)
            at = ("questions", index, "prompt")
            if not alt:
                problems.append(quiz.problem(at, f"image '{src}' in this prompt needs alt text, for students "
                                                 "who cannot see it: ![what the image shows](media/name.png)"))
            try:
                find_media(folder, src)
            except MediaRefused as refused:
                problems.append(quiz.problem(at, f"image '{src}' in this prompt cannot be shown ({refused}); "
                                                 "students see its alt text"))
    return problems


def _quiz_schema_problems(folder: Path) -> list[Problem]:
    if not lesson_file_exists(folder / QUIZ_FILE):
        return []
    try:
        return schema_problems(read_yaml(folder / QUIZ_FILE), "quiz")
    except LessonError as exc:
        return [exc.problem]


def _load_quiz(folder: Path, pages: set[str], sources: set[str],
               problems: list[Problem]) -> tuple[tuple[Question, ...], QuizSettings, list[int], tuple[int, int]]:
    """The questions, the settings, the line each question starts on (none if the quiz is unreadable)
    and (how many questions were left out for a mistake in their form, how many problems that explains)."""
    quiz_path = folder / QUIZ_FILE
    if not lesson_file_exists(quiz_path):
        return (), QuizSettings(), [], (0, 0)
    try:
        quiz = read_yaml(quiz_path)
    except LessonError as exc:
        problems.append(exc.problem)
        return (), QuizSettings(), [], (0, 0)
    schema = schema_problems(quiz, "quiz")
    dropped = (0, 0)
    if schema:
        problems.extend(schema)
        spared = _without_questions_at(quiz, [p.line for p in schema])
        if spared is None or schema_problems(spared[0], "quiz"):
            return (), QuizSettings(), [], (0, 0)
        quiz, dropped = spared[0], (spared[1], len(schema))
    questions, quiz_problems = load_questions(quiz, pages, sources)
    problems.extend(quiz_problems)
    starts = [quiz.position(("questions", i))[0] for i in range(len(questions))]
    return questions, load_settings(quiz), starts, dropped


def _without_questions_at(quiz: LocatedYaml, lines: list[int]) -> tuple[LocatedYaml, int] | None:
    """The quiz without the questions these lines fall in, and how many went; None if a line is in no question.

    So that a typo in one question's form (an unknown kind, a missing field) costs that question only."""
    items = quiz.data.get("questions") if isinstance(quiz.data, dict) else None
    if not isinstance(items, list) or not items:
        return None
    starts = [quiz.position(("questions", i))[0] for i in range(len(items))]
    spans = list(zip(starts, [*starts[1:], 1 << 30], strict=True))
    broken = set()
    for line in lines:
        hit = [i for i, (first, after) in enumerate(spans) if first <= line < after]
        if not hit:
            return None
        broken.update(hit)
    new_index = {old: new for new, old in enumerate(i for i in range(len(items)) if i not in broken)}

    def moved(table: dict[YamlPath, tuple[int, int]]) -> dict[YamlPath, tuple[int, int]]:
        out = {}
        for path, where in table.items():
            if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
                if path[1] not in new_index:
                    continue
                path = ("questions", new_index[path[1]], *path[2:])
            out[path] = where
        return out

    data = {**quiz.data, "questions": [items[i] for i in new_index]}
    return LocatedYaml(quiz.path, data, moved(quiz.values), moved(quiz.keys)), len(broken)


def _link_problems(folder: Path, pages: tuple[Page, ...], slugs: set[str], lesson_id: str) -> list[Problem]:
    """Links to a page of this lesson that has no such page (another lesson's are checked by the catalog)."""
    problems = []
    for page in pages:
        for link in page.links:
            if link.lesson in ("", lesson_id) and link.page not in slugs:
                problems.append(Problem(str(folder / f"{page.slug}.md"), link.line, link.column,
                                        f"page:{link.page} names no page of this lesson (pages: "
                                        f"{', '.join(sorted(slugs))}); write the file name without .md"))
    return problems
