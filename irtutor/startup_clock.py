"""Milliseconds since this process started, for `--exit-after-paint` and the benchmarks."""

from __future__ import annotations

import os
import time

_IMPORTED_AT = time.monotonic()


def ms_since_process_start() -> float:
    """From the kernel's record of the process start on Linux; from this module's import elsewhere."""
    try:
        with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.monotonic() - _IMPORTED_AT) * 1000
