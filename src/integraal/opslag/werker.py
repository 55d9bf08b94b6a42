# SPDX-License-Identifier: EUPL-1.2
"""Which process carries out a piece of long work, and whether that process still lives.

A delivery or matching run in progress names its process. On start-up only work whose process
is gone is declared interrupted: a CLI command started beside a running server must not
declare the server's delivery failed (and remove what it staged) while it is being written.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from functools import cache
from pathlib import Path

# Work of a process on another machine is judged by its last sign of life instead.
STIL_NA = dt.timedelta(minutes=15)


def _starttijd(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (Linux), so a reused pid is told
    apart from the process that had it; None when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and brackets: count from the last ')'.
    return stat.rsplit(")", 1)[1].split()[19]


def _pid_leeft(pid: int, start: str) -> bool:
    if Path("/proc/self/stat").exists():
        return _starttijd(pid) == start
    try:  # no process table to read (not Linux): a living pid is the best we know
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _opstart() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()[:8]
    except OSError:
        return "-"


def deze_werker() -> str:
    return _werker(os.getpid())  # by pid: a forked app process is a worker of its own


@cache
def _werker(pid: int) -> str:
    return f"{socket.gethostname()}/{_opstart()}/{pid}/{_starttijd(pid) or '-'}"


def leeft(werker: str | None, laatst: dt.datetime | None, nu: dt.datetime) -> bool:
    """Whether the process named `werker` may still be doing its work."""
    if not werker:
        return False
    try:
        host, opstart, pid_tekst, start = werker.rsplit("/", 3)
        pid = int(pid_tekst)
    except ValueError:
        return False
    if host != socket.gethostname():
        return laatst is not None and nu - laatst < STIL_NA
    if opstart != _opstart():
        return False  # the machine restarted since
    return _pid_leeft(pid, start)
