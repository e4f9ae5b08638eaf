"""A studio with unsaved text, killed by its parent once the autosave has kept it (test_studio_window)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from irtutor.ui.studio.studio_window import StudioWindow
from tests.conftest import LESSONS


def main(own: Path, recovery: Path, page: str) -> None:
    app = QApplication([])
    window = StudioWindow([own], LESSONS, recovery)
    window.show()
    assert window.select_lesson(own / "nato-origins")
    bench = window.workbench
    bench.page_list.setCurrentRow(window.draft.page_names.index(page))
    edit = bench.page_editor.edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.insertPlainText("\nTyped before the crash.\n")
    while not window.recovery.pending():  # the autosave timer, as in a real session
        app.processEvents()
        time.sleep(0.05)
    print("autosaved", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
