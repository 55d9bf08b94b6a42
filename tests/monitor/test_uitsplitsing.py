# SPDX-License-Identifier: EUPL-1.2
"""Live figures per partnership and per case theme: counts with small cells hidden (and one
more, so a hidden cell cannot be recomputed from the total), amounts summed and never hidden,
handling times as medians; names, never ids; a case's theme set by its coordinator, audited."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.casus import casussen
from integraal.casus.casussen import ThemaIn
from integraal.domein.casus import Casusthema
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import valideer
from integraal.domein.rollen import Rol
from integraal.monitor import indicatoren
from integraal.monitor.laden import laad_indicatoren, laad_structuur
from integraal.monitor.uitsplitsing import Naar, punten
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, Casus, Gebeurtenis, Signaal
from tests.conftest import Wereld, maak_actor
from tests.hulp import doe, web_login

JAAR = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
PEIL = dt.datetime(2026, 12, 31, tzinfo=dt.UTC)


def _casus(s: object, nr: str, verband: str, thema: Casusthema | None, dagen: int | None) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    s.add(
        Casus(
            id=nr,
            titel="Synthetische casus",
            verband_id=verband,
            doel="integrale_aanpak",
            thema=thema.value if thema else None,
            aangemaakt_op=JAAR,
        )
    )
    s.add(Gebeurtenis(soort="casus_geopend", casus_id=nr, verband_id=verband, tijd=JAAR))
    if dagen is not None:
        s.add(
            Signaal(
                id=f"S-{nr}",
                verband_id=verband,
                omschrijving="Synthetisch signaal",
                status="omgezet",
                casus_id=nr,
                aangemaakt_op=JAAR - dt.timedelta(days=dagen),
            )
        )


def _afgerond(s: object, nr: str, verband: str, uitkomst: str, euro: int) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    s.add(
        Gebeurtenis(
            soort="interventie_afgerond",
            casus_id=nr,
            verband_id=verband,
            organisatie_id="belastingdienst",
            tijd=JAAR,
            gegevens={"interventiesoort": "fiscaal", "uitkomst": uitkomst, "bedrag_centen": euro},
        )
    )


@pytest.fixture
def monitorwereld(wereld: Wereld) -> Wereld:
    """Seven cases in Rotterdam about drugs, six in Midden-Nederland about money flows, two
    of the FEC without a theme; assessments and a seizure; signals 1 to 7 days before."""
    with transactie(wereld.omgeving.fabriek) as s:
        laad_structuur(s)
        laad_indicatoren(s)
        for n in range(7):
            _casus(s, f"R-{n}", "riec-rotterdam", Casusthema.DRUGS, n + 1)
        for n in range(6):
            _casus(s, f"M-{n}", "riec-midden-nederland", Casusthema.GELDSTROMEN, None)
        for n in range(2):
            _casus(s, f"F-{n}", "fec", None, None)
        s.flush()
        for nr, centen in (("R-0", 100_000), ("R-1", 200_000), ("R-2", 300_050)):
            _afgerond(s, nr, "riec-rotterdam", "aanslag", centen)
        _afgerond(s, "M-0", "riec-midden-nederland", "beslag", 50_000)
    return wereld


def _cellen(w: Wereld, live: str, naar: Naar | None) -> dict[str, float | None]:
    with transactie(w.omgeving.fabriek) as s:
        return {u: waarde for _, u, waarde, _ in punten(s, live, PEIL, naar)}


def test_aantallen_per_verband_en_thema_met_aanvullend_verbergen(monitorwereld: Wereld) -> None:
    assert _cellen(monitorwereld, "casussen_gestart", None) == {"": 15}
    # The FEC's two are hidden; then the next smallest too, or 15 - 7 - 6 would give it away.
    assert _cellen(monitorwereld, "casussen_gestart", Naar.VERBAND) == {
        "RIEC Rotterdam": 7,
        "RIEC Midden-Nederland": None,
        "Financieel Expertise Centrum": None,
    }
    assert _cellen(monitorwereld, "casussen_gestart", Naar.THEMA) == {
        "Drugsproductie en -handel": 7,
        "Witwassen en criminele geldstromen": None,
        "Nog niet ingedeeld": None,
    }


def test_bedragen_tellen_op_en_worden_nooit_verborgen(monitorwereld: Wereld) -> None:
    eigen = _cellen(monitorwereld, "interventiebedragen", None)
    assert eigen == {"Fiscaal, aanslag opgelegd": 6000.50, "Fiscaal, beslag gelegd": 500.0}
    # An assessment and a seizure are not added up: per partnership they stay apart.
    per_verband = _cellen(monitorwereld, "interventiebedragen", Naar.VERBAND)
    assert per_verband == {
        "RIEC Rotterdam — Fiscaal, aanslag opgelegd": 6000.50,
        "RIEC Midden-Nederland — Fiscaal, beslag gelegd": 500.0,
    }
    assert sum(v or 0 for v in per_verband.values()) == sum(v or 0 for v in eigen.values())
    with transactie(monitorwereld.omgeving.fabriek) as s:
        notities = {u: r for _, u, _, r in punten(s, "interventiebedragen", PEIL, Naar.THEMA)}
    assert notities["Drugsproductie en -handel — Fiscaal, aanslag opgelegd"] == (
        "berust op minder dan 5 interventies"
    )


def test_doorlooptijd_is_een_mediaan_en_verbergt_weinig_zaken(monitorwereld: Wereld) -> None:
    # Rotterdam's seven signals waited 1..7 days: the median is 4.
    assert _cellen(monitorwereld, "doorlooptijd_signaal_casus", Naar.VERBAND) == {
        "RIEC Rotterdam": 4.0
    }
    with transactie(monitorwereld.omgeving.fabriek) as s:
        s.get(Signaal, "S-R-0").casus_id = None  # type: ignore[union-attr]
        s.get(Signaal, "S-R-1").casus_id = None  # type: ignore[union-attr]
        s.get(Signaal, "S-R-2").casus_id = None  # type: ignore[union-attr]
    assert _cellen(monitorwereld, "doorlooptijd_signaal_casus", None) == {"": None}
    with transactie(monitorwereld.omgeving.fabriek) as s:
        beeld = indicatoren.reeks(s, "doorlooptijd-signaal-casus-integraal", PEIL)
    [p] = beeld.punten
    # Hidden because it rests on few cases: never shown as "less than 5 days".
    assert beeld.opmaak(p.waarde, p.reden) == "niet getoond"
    [rij] = indicatoren.rijen(beeld)
    assert rij[indicatoren.KOLOMMEN.index("waarde")] == ""
    assert rij[indicatoren.KOLOMMEN.index("opmerking")] == (
        "niet getoond: berust op minder dan 5 casussen"
    )


def test_de_coordinator_kiest_het_thema_en_de_telling_volgt(monitorwereld: Wereld) -> None:
    o = monitorwereld.omgeving
    coordinator = maak_actor(o, "coord", "riec-rotterdam", Rol.COORDINATOR)
    with pytest.raises(GeenToegang):
        doe(o, monitorwereld.analist, casussen.leg_thema_vast, "C-1", ThemaIn(thema="drugs"))
    with transactie(o.fabriek) as s:
        c = s.get(Casus, "C-1")
        assert c is not None
        c.aangemaakt_op = JAAR
        s.add(
            Gebeurtenis(
                soort="casus_geopend", casus_id="C-1", verband_id="riec-rotterdam", tijd=JAAR
            )
        )
    doe(o, coordinator, casussen.leg_thema_vast, "C-1", ThemaIn(thema="drugs"))
    assert _cellen(monitorwereld, "casussen_gestart", Naar.THEMA)["Drugsproductie en -handel"] == 8
    with transactie(o.fabriek) as s:
        audit = s.query(AuditRecord).filter_by(actie="casusthema vastleggen").one()
        assert audit.details.get("thema") == "drugs"
    assert doe(o, coordinator, casussen.kop, "C-1").thema is Casusthema.DRUGS


def test_uitsplitsen_op_de_pagina_en_in_de_api(monitorwereld: Wereld) -> None:
    with TestClient(maak_app(monitorwereld.omgeving)) as c:
        web_login(c, monitorwereld.analist)
        pagina = c.get("/monitor/indicatoren/casussen-gestart", params={"naar": "verband"})
        assert pagina.status_code == 200
        assert "RIEC Rotterdam" in pagina.text and "riec-rotterdam" not in pagina.text
        assert '<span aria-current="page">Per samenwerkingsverband</span>' in pagina.text
        csv = c.get("/monitor/indicatoren/casussen-gestart.csv", params={"naar": "thema"})
        assert "Drugsproductie en -handel" in csv.text
        fout = c.get("/monitor/indicatoren/casussen-gestart", params={"naar": "gemeente"})
        assert "Kies per samenwerkingsverband of per thema." in fout.text
        vast = c.get("/monitor/indicatoren/uitspraken", params={"naar": "thema"})
        assert vast.status_code == 400 and "niet per samenwerkingsverband" in vast.text
        assert "Uitsplitsen" not in c.get("/monitor/indicatoren/uitspraken").text
    beeld = doe(
        monitorwereld.omgeving,
        monitorwereld.analist,
        indicatoren.indicator,
        "interventiebedragen-integraal",
        indicatoren.Uitsplitsvraag(naar="thema"),
    )
    assert beeld.naar is Naar.THEMA and beeld.uitsplitsing == "Thema van de casus"
    with pytest.raises(OngeldigeInvoer):
        valideer(indicatoren.Uitsplitsvraag, {"naar": "gemeente"})
