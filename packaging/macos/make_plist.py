"""Write IR Tutor.app's Info.plist from packaging/metadata.py: `python packaging/macos/make_plist.py [OUT]`.

PyInstaller's BUNDLE step can take `info_plist()` directly; make_dmg.py writes it into the .app
it packs. The file types are declared as exported UTIs so Finder shows them as IR Tutor's.
"""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for `import metadata`

import metadata

MINIMUM_MACOS = "13.0"  # the oldest macOS that Qt 6.9 and later support


def document_type(doc: metadata.DocumentType) -> dict[str, Any]:
    return {
        "CFBundleTypeName": doc.description,
        "CFBundleTypeRole": doc.role,
        "CFBundleTypeIconFile": metadata.ICON_ICNS.name,
        "LSItemContentTypes": [doc.uti],
        "LSHandlerRank": "Owner",
    }


def exported_type(doc: metadata.DocumentType) -> dict[str, Any]:
    return {
        "UTTypeIdentifier": doc.uti,
        "UTTypeDescription": doc.description,
        "UTTypeConformsTo": list(doc.conforms_to),
        "UTTypeIconFile": metadata.ICON_ICNS.name,
        "UTTypeTagSpecification": {"public.filename-extension": [doc.extension], "public.mime-type": [doc.mime]},
    }


def info_plist() -> dict[str, Any]:
    return {
        "CFBundleIdentifier": metadata.APP_ID,
        "CFBundleName": metadata.NAME,
        "CFBundleDisplayName": metadata.NAME,
        "CFBundleExecutable": metadata.EXECUTABLE,
        "CFBundleIconFile": metadata.ICON_ICNS.name,
        "CFBundlePackageType": "APPL",
        "CFBundleShortVersionString": metadata.VERSION,
        "CFBundleVersion": metadata.VERSION,
        "CFBundleInfoDictionaryVersion": "6.0",
        "NSHumanReadableCopyright": metadata.COPYRIGHT,
        "LSApplicationCategoryType": metadata.CATEGORY_MACOS,
        "LSMinimumSystemVersion": MINIMUM_MACOS,
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        "CFBundleDocumentTypes": [document_type(doc) for doc in metadata.DOCUMENT_TYPES],
        "UTExportedTypeDeclarations": [exported_type(doc) for doc in metadata.DOCUMENT_TYPES],
    }


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else metadata.REPO / "build" / "macos" / "Info.plist"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(plistlib.dumps(info_plist()))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
