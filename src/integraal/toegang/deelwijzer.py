# SPDX-License-Identifier: EUPL-1.2
"""The deelwijzer: ask the rule engine before asking a partner. Reads no personal data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from integraal.delen import Beslisser, Besluit, Verzoek
from integraal.delen.voorwaarden import VOORWAARDEN
from integraal.opslag.db import Sessie
from integraal.toegang.context import casus_context


class OngeldigeVraag(ValueError):
    def __init__(self, fouten: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in fouten.items()))
        self.fouten = fouten


def vraag_deelwijzer(
    sessie: Sessie | None,
    beslisser: Beslisser,
    *,
    van: str,
    aan: str,
    categorie: str,
    doel: str,
    casus_id: str | None = None,
    feiten: Iterable[str] = (),
    datum: dt.date | None = None,
    actor: str | None = None,
) -> Besluit:
    fouten: dict[str, str] = {}
    register, catalogus = beslisser.register, beslisser.catalogus
    for veld, waarde in (("van", van), ("aan", aan)):
        try:
            register.zoek(waarde)
        except KeyError:
            fouten[veld] = f"'{waarde}' is geen bekende organisatie of soort organisatie"
    if categorie not in catalogus.categorieen:
        fouten["categorie"] = (
            f"onbekende categorie; kies uit: {', '.join(sorted(catalogus.categorieen))}"
        )
    if doel not in catalogus.doelen:
        fouten["doel"] = f"onbekend doel; kies uit: {', '.join(sorted(catalogus.doelen))}"
    onbekend = sorted(set(feiten) - set(VOORWAARDEN))
    if onbekend:
        fouten["feiten"] = f"onbekende feiten: {', '.join(onbekend)}"
    if casus_id is not None and sessie is None:
        fouten["casus"] = "een casus vraagt om een database"
    if fouten:
        raise OngeldigeVraag(fouten)
    context = casus_context(sessie, casus_id) if sessie is not None else None
    return beslisser.beslis(
        Verzoek(
            van=van,
            aan=aan,
            categorie=categorie,
            doel=doel,
            casus=context,
            actor=actor,
            feiten=frozenset(feiten),
            datum=datum or dt.date.today(),
        )
    )
