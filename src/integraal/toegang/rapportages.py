# SPDX-License-Identifier: EUPL-1.2
"""The door for iCOV report requests and reports.

- A request names persons by their identifiers: iCOV staff read them under the rule that lets a
  participant ask iCOV (WGS-ICOV-VERZOEK), the requester reads back what it sent.
- Composing reads the participants' deliveries held by iCOV, only with a request the rules
  allowed (the fact `rapportageverzoek`), one log line per entity and group read.
- The delivered report is read by the requester only, under the rule that lets iCOV provide it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from integraal.delen import Besluit
from integraal.domein.fouten import GeenToegang
from integraal.opslag import rapportages as opslag
from integraal.opslag import statements
from integraal.opslag.modellen import Rapportageverzoek
from integraal.opslag.statements import Gelezen
from integraal.toegang.deur import Betrokkene, Lezing, laat_een_door, van_kenmerken
from integraal.toegang.lezen import (
    Entiteitbeeld,
    Leesvraag,
    beslis_groepen,
    bouw_beelden,
    log_lezing,
)
from integraal.verwerking import Context

CATEGORIE_VERZOEK = "identifiers"
NIET_GEVONDEN = "dit rapportageverzoek bestaat niet of is niet voor u"
# How far composing looks: relation entities around the subjects, and subjects per identifier.
MAX_RELATIES = 500
MAX_PER_KENMERK = 10


def betrokkenen(v: Rapportageverzoek) -> tuple[Betrokkene, ...]:
    """Whom a request is about, as the log knows them (a BSN only as its pseudonym)."""
    return van_kenmerken(v.kenmerken)


def _als_icov(ctx: Context, v: Rapportageverzoek) -> Lezing:
    besluit = ctx.beslis(
        van=v.organisatie_id, categorie=CATEGORIE_VERZOEK, doel=v.doel, uitleg=False
    )
    return Lezing(besluit, v.organisatie_id, CATEGORIE_VERZOEK, v.doel, None, betrokkenen(v))


def _als_aanvrager(ctx: Context, v: Rapportageverzoek) -> Lezing:
    besluit = ctx.beslis(
        van=v.organisatie_id,
        categorie=CATEGORIE_VERZOEK,
        doel=v.doel,
        bron=v.organisatie_id,
        uitleg=False,
    )
    return Lezing(besluit, v.organisatie_id, CATEGORIE_VERZOEK, v.doel, None, betrokkenen(v))


def _lezing(ctx: Context, v: Rapportageverzoek) -> Lezing:
    if ctx.ik.organisatie_id == v.verband_id:
        return _als_icov(ctx, v)
    if ctx.ik.gebruiker_id == v.aangevraagd_door:
        return _als_aanvrager(ctx, v)
    raise GeenToegang(NIET_GEVONDEN)


def een(
    ctx: Context, verzoek_id: str, *, naam: str = "rapportageverzoek lezen"
) -> Rapportageverzoek:
    """One request, for iCOV staff or for whoever asked it; anyone else finds nothing."""
    v = opslag.verzoek(ctx.sessie, verzoek_id)
    if v is not None and not (
        # A request the rules refused never reached iCOV: it does not exist there.
        (ctx.ik.organisatie_id == v.verband_id and v.status != "geweigerd")
        or ctx.ik.gebruiker_id == v.aangevraagd_door
    ):
        v = None
    return laat_een_door(
        ctx,
        v,
        lambda x: _lezing(ctx, x),
        naam=naam,
        niet_gevonden=NIET_GEVONDEN,
        verzoek=verzoek_id,
        personen=len(betrokkenen(v)) if v else 0,
    )


@dataclass(frozen=True)
class Samenstelling:
    """What composing read: per identifier the subjects found, the relation statements around
    them and every entity as far as the rules let iCOV see it."""

    per_kenmerk: dict[str, list[str]]
    relaties: list[Gelezen]
    beelden: dict[str, Entiteitbeeld]
    # The BSN pseudonym of each person read, so every person the report names is logged as
    # the person it is (an access request by BSN finds the provision).
    pseudoniemen: dict[str, str]


def stel_samen(ctx: Context, v: Rapportageverzoek) -> Samenstelling:
    """Read what iCOV holds about the subjects asked, only under an allowed request."""
    vraag = Leesvraag(v.doel, None, frozenset({"rapportageverzoek"}))
    eigen = [g for g in statements.groepen(ctx.sessie) if g.houder_id == v.verband_id]
    beslissingen = beslis_groepen(ctx, vraag, eigen)
    toegestaan = list(beslissingen.toegestaan)
    per_kenmerk: dict[str, list[str]] = {}
    for k in v.kenmerken:
        per_kenmerk[k["waarde"]] = statements.zoek_entiteiten(
            ctx.sessie,
            toegestaan,
            term=None,
            exacte_waarden=[k["waarde"]],
            schema=None,
            limiet=MAX_PER_KENMERK,
        )
    subjecten = sorted({i for ids in per_kenmerk.values() for i in ids})
    relaties, _ = statements.verwijzingen_rond(ctx.sessie, toegestaan, subjecten, MAX_RELATIES)
    ids = sorted(
        set(subjecten)
        | {s.entity_id for s in relaties}
        | {s.value for s in relaties if s.prop_type == "entity"}
    )
    stmts = statements.statements_van(ctx.sessie, ids, toegestaan)
    beelden = bouw_beelden(stmts, beslissingen)
    if beelden:
        log_lezing(ctx, vraag, beelden, stmts, beslissingen, "rapportage opstellen")
    ctx.audit(
        "rapportage opstellen",
        "toegestaan" if beelden else "leeg",
        verzoek=v.id,
        entiteiten=len(beelden),
    )
    return Samenstelling(
        per_kenmerk, relaties, beelden, statements.pseudoniemen_van(ctx.sessie, list(beelden))
    )


def verstrek(ctx: Context, v: Rapportageverzoek, besluit: Besluit) -> None:
    """The provision of the report to the requester: one line per subject in it."""
    ctx.log(
        ctx.verwerking(
            besluit,
            naam="rapportage verstrekken",
            doel=v.doel,
            verstrekker=v.verband_id,
            ontvanger=v.organisatie_id,
            categorieen=(v.soort,),
            betrokkene=s["betrokkene"],
            betrokkene_soort=s["betrokkene_soort"],
        )
        for s in _subjecten(v)
    )


def _subjecten(v: Rapportageverzoek) -> Sequence[dict[str, str]]:
    """Everyone the report names (the subjects asked and the persons and companies related to
    them), or, before composing, the identifiers asked."""
    return list(v.rapport.get("betrokkenen", [])) or [
        {"betrokkene": b.id, "betrokkene_soort": b.soort} for b in betrokkenen(v)
    ]


def rapport(ctx: Context, verzoek_id: str, feiten: frozenset[str]) -> Rapportageverzoek:
    """The report: for iCOV staff once composed (to check and approve it), for the requester
    once delivered. Decided again and logged per subject in it; anyone else finds nothing."""
    v = opslag.verzoek(ctx.sessie, verzoek_id)
    icov = v is not None and ctx.ik.organisatie_id == v.verband_id and bool(v.rapport)
    aanvrager = (
        v is not None and v.aangevraagd_door == ctx.ik.gebruiker_id and v.status == "geleverd"
    )
    if v is None or not (icov or aanvrager):
        ctx.audit("rapportage lezen", "niet gevonden", verzoek=verzoek_id)
        raise GeenToegang(NIET_GEVONDEN)
    besluit = (
        ctx.beslis(
            van=v.verband_id,
            categorie=v.soort,
            doel=v.doel,
            feiten=frozenset({"rapportageverzoek"}),
            uitleg=False,
        )
        if icov
        else ctx.beslis(van=v.verband_id, categorie=v.soort, doel=v.doel, feiten=feiten)
    )

    def lezing(x: Rapportageverzoek) -> Lezing:
        return Lezing(
            besluit,
            x.verband_id,
            x.soort,
            x.doel,
            None,
            tuple(Betrokkene(s["betrokkene"], s["betrokkene_soort"]) for s in _subjecten(x)),
        )

    return laat_een_door(
        ctx, v, lezing, naam="rapportage lezen", niet_gevonden=NIET_GEVONDEN, verzoek=verzoek_id
    )
