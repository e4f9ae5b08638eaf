"""Run by tests/ui/test_local_times.py under a TZ of its choosing: prints, as JSON, what the
attempts list, the attempt review and the score chart show for attempts finished at known UTC
instants. A separate process, because Qt reads the zone once, when it starts.

Usage: QT_QPA_PLATFORM=offscreen TZ=... python -m tests.ui.local_times_child DATA_FOLDER ISO_INSTANT...
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from irtutor.charts.progress_charts import score_history
from irtutor.core.quiz_settings import QuizMode
from irtutor.services.attempt_history import attempt_history
from irtutor.services.progress import ProgressReport
from irtutor.services.quiz_session import QuizSession
from irtutor.storage.database import open_store
from irtutor.storage.stats import Statistics
from irtutor.storage.tables import AttemptRow
from irtutor.ui.quiz_pages import AttemptReviewPage, QuizStartPage
from tests.right_answers import right_response
from tests.storage.old_database import fixture_lessons


def main(folder: Path, instants: list[datetime]) -> dict[str, object]:
    store = open_store(folder / "irtutor.sqlite3")
    profile = store.add_profile("Ana")
    lesson = fixture_lessons()[0]
    for instant in instants:
        session = QuizSession.start(store, lesson, profile, QuizMode.PRACTICE, seed=1)
        for q in session.questions:
            session.submit(q.id, right_response(q), 1000)
        session.finish()
        with store.engine.begin() as conn:  # as if it had been finished then
            conn.execute(update(AttemptRow.__table__).where(AttemptRow.id == session.state.attempt_id)
                         .values(finished_at=instant))
    app = QApplication([])
    start, review = QuizStartPage((QuizMode.PRACTICE,)), AttemptReviewPage()
    history = attempt_history(store, lesson, profile)
    start.show_history(history)
    review.show_review(history[0])
    chart = score_history(ProgressReport(Statistics(store.engine, store.where), [lesson]).dashboard(profile).lessons)
    axis = chart.getAxis("bottom")
    axis.zoomLevel = axis.zoomLevels[15 * 60]  # days and minutes: the level a few hours' span gets
    day, minute = axis.zoomLevel.tickSpecs
    xs = [float(x) for x in chart.getPlotItem().listDataItems()[0].getData()[0]]
    shown = {"list": [start.history.item(i).text() for i in range(start.history.count())],
             "review": review.text.toPlainText().splitlines()[0],
             "chart_x": xs,
             "chart_labels": [f"{d} {m}" for d, m in zip(axis.tickStrings(xs, 1.0, day.spacing),
                                                          axis.tickStrings(xs, 1.0, minute.spacing), strict=True)]}
    app.quit()
    return shown


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), [datetime.fromisoformat(a) for a in sys.argv[2:]])))
