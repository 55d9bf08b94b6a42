# SPDX-License-Identifier: EUPL-1.2
"""Shielded persons at the door: a read of their data needs a stated reason and always raises
an alert for the reader's privacy officer, in the same transaction as the read itself."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from integraal import logboek
from integraal.domein.fouten import Conflict
from integraal.domein.integriteit import (
    Afscherming,
    Afschermingssoort,
    Detector,
    Gebeurtenis,
    Omstandigheden,
    Soort,
    Treffer,
)
from integraal.logboek.controleregels import regelset
from integraal.opslag import integriteit as opslag
from integraal.verwerking import Context

# The list of shielded persons itself: the privacy officer keeping it raises no alert.
EIGEN_CATEGORIE = "afscherming"
# Activities that list search hits rather than open one person's data.
ZOEKHANDELINGEN = frozenset({"entiteiten zoeken"})


class RedenVereist(Conflict):
    """A shielded person's data is read without a stated reason."""

    def __init__(self) -> None:
        super().__init__(
            "deze gegevens gaan over een afgeschermde persoon; geef op waarom u ze leest (in de "
            "API met de kopregel Afschermingsreden, op de opdrachtregel met --reden). Uw reden "
            "en uw lezing gaan naar de privacy officer van uw organisatie"
        )


def afgeschermd(ctx: Context, betrokkenen: Iterable[str]) -> dict[str, Afscherming]:
    """Which of these subjects are shielded today."""
    return {
        a.betrokkene: Afscherming(Afschermingssoort(a.soort), a.organisatie_id, a.toegevoegd_op)
        for a in opslag.afgeschermd_van(ctx.sessie, betrokkenen, ctx.nu())
    }


def bewijsregel(g: Gebeurtenis, labels: dict[str, str]) -> dict[str, object]:
    """One line of evidence as the privacy officer sees it: the subject only as "betrokkene
    1, 2, ..." within this alert; the line number leads to the log itself when needed."""
    if g.betrokkene is not None and g.betrokkene not in labels:
        labels[g.betrokkene] = f"betrokkene {len(labels) + 1}"
    return {
        "volgnummer": g.volgnummer,
        "tijd": g.tijd.isoformat(),
        "handeling": g.handeling,
        "soort": g.soort.value,
        "betrokkene": labels.get(g.betrokkene or ""),
        "casus": g.casus_id,
        "verstrekker": g.verstrekker,
        "aantal": g.aantal,
        "reden": g.reden,
    }


def als_rij(t: Treffer) -> dict[str, object]:
    labels: dict[str, str] = {}
    return {
        "sleutel": t.sleutel,
        "regel": t.regel_id,
        "gebruiker_id": t.gebruiker_id,
        "organisatie_id": t.organisatie_id,
        "tijd": t.tijd,
        "uitleg": t.uitleg,
        "bewijs": [bewijsregel(g, labels) for g in t.bewijs],
        "status": "nieuw",
    }


def bij_lezing(
    ctx: Context,
    regels: Sequence[logboek.Verwerking],
    *,
    los: bool,
    schermen: Mapping[str, Afscherming],
) -> None:
    """Before the read is logged: an opened item about a shielded person needs a reason."""
    if los and ctx.reden is None and any(v.betrokkene in schermen for v in regels):
        raise RedenVereist


def meld(
    ctx: Context,
    regels: Sequence[logboek.Verwerking],
    volgnummers: Sequence[int],
    schermen: Mapping[str, Afscherming],
) -> None:
    """After the read is logged: one alert per shielded subject read, at once (the next
    detection run finds the same alert by its key and leaves it)."""
    actor = ctx.actor
    if actor is None or not schermen:
        return
    detector = Detector(d for d in regelset().definities if d.soort == "afgeschermd")
    o = Omstandigheden(afgeschermd=schermen)
    treffers: list[Treffer] = []
    for v, nummer in zip(regels, volgnummers, strict=True):
        if v.betrokkene is None or v.betrokkene not in schermen:
            continue
        if v.ontvanger not in (None, actor.organisatie_id):
            continue
        if v.betrokkene in ctx.afgeschermd_gemeld:
            continue  # one action (one trace) reading a person in several steps: one alert
        ctx.afgeschermd_gemeld.add(v.betrokkene)
        g = Gebeurtenis(
            tijd=v.start,
            gebruiker_id=actor.gebruiker_id,
            organisatie_id=actor.organisatie_id,
            soort=Soort.ZOEKTREFFER if v.naam in ZOEKHANDELINGEN else Soort.LEZING,
            handeling=v.naam,
            betrokkene=v.betrokkene,
            casus_id=v.casus_id,
            verstrekker=v.verstrekker,
            volgnummer=nummer,
            reden=ctx.reden,
        )
        treffers += detector.bekijk(g, o)
    opslag.bewaar_meldingen(ctx.sessie, [als_rij(t) for t in treffers])
