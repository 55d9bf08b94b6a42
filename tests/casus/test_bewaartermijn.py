# SPDX-License-Identifier: EUPL-1.2
"""Retention: a closed case's data goes when its category's term has passed, and that is logged."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from integraal import logboek
from integraal.casus import casussen, signalen
from integraal.casus.casussen import SubjectIn
from integraal.casus.signalen import Kenmerk, SignaalIn
from integraal.opslag.db import transactie
from integraal.opslag.modellen import (
    AuditRecord,
    Casus,
    CasusSubject,
    Kruistaak,
    LogboekRegel,
    Signaal,
    Statement,
)
from integraal.toegang.bewaren import GESCHOOND, Uitkomst, voer_uit, voer_uit_in_stappen
from integraal.toegang.inzage import InzageVraag, inzage_verzoek
from integraal.verwerking import Context, Kanaal
from tests.conftest import BSN_JAN, Wereld
from tests.hulp import doe


def _sluit(w: Wereld, casus_id: str, op: dt.datetime) -> None:
    with transactie(w.omgeving.fabriek) as s:
        c = s.get(Casus, casus_id)
        assert c is not None
        c.status, c.gesloten_op, c.sluitreden = "gesloten", op, "test"


def _aantal(w: Wereld, model: type = Statement) -> int:
    with transactie(w.omgeving.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def _bewaar(w: Wereld, peildatum: dt.date, *, proef: bool) -> Uitkomst:
    """Retention runs as a background job, without a signed-in actor."""
    return doe(w.omgeving, None, voer_uit, peildatum, proef=proef, kanaal=Kanaal.TAAK)


def _signaal_over_jan(w: Wereld) -> str:
    invoer = SignaalIn(
        verband="riec-rotterdam",
        omschrijving="Jan de Vries en het pand aan de Kerkstraat.",
        kenmerken=[Kenmerk(soort="bsn", waarde=BSN_JAN)],
    )
    return doe(w.omgeving, w.gemeente, signalen.dien_in, invoer).id


def _audit(w: Wereld) -> list[AuditRecord]:
    with transactie(w.omgeving.fabriek) as s:
        return [
            a
            for a in s.scalars(sa.select(AuditRecord).order_by(AuditRecord.id))
            if a.actie == "bewaartermijn uitvoeren"
        ]


def test_niets_vervalt_voor_de_termijn(met_levering: Wereld) -> None:
    w = met_levering
    _sluit(w, "C-1", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    voor = _aantal(w)
    uit = _bewaar(w, dt.date(2030, 12, 31), proef=False)
    assert uit.vernietigd == [] and uit.signalen_geschoond == 0 and _aantal(w) == voor
    # Even a run that destroys nothing is accounted for.
    [a] = _audit(w)
    assert a.herkomst == "taak" and a.details["groepen"] == 0


def test_proef_verwijdert_niets(met_levering: Wereld) -> None:
    w = met_levering
    _sluit(w, "C-1", dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    voor, lijnen = _aantal(w), _aantal(w, LogboekRegel)
    uit = _bewaar(w, dt.date(2026, 1, 1), proef=True)
    assert uit.proef
    assert {v.categorie for v in uit.vernietigd} == {"identiteit", "adres", "kvk", "vergunningen"}
    assert all(v.entiteiten > 0 and v.statements == 0 for v in uit.vernietigd)
    assert _aantal(w) == voor and _aantal(w, LogboekRegel) == lijnen and _audit(w) == []


def test_verlopen_gegevens_vernietigd_en_gelogd(met_levering: Wereld) -> None:
    w = met_levering
    o = w.omgeving
    nummer = _signaal_over_jan(w)
    with transactie(o.fabriek) as s:
        sig = s.get(Signaal, nummer)
        assert sig is not None
        sig.casus_id = "C-1"
        jan = s.scalars(
            sa.select(Statement.entity_id).where(Statement.value == "Jan de Vries")
        ).first()
    assert jan
    doe(o, w.analist, casussen.koppel_subject, "C-1", SubjectIn(entiteit_id=jan))
    assert _aantal(w, CasusSubject) == 1
    with transactie(o.fabriek) as s:
        # A matching run of the case: who is who among its persons goes with its data.
        s.add(
            Kruistaak(
                id="KT-proef",
                casus_id="C-1",
                soort="casus",
                gestart_door=w.analist.gebruiker_id,
                organisatie_id="riec-rotterdam",
            )
        )
    _sluit(w, "C-1", dt.datetime(2020, 3, 1, tzinfo=dt.UTC))
    uit = _bewaar(w, dt.date(2025, 3, 1), proef=False)
    assert _aantal(w) == 0 and uit.signalen_geschoond == 1
    assert uit.kruisresultaten == 1 and _aantal(w, Kruistaak) == 0
    assert sum(v.statements for v in uit.vernietigd) > 0
    # A subject without any data left is unlinked from the case.
    assert _aantal(w, CasusSubject) == 0
    with transactie(o.fabriek) as s:
        sig = s.get(Signaal, nummer)
        assert sig is not None and sig.omschrijving == GESCHOOND and sig.kenmerken == []
        regels = [json.loads(x) for x in s.scalars(sa.select(LogboekRegel.inhoud))]
        assert logboek.verifieer(s).in_orde
    inzage = doe(o, w.privacy, inzage_verzoek, InzageVraag(betrokkene=BSN_JAN))
    vernietigd = [r for r in regels if r["naam"] == "vernietigd na bewaartermijn"]
    assert vernietigd and all("5 jaar" in r["dpl.integraal.basis"] for r in vernietigd)
    assert "vernietigd na bewaartermijn" in [r.handeling for r in inzage.regels]
    # The destruction's log lines and its audit record share one trace id.
    [a] = _audit(w)
    assert {r["trace_id"] for r in vernietigd} == {a.trace_id}
    # Running it again finds nothing left to destroy.
    opnieuw = _bewaar(w, dt.date(2025, 3, 1), proef=False)
    assert opnieuw.vernietigd == [] and opnieuw.signalen_geschoond == 0


def test_termijn_per_categorie(met_levering: Wereld) -> None:
    """Identity data (5 years) stays when only a 1-year category would have expired."""
    w = met_levering
    _sluit(w, "C-1", dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    uit = _bewaar(w, dt.date(2026, 6, 1), proef=False)
    assert uit.vernietigd == []
    assert _aantal(w) > 0


def test_het_persoonsdeel_van_het_logboek_en_afgewezen_signalen_vervallen_ook(
    met_levering: Wereld,
) -> None:
    """Retention covers the log's personal part and signals turned down without a case, not
    only case data; the log's erasure is a chained entry, so verification stays in order."""
    w = met_levering
    o = w.omgeving
    nummer = _signaal_over_jan(w)
    with transactie(o.fabriek) as s:
        sig = s.get(Signaal, nummer)
        assert sig is not None
        sig.status, sig.gewijzigd_op = "afgewezen", dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
        # The delivery's lines are dated as if written in 2018.
        s.execute(sa.update(LogboekRegel).values(tijd=dt.datetime(2018, 1, 1, tzinfo=dt.UTC)))
    voor = doe(o, w.privacy, inzage_verzoek, InzageVraag(betrokkene=BSN_JAN))
    assert voor.regels
    proef = _bewaar(w, dt.date(2026, 1, 1), proef=True)
    assert proef.logregels_gewist > 0 and proef.signalen_geschoond == 1
    uit = _bewaar(w, dt.date(2026, 1, 1), proef=False)
    assert uit.logregels_gewist == proef.logregels_gewist
    with transactie(o.fabriek) as s:
        sig = s.get(Signaal, nummer)
        assert sig is not None and sig.omschrijving == GESCHOOND and sig.kenmerken == []
        assert logboek.verifieer(s).in_orde
        wissingen = [
            json.loads(x) for x in s.scalars(sa.select(LogboekRegel.inhoud)) if logboek.WISSING in x
        ]
    assert len(wissingen) == 1
    assert len(wissingen[0]["dpl.integraal.erased_subjects"]) == uit.logregels_gewist
    # Who the old reads were about can no longer be found in the log.
    na = doe(o, w.privacy, inzage_verzoek, InzageVraag(betrokkene=BSN_JAN))
    assert len(na.regels) < len(voor.regels)
    assert _bewaar(w, dt.date(2026, 1, 1), proef=False).logregels_gewist == 0


