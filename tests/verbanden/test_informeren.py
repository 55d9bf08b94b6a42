# SPDX-License-Identifier: EUPL-1.2
"""The WGS duty to inform: per subject informed or deferred with a reason and a review date;
what waits shows in "Mijn taken", and every read of a subject is a logged read."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from integraal.casus import casussen
from integraal.casus.casussen import SubjectIn
from integraal.domein.fouten import Conflict, NietGevonden, OngeldigeInvoer
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Casus, LogboekRegel, Statement
from integraal.taken import mijn_taken
from integraal.verbanden import informeren
from integraal.verbanden.informeren import (
    Informeerbesluit,
    InformerenIn,
    Uitstelreden,
    Wijze,
)
from tests.conftest import Wereld
from tests.hulp import doe

NU = dt.datetime(2026, 11, 29, 10, 0, tzinfo=dt.UTC)


def _klok(dag: dt.datetime = NU):  # type: ignore[no-untyped-def]
    return lambda: dag


def _met_subjecten(w: Wereld) -> list[str]:
    with transactie(w.omgeving.fabriek) as s:
        ids = sorted(
            set(s.scalars(sa.select(Statement.entity_id).where(Statement.schema == "Person")))
        )
    for eid in ids:
        doe(w.omgeving, w.analist, casussen.koppel_subject, "C-1", SubjectIn(entiteit_id=eid))
    return ids


def _taak(w: Wereld, klok: dt.datetime = NU) -> int:
    taken = {t.titel: t.aantal for t in doe(w.omgeving, w.analist, mijn_taken, klok=_klok(klok))}
    return taken["Betrokkenen informeren"]


def _regels(w: Wereld) -> int:
    with transactie(w.omgeving.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) or 0)


def test_uitstellen_met_herzieningsdatum_komt_terug_in_mijn_taken(met_levering: Wereld) -> None:
    w = met_levering
    jan, klaas = _met_subjecten(w)
    assert _taak(w) == 2  # no decision yet for either
    doe(
        w.omgeving,
        w.analist,
        informeren.leg_vast,
        "C-1",
        InformerenIn(
            entiteit_id=jan,
            besluit=Informeerbesluit.UITGESTELD,
            reden=Uitstelreden.ONDERZOEK,
            herzien_op=dt.date(2027, 2, 1),
            toelichting="Het onderzoek loopt nog.",
        ),
        klok=_klok(),
    )
    doe(
        w.omgeving,
        w.analist,
        informeren.leg_vast,
        "C-1",
        InformerenIn(entiteit_id=klaas, besluit=Informeerbesluit.GEINFORMEERD, wijze=Wijze.BRIEF),
        klok=_klok(),
    )
    assert _taak(w) == 0
    # On the review date the deferral is back as work, and a new decision clears it.
    assert _taak(w, dt.datetime(2027, 2, 1, 9, tzinfo=dt.UTC)) == 1
    later = dt.datetime(2027, 2, 1, 10, tzinfo=dt.UTC)
    doe(
        w.omgeving,
        w.analist,
        informeren.leg_vast,
        "C-1",
        InformerenIn(entiteit_id=jan, besluit=Informeerbesluit.GEINFORMEERD, wijze=Wijze.GESPREK),
        klok=_klok(later),
    )
    assert _taak(w, later) == 0
    overzicht = {b.entiteit_id: b for b in doe(w.omgeving, w.analist, informeren.overzicht, "C-1")}
    assert overzicht[jan].laatste is not None
    assert overzicht[jan].laatste.besluit is Informeerbesluit.GEINFORMEERD
    assert [e.besluit for e in overzicht[jan].eerder] == [Informeerbesluit.UITGESTELD]


def test_uitstel_vraagt_reden_en_een_datum_binnen_een_jaar(met_levering: Wereld) -> None:
    w = met_levering
    jan, _ = _met_subjecten(w)
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(
            w.omgeving,
            w.analist,
            informeren.leg_vast,
            "C-1",
            InformerenIn(entiteit_id=jan, besluit=Informeerbesluit.UITGESTELD),
            klok=_klok(),
        )
    assert {"reden", "herzienOp"} <= set(fout.value.fouten)
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(
            w.omgeving,
            w.analist,
            informeren.leg_vast,
            "C-1",
            InformerenIn(
                entiteit_id=jan,
                besluit=Informeerbesluit.UITGESTELD,
                reden=Uitstelreden.ANDEREN,
                herzien_op=dt.date(2028, 1, 1),
            ),
            klok=_klok(),
        )
    assert set(fout.value.fouten) == {"herzienOp"}
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(
            w.omgeving,
            w.analist,
            informeren.leg_vast,
            "C-1",
            InformerenIn(entiteit_id=jan, besluit=Informeerbesluit.GEINFORMEERD),
            klok=_klok(),
        )
    assert set(fout.value.fouten) == {"wijze"}


def test_alleen_leden_en_alleen_zichtbare_betrokkenen(met_levering: Wereld) -> None:
    w = met_levering
    jan, _ = _met_subjecten(w)
    with pytest.raises(NietGevonden):
        doe(w.omgeving, w.buitenstaander, informeren.overzicht, "C-1")
    voor = _regels(w)
    with pytest.raises(NietGevonden):
        doe(
            w.omgeving,
            w.andere_riec,
            informeren.leg_vast,
            "C-1",
            InformerenIn(entiteit_id=jan, besluit=Informeerbesluit.GEINFORMEERD, wijze=Wijze.BRIEF),
        )
    assert _regels(w) == voor
    # A subject id that is not in the case is not recorded.
    with pytest.raises(Exception, match="niet voor u zichtbaar"):
        doe(
            w.omgeving,
            w.analist,
            informeren.leg_vast,
            "C-1",
            InformerenIn(
                entiteit_id="onbekend", besluit=Informeerbesluit.GEINFORMEERD, wijze=Wijze.BRIEF
            ),
        )


def test_het_overzicht_leest_elke_betrokkene_door_de_deur(met_levering: Wereld) -> None:
    w = met_levering
    ids = _met_subjecten(w)
    voor = _regels(w)
    doe(w.omgeving, w.analist, informeren.overzicht, "C-1")
    with transactie(w.omgeving.fabriek) as s:
        nieuw = list(s.scalars(sa.select(LogboekRegel).order_by(LogboekRegel.volgnummer)))[voor:]
    assert len(nieuw) >= len(ids)
    assert {json.loads(r.inhoud)["naam"] for r in nieuw} == {"entiteit lezen"}


def test_een_gesloten_casus_krijgt_geen_nieuw_besluit(met_levering: Wereld) -> None:
    w = met_levering
    jan, _ = _met_subjecten(w)
    with transactie(w.omgeving.fabriek) as s:
        c = s.get(Casus, "C-1")
        assert c is not None
        c.status = "gesloten"
    with pytest.raises(Conflict):
        doe(
            w.omgeving,
            w.analist,
            informeren.leg_vast,
            "C-1",
            InformerenIn(entiteit_id=jan, besluit=Informeerbesluit.GEINFORMEERD, wijze=Wijze.BRIEF),
        )
