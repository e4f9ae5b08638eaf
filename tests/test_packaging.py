"""The frozen bundle's rules and Linux package files, checked without building the bundle.

The bundle itself is checked by tests/test_packaging_bundle.py after packaging/build.py (CI).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import irtutor
from tests.conftest import REPO

PACKAGING = REPO / "packaging"

# Runs the self-test in this interpreter and reports every module it imported: what a frozen
# build must carry (pyqtgraph imports QtOpenGL, QtSvg, QtOpenGLWidgets and QtTest on its own).
_LIST_IMPORTS = """\
import atexit, json, runpy, sys
atexit.register(lambda: print("imported-modules=" + json.dumps(sorted(sys.modules))))
sys.argv = ["irtutor", "--selftest"]
runpy.run_module("irtutor", run_name="__main__", alter_sys=True)
"""


def load(relative: str) -> ModuleType:
    """A packaging script by path (`packaging` is also a PyPI library, so not importable by name)."""
    path = PACKAGING / relative
    sys.path.insert(0, str(path.parent))  # its own `import metadata`, `import bundle_rules`
    try:
        spec = importlib.util.spec_from_file_location(f"irtutor_packaging_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


@functools.cache
def app_imports() -> list[str]:
    """Every module `irtutor --selftest` imports (it loads each lesson, question kind and figure)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", _LIST_IMPORTS], capture_output=True, text=True, env=env,
                            timeout=120, check=False, cwd=REPO)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("imported-modules="))
    return json.loads(line.split("=", 1)[1])


def app_qt_modules() -> list[str]:
    return sorted({m.split(".")[1] for m in app_imports() if m.startswith("PySide6.Qt")})


def test_the_self_test_imports_qt_widgets_and_pyqtgraphs_qt_modules() -> None:
    assert {"QtCore", "QtGui", "QtWidgets", "QtOpenGL"} <= set(app_qt_modules())


def test_no_qt_module_the_app_imports_is_trimmed() -> None:
    rules = load("bundle_rules.py")
    for module in app_qt_modules():
        assert module not in rules.EXCLUDED_QT_MODULES, module
        lib = module.removeprefix("Qt")
        for dest in (f"PySide6/{module}.abi3.so", f"PySide6/{module}.pyd", f"PySide6/Qt/lib/libQt6{lib}.so.6",
                     f"PySide6/Qt6{lib}.dll", f"PySide6/Qt/lib/Qt{lib}.framework/Versions/A/Qt{lib}"):
            assert not rules.is_trimmed(dest), dest


def test_no_excluded_package_is_imported_unless_it_falls_back() -> None:
    rules = load("bundle_rules.py")
    imported = set(app_imports())
    wrongly = [m for m in rules.excluded_modules() if m in imported and m not in rules.EXCLUDED_WITH_FALLBACK]
    assert wrongly == []


