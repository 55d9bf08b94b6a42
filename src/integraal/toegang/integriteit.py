# SPDX-License-Identifier: EUPL-1.2
"""The door to integrity alerts and the list of shielded persons.

An alert is about a user (an employee); a shielded person is a person. Both are read only by
the privacy officer of the organisation concerned, under their own rule, never by the user an
alert is about, and every look is logged like any other read of personal data.
"""

from __future__ import annotations

import datetime as dt
import re

from integraal.delen import Besluit
from integraal.domein.fouten import Conflict
from integraal.domein.integriteit import Afschermingssoort
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag import integriteit as opslag
from integraal.opslag.modellen import AfgeschermdePersoon, Integriteitsmelding
from integraal.toegang.deur import Betrokkene, Lezing, laat_door, laat_een_door, log_verstrekking
from integraal.toegang.inzage import betrokkene_sleutel
from integraal.verwerking import Context

MELDING, TOEZICHT = "integriteitsmelding", "integriteitstoezicht"
AFSCHERMING, BESCHERMING = "afscherming", "bescherming"
GEEN_MELDING = "deze melding bestaat niet of is niet voor u"
GEEN_AFSCHERMING = "deze afscherming bestaat niet of is niet van uw organisatie"


def _feiten(ctx: Context, over_gebruiker: int | None = None) -> frozenset[str]:
    ik = ctx.ik
    if ik.rol is Rol.PRIVACY_OFFICER and ik.gebruiker_id != over_gebruiker:
        return frozenset({"onafhankelijke_privacy_officer"})
    return frozenset()


def _besluit_melding(ctx: Context, m: Integriteitsmelding) -> Besluit:
    return ctx.beslis(
        van=m.organisatie_id or "onbekend",
        categorie=MELDING,
        doel=TOEZICHT,
        feiten=_feiten(ctx, m.gebruiker_id),
    )


def _lezing_melding(ctx: Context, m: Integriteitsmelding) -> Lezing:
    return Lezing(
        besluit=_besluit_melding(ctx, m),
        verstrekker=m.organisatie_id or "onbekend",
        categorie=MELDING,
        doel=TOEZICHT,
        betrokkenen=(Betrokkene(f"gebruiker:{m.gebruiker_id}", "medewerker"),),
    )


def meldingen(ctx: Context, *, open_: bool | None = None) -> list[Integriteitsmelding]:
    """The alerts about users of the reader's organisation that the reader may see."""
    rijen = opslag.meldingen(ctx.sessie, ctx.ik.organisatie_id, open_=open_)
    return laat_door(
        ctx, rijen, lambda m: _lezing_melding(ctx, m), naam="integriteitsmeldingen lezen"
    )


def _nummer(sleutel: int | str) -> int | None:
    """A row number from a path, or None: ASCII digits only ('²' and '٦' are digits too)."""
    tekst = str(sleutel)
    return int(tekst) if re.fullmatch(r"[1-9][0-9]{0,8}", tekst) else None


def melding(ctx: Context, melding_id: int | str) -> Integriteitsmelding:
    nummer = _nummer(melding_id)
    return laat_een_door(
        ctx,
        opslag.melding(ctx.sessie, nummer) if nummer is not None else None,
        lambda m: _lezing_melding(ctx, m),
        naam="integriteitsmelding lezen",
        niet_gevonden=GEEN_MELDING,
        melding=melding_id,
    )


def aantal_open(ctx: Context) -> int:
    """How many alerts wait for this privacy officer (a count for Mijn taken: no names, so
    no read of personal data; the officer's own alerts do not count)."""
    if ctx.ik.rol is not Rol.PRIVACY_OFFICER:
        return 0
    return sum(
        1
        for m in opslag.meldingen(ctx.sessie, ctx.ik.organisatie_id, open_=True)
        if m.gebruiker_id != ctx.ik.gebruiker_id
    )


