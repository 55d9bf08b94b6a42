# SPDX-License-Identifier: EUPL-1.2
"""Retention: a closed case's data goes when its category's term has passed, and that is logged."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from integraal import logboek
from integraal.casus import signalen
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Casus, LogboekRegel, Signaal, Statement
from integraal.toegang.bewaren import GESCHOOND, voer_uit
from tests.conftest import BSN_JAN, Wereld


def _sluit(w: Wereld, casus_id: str, op: dt.datetime) -> None:
    with transactie(w.omgeving.fabriek) as s:
        c = s.get(Casus, casus_id)
        assert c is not None
        c.status, c.gesloten_op, c.sluitreden = "gesloten", op, "test"


def _aantal(w: Wereld) -> int:
    with transactie(w.omgeving.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(Statement)) or 0)


def test_niets_vervalt_voor_de_termijn(met_levering: Wereld) -> None:
    w = met_levering
    _sluit(w, "C-1", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    voor = _aantal(w)
    with transactie(w.omgeving.fabriek) as s:
        uit = voer_uit(s, w.omgeving.beslisser, dt.date(2030, 12, 31), proef=False)
    assert uit.vernietigd == [] and _aantal(w) == voor


def test_proef_verwijdert_niets(met_levering: Wereld) -> None:
    w = met_levering
    _sluit(w, "C-1", dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    voor = _aantal(w)
    with transactie(w.omgeving.fabriek) as s:
        uit = voer_uit(s, w.omgeving.beslisser, dt.date(2026, 1, 1), proef=True)
    assert {v.categorie for v in uit.vernietigd} == {"identiteit", "adres", "kvk", "vergunningen"}
    assert _aantal(w) == voor


def test_verlopen_gegevens_vernietigd_en_gelogd(met_levering: Wereld) -> None:
    w = met_levering
    with transactie(w.omgeving.fabriek) as s:
        nummer = signalen.dien_in(
            s,
            w.omgeving.beslisser,
            w.gemeente,
            verband_id="riec-rotterdam",
            omschrijving="Jan de Vries en het pand aan de Kerkstraat.",
            kenmerken=[("bsn", BSN_JAN)],
            sleutel=w.omgeving.pseudoniem_sleutel,
            herkomst="test",
        )
        sig = s.get(Signaal, nummer)
        assert sig is not None
        sig.casus_id = "C-1"
    _sluit(w, "C-1", dt.datetime(2020, 3, 1, tzinfo=dt.UTC))
    with transactie(w.omgeving.fabriek) as s:
        uit = voer_uit(s, w.omgeving.beslisser, dt.date(2025, 3, 1), proef=False)
    assert _aantal(w) == 0 and uit.signalen_geschoond == 1
    with transactie(w.omgeving.fabriek) as s:
        sig = s.get(Signaal, nummer)
        assert sig is not None and sig.omschrijving == GESCHOOND and sig.kenmerken == []
        regels = [json.loads(x) for x in s.scalars(sa.select(LogboekRegel.inhoud))]
        assert logboek.verifieer(s).in_orde
        _, inzage = __import__("integraal.toegang.inzage", fromlist=["x"]).inzage_verzoek(
            s, w.privacy, BSN_JAN, w.omgeving.pseudoniem_sleutel, "test"
        )
    vernietigd = [r for r in regels if r["naam"] == "vernietigd na bewaartermijn"]
    assert vernietigd and all("5 jaar" in r["dpl.integraal.basis"] for r in vernietigd)
    assert "vernietigd na bewaartermijn" in [r.handeling for r in inzage]


def test_termijn_per_categorie(met_levering: Wereld) -> None:
    """Identity data (5 years) stays when only a 1-year category would have expired."""
    w = met_levering
    _sluit(w, "C-1", dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    with transactie(w.omgeving.fabriek) as s:
        uit = voer_uit(s, w.omgeving.beslisser, dt.date(2026, 6, 1), proef=False)
    assert uit.vernietigd == []
    assert _aantal(w) > 0
