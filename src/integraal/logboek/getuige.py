# SPDX-License-Identifier: EUPL-1.2
"""The witness: signed checkpoints published outside the application's data (decision record
0021). Whoever can rewrite the database and its data folder could rewrite the log's tail and
its stored checkpoints together; a checkpoint kept elsewhere (another machine's mount, WORM
storage, the privacy officer's own archive) is what exposes that (RFC 9162 §8)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from integraal.logboek.ondertekening import Checkpoint


class GetuigeOngeschikt(ValueError):
    """The witness folder would not be a witness (it lies inside the data)."""


def controleer_map(getuige: Path, data_dir: Path) -> None:
    g, d = getuige.resolve(), data_dir.resolve()
    if g == d or d in g.parents:
        raise GetuigeOngeschikt(
            f"de getuigemap {getuige} ligt in de gegevensmap {data_dir}; kies een map daarbuiten "
            "(een andere schijf of machine), anders kan wie de gegevens herschrijft ook de "
            "getuige herschrijven"
        )


def publiceer(cp: Checkpoint, getuige: Path, data_dir: Path) -> Path:
    """Write the checkpoint as a new file; an existing one is never overwritten."""
    controleer_map(getuige, data_dir)
    getuige.mkdir(parents=True, exist_ok=True)
    tijd = dt.datetime.fromisoformat(cp.tijd).strftime("%Y%m%dT%H%M%S%fZ")
    doel = getuige / f"checkpoint-{cp.boomgrootte:012d}-{tijd}.json"
    # Whole or not at all: a crash mid-write must not leave half a witness.
    fd, tijdelijk = tempfile.mkstemp(dir=getuige, prefix=".nieuw-")
    with os.fdopen(fd, "w") as f:
        f.write(cp.naar_json())
        f.flush()
        os.fsync(f.fileno())
    os.link(tijdelijk, doel)  # fails when the name exists: no overwrite
    os.unlink(tijdelijk)
    return doel


def lees(getuige: Path) -> list[Checkpoint]:
    if not getuige.is_dir():
        return []
    return [Checkpoint.uit_json(p.read_text()) for p in sorted(getuige.glob("checkpoint-*.json"))]
