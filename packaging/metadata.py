"""What every installer says about IR Tutor, in one place.

The Windows setup script (windows/make_iss.py), the macOS Info.plist (macos/make_plist.py), the
Linux package and the LICENSES folder all read these names, so a new version or file type is
written once. Scripts in this folder load it with `import metadata` (this folder is on sys.path
when they run); it is not a package, because `packaging` is also the name of a PyPI library.
"""

from __future__ import annotations

import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # a checkout where IR Tutor is not installed

import irtutor

REPO = Path(__file__).resolve().parent.parent

APP_ID = "org.irtutor.IRTutor"
"""Reverse-DNS identifier: the macOS bundle id and the seed of the Windows AppId. Never change it:
an installer with another id installs a second copy beside the first instead of upgrading it."""

NAME = "IR Tutor"
EXECUTABLE = "irtutor"
VERSION = irtutor.__version__
PUBLISHER = "IR Tutor"
DESCRIPTION = "Offline lessons and quizzes for international-relations courses"
COPYRIGHT = f"© {PUBLISHER} authors"
CATEGORY_MACOS = "public.app-category.education"
CATEGORIES_FREEDESKTOP = ("Education", "Qt")

WINDOWS_APP_GUID = str(uuid.uuid5(uuid.NAMESPACE_DNS, APP_ID)).upper()
"""Inno Setup's AppId, derived from APP_ID so that it is stable without being copied by hand."""

DATA_FOLDER = {
    "windows": r"%APPDATA%\IR Tutor\IR Tutor",
    "macos": "~/Library/Application Support/IR Tutor",
    "linux": "~/.local/share/IR Tutor",
}
"""The student's answers (irtutor.paths.data_dir); installers and uninstallers never touch it."""

ICON_DIR = REPO / "packaging" / "icon"
ICON_SVG = ICON_DIR / "irtutor.svg"
ICON_ICO = ICON_DIR / "irtutor.ico"
ICON_ICNS = ICON_DIR / "irtutor.icns"
ICON_PNG_DIR = REPO / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_png(size: int) -> Path:
    return ICON_PNG_DIR / f"irtutor-{size}.png"


@dataclass(frozen=True)
class DocumentType:
    """A file type IR Tutor will open. Declared now so installers register it once; the app
    does not yet take a file argument (lesson packs and results export are future work)."""

    key: str
    description: str
    extension: str
    mime: str
    uti: str
    conforms_to: tuple[str, ...]
    role: str = "Viewer"

    @property
    def prog_id(self) -> str:
        """The Windows ProgID, e.g. IRTutor.LessonPack."""
        return "IRTutor." + "".join(part.capitalize() for part in self.key.split("-"))


DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("lesson-pack", "IR Tutor lesson pack", "irtlesson", "application/x-irtutor-lesson-pack",
                 f"{APP_ID.lower()}.lesson-pack", ("public.zip-archive", "public.data")),
    DocumentType("results", "IR Tutor results", "irtresults", "application/x-irtutor-results",
                 f"{APP_ID.lower()}.results", ("public.json", "public.data")),
)
