# SPDX-License-Identifier: EUPL-1.2
"""Carrying out one piece of background work, wherever it runs.

Every kind can run again after its worker was killed without doing its work twice: a
delivery removes what an earlier attempt staged and is skipped once it has ended, a
matching run resumes from its last stored step, a report is made anew, retention and the
log's checks are idempotent. A failure is stored on the work's own row (the delivery's or
the run's status and message, the report's step), which is what a person sees; here it is
only logged for operators, so one failed delivery never stops a worker."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from integraal.achtergrond.opdracht import Opdracht, Soort
from integraal.bronnen.importeren import Aanbod, verwerk_als_open
from integraal.domein.actor import Actor
from integraal.kruisverwijzing import taken
from integraal.monitor import rapport
from integraal.monitor.rapportwerk import Rapportbord
from integraal.omgeving import Omgeving
from integraal.toegang.bewaren import voer_uit_in_stappen

log = logging.getLogger("integraal.achtergrond")


def voer_uit(omgeving: Omgeving, opdracht: Opdracht) -> None:
    try:
        _UITVOERDERS[opdracht.soort](omgeving, opdracht.gegevens)
    except Exception:
        log.exception("%s (%s) afgebroken", opdracht.soort.label, opdracht.sleutel)


def _levering(omgeving: Omgeving, gegevens: dict[str, Any]) -> None:
    aanbod = Aanbod.van_json(gegevens)
    try:
        verwerk_als_open(omgeving.context, aanbod)
    finally:
        # Not reached when the process is killed: the job runs again and needs the file.
        if isinstance(aanbod.inhoud, Path):
            aanbod.inhoud.unlink(missing_ok=True)


def _kruisverwijzing(omgeving: Omgeving, gegevens: dict[str, Any]) -> None:
    taken.voer_uit(omgeving.context, gegevens["taak_id"], dask=omgeving.instellingen.dask)


def _rapport(omgeving: Omgeving, gegevens: dict[str, Any]) -> None:
    actor = Actor.van_json(gegevens["actor"])
    bord = Rapportbord(omgeving.fabriek, omgeving.instellingen.data_dir / rapport.MAP)
    bord.maak(omgeving.context, actor, gegevens["opdracht_id"])


def _bewaartermijn(omgeving: Omgeving, _gegevens: dict[str, Any]) -> None:
    uit = voer_uit_in_stappen(omgeving.context, dt.date.today(), proef=False)
    log.info("bewaartermijnen toegepast: %d groepen vernietigd", len(uit.vernietigd))


def _controle(omgeving: Omgeving, _gegevens: dict[str, Any]) -> None:
    uitkomst = omgeving.verifieer_logboek()
    if uitkomst.in_orde:
        log.info("verwerkingslogboek gecontroleerd: %d regels in orde", uitkomst.aantal)
    else:
        log.error("verwerkingslogboek gecontroleerd: NIET in orde: %s", uitkomst.bevinding)


def _checkpoint(omgeving: Omgeving, _gegevens: dict[str, Any]) -> None:
    omgeving.checkpoint_als_gegroeid()


_UITVOERDERS = {
    Soort.LEVERING: _levering,
    Soort.KRUISVERWIJZING: _kruisverwijzing,
    Soort.RAPPORT: _rapport,
    Soort.BEWAARTERMIJN: _bewaartermijn,
    Soort.CONTROLE: _controle,
    Soort.CHECKPOINT: _checkpoint,
}
