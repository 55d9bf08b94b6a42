# SPDX-License-Identifier: EUPL-1.2
"""The door for FEC signal rounds: a round names persons by their identifiers. The FEC's own
staff read rounds and answers under triage within the partnership; a participant reads the
rounds put to it under the rule that let the FEC provide them. Each read: a log line per
person named, one audit record."""

from __future__ import annotations

from integraal.delen import Besluit
from integraal.domein.fouten import NietGevonden
from integraal.opslag import rondes as opslag
from integraal.opslag.modellen import Rondeantwoord, Signaalronde
from integraal.toegang.deur import Betrokkene, Lezing, laat_door, laat_een_door, van_kenmerken
from integraal.verwerking import Context

CATEGORIE = "signaal"
NIET_GEVONDEN = "deze signaalronde bestaat niet of is niet aan uw organisatie gericht"


def betrokkenen(r: Signaalronde) -> tuple[Betrokkene, ...]:
    """Whom a round is about, as the log knows them: every identifier it puts round (a BSN
    only as its pseudonym; an IBAN or a KvK number may be a person's too)."""
    return van_kenmerken(r.kenmerken)


def _besluit(ctx: Context, r: Signaalronde, doel: str) -> Besluit:
    if ctx.ik.organisatie_id == r.verband_id:
        return ctx.beslis(van=r.verband_id, categorie=CATEGORIE, doel=doel, uitleg=False)
    return ctx.beslis(
        van=r.verband_id,
        categorie=CATEGORIE,
        doel=doel,
        feiten=frozenset({"objectieve_aanwijzingen"}),
        uitleg=False,
    )


def _zichtbaar(ctx: Context, r: Signaalronde) -> bool:
    return ctx.ik.organisatie_id == r.verband_id or ctx.ik.organisatie_id in r.deelnemers


def een(
    ctx: Context, ronde_id: str, doel: str, *, naam: str = "signaalronde lezen"
) -> Signaalronde:
    r = opslag.ronde(ctx.sessie, ronde_id)
    if r is not None and not _zichtbaar(ctx, r):
        r = None
    return laat_een_door(
        ctx,
        r,
        lambda x: Lezing(
            _besluit(ctx, x, doel), x.verband_id, CATEGORIE, doel, None, betrokkenen(x)
        ),
        naam=naam,
        niet_gevonden=NIET_GEVONDEN,
        ronde=ronde_id,
        personen=len(betrokkenen(r)) if r else 0,
    )


def lijst(ctx: Context, doel: str) -> list[Signaalronde]:
    """The FEC's rounds for its staff; for a participant, the open rounds put to it."""
    if ctx.beslisser.register.werkwijze(ctx.ik.organisatie_id) is not None:
        rijen = opslag.van_verband(ctx.sessie, ctx.ik.organisatie_id)
    else:
        rijen = [r for r in opslag.open_rondes(ctx.sessie) if ctx.ik.organisatie_id in r.deelnemers]
    return laat_door(
        ctx,
        rijen,
        lambda x: Lezing(
            _besluit(ctx, x, doel), x.verband_id, CATEGORIE, doel, None, betrokkenen(x)
        ),
        naam="signaalronde lezen",
        personen=sum(len(betrokkenen(r)) for r in rijen),
    )


def antwoorden(ctx: Context, r: Signaalronde) -> list[Rondeantwoord]:
    """The answers, for the FEC's staff only (a participant does not see the others)."""
    if ctx.ik.organisatie_id != r.verband_id:
        raise NietGevonden(NIET_GEVONDEN)
    return opslag.antwoorden(ctx.sessie, r.id)


def eigen_antwoord(ctx: Context, r: Signaalronde) -> Rondeantwoord | None:
    return opslag.antwoord(ctx.sessie, r.id, ctx.ik.organisatie_id)
