"""GIFT import: Moodle's own sample files question by question (kinds, scores, feedback, as
question/format/gift/tests/giftformat_test.php expects), every mapping through our real loader,
grades as Moodle gives them, broken inputs with their lines, and junk that never hangs the parser."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from irtutor.content.exchange.gift_import import NO_EXPLANATION, parse_gift
from irtutor.content.exchange.report import ImportedQuestion, ImportRefused, ImportResult
from irtutor.content.lesson_loader import load_lesson
from irtutor.core.grading import grade
from irtutor.core.questions import Question, Response
from tests.conftest import FIXTURES, LESSONS
from tests.right_answers import right_response

MOODLE = FIXTURES / "moodle"
LESSON = "nato-origins"
PAGE = "02-the-washington-treaty"


def imported(name: str) -> ImportResult:
    return parse_gift((MOODLE / name).read_text(encoding="utf-8"), name)


def by_id(result: ImportResult) -> dict[str, dict[str, Any]]:
    return {q.mapping["id"]: q.mapping for q in result.imported if q.mapping is not None}


def loaded(tmp_path: Path, result: ImportResult) -> dict[str, Question]:
    """The imported questions added to a copy of a shipped lesson, read back by the real loader."""
    folder = tmp_path / LESSON
    shutil.copytree(LESSONS / LESSON, folder)
    quiz = yaml.safe_load((folder / "quiz.yaml").read_text(encoding="utf-8"))
    quiz["questions"] += [{**q.mapping, "page": PAGE} for q in result.imported if q.mapping is not None]
    (folder / "quiz.yaml").write_text(yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False), encoding="utf-8")
    lesson, problems = load_lesson(folder)
    assert problems == []
    assert lesson is not None
    return {q.id: q for q in lesson.questions}


def option(question: Question, text: str) -> str:
    return next(o.id for o in question.options if o.text == text)


# questions.gift.txt: (line, our kind or Moodle's type when skipped, imported?)
QUESTIONS_GIFT = [
    (2, "essay", False), (5, "matching", True), (14, "single_choice", True), (22, "multiple_choice", True),
    (31, "numeric", True), (34, "short_text", True), (41, "true_false", True), (46, "true_false", True),
    (49, "true_false", True),
]


def test_moodle_test_fixture_kinds_and_lines() -> None:
    result = imported("questions.gift.txt")
    assert [(int(q.where.split()[1]), q.kind, q.mapping is not None) for q in result.questions] == QUESTIONS_GIFT
    assert result.discussion == ["How are you?"]
    assert result.questions[0].skipped == "essay: kept as a discussion prompt"


def test_moodle_test_fixture_fields() -> None:
    q = by_id(imported("questions.gift.txt"))
    # test_import_match: [html] prompt as Markdown, formats per subquestion, `= -> Chat` a distractor.
    assert q["moodle-activities"]["prompt"] == "Match the **activity** to the description."
    assert [p["right"] for p in q["moodle-activities"]["pairs"]] == ["Forum", "Choice", "Database", "Wiki"]
    assert q["moodle-activities"]["distractors"] == ["Chat"]
    # test_import_multichoice: fraction 1, 0, 0; feedback with [html] read as HTML.
    assert q["q2"]["options"] == [{"text": "yellow", "correct": True, "feedback": "right; good!"},
                                  {"text": "red", "feedback": "wrong, it's yellow"},
                                  {"text": "blue", "feedback": "wrong, it's yellow"}]
    # test_import_multichoice_multi: single 0, fractions 0.5, -1, 0.5, -1.
    assert [o["weight"] for o in q["colours"]["options"]] == [50, -100, 50, -100]
    # test_import_numerical: 3 with tolerance 2 (the `~#Completely wrong` feedback dropped with a note).
    assert (q["q5"]["answer"], q["q5"]["tolerance"]) == (3, 2)
    # test_import_shortanswer: Frog 1, Cat 0.5, * 0 with feedback.
    assert q["shortanswer"]["answers"] == [
        {"text": "Frog", "credit": 1, "feedback": "Good!"},
        {"text": "Cat", "credit": 0.5, "feedback": "What is it with Moodlers and cats?"},
        {"text": "*", "credit": 0, "feedback": "Completely wrong"}]
    # test_import_truefalse: FALSE#wrong#right -> feedbacktrue is the first (wrong) one.
    tf = q["q1"]
    assert (tf["answer"], tf["feedback_true"], tf["feedback_false"]) == (
        False, "42 is the Ultimate Answer.", "You gave the right answer.")
    assert tf["explanation"] == "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    assert q["2-08-tsl"]["answer"] is True and q["2-08-tsl-2"]["answer"] is True  # {T} and {TRUE}; ids kept apart


MORE_MOODLE_CASES = r"""// essay
::double backslash:: A \\ B \\\\ C{}

