"""Installers, icon, licences and About box all say the same thing about IR Tutor.

The packaging scripts are files, not a package (`packaging` is also a PyPI library), so they are
loaded from their paths, as `python packaging/...` runs them.
"""

from __future__ import annotations

import importlib.util
import plistlib
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

import irtutor
from tests.conftest import REPO

PACKAGING = REPO / "packaging"


def load(relative: str) -> ModuleType:
    path = PACKAGING / relative
    name = "irtutor_packaging_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


metadata = load("metadata.py")


def ini_sections(text: str) -> dict[str, list[str]]:
    """Inno Setup's script as INI: section -> its non-comment lines."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip().lstrip("\ufeff")
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        elif line and not line.startswith(";"):
            sections.setdefault(current, []).append(line)
    return sections


def test_setup_script_and_info_plist_are_made_from_the_same_metadata(tmp_path: Path) -> None:
    load("windows/make_iss.py").main([str(tmp_path / "bundle"), str(tmp_path / "irtutor.iss")])
    load("macos/make_plist.py").main([str(tmp_path / "Info.plist")])
    iss = ini_sections((tmp_path / "irtutor.iss").read_text(encoding="utf-8-sig"))
    plist = plistlib.loads((tmp_path / "Info.plist").read_bytes())
    setup = dict(line.split("=", 1) for line in iss["Setup"])

    assert setup["AppName"] == plist["CFBundleName"] == metadata.NAME == "IR Tutor"
    assert setup["AppVersion"] == plist["CFBundleShortVersionString"] == irtutor.__version__
    assert setup["AppPublisher"] == metadata.PUBLISHER and plist["CFBundleIdentifier"] == metadata.APP_ID
    assert setup["PrivilegesRequired"] == "lowest"  # a student without administrator rights can install it
    assert any("{autoprograms}" in line for line in iss["Icons"])  # the Start-menu entry
    registry = "\n".join(iss["Registry"])
    exported = {t["UTTypeIdentifier"]: t for t in plist["UTExportedTypeDeclarations"]}
    for doc in metadata.DOCUMENT_TYPES:
        assert f"\\.{doc.extension}\\" in registry and doc.mime in registry
        assert exported[doc.uti]["UTTypeTagSpecification"]["public.filename-extension"] == [doc.extension]
    assert [d["LSItemContentTypes"] for d in plist["CFBundleDocumentTypes"]] == [[d.uti] for d in
                                                                                 metadata.DOCUMENT_TYPES]


def test_uninstaller_keeps_the_students_data_folder(tmp_path: Path) -> None:
    load("windows/make_iss.py").main([str(tmp_path / "bundle"), str(tmp_path / "irtutor.iss")])
    iss = ini_sections((tmp_path / "irtutor.iss").read_text(encoding="utf-8-sig"))
    assert "UninstallDelete" not in iss
    live = "\n".join(line for lines in iss.values() for line in lines).lower()
    assert "appdata" not in live and "irtutor.sqlite3" not in live


@pytest.mark.parametrize("size", metadata.ICON_SIZES)
def test_the_icon_exists_at_every_size(size: int) -> None:
    image = QImage(str(metadata.icon_png(size)))
    assert not image.isNull() and (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0  # rounded corners, not a square


def test_windows_and_macos_icons_hold_every_size_as_valid_images() -> None:
    ico = metadata.ICON_ICO.read_bytes()
    _reserved, kind, count = struct.unpack_from("<HHH", ico)
    ico_sizes = []
    for index in range(count):
        side, _h, _c, _r, _p, _bpp, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * index)
        image = QImage.fromData(ico[offset:offset + length])
        assert image.width() == (side or 256)
        ico_sizes.append(image.width())
    assert kind == 1 and {16, 32, 48, 256} <= set(ico_sizes)

    icns = metadata.ICON_ICNS.read_bytes()
    assert icns[:4] == b"icns" and struct.unpack_from(">I", icns, 4)[0] == len(icns)
    icns_sizes, offset = set(), 8
    while offset < len(icns):
        length = struct.unpack_from(">I", icns, offset + 4)[0]
        image = QImage.fromData(icns[offset + 8:offset + length])
        assert not image.isNull()
        icns_sizes.add(image.width())
        offset += length
    assert {16, 32, 128, 256, 512, 1024} <= icns_sizes


def test_help_about_shows_the_version_and_the_data_sources(qtbot: QtBot) -> None:
    from irtutor.ui.main_window import MainWindow

    window = MainWindow([])
    qtbot.addWidget(window)
    window.show()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if a.text() == "&About IR Tutor").trigger()

    dialog = window.about_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert irtutor.__version__ in dialog.title_label.text()
    for source in ("Natural Earth", "NATO", "IMF", "World Bank"):
        assert source in dialog.sources_label.text()
    assert "LGPL-3.0" in dialog.licences_label.text()
    dialog.buttons.rejected.emit()
    assert not dialog.isVisible()


def test_the_app_has_a_window_icon_in_every_size(qtbot: QtBot) -> None:
    from irtutor.ui.about_dialog import app_icon

    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(size, size) for size in metadata.ICON_SIZES} <= sizes


def test_licences_folder_has_a_file_for_every_bundled_dependency(tmp_path: Path) -> None:
    licenses = load("licenses.py")
    out = tmp_path / "LICENSES"
    index = licenses.collect(out)

    from importlib.metadata import version

    bundled = licenses.bundled_distributions()
    assert {"pyside6-essentials", "shiboken6", "sqlalchemy", "numpy", "pyqtgraph"} <= set(bundled)
    for name in bundled:
        written = out / f"{name}-{version(name)}.txt"
        assert written.read_text(encoding="utf-8").strip(), name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (out / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "replace" in (out / "Qt-PySide6-NOTICE.txt").read_text(encoding="utf-8")
    sources = (out / "DATA-SOURCES.txt").read_text(encoding="utf-8")
    assert all(name in sources for name in ("Natural Earth", "NATO", "IMF", "World Bank"))
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert all(name in readme for name in index) and len(list(out.iterdir())) == len(index) + 1
