"""Help → About IR Tutor: the version, the licences in brief and the data sources; and the app's icon."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

import irtutor
from irtutor.credits import DATA_SOURCES, QT_NOTICE
from irtutor.paths import resource_dir
from irtutor.qtkit.plain_text import plain_label

# The dialog's sentences, together (messages.py is edited by others as this lands; move them there).
TITLE = "About IR Tutor"
HEADING = "IR Tutor {version}"
DESCRIPTION = ("Offline lessons and quizzes for international-relations courses. It never uses the network; "
               "your answers stay in your data folder on this computer.")
LICENCES_HEADING = "Licences"
OWN_LICENCE = "IR Tutor's code is under the MIT licence and its lessons under CC BY 4.0, so instructors may adapt them."
LIBRARIES = ("It also includes SQLAlchemy, Alembic, pyqtgraph, NumPy, PyYAML, markdown-it-py, jsonschema, "
             "platformdirs, RapidFuzz and FSRS, under the MIT, BSD and PSF licences.")
LICENCE_FILES = "Every licence text is in {folder}."
LICENCE_FILES_UNBUNDLED = "Installed with pip, each library's licence is in its own package metadata."
DATA_HEADING = "Data sources"
SOURCE_LINE = "• {name}: {used_for}. Terms: {terms}."

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_path(size: int) -> Path:
    return resource_dir() / "icons" / f"irtutor-{size}.png"


def app_icon() -> QIcon:
    """Every rendered size, so each window manager and task bar picks a sharp one."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_path(size)))
    return icon


def bundled_licences() -> Path | None:
    """The LICENSES folder beside the program in an installed bundle; none in a pip install."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent / "LICENSES"
    return folder if folder.is_dir() else None


def heading(text: str, scale: float = 1.0) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # the text takes the spare height
    return label


def wrapped(text: str) -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    """Shows what the student is running and whose work it contains; only a Close button acts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(520)
        self.icon_label = QLabel()
        self.icon_label.setPixmap(QPixmap(str(icon_path(64))))
        self.title_label = heading(HEADING.format(version=irtutor.__version__), scale=1.6)
        folder = bundled_licences()
        files = LICENCE_FILES.format(folder=folder) if folder else LICENCE_FILES_UNBUNDLED
        self.licences_label = wrapped(f"{OWN_LICENCE}\n\n{QT_NOTICE}\n\n{LIBRARIES} {files}")
        self.sources_label = wrapped("\n\n".join(
            SOURCE_LINE.format(name=s.name, used_for=s.used_for, terms=s.terms) for s in DATA_SOURCES))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._build_layout()
        self.buttons.rejected.connect(self.reject)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        intro = QVBoxLayout()
        intro.addWidget(self.title_label)
        intro.addWidget(wrapped(DESCRIPTION))
        top.addLayout(intro, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for widget in (heading(LICENCES_HEADING), self.licences_label, heading(DATA_HEADING), self.sources_label):
            layout.addSpacing(6)
            layout.addWidget(widget)
        layout.addWidget(self.buttons)


def preview() -> AboutDialog:
    """The dialog on its own, for a quick look and the screenshot script."""
    return AboutDialog()
