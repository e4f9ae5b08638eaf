"""Every sentence the window says to a user, in one place."""

APP_NAME = "IR Tutor"
WELCOME = (
    "<h2>Welcome to IR Tutor</h2>"
    "<p>Choose a lesson on the left to start reading. Each lesson ends with a quiz; your "
    "answers are saved as you give them, so you can stop at any time and carry on later.</p>"
    "<p><b>Keys:</b> Left/Right or Page Up/Page Down turn pages, Ctrl+1…9 jumps to a page, "
    "Alt+R shows the reading and Alt+Q the quiz; in the quiz, keys 1–9 pick an answer and "
    "Enter checks it.</p>"
)
LOADING_LESSONS = "Loading lessons…"
OPENING_DATA = "Opening your saved answers…"
READY = "Ready"


def lessons_loaded(count: int) -> str:
    return f"{count} lesson loaded" if count == 1 else f"{count} lessons loaded"


def problems_button(count: int) -> str:
    return f"⚠ {count} lesson problem" + ("" if count == 1 else "s")


PROBLEMS_TITLE = "Lesson problems"
PROBLEMS_INTRO = (
    "These lesson files have problems. Students see a notice in place of a broken page and do not get a "
    "broken question; a problem in lesson.yaml hides its whole lesson. "
    "Each line says file:line:column and what to fix. Run “irtutor check” after editing."
)


def left_out_notice(count: int, unreadable: bool) -> str:
    """Above a lesson whose quiz.yaml has mistakes: what students miss, and who can see why."""
    if unreadable:
        return "This lesson's quiz has a mistake in its file, so there is no quiz until your teacher fixes it."
    what = "1 question" if count == 1 else f"{count} questions"
    return f"{what} of this lesson's quiz had a mistake in the file and {'is' if count == 1 else 'are'} left out."


def quiz_tab(count: int) -> str:
    return "&Quiz (1 question)" if count == 1 else f"&Quiz ({count} questions)"


STUDENT_BUTTON = "Student: {name}"
NO_STUDENT = "Choose student…"
PROFILE_TITLE = "Who is studying?"
PROFILE_INTRO = "Pick your name, or type a new one and press Create. IR Tutor remembers the choice."
PROFILE_NEW_PLACEHOLDER = "New student name"
RENAME_BUTTON = "&Rename…"
REMOVE_BUTTON = "Re&move…"
RESTORE_BUTTON = "Res&tore"
REMOVED_HEADER = "Removed students (their answers are kept):"
RENAME_TITLE = "Rename student"
RENAME_LABEL = "New name for {name}:"
REMOVE_TITLE = "Remove student"
REMOVE_LABEL = ("To remove {name} from the list, type the name. Their answers are kept, and "
                "“Restore” brings the student back.")