def beoordeel(
    ctx: Context, melding_id: int | str, status: str, uitkomst: str | None
) -> Integriteitsmelding:
    """Record the privacy officer's judgement on an alert (the caller checked the transition)."""
    m = melding(ctx, melding_id)
    m.status, m.uitkomst = status, uitkomst
    m.beslist_door, m.beslist_op = ctx.ik.gebruiker_id, ctx.nu()
    ctx.audit("integriteitsmelding beoordelen", melding=m.id, status=status)
    return m


# --- Shielded persons --------------------------------------------------------------------------


def _besluit_afscherming(ctx: Context, organisatie_id: str) -> Besluit:
    return ctx.beslis(
        van=organisatie_id, categorie=AFSCHERMING, doel=BESCHERMING, feiten=_feiten(ctx)
    )


def _lezing_afscherming(ctx: Context, a: AfgeschermdePersoon) -> Lezing:
    return Lezing(
        besluit=_besluit_afscherming(ctx, a.organisatie_id),
        verstrekker=a.organisatie_id,
        categorie=AFSCHERMING,
        doel=BESCHERMING,
        betrokkenen=(Betrokkene(a.betrokkene, a.betrokkene_soort),),
    )


def afgeschermden(ctx: Context) -> list[AfgeschermdePersoon]:
    rijen = opslag.afgeschermden(ctx.sessie, organisatie_id=ctx.ik.organisatie_id)
    return laat_door(
        ctx, rijen, lambda a: _lezing_afscherming(ctx, a), naam="afgeschermde personen lezen"
    )


def afscherming(ctx: Context, afscherming_id: int | str) -> AfgeschermdePersoon:
    nummer = _nummer(afscherming_id)
    return laat_een_door(
        ctx,
        opslag.afgeschermde(ctx.sessie, nummer) if nummer is not None else None,
        lambda a: _lezing_afscherming(ctx, a),
        naam="afgeschermde persoon lezen",
        niet_gevonden=GEEN_AFSCHERMING,
    )


def scherm_af(
    ctx: Context,
    *,
    kenmerk: str,
    soort: Afschermingssoort,
    omschrijving: str,
    reden: str,
) -> AfgeschermdePersoon:
    """Put a person on the organisation's list (a BSN is kept only as its pseudonym)."""
    eigen = ctx.ik.organisatie_id
    besluit = ctx.vereis(_besluit_afscherming(ctx, eigen))
    betrokkene, betrokkene_soort = betrokkene_sleutel(kenmerk, ctx.pseudoniem_sleutel)
    if any(
        a.betrokkene == betrokkene
        for a in opslag.afgeschermden(ctx.sessie, organisatie_id=eigen, op=ctx.nu())
    ):
        raise Conflict("deze persoon staat al op de lijst van uw organisatie")
    a = AfgeschermdePersoon(
        betrokkene=betrokkene,
        betrokkene_soort=betrokkene_soort,
        soort=soort.value,
        organisatie_id=eigen,
        omschrijving=omschrijving,
        reden=reden,
        toegevoegd_door=ctx.ik.gebruiker_id,
        toegevoegd_op=ctx.nu(),
    )
    beheer.bewaar(ctx.sessie, a)
    log_verstrekking(
        ctx,
        besluit,
        "persoon afschermen",
        eigen,
        eigen,
        AFSCHERMING,
        BESCHERMING,
        [Betrokkene(betrokkene, betrokkene_soort)],
    )
    ctx.audit("persoon afschermen", afscherming=a.id, soort=soort.value)
    return a


def beeindig(ctx: Context, afscherming_id: int | str) -> AfgeschermdePersoon:
    a = afscherming(ctx, afscherming_id)
    if a.beeindigd_op is not None and a.beeindigd_op <= ctx.nu():
        raise Conflict("deze afscherming is al beëindigd")
    a.beeindigd_op = ctx.nu()
    ctx.audit("afscherming beëindigen", afscherming=a.id)
    return a


def actief(a: AfgeschermdePersoon, op: dt.datetime) -> bool:
    return a.beeindigd_op is None or a.beeindigd_op > op
