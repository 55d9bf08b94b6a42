# SPDX-License-Identifier: EUPL-1.2
"""Sync of motions and commitments with the Tweede Kamer's open data (OData v4).

The Kamer keeps the status of a commitment (Toezegging.Status) and whether a motion's case is
closed (Zaak.Afgedaan); we keep the link to our measures, our execution status and the review.
The sync therefore only writes the Kamer's fields: it updates records we know by their TK number,
adds new records that match a search term as unreviewed suggestions, and marks records the Kamer
has withdrawn (`Verwijderd`) instead of deleting what a policy officer may have worked on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from integraal.domein.monitor import Soort, TKStatus
from integraal.domein.tweedekamer import OnleesbaarRecord, TKMotie, TKToezegging
from integraal.monitor.rechten import mag_bewerken
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Kameropdracht
from integraal.verwerking import Context

BASIS = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
# A page of the Kamer's OData holds 250 records; 400 pages is far beyond any search term of ours
# and stops a feed that keeps handing out next links.
MAX_PAGINAS = 400
# Known numbers are asked for in groups; a long `or` chain makes a URL the server refuses.
GROEP = 20


class TKNietBereikbaar(RuntimeError):
    """The Kamer's open data could not be read; nothing was changed."""


def _odata_tekst(waarde: str) -> str:
    return "'" + waarde.replace("'", "''") + "'"


class TweedeKamer:
    """A thin client over the OData v4 endpoint: follows `@odata.nextLink` and reports failures
    in Dutch. The HTTP client is passed in so tests can answer with recorded responses."""

    def __init__(self, http: httpx.Client | None = None, basis: str = BASIS) -> None:
        self._http = http or httpx.Client(timeout=30.0, follow_redirects=True)
        self._basis = basis.rstrip("/")
        self.paginas = 0

    def records(
        self, entiteit: str, filter_: str, expand: str | None = None
    ) -> Iterator[Mapping[str, Any]]:
        params = {"$filter": filter_}
        if expand:
            params["$expand"] = expand
        url: str | None = str(httpx.URL(f"{self._basis}/{entiteit}", params=params))
        gezien: set[str] = set()
        while url:
            if url in gezien or len(gezien) >= MAX_PAGINAS:
                raise TKNietBereikbaar(f"de Tweede Kamer blijft naar pagina’s verwijzen ({url})")
            gezien.add(url)
            inhoud = self._haal(url)
            self.paginas += 1
            waarden = inhoud.get("value")
            if not isinstance(waarden, list):
                raise TKNietBereikbaar("het antwoord van de Tweede Kamer heeft geen lijst ‘value’")
            yield from waarden
            volgende = inhoud.get("@odata.nextLink")
            url = str(volgende) if volgende else None

    def _haal(self, url: str) -> Mapping[str, Any]:
        try:
            antwoord = self._http.get(url, headers={"Accept": "application/json"})
            antwoord.raise_for_status()
            inhoud = antwoord.json()
        except httpx.HTTPStatusError as exc:
            raise TKNietBereikbaar(
                f"de Tweede Kamer antwoordde met status {exc.response.status_code}"
            ) from exc
        except httpx.HTTPError as exc:
            raise TKNietBereikbaar(f"de Tweede Kamer is niet bereikbaar: {exc}") from exc
        except ValueError as exc:
            raise TKNietBereikbaar("het antwoord van de Tweede Kamer is geen JSON") from exc
        if not isinstance(inhoud, dict):
            raise TKNietBereikbaar("het antwoord van de Tweede Kamer is geen OData-object")
        return inhoud


@dataclass
class Synchronisatie:
    nieuw: int = 0
    bijgewerkt: int = 0
    ingetrokken: int = 0
    ongewijzigd: int = 0
    paginas: int = 0
    overgeslagen: list[str] = field(default_factory=list)  # unreadable records, with the reason


def _is_toezegging(nummer: str) -> bool:
    return nummer.upper().startswith("TZ")


def _groepen(nummers: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(nummers), GROEP):
        yield nummers[i : i + GROEP]


def _bekende_filter(nummers: list[str]) -> str:
    # No `Verwijderd eq false` here: for records we hold, a withdrawal is news we must see.
    return "(" + " or ".join(f"Nummer eq {_odata_tekst(n)}" for n in nummers) + ")"


