# SPDX-License-Identifier: EUPL-1.2
"""Readable ids under concurrency: signals posted at once each get their own number (on
PostgreSQL, counting rows gave two transactions the same one: UniqueViolation)."""

from __future__ import annotations

import threading

from sqlalchemy import delete, select

from integraal.casus import signalen
from integraal.casus.signalen import SignaalIn
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Nummer, Signaal
from integraal.verwerking import Kanaal
from tests.conftest import Wereld

_DRADEN = 8
_PER_DRAAD = 3


def test_gelijktijdige_signalen_krijgen_elk_een_eigen_nummer(wereld: Wereld) -> None:
    omgeving = wereld.omgeving
    start = threading.Barrier(_DRADEN)
    fouten: list[BaseException] = []
    nummers_uit: list[str] = []

    def meld() -> None:
        try:
            start.wait()
            for i in range(_PER_DRAAD):
                with omgeving.context(wereld.gemeente, Kanaal.API) as ctx:
                    uit = signalen.dien_in(
                        ctx,
                        SignaalIn(
                            verband="riec-rotterdam",
                            omschrijving=f"Gelijktijdig signaal nummer {i} over een pand.",
                        ),
                    )
                nummers_uit.append(uit.id)
        except BaseException as e:  # the test reports every failure, not only the first
            fouten.append(e)

    draden = [threading.Thread(target=meld) for _ in range(_DRADEN)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()

    assert not fouten, fouten
    assert len(nummers_uit) == len(set(nummers_uit)) == _DRADEN * _PER_DRAAD
    with transactie(omgeving.fabriek) as sessie:
        opgeslagen = set(sessie.scalars(select(Signaal.id)))
    assert set(nummers_uit) <= opgeslagen


def _meld(wereld: Wereld, tekst: str) -> str:
    with wereld.omgeving.context(wereld.gemeente, Kanaal.API) as ctx:
        return signalen.dien_in(ctx, SignaalIn(verband="riec-rotterdam", omschrijving=tekst)).id


def test_een_stam_begint_na_het_hoogste_bestaande_nummer(wereld: Wereld) -> None:
    """A database from before the counter: ids already given are never given again, also
    when an earlier one was removed (counting rows would hand out a used number)."""
    eerste = _meld(wereld, "Een eerste signaal over een pand.")
    tweede = _meld(wereld, "Een tweede signaal over een pand.")
    with transactie(wereld.omgeving.fabriek) as sessie:
        sessie.execute(delete(Nummer))
        sessie.execute(delete(Signaal).where(Signaal.id == eerste))
    derde = _meld(wereld, "Een derde signaal over een pand.")
    assert derde == tweede[:-4] + f"{int(tweede[-4:]) + 1:04d}"
