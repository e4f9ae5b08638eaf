"""The built bundle (packaging/build.py) carries what the app needs and nothing trimmed.

Runs only with IRTUTOR_BUNDLE=<dist/irtutor>, as .ci/run does after building; the suite before
the build skips it. `<bundle>/irtutor --selftest` is the end-to-end check; these say *what* is
missing when it fails.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.test_packaging import app_qt_modules, load

BUNDLE = Path(os.environ["IRTUTOR_BUNDLE"]) if os.environ.get("IRTUTOR_BUNDLE") else None
pytestmark = pytest.mark.skipif(BUNDLE is None, reason="set IRTUTOR_BUNDLE to a built bundle (dist/irtutor)")
INTERNAL = (BUNDLE or Path()) / "_internal"


def bundled(pattern: str) -> list[Path]:
    return sorted(INTERNAL.glob(pattern))


def test_every_qt_module_the_app_imports_is_bundled_with_its_library() -> None:
    for module in app_qt_modules():
        assert bundled(f"PySide6/{module}.*"), f"PySide6.{module} is missing from the bundle"
        lib = module.removeprefix("Qt")
        assert bundled(f"PySide6/Qt/lib/libQt6{lib}.*") or bundled(f"PySide6/Qt6{lib}.dll") \
            or bundled(f"PySide6/Qt/lib/Qt{lib}.framework"), f"the Qt library of {module} is missing"


def test_nothing_trimmed_is_bundled() -> None:
    rules = load("bundle_rules.py")
    inside = [p.relative_to(INTERNAL).as_posix() for p in INTERNAL.rglob("*") if not p.is_dir()]
    assert [p for p in inside if rules.is_trimmed(p)] == []
    assert not (INTERNAL / "PySide6" / "Qt" / "translations").exists()


def test_shipped_files_sit_where_irtutor_paths_looks() -> None:
    package = INTERNAL / "irtutor"
    assert (package / "_shipped" / "lessons" / "nato-origins" / "lesson.yaml").is_file()
    assert (package / "_shipped" / "resources" / "schema").is_dir()
    assert (package / "storage" / "migrations" / "env.py").is_file()
    assert sorted(p.name for p in (package / "storage" / "migrations" / "versions").glob("0*.py"))
    assert (package / "content").is_dir()  # as .pyc files: the lesson cache stamps them
    assert (BUNDLE / "LICENSES" / "README.txt").is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF and Debian package names")
def test_every_system_library_it_links_to_has_a_debian_package() -> None:
    prune, deb = load("prune_libs.py"), load("linux/make_deb.py")
    files = [p for p in INTERNAL.rglob("*") if p.is_file() and not p.is_symlink() and ".so" in p.name]
    present = {p.name for p in INTERNAL.rglob("*.so*")}
    outside = {name for path in [*files, BUNDLE / "irtutor"] for name in prune.needed(path)} - present
    assert sorted(outside - set(deb.SONAME_PACKAGES)) == []