REMOVE_MISMATCH = "The name typed was not “{name}”, so nobody was removed."
STORAGE_FAILED_TITLE = "Answers cannot be saved"
STORAGE_FAILED = (
    "IR Tutor could not open its database, so quiz answers cannot be saved this time.\n\n{error}\n\n"
    "You can still read every lesson."
)
SAVE_FAILED_TITLE = "Your answer was not saved"
READ_FAILED_TITLE = "Your saved work could not be read"
UNEXPECTED_ERROR = "Something went wrong that IR Tutor did not expect; please tell your teacher.\n\n{error}"
SAVING = "Saving…"
LOADING = "Loading your saved work…"
QUIZ_NEEDS_STUDENT = "Choose a student profile (bottom right) to take the quiz."
QUIZ_WAITS_FOR_DATABASE = "Opening your saved answers…"
QUIZ_NEEDS_DATABASE = "The quiz is unavailable because the database could not be opened."
QUIZ_EMPTY = "This lesson has no quiz."
QUESTION_HEADER = "Question {number} of {total}"
ANSWERED_COUNT = "{answered} of {total} answered"
CHECK_ANSWER = "Check answer"
CORRECT = "Correct."
CORRECT_ON_TRY = "Correct on try {tries}: {percent}% of the marks."
PARTLY = "Partly right ({percent}% of the marks)."
WRONG = "Not quite."
READ_AGAIN = "Read again: <a href=\"page:{slug}\">{title}</a>"
SOURCE_LINE = "Source: {citation}"
FINISH = "Finish quiz"
FINISHED = "<h2>Quiz finished</h2><p>You scored <b>{score:g} of {total}</b>.</p>"
START_AGAIN = "Start a new attempt"
ANSWER_SAVED = "Answer saved"
PAGE_LABEL = "Page {number} of {total}: {title}"
OBJECTIVES = "In this lesson you will"
TERMS_HEADER = "Key terms on this page"
NOTES_BUTTON = "&Key terms"
NOTES_TOOLTIP = "Show or hide the key terms and sources of this page"
SOURCES_HEADER = "Sources cited on this page"
NO_TERMS = "No key terms on this page."
NO_SOURCES = "No sources cited on this page."
FACTS_AS_OF = "Facts checked as of {date}."
START_INTRO = (
    "<h3>Take the quiz</h3>"
    "<p><b>Practice</b>: feedback after each answer, and a wrong answer can be tried again for fewer marks.</p>"
    "<p><b>Test</b>: no feedback until you submit; then your score and a review of every question.</p>"
    "<p>Every answer is saved as you give it: you can stop at any time and carry on later.</p>"
)
PRACTICE_BUTTON = "Start &practice"
TEST_BUTTON = "Start &test"
HISTORY_HEADER = "Finished attempts (double-click or Enter to review):"
NO_HISTORY = "No finished attempts yet."
HISTORY_ROW = "{when} · {mode} · {score:g} of {total}"
REVIEW_HEADER = "<h2>{mode} attempt, {when}</h2><p>Score: <b>{score}</b></p>"
NOT_ANSWERED = "Not answered."
RIGHT_ANSWER = "Right answer"
YOUR_ANSWER = "Your answer"
SCORE_LINE = "Marks: {score:g} of 1."
TRIES_LINE = "({tries} tries)"
READ_PAGE = "Read the page that teaches this"
BACK_TO_START = "Back to the quiz start"
SAVE_ANSWER = "Save answer"
SAVED_IN_TEST = "Answer saved. You can change it until you submit the test."
TRY_AGAIN = "Try again (−{percent}% of the marks)"
SUBMIT_TEST = "Submit test"
SUBMIT_WITH_GAPS = "Submit test ({count} unanswered)"
DASHBOARD_TITLE = "Progress"
DASHBOARD_DEFINITIONS = (
    "<b>Completion</b>: share of the lesson's questions you have answered. <b>Mastery</b>: share whose latest "
    "answer was right and that are not due for review. <b>Best</b> and <b>Last</b>: scores of your finished "
    "attempts."
)
WEAKEST_TOPICS = "Your five weakest topics"
NO_TOPICS_YET = "Answer some questions and your weakest topics will show here."
REVISE_PAGE = "Revise “{page}”"
ITEM_STATISTICS_DEFINITIONS = (
    "Over every finished attempt by every student on this computer, as Moodle's quiz statistics define them. "
    "<b>Facility</b>: the average mark on the question (unanswered counts 0). <b>Discrimination</b>: the "
    "correlation between the question's mark and the rest of the attempt's marks; below about 20% the question "
    "may not separate stronger from weaker students, and a negative value suggests a wrong answer key. "
    "Questions with the lowest discrimination come first."
)
PROGRESS_MENU = "My &progress…"
DUE_REVIEW_TITLE = "Review"
REVIEW_MENU = "&Review due questions…"
REVIEW_BUTTON = "Due for review: {count}"
DUE_CARD_HEADER = "<b>Question {number} of {total}</b> · from {lesson}"
DUE_REVIEW_DONE = ("<h3>All caught up</h3><p>You reviewed {count} question(s). "
               "The next ones come back when they are due.</p>")
