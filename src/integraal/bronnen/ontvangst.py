# SPDX-License-Identifier: EUPL-1.2
"""An uploaded delivery received onto disk: copied in blocks, never whole in memory.

The web answers before it processes a delivery, and the upload's own temporary file is gone by
then, so the faces copy it into the data folder's `ontvangst` and remove it when processing
ends. A copy stops one byte past the limit, which is enough for the check to refuse it.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from pathlib import Path
from typing import IO

MAP = "ontvangst"
_BLOK = 1024 * 1024
# A received file older than this belongs to no request still running (a crash left it).
VERWEESD_NA = dt.timedelta(days=1)


def ontvang(bron: IO[bytes], data_dir: Path, tot: int) -> Path:
    """Copy at most `tot` bytes of `bron` into a new file of the receiving folder."""
    map_ = data_dir / MAP
    map_.mkdir(parents=True, exist_ok=True)
    pad = map_ / f"{uuid.uuid4().hex}.levering"
    over = tot
    with pad.open("xb") as uit:
        while over > 0 and (blok := bron.read(min(_BLOK, over))):
            uit.write(blok)
            over -= len(blok)
    return pad


def ruim_op(data_dir: Path, *, nu: float | None = None) -> int:
    """Remove received files a crash left behind; returns how many."""
    map_ = data_dir / MAP
    if not map_.is_dir():
        return 0
    grens = (nu if nu is not None else time.time()) - VERWEESD_NA.total_seconds()
    n = 0
    for pad in map_.glob("*.levering"):
        if pad.stat().st_mtime < grens:
            pad.unlink(missing_ok=True)
            n += 1
    return n
