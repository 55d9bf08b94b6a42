# SPDX-License-Identifier: EUPL-1.2
"""Deliveries: upload, status with row errors, list."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile

from integraal.api.deps import ActorDep, OmgevingDep
from integraal.api.fouten import Probleem
from integraal.api.schemas import LeveringUit, RijFout
from integraal.bronnen.importeren import GeenLeverancier, importeer
from integraal.bronnen.lezers import OnleesbaarBestand
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from integraal.domein.tekst import zin
from integraal.opslag import leveringen
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Levering
from integraal.toegang.context import OnbekendeCasus

router = APIRouter(tags=["Leveringen"])
MAX_BESTAND = 100 * 1024 * 1024


def _uit(lev: Levering, al_ontvangen: bool = False) -> LeveringUit:
    return LeveringUit(
        id=lev.id,
        partner=lev.partner_id,
        ontvanger=lev.ontvanger_id,
        mapping=lev.mapping,
        casus_id=lev.casus_id,
        bestandsnaam=lev.bestandsnaam,
        formaat=lev.formaat,
        status=lev.status,
        rijen_totaal=lev.rijen_totaal,
        rijen_goed=lev.rijen_goed,
        rijen_fout=lev.rijen_fout,
        entiteiten=lev.entiteiten,
        fouten=[RijFout(**f) for f in lev.fouten],
        melding=lev.melding,
        ontvangen_op=lev.ontvangen_op,
        verwerkt_op=lev.verwerkt_op,
        al_ontvangen=al_ontvangen,
    )


def _mag_zien(actor: Actor, lev: Levering) -> bool:
    # Delivery metadata (counts, row errors without values) is for the two parties and admins.
    return actor.organisatie_id in (lev.partner_id, lev.ontvanger_id) or (
        actor.rol is Rol.FUNCTIONEEL_BEHEERDER
    )


@router.post(
    "/leveringen",
    status_code=201,
    response_model=LeveringUit,
    summary="Een levering aanbieden (CSV, Excel of FtM JSON lines)",
)
def levering_aanbieden(
    omgeving: OmgevingDep,
    actor: ActorDep,
    response: Response,
    bestand: Annotated[UploadFile, File(description="Het geleverde bestand")],
    mapping: Annotated[str, Form(description="Naam van de leveringsafspraak")],
    casus_id: Annotated[str | None, Form(alias="casusId")] = None,
) -> LeveringUit:
    m = meegeleverde_mappings().get(mapping)
    if m is None:
        raise Probleem(
            400,
            f"Onbekende mapping '{mapping}'.",
            invalidParams=[{"name": "mapping", "code": "unknown", "reason": "onbekend"}],
        )
    inhoud = bestand.file.read(MAX_BESTAND + 1)
    if len(inhoud) > MAX_BESTAND:
        raise Probleem(413, "Het bestand is groter dan 100 MB; lever het in delen aan.")
    try:
        r = importeer(
            omgeving.fabriek,
            omgeving.beslisser,
            actor,
            m,
            bestand.filename or "levering",
            inhoud,
            pseudoniem_sleutel=omgeving.pseudoniem_sleutel,
            casus_id=casus_id or None,
        )
    except GeenLeverancier as exc:
        raise Probleem(403, zin(exc)) from exc
    except OnleesbaarBestand as exc:
        raise Probleem(400, f"Het bestand is niet te verwerken: {exc}.") from exc
    except OnbekendeCasus as exc:
        raise Probleem(400, zin(exc)) from exc
    with transactie(omgeving.fabriek) as sessie:
        lev = leveringen.haal_levering(sessie, r.levering_id)
        assert lev is not None
        uit = _uit(lev, r.al_ontvangen)
    response.headers["Location"] = f"/api/v1/leveringen/{uit.id}"
    if r.al_ontvangen:
        response.status_code = 200
    return uit


@router.get(
    "/leveringen", response_model=list[LeveringUit], summary="Leveringen van of aan uw organisatie"
)
def leveringen_lijst(omgeving: OmgevingDep, actor: ActorDep) -> list[LeveringUit]:
    with transactie(omgeving.fabriek) as sessie:
        alle = leveringen.lijst_leveringen(
            sessie, None if actor.rol is Rol.FUNCTIONEEL_BEHEERDER else [actor.organisatie_id]
        )
        return [_uit(lev) for lev in alle]


@router.get(
    "/leveringen/{levering_id}",
    response_model=LeveringUit,
    summary="Status en rijfouten van één levering",
)
def levering(omgeving: OmgevingDep, actor: ActorDep, levering_id: str) -> LeveringUit:
    with transactie(omgeving.fabriek) as sessie:
        lev = leveringen.haal_levering(sessie, levering_id)
        if lev is None or not _mag_zien(actor, lev):
            raise Probleem(404, "Deze levering bestaat niet of is niet van uw organisatie.")
        return _uit(lev)
