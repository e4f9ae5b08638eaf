"""The Linux packages of the one-folder bundle: a .tar.gz and a .deb, named from packaging/metadata.py.

    python packaging/linux/make_deb.py [BUNDLE_DIR] [OUT_DIR]     (default dist/irtutor, dist)

The .deb installs the bundle under /opt/irtutor with /usr/bin/irtutor pointing at it, a desktop
entry, hicolor icons, AppStream metainfo and the MIME types of the file types in metadata.py.
It needs no maintainer scripts: desktop-file-utils, shared-mime-info and hicolor-icon-theme
refresh their caches through dpkg triggers on these folders.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for `import metadata`

import metadata

PACKAGE = "irtutor"
PREFIX = Path("opt") / PACKAGE
DESKTOP_ID = metadata.APP_ID  # AppStream wants the desktop file named after the component id
MAINTAINER = f"{metadata.PUBLISHER} <maintainers@irtutor.invalid>"
HOMEPAGE = "https://github.com/irtutor/irtutor"
SUMMARY = metadata.DESCRIPTION
LONG_DESCRIPTION = (
    "Students read lesson modules on NATO, Russia, the UN and BRICS, with key terms, cited sources, "
    "charts, maps and timelines, and answer a quiz at the end of each lesson. Every answer is saved "
    "the moment it is given, and questions come back for review on a spaced-repetition schedule. "
    "It never uses the network."
)

# System libraries the bundle links to but does not carry (bundle_rules.SYSTEM_LIBRARIES, and
# what PyInstaller never bundles: the C library, GL, xcb, wayland), by the Debian package that has
# them; tests/test_packaging_bundle.py fails if the bundle needs a library named nowhere here.
SONAME_PACKAGES = {
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6", "libpthread.so.0": "libc6",
    "librt.so.1": "libc6", "ld-linux-x86-64.so.2": "libc6", "ld-linux-aarch64.so.1": "libc6",
    "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1", "libxcb.so.1": "libxcb1",
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libdbus-1.so.3": "libdbus-1-3", "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0", "libgio-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
DEPENDS = sorted(set(SONAME_PACKAGES.values()) - {"libopengl0"})


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def desktop_entry() -> str:
    mimes = "".join(f"{doc.mime};" for doc in metadata.DOCUMENT_TYPES)
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={metadata.NAME}",
        "GenericName=Course lessons and quizzes",
        f"Comment={metadata.DESCRIPTION}",
        f"Exec={metadata.EXECUTABLE} %f",
        f"TryExec={metadata.EXECUTABLE}",
        f"Icon={DESKTOP_ID}",
        "Terminal=false",
        f"Categories={';'.join(metadata.CATEGORIES_FREEDESKTOP)};",
        f"MimeType={mimes}",
        "Keywords=international relations;NATO;UN;BRICS;quiz;lesson;",
        f"StartupWMClass={metadata.EXECUTABLE}",
        "",
    ])


def metainfo_xml(released: str | None = None) -> str:
    day = released or datetime.now(UTC).date().isoformat()
    mimes = "\n".join(f"    <mediatype>{escape(doc.mime)}</mediatype>" for doc in metadata.DOCUMENT_TYPES)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{DESKTOP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>MIT AND CC-BY-4.0</project_license>
  <name>{escape(metadata.NAME)}</name>
  <summary>{escape(SUMMARY)}</summary>
  <developer id="org.irtutor">
    <name>{escape(metadata.PUBLISHER)}</name>
  </developer>
  <description>
    <p>{escape(LONG_DESCRIPTION)}</p>
  </description>
  <launchable type="desktop-id">{DESKTOP_ID}.desktop</launchable>
  <url type="homepage">{HOMEPAGE}</url>
  <categories>
{chr(10).join(f"    <category>{c}</category>" for c in metadata.CATEGORIES_FREEDESKTOP if c != "Qt")}
  </categories>
  <provides>
    <binary>{metadata.EXECUTABLE}</binary>
{mimes}
  </provides>
  <content_rating type="oars-1.1"/>
  <releases>
    <release version="{metadata.VERSION}" date="{day}"/>
  </releases>
</component>
"""


