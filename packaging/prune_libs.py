"""Drop bundled shared libraries that nothing kept in the bundle links to (Linux, ELF only).

PyInstaller collects a Qt plugin's dependencies before irtutor.spec trims the plugin, so the
trimmed GTK theme would leave cairo, pango and friends behind, and the trimmed TLS plugins
QtNetwork. Starting from every file we keep on purpose (extension modules, Qt plugins, the
Python library), this follows DT_NEEDED and keeps only the libraries reached.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

_PT_LOAD, _PT_DYNAMIC, _DT_NEEDED, _DT_STRTAB = 1, 2, 1, 5
TocEntry = tuple[str, str, str]


def needed(path: Path) -> list[str]:
    """The DT_NEEDED names of a 64-bit little-endian ELF file; [] for anything else."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads, dynamic = [], None
    for i in range(phnum):
        ptype, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from("<IIQQQQ", data, phoff + i * phentsize)
        if ptype == _PT_LOAD:
            loads.append((vaddr, offset, filesz))
        elif ptype == _PT_DYNAMIC:
            dynamic = (offset, filesz)
    if dynamic is None:
        return []
    entries = [struct.unpack_from("<qQ", data, dynamic[0] + i) for i in range(0, dynamic[1], 16)]
    strtab = next((value for tag, value in entries if tag == _DT_STRTAB), None)
    if strtab is None:
        return []
    base = next(offset + strtab - vaddr for vaddr, offset, size in loads if vaddr <= strtab < vaddr + size)
    return [data[base + value:data.index(b"\0", base + value)].decode() for tag, value in entries if tag == _DT_NEEDED]


def section_names(path: Path) -> list[str]:
    """The section names of a 64-bit little-endian ELF file; [] for anything else."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    if shoff == 0 or shstrndx >= shnum:
        return []
    headers = [struct.unpack_from("<IIQQQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names = headers[shstrndx][4]
    return [data[names + h[0]:data.index(b"\0", names + h[0])].decode() for h in headers]


def _prunable(dest: str) -> bool:
    # Libraries collected as dependencies: the bundle's top level and Qt's lib folder. Everything
    # else (extension modules, plugins, numpy.libs beside numpy) is a root or kept as is.
    parent = PurePosixPath(dest).parent
    return str(parent) in (".", "PySide6/Qt/lib")


def reachable(binaries: Iterable[TocEntry], system: Callable[[str], bool]) -> list[TocEntry]:
    """`binaries` without the prunable libraries that no kept binary needs (directly or not), nor
    those `system` says the running system provides."""
    entries = [e for e in binaries if not (_prunable(e[0]) and system(PurePosixPath(e[0]).name))]
    by_name = {PurePosixPath(dest).name: entry for entry in entries for dest in [entry[0]] if _prunable(dest)}
    roots = [e for e in entries if not _prunable(e[0]) or PurePosixPath(e[0]).name.startswith("libpython")]
    kept: set[str] = {e[0] for e in roots}
    todo = list(roots)
    while todo:
        for name in needed(Path(todo.pop()[1])):
            entry = by_name.get(name)
            if entry is not None and entry[0] not in kept:
                kept.add(entry[0])
                todo.append(entry)
    return [e for e in entries if e[0] in kept]


def without_dangling_links(datas: list[TocEntry], binaries: list[TocEntry]) -> list[TocEntry]:
    """Drop SYMLINK entries (dest, target relative to dest's folder, 'SYMLINK') to files no longer bundled."""
    present = {e[0] for e in [*binaries, *datas] if e[2] != "SYMLINK"}
    return [e for e in datas if e[2] != "SYMLINK" or str(PurePosixPath(e[0]).parent / e[1]) in present]