def test_de_taak_in_stappen_laat_anderen_ertussen_schrijven(met_levering: Wereld) -> None:
    """The scheduled job commits per expired group; another writer gets its turn in between,
    and the outcome is the one of the job in one transaction."""
    w = met_levering
    _sluit(w, "C-1", dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    echt = w.omgeving.context
    afgelopen = 0

    @contextmanager
    def maak(*a: Any, **k: Any) -> Iterator[Context]:
        nonlocal afgelopen
        with echt(*a, **k) as ctx:
            yield ctx
        afgelopen += 1
        if afgelopen == 2:  # the reading step and the first group are committed
            with echt(w.analist, Kanaal.WEB) as ander:
                ander.audit("tussendoor")

    uit = voer_uit_in_stappen(maak, dt.date(2026, 1, 1), proef=False)
    assert {v.categorie for v in uit.vernietigd} == {"identiteit", "adres", "kvk", "vergunningen"}
    assert all(v.statements > 0 for v in uit.vernietigd) and _aantal(w) == 0
    assert afgelopen == 2 + len(uit.vernietigd)
    with transactie(w.omgeving.fabriek) as s:
        acties = list(s.scalars(sa.select(AuditRecord.actie).order_by(AuditRecord.id)))
        assert logboek.verifieer(s).in_orde
    # The other writer's record came before the job's own, written at its end.
    assert acties.index("tussendoor") < acties.index("bewaartermijn uitvoeren")
    [a] = _audit(w)
    assert a.details["groepen"] == 4
