# SPDX-License-Identifier: EUPL-1.2
"""Seizure figures: hand-checkable examples (with na-ijl) and no value counted twice."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from integraal.domein.beslag import BeslagStatus, ObjectSoort
from integraal.domein.beslagcijfers import (
    Beslagfeit,
    Methode,
    Statusfeit,
    Waardering,
    beslagwaarde,
    eerste_peildatum,
    geind,
    naijl,
    teruggegeven,
)

S = BeslagStatus


def _t(d: str) -> dt.datetime:
    return dt.datetime.fromisoformat(d).replace(tzinfo=dt.UTC)


def _w(euro: int, methode: Methode, op: str) -> Waardering:
    return Waardering(euro * 100, methode, _t(op))


def _s(status: BeslagStatus, op: str) -> Statusfeit:
    return Statusfeit(status, dt.date.fromisoformat(op), _t(op))


VOORBEELD = [
    # Cash, registered at once; returned in October.
    Beslagfeit(
        "A",
        "A",
        ObjectSoort.CONTANT,
        dt.date(2025, 3, 1),
        _t("2025-03-02"),
        waarderingen=(_w(10_000, Methode.KVI, "2025-03-02"),),
        statussen=(_s(S.TERUGGEGEVEN, "2025-10-01"),),
    ),
    # The same cash seized again in the same case: one seizure, not two.
    Beslagfeit(
        "A2",
        "A",
        ObjectSoort.CONTANT,
        dt.date(2025, 11, 1),
        _t("2025-11-01"),
        waarderingen=(_w(10_000, Methode.KVI, "2025-11-01"),),
    ),
    # Crypto: estimated, then converted at the day rate a week later (replaces the estimate).
    Beslagfeit(
        "C",
        "C",
        ObjectSoort.CRYPTO,
        dt.date(2025, 6, 1),
        _t("2025-06-01"),
        waarderingen=(
            _w(5_000, Methode.TAXATIE, "2025-06-01"),
            _w(4_800, Methode.DAGKOERS, "2025-06-08"),
        ),
    ),
    # A car seized in November but registered only in March: the na-ijleffect. Forfeited and
    # sold in 2026: the proceeds are collected in 2026, the seizure value stays in 2025.
    Beslagfeit(
        "B",
        "B",
        ObjectSoort.VOERTUIG,
        dt.date(2025, 11, 20),
        _t("2026-03-15"),
        waarderingen=(
            _w(20_000, Methode.TAXATIE, "2026-03-20"),
            _w(18_000, Methode.OPBRENGST, "2026-06-01"),
        ),
        statussen=(_s(S.VERBEURDVERKLAARD, "2026-05-01"), _s(S.VERKOCHT, "2026-06-01")),
    ),
    # On a foreign request: its own series.
    Beslagfeit(
        "E",
        "E",
        ObjectSoort.BANKTEGOED,
        dt.date(2025, 5, 5),
        _t("2025-05-06"),
        rechtshulp=True,
        waarderingen=(_w(7_000, Methode.KVI, "2025-05-06"),),
    ),
]


def test_voorbeeld_met_naijl() -> None:
    p0, juni = eerste_peildatum(2025), _t("2026-06-30")
    assert p0 == _t("2026-01-31T23:59:59")
    op_p0 = beslagwaarde(VOORBEELD, 2025, p0)
    assert (op_p0.bedrag_centen, op_p0.aantal, op_p0.laat_centen) == (14_800_00, 2, 0)
    later = beslagwaarde(VOORBEELD, 2025, juni)
    assert (later.bedrag_centen, later.aantal, later.laat_centen) == (34_800_00, 3, 20_000_00)
    assert [c.bedrag_centen for _, c in naijl(VOORBEELD, 2025, [p0, _t("2026-03-16"), juni])] == [
        14_800_00,
        14_800_00,  # registered, but not yet valued on 16 March
        34_800_00,
    ]
    assert beslagwaarde(VOORBEELD, 2025, juni, rechtshulp=True).bedrag_centen == 7_000_00
    assert beslagwaarde(VOORBEELD, 2025, juni, rechtshulp=None).bedrag_centen == 41_800_00
    # Before the conversion the estimate counts; after it, the day rate.
    assert beslagwaarde(VOORBEELD, 2025, _t("2025-06-05")).bedrag_centen == 15_000_00
    assert geind(VOORBEELD, 2026, juni).bedrag_centen == 18_000_00
    assert geind(VOORBEELD, 2025, juni).bedrag_centen == 0
    assert teruggegeven(VOORBEELD, 2025, juni).bedrag_centen == 10_000_00


datums = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2026, 12, 31))


@st.composite
def beslagfeiten(draw: st.DrawFn) -> list[Beslagfeit]:
    n = draw(st.integers(min_value=0, max_value=25))
    feiten = []
    for i in range(n):
        beslagen = draw(datums)
        geregistreerd = dt.datetime.combine(
            beslagen + dt.timedelta(days=draw(st.integers(0, 400))), dt.time(), dt.UTC
        )
        waarderingen = tuple(
            Waardering(
                draw(st.integers(0, 10**8)),
                draw(st.sampled_from(list(Methode))),
                geregistreerd + dt.timedelta(days=draw(st.integers(0, 300))),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        einde = draw(st.sampled_from([None, S.TERUGGEGEVEN, S.VERKOCHT, S.VERBEURDVERKLAARD]))
        statussen: tuple[Statusfeit, ...] = ()
        if einde is not None:
            op = beslagen + dt.timedelta(days=draw(st.integers(0, 500)))
            statussen = (Statusfeit(einde, op, dt.datetime.combine(op, dt.time(), dt.UTC)),)
        feiten.append(
            Beslagfeit(
                f"O{i}",
                f"K{draw(st.integers(0, max(n // 2, 1)))}",  # shared keys: re-seizures
                draw(st.sampled_from(list(ObjectSoort))),
                beslagen,
                geregistreerd,
                rechtshulp=draw(st.booleans()),
                waarderingen=waarderingen,
                statussen=statussen,
            )
        )
    return feiten


PEIL = _t("2030-01-01")


@settings(max_examples=300, deadline=None)
@given(feiten=beslagfeiten())
def test_geen_waarde_dubbel_geteld(feiten: list[Beslagfeit]) -> None:
    jaren = range(2023, 2027)
    per_jaar = [beslagwaarde(feiten, j, PEIL, rechtshulp=None) for j in jaren]
    geteld = [i for c in per_jaar for i in c.objecten]
    assert len(geteld) == len(set(geteld))
    sleutels = [next(f for f in feiten if f.id == i).dedup_sleutel for i in geteld]
    assert len(sleutels) == len(set(sleutels)), "one seizure value per dedup key"
    # Own plus foreign-request series are the whole, without overlap.
    for j, heel in zip(jaren, per_jaar, strict=True):
        eigen = beslagwaarde(feiten, j, PEIL)
        buitenland = beslagwaarde(feiten, j, PEIL, rechtshulp=True)
        assert eigen.bedrag_centen + buitenland.bedrag_centen == heel.bedrag_centen
    # An object is collected or returned, never both, and in one year at most.
    uit = [
        i
        for j in jaren
        for c in (geind(feiten, j, PEIL), teruggegeven(feiten, j, PEIL))
        for i in c.objecten
    ]
    assert len(uit) == len(set(uit))


@settings(max_examples=200, deadline=None)
@given(feiten=beslagfeiten(), extra=st.integers(1, 10**7))
def test_verkoop_en_omzetting_zijn_geen_nieuw_beslag(feiten: list[Beslagfeit], extra: int) -> None:
    voor = [beslagwaarde(feiten, j, PEIL, rechtshulp=None).bedrag_centen for j in range(2023, 2027)]
    # A sale adds proceeds; the same object seized again shares its key.
    verkocht = [
        Beslagfeit(
            **{
                **f.__dict__,
                "waarderingen": (
                    *f.waarderingen,
                    Waardering(extra, Methode.OPBRENGST, f.geregistreerd_op),
                ),
            }
        )
        for f in feiten
    ]
    opnieuw = [
        Beslagfeit(
            **{
                **f.__dict__,
                "id": f.id + "-opnieuw",
                "beslagen_op": f.beslagen_op + dt.timedelta(days=1),
            }
        )
        for f in feiten
    ]
    for variant in (verkocht, feiten + opnieuw):
        na = [
            beslagwaarde(variant, j, PEIL, rechtshulp=None).bedrag_centen for j in range(2023, 2027)
        ]
        assert na == voor


@settings(max_examples=200, deadline=None)
@given(feiten=beslagfeiten())
def test_een_gepubliceerd_cijfer_verandert_niet_met_wat_later_komt(
    feiten: list[Beslagfeit],
) -> None:
    p = _t("2025-01-31T23:59:59")
    eerder = [f for f in feiten if f.geregistreerd_op <= p]
    later = [f for f in feiten if f.geregistreerd_op > p]
    for j in range(2023, 2026):
        assert beslagwaarde(eerder, j, p) == beslagwaarde(eerder + later, j, p)