NOTHING_DUE_UNTIL = "<h3>Nothing is due</h3><p>The next question comes back for review on {when}.</p>"
NOTHING_DUE = "<h3>Nothing is due</h3><p>Questions you answer come back here when it is time to review them.</p>"
NEXT_CARD = "Next ▶"
TYPE_A_NUMBER = "Type a number"
TYPE_AN_ANSWER = "Type your answer"
ANSWER_FIELD = "Your answer"
THE_RIGHT_ANSWER = "Right answer: {answer}"
CHOOSE_GAP = "Choose…"
GAP_NAME = "Gap {number} of {total}"
GAP_RIGHT_ANSWERS = "Right answers"
GAP_BLANK = "[gap {number}]"
GAP_RIGHT_ANSWER = "Gap {number}: {answer}"
GLOSSARY_MENU = "&Glossary…"
HELP_MENU = "&Help"
SHORTCUTS_MENU = "&Keyboard shortcuts"
SHORTCUTS_TITLE = "Keyboard shortcuts"
SHORTCUTS = (
    ("→  or  Page Down", "Next page of the lesson"),
    ("←  or  Page Up", "Previous page of the lesson"),
    ("Ctrl+1 … Ctrl+9", "Go to page 1 … 9"),
    ("Alt+R  /  Alt+Q", "The Reading or the Quiz tab"),
    ("Ctrl+=  /  Ctrl+-", "Larger or smaller text"),
    ("Ctrl+0", "Standard text size"),
    ("Ctrl+R", "Review the questions that are due"),
    ("Ctrl+G", "Glossary of key terms"),
    ("Ctrl+Shift+P", "My progress"),
    ("Tab  /  Shift+Tab", "Move between the parts of the window"),
    ("Enter", "Open the lesson chosen in the list"),
    ("F1", "This list"),
    ("Ctrl+Q", "Quit"),
)
LARGER_TEXT_MENU = "&Larger text"
SMALLER_TEXT_MENU = "&Smaller text"
STANDARD_TEXT_MENU = "S&tandard text size"
THEME_MENU = "T&heme"
THEME_NAMES = {"light": "&Light", "dark": "&Dark", "system": "&Follow the system"}
TEXT_SIZE_STATUS = "Text size {percent}%"
ABOUT_MENU = "&About IR Tutor"
GLOSSARY_TITLE = "Glossary"
GLOSSARY_SEARCH = "Search terms and definitions"
GLOSSARY_NONE = "No term matches."
GLOSSARY_TAUGHT_ON = "taught on"

START_FAILED_TITLE = "IR Tutor could not finish starting"
START_FAILED = ("Something went wrong while loading the lessons or opening your answers:\n\n{error}\n\n"
                "Lessons already listed can still be read. Please restart IR Tutor; if this happens again, "
                "report the message above to your instructor.")
START_FAILED_STATUS = "Start-up did not finish; see the message."
ALREADY_OPEN_TITLE = "IR Tutor is already open"
ALREADY_OPEN = ("IR Tutor is already open with the same answers folder, in another window or another "
                "session on this computer.\n\nBoth copies save every answer safely, but a student working "
                "in two windows can lose track. Close one of them when you can.")
RESTORE_BACKUP_MENU = "&Restore backup…"
CHECK_DATABASE_MENU = "Chec&k database"
FOCUS_DUE = "&Due now"
FOCUS_WRONG = "Got &wrong"
FOCUS_DIFFICULT = "Di&fficult"
FOCUS_HINT = "Review: the questions due now, those you last got wrong, or those you find difficult, from every lesson."
NOTHING_WRONG = "<h3>Nothing wrong</h3><p>Your latest answer to every question you tried was right.</p>"
NOTHING_DIFFICULT = ("<h3>Nothing difficult yet</h3><p>A question becomes difficult when your answers to it "
                     "average under three quarters of the mark.</p>")
FOCUS_LABEL = "&Questions:"
FOCUS_CHOICES = {"all": "All questions", "wrong": "Only those I got wrong ({count})",
                 "unseen_first": "Unseen first ({count} unseen)", "difficult": "My difficult questions ({count})"}
DIFFICULT_HEADER = "Questions you find difficult (your average):"
DIFFICULT_ROW = "{percent}% over {answers} answer(s): {prompt}"
FURTHER_READING = "Further reading"

# Quiz tries, navigator and review (issue 10)
SHOW_ANSWER = "Show answer"
TRY_HINT = "{right} of the {given} parts you gave are right. Tries left: {left}. Try again, or show the answer."
TRY_HINT_PLAIN = "Tries left: {left}. Try again, or show the answer."
NAVIGATOR_NAME = "Question {number}: {state}"
NAV_STATES = {"answered": "answered", "unanswered": "not answered", "flagged": "flagged for later",
              "right": "right", "wrong": "wrong", "partly_right": "partly right", "current": "current"}
FLAG = "Flag for later"
UNFLAG = "Remove flag"
CONFIRM_SUBMIT_TITLE = "Submit the test?"
CONFIRM_SUBMIT = "Questions {numbers} have no answer. Submit anyway?"
CONFIRM_SUBMIT_ONE = "Question {numbers} has no answer. Submit anyway?"
CONFIRM_SUBMIT_ALL = "Submit your answers? You cannot change them after."
TIME_LEFT = "Time left: {clock}"
SCORE_PERCENT = "{score:g} of {total} ({percent}%)"
OPEN_ALL = "Open all"
CLOSE_ALL = "Close all"
STUDIO_MENU = "&Author (lesson studio)…"
LESSON_UPDATED = "Lesson {folder} updated from the studio."
