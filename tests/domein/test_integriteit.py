# SPDX-License-Identifier: EUPL-1.2
"""Each detection rule fires on a world where it must and stays quiet on one where it must not
(issue 20). The worlds are small streams of events; the thresholds are the shipped ones."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from integraal.domein.integriteit import (
    Afscherming,
    Afschermingssoort,
    Detector,
    Gebeurtenis,
    Omstandigheden,
    Soort,
)
from integraal.logboek.controleregels import lees_regelset, regelset

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)  # a Monday, 10:00 in Amsterdam
RIEC = "riec-rotterdam"


def _detector(regel_id: str) -> Detector:
    return Detector([d for d in regelset().definities if d.id == regel_id])


def _g(
    minuut: float,
    soort: Soort = Soort.LEZING,
    betrokkene: str | None = "p1",
    *,
    gebruiker: int = 7,
    casus: str | None = None,
    verstrekker: str | None = "politie",
    handeling: str = "entiteit lezen",
    aantal: int = 1,
    tijd: dt.datetime | None = None,
) -> Gebeurtenis:
    return Gebeurtenis(
        tijd=tijd or T0 + dt.timedelta(minutes=minuut),
        gebruiker_id=gebruiker,
        organisatie_id=RIEC,
        soort=soort,
        handeling=handeling,
        betrokkene=betrokkene,
        casus_id=casus,
        verstrekker=verstrekker,
        volgnummer=int(minuut * 10) + 1,
        aantal=aantal,
    )


def _treffers(
    regel_id: str, stroom: list[Gebeurtenis], o: Omstandigheden | None = None
) -> list[str]:
    return [t.regel_id for t in _detector(regel_id).alles(stroom, o or Omstandigheden())]


def test_bulk() -> None:
    veel = [_g(i * 0.2, betrokkene=f"p{i}") for i in range(40)]
    assert _treffers("BULK", veel) == ["BULK"]
    # The same number, spread over hours, or one person read forty times: no alert.
    verspreid = [_g(i * 20, betrokkene=f"p{i}") for i in range(40)]
    dezelfde = [_g(i * 0.2, betrokkene="p1") for i in range(40)]
    assert _treffers("BULK", verspreid) == _treffers("BULK", dezelfde) == []


def test_buiten_casus() -> None:
    buiten = [_g(i, betrokkene=f"p{i}") for i in range(15)]
    assert _treffers("BUITEN-CASUS", buiten) == ["BUITEN-CASUS"]
    in_casus = Omstandigheden(casussubjecten={7: frozenset(f"p{i}" for i in range(15))})
    assert _treffers("BUITEN-CASUS", buiten, in_casus) == []
    # Reading one's own organisation's administration is one's own task.
    eigen = [_g(i, betrokkene=f"p{i}", verstrekker=RIEC) for i in range(15)]
    assert _treffers("BUITEN-CASUS", eigen) == []


@pytest.mark.parametrize(
    ("soort", "organisatie", "regel"),
    [
        (Afschermingssoort.GETUIGE, "om", "AFGESCHERMD"),
        (Afschermingssoort.MEDEWERKER, "belastingdienst", "AFGESCHERMD"),
        (Afschermingssoort.MEDEWERKER, RIEC, "COLLEGA"),
    ],
)
def test_afgeschermd_en_collega(soort: Afschermingssoort, organisatie: str, regel: str) -> None:
    o = Omstandigheden(afgeschermd={"p1": Afscherming(soort, organisatie)})
    andere = "COLLEGA" if regel == "AFGESCHERMD" else "AFGESCHERMD"
    assert _treffers(regel, [_g(1)], o) == [regel]
    assert _treffers(andere, [_g(1)], o) == []
    # Someone not on the list: nothing.
    assert _treffers(regel, [_g(1, betrokkene="p2")], o) == []


def test_ongewoon_uur() -> None:
    # Thirty working days of reads at ten in the morning, then one at three at night.
    gewoon = [
        _g(0, betrokkene=f"p{d}-{i}", tijd=T0 + dt.timedelta(days=d, minutes=i))
        for d in range(25)
        for i in range(3)
    ]
    nacht = _g(0, tijd=T0 + dt.timedelta(days=26, hours=17))  # 03:00 in Amsterdam
    assert _treffers("ONGEWOON-UUR", [*gewoon, nacht]) == ["ONGEWOON-UUR"]
    # The same hour for someone who reads at night as often as by day: no alert.
    nachtwerk = gewoon + [
        _g(0, betrokkene=f"n{d}", tijd=T0 + dt.timedelta(days=d, hours=17)) for d in range(25)
    ]
    nachtwerk.sort(key=lambda g: g.tijd)
    assert _treffers("ONGEWOON-UUR", [*nachtwerk, nacht]) == []
    # Too little history to know what is usual: no alert either.
    assert _treffers("ONGEWOON-UUR", [*gewoon[:20], nacht]) == []


def test_herhaald_geweigerd() -> None:
    pogingen = [_g(i * 5, Soort.WEIGERING, None, handeling="entiteit lezen") for i in range(8)]
    assert _treffers("HERHAALD-GEWEIGERD", pogingen) == ["HERHAALD-GEWEIGERD"]
    assert _treffers("HERHAALD-GEWEIGERD", pogingen[:7]) == []
    uitgespreid = [_g(i * 30, Soort.WEIGERING, None) for i in range(8)]
    assert _treffers("HERHAALD-GEWEIGERD", uitgespreid) == []


def test_export_veel() -> None:
    assert _treffers("EXPORT-VEEL", [_g(1, Soort.EXPORT, None, aantal=25)]) == ["EXPORT-VEEL"]
    assert _treffers("EXPORT-VEEL", [_g(1, Soort.EXPORT, None, aantal=24)]) == []


def test_zoeken_dan_lezen() -> None:
    zoek = _g(0, Soort.ZOEKTREFFER, handeling="entiteiten zoeken")
    assert _treffers("ZOEKEN-DAN-LEZEN", [zoek, _g(5)]) == ["ZOEKEN-DAN-LEZEN"]
    # Searched within a case, read within a case, or read much later: no alert.
    in_casus = _g(0, Soort.ZOEKTREFFER, casus="C-1", handeling="entiteiten zoeken")
    assert _treffers("ZOEKEN-DAN-LEZEN", [in_casus, _g(5)]) == []
    assert _treffers("ZOEKEN-DAN-LEZEN", [zoek, _g(5, casus="C-1")]) == []
    assert _treffers("ZOEKEN-DAN-LEZEN", [zoek, _g(45)]) == []
    # Another user's search does not count.
    assert _treffers("ZOEKEN-DAN-LEZEN", [zoek, _g(5, gebruiker=8)]) == []


def test_de_toestand_overleeft_een_onderbreking() -> None:
    """Saved after half a burst and restored, the detector finds what one run would find:
    the cursor's state is what lets a run examine no line twice."""
    veel = [_g(i * 0.2, betrokkene=f"p{i}") for i in range(40)]
    heel = _treffers("BULK", veel)
    eerste = _detector("BULK")
    assert eerste.alles(veel[:25], Omstandigheden()) == []
    tweede = _detector("BULK")
    tweede.herstel(json.loads(json.dumps(eerste.toestand())))
    assert [t.regel_id for t in tweede.alles(veel[25:], Omstandigheden())] == heel == ["BULK"]


