# SPDX-License-Identifier: EUPL-1.2
"""Users and roles of one's own organisation, for its functioneel beheerder and (within
their own rank) its coordinator: invite, assign a role, disable and enable, and see who
signed in when. Every change is audited. Nobody changes their own account here, and a
disabled account's sessions and tokens end at once.

An invitation is a link that works once, for seven days: the invitee sets their own
password (nobody else ever knows it). Staff who sign in through their organisation's
provider need no invitation: their account is made at their first sign-in (decision record
0024); here their role can be changed or their account disabled."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from typing import Annotated, ClassVar

from pydantic import StringConstraints, field_validator

from integraal.domein.fouten import GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.domein.rollen import ROL_LABELS, Rol
from integraal.gebruikers import MIN_WACHTWOORD, nieuw_wachtwoord_hash
from integraal.opslag import beheer
from integraal.opslag.modellen import Gebruiker, Uitnodiging
from integraal.verwerking import Context

UITNODIGING_GELDIG = dt.timedelta(days=7)
# An invited account has no password until the invitee sets one: this is no argon2 hash, so
# nothing matches it.
UITGENODIGD = "!uitnodiging"

# What a role may grant: a coordinator up to their own rank, never the oversight roles.
RANG: dict[Rol, int] = dict.fromkeys(Rol, 1) | {
    Rol.COORDINATOR: 2,
    Rol.HULPOFFICIER: 2,
    Rol.OFFICIER: 2,
    Rol.PRIVACY_OFFICER: 3,
    Rol.FUNCTIONEEL_BEHEERDER: 3,
}
BEHEERDERS = frozenset({Rol.FUNCTIONEEL_BEHEERDER, Rol.COORDINATOR})


class Status(Keuze):
    ACTIEF = "actief", "Actief"
    UITGENODIGD = "uitgenodigd", "Uitgenodigd"
    UITGESCHAKELD = "uitgeschakeld", "Uitgeschakeld"


class GebruikerUit(Uitvoer):
    id: int
    naam: str
    gebruikersnaam: str
    rol: Rol
    rol_label: str
    status: Status
    status_label: str
    via_organisatie: bool
    laatst_ingelogd: dt.datetime | None
    aangemaakt_op: dt.datetime
    eigen: bool

    @classmethod
    def van(cls, g: Gebruiker, ik_id: int) -> GebruikerUit:
        status = (
            Status.UITGESCHAKELD
            if not g.actief
            else Status.UITGENODIGD
            if g.wachtwoord_hash == UITGENODIGD
            else Status.ACTIEF
        )
        return cls(
            id=g.id,
            naam=g.naam,
            gebruikersnaam=g.gebruikersnaam,
            rol=Rol(g.rol),
            rol_label=ROL_LABELS[Rol(g.rol)],
            status=status,
            status_label=status.label,
            via_organisatie=g.extern_id is not None,
            laatst_ingelogd=g.laatst_ingelogd,
            aangemaakt_op=g.aangemaakt_op,
            eigen=g.id == ik_id,
        )


class GebruikerIn(Invoer):
    naam: str = veld(
        "Naam",
        hint="Voor- en achternaam, zoals collega's die kennen.",
        min_length=2,
        max_length=200,
    )
    gebruikersnaam: str = veld(
        "Gebruikersnaam",
        hint="Kleine letters, cijfers, punt, streepje of liggend streepje; 3 tot 80 tekens.",
        min_length=3,
        max_length=80,
        pattern=r"^[a-z0-9][a-z0-9._\-]*$",
    )
    rol: Rol = veld("Rol")

    meldingen: ClassVar[dict[str, str]] = {
        "naam": "Vul de naam in (minstens 2 tekens).",
        "gebruikersnaam": "Kies een gebruikersnaam van 3 tot 80 tekens: kleine letters, "
        "cijfers, punt, streepje of liggend streepje.",
        "rol": "Kies een rol.",
    }


class RolIn(Invoer):
    rol: Rol = veld("Nieuwe rol")

    meldingen: ClassVar[dict[str, str]] = {"rol": "Kies een rol."}


class WachtwoordIn(Invoer):
    wachtwoord: Annotated[str, StringConstraints(strip_whitespace=False)] = veld(
        "Nieuw wachtwoord",
        hint=f"Minstens {MIN_WACHTWOORD} tekens. Een zin van een paar woorden is sterk en "
        "makkelijk te onthouden.",
        min_length=MIN_WACHTWOORD,
        max_length=200,
    )
    herhaling: Annotated[str, StringConstraints(strip_whitespace=False)] = veld(
        "Herhaal het wachtwoord", min_length=1, max_length=200
    )

    meldingen: ClassVar[dict[str, str]] = {
        "wachtwoord": f"Kies een wachtwoord van minstens {MIN_WACHTWOORD} tekens.",
        "herhaling": "Vul het wachtwoord nog een keer in.",
    }

    @field_validator("wachtwoord")
    @classmethod
    def _niet_alleen_spaties(cls, w: str) -> str:
        if not w.strip():
            raise ValueError(f"Kies een wachtwoord van minstens {MIN_WACHTWOORD} tekens.")
        return w


class Uitnodigingsbewijs(Uitvoer):
    """Shown once, to the one who invited: the link itself is not kept (only its hash)."""

    gebruiker: GebruikerUit
    pad: str
    verloopt_op: dt.datetime


def _beheerder(ctx: Context) -> Rol:
    rol = ctx.ik.rol
    if rol not in BEHEERDERS:
        raise GeenToegang(
            "gebruikers beheren is voor de functioneel beheerder of de coördinator van uw "
            "organisatie"
        )
    return rol


def toekenbare_rollen(ctx: Context) -> list[Rol]:
    """The roles this person may give: every role for the beheerder; for a coordinator, up
    to their own rank."""
    rol = _beheerder(ctx)
    if rol is Rol.FUNCTIONEEL_BEHEERDER:
        return list(Rol)
    return [r for r in Rol if RANG[r] <= RANG[rol]]


def _mag_geven(ctx: Context, rol: Rol) -> None:
    if rol not in toekenbare_rollen(ctx):
        raise OngeldigeInvoer(
            {
                "rol": f"U kunt de rol {ROL_LABELS[rol].lower()} niet geven: die gaat boven uw "
                "eigen rol. Vraag de functioneel beheerder."
            }
        )


def _van_mijn_organisatie(ctx: Context, gebruiker_id: int | str, *, wijzigen: bool) -> Gebruiker:
    _beheerder(ctx)
    nummer = str(gebruiker_id)
    g = beheer.gebruiker(ctx.sessie, int(nummer)) if nummer.isdigit() else None
    if g is None or g.organisatie_id != ctx.ik.organisatie_id:
        raise NietGevonden("Deze gebruiker bestaat niet of hoort niet bij uw organisatie.")
    if wijzigen:
        if g.id == ctx.ik.gebruiker_id:
            raise GeenToegang(
                "u wijzigt uw eigen account niet zelf; vraag een andere beheerder of "
                "coördinator van uw organisatie"
            )
        if RANG[Rol(g.rol)] > RANG[ctx.ik.rol]:
            raise GeenToegang(
                "dit account heeft een rol boven de uwe; vraag de functioneel beheerder"
            )
    return g


def lijst(ctx: Context) -> list[GebruikerUit]:
    _beheerder(ctx)
    return [
        GebruikerUit.van(g, ctx.ik.gebruiker_id)
        for g in beheer.gebruikers_van(ctx.sessie, ctx.ik.organisatie_id)
    ]


def lees(ctx: Context, gebruiker_id: int | str) -> GebruikerUit:
    g = _van_mijn_organisatie(ctx, gebruiker_id, wijzigen=False)
    return GebruikerUit.van(g, ctx.ik.gebruiker_id)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _uitnodiging(ctx: Context, g: Gebruiker) -> Uitnodigingsbewijs:
    token = secrets.token_urlsafe(32)
    verloopt = ctx.nu() + UITNODIGING_GELDIG
    beheer.vervang_uitnodiging(
        ctx.sessie,
        Uitnodiging(
            token_hash=_hash(token),
            gebruiker_id=g.id,
            aangemaakt_door=ctx.ik.gebruiker_id,
            verloopt_op=verloopt,
        ),
    )
    return Uitnodigingsbewijs(
        gebruiker=GebruikerUit.van(g, ctx.ik.gebruiker_id),
        pad=f"/uitnodiging/{token}",
        verloopt_op=verloopt,
    )


def nodig_uit(ctx: Context, invoer: GebruikerIn) -> Uitnodigingsbewijs:
    """A new account of one's own organisation, with its role, and the link to pass on."""
    _mag_geven(ctx, invoer.rol)
    if beheer.gebruiker_op_naam(ctx.sessie, invoer.gebruikersnaam) is not None:
        raise OngeldigeInvoer(
            {"gebruikersnaam": "Deze gebruikersnaam bestaat al. Kies een andere."}
        )
    g = Gebruiker(
        gebruikersnaam=invoer.gebruikersnaam,
        naam=invoer.naam,
        wachtwoord_hash=UITGENODIGD,
        organisatie_id=ctx.ik.organisatie_id,
        rol=invoer.rol.value,
        actief=True,
        rol_bevestigd_op=ctx.nu(),
        rol_bevestigd_door=ctx.ik.gebruiker_id,
    )
    beheer.bewaar(ctx.sessie, g)
    ctx.sessie.flush()
    ctx.audit("gebruiker uitnodigen", gebruiker=g.id, rol=invoer.rol.value)
    return _uitnodiging(ctx, g)


