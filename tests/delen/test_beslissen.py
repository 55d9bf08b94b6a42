# SPDX-License-Identifier: EUPL-1.2
"""The evaluator: default deny, deny wins, conditions, validity periods, explanations."""

from __future__ import annotations

import datetime as dt
import functools
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integraal.delen import (
    Beslisser,
    CasusContext,
    Verzoek,
    evaluator,
    laad_catalogus,
    laad_register,
    leg_uit,
)
from integraal.delen.model import Catalogus, Regel

B = Beslisser(laad_catalogus(), laad_register())
CASUS = CasusContext(
    id="C-1",
    verband_id="riec-rotterdam",
    aanwijzingen_vastgelegd=True,
    leden=frozenset({"gebruiker:1"}),
)


def _riec_in(**kw: object) -> Verzoek:
    basis: dict[str, object] = {
        "van": "gemeente-rotterdam",
        "aan": "riec-rotterdam",
        "categorie": "identiteit",
        "doel": "integrale_aanpak",
        "casus": CASUS,
        "feiten": frozenset({"noodzakelijk"}),
    }
    basis.update(kw)
    return Verzoek.model_validate(basis)


def test_toegestaan_met_grondslag_en_verplichtingen() -> None:
    b = B.beslis(_riec_in())
    assert b.toegestaan and b.regel_id == "WGS-RIEC-IN"
    assert b.grondslag is not None and b.grondslag.bwb_id == "BWBR0050665"
    assert b.verplichtingen is not None and b.verplichtingen.loggen
    assert {t.naam for t in b.voldaan} == {
        "deelnemer_van_verband",
        "objectieve_aanwijzingen",
        "noodzakelijk",
        "casus",
    }


def test_zonder_casus_geweigerd_met_ontbrekende_voorwaarden() -> None:
    b = B.beslis(_riec_in(casus=None))
    assert not b.toegestaan
    assert b.regel_id == "WGS-RIEC-IN"
    assert {t.naam for t in b.niet_voldaan} == {"objectieve_aanwijzingen", "casus"}


def test_gemeente_uit_andere_regio_is_geen_deelnemer() -> None:
    b = B.beslis(_riec_in(van="gemeente-utrecht"))
    assert not b.toegestaan
    assert "deelnemer_van_verband" in {t.naam for t in b.niet_voldaan}


def test_standaard_weigeren_zonder_passende_regel() -> None:
    b = B.beslis(
        Verzoek(
            van="kadaster", aan="havenbedrijf-fictief", categorie="identiteit", doel="convenant"
        )
    )
    assert not b.toegestaan and b.regel_id is None
    assert "standaard weigeren" in leg_uit(b, B.catalogus, B.register)


def test_onbekende_organisatie_geweigerd() -> None:
    assert not B.beslis(_riec_in(van="bestaat-niet")).toegestaan


def test_verbod_gaat_voor_toestemming() -> None:
    # EIGEN-LEVERING would allow reading one's own data, but a Bibob advice stays secret.
    v = Verzoek(
        van="riec-rotterdam",
        aan="gemeente-rotterdam",
        categorie="bibob_advies",
        doel="bibob",
        bron="gemeente-rotterdam",
    )
    b = B.beslis(v)
    assert not b.toegestaan and b.regel_id == "BIBOB-OVERIG"


def test_riec_deelt_niet_met_private_partijen() -> None:
    b = B.beslis(
        Verzoek(
            van="riec-rotterdam",
            aan="voorbeeldbank",
            categorie="casusanalyse",
            doel="interventie",
            casus=CASUS,
            feiten=frozenset({"vierogen"}),
        )
    )
    assert not b.toegestaan and b.regel_id == "WGS-RIEC-PRIVAAT"


def test_geen_risicoscore_over_personen() -> None:
    b = B.beslis(
        Verzoek(
            van="politie",
            aan="riec-rotterdam",
            categorie="persoonsrisicoscore",
            doel="integrale_aanpak",
            casus=CASUS,
        )
    )
    assert not b.toegestaan and b.regel_id == "GEEN-RISICOSCORE"


def test_geldigheid_in_de_tijd() -> None:
    v = {
        "van": "fiu",
        "aan": "voorbeeldbank",
        "categorie": "transactie_ref",
        "doel": "opschorting",
        "feiten": frozenset({"binnen_opschortingstermijn"}),
    }
    assert not B.beslis(Verzoek.model_validate({**v, "datum": dt.date(2026, 6, 30)})).toegestaan
    b = B.beslis(Verzoek.model_validate({**v, "datum": dt.date(2026, 7, 1)}))
    assert b.toegestaan and b.regel_id == "FIU-OPSCHORTING"


def test_wetsvoorstel_nog_niet_in_werking() -> None:
    b = B.beslis(
        Verzoek(van="douane", aan="politie", categorie="douane_aangifte", doel="opsporing")
    )
    assert not b.toegestaan and b.regel_id == "DOUANE-POLITIE"
    assert any("nog niet in werking" in o.reden for o in b.overwogen)


def test_uitleg_noemt_artikel_en_url() -> None:
    b = B.beslis(
        Verzoek(
            van="voorbeeldbank",
            aan="fiu",
            categorie="wwft_melding",
            doel="melding",
            feiten=frozenset({"indicator_geraakt"}),
        )
    )
    tekst = leg_uit(b, B.catalogus, B.register)
    assert b.toegestaan
    assert "Wwft art. 16" in tekst and "jci1.3:c:BWBR0024282&artikel=16" in tekst
    assert "wetten.overheid.nl" in tekst
    assert "tipping-off" in tekst


