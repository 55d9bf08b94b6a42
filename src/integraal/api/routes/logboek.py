# SPDX-License-Identifier: EUPL-1.2
"""Processing log: verification, data-subject access, checkpoints (privacy officer only)."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter

from integraal.api.deps import AlleenPrivacyOfficer, Ctx, OmgevingDep, PrivacyOfficer
from integraal.api.fouten import Probleem
from integraal.api.schemas import CheckpointUit
from integraal.logboek import VerificatieUit
from integraal.logboek.getuige import GetuigeOngeschikt
from integraal.toegang.inzage import InzageUit, InzageVraag, inzage_verzoek

router = APIRouter(tags=["Logboek"])


@router.get(
    "/logboek/verificatie",
    summary="Controleer het hele logboek op wijzigingen, verwijderingen en volgorde",
)
def verificatie(omgeving: OmgevingDep, _po: PrivacyOfficer) -> VerificatieUit:
    return VerificatieUit.van(omgeving.verifieer_logboek())


@router.post(
    "/logboek/inzage",
    summary="Inzage voor een betrokkene: wie verwerkte wat, wanneer, waarom en op welke grondslag",
    dependencies=[AlleenPrivacyOfficer],
)
def inzage(ctx: Ctx, vraag: InzageVraag) -> InzageUit:
    return inzage_verzoek(ctx, vraag)


@router.post(
    "/logboek/checkpoints",
    status_code=201,
    response_model=CheckpointUit,
    summary="Maak een ondertekend checkpoint voor de getuige",
)
def checkpoint(omgeving: OmgevingDep, _po: PrivacyOfficer) -> CheckpointUit:
    try:
        cp, _pad = omgeving.checkpoint()
    except GetuigeOngeschikt as exc:
        raise Probleem(500, f"Er is geen checkpoint gemaakt: {exc}.") from exc
    return CheckpointUit(**asdict(cp))