@pytest.mark.parametrize(("dest", "trimmed"), [
    ("PySide6/Qt/translations/qtbase_de.qm", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", True),
    ("libQt6Network.so.6", True),
    ("PySide6/Qt/lib/libQt6Gui.so.6", False),
    ("PySide6/QtQml.abi3.so", True),
    ("PySide6/opengl32sw.dll", True),
    ("numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", False),
    ("irtutor/_shipped/lessons/nato-origins/lesson.yaml", False),
])
def test_trim_rules(dest: str, trimmed: bool) -> None:
    assert load("bundle_rules.py").is_trimmed(dest) is trimmed


def test_elf_needed_names_a_qt_extensions_libraries() -> None:
    import PySide6.QtCore

    prune = load("prune_libs.py")
    names = prune.needed(Path(PySide6.QtCore.__file__))
    if not sys.platform.startswith("linux"):
        assert names == []
        return
    assert "libQt6Core.so.6" in names


def test_pruning_keeps_what_is_linked_and_drops_the_rest(tmp_path: Path) -> None:
    import PySide6.QtCore

    prune = load("prune_libs.py")
    if not sys.platform.startswith("linux"):
        pytest.skip("ELF only")
    qt_lib = Path(PySide6.QtCore.__file__).parent / "Qt" / "lib"
    entries = [("PySide6/QtCore.abi3.so", PySide6.QtCore.__file__, "EXTENSION"),
               ("PySide6/Qt/lib/libQt6Core.so.6", str(qt_lib / "libQt6Core.so.6"), "BINARY"),
               ("PySide6/Qt/lib/libQt6Widgets.so.6", str(qt_lib / "libQt6Widgets.so.6"), "BINARY")]
    kept = [e[0] for e in prune.reachable(entries, lambda _name: False)]
    assert kept == ["PySide6/QtCore.abi3.so", "PySide6/Qt/lib/libQt6Core.so.6"]
    links = [("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "SYMLINK"),
             ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK")]
    assert prune.without_dangling_links(links, entries[:2]) == links[1:]


@pytest.fixture(scope="module")
def deb() -> ModuleType:
    return load("linux/make_deb.py")


def test_the_desktop_entry_validates(deb: ModuleType, tmp_path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate (Debian: desktop-file-utils) is not installed")
    path = tmp_path / f"{deb.DESKTOP_ID}.desktop"
    path.write_text(deb.desktop_entry(), encoding="utf-8")
    result = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_the_metainfo_validates_and_names_this_version(deb: ModuleType, tmp_path: Path) -> None:
    text = deb.metainfo_xml(released="2026-01-01")
    assert ET.fromstring(text).find("releases/release").get("version") == irtutor.__version__
    validator = shutil.which("appstreamcli")
    if validator is None:
        pytest.skip("appstreamcli (Debian: appstream) is not installed")
    path = tmp_path / f"{deb.DESKTOP_ID}.metainfo.xml"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([validator, "validate", "--no-net", str(path)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_mime_types_are_the_document_types(deb: ModuleType) -> None:
    metadata = deb.metadata
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.fromstring(deb.mime_xml())
    found = {t.get("type"): t.find("m:glob", ns).get("pattern") for t in root.findall("m:mime-type", ns)}
    assert found == {doc.mime: f"*.{doc.extension}" for doc in metadata.DOCUMENT_TYPES}
    assert all(f"{doc.mime};" in deb.desktop_entry() for doc in metadata.DOCUMENT_TYPES)


def test_the_control_file_names_version_and_dependencies(deb: ModuleType) -> None:
    fields = dict(line.split(": ", 1) for line in deb.control("amd64", 1234).splitlines() if ": " in line
                  and not line.startswith(" "))
    assert fields["Package"] == "irtutor" and fields["Version"] == irtutor.__version__
    assert fields["Installed-Size"] == "1234" and "libxcb-cursor0" not in fields["Depends"]  # bundled
    assert {"libegl1", "libfontconfig1", "libxkbcommon-x11-0"} <= set(fields["Depends"].split(", "))


def test_staging_lays_out_opt_launcher_icons_and_desktop_files(deb: ModuleType, tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "irtutor").write_text("#!/bin/sh\n", encoding="utf-8")
    (bundle / "irtutor").chmod(0o755)
    root = tmp_path / "root"
    deb.stage(bundle, root)
    share = root / "usr" / "share"
    assert os.readlink(root / "usr" / "bin" / "irtutor") == "/opt/irtutor/irtutor"
    assert (root / "opt" / "irtutor" / "irtutor").stat().st_mode & 0o777 == 0o755
    assert (share / "applications" / f"{deb.DESKTOP_ID}.desktop").exists()
    assert (share / "metainfo" / f"{deb.DESKTOP_ID}.metainfo.xml").exists()
    assert (share / "mime" / "packages" / f"{deb.DESKTOP_ID}.xml").exists()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{deb.DESKTOP_ID}.svg").exists()
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / f"{deb.DESKTOP_ID}.png").exists()
