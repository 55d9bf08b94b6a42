# SPDX-License-Identifier: EUPL-1.2
"""Reading the appendix of a half-year letter that reports on motions and commitments.

The appendix lists, per theme, items like "c. Motie van het lid Mutluer (GL/PvdA) over …" or
"d. Toezegging: de Tweede Kamer informeren over …", each followed by the state of affairs. Each
item becomes one record for a policy officer to review: kind, members and their parties, subject,
the text, footnotes, the references it cites, and a suggested status with the words that
suggested it. The suggestion is never applied without review.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from integraal.domein.monitor import Soort, TKStatus, Uitvoering
from integraal.domein.verwijzingen import Verwijzing, vind

_THEMA = re.compile(r"^\s*\d+\.\s+(?P<naam>[A-Z][^.:]{2,60})\s*$")
_ITEM = re.compile(r"^\s*(?P<letter>[a-z])\.\s+(?P<kop>(?:Toezegging|Motie)\b.*)$")
_MOTIE = re.compile(
    r"^Motie\s+van\s+(?:het\s+lid|de\s+leden)\s+(?P<leden>.+?)\s+over\s+(?P<onderwerp>.+)$"
)
_TOEZEGGING = re.compile(r"^Toezegging:\s*(?P<onderwerp>.+)$")
_LID = re.compile(r"^(?P<naam>.+?)\s*(?:\((?P<partij>[^)]+)\))?$")
_VOETNOOT_REF = re.compile(r"\[footnoteRef:\d+\]")
_VOETNOOT = re.compile(r"\[(?P<n>\d+):\s*(?P<tekst>[^\]]*)\]")

# Words in the state of affairs that suggest a status; first match wins, most specific first.
_STATUSWOORDEN: tuple[tuple[str, TKStatus, Uitvoering | None], ...] = (
    (r"deels\s+(?:gestand\s+gedaan|voldaan)", TKStatus.DEELS_VOLDAAN, Uitvoering.IN_UITVOERING),
    (r"uitgevoerd\s+en\s+afgedaan", TKStatus.AFGEDAAN, Uitvoering.UITGEVOERD),
    (r"\bafgedaan\b", TKStatus.AFGEDAAN, Uitvoering.UITGEVOERD),
    (r"gestand\s+gedaan", TKStatus.VOLDAAN, Uitvoering.UITGEVOERD),
    (r"wordt\s+(?:hiermee\s+)?uitvoering\s+gegeven", TKStatus.OPENSTAAND, Uitvoering.IN_UITVOERING),
    (r"\bvervallen\b", TKStatus.VERVALLEN, Uitvoering.NIET_UITVOERBAAR),
)


@dataclass(frozen=True)
class Lid:
    naam: str
    partij: str | None


@dataclass(frozen=True)
class Item:
    thema: str
    letter: str
    soort: Soort
    onderwerp: str
    kop: str  # the item's first line as in the letter
    leden: tuple[Lid, ...] = ()
    cum_suis: bool = False  # "c.s.": more members signed than are named
    tekst: str = ""
    voetnoten: tuple[str, ...] = ()
    verwijzingen: tuple[Verwijzing, ...] = ()
    status: TKStatus = TKStatus.OPENSTAAND
    uitvoering: Uitvoering | None = None
    status_reden: str = field(default="")

    @property
    def partijen(self) -> tuple[str, ...]:
        uit: list[str] = []
        for lid in self.leden:
            if lid.partij and lid.partij not in uit:
                uit.append(lid.partij)
        return tuple(uit)


def leden(tekst: str) -> tuple[tuple[Lid, ...], bool]:
    """'Bikker en Ceder (Chr. Unie)' → both Chr. Unie; 'Boswijk c.s.' → one named member."""
    cum_suis = bool(re.search(r"\s+c\.s\.?$", tekst))
    tekst = re.sub(r"\s+c\.s\.?$", "", tekst)
    delen: list[str] = []
    diepte, begin = 0, 0
    for m in re.finditer(r"\(|\)|\s+en\s+|,\s+", tekst):
        if m.group(0) == "(":
            diepte += 1
        elif m.group(0) == ")":
            diepte -= 1
        elif diepte == 0:
            delen.append(tekst[begin : m.start()])
            begin = m.end()
    delen.append(tekst[begin:])
    gelezen: list[tuple[str, str | None]] = []
    for deel in delen:
        lid = _LID.match(deel.strip())
        if lid:
            gelezen.append((lid["naam"].strip(), lid["partij"].strip() if lid["partij"] else None))
    uit: list[Lid] = []
    for i, (naam, partij) in enumerate(gelezen):
        if partij is None:
            # "A en B (Partij)": a party after the last of a run belongs to the whole run
            partij = next((p for _, p in gelezen[i + 1 :] if p), None)
        uit.append(Lid(naam, partij))
    return tuple(uit), cum_suis


def voetnoten(tekst: str) -> tuple[str, list[tuple[str, str]]]:
    """The text without its inline footnotes ("[footnoteRef:1]" … "[1: text]"), and the
    footnotes as (number, text)."""
    noten = [(m["n"], m["tekst"].strip()) for m in _VOETNOOT.finditer(tekst)]
    schoon = _VOETNOOT.sub("", _VOETNOOT_REF.sub("", tekst))
    return re.sub(r"[ \t]+\n", "\n", schoon).strip(), noten


def _status(soort: Soort, tekst: str) -> tuple[TKStatus, Uitvoering | None, str]:
    for patroon, status, uitvoering in _STATUSWOORDEN:
        m = re.search(patroon, tekst, flags=re.IGNORECASE)
        if m:
            zin = _zin_rond(tekst, m.start())
            return status, uitvoering if soort is Soort.MOTIE else None, f"‘{zin}’"
    return (
        TKStatus.OPENSTAAND,
        Uitvoering.IN_UITVOERING if soort is Soort.MOTIE else None,
        "geen woorden van afdoening gevonden",
    )


def _zin_rond(tekst: str, pos: int) -> str:
    punt, regel = tekst.rfind(". ", 0, pos), tekst.rfind("\n", 0, pos)
    begin = max(punt + 2 if punt >= 0 else 0, regel + 1)
    eind = tekst.find(".", pos)
    return tekst[begin : eind + 1 if eind >= 0 else len(tekst)].strip()


def _item(thema: str, letter: str, kop: str, regels: list[str]) -> Item:
    kop = kop.strip().rstrip(";").strip()
    tekst, genummerd = voetnoten("\n".join(regels))
    noten = tuple(noot for _, noot in genummerd)
    verwijzingen = tuple(vind(" ".join(noten) + "\n" + tekst))
    m = _MOTIE.match(kop)
    if m:
        gevonden, cs = leden(m["leden"])
        soort, onderwerp = Soort.MOTIE, m["onderwerp"].strip()
    else:
        t = _TOEZEGGING.match(kop)
        if not t:
            raise ValueError(f"onderdeel {letter}. is geen motie of toezegging: {kop!r}")
        gevonden, cs, soort, onderwerp = (), False, Soort.TOEZEGGING, t["onderwerp"].strip()
    status, uitvoering, reden = _status(soort, tekst)
    return Item(
        thema=thema,
        letter=letter,
        soort=soort,
        onderwerp=onderwerp,
        kop=kop,
        leden=gevonden,
        cum_suis=cs,
        tekst=tekst,
        voetnoten=noten,
        verwijzingen=verwijzingen,
        status=status,
        uitvoering=uitvoering,
        status_reden=reden,
    )


def lees(tekst: str) -> Iterator[Item]:
    """Every motion and commitment in the appendix, in the order of the letter."""
    thema = ""
    huidig: tuple[str, str] | None = None
    regels: list[str] = []
    for regel in tekst.splitlines():
        t = _THEMA.match(regel)
        i = _ITEM.match(regel)
        if t or i:
            if huidig:
                yield _item(thema, huidig[0], huidig[1], regels)
                huidig, regels = None, []
            if t:
                thema = t["naam"].strip()
            else:
                assert i is not None
                # a heading may continue on the item's line after the subject (footnote etc.)
                huidig = (i["letter"], i["kop"])
            continue
        if huidig:
            regels.append(regel)
    if huidig:
        yield _item(thema, huidig[0], huidig[1], regels)
