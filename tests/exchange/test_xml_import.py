"""Moodle XML import (issue 14): Moodle's own fixtures question by question, each kind's mapping
loaded by the real lesson loader and graded, broken inputs with their element paths, XML bombs."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from irtutor.content.exchange.html_text import html_to_markdown, to_markdown
from irtutor.content.exchange.report import ImportRefused, ImportResult
from irtutor.content.exchange.xml_import import MAX_QUESTIONS, NO_EXPLANATION, parse_moodle_xml
from irtutor.content.lesson_loader import load_lesson
from irtutor.core.grading import grade
from irtutor.core.kind_registry import rules_for
from irtutor.core.lesson import Lesson
from irtutor.core.questions import Question, QuestionKind, Response

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "moodle-xml"
LESSON, PAGE = "nato-origins", "02-the-washington-treaty"
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="


def fixture(name: str) -> ImportResult:
    return parse_moodle_xml((FIXTURES / name).read_bytes(), name)


def quiz(*questions: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>' + "".join(questions) + "</quiz>").encode()


def question(qtype: str, body: str, name: str = "A question", text: str = "What?", fmt: str = "html") -> str:
    return (f'<question type="{qtype}"><name><text>{name}</text></name>'
            f'<questiontext format="{fmt}"><text><![CDATA[{text}]]></text></questiontext>'
            f'<generalfeedback format="html"><text>Because.</text></generalfeedback>{body}</question>')


def answer(fraction: float | str, text: str, feedback: str = "", extra: str = "", fmt: str = "html") -> str:
    return (f'<answer fraction="{fraction}" format="{fmt}"><text><![CDATA[{text}]]></text>'
            f'<feedback format="html"><text>{feedback}</text></feedback>{extra}</answer>')


def load(tmp_path: Path, result: ImportResult) -> Lesson:
    """The imported mappings added to a copy of a shipped lesson; the real loader must find no problem."""
    folder = tmp_path / LESSON
    shutil.copytree(REPO / "lessons" / LESSON, folder)
    quiz_file = folder / "quiz.yaml"
    data = yaml.safe_load(quiz_file.read_text(encoding="utf-8"))
    data["questions"] += [{**q.mapping, "page": PAGE} for q in result.imported]
    quiz_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if result.media:
        (folder / "media").mkdir(exist_ok=True)
        for name, content in result.media.items():
            (folder / "media" / name).write_bytes(content)
    lesson, problems = load_lesson(folder)
    assert problems == []
    assert lesson is not None
    return lesson


def by_id(lesson: Lesson, question_id: str) -> Question:
    return next(q for q in lesson.questions if q.id == question_id)


def only(result: ImportResult) -> dict[str, Any]:
    assert len(result.questions) == 1, [q.skipped for q in result.questions]
    mapping = result.questions[0].mapping
    assert mapping is not None, result.questions[0].skipped
    return mapping


# Moodle's fixtures (question/format/xml/tests/xmlformat_test.php checks the same facts) -------------

def test_multichoice_fixture(tmp_path: Path) -> None:
    result = fixture("multichoice.xml")
    imported = result.questions[0]
    assert imported.where == "/quiz/question[2]"  # question[1] is the category
    assert imported.mapping["kind"] == "single_choice"
    assert imported.mapping["topic"] == "multichoice"
    options = imported.mapping["options"]
    assert [o.get("correct", False) for o in options] == [False, True, False, False]
    assert options[1] == {"text": "![French flag](media/flag-france.jpg) French", "correct": True,
                          "feedback": "Yes, well done!"}
    assert sorted(result.media) == ["flag-denmark.jpg", "flag-france.jpg", "flag-german.jpg", "flag-uk.jpg"]
    assert any("bonjour.mp3 is skipped" in note for note in imported.notes)
    assert imported.mapping["explanation"] == NO_EXPLANATION
    lesson = load(tmp_path, result)
    assert grade(by_id(lesson, "greeting"), Response.of("b")).score == 1.0
    assert grade(by_id(lesson, "greeting"), Response.of("a")).feedback == ("“![British Flag](media/flag-uk.jpg) "
                                                                           "English”: Sorry, listen again.",)


def test_truefalse_fixture(tmp_path: Path) -> None:
    result = fixture("truefalse.xml")
    first, second = (q.mapping for q in result.questions)
    assert (first["id"], first["answer"], second["id"], second["answer"]) == (
        "moodle-acronym-false", False, "moodle-acronym-true", True)
    assert first["feedback_true"] == "![Thumb down](media/thumbdown.jpg) Your answer is incorrect."
    assert first["feedback_false"] == "![Thumb up](media/thumbup.jpg) Your answer is correct."
    assert "[documentation about Moodle](http://docs.moodle.org/en/About_Moodle" in first["explanation"]
    lesson = load(tmp_path, result)
    assert grade(by_id(lesson, "moodle-acronym-false"), Response.of("false")).score == 1.0
    assert grade(by_id(lesson, "moodle-acronym-false"), Response.of("true")).score == 0.0


def test_multianswer_fixture(tmp_path: Path) -> None:
    result = fixture("multianswer.xml")
    mapping = only(result)
    assert mapping["kind"] == "cloze" and mapping["typos"] == 0
    text = mapping["text"]
    for gap in ("San Francisco: {{California|Arizona}}", "Tucson: {{Arizona|California}}",
                "Phoenix: {{Arizona|California}}", "The capital of France is {{Paris}}."):
        assert gap in text
    assert "![Arizona flag](media/arizona_2.png)" in text
    assert sorted(result.media) == ["arizona_2.png", "california-state-flag.png", "moodle.png"]
    assert any("'Marseille' earned 50%" in note for note in result.questions[0].notes)
    lesson = load(tmp_path, result)
    cloze = by_id(lesson, "cloze-with-images")
    assert grade(cloze, Response(gaps={"g1": "California", "g2": "Arizona", "g3": "California",
                                       "g4": "Arizona", "g5": "paris"})).score == 1.0
    assert grade(cloze, Response(gaps={"g1": "California", "g2": "California", "g3": "California",
                                       "g4": "Arizona", "g5": "Marseille"})).score == pytest.approx(0.6)


def test_old_image_tag_fixture(tmp_path: Path) -> None:
    result = fixture("sample_questions_with_old_image_tag.xml")
    assert [q.mapping["kind"] for q in result.questions] == ["cloze", "single_choice"]
    assert result.questions[1].mapping["prompt"].endswith("![moodle](media/moodle.png)")
    assert list(result.media) == ["moodle.png"]
    load(tmp_path, result)


def test_nested_categories_fixture(tmp_path: Path) -> None:
    result = fixture("nested_categories_with_questions.xml")
    assert [(q.where, q.kind, q.mapping and q.mapping["topic"]) for q in result.questions] == [
        ("/quiz/question[2]", "true_false", "iota"), ("/quiz/question[4]", "essay", None),
        ("/quiz/question[5]", "true_false", "kappa"), ("/quiz/question[7]", "true_false", "lambda"),
        ("/quiz/question[9]", "true_false", "mu")]
    assert result.questions[1].status == "skipped: essay: kept as a discussion prompt"
    assert result.discussion == ["Testing Kappa Essay Question"]
    load(tmp_path, result)


def test_broken_cloze_fixture() -> None:
    reasons = [q.skipped for q in fixture("broken_cloze_questions.xml").questions]
    assert reasons == [
        "/quiz/question[1]/questiontext: the cloze text has no gaps ({1:SHORTANSWER:=answer} and the like)",
        "/quiz/question[2]/questiontext: gap 1 '{1:MULTICHOICE}' has no answers after its type",
        "/quiz/question[3]/questiontext: gap 1 is a choice list with fewer than two choices",
        "/quiz/question[4]/questiontext: gap 1 needs exactly one choice graded 100% (found 0)",
        "/quiz/question[5]/questiontext: gap 1: 'zero' is not a number (or number:tolerance)",
    ]


def test_invalid_grades_fixture_is_refused_as_moodle_refuses_it() -> None:
    skipped = fixture("error_invalid_grades.xml").questions[0]
    assert skipped.skipped == ("/quiz/question[1]: the grades of the right answers add up to 99.66666%, "
                               "not 100% (Moodle refuses this question too)")


def test_all_cloze_types_fixture_refuses_the_multiresponse_gap() -> None:
    skipped = fixture("multianswer-all-types.xml").questions[0]
    assert skipped.skipped == ("/quiz/question[1]/questiontext: gap 7 is a MULTIRESPONSE gap (several right "
                               "choices); our gaps have one right choice")


# Each kind: the mapping loads and grades as Moodle graded it ------------------------------------------

def test_multiple_answer_weights_grade_as_in_moodle(tmp_path: Path) -> None:
    body = ("<single>false</single>" + answer(50, "Finland") + answer(50, "Sweden")
            + answer(-100, "Austria", "Neutral still.") + answer(0, "Ireland"))
    result = parse_moodle_xml(quiz(question("multichoice", body, "Nordic joiners")))
    assert [o.get("weight") for o in only(result)["options"]] == [50, 50, -100, 0]
    q = by_id(load(tmp_path, result), "nordic-joiners")
    assert rules_for(q.kind).grade(q, Response.of("a")).score == 0.5
    assert grade(q, Response.of("a", "b")).score == 1.0
    assert grade(q, Response.of("a", "c")).score == 0.0  # Moodle floors at 0 too


def test_one_answer_question_with_partial_credit_is_skipped() -> None:
    body = answer(100, "1949") + answer(50, "1948")
    skipped = parse_moodle_xml(quiz(question("multichoice", body))).questions[0]
    assert skipped.skipped.startswith("/quiz/question[1]/answer[2]: a one-answer question that gives 50%")


def test_short_answer_keeps_case_credit_and_feedback(tmp_path: Path) -> None:
    body = ("<usecase>1</usecase>" + answer(100, "NATO", fmt="moodle_auto_format")
            + answer(50, "North Atlantic", "Half: name it in full.", fmt="moodle_auto_format")
            + answer(0, "Warsaw Pact", "That was the other side.", fmt="moodle_auto_format"))
    result = parse_moodle_xml(quiz(question("shortanswer", body, "Alliance name")))
    mapping = only(result)
    assert mapping["case_sensitive"] is True and mapping["typos"] == 0
    assert mapping["answers"][0] == "NATO"
    q = by_id(load(tmp_path, result), "alliance-name")
    assert grade(q, Response(text="NATO")).score == 1.0
    assert grade(q, Response(text="nato")).score == 0.0
    assert grade(q, Response(text="North Atlantic")).score == 0.5
    assert "That was the other side." in grade(q, Response(text="Warsaw Pact")).feedback[0]


def test_short_answers_that_match_alike_keep_the_first(tmp_path: Path) -> None:
    body = answer(100, "U.S.") + answer(50, "US", "Spell it out.") + answer(100, "United States")
    result = parse_moodle_xml(quiz(question("shortanswer", body, "Ally")))
    assert only(result)["answers"] == ["U.S.", "United States"]
    assert "answer[2]: 'US' matches the same typed answers as 'U.S.'" in result.questions[0].notes[0]
    load(tmp_path, result)


def test_short_answer_wildcard_is_skipped() -> None:
    skipped = parse_moodle_xml(quiz(question("shortanswer", answer(100, "Wash*ton")))).questions[0]
    assert skipped.skipped.startswith("/quiz/question[1]/answer[1]: answer 'Wash*ton' uses Moodle's * wildcard")


def test_numerical_feedback_is_noted_when_dropped() -> None:
    body = (answer(100, "42", "Well done!", "<tolerance>0.001</tolerance>")
            + answer(0, "13", "What were you thinking?!", "<tolerance>1</tolerance>")
            + answer(0, "*", "Completely wrong.", "<tolerance></tolerance>"))
    result = parse_moodle_xml(quiz(question("numerical", body)))
    assert (only(result)["answer"], only(result)["tolerance"]) == (42, 0.001)
    assert result.questions[0].notes == ["answer[2]: the feedback for 13 is dropped",
                                         "answer[3]: the feedback for any other answer is dropped",
                                         "answer[1]: the feedback for the right answer is dropped"]


def test_numerical_tolerance_and_unit(tmp_path: Path) -> None:
    units = ("<units><unit><multiplier>1</multiplier><unit_name>members</unit_name></unit>"
             "<unit><multiplier>0.5</multiplier><unit_name>pairs</unit_name></unit></units>")
    body = answer(100, "32", extra="<tolerance>1</tolerance>") + answer(50, "30", extra="<tolerance>5</tolerance>")
    result = parse_moodle_xml(quiz(question("numerical", body + units, "Members 2024")))
    mapping = only(result)
    assert (mapping["answer"], mapping["tolerance"], mapping["unit"]) == (32, 1, "members")
    notes = " ".join(result.questions[0].notes)
    assert "'pairs' (x0.5) is not accepted" in notes and "30 earned 50%" in notes
    q = by_id(load(tmp_path, result), "members-2024")
    assert grade(q, Response(text="33 members")).score == 1.0
    assert grade(q, Response(text="34")).score == 0.0


def test_matching_with_a_distractor(tmp_path: Path) -> None:
    sub = '<subquestion format="html"><text><![CDATA[{}]]></text><answer><text>{}</text></answer></subquestion>'
    body = sub.format("<p>Finland</p>", "2023") + sub.format("Sweden", "2024") + sub.format("", "1995")
    result = parse_moodle_xml(quiz(question("matching", body, "Joined")))
    mapping = only(result)
    assert mapping["pairs"] == [{"left": "Finland", "right": "2023"}, {"left": "Sweden", "right": "2024"}]
    assert mapping["distractors"] == ["1995"]
    q = by_id(load(tmp_path, result), "joined")
    assert grade(q, Response(pairs={"l1": "r1", "l2": "r3"})).score == 0.5


@pytest.mark.parametrize(("grading", "mode"), [("ALL_OR_NOTHING", "all_or_nothing"),
                                               ("ABSOLUTE_POSITION", "absolute_position"),
                                               ("RELATIVE_NEXT_EXCLUDE_LAST", "relative_to_next"),
                                               ("LONGEST_ORDERED_SUBSET", "longest_ordered_subsequence")])
def test_ordering_uses_fraction_as_the_place(tmp_path: Path, grading: str, mode: str) -> None:
    body = (f"<gradingtype>{grading}</gradingtype><selecttype>ALL</selecttype><selectcount>0</selectcount>"
            + answer(3, "Berlin Wall falls") + answer(1, "NATO founded") + answer(2, "Warsaw Pact founded"))
    result = parse_moodle_xml(quiz(question("ordering", body, "Cold War")))
    mapping = only(result)
    assert mapping["items"] == ["NATO founded", "Warsaw Pact founded", "Berlin Wall falls"]
    assert mapping["grading"] == mode
    q = by_id(load(tmp_path, result), "cold-war")
    assert grade(q, Response(order=("i1", "i2", "i3"))).score == 1.0


@pytest.mark.parametrize(("extra", "reason"), [
    ("<gradingtype>RELATIVE_ALL_PREVIOUS_AND_NEXT</gradingtype>",
     "/quiz/question[1]/gradingtype: grading type 'RELATIVE_ALL_PREVIOUS_AND_NEXT' has no counterpart"),
    ("<gradingtype>LONGEST_CONTIGUOUS_SUBSET</gradingtype>",
     "/quiz/question[1]/gradingtype: grading type 'LONGEST_CONTIGUOUS_SUBSET' has no counterpart"),
    ("<selecttype>RANDOM</selecttype><selectcount>2</selectcount>",
     "/quiz/question[1]/selecttype: Moodle shows 2 of the 3 items"),
])
def test_ordering_refusals(extra: str, reason: str) -> None:
    body = extra + answer(1, "a") + answer(2, "b") + answer(3, "c")
    assert parse_moodle_xml(quiz(question("ordering", body))).questions[0].skipped.startswith(reason)


def test_cloze_two_gaps_one_right_earns_half(tmp_path: Path) -> None:
    text = ("NATO was founded in {1:NUMERICAL:=1949:0} in {1:MCS:=Washington#Yes~Brussels#No~Paris}; "
            "its first Secretary General was {1:SA:=Ismay~=Lord Ismay~%50%Hastings}.")
    result = parse_moodle_xml(quiz(question("cloze", "", "Founding", text)))
    mapping = only(result)
    assert mapping["text"] == ("NATO was founded in {{1949}} in {{Washington|Brussels|Paris}}; its first "
                               "Secretary General was {{Ismay;Lord Ismay}}.")
    q = by_id(load(tmp_path, result), "founding")
    assert grade(q, Response(gaps={"g1": "1949", "g2": "Paris", "g3": "Lord Ismay"})).score == pytest.approx(2 / 3)
    two = parse_moodle_xml(quiz(question("cloze", "", "Two gaps", "{1:SA:=1949} and {1:MC:=12~9}")))
    q2 = by_id(load(tmp_path / "two", two), "two-gaps")
    assert grade(q2, Response(gaps={"g1": "1949", "g2": "9"})).score == 0.5


@pytest.mark.parametrize(("gap", "reason"), [
    ("{1:MULTIRESPONSE:=a~=b~c}", "gap 1 is a MULTIRESPONSE gap"),
    ("{1:MRS:=a~b}", "gap 1 is a MRS gap"),
    ("{1:NM:=1949:2}", "gap 1 accepts 1949 ± 2"),
    ("{1:SA:=a|b}", "gap 1: the answer 'a|b' contains | ;"),
    ("{1:SA:=Wash*}", "gap 1: the answer 'Wash*' uses Moodle's * wildcard"),
    ("{1:MC:=a~=b}", "gap 1 needs exactly one choice graded 100% (found 2)"),
    ("{1:XYZ:=a}", "gap 1 has the unknown type 'XYZ'"),
])
def test_cloze_refusals(gap: str, reason: str) -> None:
    skipped = parse_moodle_xml(quiz(question("cloze", "", text=f"Fill {gap}."))).questions[0]
    assert skipped.skipped.startswith(f"/quiz/question[1]/questiontext: {reason}")


# Ids, formats, media, kept prompts --------------------------------------------------------------------

def test_ids_idnumber_wins_and_names_are_made_unique() -> None:
    tf = answer(100, "true") + answer(0, "false")
    result = parse_moodle_xml(quiz(question("truefalse", tf, "Same name"), question("truefalse", tf, "Same name"),
                                   question("truefalse", tf + "<idnumber>NATO-01</idnumber>", "Same name")))
    assert [q.mapping["id"] for q in result.questions] == ["same-name", "same-name-2", "nato-01"]


@pytest.mark.parametrize(("text", "fmt", "markdown"), [
    ("<p>The <b>North</b> Atlantic</p><script>alert(1)</script>", "html", "The **North** Atlantic"),
    ('<p><img src="@@PLUGINFILE@@/map%20one.png" alt="A map"></p>', "html", "![A map](media/map-one.png)"),
    ('<img src="https://example.org/x.png" alt="Remote">', "html", "Remote"),
    ("5 * 3 = [x]", "plain_text", r"5 \* 3 = \[x\]"),
    ("1. not a list, A -> a", "plain_text", r"1\. not a list, A -> a"),
    ("A -> a, untagged", "html", "A -> a, untagged"),
    ("**bold** as written", "markdown", "**bold** as written"),
    ("Line one\n\nLine two", "moodle_auto_format", "Line one\n\nLine two"),
    ("<i>auto</i> with tags", "moodle_auto_format", "*auto* with tags"),
])
def test_text_formats(text: str, fmt: str, markdown: str) -> None:
    assert to_markdown(text, fmt) == markdown


def test_html_without_markdown_counterpart_keeps_its_words_only() -> None:
    assert html_to_markdown('<iframe src="x">gone</iframe><span style="color:red">kept</span>') == "kept"


def test_images_are_kept_by_signature_and_size() -> None:
    big = "A" * (3 * 1024 * 1024)
    files = (f'<file name="ok.png" encoding="base64">{PNG}</file>'
             '<file name="fake.png" encoding="base64">R0lGODlhAQABAAAAACw=</file>'
             f'<file name="big.png" encoding="base64">{big}</file>'
             '<file name="pic.svg" encoding="base64">PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=</file>')
    tf = answer(100, "true") + answer(0, "false")
    body = (f'<questiontext format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/ok.png" alt="dot">]]></text>'
            f'{files}</questiontext>{tf}')
    result = parse_moodle_xml(quiz(f'<question type="truefalse"><name><text>T</text></name>{body}</question>'))
    assert sorted(result.media) == ["ok.png", "pic.svg"]
    notes = " ".join(result.questions[0].notes)
    assert "fake.png is skipped: only PNG, JPEG and SVG" in notes and "big.png is skipped: larger than 2 MB" in notes


def test_an_image_without_alt_text_is_noted() -> None:
    tf = answer(100, "true") + answer(0, "false")
    result = parse_moodle_xml(quiz(question("truefalse", tf, text='<img src="@@PLUGINFILE@@/map.png" alt="">')))
    assert only(result)["prompt"] == "![map](media/map.png)"
    assert "an image without alt text shows its file name instead; write what it shows" in result.questions[0].notes


def test_description_becomes_a_page_note() -> None:
    result = parse_moodle_xml(quiz(question("description", "", text="<p>Read <b>this</b> first.</p>")))
    assert result.page_notes == ["Read **this** first."]
    assert result.questions[0].status == "skipped: description: kept as a page note"


# Broken inputs: the path in every reason ------------------------------------------------------------------

@pytest.mark.parametrize(("data", "message"), [
    (b"this is not XML", "file.xml is not well-formed XML (syntax error: line 1, column 0)"),
    (b"<questions><question type='truefalse'/></questions>",
     "file.xml is not a Moodle XML question file: its root element is <questions>, not <quiz>"),
    (b"<quiz><question type='truefalse'>", "file.xml is not well-formed XML (no element found: line 1, column 33)"),
])
def test_broken_files_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        parse_moodle_xml(data)
    assert str(refused.value) == message


@pytest.mark.parametrize(("body", "reason"), [
    ('<question><name><text>x</text></name></question>', "/quiz/question[2]: the question has no type attribute"),
    (question("calculated", ""), "/quiz/question[2]: Moodle's 'calculated' question type has no counterpart here"),
    (question("multichoice", answer("abc", "x") + answer(100, "y")),
     "/quiz/question[2]/answer[1]: fraction 'abc' is not a number"),
    (question("multichoice", answer(150, "x") + answer(0, "y")),
     "/quiz/question[2]/answer[1]: fraction '150' is out of range"),
    (question("cloze", "", text="Fill {1:SA:=open gap here."),
     "/quiz/question[2]/questiontext: gap 1 '{1:SA:=open gap here.' is not closed"),
    (question("numerical", answer(100, "ten")), "/quiz/question[2]/answer[1]: 'ten' is not a number"),
    (question("numerical", answer(100, "1e999")), "/quiz/question[2]/answer[1]: '1e999' is not a finite number"),
    (question("truefalse", answer(100, "yes") + answer(0, "no")),
     "/quiz/question[2]: a true/false question needs one answer 'true' and one 'false'"),
    (question("multichoice", answer(100, "a") + answer(0, "b"), text=""),
     "/quiz/question[2]/questiontext: the question text is empty"),
])
def test_broken_questions_say_where(body: str, reason: str) -> None:
    ok = question("truefalse", answer(100, "true") + answer(0, "false"), "fine")
    result = parse_moodle_xml(quiz(ok, body))
    assert result.questions[0].mapping is not None
    assert result.questions[1].skipped.startswith(reason)


# Safety ------------------------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<quiz><question type="description"><questiontext><text>&lol3;</text></questiontext></question></quiz>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="description"><questiontext><text>&secret;</text></questiontext></question></quiz>"""
QUADRATIC = (b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "' + b"x" * 50_000 + b'">]><quiz><question '
             b'type="description"><questiontext><text>' + b"&a;" * 1000 + b"</text></questiontext></question></quiz>")


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL, QUADRATIC], ids=["billion-laughs", "external", "quadratic"])
def test_xml_bombs_are_refused_before_anything_expands(data: bytes) -> None:
    with pytest.raises(ImportRefused, match="declares a DTD or entities"):
        parse_moodle_xml(data, "bank.xml")


