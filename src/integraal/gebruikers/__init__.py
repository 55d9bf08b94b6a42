# SPDX-License-Identifier: EUPL-1.2
"""Local accounts (argon2), API tokens and roles. An OIDC provider can replace `authenticeer`."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Annotated, ClassVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import StringConstraints

from integraal.domein.actor import Actor
from integraal.domein.fouten import GeenToegang
from integraal.domein.invoer import Invoer, veld
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Gebruiker, Token

_hasher = PasswordHasher()
TOKEN_GELDIGHEID = dt.timedelta(hours=12)
MIN_WACHTWOORD = 12


class OngeldigeInvoer(ValueError):
    pass


class Inloggegevens(Invoer):
    gebruikersnaam: str = veld("Gebruikersnaam", min_length=1, max_length=80)
    # A password is taken as typed: a space at either end is part of it.
    wachtwoord: Annotated[str, StringConstraints(strip_whitespace=False)] = veld(
        "Wachtwoord", min_length=1, max_length=200
    )

    meldingen: ClassVar[dict[str, str]] = {
        "gebruikersnaam": "Vul uw gebruikersnaam in.",
        "wachtwoord": "Vul uw wachtwoord in.",
    }


def actor_van(g: Gebruiker) -> Actor:
    return Actor(g.id, g.gebruikersnaam, g.naam, g.organisatie_id, Rol(g.rol))


def maak_gebruiker(
    sessie: Sessie, gebruikersnaam: str, naam: str, wachtwoord: str, organisatie_id: str, rol: Rol
) -> Gebruiker:
    if len(wachtwoord) < MIN_WACHTWOORD:
        raise OngeldigeInvoer(f"een wachtwoord heeft minstens {MIN_WACHTWOORD} tekens")
    if beheer.gebruiker_op_naam(sessie, gebruikersnaam) is not None:
        raise OngeldigeInvoer(f"gebruikersnaam {gebruikersnaam!r} bestaat al")
    g = Gebruiker(
        gebruikersnaam=gebruikersnaam,
        naam=naam,
        wachtwoord_hash=_hasher.hash(wachtwoord),
        organisatie_id=organisatie_id,
        rol=rol.value,
        actief=True,
    )
    beheer.bewaar(sessie, g)
    return g


def nieuw_wachtwoord_hash(wachtwoord: str) -> str:
    """The hash of a password a person chose (an invitation accepted)."""
    return _hasher.hash(wachtwoord)


def rol_geldig(g: Gebruiker, termijn: dt.timedelta, nu: dt.datetime | None = None) -> bool:
    """An active account whose role was confirmed within the access-review term."""
    nu = nu or dt.datetime.now(dt.UTC)
    return g.actief and g.rol_bevestigd_op >= nu - termijn


def authenticeer(
    sessie: Sessie, gebruikersnaam: str, wachtwoord: str, *, termijn: dt.timedelta
) -> Actor | None:
    g = beheer.gebruiker_op_naam(sessie, gebruikersnaam)
    if g is None or not g.actief:
        # Same work for unknown users, so timing does not reveal which names exist.
        _hasher.hash(wachtwoord)
        return None
    try:
        _hasher.verify(g.wachtwoord_hash, wachtwoord)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(g.wachtwoord_hash):
        g.wachtwoord_hash = _hasher.hash(wachtwoord)
    if not rol_geldig(g, termijn):
        # Told only to whoever knows the password: they can ask for the confirmation.
        raise GeenToegang(
            "uw rol is niet op tijd bevestigd en daarom vervallen; vraag de coördinator van uw "
            "organisatie om haar te bevestigen"
        )
    return actor_van(g)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def geef_token(sessie: Sessie, actor: Actor) -> tuple[str, dt.datetime]:
    token = secrets.token_urlsafe(32)
    verloopt = dt.datetime.now(dt.UTC) + TOKEN_GELDIGHEID
    beheer.bewaar(
        sessie,
        Token(
            gebruiker_id=actor.gebruiker_id,
            token_hash=_hash(token),
            verloopt_op=verloopt,
            stempel=stempel_van(sessie, actor.gebruiker_id),
        ),
    )
    return token, verloopt


def actor_van_token(sessie: Sessie, token: str, *, termijn: dt.timedelta) -> Actor | None:
    t = beheer.token_op_hash(sessie, _hash(token), dt.datetime.now(dt.UTC))
    if t is None:
        return None
    g = beheer.gebruiker(sessie, t.gebruiker_id)
    if g is None or not rol_geldig(g, termijn) or stempel(g) != t.stempel:
        return None
    return actor_van(g)


def stempel(g: Gebruiker) -> str:
    """A fingerprint of what a session or token was granted on: the password (its hash), the
    second factor, the role and the organisation. When one of them changes, sessions and tokens
    given before end."""
    grond = "\x1f".join((g.wachtwoord_hash, g.totp_geheim or "", g.rol, g.organisatie_id))
    return hashlib.sha256(grond.encode()).hexdigest()


def stempel_van(sessie: Sessie, gebruiker_id: int) -> str | None:
    g = beheer.gebruiker(sessie, gebruiker_id)
    return stempel(g) if g is not None else None


def geldige_actor(sessie: Sessie, gebruiker_id: int, *, termijn: dt.timedelta) -> Actor | None:
    """The account while it is active and its role confirmed (the second step of signing in)."""
    g = beheer.gebruiker(sessie, gebruiker_id)
    return actor_van(g) if g is not None and rol_geldig(g, termijn) else None


def actor_van_id(
    sessie: Sessie, gebruiker_id: int, *, termijn: dt.timedelta, stempel_bij_inloggen: str | None
) -> Actor | None:
    """The account behind a web session, while its password, role and organisation are those
    it signed in with."""
    g = beheer.gebruiker(sessie, gebruiker_id)
    if g is None or not rol_geldig(g, termijn) or stempel(g) != stempel_bij_inloggen:
        return None
    return actor_van(g)