def nieuwe_uitnodiging(ctx: Context, gebruiker_id: int | str) -> Uitnodigingsbewijs:
    """A new link for an account that signs in here (a lost password, an expired link): the
    old password and any earlier link stop working once the new one is used."""
    g = _van_mijn_organisatie(ctx, gebruiker_id, wijzigen=True)
    if g.extern_id is not None:
        raise OngeldigeInvoer(
            {"": "Dit account logt in via de eigen organisatie en heeft hier geen wachtwoord."}
        )
    if not g.actief:
        raise OngeldigeInvoer({"": "Schakel het account eerst weer in."})
    ctx.audit("gebruiker opnieuw uitnodigen", gebruiker=g.id)
    return _uitnodiging(ctx, g)


def wijzig_rol(ctx: Context, gebruiker_id: int | str, invoer: RolIn) -> GebruikerUit:
    g = _van_mijn_organisatie(ctx, gebruiker_id, wijzigen=True)
    _mag_geven(ctx, invoer.rol)
    oud = g.rol
    g.rol, g.rol_bevestigd_op, g.rol_bevestigd_door = (
        invoer.rol.value,
        ctx.nu(),
        ctx.ik.gebruiker_id,
    )
    # A new role ends the sessions and tokens given under the old one (their stamp no longer
    # matches); the person signs in again.
    ctx.audit("rol wijzigen", gebruiker=g.id, van=oud, naar=invoer.rol.value)
    return GebruikerUit.van(g, ctx.ik.gebruiker_id)


