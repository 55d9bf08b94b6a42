# SPDX-License-Identifier: EUPL-1.2
"""Dependencies: the environment, the authenticated actor, role guards."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from integraal.api.fouten import Probleem
from integraal.domein.actor import Actor
from integraal.domein.rollen import ROL_LABELS, Rol
from integraal.gebruikers import actor_van_token
from integraal.omgeving import Omgeving
from integraal.opslag.db import transactie


def _omgeving(request: Request) -> Omgeving:
    omgeving: Omgeving = request.app.state.omgeving
    return omgeving


OmgevingDep = Annotated[Omgeving, Depends(_omgeving)]
_bearer = HTTPBearer(auto_error=False, description="Token uit POST /api/v1/tokens")


def _actor(
    omgeving: OmgevingDep,
    cred: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Actor:
    if cred is None or cred.scheme.lower() != "bearer":
        raise Probleem(401, "Log in: stuur een Bearer-token mee (POST /api/v1/tokens).")
    with transactie(omgeving.fabriek) as sessie:
        actor = actor_van_token(sessie, cred.credentials)
    if actor is None:
        raise Probleem(401, "Het token is onbekend of verlopen; vraag een nieuw token aan.")
    return actor


ActorDep = Annotated[Actor, Depends(_actor)]


class Vereist:
    """Role guard as a dependency, so handlers never branch on roles themselves."""

    def __init__(self, *rollen: Rol) -> None:
        self.rollen = frozenset(rollen)

    def __call__(self, actor: ActorDep) -> Actor:
        if actor.rol not in self.rollen:
            namen = ", ".join(sorted(ROL_LABELS[r].lower() for r in self.rollen))
            raise Probleem(403, f"Deze handeling is voorbehouden aan de rol {namen}.")
        return actor


PrivacyOfficer = Annotated[Actor, Depends(Vereist(Rol.PRIVACY_OFFICER))]
