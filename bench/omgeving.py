# SPDX-License-Identifier: EUPL-1.2
"""Machine facts and timing helpers shared by the benchmarks."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable


def machine() -> str:
    cpu = "onbekend"
    try:
        with open("/proc/cpuinfo") as f:
            for regel in f:
                if regel.startswith("model name"):
                    cpu = regel.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    geheugen = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            geheugen = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError):
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), {geheugen} RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def mediaan_tijd(fn: Callable[[], object], runs: int = 5) -> float:
    tijden = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        tijden.append(time.perf_counter() - t0)
    return statistics.median(tijden)
