# SPDX-License-Identifier: EUPL-1.2
"""The PDF report as a background job: the page shows each step, then a download link.

Making the PDF takes seconds (WeasyPrint lays out every table and chart), too long for a page
that just waits. Jobs live in memory: a PDF is remade in seconds, so a restart losing one costs
a click, and nothing in it is personal data.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from integraal.domein.actor import Actor
from integraal.domein.keuze import Keuze
from integraal.monitor import rapport
from integraal.verwerking import Contextmaker, Kanaal

# Finished jobs are kept this long for the download, then forgotten.
BEWAAR = dt.timedelta(hours=1)


class Stap(Keuze):
    VERZAMELEN = "verzamelen", "De gegevens worden verzameld"
    OPMAKEN = "opmaken", "De PDF wordt opgemaakt"
    KLAAR = "klaar", "De PDF is klaar"
    MISLUKT = "mislukt", "Het maken van de PDF is mislukt"


@dataclass(frozen=True)
class Rapportopdracht:
    id: str
    gebruiker_id: int
    stap: Stap
    begonnen: dt.datetime
    bestandsnaam: str = ""
    inhoud: bytes = b""
    melding: str = ""

    @property
    def bezig(self) -> bool:
        return self.stap in (Stap.VERZAMELEN, Stap.OPMAKEN)

    @property
    def nummer(self) -> int:
        """The step's number of three, for the progress bar."""
        return {Stap.VERZAMELEN: 1, Stap.OPMAKEN: 2}.get(self.stap, 3)


class Rapportbord:
    def __init__(self, bewaarmap: Path | None = None) -> None:
        self._slot = threading.Lock()
        self._opdrachten: dict[str, Rapportopdracht] = {}
        self._bewaarmap = bewaarmap

    def begin(self, actor: Actor) -> Rapportopdracht:
        nu = dt.datetime.now(dt.UTC)
        o = Rapportopdracht(str(uuid.uuid4()), actor.gebruiker_id, Stap.VERZAMELEN, nu)
        with self._slot:
            self._opdrachten = {
                k: v for k, v in self._opdrachten.items() if nu - v.begonnen < BEWAAR
            }
            self._opdrachten[o.id] = o
        return o

    def _zet(self, opdracht_id: str, **wijziging: object) -> None:
        with self._slot:
            o = self._opdrachten.get(opdracht_id)
            if o is not None:
                self._opdrachten[opdracht_id] = replace(o, **wijziging)  # type: ignore[arg-type]

    def van(self, opdracht_id: str, actor: Actor) -> Rapportopdracht | None:
        """Only the person who asked sees the job (it is theirs to download)."""
        with self._slot:
            o = self._opdrachten.get(opdracht_id)
        return o if o is not None and o.gebruiker_id == actor.gebruiker_id else None

    def maak(self, maak: Contextmaker, actor: Actor, opdracht_id: str) -> None:
        """The job itself, run after the answer: gather, lay out, keep the file."""
        try:
            with maak(actor, Kanaal.TAAK) as ctx:
                r = rapport.stel_samen(ctx)
                html = rapport.html(r)
            self._zet(opdracht_id, stap=Stap.OPMAKEN)
            inhoud = rapport.pdf(html, self._bewaarmap)
        except rapport.PdfNietBeschikbaar as exc:
            self._zet(opdracht_id, stap=Stap.MISLUKT, melding=str(exc))
            return
        except Exception:
            self._zet(
                opdracht_id,
                stap=Stap.MISLUKT,
                melding="Er ging iets mis bij het maken van de PDF. Probeer het opnieuw.",
            )
            raise
        self._zet(opdracht_id, stap=Stap.KLAAR, inhoud=inhoud, bestandsnaam=rapport.bestandsnaam(r))
