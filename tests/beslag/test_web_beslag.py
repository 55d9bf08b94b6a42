# SPDX-License-Identifier: EUPL-1.2
"""The seizure pages: officer's forms, dossier forms, and the code-gated page of the beslagene."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, Beslagobject, LogboekRegel
from tests.beslag.conftest import BEGIN, Keten, kvi, stap
from tests.hulp import csrf, web_login


def _log(k: Keten) -> int:
    with transactie(k.o.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) or 0)


def test_officier_herbeoordeelt_en_zet_om(keten: Keten) -> None:
    k = keten
    _, geld = kvi(k).object_ids
    stap(k, k.hulpofficier, geld, "gehandhaafd", BEGIN)
    stap(
        k,
        k.officier,
        geld,
        "in_bewaring",
        BEGIN,
        reden="Verhaal ontneming.",
        bewaarder="kasbeheerder-om",
    )
    with TestClient(maak_app(k.o)) as c:
        web_login(c, k.officier)
        pagina = c.get(f"/beslag/{geld}")
        assert "Herbeoordeling (F3)" in pagina.text and "Jan de Vries" in pagina.text
        token = csrf(c, f"/beslag/{geld}")
        r = c.post(f"/beslag/{geld}/herbeoordeling", data={"reden": "kort", "csrf": token})
        assert r.status_code == 400 and "Er is een probleem" in r.text
        assert "Motiveer in minstens 10 tekens" in r.text
        r = c.post(
            f"/beslag/{geld}/herbeoordeling",
            data={"reden": "Ontnemingszaak loopt nog.", "csrf": token},
            follow_redirects=False,
        )
        assert r.status_code == 303
        r = c.post(
            f"/beslag/{geld}/omzetting",
            data={"grond": "94a-ontneming", "machtigingRc": "RC 26/1", "csrf": token},
            follow_redirects=False,
        )
        assert r.status_code == 303
        # The confirmation once on the object's page, and the new ground by its label.
        pagina = c.get(r.headers["location"]).text
        assert "Omgezet in conservatoir beslag" in pagina
        assert "Conservatoir: verhaal ontnemingsmaatregel (art. 94a Sv)" in pagina
        d = c.post(
            "/vermogensdossiers",
            data={"verdachte": "Jan de Vries", "csrf": token},
            follow_redirects=False,
        )
        assert d.status_code == 303
        pad = d.headers["location"]
        for actie, velden in (
            (
                "vermogen",
                {
                    "soort": "onroerend_goed",
                    "omschrijving": "Woning",
                    "waardeEuro": "250.000",
                    "bekendSinds": "05-01-2026",
                },
            ),
            ("vordering", {"bedragEuro": "80.000,00", "medeschuldenaren": ""}),
            ("executie", {"status": "betalingsaanbod"}),
            ("betaling", {"bedragEuro": "2.500,00", "ontvangenOp": "01-04-2026"}),
        ):
            r = c.post(f"{pad}/{actie}", data={**velden, "csrf": token}, follow_redirects=False)
            assert r.status_code == 303, (actie, r.text[:300])
        tekst = c.get(pad).text
        assert "Woning" in tekst and "€ 250.000,00" in tekst and "€ 77.500,00" in tekst
        assert "Betalingsaanbod gedaan (CJIB)" in tekst
    with transactie(k.o.fabriek) as s:
        obj = s.get(Beslagobject, geld)
        assert obj is not None and obj.grond == "94a-ontneming" and obj.beoordeeld_op is not None


def test_mijn_beslag_alleen_met_de_juiste_code(keten: Keten) -> None:
    k = keten
    r = kvi(k)
    with TestClient(maak_app(k.o)) as c:
        token = csrf(c, "/mijn-beslag")
        voor = _log(k)
        fout = c.post("/mijn-beslag", data={"code": "AAAA-BBBB-CCCC-DDDD", "csrf": token})
        assert fout.status_code == 400 and "niet bekend" in fout.text and "Jan" not in fout.text
        assert _log(k) == voor
        # The page catches the refusal itself, so the attempt stays in the audit.
        with transactie(k.o.fabriek) as s:
            acties = s.execute(sa.select(AuditRecord.actie, AuditRecord.resultaat)).all()
        assert ("beslag inzien (beslagene)", "onbekende code") in [tuple(a) for a in acties]
        goed = c.post("/mijn-beslag", data={"code": r.inzagecode, "csrf": token})
        assert goed.status_code == 200 and "Audi A6" in goed.text and "klaagschrift" in goed.text
        assert _log(k) == voor + 2