def test_zonder_uitleg_zelfde_uitkomst() -> None:
    for v in (_riec_in(), _riec_in(casus=None), _riec_in(van="gemeente-utrecht")):
        assert B.beslis(v).toegestaan == B.beslis(v, uitleg=False).toegestaan


_CATS = sorted(laad_catalogus().categorieen)
_DOELEN = sorted(laad_catalogus().doelen)
_ORGS = sorted(o.id for o in laad_register().organisaties)


@functools.cache
def _met_verbod(cat: str) -> Beslisser:
    """The catalogue with a prohibition on `cat` added (built once per category: validating
    the whole catalogue is the slow part)."""
    cat_ = laad_catalogus()
    verbod = Regel.model_validate(
        {
            "id": "TEST-VERBOD",
            "titel": "t",
            "herkomst": "vereenvoudiging",
            "effect": "weigeren",
            "van": ["*"],
            "aan": ["*"],
            "categorieen": [cat],
            "grondslag": {"omschrijving": "test"},
        }
    )
    return Beslisser(
        Catalogus(
            versie="t",
            categorieen=cat_.categorieen,
            doelen=cat_.doelen,
            regels=(*cat_.regels, verbod),
        ),
        laad_register(),
    )


@settings(max_examples=200, deadline=None)
@given(
    van=st.sampled_from(_ORGS),
    aan=st.sampled_from(_ORGS),
    cat=st.sampled_from(_CATS),
    doel=st.sampled_from(_DOELEN),
    feiten=st.frozensets(
        st.sampled_from(
            [
                "noodzakelijk",
                "vierogen",
                "objectieve_aanwijzingen",
                "ovj_vordering",
                "geautoriseerde_aanvrager",
            ]
        )
    ),
)
def test_een_verbod_erbij_maakt_nooit_iets_toegestaan(
    van: str, aan: str, cat: str, doel: str, feiten: frozenset[str]
) -> None:
    """Deny wins: adding a matching prohibition can only turn allow into deny."""
    v = Verzoek(van=van, aan=aan, categorie=cat, doel=doel, feiten=feiten, casus=CASUS)
    strenger = _met_verbod(cat)
    assert not strenger.beslis(v).toegestaan
    if not B.beslis(v).toegestaan:
        assert not strenger.beslis(v).toegestaan


@settings(max_examples=200, deadline=None)
@given(
    van=st.sampled_from(_ORGS),
    aan=st.sampled_from(_ORGS),
    cat=st.sampled_from(_CATS),
    doel=st.sampled_from(_DOELEN),
)
def test_toegestaan_heeft_altijd_regel_en_grondslag(
    van: str, aan: str, cat: str, doel: str
) -> None:
    b = B.beslis(
        Verzoek(
            van=van,
            aan=aan,
            categorie=cat,
            doel=doel,
            casus=CASUS,
            feiten=frozenset({"noodzakelijk", "vierogen", "eigen_bevoegdheid"}),
        )
    )
    if b.toegestaan:
        assert b.regel_id and b.grondslag and not b.niet_voldaan


_FEITEN = ["noodzakelijk", "vierogen", "objectieve_aanwijzingen", "ovj_vordering"]


@settings(max_examples=300, deadline=None)
@given(
    van=st.sampled_from([o.id for o in B.register.organisaties] + ["gemeente", "politie"]),
    aan=st.sampled_from([o.id for o in B.register.organisaties]),
    categorie=st.sampled_from([*sorted(B.catalogus.categorieen), "onbekend"]),
    doel=st.sampled_from([*sorted(B.catalogus.doelen), "onbekend"]),
    feiten=st.frozensets(st.sampled_from(_FEITEN)),
    in_casus=st.booleans(),
)
def test_zonder_uitleg_dezelfde_beslissing_als_met_uitleg(
    van: str, aan: str, categorie: str, doel: str, feiten: frozenset[str], in_casus: bool
) -> None:
    """The fast path (remembered candidates, no reasons) decides as the explained one."""
    v = Verzoek(
        van=van,
        aan=aan,
        categorie=categorie,
        doel=doel,
        casus=CASUS if in_casus else None,
        actor="gebruiker:1",
        feiten=feiten,
    )
    met, zonder = B.beslis(v), B.beslis(v, uitleg=False)
    assert (met.toegestaan, met.regel_id, met.grondslag) == (
        zonder.toegestaan,
        zonder.regel_id,
        zonder.grondslag,
    )
    # Without explanation only the deciding reason is kept, never the rules passed by.
    assert len(zonder.overwogen) <= 1


def test_elk_besluit_een_eigen_nummer_ook_na_een_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    nummers = {B.beslis(_riec_in(), uitleg=False).besluit_id for _ in range(1000)}
    assert len(nummers) == 1000
    # A forked app process draws a prefix of its own: no two processes share an id.
    ander_proces = os.getpid() + 1
    monkeypatch.setattr(evaluator.os, "getpid", lambda: ander_proces)
    na = B.beslis(_riec_in()).besluit_id
    assert na.split("-")[0] not in {n.split("-")[0] for n in nummers}
