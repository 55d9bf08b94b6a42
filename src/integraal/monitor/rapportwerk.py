# SPDX-License-Identifier: EUPL-1.2
"""The PDF report as a background job: the page shows each step, then a download link.

Making the PDF takes seconds (WeasyPrint lays out every table and chart), too long for a page
that just waits. Jobs live in the database (issue 24): the step and the file are the same in
every app process, whichever one made it. Nothing in them is personal data.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

from integraal.domein.actor import Actor
from integraal.domein.keuze import Keuze
from integraal.monitor import rapport
from integraal.opslag import rapportopdrachten as opslag
from integraal.opslag.db import Sessiefabriek, transactie
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
    def __init__(self, fabriek: Sessiefabriek, bewaarmap: Path | None = None) -> None:
        self._fabriek = fabriek
        self._bewaarmap = bewaarmap

    def begin(self, actor: Actor) -> Rapportopdracht:
        nu = dt.datetime.now(dt.UTC)
        o = Rapportopdracht(str(uuid.uuid4()), actor.gebruiker_id, Stap.VERZAMELEN, nu)
        with transactie(self._fabriek) as sessie:
            opslag.begin(
                sessie,
                opdracht_id=o.id,
                gebruiker_id=o.gebruiker_id,
                stap=o.stap.value,
                begonnen=nu,
                ouder_dan=nu - BEWAAR,
            )
        return o

    def _zet(self, opdracht_id: str, stap: Stap, **wijziging: object) -> None:
        with transactie(self._fabriek) as sessie:
            opslag.zet(sessie, opdracht_id, stap=stap.value, **wijziging)

    def van(
        self, opdracht_id: str, actor: Actor, *, met_inhoud: bool = False
    ) -> Rapportopdracht | None:
        """Only the person who asked sees the job (it is theirs to download); its file only
        when asked for."""
        with transactie(self._fabriek, lezen=True) as sessie:
            rij = opslag.van(sessie, opdracht_id, met_inhoud=met_inhoud)
            if rij is None or rij.gebruiker_id != actor.gebruiker_id:
                return None
            return Rapportopdracht(
                rij.id,
                rij.gebruiker_id,
                Stap(rij.stap),
                rij.begonnen,
                rij.bestandsnaam,
                (rij.inhoud or b"") if met_inhoud else b"",
                rij.melding,
            )

    def maak(self, maak: Contextmaker, actor: Actor, opdracht_id: str) -> None:
        """The job itself, run after the answer: gather, lay out, keep the file."""
        try:
            with maak(actor, Kanaal.TAAK) as ctx:
                r = rapport.stel_samen(ctx)
                html = rapport.html(r)
            self._zet(opdracht_id, Stap.OPMAKEN)
            inhoud = rapport.pdf(html, self._bewaarmap)
        except rapport.PdfNietBeschikbaar as exc:
            self._zet(opdracht_id, Stap.MISLUKT, melding=str(exc))
            return
        except Exception:
            self._zet(
                opdracht_id,
                Stap.MISLUKT,
                melding="Er ging iets mis bij het maken van de PDF. Probeer het opnieuw.",
            )
            raise
        self._zet(opdracht_id, Stap.KLAAR, inhoud=inhoud, bestandsnaam=rapport.bestandsnaam(r))
