# SPDX-License-Identifier: EUPL-1.2
"""The one door for personal data: decide, read only what is allowed, log per subject, audit.

Every reader in this package ends here, whatever it reads (partner statements, signals, case
subjects, seized objects and the people they were seized from, matching suggestions). The
caller says, per item, which decision covers it and which data subjects it is about; the door
drops what is refused, writes one processing-log line per subject read and one audit record
for the action, all under the context's trace id and in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from integraal.delen import Besluit
from integraal.domein.fouten import NietGevonden
from integraal.toegang import afscherming
from integraal.verwerking import Context

T = TypeVar("T")


@dataclass(frozen=True)
class Betrokkene:
    """A data subject as the log knows it: an id (a pseudonym, never a BSN) and its kind."""

    id: str
    soort: str


def van_kenmerken(kenmerken: Iterable[dict[str, str]]) -> tuple[Betrokkene, ...]:
    """The subjects stored identifiers name (a BSN only as its pseudonym; an IBAN or a KvK
    number may be a person's too)."""
    return tuple(
        Betrokkene(k["waarde"], "BSN-pseudoniem" if k["soort"] == "bsn" else k["soort"])
        for k in kenmerken
    )


@dataclass(frozen=True)
class Lezing:
    """What the door must know about one item: the decision and whom it is about."""

    besluit: Besluit
    verstrekker: str
    categorie: str
    doel: str
    casus_id: str | None = None
    betrokkenen: Sequence[Betrokkene] = ()


def laat_door(
    ctx: Context,
    items: Iterable[T],
    lezing: Callable[[T], Lezing],
    *,
    naam: str,
    audit: bool = True,
    ontvanger: str | None = None,
    los: bool = False,
    **details: object,
) -> list[T]:
    """The allowed items, each read logged; refused items are left out and only counted.
    The recipient is the reader's organisation, unless the reader is the data subject.
    `los`: one item the reader opened (not a list), so a shielded person needs a reason."""
    toegestaan: list[T] = []
    geweigerd = 0
    regels = []
    for item in items:
        lz = lezing(item)
        if not lz.besluit.toegestaan:
            geweigerd += 1
            continue
        toegestaan.append(item)
        for b in lz.betrokkenen or (None,):
            regels.append(
                ctx.verwerking(
                    lz.besluit,
                    naam=naam,
                    verstrekker=lz.verstrekker,
                    ontvanger=ontvanger or ctx.ik.organisatie_id,
                    categorieen=(lz.categorie,),
                    doel=lz.doel,
                    casus_id=lz.casus_id,
                    betrokkene=b.id if b else None,
                    betrokkene_soort=b.soort if b else None,
                )
            )
    schermen = afscherming.afgeschermd(
        ctx,
        (
            v.betrokkene
            for v in regels
            if v.betrokkene and afscherming.EIGEN_CATEGORIE not in v.categorieen
        ),
    )
    if schermen:
        try:
            afscherming.bij_lezing(ctx, regels, los=los, schermen=schermen)
        except afscherming.RedenVereist:
            ctx.audit(naam, "geweigerd", reden="afgeschermde persoon zonder opgegeven reden")
            raise
    ctx.log(regels, daarna=lambda nummers: afscherming.meld(ctx, regels, nummers, schermen))
    if audit:
        ctx.audit(
            naam,
            "toegestaan" if toegestaan else ("geweigerd" if geweigerd else "leeg"),
            aantal=len(toegestaan),
            geweigerd=geweigerd,
            **details,
        )
    return toegestaan


def laat_een_door(
    ctx: Context,
    item: T | None,
    lezing: Callable[[T], Lezing],
    *,
    naam: str,
    niet_gevonden: str,
    **details: object,
) -> T:
    """One item, or NietGevonden: refused and absent look the same to the asker."""
    if item is None:
        ctx.audit(naam, "niet gevonden", **details)
        raise NietGevonden(niet_gevonden)
    door = laat_door(
        ctx, [item], lezing, naam=naam, audit=True, ontvanger=None, los=True, **details
    )
    if not door:
        raise NietGevonden(niet_gevonden)
    return door[0]


def log_verstrekking(
    ctx: Context,
    besluit: Besluit,
    naam: str,
    van: str,
    aan: str,
    categorie: str,
    doel: str,
    wie: Iterable[Betrokkene],
) -> None:
    """A provision the rules allowed: one processing line per subject (one without a subject
    when it names none), under the context's trace id."""
    personen: list[Betrokkene | None] = [*wie] or [None]
    ctx.log(
        ctx.verwerking(
            besluit,
            naam=naam,
            doel=doel,
            verstrekker=van,
            ontvanger=aan,
            categorieen=(categorie,),
            betrokkene=b.id if b else None,
            betrokkene_soort=b.soort if b else None,
        )
        for b in personen
    )