def test_de_uitleg_noemt_wat_geteld_is() -> None:
    veel = [_g(i * 0.2, betrokkene=f"p{i}") for i in range(40)]
    (t,) = _detector("BULK").alles(veel, Omstandigheden())
    assert "40 verschillende betrokkenen" in t.uitleg and "drempel is 40" in t.uitleg


def test_een_regelbestand_met_een_onbekende_soort_wordt_geweigerd() -> None:
    with pytest.raises(ValueError, match="onbekende soort"):
        lees_regelset(
            "versie: '1'\nregels:\n  - {id: X-1, soort: raden, titel: abc, uitleg: 0123456789}\n"
        )


def test_het_uurprofiel_overleeft_een_onderbreking() -> None:
    gewoon = [
        _g(0, betrokkene=f"p{d}-{i}", tijd=T0 + dt.timedelta(days=d, minutes=i))
        for d in range(25)
        for i in range(3)
    ]
    nacht = _g(0, tijd=T0 + dt.timedelta(days=26, hours=17))
    eerste = _detector("ONGEWOON-UUR")
    assert eerste.alles(gewoon[:40], Omstandigheden()) == []
    tweede = _detector("ONGEWOON-UUR")
    tweede.herstel(json.loads(json.dumps(eerste.toestand())))
    treffers = tweede.alles([*gewoon[40:], nacht], Omstandigheden())
    assert [t.regel_id for t in treffers] == ["ONGEWOON-UUR"]
    assert "Van de 75 lezingen" in treffers[0].uitleg


def test_zoeken_dan_lezen_overleeft_een_onderbreking() -> None:
    zoek = _g(0, Soort.ZOEKTREFFER, handeling="entiteiten zoeken")
    oud = _g(0, Soort.ZOEKTREFFER, betrokkene="p9", handeling="entiteiten zoeken")
    eerste = _detector("ZOEKEN-DAN-LEZEN")
    assert eerste.alles([oud, zoek], Omstandigheden()) == []
    tweede = _detector("ZOEKEN-DAN-LEZEN")
    tweede.herstel(json.loads(json.dumps(eerste.toestand())))
    # p1 read within the window fires; p9's hit has expired by the time it is read.
    treffers = tweede.alles([_g(5), _g(40, betrokkene="p9")], Omstandigheden())
    assert [t.regel_id for t in treffers] == ["ZOEKEN-DAN-LEZEN"]
    assert "5 minuten later" in treffers[0].uitleg
