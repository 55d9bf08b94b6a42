# SPDX-License-Identifier: EUPL-1.2
"""The municipality's administrative instruments in the demo world, done through the same
services users call:

- Bibob: a horeca permit with the LBB's advice (secret), an extract for the RIEC and an intended
  refusal waiting for the applicant's view; a subsidy whose advice is still awaited; another
  municipality re-using the conclusion from the register;
- closures: the police's administrative reports to the mayor of Rotterdam, closures under art.
  13b Opiumwet in the Kadebuurt registered at the Kadaster, one ended, and a report after an
  explosion that waits for the OOV adviser;
- claims: a penalty partly forfeited and paid, a fine waiting for payment;
- the Kadaster: the bank watches a plot and sees the restriction and the recorded ownership
  changes.
"""

from __future__ import annotations

import datetime as dt
from typing import ParamSpec, TypeVar

from integraal.bestuurlijk import bibob, kadaster, sluitingen, vorderingen
from integraal.bestuurlijk.bibob import (
    BibobIn,
    ExtractIn,
    LbbAdviesIn,
    OnderzoekIn,
    RegistervraagIn,
    VoornemenIn,
)
from integraal.bestuurlijk.kadaster import AbonnementIn
from integraal.bestuurlijk.sluitingen import (
    BeeindigingIn,
    RapportageIn,
    SluitingIn,
    SluitingsbesluitIn,
)
from integraal.bestuurlijk.vorderingen import VorderingIn, VorderingsstapIn
from integraal.casus.signalen import Kenmerk, KenmerkSoort
from integraal.demo.als import als
from integraal.domein.actor import Actor
from integraal.domein.bestuurlijk import (
    Bibobaanleiding,
    Bibobbesluit,
    Bibobconclusie,
    Sluitingsgrond,
    Vorderingsoort,
)
from integraal.omgeving import Omgeving

P = ParamSpec("P")
T = TypeVar("T")
KVK_HORECA = "99000011"
KVK_STICHTING = "99000012"
# Fictitious plots in the fictitious municipality "Voorbeeldstad" (Kadaster code VBS00).
PERCEEL_GEVOLGD = "VBS00 A 1201"


def speel_bestuurlijk(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    if als(omgeving, actoren["bibob.rdam"], bibob.lijst):
        return  # loaded before: the demo is idempotent
    vandaag = dt.date.today()
    _bibob(omgeving, actoren)
    _kadaster(omgeving, actoren)
    _sluitingen(omgeving, actoren, vandaag)
    _vorderingen(omgeving, actoren, vandaag)


def _bibob(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    ik = actoren["bibob.rdam"]
    horeca = als(
        omgeving,
        ik,
        bibob.start,
        BibobIn(
            aanleiding=Bibobaanleiding.VERGUNNING,
            onderwerp="Exploitatievergunning horeca, zaak Z-2026-0412",
            aanvrager="Kadehoek Horeca B.V. (fictief)",
            kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde=KVK_HORECA)],
        ),
    )
    als(
        omgeving,
        ik,
        bibob.onderzoek,
        horeca.id,
        OnderzoekIn(
            vragenlijst_op=dt.date.today() - dt.timedelta(days=70),
            eigen_onderzoek="De vragenlijst noemt een financier zonder herkomst van het geld; "
            "de bestuurder was eerder betrokken bij een gesloten pand.",
        ),
    )
    als(omgeving, ik, bibob.vraag_advies, horeca.id)
    als(
        omgeving,
        ik,
        bibob.ontvang_advies,
        horeca.id,
        LbbAdviesIn(
            conclusie=Bibobconclusie.ERNSTIG_B,
            advies="Het LBB ziet een ernstige mate van gevaar dat uit strafbare feiten "
            "verkregen voordeel in de onderneming wordt benut (fictief demo-advies).",
        ),
    )
    als(
        omgeving,
        ik,
        bibob.deel_extract,
        horeca.id,
        ExtractIn(
            extract="Graag ondersteuning bij het duiden van de financier uit de vragenlijst "
            "en de zeggenschap in de onderneming.",
        ),
    )
    als(omgeving, ik, bibob.voornemen, horeca.id, VoornemenIn(voornemen=Bibobbesluit.WEIGEREN))
    subsidie = als(
        omgeving,
        ik,
        bibob.start,
        BibobIn(
            aanleiding=Bibobaanleiding.SUBSIDIE,
            onderwerp="Subsidie buurtsportcentrum, zaak Z-2026-0533",
            aanvrager="Stichting Buurtsport Voorbeeldstad (fictief)",
            kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde=KVK_STICHTING)],
            vragenlijst_op=dt.date.today() - dt.timedelta(days=20),
            eigen_onderzoek="Bestuur en begroting nagelopen; een bestuurder is onbekend in de "
            "eigen registers.",
        ),
    )
    als(omgeving, ik, bibob.vraag_advies, subsidie.id)
    als(
        omgeving,
        actoren["bibob.schiedam"],
        bibob.register,
        RegistervraagIn(soort=KenmerkSoort.KVK, waarde=KVK_HORECA),
    )


