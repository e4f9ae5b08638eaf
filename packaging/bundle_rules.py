"""What the frozen bundle leaves out: Python packages, Qt modules, Qt plugins and translations.

Read by irtutor.spec (PyInstaller), build.py and tests/test_packaging*.py, so the rules and the
test that no Qt module the app imports was trimmed look at the same lists. Plain data and pure
functions, no PyInstaller import: the tests load this file without PyInstaller installed.

Names are compared without platform decoration: "libqvnc.so", "qvnc.dll" and "libqvnc.dylib"
are all the plugin "qvnc"; "libQt6Network.so.6", "Qt6Network.dll" and "QtNetwork.framework"
are all the Qt library "Network".
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

# PySide6-Essentials modules IR Tutor never imports. The app imports QtCore, QtGui and QtWidgets;
# pyqtgraph imports QtOpenGL and tries QtSvg, QtOpenGLWidgets and QtTest at import time, so those
# stay (tests/test_packaging.py lists what a self-test run imports and fails if one is here).
EXCLUDED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner",
    "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtPdf", "QtPdfWidgets",
    "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets", "QtTextToSpeech",
    "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml",
)

# Python packages the analysis would otherwise follow from optional imports of our dependencies
# (fsrs's optimizer tries torch and pandas; pyqtgraph tries scipy, matplotlib and others).
EXCLUDED_PACKAGES = (
    "tkinter", "_tkinter", "pytest", "_pytest", "hypothesis", "pytestqt", "PyQt5", "PyQt6", "PySide2",
    "torch", "pandas", "tqdm", "matplotlib", "scipy", "IPython", "h5py", "cupy", "numba", "OpenGL",
    "pygments", "setuptools", "pkg_resources", "pip", "importlinter", "grimp", "ruff",
    # IR Tutor never opens a connection; hashlib falls back to its built-in digests without
    # _hashlib. Leaves out OpenSSL (about 5 MB).
    "ssl", "_ssl", "_hashlib",
    # rapidfuzz's AVX2 builds duplicate its SSE2 ones (5 MB); it falls back to those when the
    # import fails, and grading a typed answer is a few short strings.
    "rapidfuzz.fuzz_cpp_avx2", "rapidfuzz.distance.metrics_cpp_avx2",
    "readline", "curses",  # a window, not a terminal: no line editing (libreadline, libtinfo)
    "pyqtgraph.examples", "pyqtgraph.opengl", "pyqtgraph.jupyter", "pyqtgraph.canvas",
)


# Excluded although the app imports them in a virtual environment: each import is optional and
# falls back (hashlib to its built-in digests, rapidfuzz to its SSE2 build, Mako's error pages
# under Alembic to plain text without pygments). Every other excluded
# module must never be imported (tests/test_packaging.py).
EXCLUDED_WITH_FALLBACK = frozenset({"pygments", "_hashlib", "ssl", "_ssl", "readline", "rapidfuzz.fuzz_cpp_avx2",
                                    "rapidfuzz.distance.metrics_cpp_avx2"})


def excluded_modules() -> list[str]:
    return [*EXCLUDED_PACKAGES, *(f"PySide6.{name}" for name in EXCLUDED_QT_MODULES)]


# Qt plugins by folder: a whole folder goes, or only the named plugins in it.
TRIMMED_PLUGIN_FOLDERS = frozenset({
    "egldeviceintegrations",  # eglfs: full-screen embedded displays, not desktops
    "generic",  # evdev and TUIO input, for eglfs/linuxfb without a window system
    "networkinformation", "tls",  # QtNetwork's; IR Tutor never uses the network
    "qmltooling", "sqldrivers", "designer", "position", "multimedia", "printsupport", "sensors",
    "virtualkeyboard", "webview", "canbus", "texttospeech", "geoservices", "renderers",
})
TRIMMED_PLUGINS = {
    # Kept: xcb and wayland (desktops), offscreen and minimal (--selftest, CI), windows, cocoa.
    "platforms": frozenset({"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qdirect2d"}),
    # The GTK theme loads the system's GTK 3 into a process carrying the bundle's own glib,
    # cairo and pango: a mismatch crashes; the XDG portal theme gives native dialogs without it.
    "platformthemes": frozenset({"qgtk3"}),
    # Kept: svg (the icon), png (built into QtGui), jpeg, gif, ico, icns.
    "imageformats": frozenset({"qtiff", "qwebp", "qwbmp", "qtga", "qpdf"}),
}

# Qt libraries only the trimmed parts need (the Linux build also drops any bundled library
# nothing kept links to; these names make the rule hold on Windows and macOS too).
TRIMMED_QT_LIBS = frozenset({
    "EglFSDeviceIntegration", "EglFsKmsSupport", "Network", "Qml", "QmlModels", "QmlMeta",
    "QmlWorkerScript", "Quick", "QuickWidgets", "QuickControls2", "QuickTemplates2", "Pdf",
    "Designer", "DesignerComponents", "WebEngineCore", "WebEngineWidgets", "VirtualKeyboard",
    "Help", "Sql", "UiTools", "Concurrent", "PrintSupport",
})

# Linux: libraries every desktop has and that must match the running system (its D-Bus, font
# configuration, X server, GL drivers, C++ runtime), so taken from it rather than bundled; the
# .deb depends on their packages (packaging/linux/make_deb.py, DEPENDS).
SYSTEM_LIBRARIES = (
    "libstdc++.so", "libgcc_s.so", "libdbus-1.so", "libfontconfig.so", "libfreetype.so", "libglib-2.0.so",
    "libgobject-2.0.so", "libgio-2.0.so", "libgmodule-2.0.so", "libgthread-2.0.so", "libX11.so", "libX11-xcb.so",
    "libxkbcommon.so", "libxkbcommon-x11.so",
)


def is_system_library(file_name: str) -> bool:
    return file_name.startswith(SYSTEM_LIBRARIES)


# Windows wheels carry a 20 MB software OpenGL fallback; our widgets and charts paint without GL.
TRIMMED_FILES = frozenset({"opengl32sw.dll"})

_DECORATION = re.compile(r"^(lib)?(?P<stem>.+?)(\.abi3)?(\.so(\.\d+)*|\.dll|\.dylib|\.pyd)$")


def plain_name(file_name: str) -> str:
    """'libqvnc.so' -> 'qvnc'; 'Qt6Network.dll' -> 'Qt6Network'; unknown shapes unchanged."""
    match = _DECORATION.match(file_name)
    return match.group("stem") if match else file_name


def qt_lib_name(file_name: str) -> str | None:
    """'libQt6Network.so.6' -> 'Network'; 'QtNetwork' (a macOS framework folder) -> 'Network'."""
    match = re.match(r"^Qt6?(?P<name>[A-Z][A-Za-z0-9]*)$", plain_name(file_name.removesuffix(".framework")))
    return match.group("name") if match else None


def is_trimmed(dest: str) -> bool:
    """Whether a file at `dest` (its path inside the bundle, '/' or '\\' separated) is left out."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts or parts[-1] in TRIMMED_FILES:
        return bool(parts)
    if parts[0] == "PySide6" and "translations" in parts:
        return True  # the interface is English; Qt's own strings need no catalogue
    if parts[0] == "PySide6" and "plugins" in parts[:-1]:
        folder = parts[-2]
        return folder in TRIMMED_PLUGIN_FOLDERS or plain_name(parts[-1]) in TRIMMED_PLUGINS.get(folder, ())
    if parts[0] == "PySide6" and len(parts) == 2 and plain_name(parts[1]) in EXCLUDED_QT_MODULES:
        return True  # PySide6/QtNetwork.abi3.so, PySide6/QtNetwork.pyd
    return any(qt_lib_name(part) in TRIMMED_QT_LIBS for part in parts if part.startswith(("libQt", "Qt")))
