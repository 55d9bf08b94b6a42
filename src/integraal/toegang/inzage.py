# SPDX-License-Identifier: EUPL-1.2
"""Data-subject access (AVG art. 15) from the processing log; the request itself is logged."""

from __future__ import annotations

from typing import ClassVar

from integraal import logboek
from integraal.domein.fouten import GeenToegang
from integraal.domein.identificatie import OngeldigeWaarde, bsn
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.domein.pseudoniem import pseudoniem
from integraal.domein.rollen import Rol
from integraal.logboek.dienst import InzageRegel
from integraal.opslag import beheer
from integraal.verwerking import Context


class InzageVraag(Invoer):
    betrokkene: str = veld(
        "BSN of kenmerk van de betrokkene",
        hint="Een BSN wordt alleen versleuteld gezocht en niet bewaard.",
        min_length=1,
        max_length=128,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "betrokkene": "Vul het BSN of het kenmerk van de betrokkene in."
    }


class InzageRegelUit(Uitvoer):
    tijd: str
    organisatie: str | None
    verstrekker: str | None
    categorieen: list[str]
    doel: str
    grondslag: str | None
    regel_id: str | None
    handeling: str


class InzageUit(Uitvoer):
    betrokkene_soort: str
    regels: list[InzageRegelUit]


def betrokkene_sleutel(invoer: str, sleutel: bytes) -> tuple[str, str]:
    """A BSN becomes its pseudonym; anything else is taken as pseudonym or entity id."""
    try:
        return pseudoniem(sleutel, "bsn", bsn(invoer)), "BSN-pseudoniem"
    except OngeldigeWaarde:
        return invoer.strip(), "entiteit"


# How the log names a user an integrity alert is about (`toegang.integriteit`).
MEDEWERKER = "gebruiker:"


def _medewerker_van_eigen_organisatie(ctx: Context, betrokkene: str) -> None:
    """What was processed about a user (the looks at integrity alerts about them) is for the
    privacy officer of their own organisation, and never for that user, officer or not."""
    nummer = betrokkene.removeprefix(MEDEWERKER)
    g = beheer.gebruiker(ctx.sessie, int(nummer)) if nummer.isascii() and nummer.isdigit() else None
    if g is None or g.organisatie_id != ctx.ik.organisatie_id:
        raise GeenToegang("dit is geen medewerker van uw organisatie")
    if g.id == ctx.ik.gebruiker_id:
        raise GeenToegang(
            "inzage in wat over uzelf is verwerkt, vraagt u bij een andere privacy officer"
        )


def inzage_verzoek(ctx: Context, vraag: InzageVraag) -> InzageUit:
    if ctx.ik.rol is not Rol.PRIVACY_OFFICER:
        raise GeenToegang("inzage in het logboek is voorbehouden aan de privacy officer")
    betrokkene, soort = betrokkene_sleutel(vraag.betrokkene, ctx.pseudoniem_sleutel)
    if betrokkene.startswith(MEDEWERKER):
        _medewerker_van_eigen_organisatie(ctx, betrokkene)
    # Categories a partnership keeps to itself (care data in a Zorg- en Veiligheidshuis): a
    # line about them is answered only by a party to it, or another officer would learn that
    # the person receives care.
    afgeschermd = {
        c
        for v in ctx.beslisser.register.verbanden()
        if (w := ctx.beslisser.register.werkwijze(v.id)) is not None
        for c in w.nooit_naar
    }
    # Categories kept to their parties (FIU data, a warning register) or to their recipient (a
    # report to the FIU, a notary's refusal): see `Categorie.inzage`.
    inzage = {c: cat.inzage for c, cat in ctx.beslisser.catalogus.categorieen.items()}
    eigen = ctx.ik.organisatie_id

    def mag(r: InzageRegel) -> bool:
        partij = eigen in (r.verstrekker, r.organisatie)
        if afgeschermd & set(r.categorieen) and not partij:
            return False
        soorten = {inzage.get(c, "iedereen") for c in r.categorieen}
        if "ontvanger" in soorten:
            return eigen == r.organisatie
        return partij or "partijen" not in soorten

    regels = [r for r in logboek.inzage(ctx.sessie, betrokkene) if mag(r)]
    ctx.log(
        [
            ctx.verwerking(
                None,
                naam="inzage logboek",
                grondslag="AVG art. 15 (recht op inzage)",
                doel="inzageverzoek",
                verstrekker=None,
                ontvanger=ctx.ik.organisatie_id,
                categorieen=("logboek",),
                betrokkene=betrokkene,
                betrokkene_soort=soort,
            )
        ]
    )
    ctx.audit("inzage logboek", "toegestaan", aantal=len(regels))
    return InzageUit(
        betrokkene_soort=soort,
        regels=[
            InzageRegelUit(
                tijd=r.tijd,
                organisatie=r.organisatie,
                verstrekker=r.verstrekker,
                categorieen=list(r.categorieen),
                doel=r.doel,
                grondslag=r.grondslag,
                regel_id=r.regel_id,
                handeling=r.handeling,
            )
            for r in regels
        ],
    )
