# SPDX-License-Identifier: EUPL-1.2
"""The seizure pages: officer's forms, dossier forms, and the code-gated page of the beslagene."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.afpakken import verloop
from integraal.app import maak_app
from integraal.domein.beslag import Handeling
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Beslagobject, LogboekRegel
from tests.afpakken.conftest import BEGIN, Keten, kvi
from tests.hulp import csrf, web_login


def _log(k: Keten) -> int:
    with transactie(k.o.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) or 0)


def test_officier_herbeoordeelt_en_zet_om(keten: Keten) -> None:
    k = keten
    auto, geld = kvi(k).object_ids
    with transactie(k.o.fabriek) as s:
        verloop.voer_uit(
            s, k.o.beslisser, k.hulpofficier, geld, "gehandhaafd", Handeling(), vandaag=BEGIN
        )
        verloop.voer_uit(
            s,
            k.o.beslisser,
            k.officier,
            geld,
            "in_bewaring",
            Handeling(reden="Verhaal ontneming."),
            bewaarder_id="kasbeheerder-om",
            vandaag=BEGIN,
        )
    with TestClient(maak_app(k.o)) as c:
        web_login(c, k.officier)
        pagina = c.get(f"/beslag/{geld}")
        assert "Herbeoordeling (F3)" in pagina.text and "Jan de Vries" in pagina.text
        token = csrf(c, f"/beslag/{geld}")
        r = c.post(f"/beslag/{geld}/herbeoordeling", data={"reden": "kort", "csrf": token})
        assert r.status_code == 400 and "motiveer" in r.text
        r = c.post(
            f"/beslag/{geld}/herbeoordeling",
            data={"reden": "Ontnemingszaak loopt nog.", "csrf": token},
            follow_redirects=False,
        )
        assert r.status_code == 303
        r = c.post(
            f"/beslag/{geld}/omzetting",
            data={"grond": "94a-ontneming", "machtiging_rc": "RC 26/1", "csrf": token},
            follow_redirects=False,
        )
        assert r.status_code == 303
        d = c.post(
            "/vermogensdossiers",
            data={"verdachte": "Jan de Vries", "csrf": token},
            follow_redirects=False,
        )
        pad = d.headers["location"]
        for actie, velden in (
            (
                "vermogen",
                {
                    "soort": "onroerend_goed",
                    "omschrijving": "Woning",
                    "waarde_euro": "250000",
                    "bekend_sinds": "2026-01-05",
                },
            ),
            ("vordering", {"bedrag": "80000"}),
            ("executie", {"status": "betalingsaanbod"}),
            ("betaling", {"bedrag": "2500", "ontvangen_op": "2026-04-01"}),
        ):
            r = c.post(f"{pad}/{actie}", data={**velden, "csrf": token}, follow_redirects=False)
            assert r.status_code == 303, (actie, r.text[:300])
        tekst = c.get(pad).text
        assert "Woning" in tekst and "€ 77.500,00" in tekst and "Betalingsaanbod" in tekst
    with transactie(k.o.fabriek) as s:
        obj = s.get(Beslagobject, geld)
        assert obj is not None and obj.grond == "94a-ontneming" and obj.beoordeeld_op is not None
    assert auto


def test_mijn_beslag_alleen_met_de_juiste_code(keten: Keten) -> None:
    k = keten
    r = kvi(k)
    with TestClient(maak_app(k.o)) as c:
        token = csrf(c, "/mijn-beslag")
        voor = _log(k)
        fout = c.post("/mijn-beslag", data={"code": "AAAA-BBBB-CCCC-DDDD", "csrf": token})
        assert fout.status_code == 400 and "niet bekend" in fout.text and "Jan" not in fout.text
        assert _log(k) == voor
        goed = c.post("/mijn-beslag", data={"code": r.inzagecode, "csrf": token})
        assert goed.status_code == 200 and "Audi A6" in goed.text and "klaagschrift" in goed.text
        assert _log(k) == voor + 2
