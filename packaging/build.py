"""Build IR Tutor for the system this runs on: a PyInstaller one-folder bundle, then its installer.

    python -m pip install -e ".[build]"
    python packaging/build.py [--no-installer]

dist/irtutor/ is the bundle (`dist/irtutor/irtutor --selftest` checks it), with LICENSES/ inside.
Then, per system:
  Linux    dist/irtutor-<version>-linux-<arch>.tar.gz and dist/irtutor_<version>_<arch>.deb
  Windows  build/windows/irtutor.iss, and dist/IR-Tutor-<version>-setup.exe if Inno Setup's iscc is on PATH
  macOS    dist/IR Tutor.app and dist/IR-Tutor-<version>.dmg

One folder, not one file: a one-file bundle unpacks itself on every start and is flagged by
Windows antivirus. What is left out of Qt is in bundle_rules.py.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DIST = REPO / "dist"
BUNDLE = DIST / "irtutor"
WORK = REPO / "build" / "pyinstaller"


def run(*argv: str | Path) -> None:
    print("+", " ".join(str(a) for a in argv), flush=True)
    subprocess.run([str(a) for a in argv], check=True, cwd=REPO)


def freeze(clean: bool) -> Path:
    """PyInstaller's one-folder bundle at dist/irtutor, with the LICENSES folder added.

    The icons are drawn again from packaging/icon/irtutor.svg first (the output is identical
    when the SVG has not changed, so a build leaves the checkout clean)."""
    run(sys.executable, HERE / "icon" / "make_icons.py")
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", *(["--clean"] if clean else []),
        "--distpath", DIST, "--workpath", WORK, HERE / "irtutor.spec")
    run(sys.executable, HERE / "licenses.py", BUNDLE / "LICENSES")
    strip_debug_info(BUNDLE)
    return BUNDLE


def strip_debug_info(bundle: Path) -> None:
    """Remove debug sections from the libraries that still carry them (a Python built by pyenv:
    libpython 23 MB, 6 MB without; some extension modules). Not PyInstaller's strip, which
    strips everything: stripping the libraries auditwheel patched (numpy.libs/) breaks them
    ("ELF load command address/offset not page-aligned")."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return
    sys.path.insert(0, str(HERE))
    from prune_libs import section_names

    for path in sorted((bundle / "_internal").rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or any(p.endswith(".libs") for p in path.parts):
            continue
        if ".debug_info" in section_names(path):
            subprocess.run([strip, "--strip-debug", str(path)], check=True)


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def installers(bundle: Path) -> list[Path]:
    """This system's installer(s) built from the bundle."""
    if sys.platform.startswith("linux"):
        sys.path.insert(0, str(HERE / "linux"))
        import make_deb

        with ThreadPoolExecutor(2) as pool:  # gzip and dpkg-deb each keep one core busy
            tar = pool.submit(make_deb.archive, bundle, DIST)
            deb = pool.submit(make_deb.build_deb, bundle, DIST)
            return [tar.result(), deb.result()]
    if sys.platform == "win32":
        iss = REPO / "build" / "windows" / "irtutor.iss"
        run(sys.executable, HERE / "windows" / "make_iss.py", bundle, iss)
        iscc = shutil.which("iscc") or shutil.which("ISCC")
        if iscc is None:
            print("Inno Setup's iscc is not on PATH: the setup script is ready, the installer was not built")
            return [iss]
        run(iscc, iss)
        return sorted(DIST.glob("*setup*.exe"))
    if sys.platform == "darwin":
        run(sys.executable, HERE / "macos" / "make_dmg.py", DIST / "IR Tutor.app")
        return sorted(DIST.glob("*.dmg"))
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-installer", action="store_true", help="only the bundle (dist/irtutor)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    bundle = freeze(args.clean)
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.1f} MB unpacked) in {time.perf_counter() - started:.0f} s")
    if not args.no_installer:
        for made in installers(bundle):
            print(f"made: {made} ({made.stat().st_size / 1e6:.1f} MB)")
    print(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
