# SPDX-License-Identifier: EUPL-1.2
"""A port contact point's signal through a published covenant: the channel and the covenant
version are recorded, the mainport tag goes from the signal to the case; an unpublished
covenant lets nothing through."""

from __future__ import annotations

import pytest

from integraal.casus import casussen, signalen
from integraal.casus.casussen import CasusIn
from integraal.casus.signalen import Beoordeling, SignaalIn
from integraal.delen import Geweigerd
from integraal.domein.casus import SignaalStatus
from integraal.domein.poortwachters import Mainport, Signaalkanaal
from integraal.domein.rollen import Rol
from tests.conftest import Wereld, maak_actor
from tests.hulp import doe
from tests.poortwachters.conftest import Poort

TEKST = "Een uitzendkracht vraagt steeds naar de planning van één containerstack op de kade."


def test_signaal_via_het_convenant_tot_casus(wereld: Wereld, poort: Poort) -> None:
    o = wereld.omgeving
    waar = doe(o, poort.haven, lambda ctx: signalen.verbanden(ctx.beslisser, ctx.ik.organisatie_id))
    assert [v for v, _ in waar] == ["riec-rotterdam"]
    s = doe(
        o, poort.haven, signalen.dien_in, SignaalIn(verband="riec-rotterdam", omschrijving=TEKST)
    )
    assert s.kanaal is Signaalkanaal.CONTACTPUNT and s.mainport is Mainport.ROTTERDAM
    doe(
        o,
        wereld.analist,
        signalen.beoordeel,
        s.id,
        Beoordeling(status=SignaalStatus.IN_BEHANDELING, reden="Past bij een lopend beeld."),
    )
    coordinator = maak_actor(o, "coordinator", "riec-rotterdam", Rol.COORDINATOR)
    c = doe(o, coordinator, casussen.open_casus, CasusIn(titel="Kade-informant", signalen=[s.id]))
    assert c.mainport is Mainport.ROTTERDAM

    # A participant may tag a mainport itself; a public tip has its own channel.
    eigen = doe(
        o,
        wereld.gemeente,
        signalen.dien_in,
        SignaalIn(verband="riec-rotterdam", omschrijving=TEKST, mainport=Mainport.ROTTERDAM),
    )
    assert eigen.kanaal is Signaalkanaal.DEELNEMER and eigen.mainport is Mainport.ROTTERDAM
    publiek = doe(
        o, None, signalen.dien_in, SignaalIn(verband="riec-rotterdam", omschrijving=TEKST)
    )
    assert publiek.kanaal is Signaalkanaal.PUBLIEK


def test_niet_gepubliceerd_convenant(wereld: Wereld, poort: Poort) -> None:
    o = wereld.omgeving
    schiphol = maak_actor(o, "poco.lucht", "luchtvracht-fictief", Rol.CONTACTPUNT)
    assert (
        doe(o, schiphol, lambda ctx: signalen.verbanden(ctx.beslisser, ctx.ik.organisatie_id)) == []
    )
    with pytest.raises(Geweigerd) as fout:
        doe(
            o,
            schiphol,
            signalen.dien_in,
            SignaalIn(verband="riec-noord-holland", omschrijving=TEKST),
        )
    assert any("nog niet gepubliceerd" in t.toelichting for t in fout.value.waarom.niet_voldaan)