def schakel_uit(ctx: Context, gebruiker_id: int | str) -> GebruikerUit:
    g = _van_mijn_organisatie(ctx, gebruiker_id, wijzigen=True)
    g.actief = False
    n = beheer.beeindig_sessies_en_tokens(ctx.sessie, g.id)
    ctx.audit("gebruiker uitschakelen", gebruiker=g.id, beeindigd=n)
    return GebruikerUit.van(g, ctx.ik.gebruiker_id)


def schakel_in(ctx: Context, gebruiker_id: int | str) -> GebruikerUit:
    g = _van_mijn_organisatie(ctx, gebruiker_id, wijzigen=True)
    g.actief = True
    # Enabling is a confirmation of the role, or it would lapse again at once.
    g.rol_bevestigd_op, g.rol_bevestigd_door = ctx.nu(), ctx.ik.gebruiker_id
    ctx.audit("gebruiker inschakelen", gebruiker=g.id)
    return GebruikerUit.van(g, ctx.ik.gebruiker_id)


ONGELDIGE_LINK = (
    "Deze link werkt niet (meer): hij is al gebruikt, verlopen of onvolledig gekopieerd. "
    "Vraag de functioneel beheerder of coördinator van uw organisatie om een nieuwe."
)


def uitnodiging_geldig(ctx: Context, token: str) -> str:
    """The invitee's name while the link works; refused otherwise (Dutch)."""
    return _open_uitnodiging(ctx, token)[1].naam


def _open_uitnodiging(ctx: Context, token: str) -> tuple[Uitnodiging, Gebruiker]:
    if not re.fullmatch(r"[A-Za-z0-9_\-]{20,100}", token):
        raise NietGevonden(ONGELDIGE_LINK)
    u = beheer.uitnodiging(ctx.sessie, _hash(token))
    g = beheer.gebruiker(ctx.sessie, u.gebruiker_id) if u is not None else None
    if u is None or g is None or u.gebruikt_op is not None or u.verloopt_op < ctx.nu():
        raise NietGevonden(ONGELDIGE_LINK)
    if not g.actief:
        raise NietGevonden(ONGELDIGE_LINK)
    return u, g


def aanvaard(ctx: Context, token: str, invoer: WachtwoordIn) -> str:
    """The invitee sets their password; the link is used up. Returns their user name (to
    sign in with)."""
    u, g = _open_uitnodiging(ctx, token)
    if invoer.wachtwoord != invoer.herhaling:
        raise OngeldigeInvoer({"herhaling": "De twee wachtwoorden zijn niet gelijk."})
    g.wachtwoord_hash = nieuw_wachtwoord_hash(invoer.wachtwoord)
    u.gebruikt_op = ctx.nu()
    ctx.audit("uitnodiging aanvaarden", gebruiker=g.id)
    return g.gebruikersnaam
