# SPDX-License-Identifier: EUPL-1.2
"""The Preventie met Gezag monitor: the request, a municipality's return and its review,
who may do what, what is refused and why, and the return in the progress report."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.domein.actor import Actor
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.pmg import Besluit, Opgavestatus
from integraal.domein.rollen import Rol
from integraal.monitor import pmg, rapport
from integraal.monitor.pmg import BeoordelingIn, IndienIn, InterventieIn, UitvraagIn
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord
from tests.conftest import maak_actor
from tests.hulp import csrf, doe, web_login
from tests.monitor.conftest import Monitorwereld

INTERVENTIE: dict[str, Any] = {
    "naam": "Alleen Jij bepaalt Wie je Bent",
    "bewijs": "erkend",
    "themas": ["ontwikkeling", "netwerk"],
    "niveaus": ["positief"],
    "bereik": 84,
    "output": 7,
    "output_omschrijving": "groepstrainingen",
    "besluit": "continueren",
    "motivering": "Erkende interventie; de scholen willen door.",
    "gebieden": "WK999901 BU99990101",
}


def _uitvraag(mw: Monitorwereld, jaar: int = 2026) -> pmg.UitvraagUit:
    return doe(
        mw.w.omgeving,
        mw.beleid,
        pmg.zet_uit,
        UitvraagIn(
            jaar=jaar,
            peildatum=dt.date(jaar, 3, 1),
            uiterlijk=dt.date(jaar, 4, 1),
            gemeenten=["gemeente-rotterdam", "gemeente-schiedam"],
        ),
    )


def _rotterdam(u: pmg.UitvraagUit) -> int:
    return next(o.id for o in u.opgaven if o.gemeente == "gemeente-rotterdam")


@pytest.fixture
def oov(mw: Monitorwereld) -> Actor:
    return maak_actor(mw.w.omgeving, "oov", "gemeente-rotterdam", Rol.OOV_ADVISEUR)


def _audits(mw: Monitorwereld, actie: str) -> int:
    with transactie(mw.w.omgeving.fabriek) as s:
        return s.scalar(sa.select(sa.func.count()).where(AuditRecord.actie == actie)) or 0


def test_van_uitvraag_via_opgave_en_beoordeling_naar_het_rapport(
    mw: Monitorwereld, oov: Actor
) -> None:
    o = mw.w.omgeving
    u = _uitvraag(mw)
    assert [x.status for x in u.opgaven] == [Opgavestatus.UITGEVRAAGD] * 2
    opgave = _rotterdam(u)
    i = doe(o, oov, pmg.voeg_toe, opgave, InterventieIn.model_validate(INTERVENTIE))
    assert i.gebieden == ["WK999901", "BU99990101"]
    tweede = {**INTERVENTIE, "naam": "Voorlichting", "bewijs": "innovatie", "besluit": "stoppen"}
    doe(o, oov, pmg.voeg_toe, opgave, InterventieIn.model_validate(tweede))
    doe(o, oov, pmg.dien_in, opgave, IndienIn(zonder_personen=True))
    with pytest.raises(Conflict):  # submitted: no longer the municipality's to change
        doe(o, oov, pmg.voeg_toe, opgave, InterventieIn.model_validate(INTERVENTIE))
    with pytest.raises(OngeldigeInvoer) as fout:  # sending back says what is missing
        doe(o, mw.beleid, pmg.beoordeel, opgave, BeoordelingIn(oordeel="terugsturen"))
    assert "opmerking" in fout.value.fouten
    terug = doe(
        o,
        mw.beleid,
        pmg.beoordeel,
        opgave,
        BeoordelingIn(oordeel="terugsturen", opmerking="Vul het bereik per buurt aan."),
    )
    assert terug.status is Opgavestatus.TERUGGESTUURD and terug.opmerking
    assert doe(o, oov, pmg.lees, opgave).mag_invullen
    doe(
        o,
        oov,
        pmg.wijzig,
        opgave,
        i.id,
        InterventieIn.model_validate({**INTERVENTIE, "bereik": 90}),
    )
    doe(o, oov, pmg.dien_in, opgave, IndienIn(zonder_personen=True))
    peil_voor = dt.datetime.now(dt.UTC)
    with transactie(o.fabriek) as s:
        assert pmg.rapportdeel(s, {}, peil_voor) is None  # nothing approved yet
    goed = doe(o, mw.beleid, pmg.beoordeel, opgave, BeoordelingIn(oordeel="goedkeuren"))
    assert goed.status is Opgavestatus.GOEDGEKEURD and not goed.mag_invullen
    with transactie(o.fabriek) as s:
        deel = pmg.rapportdeel(
            s, {"gemeente-rotterdam": "Gemeente Rotterdam"}, dt.datetime.now(dt.UTC)
        )
    assert deel is not None and (deel.jaar, deel.uitgevraagd, deel.opgenomen) == (2026, 2, 1)
    assert deel.samenvatting.bereik == 90 + 84 and deel.aandeel_bewezen == 0.5
    assert [(k.interventie, k.besluit) for k in deel.bijgesteld_of_gestopt] == [
        ("Voorlichting", Besluit.STOPPEN)
    ]
    assert {g.code for g in deel.gebieden} == {"WK999901", "BU99990101"}
    assert all(g.cijfers for g in deel.gebieden)  # the CBS figures of the targeted areas
    assert any("Preventie met Gezag" in onderwerp for _, onderwerp, _ in deel.moties)
    html = rapport.html(doe(o, mw.beleid, rapport.stel_samen))
    assert "Monitor Preventie met Gezag 2026" in html and "Deze paragraaf beantwoordt" in html
    for actie, n in (
        ("pmg-uitvraag uitzetten", 1),
        ("pmg-interventie vastleggen", 3),
        ("pmg-opgave indienen", 2),
        ("pmg-opgave beoordelen", 2),
    ):
        assert _audits(mw, actie) == n, actie


def test_nederlandse_getallen_grote_nummers_en_wie_niemand_heeft(
    mw: Monitorwereld, oov: Actor
) -> None:
    u = _uitvraag(mw)
    # Rotterdam has its adviser; Schiedam has nobody who can fill in: the officer is told.
    assert u.zonder_invuller == ["Gemeente Schiedam"]
    opgave = _rotterdam(u)
    i = doe(
        mw.w.omgeving,
        oov,
        pmg.voeg_toe,
        opgave,
        pmg_invoer({**INTERVENTIE, "bereik": "1.000", "output": "2.500"}),
    )
    assert (i.bereik, i.output) == (1000, 2500)  # Dutch thousands, not 1 and 2.5
    for fout in ("1,5", "1.5", "veel"):
        with pytest.raises(OngeldigeInvoer):
            pmg_invoer({**INTERVENTIE, "bereik": fout})
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, oov)
        assert c.get("/pmg/opgaven/99999999999999999999999").status_code == 404
    with pytest.raises(NietGevonden):  # the API's path, beyond a 64-bit key
        doe(mw.w.omgeving, oov, pmg.lees, 2**63)
    doe(mw.w.omgeving, oov, pmg.dien_in, opgave, IndienIn(zonderPersonen=True))
    with pytest.raises(OngeldigeInvoer) as persoon:  # the reviewer's words are checked too
        doe(
            mw.w.omgeving,
            mw.beleid,
            pmg.beoordeel,
            opgave,
            BeoordelingIn(oordeel="terugsturen", opmerking="Bel de moeder op 06-12345678."),
        )
    assert "opmerking" in persoon.value.fouten


def test_wie_wat_mag(mw: Monitorwereld, oov: Actor) -> None:
    o = mw.w.omgeving
    gemeentebeleid = maak_actor(o, "gbeleid", "gemeente-rotterdam", Rol.BELEIDSMEDEWERKER)
    schiedam = maak_actor(o, "sch", "gemeente-schiedam", Rol.OOV_ADVISEUR)
    with pytest.raises(GeenToegang):  # a municipality does not send the request
        doe(
            o,
            gemeentebeleid,
            pmg.zet_uit,
            UitvraagIn(
                jaar=2026,
                peildatum="01-03-2026",
                uiterlijk="01-04-2026",
                gemeenten=["gemeente-rotterdam"],
            ),
        )
    opgave = _rotterdam(_uitvraag(mw))
    with pytest.raises(GeenToegang):  # another municipality's return is not for Schiedam
        doe(o, schiedam, pmg.lees, opgave)
    with pytest.raises(GeenToegang):  # nor for an analyst of the RIEC
        doe(o, mw.w.analist, pmg.lees, opgave)
    with pytest.raises(GeenToegang):  # the RIEC's policy officer reviews, does not fill in
        doe(o, mw.beleid, pmg.voeg_toe, opgave, InterventieIn.model_validate(INTERVENTIE))
    doe(o, gemeentebeleid, pmg.voeg_toe, opgave, InterventieIn.model_validate(INTERVENTIE))
    doe(o, oov, pmg.dien_in, opgave, IndienIn(zonder_personen=True))
    with pytest.raises(GeenToegang):  # no municipality approves a return, not even its own
        doe(o, gemeentebeleid, pmg.beoordeel, opgave, BeoordelingIn(oordeel="goedkeuren"))
    assert doe(o, schiedam, pmg.overzicht).eigen[0].gemeente == "gemeente-schiedam"
    assert doe(o, schiedam, pmg.overzicht).uitvragen == []
    assert len(doe(o, mw.beleid, pmg.overzicht).uitvragen[0].opgaven) == 2


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"themas": []}, "themas"),
        ({"bereik": "-1"}, "bereik"),
        ({"motivering": "Jongere 999990019 gestopt na verhuizing."}, "motivering"),
        ({"naam": "Traject van j.jansen@voorbeeld.nl"}, "naam"),
        ({"gebieden": "3011AB"}, "gebieden"),
        ({"gebieden": "BU12345678"}, "gebieden"),
    ],
)
def test_een_opgave_weigert_wat_niet_klopt(
    mw: Monitorwereld, oov: Actor, wijziging: dict[str, Any], veld: str
) -> None:
    opgave = _rotterdam(_uitvraag(mw))
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(
            mw.w.omgeving,
            oov,
            pmg.voeg_toe,
            opgave,
            pmg_invoer({**INTERVENTIE, **wijziging}),
        )
    assert veld in fout.value.fouten
    assert doe(mw.w.omgeving, oov, pmg.lees, opgave).interventies == []


def pmg_invoer(gegevens: dict[str, Any]) -> InterventieIn:
    from integraal.domein.invoer import valideer

    return valideer(InterventieIn, gegevens)


def test_zonder_interventies_of_bevestiging_geen_indiening(mw: Monitorwereld, oov: Actor) -> None:
    opgave = _rotterdam(_uitvraag(mw))
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(mw.w.omgeving, oov, pmg.dien_in, opgave, IndienIn(zonder_personen=False))
    assert set(fout.value.fouten) == {"zonderPersonen", "interventies"}
    with pytest.raises(OngeldigeInvoer) as dubbel:
        _uitvraag(mw)
    assert "jaar" in dubbel.value.fouten


def _formulier(gegevens: dict[str, Any]) -> dict[str, Any]:
    """The form's field names are the API's (camelCase)."""
    return {
        ("outputOmschrijving" if k == "output_omschrijving" else k): v for k, v in gegevens.items()
    }


def test_de_gemeente_vult_in_via_de_pagina_s(mw: Monitorwereld, oov: Actor) -> None:
    opgave = _rotterdam(_uitvraag(mw))
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, oov)
        assert f'href="/pmg/opgaven/{opgave}"' in c.get("/pmg").text
        assert c.get("/pmg/uitvragen/nieuw").status_code == 403  # a request is not theirs
        t = csrf(c, f"/pmg/opgaven/{opgave}/interventies/nieuw")
        fout = c.post(
            f"/pmg/opgaven/{opgave}/interventies",
            data={**_formulier(INTERVENTIE), "bereik": "veel", "themas": [], "csrf": t},
        )
        assert fout.status_code == 400 and "Er is een probleem" in fout.text
        assert "Vul het aantal bereikte jongeren in" in fout.text
        assert "Kies ten minste één thema" in fout.text
        assert 'value="Alleen Jij bepaalt Wie je Bent"' in fout.text  # input kept
        goed = c.post(
            f"/pmg/opgaven/{opgave}/interventies",
            data={**_formulier(INTERVENTIE), "csrf": t},
            follow_redirects=False,
        )
        assert goed.status_code == 303
        pagina = c.get(f"/pmg/opgaven/{opgave}")
        assert "Alleen Jij bepaalt Wie je Bent toegevoegd" in pagina.text
        assert "Persoonlijke en psychologische ontwikkeling" in pagina.text
        leeg = c.post(f"/pmg/opgaven/{opgave}/indienen", data={"csrf": t})
        assert (
            leeg.status_code == 400 and "Bevestig dat de opgave geen persoonsgegevens" in leeg.text
        )
        ingediend = c.post(
            f"/pmg/opgaven/{opgave}/indienen",
            data={"zonderPersonen": "true", "csrf": t},
            follow_redirects=True,
        )
        assert "ingediend" in ingediend.text and "Wordt ze goedgekeurd" in ingediend.text
        assert re.search(r"Ingediend, wacht op beoordeling", ingediend.text)
        assert "Interventie toevoegen" not in ingediend.text
