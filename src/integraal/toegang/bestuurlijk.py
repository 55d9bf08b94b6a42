# SPDX-License-Identifier: EUPL-1.2
"""The door for the administrative instruments.

- A Bibob dossier is read by the municipality that keeps it (BESTUUR-EIGEN-TAAK); the LBB's
  advice in it only with the fact `eigen_bibob_aanvraag`, which this door alone declares and
  only for that body. Everyone else, for every route, meets BIBOB-OVERIG or finds nothing.
- A RIEC reads the extract addressed to it (BIBOB-RIEC), never the advice.
- Another body reads a conclusion in the register (BIBOB-REGISTER) within the re-use term;
  each re-use is logged and kept on the conclusion.
- The police read back the reports they sent (EIGEN-LEVERING); the municipality reads what it
  received and its closures and claims under its own task.
- Provisions (police → mayor, body → LBB, LBB → body, body → RIEC, municipality → Kadaster)
  are decided here and logged per subject.
Subjects: an applicant or debtor by their identifiers, a closure by its BAG object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

from integraal.delen import Besluit
from integraal.domein.bestuurlijk import SLUITINGSDOEL, Sluitingsgrond
from integraal.domein.rollen import Rol
from integraal.opslag import bestuurlijk as opslag
from integraal.opslag.modellen import (
    Bestuurlijkerapportage,
    Bestuurlijkevordering,
    Bibobconclusie,
    Bibobprocedure,
    Sluiting,
)
from integraal.toegang.deur import (
    Betrokkene,
    Lezing,
    laat_door,
    laat_een_door,
    log_verstrekking,
    van_kenmerken,
)
from integraal.verwerking import Context

NIET_GEVONDEN = "dit dossier bestaat niet of is niet voor u"
BIBOB = "bibob"
EIGEN_AANVRAAG = frozenset({"eigen_bibob_aanvraag"})


def betrokkenen(kenmerken: Iterable[dict[str, str]]) -> tuple[Betrokkene, ...]:
    return van_kenmerken(kenmerken)


def object_betrokkene(bag_id: str) -> Betrokkene:
    """Whom a closure is about, as the log knows it: the BAG object (its residents' home)."""
    return Betrokkene(bag_id, "BAG-object")


def _eigen(
    ctx: Context, categorie: str, doel: str, feiten: frozenset[str] = frozenset()
) -> Besluit:
    org = ctx.ik.organisatie_id
    return ctx.beslis(van=org, aan=org, categorie=categorie, doel=doel, feiten=feiten, uitleg=False)


D = TypeVar("D", Bibobprocedure, Sluiting, Bestuurlijkevordering)


def _eigen_dossier(
    ctx: Context,
    rij: D | None,
    rol: Rol,
    categorie: str,
    waarover: Callable[[D], tuple[str, str | None, tuple[Betrokkene, ...]]],
    *,
    naam: str,
    **details: object,
) -> D:
    """One of the municipality's own dossiers, for the role that works on it there (anyone
    else finds nothing): decided under its own task and logged per subject. `waarover` gives
    the dossier's purpose, case and subjects."""
    if rij is not None and (rij.organisatie_id != ctx.ik.organisatie_id or ctx.ik.rol is not rol):
        rij = None

    def lezing(x: D) -> Lezing:
        doel, casus_id, wie = waarover(x)
        return Lezing(
            _eigen(ctx, categorie, doel), x.organisatie_id, categorie, doel, casus_id, wie
        )

    return laat_een_door(ctx, rij, lezing, naam=naam, niet_gevonden=NIET_GEVONDEN, **details)


# --- Bibob -------------------------------------------------------------------------------------


def procedure(
    ctx: Context, procedure_id: str, *, naam: str = "bibob-dossier lezen"
) -> Bibobprocedure:
    """The dossier without the advice, for the Bibob advisers of the body that keeps it."""
    return _eigen_dossier(
        ctx,
        opslag.procedure(ctx.sessie, procedure_id),
        Rol.BIBOB_ADVISEUR,
        "bibob_dossier",
        lambda x: (BIBOB, None, betrokkenen(x.kenmerken)),
        naam=naam,
        procedure=procedure_id,
    )


def advies(ctx: Context, p: Bibobprocedure) -> str | None:
    """The LBB's advice, read by the body that asked for it, logged per subject. Anyone else
    is refused by BIBOB-OVERIG (the door declares the exception's fact only for that body)."""
    if p.advies is None:
        return None
    feiten = EIGEN_AANVRAAG if p.organisatie_id == ctx.ik.organisatie_id else frozenset()
    besluit = ctx.beslis(
        van=p.organisatie_id, categorie="bibob_advies", doel=BIBOB, feiten=feiten, uitleg=False
    )
    door = laat_door(
        ctx,
        [p],
        lambda x: Lezing(
            besluit, x.organisatie_id, "bibob_advies", BIBOB, None, betrokkenen(x.kenmerken)
        ),
        naam="bibob-advies lezen",
        procedure=p.id,
    )
    return door[0].advies if door else None


def procedures(ctx: Context) -> list[Bibobprocedure]:
    """The body's procedures for its list; the list shows no applicant (no read of a person)."""
    if ctx.ik.rol is not Rol.BIBOB_ADVISEUR:
        return []
    return opslag.procedures(ctx.sessie, ctx.ik.organisatie_id)


def _extract_besluit(ctx: Context, p: Bibobprocedure, aan: str | None = None) -> Besluit:
    return ctx.beslis(
        van=p.organisatie_id,
        aan=aan,
        categorie="bibob_extract",
        doel="bibob_ondersteuning",
        feiten={"alleen_bibob_ondersteuning"},
        uitleg=aan is not None,
    )


def verstrek_extract(ctx: Context, p: Bibobprocedure, riec_id: str) -> None:
    """The body gives the RIEC an extract of its own investigation for support (BIBOB-RIEC)."""
    besluit = ctx.vereis(_extract_besluit(ctx, p, riec_id))
    log_verstrekking(
        ctx,
        besluit,
        "bibob-extract verstrekken",
        p.organisatie_id,
        riec_id,
        "bibob_extract",
        "bibob_ondersteuning",
        betrokkenen(p.kenmerken),
    )


# Who at a RIEC works with extracts: its analysts and coordinators (not its privacy officer or
# policy staff, who have no part in supporting a Bibob investigation).
RIEC_MEDEWERKERS = frozenset({Rol.ANALIST, Rol.COORDINATOR})


def extracten(ctx: Context) -> list[Bibobprocedure]:
    """The extracts addressed to the reader's RIEC, for its list (no applicant shown)."""
    if ctx.ik.rol not in RIEC_MEDEWERKERS:
        return []
    return opslag.extracten(ctx.sessie, ctx.ik.organisatie_id)


def extract(ctx: Context, procedure_id: str) -> Bibobprocedure:
    """One extract for the RIEC it was sent to; the row's advice is never handed on."""
    p = opslag.procedure(ctx.sessie, procedure_id)
    if p is not None and (
        p.riec_id != ctx.ik.organisatie_id
        or p.extract is None
        or ctx.ik.rol not in RIEC_MEDEWERKERS
    ):
        p = None
    return laat_een_door(
        ctx,
        p,
        lambda x: Lezing(
            _extract_besluit(ctx, x),
            x.organisatie_id,
            "bibob_extract",
            "bibob_ondersteuning",
            None,
            betrokkenen(x.kenmerken),
        ),
        naam="bibob-extract lezen",
        niet_gevonden="dit extract bestaat niet of is niet voor u",
        procedure=procedure_id,
    )


def vraag_lbb(ctx: Context, p: Bibobprocedure) -> None:
    """The questionnaire and own investigation go to the LBB (BIBOB-LBB)."""
    besluit = ctx.vereis(
        ctx.beslis(van=p.organisatie_id, aan="lbb", categorie="bibob_vragenlijst", doel=BIBOB)
    )
    log_verstrekking(
        ctx,
        besluit,
        "bibob-advies vragen",
        p.organisatie_id,
        "lbb",
        "bibob_vragenlijst",
        BIBOB,
        betrokkenen(p.kenmerken),
    )


def ontvang_advies(ctx: Context, p: Bibobprocedure) -> None:
    """The LBB's advice to the body that asked (BIBOB-ADVIES), recorded by that body."""
    besluit = ctx.vereis(
        ctx.beslis(
            van="lbb",
            aan=p.organisatie_id,
            categorie="bibob_advies",
            doel=BIBOB,
            feiten=EIGEN_AANVRAAG if p.organisatie_id == ctx.ik.organisatie_id else (),
        )
    )
    log_verstrekking(
        ctx,
        besluit,
        "bibob-advies ontvangen",
        "lbb",
        p.organisatie_id,
        "bibob_advies",
        BIBOB,
        betrokkenen(p.kenmerken),
    )


def conclusies_over(
    ctx: Context, kenmerken: list[dict[str, str]], peildatum: dt.date
) -> list[Bibobconclusie]:
    """Conclusions in the register about these identifiers, for another body that re-uses
    them: each decided (the term must still run) and logged; the re-use is kept."""
    gezocht = {(k["soort"], k["waarde"]) for k in kenmerken}
    gevonden = [
        c
        for c in opslag.conclusies(ctx.sessie)
        # Its own conclusions a body reads in its own dossiers, not as re-use.
        if c.organisatie_id != ctx.ik.organisatie_id
        and gezocht & {(k["soort"], k["waarde"]) for k in c.kenmerken}
    ]

    def lezing(c: Bibobconclusie) -> Lezing:
        besluit = ctx.beslis(
            van=c.organisatie_id,
            categorie="bibob_conclusie",
            doel=BIBOB,
            feiten={"binnen_hergebruiktermijn"} if c.geldig_tot >= peildatum else (),
            uitleg=False,
        )
        return Lezing(
            besluit, c.organisatie_id, "bibob_conclusie", BIBOB, None, betrokkenen(c.kenmerken)
        )

    door = laat_door(
        ctx, gevonden, lezing, naam="bibob-register raadplegen", gevonden=len(gevonden)
    )
    for c in door:
        c.hergebruik = [
            *c.hergebruik,
            {
                "organisatie": ctx.ik.organisatie_id,
                "op": peildatum.isoformat(),
                "trace": ctx.trace_id,
            },
        ]
    return door


# --- Administrative reports, closures and claims -----------------------------------------------


def doel_van(grond: str) -> str:
    return SLUITINGSDOEL[Sluitingsgrond(grond)]


def rapportage_besluit(ctx: Context, r: Bestuurlijkerapportage) -> Besluit:
    """May the police provide this report to the mayor (WPG-GEZAG-13B / -174A)?"""
    return ctx.beslis(
        van=r.van_id,
        aan=r.aan_id,
        categorie="bestuurlijke_rapportage",
        doel=doel_van(r.grond),
        feiten={"object_bekend"} if r.bag_id else (),
    )


def verstrek_rapportage(ctx: Context, r: Bestuurlijkerapportage, besluit: Besluit) -> None:
    log_verstrekking(
        ctx,
        besluit,
        "bestuurlijke rapportage verstrekken",
        r.van_id,
        r.aan_id,
        "bestuurlijke_rapportage",
        doel_van(r.grond),
        (object_betrokkene(r.bag_id),),
    )


def rapportage(
    ctx: Context, rapportage_id: str, *, naam: str = "bestuurlijke rapportage lezen"
) -> Bestuurlijkerapportage:
    """The sender reads back what it sent; the receiving municipality's OOV advisers read what
    it received (a refused report never reached it)."""
    r = opslag.rapportage(ctx.sessie, rapportage_id)
    org = ctx.ik.organisatie_id
    afzender = r is not None and r.van_id == org
    ontvanger = (
        r is not None
        and r.aan_id == org
        and r.status != "geweigerd"
        and ctx.ik.rol is Rol.OOV_ADVISEUR
    )
    if not (afzender or ontvanger):
        r = None

    def lezing(x: Bestuurlijkerapportage) -> Lezing:
        doel = doel_van(x.grond)
        if afzender:
            besluit = ctx.beslis(
                van=x.van_id,
                categorie="bestuurlijke_rapportage",
                doel=doel,
                bron=x.van_id,
                uitleg=False,
            )
        else:
            besluit = _eigen(ctx, "bestuurlijke_rapportage", doel)
        return Lezing(
            besluit, x.van_id, "bestuurlijke_rapportage", doel, None, (object_betrokkene(x.bag_id),)
        )

    return laat_een_door(
        ctx, r, lezing, naam=naam, niet_gevonden=NIET_GEVONDEN, rapportage=rapportage_id
    )


def rapportages(ctx: Context) -> list[Bestuurlijkerapportage]:
    """For the list: sent (police) or received (OOV advisers); the list shows no address."""
    if ctx.ik.rol is not Rol.OOV_ADVISEUR and not is_politie(ctx):
        return []
    return opslag.rapportages(ctx.sessie, ctx.ik.organisatie_id)


def is_politie(ctx: Context) -> bool:
    return ctx.beslisser.register.zoek(ctx.ik.organisatie_id).soort == "politie"


def sluiting(ctx: Context, sluiting_id: str, *, naam: str = "sluitingsdossier lezen") -> Sluiting:
    return _eigen_dossier(
        ctx,
        opslag.sluiting(ctx.sessie, sluiting_id),
        Rol.OOV_ADVISEUR,
        "sluitingsbesluit",
        lambda x: (doel_van(x.grond), x.casus_id, (object_betrokkene(x.bag_id),)),
        naam=naam,
        sluiting=sluiting_id,
    )


def sluitingen(ctx: Context) -> list[Sluiting]:
    if ctx.ik.rol is not Rol.OOV_ADVISEUR:
        return []
    return opslag.sluitingen(ctx.sessie, ctx.ik.organisatie_id)


def meld_kadaster(ctx: Context, s: Sluiting, *, doorhalen: bool) -> Besluit:
    """Registering or withdrawing the restriction: plot data to the Kadaster (WKPB-13B)."""
    besluit = ctx.vereis(
        ctx.beslis(van=s.organisatie_id, aan="kadaster", categorie="perceel", doel="kenbaarheid")
    )
    org = s.organisatie_id
    if doorhalen:
        log_verstrekking(
            ctx, besluit, "kadaster doorhalen", org, "kadaster", "perceel", "kenbaarheid", ()
        )
    else:
        log_verstrekking(
            ctx, besluit, "kadaster inschrijven", org, "kadaster", "perceel", "kenbaarheid", ()
        )
    return besluit


HANDHAVING = "handhaving"


def vordering(
    ctx: Context, vordering_id: str, *, naam: str = "bestuurlijke vordering lezen"
) -> Bestuurlijkevordering:
    return _eigen_dossier(
        ctx,
        opslag.vordering(ctx.sessie, vordering_id),
        Rol.OOV_ADVISEUR,
        "bestuurlijke_vordering",
        lambda x: (HANDHAVING, x.casus_id, betrokkenen(x.kenmerken)),
        naam=naam,
        vordering=vordering_id,
    )


def vorderingen(ctx: Context) -> list[Bestuurlijkevordering]:
    if ctx.ik.rol is not Rol.OOV_ADVISEUR:
        return []
    return opslag.vorderingen(ctx.sessie, ctx.ik.organisatie_id)


def leg_vast(
    ctx: Context, naam: str, categorie: str, doel: str, kenmerken: Iterable[dict[str, str]]
) -> None:
    """A new dossier of the municipality's own (a procedure, a claim): its subjects are now
    processed under its own task, decided (BESTUUR-EIGEN-TAAK) and logged per subject."""
    org = ctx.ik.organisatie_id
    besluit = ctx.vereis(ctx.beslis(van=org, aan=org, categorie=categorie, doel=doel))
    log_verstrekking(ctx, besluit, naam, org, org, categorie, doel, betrokkenen(kenmerken))