def test_size_and_question_count_are_capped() -> None:
    with pytest.raises(ImportRefused, match="up to 10 MB"):
        parse_moodle_xml(b" " * (10 * 1024 * 1024 + 1))
    with pytest.raises(ImportRefused, match="5,001 questions; at most 5,000 can be imported"):
        parse_moodle_xml(quiz(*["<question type='category'/>"] * (MAX_QUESTIONS + 1)))


# Junk in, a mapping that reads cleanly or a reason with its path out -------------------------------------

class _Reader:
    """The KeyReader each kind reads its fields through, collecting what it would report."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data, self.problems = data, []

    def report(self, where: tuple[str | int, ...], message: str, *, key: bool = False) -> None:
        self.problems.append(message)

    def report_in_text(self, field: str, offset: int | None, token: str, message: str) -> None:
        self.problems.append(message)

    def has_problems(self) -> bool:
        return bool(self.problems)

    def setting(self, name: str, default: Any) -> Any:
        return default

    def country_names(self) -> None:
        return None


cloze_like = st.text(alphabet=st.sampled_from(list("{}:~#=%\\|;*<>/&ab1 MCSANRUMERICAL_.-")), max_size=60)
alternative = st.tuples(st.sampled_from(["", "=", "%50%", "%100%", "%-10%"]), cloze_like,
                        st.sampled_from(["", "#ok", "#<b>no</b>"])).map("".join)
gap_like = st.builds(lambda kind, alternatives: "{1:" + kind + ":" + "~".join(alternatives) + "}",
                     st.sampled_from(["SA", "SAC", "NM", "MC", "MCVS", "MR", "NUMERICAL", "MULTICHOICE_S"]),
                     st.lists(alternative, min_size=1, max_size=4))
cloze_text = st.lists(st.one_of(cloze_like, gap_like), max_size=4).map("".join)


@settings(max_examples=200, deadline=None)
@given(qtype=st.sampled_from(["cloze", "multichoice", "shortanswer", "numerical", "ordering", "truefalse"]),
       text=cloze_text, answers=st.lists(st.tuples(st.sampled_from(["100", "50", "0", "-50", "x", "33.3"]),
                                                   cloze_like), max_size=4))
def test_junk_questions_import_cleanly_or_say_where(qtype: str, text: str, answers: list[tuple[str, str]]) -> None:
    body = "".join(answer(fraction, value) for fraction, value in answers)  # CDATA: no "]" in the alphabet
    for imported in parse_moodle_xml(quiz(question(qtype, body, text=text))).questions:
        if imported.mapping is None:
            assert imported.skipped.startswith("/quiz/question[1]")
            continue
        mapping = imported.mapping
        reader = _Reader(mapping)
        rules_for(QuestionKind(mapping["kind"])).read(reader)  # type: ignore[arg-type]
        assert reader.problems == [], (mapping, reader.problems)
        assert mapping["prompt"] and mapping["explanation"]


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=300))
def test_junk_bytes_are_refused_or_read(data: bytes) -> None:
    try:
        parse_moodle_xml(b"<quiz>" + data + b"</quiz>")
    except ImportRefused as refused:
        assert str(refused).startswith("file.xml ")
