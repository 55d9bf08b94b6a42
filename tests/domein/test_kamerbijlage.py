# SPDX-License-Identifier: EUPL-1.2
"""The appendix on motions and commitments (source letter 000), read into records."""

from __future__ import annotations

import pytest

from integraal.domein.kamerbijlage import Lid, leden, lees, stel_status_voor
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
    assert items[("Weerbaarheid", "n")].status_reden == (
        "geen woorden van afdoening of voortgang gevonden"
    )


V, DV, AF, OS = TKStatus.VOLDAAN, TKStatus.DEELS_VOLDAAN, TKStatus.AFGEDAAN, TKStatus.OPENSTAAND
UIT, BEZIG, NIET = Uitvoering.UITGEVOERD, Uitvoering.IN_UITVOERING, Uitvoering.NIET_UITVOERBAAR

# Judged by hand from each item's state of affairs: the suggestion and the words it rests on
# (the start of the quoted sentence). None: no words of either kind (the officer decides).
STATUS: dict[tuple[str, str], tuple[TKStatus, Uitvoering | None, str | None]] = {
    ("Weerbaarheid", "a"): (V, None, "Deze toezegging is gestand gedaan"),
    ("Weerbaarheid", "b"): (OS, None, "Er wordt op dit moment bekeken"),
    ("Weerbaarheid", "c"): (V, UIT, "Hiermee is deze motie gestand gedaan"),
    ("Weerbaarheid", "d"): (V, None, "De toezegging is hiermee gestand gedaan"),
    # The exploration is done, the communication it led to is still being written.
    ("Weerbaarheid", "e"): (DV, None, "Ik heb een verkenning uitgevoerd"),
    ("Weerbaarheid", "f"): (OS, None, "Er lopen momenteel gesprekken"),
    ("Weerbaarheid", "g"): (OS, None, "Ik bezie momenteel met de Belastingdienst"),
    ("Weerbaarheid", "h"): (OS, BEZIG, "Hiermee wordt uitvoering gegeven aan de motie"),
    ("Weerbaarheid", "i"): (OS, BEZIG, "Er wordt samen met de minister van EZ gekeken"),
    # Not possible until the AML package is in force.
    ("Weerbaarheid", "j"): (OS, NIET, "Tot aan inwerkingtreding van het AML-pakket"),
    ("Weerbaarheid", "k"): (OS, BEZIG, "Er wordt samen met de minister van EZ gekeken"),
    ("Weerbaarheid", "l"): (OS, BEZIG, "Er wordt samen met de minister van EZ gekeken"),
    ("Weerbaarheid", "m"): (OS, None, "Er wordt met betrokken ministeries in gesprek gegaan"),
    ("Weerbaarheid", "n"): (OS, None, None),
    ("Internationale aanpak", "a"): (OS, BEZIG, "Het eerstvolgende JVO vindt op 20 juni"),
    ("Internationale aanpak", "b"): (OS, BEZIG, "Afgesproken is dat het overleg"),
    ("Brede basis", "a"): (OS, BEZIG, "Momenteel wordt deze werkwijze"),
    ("Brede basis", "b"): (OS, BEZIG, "zoals bij onderdeel a."),
    ("Brede basis", "c"): (V, None, "toegezegd om in deze halfjaarbrief"),
    # Informed as promised, but the talks are still going on.
    ("Brede basis", "d"): (DV, None, "In de vorige halfjaarbrief heb ik u"),
    # The written response is given; that work on airports goes on does not make it partial.
    ("Brede basis", "e"): (V, None, "Tijdens het commissiedebat van 4 februari 2025"),
    ("Brede basis", "f"): (OS, None, "De Tweede Kamer wordt geïnformeerd"),
    ("Brede basis", "g"): (OS, BEZIG, "Er wordt momenteel een bredere samenwerkingsstructuur"),
    ("Brede basis", "h"): (OS, None, "Momenteel leggen een aantal gemeenten"),
    ("Brede basis", "i"): (AF, UIT, "Daarmee beschouwen we de motie als uitgevoerd en afgedaan"),
    ("Brede basis", "j"): (OS, BEZIG, "Deze motie wordt meegenomen"),
}


def test_elke_stand_van_zaken_krijgt_de_juiste_suggestie() -> None:
    gevonden = {
        (i.thema, i.letter): (
            i.status,
            i.uitvoering,
            None if i.status_reden.startswith("geen woorden") else i.status_reden,
        )
        for i in lees(BIJLAGE)
    }
    assert gevonden.keys() == STATUS.keys()
    for sleutel, (status, uitvoering, begin) in STATUS.items():
        s, u, reden = gevonden[sleutel]
        assert (s, u) == (status, uitvoering), sleutel
        assert (reden is None) == (begin is None), sleutel
        if begin is not None and reden is not None:
            assert reden.lstrip("‘").startswith(begin), (sleutel, reden)


# Phrasings about motions and commitments in the other letters, quoted as they stand.
ZINNEN: list[tuple[str, str, Soort, TKStatus, Uitvoering | None]] = [
    (
        "001",
        "In het volgende halfjaarbericht politie wordt ingegaan op de uitvoering van de motie",
        M,
        OS,
        BEZIG,
    ),
    (
        "002",
        "Ik streef ernaar uw Kamer voor het zomerreces van 2022 nader te informeren over de "
        "uitvoering van de motie.",
        M,
        OS,
        BEZIG,
    ),
    (
        "002",
        "In deze brief doe ik die toezegging, ook namens de Minister voor Rechtsbescherming, "
        "gestand.",
        T,
        V,
        None,
    ),
    ("002", "Met het plan van aanpak wordt uitvoering gegeven aan drie moties.", M, OS, BEZIG),
    ("002", "Voor de uitvoering van de motie van het lid Michon-Derkzen", M, OS, BEZIG),
    (
        "002",
        "De resultaten van deze pilot worden betrokken bij de invulling van de motie",
        M,
        OS,
        BEZIG,
    ),
    (
        "003",
        "In deze brief doe ik die toezegging, ook namens de minister voor Rechtsbescherming, "
        "gestand.",
        T,
        V,
        None,
    ),
]


def _normaal(tekst: str) -> str:
    return " ".join(tekst.split())


@pytest.mark.parametrize(("brief", "zin", "soort", "status", "uitvoering"), ZINNEN)
def test_formuleringen_uit_de_andere_brieven(
    brief: str, zin: str, soort: Soort, status: TKStatus, uitvoering: Uitvoering | None
) -> None:
    tekst = next(BRIEVEN.glob(f"{brief}_*.txt")).read_text()
    assert _normaal(zin) in _normaal(tekst)
    assert stel_status_voor(soort, zin)[:2] == (status, uitvoering)


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
