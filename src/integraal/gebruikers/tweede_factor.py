# SPDX-License-Identifier: EUPL-1.2
"""The second factor: a time-based one-time code (TOTP, RFC 6238) from an authenticator app.

Optional per account; when the installation requires it (`tweede_factor_verplicht`), every
role that reads person data must have one. A code is accepted once (its time step is stored)
and one step early or late (clocks drift). The secret is stored as the app needs it; the
database is as sensitive as the personal data it holds anyway (decision record 0021).
"""

from __future__ import annotations

import datetime as dt
import hmac
from enum import StrEnum

import pyotp

from integraal.domein.actor import Actor
from integraal.domein.fouten import NietGevonden
from integraal.domein.rollen import ZONDER_PERSOONSGEGEVENS
from integraal.opslag import beheer
from integraal.opslag.db import Sessie

UITGEVER = "Integraal"
ONTBREEKT = (
    "Voor uw rol is inloggen met een tweede factor verplicht, en voor uw account is die nog "
    "niet ingesteld. Vraag uw functioneel beheerder om die in te stellen."
)
ONJUIST = "De code klopt niet. Typ de zes cijfers die uw authenticator-app nu toont."


class Stap(StrEnum):
    GEEN = "geen"  # signed in with the password alone
    CODE = "code"  # the account has a second factor: ask the code
    ONTBREEKT = "ontbreekt"  # required for this role, but not set up: refuse


def volgende_stap(sessie: Sessie, actor: Actor, *, verplicht: bool) -> Stap:
    g = beheer.gebruiker(sessie, actor.gebruiker_id)
    if g is not None and g.totp_geheim:
        return Stap.CODE
    if verplicht and actor.rol not in ZONDER_PERSOONSGEGEVENS:
        return Stap.ONTBREEKT
    return Stap.GEEN


def controleer(sessie: Sessie, gebruiker_id: int, code: str, nu: dt.datetime) -> bool:
    g = beheer.gebruiker(sessie, gebruiker_id)
    code = "".join(code.split())
    if g is None or not g.totp_geheim or not (code.isdigit() and len(code) == 6):
        return False
    totp = pyotp.TOTP(g.totp_geheim)
    stap = int(nu.timestamp()) // totp.interval
    for kandidaat in (stap - 1, stap, stap + 1):
        if g.totp_laatste_stap is not None and kandidaat <= g.totp_laatste_stap:
            continue
        if hmac.compare_digest(totp.at(kandidaat * totp.interval), code):
            g.totp_laatste_stap = kandidaat
            return True
    return False


def stel_in(sessie: Sessie, gebruikersnaam: str) -> str:
    """A new secret for the account; the otpauth:// address for the app (shown once)."""
    g = beheer.gebruiker_op_naam(sessie, gebruikersnaam)
    if g is None:
        raise NietGevonden(f"er is geen gebruiker {gebruikersnaam}")
    g.totp_geheim, g.totp_laatste_stap = pyotp.random_base32(), None
    return pyotp.TOTP(g.totp_geheim).provisioning_uri(name=gebruikersnaam, issuer_name=UITGEVER)