def synchroniseer(
    ctx: Context,
    kamer: TweedeKamer,
    *,
    zoekterm: str | None = "ondermijn",
    sinds: dt.datetime | None = None,
) -> Synchronisatie:
    """Update known records by TK number; with a search term, add matching new records (only
    those the Kamer has not withdrawn, changed since `sinds` or the last sync) for review."""
    mag_bewerken(ctx)
    sessie = ctx.sessie
    uitkomst = Synchronisatie()
    bekend = opslag.opdrachten_met_nummer(sessie)
    sinds = sinds or opslag.laatste_tk_wijziging(sessie)

    toezeggingen: dict[str, TKToezegging] = {}
    moties: dict[str, TKMotie] = {}

    def lees_toezeggingen(filter_: str) -> None:
        for r in kamer.records("Toezegging", filter_):
            try:
                t = TKToezegging.lees(r)
            except OnleesbaarRecord as exc:
                uitkomst.overgeslagen.append(str(exc))
                continue
            # The answer for a known number wins over the same record found by the search.
            toezeggingen.setdefault(t.nummer, t)

    def lees_moties(filter_: str) -> None:
        for r in kamer.records("Zaak", filter_, expand="Kamerstukdossier"):
            try:
                m = TKMotie.lees(r)
            except OnleesbaarRecord as exc:
                uitkomst.overgeslagen.append(str(exc))
                continue
            moties.setdefault(m.nummer, m)

    tz = sorted(n for n in bekend if _is_toezegging(n))
    zaken = sorted(n for n in bekend if not _is_toezegging(n))
    for groep in _groepen(tz):
        lees_toezeggingen(_bekende_filter(groep))
    for groep in _groepen(zaken):
        lees_moties(_bekende_filter(groep))
    if zoekterm:
        term = _odata_tekst(zoekterm)
        sinds_filter = f" and GewijzigdOp gt {sinds.isoformat()}" if sinds else ""
        lees_toezeggingen(f"Verwijderd eq false and contains(Tekst,{term}){sinds_filter}")
        lees_moties(
            f"Verwijderd eq false and Soort eq 'Motie' and contains(Onderwerp,{term}){sinds_filter}"
        )

    for t in toezeggingen.values():
        _verwerk(
            sessie,
            ctx.nu(),
            uitkomst,
            bekend.get(t.nummer),
            soort=Soort.TOEZEGGING,
            nummer=t.nummer,
            tk_id=t.id,
            onderwerp=t.tekst,
            status=t.status,
            termijn=t.datum_nakoming,
            verwijzing=None,
            verwijderd=t.verwijderd,
            gewijzigd_op=t.gewijzigd_op,
            kop=t.bewindspersoon,
        )
    for m in moties.values():
        _verwerk(
            sessie,
            ctx.nu(),
            uitkomst,
            bekend.get(m.nummer),
            soort=Soort.MOTIE,
            nummer=m.nummer,
            tk_id=m.id,
            onderwerp=m.onderwerp or m.titel,
            status=m.status,
            termijn=None,
            verwijzing=m.verwijzing,
            verwijderd=m.verwijderd,
            gewijzigd_op=m.gewijzigd_op,
            kop=m.titel,
        )
    uitkomst.paginas = kamer.paginas
    ctx.audit(
        "moties en toezeggingen bijwerken uit de open data van de Tweede Kamer",
        nieuw=uitkomst.nieuw,
        bijgewerkt=uitkomst.bijgewerkt,
        ingetrokken=uitkomst.ingetrokken,
    )
    return uitkomst


def _verwerk(
    sessie: Sessie,
    nu: dt.datetime,
    uitkomst: Synchronisatie,
    o: Kameropdracht | None,
    *,
    soort: Soort,
    nummer: str,
    tk_id: str,
    onderwerp: str,
    status: TKStatus | None,
    termijn: dt.date | None,
    verwijzing: str | None,
    verwijderd: bool,
    gewijzigd_op: dt.datetime | None,
    kop: str,
) -> None:
    if o is None:
        if verwijderd:
            return
        opslag.voeg_opdracht_toe(
            sessie,
            Kameropdracht(
                soort=soort.value,
                thema="Tweede Kamer (open data)",
                onderwerp=onderwerp,
                kop=kop,
                leden=[],
                nummer=nummer,
                verwijzing=verwijzing,
                tk_status=(status or TKStatus.OPENSTAAND).value,
                status_reden="overgenomen uit de open data van de Tweede Kamer",
                termijn=termijn,
                tk_id=tk_id,
                tk_gewijzigd_op=gewijzigd_op,
                bijgewerkt_op=nu,
            ),
        )
        uitkomst.nieuw += 1
        return
    if verwijderd:
        if not o.tk_verwijderd:
            o.tk_verwijderd = True
            o.tk_id, o.tk_gewijzigd_op, o.bijgewerkt_op = tk_id, gewijzigd_op, nu
            uitkomst.ingetrokken += 1
        else:
            uitkomst.ongewijzigd += 1
        return
    nieuwe_status = (status or TKStatus(o.tk_status)).value
    veranderd = (
        o.tk_status != nieuwe_status
        or o.tk_verwijderd
        or (termijn is not None and o.termijn != termijn)
        or (verwijzing is not None and not o.verwijzing)
    )
    o.tk_id, o.tk_gewijzigd_op = tk_id, gewijzigd_op
    if not veranderd:
        uitkomst.ongewijzigd += 1
        return
    if o.tk_status != nieuwe_status:
        o.status_reden = f"status volgens de open data van de Tweede Kamer ({nu:%d-%m-%Y})"
    o.tk_status = nieuwe_status
    o.tk_verwijderd = False
    o.termijn = termijn or o.termijn
    o.verwijzing = o.verwijzing or verwijzing
    o.bijgewerkt_op = nu
    uitkomst.bijgewerkt += 1
