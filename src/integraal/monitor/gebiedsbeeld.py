# SPDX-License-Identifier: EUPL-1.2
"""Gebiedsbeeld: indicators per gemeente, wijk and buurt from CBS-style open tables.

Area level only: a row must name a CBS area code (GM…, WK…, BU…); anything finer — a postcode,
an address — is refused. Small counts are hidden like everywhere in the monitor. Integraal ships
a sample in the shape of CBS table 47018NED with fictitious areas (GM9999 "Voorbeeldstad") and
fictitious figures; `haal_op` fetches a real table with the optional `cbsodata` package.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from pydantic import Field

from integraal.domein.fouten import NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Invoer, OptioneleTekst, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.domein.monitor import KLEINSTE_CEL, Cel, onderdruk, onderdruk_een
from integraal.monitor.bronbrieven import DATA
from integraal.opslag import kadaster as kadastercijfers
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Gebied, Gebiedscijfer
from integraal.verwerking import Context

VOORBEELD = "47018NED-voorbeeld"
NIVEAUS = {"GM": "gemeente", "WK": "wijk", "BU": "buurt"}
_CODE = re.compile(r"^(GM\d{4}|WK\d{6}|BU\d{8})$")
_PERIODE = re.compile(r"^(\d{4})JJ00$")


@dataclass(frozen=True)
class Rij:
    gebied: str
    naam: str
    periode: str  # "2024"
    onderwerp: str
    waarde: float


def niveau(code: str) -> str:
    return NIVEAUS[code[:2]]


def ouder(code: str) -> str | None:
    """BU99990101 lies in WK999901, which lies in GM9999 (the CBS code structure)."""
    if code.startswith("BU"):
        return "WK" + code[2:8]
    if code.startswith("WK"):
        return "GM" + code[2:6]
    return None


def lees_rijen(rijen: Iterable[Mapping[str, Any]], meting: str) -> list[Rij]:
    """Rows as CBS StatLine gives them (also `cbsodata.get_data`): the area code in
    'WijkenEnBuurten', the period as '2024JJ00', the measure in the column `meting`."""
    uit: list[Rij] = []
    for i, r in enumerate(rijen, start=1):
        code = str(r.get("WijkenEnBuurten", "")).strip()
        if not _CODE.match(code):
            raise OngeldigeInvoer(
                {f"rij {i}": "alleen gemeente-, wijk- of buurtcodes van het CBS (GM, WK, BU)"}
            )
        periode = _PERIODE.match(str(r.get("Perioden", "")).strip())
        if not periode:
            raise OngeldigeInvoer({f"rij {i}": "periode in de vorm 2024JJ00 (jaarcijfer)"})
        waarde = r.get(meting)
        if waarde in (None, "", "."):  # CBS writes '.' for unknown
            continue
        uit.append(
            Rij(
                code,
                str(r.get("Regioaanduiding") or r.get("Gemeentenaam") or code).strip(),
                periode.group(1),
                str(r.get("SoortMisdrijf", "")).strip(),
                float(waarde),
            )
        )
    return uit


def bewaar(sessie: Sessie, rijen: list[Rij], bron: str) -> int:
    if any(c.bron == bron for c in opslag.gebiedscijfers(sessie)):
        return 0
    bekend = {g.code for g in opslag.gebieden(sessie)}
    for code, naam in sorted({(r.gebied, r.naam) for r in rijen}, key=lambda x: len(x[0])):
        if code not in bekend:
            sessie.add(Gebied(code=code, naam=naam, niveau=niveau(code), ouder_code=ouder(code)))
            bekend.add(code)
        sessie.flush()
    moment = dt.datetime.now(dt.UTC)
    for r in rijen:
        sessie.add(
            Gebiedscijfer(
                bron=bron,
                periode=r.periode,
                gebied_code=r.gebied,
                onderwerp=r.onderwerp,
                waarde=r.waarde,
                opgehaald_op=moment,
            )
        )
    sessie.flush()
    return len(rijen)


def laad_voorbeeld(sessie: Sessie) -> int:
    tekst = (DATA / "gebiedsbeeld-voorbeeld.csv").read_text(encoding="utf-8")
    rijen = lees_rijen(
        csv.DictReader(io.StringIO(tekst), delimiter=";"), "GeregistreerdeMisdrijven"
    )
    return bewaar(sessie, rijen, VOORBEELD)


def haal_op(sessie: Sessie, tabel: str, meting: str, catalogus: str = "dataderden.cbs.nl") -> int:
    """Fetch a StatLine table (e.g. the police's 47018NED) with the optional cbsodata package."""
    try:
        import cbsodata  # type: ignore[import-not-found]
    except ImportError as exc:
        raise OngeldigeInvoer(
            {"cbsodata": "installeer het pakket cbsodata om CBS-tabellen op te halen"}
        ) from exc
    rijen = cbsodata.get_data(tabel, catalog_url=catalogus)
    return bewaar(sessie, lees_rijen(rijen, meting), f"{tabel}@{dt.date.today().isoformat()}")


class Gebiedsniveau(Keuze):
    GEMEENTE = "gemeente", "Gemeente"
    WIJK = "wijk", "Wijk"
    BUURT = "buurt", "Buurt"


class Gebiedsvraag(Invoer):
    niveau: Gebiedsniveau = veld("Niveau", standaard=Gebiedsniveau.BUURT)
    onderwerp: OptioneleTekst = veld("Onderwerp", standaard=None, max_length=200)
    periode: OptioneleTekst = veld("Jaar", standaard=None, max_length=20)

    meldingen: ClassVar[dict[str, str]] = {"niveau": "Kies gemeente, wijk of buurt."}


@dataclass(frozen=True)
class Gebiedswaarde:
    code: str
    naam: str
    ouder: str | None
    cel: Cel
    ouder_naam: str | None = None


@dataclass
class Gebiedsbeeld:
    bron: str
    niveau: str
    onderwerp: str
    periode: str
    onderwerpen: list[str]
    perioden: list[str]
    waarden: list[Gebiedswaarde]


class GebiedswaardeUit(Uitvoer):
    code: str
    naam: str
    ligt_in: str | None
    waarde: int | None = Field(description="leeg als het aantal te klein is om te tonen")


class GebiedsbeeldUit(Uitvoer):
    bron: str
    niveau: Gebiedsniveau
    onderwerp: str
    periode: str
    onderwerpen: list[str]
    perioden: list[str]
    waarden: list[GebiedswaardeUit]

    @classmethod
    def van(cls, b: Gebiedsbeeld) -> GebiedsbeeldUit:
        return cls(
            bron=b.bron,
            niveau=Gebiedsniveau(b.niveau),
            onderwerp=b.onderwerp,
            periode=b.periode,
            onderwerpen=b.onderwerpen,
            perioden=b.perioden,
            waarden=[
                GebiedswaardeUit(code=w.code, naam=w.naam, ligt_in=w.ouder, waarde=w.cel.waarde)
                for w in b.waarden
            ],
        )


def bekijk(ctx: Context, vraag: Gebiedsvraag) -> Gebiedsbeeld:
    """Figures per area at one level; never finer than a buurt, small counts hidden."""
    b = beeld(ctx.sessie, vraag.niveau.value, vraag.onderwerp, vraag.periode)
    if b is None:
        raise NietGevonden("Er zijn nog geen gebiedscijfers geladen.")
    return b


def beeld(
    sessie: Sessie,
    niveau_: str = "buurt",
    onderwerp: str | None = None,
    periode: str | None = None,
) -> Gebiedsbeeld | None:
    cijfers: list[Cijfer] = [*opslag.gebiedscijfers(sessie), *_sluitingen(sessie)]
    if not cijfers:
        return None
    if niveau_ not in NIVEAUS.values():
        raise OngeldigeInvoer({"niveau": "Kies gemeente, wijk of buurt."})
    onderwerpen = sorted({c.onderwerp for c in cijfers})
    gekozen_o = onderwerp if onderwerp in onderwerpen else onderwerpen[0]
    # The years of the chosen subject: the CBS tables and Integraal's own counts differ.
    van_onderwerp = [c for c in cijfers if c.onderwerp == gekozen_o]
    perioden = sorted({c.periode for c in van_onderwerp})
    gekozen_p = periode if periode in perioden else perioden[-1]
    gebieden = {g.code: g for g in opslag.gebieden(sessie)}
    waarden = [
        Gebiedswaarde(
            c.gebied_code,
            gebieden[c.gebied_code].naam if c.gebied_code in gebieden else c.gebied_code,
            ouder(c.gebied_code),
            onderdruk_een(round(c.waarde)),
            _naam(gebieden, ouder(c.gebied_code)),
        )
        for c in cijfers
        if c.onderwerp == gekozen_o and c.periode == gekozen_p and niveau(c.gebied_code) == niveau_
    ]
    if gekozen_o == SLUITINGEN:
        waarden = _ook_binnen_ouder(waarden, van_onderwerp, gekozen_p)
    return Gebiedsbeeld(
        van_onderwerp[0].bron,
        niveau_,
        gekozen_o,
        gekozen_p,
        onderwerpen,
        perioden,
        sorted(waarden, key=lambda w: w.code),
    )


SLUITINGEN = "Sluitingen door de burgemeester (Integraal)"


class Cijfer(Protocol):
    @property
    def gebied_code(self) -> str: ...
    @property
    def onderwerp(self) -> str: ...
    @property
    def periode(self) -> str: ...
    @property
    def waarde(self) -> float: ...
    @property
    def bron(self) -> str: ...


@dataclass(frozen=True)
class _Live:
    gebied_code: str
    onderwerp: str
    periode: str
    waarde: float
    bron: str = "Integraal: sluitingsbesluiten"


def _sluitingen(sessie: Sessie) -> list[_Live]:
    """Closures decided per year, counted per buurt and added up to wijk and gemeente (only
    closures with a buurt code; small cells are hidden where they are shown)."""
    telling: dict[tuple[str, str], int] = {}
    for t in kadastercijfers.sluitingen_per_buurt(sessie):
        code: str | None = t.buurt_code
        while code:
            sleutel = (code, str(t.jaar))
            telling[sleutel] = telling.get(sleutel, 0) + t.aantal
            code = ouder(code)
    return [_Live(c, SLUITINGEN, j, float(n)) for (c, j), n in sorted(telling.items())]


def _ook_binnen_ouder(
    waarden: list[Gebiedswaarde], cijfers: list[Cijfer], periode: str
) -> list[Gebiedswaarde]:
    """Closures are about homes: the areas within one parent add up to the parent's count,
    shown one level up, so one hidden area could be recomputed. Within each parent, a second
    area is hidden then (`onderdruk`), with the parent's total as the known sum."""
    totaal = {c.gebied_code: round(c.waarde) for c in cijfers if c.periode == periode}
    per_ouder: dict[str | None, dict[str, int]] = {}
    for w in waarden:
        per_ouder.setdefault(w.ouder, {})[w.code] = totaal[w.code]
    cellen: dict[str, Cel] = {}
    for ouder_code, kinderen in per_ouder.items():
        # Areas of the parent without closures are known zeros: they take no part.
        cellen |= (
            onderdruk(kinderen)
            if ouder_code
            else {k: onderdruk_een(n) for k, n in kinderen.items()}
        )
    return [dataclasses.replace(w, cel=cellen[w.code]) for w in waarden]


def _naam(gebieden: Mapping[str, Gebied], code: str | None) -> str | None:
    return gebieden[code].naam if code and code in gebieden else None


def tegelkaart(b: Gebiedsbeeld) -> str:
    """A tile map: one square per area, grouped by the area above it, shaded by value. Without
    the CBS geometries a cartogram is the honest map; it never shows anything finer than a
    buurt. Returned as SVG text with a title and description."""
    from markupsafe import escape

    groepen: dict[str, list[Gebiedswaarde]] = {}
    for w in b.waarden:
        groepen.setdefault(w.ouder_naam or w.ouder or "", []).append(w)
    hoogste = max((w.cel.waarde or 0 for w in b.waarden), default=0) or 1
    tegel, marge = 110, 8
    breedte = max(len(g) for g in groepen.values()) * (tegel + marge) + marge if groepen else 200
    hoogte = len(groepen) * (tegel + marge + 18) + marge
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" role="img" '
        f'viewBox="0 0 {breedte} {hoogte}" width="{breedte}" height="{hoogte}">',
        f"<title>{escape(b.onderwerp)} per {b.niveau}, {b.periode}</title>",
        "<desc>" + escape("; ".join(f"{w.naam}: {w.cel.tekst()}" for w in b.waarden)) + "</desc>",
    ]
    for r, (ouder_code, leden) in enumerate(sorted(groepen.items())):
        y = marge + r * (tegel + marge + 18)
        delen.append(
            f'<text x="{marge}" y="{y + 12}" font-size="12" fill="#222">{escape(ouder_code)}</text>'
        )
        for k, w in enumerate(leden):
            x = marge + k * (tegel + marge)
            aandeel = (w.cel.waarde or 0) / hoogste
            kleur = "#d9d9d9" if w.cel.waarde is None else _tint(aandeel)
            tekstkleur = "#fff" if w.cel.waarde is not None and aandeel > 0.5 else "#111"
            delen.append(
                f'<rect x="{x}" y="{y + 18}" width="{tegel}" height="{tegel}" fill="{kleur}" '
                f'stroke="#555"/>'
                f'<text x="{x + 6}" y="{y + 36}" font-size="11" fill="{tekstkleur}">'
                f"{escape(w.naam[:16])}</text>"
                f'<text x="{x + 6}" y="{y + 60}" font-size="18" font-weight="bold" '
                f'fill="{tekstkleur}">{escape(w.cel.tekst())}</text>'
            )
    delen.append("</svg>")
    return "".join(delen)


def _tint(aandeel: float) -> str:
    """From light to the Rijkshuisstijl dark blue (#154273)."""
    licht, donker = (0xDC, 0xE8, 0xF5), (0x15, 0x42, 0x73)
    rgb = [round(a + (b - a) * aandeel) for a, b in zip(licht, donker, strict=True)]
    return "#" + "".join(f"{c:02x}" for c in rgb)


KOLOMMEN = ("CBS-gebiedscode", "naam", "niveau", "periode", "onderwerp", "waarde")


def rijen(b: Gebiedsbeeld) -> list[list[object]]:
    return [
        [
            w.code,
            w.naam,
            b.niveau,
            b.periode,
            b.onderwerp,
            w.cel.waarde if w.cel.waarde is not None else f"<{KLEINSTE_CEL}",
        ]
        for w in b.waarden
    ]
