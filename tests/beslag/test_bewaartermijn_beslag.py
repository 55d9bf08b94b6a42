# SPDX-License-Identifier: EUPL-1.2
"""Retention of the seizure chain: a term after the last seized object ended, what identifies
the person seized from (and the suspect of a vermogensdossier) is erased; the figures stay."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from integraal import logboek
from integraal.beslag import cijfers, dossier, inzage
from integraal.beslag.cijfers import Cijfervraag
from integraal.beslag.dossier import DossierIn, ExecutieIn, HandelingIn, VermogenIn
from integraal.beslag.inzage import CodeIn
from integraal.domein.fouten import NietGevonden
from integraal.opslag.db import transactie
from integraal.opslag.modellen import (
    BekendVermogen,
    Beslagene,
    Beslagobject,
    LogboekRegel,
    Onderzoekshandeling,
    Vermogensdossier,
)
from integraal.toegang.bewaren import GESCHOOND, Uitkomst, voer_uit
from integraal.verwerking import Kanaal
from tests.beslag.conftest import AUTO, BEGIN, GELD, Keten, kvi, stap
from tests.hulp import doe

DAG = dt.timedelta(days=1)
TERUG = BEGIN + DAG  # both objects returned the day after the seizure
VERVALT = TERUG.replace(year=TERUG.year + 7)  # the catalogue's term for `beslag`


def _bewaar(k: Keten, dag: dt.date, *, proef: bool = False) -> Uitkomst:
    return doe(k.o, None, voer_uit, dag, proef=proef, kanaal=Kanaal.TAAK)


def _figures(k: Keten) -> list[dict[str, object]]:
    """The year's figures, without the moment they were computed."""
    return [
        j.model_dump(exclude={"peildatum"})
        for j in doe(k.o, k.officier, cijfers.lees, Cijfervraag(jaar=[BEGIN.year]))
    ]


def test_beslagene_wordt_geschoond_een_termijn_na_het_einde_van_het_beslag(keten: Keten) -> None:
    k = keten
    r = kvi(k)
    for object_id in r.object_ids:
        stap(k, k.hulpofficier, object_id, "teruggegeven", TERUG)
    # Another person's seizure still runs: it is kept whatever its age.
    lopend = kvi(k, "KVI-2026-0002", AUTO)
    voor = _figures(k)

    assert _bewaar(k, VERVALT - DAG).beslagenen_geschoond == 0
    assert _bewaar(k, VERVALT, proef=True).beslagenen_geschoond == 1
    uit = _bewaar(k, VERVALT)
    assert uit.beslagenen_geschoond == 1
    with transactie(k.o.fabriek, lezen=True) as s:
        namen = set(s.scalars(sa.select(Beslagene.naam)))
        objecten = {o.id: o for o in s.scalars(sa.select(Beslagobject))}
        regels = [json.loads(x) for x in s.scalars(sa.select(LogboekRegel.inhoud))]
        assert logboek.verifieer(s).in_orde
    assert namen == {GESCHOOND, "Jan de Vries"}
    for object_id in r.object_ids:
        assert objecten[object_id].omschrijving == GESCHOOND
        assert objecten[object_id].kenmerk is None
        assert objecten[object_id].status == "teruggegeven"  # the figures still count it
    assert objecten[lopend.object_ids[0]].kenmerk == "QQ-123-Q"
    # The code handed to the person no longer opens anything; the figures are unchanged.
    with pytest.raises(NietGevonden):
        doe(k.o, None, inzage.inzage, CodeIn(code=r.inzagecode))
    assert _figures(k) == voor
    vernietigd = [x for x in regels if x["naam"] == "vernietigd na bewaartermijn"]
    assert len(vernietigd) == 1 and "beslag" in vernietigd[0]["dpl.integraal.categories"]
    # Once is enough: a second run finds nothing left to erase.
    assert _bewaar(k, VERVALT + 400 * DAG).beslagenen_geschoond == 0


def test_vermogensdossier_wordt_geschoond_een_termijn_na_zijn_laatste_gebeurtenis(
    keten: Keten,
) -> None:
    k = keten
    d = doe(
        k.o,
        k.officier,
        dossier.open_dossier,
        DossierIn(verdachte="Jan de Vries", parketnummer="10/1"),
    )
    doe(
        k.o,
        k.officier,
        dossier.voeg_vermogen_toe,
        d.id,
        VermogenIn(soort="onroerend_goed", omschrijving="Woning Kerkstraat 1", bekend_sinds=BEGIN),
    )
    doe(
        k.o,
        k.officier,
        dossier.voeg_handeling_toe,
        d.id,
        HandelingIn(soort="doorzoeking", datum=BEGIN, omschrijving="Woning doorzocht"),
    )
    [geld] = kvi(k, "KVI-2026-0100", GELD, dossier_id=d.id).object_ids
    stap(k, k.hulpofficier, geld, "teruggegeven", TERUG)
    # No claim, its one object returned: the term runs from the dossier's last event, its
    # opening today.
    open_op = dt.date.today()
    vervalt = open_op.replace(year=open_op.year + 7)
    assert _bewaar(k, vervalt - DAG).dossiers_geschoond == 0
    assert _bewaar(k, vervalt).dossiers_geschoond == 1
    with transactie(k.o.fabriek, lezen=True) as s:
        dos = s.get(Vermogensdossier, d.id)
        assert dos is not None and dos.verdachte == GESCHOOND and dos.parketnummer is None
        assert set(s.scalars(sa.select(Onderzoekshandeling.omschrijving))) == {GESCHOOND}
        assert set(s.scalars(sa.select(BekendVermogen.omschrijving))) == {GESCHOOND}


def test_een_dossier_met_een_open_vordering_blijft_tot_ze_voldaan_is(keten: Keten) -> None:
    from integraal.beslag.dossier import VorderingIn

    k = keten
    d = doe(k.o, k.officier, dossier.open_dossier, DossierIn(verdachte="Jan de Vries"))
    doe(k.o, k.officier, dossier.stel_vordering_vast, d.id, VorderingIn(bedrag_euro="5000"))
    [geld] = kvi(k, "KVI-2026-0100", GELD, dossier_id=d.id).object_ids
    stap(k, k.hulpofficier, geld, "teruggegeven", TERUG)
    assert _bewaar(k, dt.date(2099, 1, 1)).dossiers_geschoond == 0
    doe(k.o, k.officier, dossier.werk_executie_bij, d.id, ExecutieIn(status="voldaan"))
    assert _bewaar(k, dt.date(2099, 1, 1)).dossiers_geschoond == 1
