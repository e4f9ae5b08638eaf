"""Pack IR Tutor.app into a drag-to-Applications disk image, on macOS.

    python packaging/macos/make_dmg.py [APP_OR_BUNDLE_DIR] [OUT.dmg] [--dry-run]

APP_OR_BUNDLE_DIR is PyInstaller's `IR Tutor.app` (from a BUNDLE step) or its one-folder output
(default dist/irtutor), which is then wrapped as Contents/MacOS of a new .app. Either way the
.app gets the Info.plist and icon made from packaging/metadata.py. `--dry-run` prints the
hdiutil command instead of running it (hdiutil exists only on macOS).
"""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for make_plist
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for metadata

import metadata
from make_plist import info_plist


def app_from(source: Path, staging: Path) -> Path:
    """A .app in staging with our Info.plist and icon, copied from an .app or a one-folder bundle."""
    app = staging / f"{metadata.NAME}.app"
    if source.suffix == ".app":
        shutil.copytree(source, app, symlinks=True)
    else:
        shutil.copytree(source, app / "Contents" / "MacOS", symlinks=True)
    resources = app / "Contents" / "Resources"
    resources.mkdir(parents=True, exist_ok=True)
    shutil.copy2(metadata.ICON_ICNS, resources / metadata.ICON_ICNS.name)
    (app / "Contents" / "Info.plist").write_bytes(plistlib.dumps(info_plist()))
    return app


def hdiutil_command(staging: Path, out: Path) -> list[str]:
    return ["hdiutil", "create", "-volname", metadata.NAME, "-srcfolder", str(staging),
            "-fs", "HFS+", "-format", "UDZO", "-ov", str(out)]


def main(argv: list[str]) -> int:
    dry_run = "--dry-run" in argv
    args = [a for a in argv if a != "--dry-run"]
    source = Path(args[0]) if args else metadata.REPO / "dist" / metadata.EXECUTABLE
    out = Path(args[1]) if len(args) > 1 else metadata.REPO / "dist" / f"IRTutor-{metadata.VERSION}.dmg"
    with tempfile.TemporaryDirectory(prefix="irtutor-dmg-") as tmp:
        staging = Path(tmp)
        app_from(source, staging)
        os.symlink("/Applications", staging / "Applications")  # the drag target in the window
        command = hdiutil_command(staging, out)
        if dry_run:
            print(" ".join(command))
            return 0
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(command, check=True)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