::Q001::[html]<p>What would running the test method print?</p>
<pre>
    public void test() \{
        method1();
    \}
</pre>
{}

// This question is to test importing tags: [tag:tag] [tag:other-tag].
// And an idnumber: [id:myid].
::Question name:: How are you? {T}

::colours:: What's between orange and green in the spectrum?
{
    ~%100%yellow # right; good!
    ~%-50%red # wrong
    ~%-50%blue # wrong
}
"""


def test_more_cases_from_moodles_unit_test(tmp_path: Path) -> None:
    # test_import_backslash, test_import_pre_content, test_import_question_with_tags,
    # test_import_multichoice_multi_tricky (fractions 1, -0.5, -0.5 with no `=`: multiple response).
    result = parse_gift(MORE_MOODLE_CASES)
    assert result.discussion[0] == "A \\\\ B \\\\\\\\ C"  # Markdown for "A \ B \\ C"
    assert "public void test() {" in result.discussion[1] and "<pre>" not in result.discussion[1]
    tagged = by_id(result)["myid"]
    assert tagged["answer"] is True
    assert [o.get("weight") for o in by_id(result)["colours"]["options"]] == [100, -50, -50]
    colours = loaded(tmp_path, result)["colours"]
    assert grade(colours, Response({option(colours, "yellow")})).score == 1.0
    assert grade(colours, Response({option(colours, "yellow"), option(colours, "red")})).score == 0.5


def test_category_sets_topic_and_html_links_survive_escapes() -> None:
    result = imported("questions_in_category.gift.txt")
    assert [q.kind for q in result.questions] == ["matching", "single_choice", "short_text", "true_false"]
    assert {q.mapping["topic"] for q in result.imported if q.mapping} == {"default-for-new-features"}
    greeting = by_id(result)["greeting"]
    # `\=` and `\:` inside the HTML are text; the link's words stay, HTML never does.
    assert greeting["prompt"].startswith("[Listen to this greeting:](http://demo.moodle.net/")
    assert "<" not in greeting["prompt"]
    assert by_id(result)["moodle-acronym"]["prompt"] == (
        "Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment.")


def test_examples_every_question_accounted_for(tmp_path: Path) -> None:
    result = imported("examples.txt")
    assert len(result.questions) == 43
    skipped = [(q.where, q.kind) for q in result.questions if q.skipped]
    # Moodle's single-answer questions with a 25% or 50% option: our single_choice cannot give part marks.
    assert skipped == [("line 115", "multichoice"), ("line 117", "multichoice"), ("line 190", "multichoice")]
    assert all("our single_choice is right or wrong" in q.skipped for q in result.questions if q.skipped)
    assert len(loaded(tmp_path, result)) > 40  # all 40 imported ones load, beside the lesson's own


def test_every_fixture_question_loads(tmp_path: Path) -> None:
    for name in ("questions.gift.txt", "questions_in_category.gift.txt"):
        result = imported(name)
        for q in result.imported:
            assert q.mapping is not None and q.mapping["page"] == ""
        loaded(tmp_path / name, result)


def test_grades_as_moodle(tmp_path: Path) -> None:
    questions = loaded(tmp_path, imported("questions.gift.txt"))
    colours = questions["colours"]
    assert grade(colours, Response({option(colours, "yellow")})).score == 0.5
    assert grade(colours, Response({option(colours, "yellow"), option(colours, "off-beige")})).score == 1.0
    assert grade(colours, Response({option(colours, "yellow"), option(colours, "red")})).score == 0.0
    animal = questions["shortanswer"]
    assert grade(animal, Response(text="Cat")).score == 0.5
    assert grade(animal, Response(text="frog")).score == 1.0
    assert "Completely wrong" in str(grade(animal, Response(text="Dog")))
    number = questions["q5"]
    assert [grade(number, Response(text=t)).score for t in ("1", "5", "5.5")] == [1.0, 1.0, 0.0]
    tf = questions["q1"]
    assert grade(tf, Response({option(tf, "False")})).score == 1.0


def test_missing_word_becomes_a_one_gap_cloze(tmp_path: Path) -> None:
    result = parse_gift("Grant is {~buried =entombed ~living} in Grant's tomb.\n\nTwo plus two equals {=four =4}.")
    choice, typed = (q.mapping for q in result.questions)
    assert choice is not None and typed is not None
    assert choice["text"] == "Grant is {{entombed|buried|living}} in Grant's tomb."
    assert typed["text"] == "Two plus two equals {{four;4}}."
    questions = loaded(tmp_path, result)
    gap = questions[typed["id"]]
    assert grade(gap, Response(gaps={"g1": "4"})).score == 1.0
    assert grade(gap, Response(gaps={"g1": "five"})).score == 0.0


def test_partial_credit_missing_word_keeps_its_grading() -> None:
    # A cloze gap has no partial credit: the question stays a short answer with Moodle's blank in its text.
    [q] = parse_gift("Jesus was from {=Nazareth =%25%Bethlehem#born there} in Galilee.").questions
    assert q.mapping is not None and q.mapping["kind"] == "short_text"
    assert q.mapping["prompt"] == "Jesus was from _____ in Galilee."
    assert any("missing-word" in note for note in q.notes)


def test_escapes_tokens_and_markers() -> None:
    text = ("// [id:Treaty-1] [tag:nato]\n::Ignored title::[markdown]Is **4 \\= 2\\+2** a \\{set\\}\\: yes\\nno?"
            "{=yes\\#1#fine ~no####[html]<p>See <em>page 2</em>.</p>}")
    [q] = parse_gift(text).questions
    assert q.mapping is not None
    assert q.mapping["id"] == "treaty-1"
    assert q.mapping["prompt"] == "Is **4 = 2\\+2** a {set}: yes\nno?"
    assert q.mapping["options"][0] == {"text": "yes#1", "correct": True, "feedback": "fine"}
    assert q.mapping["explanation"] == "See *page 2*."
    assert any("tags nato" in note for note in q.notes)


def test_description_and_missing_explanation() -> None:
    result = parse_gift("::intro::Read the treaty first.\n\n::q::Signed in 1949?{T}")
    assert result.page_notes == ["Read the treaty first."]
    assert result.questions[0].skipped == "description: kept as a note for a page"
    q = result.questions[1]
    assert q.mapping is not None and q.mapping["explanation"] == NO_EXPLANATION
    assert any("placeholder" in note for note in q.notes)


def test_ordering_in_qtype_ordering_form(tmp_path: Path) -> None:
    text = "::steps::Put in order.{>3 ALL VERTICAL ALL_OR_NOTHING SHOW\nSign\nRatify\nEnter into force\n}"
    [q] = parse_gift(text).questions
    assert q.mapping is not None
    assert (q.mapping["items"], q.mapping["grading"]) == (["Sign", "Ratify", "Enter into force"], "all_or_nothing")
    loaded(tmp_path, parse_gift(text))


def test_numerical_forms_grade_as_moodle(tmp_path: Path) -> None:
    text = ("::pi::Pi to 3 places?{#3.141..3.142}\n\n::neg::A negative range?{#-5..-1}\n\n"
            "::grant::When was Grant born?{#1822:2####Born 1822.}")
    result = parse_gift(text)
    q = by_id(result)
    assert (q["pi"]["answer"], q["pi"]["tolerance"]) == (3.1415, 0.0005)
    assert (q["neg"]["answer"], q["neg"]["tolerance"]) == (-3, 2)
    questions = loaded(tmp_path, result)
    assert [grade(questions["pi"], Response(text=t)).score for t in ("3.141", "3.142", "3.143")] == [1.0, 1.0, 0.0]
    assert [grade(questions["grant"], Response(text=t)).score for t in ("1820", "1824", "1825")] == [1.0, 1.0, 0.0]
    assert questions["grant"].explanation == "Born 1822."


def test_matching_and_ordering_grade(tmp_path: Path) -> None:
    text = ("::m::Match.{=Norway -> 1949 =Greece -> 1952 = -> 1982}\n\n"
            "::o::Order.{>3 ALL VERTICAL ABSOLUTE_POSITION SHOW\nSign\nRatify\nEnter\n}")
    questions = loaded(tmp_path, parse_gift(text))
    matching = questions["m"]
    key = matching.key
    assert [r.text for r in key.rights] == ["1949", "1952", "1982"]  # the distractor is offered too
    assert grade(matching, right_response(matching)).score == 1.0
    assert grade(questions["o"], right_response(questions["o"])).score == 1.0


def test_html_never_survives_as_html() -> None:
    [q] = parse_gift("[html]<p>Which <script>alert(1)</script><b>treaty</b>?</p><iframe src=x></iframe>{T}").questions
    assert q.mapping is not None and q.mapping["prompt"] == "Which **treaty**?"
    assert "[html] text turned into Markdown" in q.notes


BROKEN = [
    ("Q1 {=a =b", "line 3", "the answer block opened with { at line 3 is not closed with }"),
    ("Q1 {#abc:1}", "line 3", "line 3: 'abc' is not a number (Moodle would import this answer as 'any answer is "
                              "right')"),
    ("Q1 {\n=a -> x\n=b -> }", "line 3", "line 5: 'b' -> has no right-hand item"),
    ("Q1 {\n~%150%a\n~b}", "line 3", "line 4: weight 150% is out of range: Moodle grades answers from -100% to 100%"),
    ("Q1 {~}", "line 3", "a multiple-choice question needs at least two answers (found 1)"),
    ("Q1 {~a\n~\n=b}", "line 3", "line 4: an answer with no text (a lone ~ or =)"),
    ("::unterminated Q1 {T}", "line 3", "the title opened with :: at line 3 is not closed with ::"),
    ("Q1\n} stray {T}", "line 3", "a } at line 4 closes no answer block (write \\} for a brace in the text)"),
    ("Q1 {T}\nand {F}", "line 3", "a second answer block at line 4: a GIFT question has one (write \\{ and \\} for "
                                  "braces in the text)"),
    ("Q1 {~%50%a ~%40%b}", "line 3", "the weights of the right answers add up to 90%, not 100% (Moodle refuses "
                                     "this question too)"),
    ("Q1 {=a ~%abc%b}", "line 3", "line 3: weight %abc% is not a percent (write e.g. %50% or %-25%)"),
    ("Q1 {#\n=1..x}", "line 3", "line 4: 'x' is not a number (Moodle would import this answer as 'any answer is "
                                "right')"),
    ("Q1 {=Nat*}", "line 3", "line 3: answer 'Nat*' uses Moodle's * wildcard inside a word; we accept listed "
                             "answers only"),
]


@pytest.mark.parametrize(("gift", "where", "reason"), BROKEN)
def test_broken_input_is_skipped_at_its_line(gift: str, where: str, reason: str) -> None:
    # Two lines before the question, and a good question after it that still imports.
    result = parse_gift(f"// a bank\n\n{gift}\n\nFine?{{T}}")
    broken, fine = result.questions
    assert (broken.where, broken.skipped, broken.mapping) == (where, reason, None)
    assert fine.mapping is not None


def test_limits_refuse_the_whole_file() -> None:
    with pytest.raises(ImportRefused, match="at most 5 MB"):
        parse_gift("x" * (5 * 1024 * 1024 + 1))
    with pytest.raises(ImportRefused, match="at most 5,000"):
        parse_gift("\n\n".join("Q{T}" for _ in range(5001)))


def assert_quick_and_whole(text: str) -> None:
    started = time.perf_counter()
    result = parse_gift(text)
    assert time.perf_counter() - started < 2.0
    for q in result.questions:
        assert isinstance(q, ImportedQuestion) and q.where.startswith("line ")
        assert (q.mapping is None) == bool(q.skipped)


GIFT_ALPHABET = st.sampled_from([*"{}~=#:%->\\/[]\n \tTFab1.*$", "::", "####", "->", "//", "\n\n", "[html]"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(GIFT_ALPHABET, max_size=80).map("".join))
def test_junk_never_raises_or_hangs(text: str) -> None:
    assert_quick_and_whole(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_raises_or_hangs(text: str) -> None:
    assert_quick_and_whole(text)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_fixture_never_raises_or_hangs(data: st.DataObject) -> None:
    text = (MOODLE / "examples.txt").read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 5))
        text = text[:at] + data.draw(GIFT_ALPHABET) + text[at + cut:]
    assert_quick_and_whole(text)


@pytest.mark.parametrize("unit", ["{", "}", ":", "::", "~", "=", "#", "%", "->", "\\", "a\n", "{~", "=a->b "])
def test_long_runs_stay_linear(unit: str) -> None:
    assert_quick_and_whole("Q" + unit * 200_000 + "{T}")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_mappings_still_load(tmp_path: Path, data: st.DataObject) -> None:
    # Whatever a damaged file gives, what is imported must load.
    text = (MOODLE / "examples.txt").read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 12))):
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + data.draw(GIFT_ALPHABET) + text[at + data.draw(st.integers(0, 6)):]
    loaded(Path(tempfile.mkdtemp(dir=tmp_path)), parse_gift(text))


def test_choice_entries_with_braces_stay_out_of_a_gap(tmp_path: Path) -> None:
    [q] = parse_gift(r"Pick {=\\ ~\{ ~\}} here.").questions
    assert q.mapping is not None and q.mapping["kind"] == "single_choice"
    assert q.mapping["prompt"] == "Pick _____ here."
    loaded(tmp_path, parse_gift(r"Pick {=\\ ~\{ ~\}} here."))
