"""Collect the licence of everything the bundle ships into one LICENSES folder.

    python packaging/licenses.py [OUT_DIR]        (default build/LICENSES; needs pip-licenses)

One file per bundled distribution (IR Tutor's runtime dependencies and theirs, as installed in
this Python), read by pip-licenses with its licence and notice files; then IR Tutor's own
licence, the LGPL-3.0 and GPL-3.0 texts, how to replace the Qt libraries in the one-folder
layout, and the data sources' attributions (irtutor/credits.py, resources/data/PROVENANCE.md).
README.txt lists them all. packaging/build.py copies the folder into the bundle.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata as dist_metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for `import metadata`

import metadata
from packaging.requirements import Requirement

from irtutor import credits

TEXTS = Path(__file__).resolve().parent / "licenses"
QT_DISTRIBUTIONS = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_requirements() -> list[Requirement]:
    pyproject = tomllib.loads((metadata.REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return [Requirement(line) for line in pyproject["project"]["dependencies"]]


def bundled_distributions() -> list[str]:
    """Canonical names of every distribution the bundle carries: the runtime closure, markers applied."""
    seen: set[str] = set()
    pending = runtime_requirements()
    while pending:
        requirement = pending.pop()
        name = canonical(requirement.name)
        if name in seen or (requirement.marker and not requirement.marker.evaluate({"extra": ""})):
            continue
        seen.add(name)
        pending.extend(Requirement(line) for line in dist_metadata.requires(name) or [])
    return sorted(seen)


def pip_licenses(names: list[str]) -> list[dict[str, str]]:
    command = [sys.executable, "-m", "piplicenses", "--format=json", "--with-license-file", "--with-notice-file",
               "--no-license-path", "--with-urls", "--with-authors", "--packages", *names]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def dependency_text(entry: dict[str, str]) -> str:
    header = (f"{entry['Name']} {entry['Version']}\nLicence: {entry['License']}\n"
              f"Home page: {entry['URL']}\nAuthors: {entry['Author']}\n\n")
    text = entry["LicenseText"] if entry["LicenseText"] != "UNKNOWN" else ""
    if not text and canonical(entry["Name"]) in QT_DISTRIBUTIONS:
        text = "Used under LGPL-3.0: see LGPL-3.0.txt, GPL-3.0.txt and Qt-PySide6-NOTICE.txt in this folder.\n"
    elif not text:
        text = f"The installed distribution carries no licence file; its declared licence is {entry['License']}.\n"
    notice = entry["NoticeText"] if entry["NoticeText"] != "UNKNOWN" else ""
    return header + text + (f"\n\nNOTICE\n\n{notice}" if notice else "")


def own_licence() -> str:
    licence = metadata.REPO / "LICENSE"
    if licence.is_file():
        return licence.read_text(encoding="utf-8")
    return (f"{metadata.NAME} {metadata.VERSION}\n\nThe {metadata.NAME} authors have not yet published a "
            "licence for IR Tutor's own code and lessons; all rights reserved.\n")


def python_licence() -> str:
    """The interpreter itself ships in the bundle; its licence file sits in lib/pythonX.Y or beside python.exe."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    base = Path(sys.base_prefix)
    for candidate in (base / "lib" / f"python{version}" / "LICENSE.txt", base / "LICENSE.txt"):
        if candidate.is_file():
            return f"Python {sys.version.split()[0]}\n\n" + candidate.read_text(encoding="utf-8")
    return f"Python {sys.version.split()[0]}: PSF License Agreement, https://docs.python.org/{version}/license.html\n"


def qt_notice() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    qt = qVersion()
    return f"""Qt for Python (PySide6 {pyside_version}) and Qt {qt}

{credits.QT_NOTICE}

Where the Qt libraries are in this installation (PyInstaller's one-folder layout):
  Windows: <install folder>\\_internal\\PySide6\\  (Qt6Core.dll, Qt6Gui.dll, Qt6Widgets.dll, ...)
  Linux:   <install folder>/_internal/PySide6/Qt/lib/  (libQt6Core.so.6, ...)
  macOS:   IR Tutor.app/Contents/Frameworks/PySide6/Qt/lib/  (QtCore.framework, ...)
The Qt plugins are in the plugins folder beside them.

To use your own Qt: build Qt {qt} from its source (https://download.qt.io/official_releases/qt/ or
https://code.qt.io/), configured with the same modules, and copy your libraries over the files
of the same name. To rebuild the Python bindings as well, the PySide6 and shiboken6 source is
tag v{pyside_version} of https://code.qt.io/cgit/pyside/pyside-setup.git; put the built PySide6
folder in place of the one above. IR Tutor itself needs no change: it loads whichever Qt
libraries are in that folder.

The full licence texts are LGPL-3.0.txt and GPL-3.0.txt in this folder.
"""


def data_sources() -> str:
    lines = ["Data shipped with IR Tutor and the credit each source asks for\n"]
    for source in credits.DATA_SOURCES:
        lines.append(f"{source.name}: {source.used_for}.\n  Terms: {source.terms}.\n  {source.url}\n")
    provenance = metadata.REPO / "resources" / "data" / "PROVENANCE.md"
    lines.append("Editions, columns and known gaps of every file follow (resources/data/PROVENANCE.md).\n\n")
    return "\n".join(lines) + provenance.read_text(encoding="utf-8")


def collect(out: Path) -> dict[str, str]:
    """Write the LICENSES folder; return file name -> what it covers (also written as README.txt)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    index: dict[str, str] = {}
    for entry in pip_licenses(bundled_distributions()):
        name = f"{canonical(entry['Name'])}-{entry['Version']}.txt"
        (out / name).write_text(dependency_text(entry), encoding="utf-8")
        index[name] = f"{entry['Name']} {entry['Version']}: {entry['License']}"
    fixed = {"IR-Tutor.txt": (own_licence(), f"{metadata.NAME} {metadata.VERSION}"),
             "Python.txt": (python_licence(), f"the Python {sys.version.split()[0]} interpreter (PSF License)"),
             "Qt-PySide6-NOTICE.txt": (qt_notice(), "how to replace the Qt libraries (LGPL-3.0)"),
             "DATA-SOURCES.txt": (data_sources(), "Natural Earth, NATO, IMF and World Bank data")}
    for name, (text, covers) in fixed.items():
        (out / name).write_text(text, encoding="utf-8")
        index[name] = covers
    for text in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        shutil.copy2(TEXTS / text, out / text)
        index[text] = "full licence text"
    listing = "\n".join(f"{name}: {covers}" for name, covers in sorted(index.items()))
    (out / "README.txt").write_text(f"Licences of {metadata.NAME} {metadata.VERSION} and everything it ships\n\n"
                                    f"{listing}\n", encoding="utf-8")
    return index


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else metadata.REPO / "build" / "LICENSES"
    index = collect(out)
    print(f"{len(index)} files in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