def _kadaster(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    bank = actoren["bank"]
    als(omgeving, bank, kadaster.volg, AbonnementIn(perceel=PERCEEL_GEVOLGD))
    als(omgeving, bank, kadaster.haal_mutaties_op)


def _rapport(
    gemeente: str, grond: Sluitingsgrond, nummer: int, buurt: str, perceel: str | None, dag: dt.date
) -> RapportageIn:
    bevinding = {
        Sluitingsgrond.OPIUMWET_13B: "Hennepkwekerij aangetroffen met een handelshoeveelheid.",
        Sluitingsgrond.GEWELD: "Explosief tot ontploffing gebracht bij de voordeur.",
        Sluitingsgrond.WAPENS: "Vuurwapen met munitie aangetroffen in de woning.",
    }[grond]
    return RapportageIn(
        gemeente=gemeente,
        grond=grond,
        bag_id=f"99990100000{12340 + nummer:05d}",
        adres=f"Kadestraat {nummer}, Voorbeeldstad (fictief)",
        buurt_code=buurt,
        perceel=perceel,
        feiten_op=dag,
        samenvatting=f"{bevinding} Bevindingen van de wijkagent en de recherche (fictief).",
    )


def _sluitingen(omgeving: Omgeving, actoren: dict[str, Actor], vandaag: dt.date) -> None:
    politie, oov = actoren["politie"], actoren["oov.rdam"]
    for n in range(1, 7):
        perceel = PERCEEL_GEVOLGD if n == 1 else f"VBS00 A {1300 + n}"
        buurt = "BU99990101" if n <= 5 else "BU99990102"
        r = als(
            omgeving,
            politie,
            sluitingen.stuur_rapportage,
            _rapport(
                "gemeente-rotterdam",
                Sluitingsgrond.OPIUMWET_13B,
                n,
                buurt,
                perceel,
                vandaag - dt.timedelta(days=40 + n),
            ),
        )
        s = als(omgeving, oov, sluitingen.bereid_voor, r.id, SluitingIn())
        als(
            omgeving,
            oov,
            sluitingen.besluit,
            s.id,
            SluitingsbesluitIn(
                besluit=sluitingen.Sluitingsbesluit.SLUITING,
                motivering="Handelshoeveelheid in de woning; sluiting is noodzakelijk om de "
                "loop naar het pand te doorbreken (fictief).",
                begin=vandaag - dt.timedelta(days=30),
                einde=vandaag + dt.timedelta(days=10 if n == 1 else 60 + n),
            ),
        )
        if n == 6:
            als(omgeving, oov, sluitingen.beeindig, s.id, BeeindigingIn(op=vandaag))
    als(
        omgeving,
        politie,
        sluitingen.stuur_rapportage,
        _rapport("gemeente-rotterdam", Sluitingsgrond.GEWELD, 7, "BU99990102", None, vandaag),
    )


def _vorderingen(omgeving: Omgeving, actoren: dict[str, Actor], vandaag: dt.date) -> None:
    oov = actoren["oov.rdam"]
    last = als(
        omgeving,
        oov,
        vorderingen.leg_op,
        VorderingIn(
            soort=Vorderingsoort.DWANGSOM,
            schuldenaar="Kadehoek Horeca B.V. (fictief)",
            kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde=KVK_HORECA)],
            omschrijving="Terras zonder vergunning; last: het terras verwijderen, dwangsom "
            "per dag dat het er staat.",
            bedrag_euro="250",
            maximum_euro="5000",
            opgelegd_op=vandaag - dt.timedelta(days=60),
            termijn_tot=vandaag - dt.timedelta(days=46),
        ),
    )
    als(
        omgeving,
        oov,
        vorderingen.stap,
        last.id,
        VorderingsstapIn(stap="verbeurd", bedrag_euro="1500"),
    )
    als(omgeving, oov, vorderingen.stap, last.id, VorderingsstapIn(stap="invordering"))
    als(
        omgeving,
        oov,
        vorderingen.stap,
        last.id,
        VorderingsstapIn(stap="betaling", bedrag_euro="500"),
    )
    als(
        omgeving,
        oov,
        vorderingen.leg_op,
        VorderingIn(
            soort=Vorderingsoort.BOETE,
            schuldenaar="Kadehoek Horeca B.V. (fictief)",
            omschrijving="Overtreding van de sluitingstijd uit de APV.",
            bedrag_euro="2250",
            opgelegd_op=vandaag - dt.timedelta(days=35),
        ),
    )
