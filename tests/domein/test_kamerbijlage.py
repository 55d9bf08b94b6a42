# SPDX-License-Identifier: EUPL-1.2
"""The appendix on motions and commitments (source letter 000), read into records."""

from __future__ import annotations

from integraal.domein.kamerbijlage import Lid, leden, lees
from integraal.domein.monitor import Soort, TKStatus, Uitvoering
from integraal.monitor.bronbrieven import BRIEVEN

BIJLAGE = (BRIEVEN / "000_b2b77f0e7130e837.txt").read_text()
T, M = Soort.TOEZEGGING, Soort.MOTIE
GLPVDA, SP, VVD, CU = "GL/PvdA", "SP", "VVD", "Chr. Unie"

# Made by hand from the letter: theme, item, kind, members with their parties.
VERWACHT: list[tuple[str, str, Soort, list[tuple[str, str | None]]]] = [
    ("Weerbaarheid", "a", T, []),
    ("Weerbaarheid", "b", T, []),
    ("Weerbaarheid", "c", M, [("Mutluer", GLPVDA)]),
    ("Weerbaarheid", "d", T, []),
    ("Weerbaarheid", "e", T, []),
    ("Weerbaarheid", "f", T, []),
    ("Weerbaarheid", "g", T, []),
    ("Weerbaarheid", "h", M, [("Mutluer", GLPVDA), ("Six Dijkstra", "NSC")]),
    ("Weerbaarheid", "i", M, [("Michon-Derkzen", VVD), ("van Nispen", SP)]),
    ("Weerbaarheid", "j", M, [("Bikker", CU), ("van Nispen", SP)]),
    ("Weerbaarheid", "k", M, [("Mutluer", GLPVDA)]),
    ("Weerbaarheid", "l", M, [("Mutluer", GLPVDA), ("van Nispen", SP)]),
    ("Weerbaarheid", "m", T, []),
    ("Weerbaarheid", "n", T, []),
    ("Internationale aanpak", "a", M, [("Mutluer", GLPVDA)]),
    ("Internationale aanpak", "b", M, [("van Nispen", SP)]),
    ("Brede basis", "a", M, [("Michon-Derkzen", VVD)]),
    ("Brede basis", "b", M, [("Michon-Derkzen", VVD)]),
    ("Brede basis", "c", T, []),
    ("Brede basis", "d", T, []),
    ("Brede basis", "e", T, []),
    ("Brede basis", "f", T, []),
    ("Brede basis", "g", M, [("Bikker", CU), ("Ceder", CU)]),
    ("Brede basis", "h", T, []),
    ("Brede basis", "i", M, [("Boswijk", None)]),  # "c.s.": the letter names no party
    ("Brede basis", "j", M, [("Ellian", VVD), ("van Nisen", SP)]),  # sic: as the letter spells it
]


def test_een_record_per_motie_of_toezegging_met_leden_en_partijen() -> None:
    items = list(lees(BIJLAGE))
    gevonden = [
        (i.thema, i.letter, i.soort, [(lid.naam, lid.partij) for lid in i.leden]) for i in items
    ]
    assert gevonden == VERWACHT


def test_onderwerp_status_voetnoten_en_verwijzingen() -> None:
    items = {(i.thema, i.letter): i for i in lees(BIJLAGE)}
    c = items[("Weerbaarheid", "c")]
    assert c.onderwerp.startswith("dat gemeenten allerlei programma’s inzetten")
    assert (c.status, c.uitvoering) == (TKStatus.VOLDAAN, Uitvoering.UITGEVOERD)
    assert c.status_reden == "‘Hiermee is deze motie gestand gedaan.’"
    assert "[footnoteRef" not in c.tekst and len(c.voetnoten) == 1
    a = items[("Weerbaarheid", "a")]
    assert a.status is TKStatus.VOLDAAN and a.uitvoering is None  # a commitment has no execution
    i = items[("Brede basis", "i")]
    assert i.cum_suis and i.status is TKStatus.AFGEDAAN
    h = items[("Weerbaarheid", "h")]
    assert (h.status, h.uitvoering) == (TKStatus.OPENSTAAND, Uitvoering.IN_UITVOERING)
    e = items[("Brede basis", "e")]
    assert [v.sleutel for v in e.verwijzingen] == ["kst-24077-504"]
    assert items[("Weerbaarheid", "b")].status_reden == "geen woorden van afdoening gevonden"


def test_leden_lezen() -> None:
    assert leden("Bikker en Ceder (Chr. Unie)") == (
        (Lid("Bikker", CU), Lid("Ceder", CU)),
        False,
    )
    assert leden("Boswijk c.s.") == ((Lid("Boswijk", None),), True)
    assert leden("van der Staaij (SGP), Mutluer (GL/PvdA) en Ellian (VVD)")[0] == (
        Lid("van der Staaij", "SGP"),
        Lid("Mutluer", GLPVDA),
        Lid("Ellian", VVD),
    )
