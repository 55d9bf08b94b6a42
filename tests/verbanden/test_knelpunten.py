# SPDX-License-Identifier: EUPL-1.2
"""The register of sharing bottlenecks: one step from a refusal, no personal data, escalation
and resolution, and the monitor's figures and report chapter computed from it."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from integraal.casus import deelverzoeken
from integraal.casus.deelverzoeken import DeelverzoekIn, Reden
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden
from integraal.domein.knelpunt import Knelpuntbron, Knelpuntstatus, Knelpuntthema, Oplossingssoort
from integraal.domein.rollen import Rol
from integraal.monitor import indicatoren, rapport
from integraal.monitor.laden import laad_alles
from integraal.opslag.db import transactie
from integraal.verbanden import knelpunten
from integraal.verbanden.knelpunten import (
    EscalatieIn,
    HergebruikIn,
    KnelpuntFilter,
    KnelpuntIn,
    OplossingIn,
    UitDeelverzoek,
    UitDeelwijzer,
)
from tests.conftest import BSN_JAN, Wereld, maak_actor
from tests.hulp import doe


def _geweigerd_verzoek(w: Wereld) -> str:
    d = doe(
        w.omgeving,
        w.analist,
        deelverzoeken.vraag,
        "C-1",
        DeelverzoekIn(
            verstrekker="zorgpartner-ggz-fictief",
            categorieen=["zorg", "identiteit"],
            toelichting="Zorgcontext en identiteit van de betrokkene.",
        ),
    )
    assert d.status.value == "geweigerd"
    return d.id


def test_een_geweigerd_verzoek_wordt_in_een_stap_een_knelpunt(wereld: Wereld) -> None:
    w = wereld
    dv = _geweigerd_verzoek(w)
    k = doe(
        w.omgeving,
        w.analist,
        knelpunten.uit_deelverzoek,
        dv,
        UitDeelverzoek(thema=Knelpuntthema.ZORG_EN_VEILIGHEID),
    )
    assert k.bron is Knelpuntbron.DEELVERZOEK and k.status is Knelpuntstatus.OPEN
    assert (k.verstrekker, k.ontvanger, k.verband) == (
        "zorgpartner-ggz-fictief",
        "riec-rotterdam",
        "riec-rotterdam",
    )
    assert k.doel == "integrale_aanpak"
    # Only the refused categories, each with the rule that refused it.
    assert set(k.categorieen) <= {"zorg", "identiteit"} and "zorg" in k.categorieen
    assert "ZVH-ZORG-NIET-STRAFRECHT" in k.regels
    # The reason in words: no rule or decision id, no person.
    assert "ZVH-ZORG" not in k.omschrijving and "Zorggegevens" in k.omschrijving
    # Once per request.
    with pytest.raises(Conflict):
        doe(w.omgeving, w.analist, knelpunten.uit_deelverzoek, dv, UitDeelverzoek())


def test_alleen_wie_bij_het_verzoek_hoort_maakt_er_een_knelpunt_van(wereld: Wereld) -> None:
    dv = _geweigerd_verzoek(wereld)
    with pytest.raises(NietGevonden):
        doe(wereld.omgeving, wereld.andere_riec, knelpunten.uit_deelverzoek, dv, UitDeelverzoek())


def test_een_toegestaan_verzoek_is_geen_knelpunt(wereld: Wereld) -> None:
    d = doe(
        wereld.omgeving,
        wereld.analist,
        deelverzoeken.vraag,
        "C-1",
        DeelverzoekIn(
            verstrekker="gemeente-rotterdam",
            categorieen=["identiteit"],
            toelichting="Wie staat er ingeschreven op het adres?",
        ),
    )
    assert d.status.value == "wacht_op_goedkeuring"
    with pytest.raises(Conflict):
        doe(wereld.omgeving, wereld.analist, knelpunten.uit_deelverzoek, d.id, UitDeelverzoek())


def test_een_afgewezen_verzoek_neemt_een_reden_met_een_bsn_niet_over(wereld: Wereld) -> None:
    o = wereld.omgeving
    d = doe(
        o,
        wereld.analist,
        deelverzoeken.vraag,
        "C-1",
        DeelverzoekIn(
            verstrekker="gemeente-rotterdam",
            categorieen=["identiteit"],
            toelichting="Wie staat er ingeschreven op het adres?",
        ),
    )
    doe(
        o,
        wereld.gemeente,
        deelverzoeken.wijs_af,
        d.id,
        Reden(reden=f"Jan de Vries ({BSN_JAN}) heeft bij ons een lopende zaak."),
    )
    k = doe(o, wereld.gemeente, knelpunten.uit_deelverzoek, d.id, UitDeelverzoek())
    assert k.bron is Knelpuntbron.AFGEWEZEN
    # The partner's own reason stays with the request: a name cannot be detected.
    assert BSN_JAN not in k.omschrijving and "Jan de Vries" not in k.omschrijving
    assert "De partner wees het verzoek af" in k.omschrijving


def test_het_register_is_voor_de_partijen_en_de_verbanden(wereld: Wereld) -> None:
    o = wereld.omgeving
    k = doe(
        o,
        wereld.gemeente,
        knelpunten.leg_vast,
        KnelpuntIn(
            titel="Geen koppeling met het vergunningensysteem",
            omschrijving="Vergunningen kunnen niet automatisch naar het RIEC.",
            verstrekker="gemeente-rotterdam",
            ontvanger="riec-rotterdam",
        ),
    )
    bank = maak_actor(o, "bank", "voorbeeldbank")
    coord_elders = maak_actor(o, "coord.bank", "spaarbank-fictief", Rol.COORDINATOR)
    assert doe(o, bank, knelpunten.lijst) == []
    with pytest.raises(NietGevonden):
        doe(o, bank, knelpunten.lees, k.id)
    # A coordinator of an organisation that is no party does not resolve it either.
    with pytest.raises(NietGevonden):
        doe(o, coord_elders, knelpunten.escaleer, k.id, EscalatieIn(naar="Stuurgroep"))
    # The parties and the partnerships read it.
    assert doe(o, wereld.analist, knelpunten.lees, k.id).titel == k.titel
    assert [x.id for x in doe(o, wereld.andere_riec, knelpunten.lijst)] == [k.id]


def test_een_weigering_van_de_deelwijzer_wordt_een_knelpunt(wereld: Wereld) -> None:
    politie = maak_actor(wereld.omgeving, "politie", "politie")
    vraag = UitDeelwijzer(
        van="zvh-rotterdam-rijnmond",
        aan="politie",
        categorie="zorg",
        doel="opsporing",
        thema=Knelpuntthema.ZORG_EN_VEILIGHEID,
    )
    k = doe(wereld.omgeving, politie, knelpunten.uit_deelwijzer, vraag)
    assert k.bron is Knelpuntbron.DEELWIJZER
    assert k.regels == ["ZVH-ZORG-NIET-STRAFRECHT"] and k.verband == "zvh-rotterdam-rijnmond"
    # What the rules allow is no bottleneck.
    with pytest.raises(Conflict):
        doe(
            wereld.omgeving,
            politie,
            knelpunten.uit_deelwijzer,
            UitDeelwijzer(van="gemeente", aan="riec", categorie="signaal", doel="integrale_aanpak"),
        )


@pytest.mark.parametrize(
    "tekst",
    [
        f"Het ging over BSN {BSN_JAN} bij de gemeente.",
        "Rekening NL91ABNA0417164300 kon niet worden gedeeld.",
        "Bel 06-12345678 voor de gegevens van de klant.",
    ],
)
def test_het_register_weigert_tekst_die_een_persoon_aanwijst(wereld: Wereld, tekst: str) -> None:
    with pytest.raises(ValidationError, match="geen persoonsgegevens"):
        KnelpuntIn(titel="Geen koppeling", omschrijving=tekst)
    with pytest.raises(ValidationError, match="geen persoonsgegevens"):
        OplossingIn(soort=Oplossingssoort.CONVENANT, oplossing=tekst)


def test_escaleren_oplossen_en_hergebruiken(wereld: Wereld) -> None:
    o = wereld.omgeving
    beleid = maak_actor(o, "beleid", "riec-rotterdam", Rol.BELEIDSMEDEWERKER)
    k = doe(
        o,
        wereld.analist,
        knelpunten.leg_vast,
        KnelpuntIn(
            titel="Havendata niet beschikbaar",
            omschrijving="Het havenbedrijf mag containerdata niet aan het RIEC leveren.",
            verstrekker="havenbedrijf-fictief",
            ontvanger="riec-rotterdam",
            thema=Knelpuntthema.MAINPORTS,
        ),
    )
    assert k.verband == "riec-rotterdam"
    # An analyst of another partnership reads it but may not change it; a policy officer may;
    # an organisation that is no party does not even find it.
    with pytest.raises(GeenToegang):
        doe(o, wereld.andere_riec, knelpunten.escaleer, k.id, EscalatieIn(naar="Stuurgroep"))
    with pytest.raises(NietGevonden):
        doe(o, wereld.gemeente, knelpunten.escaleer, k.id, EscalatieIn(naar="Stuurgroep"))
    doe(
        o,
        beleid,
        knelpunten.escaleer,
        k.id,
        EscalatieIn(naar="Taskforce gegevensdeling", datum=dt.date(2026, 11, 29)),
    )
    with pytest.raises(Conflict):
        doe(o, beleid, knelpunten.hergebruik, k.id, HergebruikIn(waar="Haven Amsterdam"))
    opgelost = doe(
        o,
        beleid,
        knelpunten.los_op,
        k.id,
        OplossingIn(
            soort=Oplossingssoort.CONVENANT, oplossing="Convenant mainports met het havenbedrijf."
        ),
    )
    assert opgelost.status is Knelpuntstatus.OPGELOST
    doe(o, beleid, knelpunten.hergebruik, k.id, HergebruikIn(waar="Haven Amsterdam"))
    k = doe(o, wereld.andere_riec, knelpunten.lees, k.id)
    assert [h.waar for h in k.hergebruik] == ["Haven Amsterdam"] and not k.mag_beheren
    with pytest.raises(Conflict):
        doe(o, beleid, knelpunten.escaleer, k.id, EscalatieIn(naar="Nogmaals"))
    assert [
        x.id
        for x in doe(
            o, wereld.andere_riec, knelpunten.lijst, KnelpuntFilter(thema=Knelpuntthema.MAINPORTS)
        )
    ] == [k.id]
    assert (
        doe(o, wereld.andere_riec, knelpunten.lijst, KnelpuntFilter(status=Knelpuntstatus.OPEN))
        == []
    )


def test_de_monitor_telt_weigeringen_en_knelpunten(wereld: Wereld) -> None:
    o = wereld.omgeving
    with transactie(o.fabriek) as s:
        laad_alles(s)
    dv = _geweigerd_verzoek(wereld)
    k = doe(
        o,
        wereld.analist,
        knelpunten.uit_deelverzoek,
        dv,
        UitDeelverzoek(thema=Knelpuntthema.ZORG_EN_VEILIGHEID),
    )
    jaar = str(dt.datetime.now(dt.UTC).year)

    def punten(code: str) -> dict[str, float | None]:
        i = doe(o, wereld.privacy, indicatoren.indicator, code)
        return {p.uitsplitsing: p.waarde for p in i.punten if p.periode == jaar}

    per_regel = punten("weigeringen-per-regel")
    assert per_regel["Zorggegevens gaan nooit naar de strafrechtelijke kant"] >= 1
    assert punten("weigeringen-per-verband") == {"RIEC Rotterdam": sum(per_regel.values())}
    assert punten("knelpunten-open") == {"Zorg en veiligheid": 1}
    r = doe(o, wereld.privacy, rapport.stel_samen)
    # The report names which data between whom, never the register's free text.
    assert [x.wat for x in r.knelpunten.open] == [
        "Zorggegevens, Identiteitsgegevens (GGZ Voorbeeldregio (fictief) → RIEC Rotterdam)"
    ] or [x.wat for x in r.knelpunten.open] == [
        "Zorggegevens (GGZ Voorbeeldregio (fictief) → RIEC Rotterdam)"
    ]
    assert {i.code for i, _ in r.knelpunten.indicatoren} >= {
        "weigeringen-per-regel",
        "knelpunten-open",
    }
    html = rapport.html(r)
    assert "Knelpunten in gegevensdeling" in html and "GGZ Voorbeeldregio" in html
    assert k.omschrijving not in html
    assert "ZVH-ZORG" not in html

    doe(
        o,
        wereld.privacy,
        knelpunten.los_op,
        k.id,
        OplossingIn(
            soort=Oplossingssoort.WERKINSTRUCTIE, oplossing="Uitleg: zorg blijft in het ZVH."
        ),
    )
    assert punten("knelpunten-open") == {}
    assert punten("knelpunten-doorlooptijd") == {"": 0.0}
    r = doe(o, wereld.privacy, rapport.stel_samen)
    assert r.knelpunten.open == []
    [opgelost] = r.knelpunten.opgelost
    assert (opgelost.oplossing, opgelost.dagen) == ("Werkinstructie of uitleg", 0)
    assert "Uitleg: zorg blijft in het ZVH." not in rapport.html(r)
