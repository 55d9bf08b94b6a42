# SPDX-License-Identifier: EUPL-1.2
"""The list of shielded persons, kept by the privacy officer of each organisation."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from integraal.domein.integriteit import Afschermingssoort
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.opslag.modellen import AfgeschermdePersoon
from integraal.toegang import integriteit as deur
from integraal.verwerking import Context


class AfschermingIn(Invoer):
    kenmerk: str = veld(
        "BSN of kenmerk",
        hint="Het BSN (alleen versleuteld bewaard) of het kenmerk van de persoon in Integraal.",
        min_length=1,
        max_length=128,
    )
    soort: Afschermingssoort = veld("Waarom afgeschermd")
    omschrijving: str = veld(
        "Omschrijving",
        hint="Zo dat u de persoon herkent, zonder adres; bijvoorbeeld 'bewaarder PI, team 3'.",
        min_length=3,
        max_length=200,
    )
    reden: str = veld(
        "Toelichting",
        hint="Waarom deze persoon extra bescherming nodig heeft.",
        min_length=10,
        max_length=2000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "kenmerk": "Vul het BSN of het kenmerk van de persoon in.",
        "soort": "Kies waarom de persoon wordt afgeschermd.",
        "omschrijving": "Beschrijf de persoon in minstens 3 tekens, zonder adres.",
        "reden": "Licht in minstens 10 tekens toe waarom de persoon wordt afgeschermd.",
    }


class AfgeschermdeUit(Uitvoer):
    id: int
    soort: Afschermingssoort
    soort_label: str
    omschrijving: str
    reden: str
    toegevoegd_op: dt.datetime
    beeindigd_op: dt.datetime | None
    actief: bool


def _uit(ctx: Context, a: AfgeschermdePersoon) -> AfgeschermdeUit:
    soort = Afschermingssoort(a.soort)
    return AfgeschermdeUit(
        id=a.id,
        soort=soort,
        soort_label=soort.label,
        omschrijving=a.omschrijving,
        reden=a.reden,
        toegevoegd_op=a.toegevoegd_op,
        beeindigd_op=a.beeindigd_op,
        actief=deur.actief(a, ctx.nu()),
    )


def lijst(ctx: Context) -> list[AfgeschermdeUit]:
    return [_uit(ctx, a) for a in deur.afgeschermden(ctx)]


def voeg_toe(ctx: Context, invoer: AfschermingIn) -> AfgeschermdeUit:
    a = deur.scherm_af(
        ctx,
        kenmerk=invoer.kenmerk,
        soort=invoer.soort,
        omschrijving=invoer.omschrijving,
        reden=invoer.reden,
    )
    return _uit(ctx, a)


def beeindig(ctx: Context, afscherming_id: int | str) -> AfgeschermdeUit:
    return _uit(ctx, deur.beeindig(ctx, afscherming_id))
