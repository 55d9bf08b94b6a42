# SPDX-License-Identifier: EUPL-1.2
"""Signing in, the same for the web page, the API's token request and the command line: the
rate limit, the password, then the second factor where the account has one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from integraal.domein.actor import Actor
from integraal.domein.invoer import Invoer, veld
from integraal.gebruikers import Inloggegevens, authenticeer, drempels, geldige_actor
from integraal.gebruikers import tweede_factor as tf
from integraal.gebruikers.tweede_factor import Stap
from integraal.opslag import beheer
from integraal.opslag.db import Sessie

ONJUIST = "De gebruikersnaam of het wachtwoord is niet juist."


_CODE = "Code"
_CODE_HINT = "De zes cijfers die uw authenticator-app nu toont."


class CodeIn(Invoer):
    code: str = veld(_CODE, hint=_CODE_HINT, max_length=12)

    meldingen: ClassVar[dict[str, str]] = {"code": "Vul de code uit uw authenticator-app in."}


class Tokenaanvraag(Inloggegevens):
    """The API's sign-in: the password and, for an account with a second factor, its code."""

    code: str | None = veld(_CODE, hint=_CODE_HINT, standaard=None, max_length=12)


@dataclass(frozen=True)
class Aanmelding:
    """Who gave a right password (`actor`), what comes next (`stap`), and when refused, why."""

    actor: Actor | None
    stap: Stap | None
    melding: str | None = None


def meld_aan(
    sessie: Sessie,
    invoer: Inloggegevens,
    *,
    adres: str,
    nu: dt.datetime,
    termijn: dt.timedelta,
    verplicht: bool,
) -> Aanmelding:
    """The password step. Raises `drempels.TeVaak` at the limit; a wrong password counts."""
    drempels.inloggen_toegestaan(sessie, invoer.gebruikersnaam, adres, nu)
    actor = authenticeer(sessie, invoer.gebruikersnaam, invoer.wachtwoord, termijn=termijn)
    if actor is None:
        drempels.inloggen_mislukt(sessie, invoer.gebruikersnaam, adres, nu)
        return Aanmelding(None, None, ONJUIST)
    stap = tf.volgende_stap(sessie, actor, verplicht=verplicht)
    if stap not in (Stap.CODE, Stap.ONTBREEKT):
        beheer.ingelogd(sessie, actor.gebruiker_id, nu)
    return Aanmelding(actor, stap, tf.ONTBREEKT if stap is Stap.ONTBREEKT else None)


def bevestig_code(
    sessie: Sessie,
    gebruiker_id: int,
    gebruikersnaam: str,
    invoer: CodeIn,
    *,
    adres: str,
    nu: dt.datetime,
    termijn: dt.timedelta,
) -> Actor | None:
    """The second step: the account, if the code is right (a wrong code counts as a failed
    sign-in). Raises `drempels.TeVaak` at the limit."""
    drempels.inloggen_toegestaan(sessie, gebruikersnaam, adres, nu)
    actor = geldige_actor(sessie, gebruiker_id, termijn=termijn)
    if actor is None or not tf.controleer(sessie, gebruiker_id, invoer.code, nu):
        drempels.inloggen_mislukt(sessie, gebruikersnaam, adres, nu)
        return None
    beheer.ingelogd(sessie, gebruiker_id, nu)
    return actor
