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
from dataclasses import dataclass, field, replace

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

# Words in the state of affairs that suggest a status, collected from the five letters (each
# phrasing is a case in tests/domein/test_kamerbijlage.py). Words that say the item is done;
# words that say part of what was promised is still to come (a later report, talks still
# going on); words of work in progress in general; words that it cannot be done now. Done
# with something still to come suggests "partly done"; done with work going on in general
# does not (policy goes on after a commitment is met).
_DEELS = (r"\bdeels\s+(?:gestand\s+gedaan|voldaan|uitgevoerd|afgedaan)\b",)
_AFGEDAAN = (
    r"\buitgevoerd\s+en\s+afgedaan\b",
    r"\bals\s+afgedaan\b",
    r"\bis\s+(?:\w+\s+)?afgedaan\b",
)
_VOLDAAN = (
    r"\bgestand\s+gedaan\b",
    r"\bdoe\s+ik\b[^.]{0,80}\bgestand\b",
    r"\b(?:is|wordt)\s+(?:hiermee\s+|daarmee\s+)?(?:aan\s+)?(?:de|deze)\s+"
    r"(?:motie|toezegging)\s+voldaan\b",
    r"\btoegezegd\s+om\s+in\s+deze\s+(?:halfjaar)?brief\b",
    r"\btoegezegd\s+om\s+schriftelijk\s+te\s+reageren\b",
    r"\btoegezegd\s+in\s+[^.]{0,60}\bnader\s+te\s+informeren\b",
    r"\bheb\s+(?:ik\s+)?(?:een|de)\s+\w+\s+uitgevoerd\b",
)
_NOG = (
    r"\bniet\s+mogelijk\s+is\s+de\s+motie\b[^.]{0,40}\baf\s+te\s+doen\b",
    r"\bnader\s+te\s+informeren\s+over\s+de\s+uitvoering\b",
    r"\bwordt\s+ingegaan\s+op\s+de\s+uitvoering\b",
    r"\b(?:zal|wordt|worden)\s+(?:uw|de)\s+(?:Tweede\s+)?Kamer\s+(?:\w+\s+)?geïnformeerd\b",
    r"\b(?:uw|de)\s+(?:Tweede\s+)?Kamer\s+(?:wordt|zal\s+worden)\s+(?:\w+\s+)?geïnformeerd\b",
    r"\bzal\s+uw\s+Kamer\s+worden\s+geïnformeerd\b",
    r"\bnog\s+gaande\b",
    r"\bwerk\s+ik\s+aan\b",
    r"\bzal\s+zo\s+snel\s+mogelijk\b",
)
_BEZIG = (
    r"\bwordt\s+(?:hiermee\s+)?uitvoering\s+gegeven\b",
    r"\bvoor\s+de\s+uitvoering\s+van\s+de\s+motie\b",
    r"\bbetrokken\s+bij\s+de\s+invulling\s+van\s+de\s+motie\b",
    r"\bwordt\s+meegenomen\b",
    r"\b(?:wordt|worden)\s+(?:\w+\s+){0,6}(?:gekeken|bekeken|besproken)\b",
    r"\bwordt\s+(?:\w+\s+){0,4}in\s+gesprek\s+gegaan\b",
    r"\bbezie\s+(?:ik\s+)?momenteel\b",
    r"\blopen\s+momenteel\s+gesprekken\b",
    r"\bmomenteel\s+wordt\b",
    r"\bwordt\s+momenteel\b[^.]{0,40}\bopgezet\b",
    r"\bleggen\s+(?:\w+\s+){0,4}de\s+laatste\s+hand\b",
    r"\bafgesproken\s+is\s+dat\b",
)
_NIET_MOGELIJK = (r"\bzijn\s+er\s+(?:derhalve\s+)?geen\s+mogelijkheden\b",)
_VERVALLEN = (r"\bvervallen\b",)
# An item that points to the one before it ("Zie stand van zaken bovenstaande motie.").
_ZIE_BOVEN = re.compile(r"^\s*Zie\s+stand\s+van\s+zaken\s+(?:bovenstaande|vorige)\b", re.I)


def _eerste(patronen: tuple[str, ...], tekst: str) -> re.Match[str] | None:
    treffers = [m for p in patronen if (m := re.search(p, tekst, flags=re.IGNORECASE))]
    return min(treffers, key=lambda m: m.start()) if treffers else None


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


def stel_status_voor(soort: Soort, tekst: str) -> tuple[TKStatus, Uitvoering | None, str]:
    """The suggested status, our execution status for a motion, and the words behind it."""
    motie = soort is Soort.MOTIE

    def uit(
        status: TKStatus, uitvoering: Uitvoering, *woorden: re.Match[str]
    ) -> tuple[TKStatus, Uitvoering | None, str]:
        reden = " … ".join(f"‘{_zin_rond(tekst, m.start())}’" for m in woorden)
        return status, uitvoering if motie else None, reden

    deels, af, klaar, nog, bezig, niet, vervallen = (
        _eerste(p, tekst)
        for p in (_DEELS, _AFGEDAAN, _VOLDAAN, _NOG, _BEZIG, _NIET_MOGELIJK, _VERVALLEN)
    )
    gedaan = af or klaar
    if deels:
        return uit(TKStatus.DEELS_VOLDAAN, Uitvoering.IN_UITVOERING, deels)
    if gedaan and nog:
        return uit(TKStatus.DEELS_VOLDAAN, Uitvoering.IN_UITVOERING, gedaan, nog)
    if gedaan:
        status = TKStatus.AFGEDAAN if af else TKStatus.VOLDAAN
        return uit(status, Uitvoering.UITGEVOERD, gedaan)
    if vervallen:
        return uit(TKStatus.VERVALLEN, Uitvoering.NIET_UITVOERBAAR, vervallen)
    if niet:
        return uit(TKStatus.OPENSTAAND, Uitvoering.NIET_UITVOERBAAR, niet)
    if nog or bezig:
        woord = min((m for m in (nog, bezig) if m), key=lambda m: m.start())
        return uit(TKStatus.OPENSTAAND, Uitvoering.IN_UITVOERING, woord)
    return (
        TKStatus.OPENSTAAND,
        Uitvoering.IN_UITVOERING if motie else None,
        "geen woorden van afdoening of voortgang gevonden",
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
    status, uitvoering, reden = stel_status_voor(soort, tekst)
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
    """Every motion and commitment in the appendix, in the order of the letter. An item that
    refers to the state of affairs of the one above takes that item's suggestion."""
    vorige: Item | None = None
    for item in _items(tekst):
        if vorige is not None and _ZIE_BOVEN.match(item.tekst):
            item = replace(
                item,
                status=vorige.status,
                uitvoering=vorige.uitvoering if item.soort is Soort.MOTIE else None,
                status_reden=f"zoals bij onderdeel {vorige.letter}.: {vorige.status_reden}",
            )
        vorige = item
        yield item


def _items(tekst: str) -> Iterator[Item]:
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
