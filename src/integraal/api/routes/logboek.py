# SPDX-License-Identifier: EUPL-1.2
"""Processing log: verification, data-subject access, checkpoints (privacy officer only)."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter

from integraal import logboek
from integraal.api.deps import OmgevingDep, PrivacyOfficer
from integraal.api.schemas import (
    CheckpointUit,
    InzageRegelUit,
    InzageUit,
    InzageVraag,
    VerificatieUit,
)
from integraal.logboek.ondertekening import laad_of_maak_sleutel
from integraal.opslag.db import transactie
from integraal.toegang.inzage import inzage_verzoek

router = APIRouter(tags=["Logboek"])


@router.get(
    "/logboek/verificatie",
    response_model=VerificatieUit,
    summary="Controleer het hele logboek op wijzigingen, verwijderingen en volgorde",
)
def verificatie(omgeving: OmgevingDep, _po: PrivacyOfficer) -> VerificatieUit:
    with transactie(omgeving.fabriek) as sessie:
        v = logboek.verifieer(sessie)
    return VerificatieUit(
        in_orde=v.in_orde,
        aantal_regels=v.aantal,
        gecontroleerde_checkpoints=v.gecontroleerde_checkpoints,
        eerste_fout_volgnummer=v.bevinding.volgnummer if v.bevinding else None,
        reden=v.bevinding.reden if v.bevinding else None,
        tekst=v.tekst(),
    )


@router.post(
    "/logboek/inzage",
    response_model=InzageUit,
    summary="Inzage voor een betrokkene: wie verwerkte wat, wanneer, waarom en op welke grondslag",
)
def inzage(omgeving: OmgevingDep, po: PrivacyOfficer, vraag: InzageVraag) -> InzageUit:
    with transactie(omgeving.fabriek) as sessie:
        soort, regels = inzage_verzoek(
            sessie, po, vraag.betrokkene, omgeving.pseudoniem_sleutel, "api"
        )
    return InzageUit(
        betrokkene_soort=soort,
        regels=[
            InzageRegelUit(**{**asdict(r), "categorieen": list(r.categorieen)}) for r in regels
        ],
    )


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
