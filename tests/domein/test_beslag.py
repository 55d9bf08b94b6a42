# SPDX-License-Identifier: EUPL-1.2
"""The seized object's state machine: no sequence of actions reaches an illegal state."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integraal.domein.beslag import (
    EINDSTATUSSEN,
    MAHER_GRENS_CENTEN,
    OVERGANGEN,
    BeslagStatus,
    Beslagtoestand,
    Handeling,
    ObjectSoort,
    OngeldigeOvergang,
    TermijnSoort,
    beslagrol,
    controleer,
    klaagschrift_tot,
    pas_toe,
    termijnen,
)
from integraal.domein.rollen import Rol

S = BeslagStatus
BEGIN = dt.date(2026, 3, 2)
VOL = Handeling(
    reden="Nodig als bewijs in de zaak.",
    machtiging="OvJ-machtiging 117-2026-1",
    uitspraak="Rb Rotterdam 10/123456-26, 01-09-2026",
    afstandsverklaring="Afstandsverklaring 2026-77",
)


def _bereikbaar() -> set[BeslagStatus]:
    gezien, rand = {S.INBESLAGGENOMEN}, [S.INBESLAGGENOMEN]
    while rand:
        s = rand.pop()
        for o in OVERGANGEN:
            if s in o.van and o.naar not in gezien:
                gezien.add(o.naar)
                rand.append(o.naar)
    return gezien


def test_elke_status_is_bereikbaar_en_eindstatussen_zijn_eindig() -> None:
    assert _bereikbaar() == set(BeslagStatus)
    assert not any(o.van & EINDSTATUSSEN for o in OVERGANGEN)
    for o in OVERGANGEN:  # every step names its basis
        assert any(w in o.grondslag for w in ("Sv", "Sr", "Besluit", "MaHer")), o


stap = st.tuples(
    st.sampled_from(list(BeslagStatus)),
    st.sampled_from([Rol.OPSPORINGSAMBTENAAR, Rol.HULPOFFICIER, Rol.OFFICIER, Rol.BEWAARDER]),
    st.integers(min_value=0, max_value=30),  # days passing before the action
    st.booleans(),  # with all documents, or with none
    st.sampled_from([None, "in", "uit"]),  # a klaagschrift lodged or decided meanwhile
)


@settings(max_examples=400, deadline=None)
@given(
    soort=st.sampled_from(list(ObjectSoort)),
    waarde=st.one_of(st.none(), st.integers(min_value=0, max_value=5_000_00)),
    stappen=st.lists(stap, max_size=14),
)
def test_geen_reeks_handelingen_bereikt_een_ongeldige_toestand(
    soort: ObjectSoort,
    waarde: int | None,
    stappen: list[tuple[BeslagStatus, Rol, int, bool, str | None]],
) -> None:
    t = Beslagtoestand(S.INBESLAGGENOMEN, soort, BEGIN, waarde, status_sinds=BEGIN)
    vandaag = BEGIN
    for naar, rol, dagen, documenten, beklag in stappen:
        vandaag += dt.timedelta(days=dagen)
        if beklag == "in":
            t = Beslagtoestand(**{**t.__dict__, "beklag_aanhangig": True})
        elif beklag == "uit":
            t = Beslagtoestand(**{**t.__dict__, "beklag_aanhangig": False})
        voor = t
        try:
            o = controleer(t, naar, rol, vandaag, VOL if documenten else Handeling())
        except OngeldigeOvergang:
            continue
        t = pas_toe(t, naar, vandaag)
        # Every accepted step is in the table, by a role the table names.
        assert voor.status in o.van and o.naar is naar and rol in o.rollen
        assert voor.status not in EINDSTATUSSEN
        # Nothing irreversible while a klaagschrift is pending.
        assert not (o.onomkeerbaar and voor.beklag_aanhangig)
        # Documents the law asks for were there.
        if o.vereisten:
            assert (
                documenten
                or (naar in (S.VERVREEMD, S.VERNIETIGD) and rol is Rol.BEWAARDER)
                or naar in (S.TERUGGEGEVEN, S.HERBESTEMD)
            )
        if naar is S.HERBESTEMD:
            assert soort is ObjectSoort.GOEDEREN
            assert waarde is not None and waarde <= MAHER_GRENS_CENTEN
        if voor.status is S.VOORNEMEN_TERUGGAVE_DERDE and naar is S.TERUGGEGEVEN:
            assert voor.status_sinds is not None
            assert vandaag - voor.status_sinds >= dt.timedelta(days=14)


def _t(status: BeslagStatus, **kw: object) -> Beslagtoestand:
    return Beslagtoestand(status, ObjectSoort.VOERTUIG, BEGIN, 25_000_00, **kw)  # type: ignore[arg-type]


def test_rollen_tellen_alleen_bij_de_bevoegde_organisatie() -> None:
    assert beslagrol(Rol.HULPOFFICIER, "politie") is Rol.HULPOFFICIER
    assert beslagrol(Rol.HULPOFFICIER, "gemeente") is None
    assert beslagrol(Rol.OFFICIER, "om") is Rol.OFFICIER
    assert beslagrol(Rol.OFFICIER, "politie") is None
    assert beslagrol(Rol.ANALIST, "om") is None
    with pytest.raises(OngeldigeOvergang, match="alleen"):
        controleer(_t(S.INBESLAGGENOMEN), S.GEHANDHAAFD, None, BEGIN, VOL)


def test_deponeren_is_motiveren_en_klaagschrift_bevriest() -> None:
    gehandhaafd = _t(S.GEHANDHAAFD, status_sinds=BEGIN)
    with pytest.raises(OngeldigeOvergang, match="motiveer"):
        controleer(gehandhaafd, S.IN_BEWARING, Rol.OFFICIER, BEGIN, Handeling())
    controleer(gehandhaafd, S.IN_BEWARING, Rol.OFFICIER, BEGIN, VOL)
    bevroren = _t(S.IN_BEWARING, beklag_aanhangig=True)
    with pytest.raises(OngeldigeOvergang, match="klaagschrift"):
        controleer(bevroren, S.VERVREEMD, Rol.OFFICIER, BEGIN, VOL)
    # Reversible steps go on: the custody decision is not frozen.
    controleer(bevroren, S.VOORNEMEN_TERUGGAVE_DERDE, Rol.OFFICIER, BEGIN, VOL)


def test_bewaarder_mag_na_zes_weken_stilte_zelf_vervreemden() -> None:
    verzocht = _t(S.IN_BEWARING, machtiging_verzocht_op=BEGIN)
    zes_weken = BEGIN + dt.timedelta(weeks=6)
    with pytest.raises(OngeldigeOvergang, match="zes weken"):
        controleer(
            verzocht, S.VERVREEMD, Rol.BEWAARDER, zes_weken - dt.timedelta(days=1), Handeling()
        )
    controleer(verzocht, S.VERVREEMD, Rol.BEWAARDER, zes_weken, Handeling())
    with pytest.raises(OngeldigeOvergang, match="machtiging"):
        controleer(verzocht, S.VERVREEMD, Rol.OFFICIER, zes_weken, Handeling())


def test_teruggave_aan_derde_pas_na_veertien_dagen() -> None:
    voornemen = _t(S.VOORNEMEN_TERUGGAVE_DERDE, status_sinds=BEGIN)
    with pytest.raises(OngeldigeOvergang, match="16-03-2026"):
        controleer(voornemen, S.TERUGGEGEVEN, Rol.OFFICIER, BEGIN + dt.timedelta(days=13), VOL)
    controleer(voornemen, S.TERUGGEGEVEN, Rol.OFFICIER, BEGIN + dt.timedelta(days=14), VOL)


def test_maher_alleen_goederen_tot_honderd_euro() -> None:
    def verbeurd(soort: ObjectSoort, waarde: int | None) -> Beslagtoestand:
        return Beslagtoestand(S.VERBEURDVERKLAARD, soort, BEGIN, waarde)

    controleer(verbeurd(ObjectSoort.GOEDEREN, 100_00), S.HERBESTEMD, Rol.OFFICIER, BEGIN, VOL)
    for t, reden in (
        (verbeurd(ObjectSoort.GOEDEREN, 100_01), "hoger dan"),
        (verbeurd(ObjectSoort.GOEDEREN, None), "niet vastgesteld"),
        (verbeurd(ObjectSoort.VOERTUIG, 50_00), "alleen goederen"),
    ):
        with pytest.raises(OngeldigeOvergang, match=reden):
            controleer(t, S.HERBESTEMD, Rol.OFFICIER, BEGIN, VOL)


def test_termijnen_op_de_juiste_dag() -> None:
    [f1] = termijnen(_t(S.INBESLAGGENOMEN))
    assert (f1.soort, f1.vervalt_op) == (TermijnSoort.F1_HANDHAVING, dt.date(2026, 3, 5))
    assert f1.stand(dt.date(2026, 3, 4)) == "binnenkort"
    assert f1.stand(dt.date(2026, 3, 5)) == "vandaag"
    assert f1.stand(dt.date(2026, 3, 6)) == "verlopen"
    [f2] = termijnen(_t(S.GEHANDHAAFD, status_sinds=dt.date(2026, 3, 4)))
    assert f2.vervalt_op == dt.date(2026, 3, 25)
    assert f2.stand(dt.date(2026, 3, 1)) == "gepland"
    f3, m = termijnen(
        _t(
            S.IN_BEWARING,
            status_sinds=BEGIN,
            beoordeeld_op=dt.date(2026, 4, 1),
            machtiging_verzocht_op=dt.date(2026, 4, 10),
        )
    )
    assert (f3.soort, f3.vervalt_op) == (TermijnSoort.F3_HERBEOORDELING, dt.date(2026, 6, 30))
    assert (m.soort, m.vervalt_op) == (TermijnSoort.MACHTIGING_117, dt.date(2026, 5, 22))
    assert termijnen(_t(S.TERUGGEGEVEN)) == []


def test_klaagschrifttermijn() -> None:
    assert klaagschrift_tot(BEGIN, None) == dt.date(2028, 3, 2)
    assert klaagschrift_tot(BEGIN, dt.date(2026, 11, 30)) == dt.date(2027, 2, 28)
