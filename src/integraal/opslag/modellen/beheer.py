# SPDX-License-Identifier: EUPL-1.2
"""Organisations, accounts and API tokens."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class Organisatie(Basis):
    __tablename__ = "organisatie"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    soort: Mapped[str] = mapped_column(String(40))
    regio: Mapped[str | None] = mapped_column(String(80))


class Gebruiker(Basis):
    __tablename__ = "gebruiker"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gebruikersnaam: Mapped[str] = mapped_column(String(80), unique=True)
    naam: Mapped[str] = mapped_column(String(200))
    wachtwoord_hash: Mapped[str] = mapped_column(String(200))
    organisatie_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    rol: Mapped[str] = mapped_column(String(40))
    actief: Mapped[bool] = mapped_column(Boolean, default=True)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    # The access review: a role not confirmed within the review term lapses with the account.
    rol_bevestigd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    rol_bevestigd_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    # The second factor (TOTP, RFC 6238): the shared secret, and the last time step used, so
    # a code seen once cannot be replayed.
    totp_geheim: Mapped[str | None] = mapped_column(String(64))
    totp_laatste_stap: Mapped[int | None] = mapped_column(Integer)
    # Single sign-on: the account at the organisation's identity provider (issuer and
    # subject), for an account that signs in there; its password hash is then unusable.
    extern_uitgever: Mapped[str | None] = mapped_column(String(300))
    extern_id: Mapped[str | None] = mapped_column(String(255))
    laatst_ingelogd: Mapped[dt.datetime | None]

    __table_args__ = (Index("ix_gebruiker_extern", "extern_uitgever", "extern_id", unique=True),)


class SsoAanvraag(Basis):
    """A sign-in sent to an identity provider and not yet back: what the answer must match
    (state, PKCE verifier, nonce), bound to the browser that asked (the hash of a cookie of
    its own). Kept on the server, not in the session, because the session's cookie is
    SameSite=Strict and does not come along when the provider sends the person back."""

    __tablename__ = "sso_aanvraag"
    staat: Mapped[str] = mapped_column(String(64), primary_key=True)
    binding: Mapped[str] = mapped_column(String(64))
    aanbieder: Mapped[str] = mapped_column(String(80))
    verifier: Mapped[str] = mapped_column(String(128))
    nonce: Mapped[str] = mapped_column(String(64))
    volgende: Mapped[str] = mapped_column(String(300))
    verloopt_op: Mapped[dt.datetime] = mapped_column(index=True)


class Nummer(Basis):
    """The last number given under a stem such as `S-2026-` (`opslag.nummers`)."""

    __tablename__ = "nummer"
    stam: Mapped[str] = mapped_column(String(40), primary_key=True)
    laatste: Mapped[int] = mapped_column(Integer)


class Drempelteller(Basis):
    """Attempts under one rate limit in its current window (`gebruikers.drempels`). The key is
    a hash: no account name or address is kept for this."""

    __tablename__ = "drempelteller"
    sleutel: Mapped[str] = mapped_column(String(64), primary_key=True)
    begin: Mapped[dt.datetime] = mapped_column(index=True)
    aantal: Mapped[int] = mapped_column(Integer)


class Token(Basis):
    __tablename__ = "token"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    verloopt_op: Mapped[dt.datetime]
    # The account's password, role and organisation as they were when the token was given
    # (`gebruikers.stempel`): a change to any of them ends the token.
    stempel: Mapped[str | None] = mapped_column(String(64))


class Uitnodiging(Basis):
    """A link that lets an invited person set their own password, once, until it expires.
    Only the hash of its token is kept."""

    __tablename__ = "uitnodiging"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    gebruiker_id: Mapped[int] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="CASCADE"), index=True
    )
    aangemaakt_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    verloopt_op: Mapped[dt.datetime]
    gebruikt_op: Mapped[dt.datetime | None]


class Catalogusversie(Basis):
    """A version of the rule catalogue (its YAML text): the one in force, earlier ones, and
    proposals waiting for the privacy officer's approval (four eyes)."""

    __tablename__ = "catalogusversie"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    versie: Mapped[str] = mapped_column(String(40), unique=True)
    tekst: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    toelichting: Mapped[str] = mapped_column(Text, default="")
    # None: shipped with Integraal (the seed of a new installation, or an upgrade's proposal).
    voorgesteld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    voorgesteld_op: Mapped[dt.datetime] = mapped_column(default=nu)
    beoordeeld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    beoordeeld_op: Mapped[dt.datetime | None]
    oordeel: Mapped[str | None] = mapped_column(Text)
    actief_vanaf: Mapped[dt.datetime | None]


class Registerversie(Basis):
    """A version of the partner register (its YAML text), with the date from which it
    applies: approved versions wait for their date, the one with the latest date reached is
    in force (derived, so no job has to switch it on). Proposals wait for the privacy
    officer's approval (four eyes)."""

    __tablename__ = "registerversie"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    versie: Mapped[str] = mapped_column(String(40), unique=True)
    tekst: Mapped[str] = mapped_column(Text)
    # voorgesteld, goedgekeurd or afgewezen; "in force" and "replaced" follow from the dates.
    status: Mapped[str] = mapped_column(String(20), index=True)
    geldig_van: Mapped[dt.date]
    toelichting: Mapped[str] = mapped_column(Text, default="")
    # None: shipped with Integraal (the seed of a new installation, or an upgrade's proposal).
    voorgesteld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    voorgesteld_op: Mapped[dt.datetime] = mapped_column(default=nu)
    beoordeeld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    beoordeeld_op: Mapped[dt.datetime | None]
    oordeel: Mapped[str | None] = mapped_column(Text)


class Websessie(Basis):
    """A signed-in or form-holding browser session, kept on the server: the cookie carries
    only a random key, whose hash is this row's id (a copied database gives no live cookies)."""

    __tablename__ = "websessie"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    gebruiker_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"), index=True)
    gegevens: Mapped[dict[str, Any]] = mapped_column(default=dict)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    gebruikt_op: Mapped[dt.datetime] = mapped_column(default=nu, index=True)
