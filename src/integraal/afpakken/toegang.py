# SPDX-License-Identifier: EUPL-1.2
"""Who may see or act on a seized object: a decision of the rules and a log line per object."""

from __future__ import annotations

from collections.abc import Sequence

from integraal import logboek
from integraal.delen import Beslisser, Besluit, Verzoek
from integraal.domein.actor import Actor
from integraal.domein.beslag import beslagrol
from integraal.domein.fouten import GeenToegang
from integraal.domein.rollen import Rol
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Beslagobject

DOEL = "afpakken"
CATEGORIE = "beslag"


def betrokken(obj: Beslagobject, cjib: bool = False) -> set[str]:
    """The organisations involved in a seizure; the CJIB once execution has started."""
    uit = {obj.organisatie_id, obj.om_id}
    if obj.bewaarder_id:
        uit.add(obj.bewaarder_id)
    if cjib:
        uit.add("cjib")
    return uit


def ketenrol(beslisser: Beslisser, actor: Actor) -> Rol:
    try:
        soort = beslisser.register.zoek(actor.organisatie_id).soort
    except KeyError as exc:
        raise GeenToegang("uw organisatie staat niet in het partnerregister") from exc
    rol = beslagrol(actor.rol, soort)
    if rol is None:
        raise GeenToegang(
            "beslaggegevens zijn er voor opsporingsambtenaren, (hulp)officieren van justitie en "
            "bewaarders van een organisatie in de beslagketen"
        )
    return rol


def beslis_over(beslisser: Beslisser, actor: Actor, van: str, betrokkenen: set[str]) -> Besluit:
    """SV-BESLAGKETEN's question; the system, not the user, says who is involved."""
    feiten = {"betrokken_bij_beslag"} if actor.organisatie_id in betrokkenen else set()
    return beslisser.beslis(
        Verzoek(
            van=van,
            aan=actor.organisatie_id,
            categorie=CATEGORIE,
            doel=DOEL,
            actor=actor.ref,
            feiten=frozenset(feiten),
        )
    )


def beslis(beslisser: Beslisser, actor: Actor, obj: Beslagobject) -> Besluit:
    return beslis_over(beslisser, actor, obj.organisatie_id, betrokken(obj))


def verwerking(
    b: Besluit,
    *,
    naam: str,
    activiteit: str,
    trace_id: str,
    verstrekker: str,
    ontvanger: str,
    casus_id: str | None,
    betrokkene: str,
    betrokkene_soort: str = "beslagene",
    doel: str = DOEL,
) -> logboek.Verwerking:
    """The log line of one processing of seizure data about one person."""
    return logboek.Verwerking(
        naam=naam,
        activiteit=activiteit,
        trace_id=trace_id,
        besluit_id=b.besluit_id,
        regel_id=b.regel_id,
        grondslag=b.grondslag.omschrijving if b.grondslag else None,
        doel=doel,
        verstrekker=verstrekker,
        ontvanger=ontvanger,
        categorieen=(CATEGORIE,),
        casus_id=casus_id,
        betrokkene=betrokkene,
        betrokkene_soort=betrokkene_soort,
    )


def log_lezing(
    sessie: Sessie,
    actor: Actor,
    paren: Sequence[tuple[Beslagobject, Besluit]],
    activiteit: str,
    herkomst: str,
) -> None:
    if not paren:
        return
    trace = logboek.nieuwe_trace_id()
    logboek.schrijf(
        sessie,
        [
            verwerking(
                b,
                naam="beslag lezen",
                activiteit=activiteit,
                trace_id=trace,
                verstrekker=obj.organisatie_id,
                ontvanger=actor.organisatie_id,
                casus_id=obj.casus_id,
                betrokkene=f"beslagene:{obj.beslagene_id}",
            )
            for obj, b in paren
        ],
    )
    logboek.schrijf_audit(
        sessie,
        trace_id=trace,
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie=f"beslag lezen ({activiteit})",
        resultaat="toegestaan",
        herkomst=herkomst,
        details={"objecten": len(paren)},
    )


def lees(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    objecten: Sequence[Beslagobject],
    activiteit: str,
    herkomst: str = "app",
) -> list[Beslagobject]:
    """The objects the rules let this actor see, each read logged; the rest left out."""
    ketenrol(beslisser, actor)
    paren = [(o, b) for o in objecten if (b := beslis(beslisser, actor, o)).toegestaan]
    log_lezing(sessie, actor, paren, activiteit, herkomst)
    return [o for o, _ in paren]


def lees_een(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    obj: Beslagobject | None,
    activiteit: str,
    herkomst: str = "app",
) -> Beslagobject:
    if obj is None or not lees(sessie, beslisser, actor, [obj], activiteit, herkomst):
        raise GeenToegang("dit beslagobject bestaat niet of u bent er niet bij betrokken")
    return obj
