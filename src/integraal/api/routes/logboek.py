# SPDX-License-Identifier: EUPL-1.2
"""Processing log: verification, data-subject access, checkpoints (privacy officer only)."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter

from integraal import logboek
from integraal.api.deps import AlleenPrivacyOfficer, Ctx, OmgevingDep, PrivacyOfficer
from integraal.api.schemas import CheckpointUit
from integraal.logboek import VerificatieUit
from integraal.logboek.ondertekening import laad_of_maak_sleutel
from integraal.opslag.db import transactie
from integraal.toegang.inzage import InzageUit, InzageVraag, inzage_verzoek

router = APIRouter(tags=["Logboek"])


@router.get(
    "/logboek/verificatie",
    summary="Controleer het hele logboek op wijzigingen, verwijderingen en volgorde",
)
def verificatie(omgeving: OmgevingDep, _po: PrivacyOfficer) -> VerificatieUit:
    with transactie(omgeving.fabriek) as sessie:
        return VerificatieUit.van(logboek.verifieer(sessie))


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
    sleutel = laad_of_maak_sleutel(omgeving.instellingen.ondertekensleutel_pad)
    with transactie(omgeving.fabriek) as sessie:
        cp = logboek.maak_checkpoint(sessie, sleutel)
    return CheckpointUit(**asdict(cp))