def mime_xml() -> str:
    types = "\n".join(
        f"""  <mime-type type="{doc.mime}">
    <comment>{escape(doc.description)}</comment>
    <glob pattern="*.{doc.extension}"/>
    <icon name="{DESKTOP_ID}"/>
  </mime-type>""" for doc in metadata.DOCUMENT_TYPES)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
{types}
</mime-info>
"""


def control(arch: str, installed_kib: int) -> str:
    return "\n".join([
        f"Package: {PACKAGE}",
        f"Version: {metadata.VERSION}",
        f"Architecture: {arch}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join(DEPENDS)}",
        "Section: education",
        "Priority: optional",
        f"Homepage: {HOMEPAGE}",
        f"Description: {SUMMARY}",
        *(f" {line}" for line in _wrap(LONG_DESCRIPTION)),
        "",
    ])


def _wrap(text: str, width: int = 78) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _icons(root: Path) -> None:
    share = root / "usr" / "share" / "icons" / "hicolor"
    for size in metadata.ICON_SIZES:
        if metadata.icon_png(size).exists():
            target = share / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(metadata.icon_png(size), target)
    if metadata.ICON_SVG.exists():
        target = share / "scalable" / "apps" / f"{DESKTOP_ID}.svg"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(metadata.ICON_SVG, target)


def stage(bundle: Path, root: Path) -> None:
    """The package's file tree under `root`: the bundle in /opt, the launcher and desktop files."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    launcher = root / "usr" / "bin" / metadata.EXECUTABLE
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(Path("/") / PREFIX / metadata.EXECUTABLE)  # PyInstaller resolves the link
    share = root / "usr" / "share"
    _write(share / "applications" / f"{DESKTOP_ID}.desktop", desktop_entry())
    _write(share / "metainfo" / f"{DESKTOP_ID}.metainfo.xml", metainfo_xml())
    _write(share / "mime" / "packages" / f"{DESKTOP_ID}.xml", mime_xml())
    _write(share / "doc" / PACKAGE / "copyright",
           f"{metadata.NAME} {metadata.VERSION}, {metadata.COPYRIGHT}.\n"
           f"The licences of everything it ships are in /{PREFIX}/LICENSES/.\n")
    _icons(root)
    for path in [root, *root.rglob("*")]:  # dpkg-deb refuses group-writable control files; be uniform
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)


def build_deb(bundle: Path, out_dir: Path, compression: str = "zstd") -> Path:
    """zstd -9 packs in 2 s to 60 MB (xz: 35 s, 50 MB); dpkg reads it since Debian 12 and Ubuntu 21.10,
    older than the C library the bundle needs anyway."""
    arch = architecture()
    root = out_dir.parent / "build" / "deb" / f"{PACKAGE}_{metadata.VERSION}_{arch}"
    stage(bundle, root)
    size_kib = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024
    _write(root / "DEBIAN" / "control", control(arch, size_kib))
    out = out_dir / f"{PACKAGE}_{metadata.VERSION}_{arch}.deb"
    level = ["-z9"] if compression == "zstd" else []
    subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", *level, "--build", str(root), str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return out


def archive(bundle: Path, out_dir: Path) -> Path:
    """dist/irtutor-<version>-linux-<machine>.tar.gz holding the folder irtutor-<version>/."""
    out = out_dir / f"{PACKAGE}-{metadata.VERSION}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{PACKAGE}-{metadata.VERSION}")
    return out


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else metadata.REPO / "dist" / PACKAGE
    out_dir = Path(argv[1]) if len(argv) > 1 else metadata.REPO / "dist"
    for made in (archive(bundle, out_dir), build_deb(bundle, out_dir)):
        print(made)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
