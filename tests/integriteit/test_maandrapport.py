# SPDX-License-Identifier: EUPL-1.2
"""The monthly integrity figures in the monitor: counts per month and rule, misuse counted,
small cells hidden, and never a name (issue 20)."""

from __future__ import annotations

import datetime as dt

from integraal.monitor import indicatoren
from integraal.monitor.integriteit import meldingen
from integraal.opslag import integriteit as opslag
from integraal.opslag.db import transactie
from tests.conftest import Wereld


def _melding(n: int, gebruiker: int, tijd: dt.datetime, status: str) -> dict[str, object]:
    return {
        "sleutel": f"BULK:{gebruiker}:r{n}",
        "regel": "BULK",
        "gebruiker_id": gebruiker,
        "organisatie_id": "riec-rotterdam",
        "tijd": tijd,
        "uitleg": "Binnen 10 minuten las deze gebruiker ...",
        "bewijs": [],
        "status": status,
    }


def test_per_maand_zonder_namen_en_kleine_aantallen_verborgen(wereld: Wereld) -> None:
    okt = dt.datetime(2026, 10, 5, 10, tzinfo=dt.UTC)
    nov = dt.datetime(2026, 11, 5, 10, tzinfo=dt.UTC)
    rijen = [
        *(_melding(i, wereld.analist.gebruiker_id, okt, "misbruik") for i in range(6)),
        *(_melding(10 + i, wereld.analist.gebruiker_id, nov, "verklaard") for i in range(2)),
    ]
    with transactie(wereld.omgeving.fabriek) as s:
        assert opslag.bewaar_meldingen(s, rijen) == 8
        # The same finding twice is one alert.
        assert opslag.bewaar_meldingen(s, rijen[:1]) == 0
    with transactie(wereld.omgeving.fabriek) as s:
        punten = meldingen(s, dt.datetime(2026, 11, 30, tzinfo=dt.UTC))
    assert ("2026-10", "Veel personen in korte tijd gelezen: gemeld", 6, None) in punten
    assert (
        "2026-10",
        "Veel personen in korte tijd gelezen: misbruik vastgesteld",
        6,
        None,
    ) in punten
    nov_gemeld = next(p for p in punten if p[0] == "2026-11" and p[1].endswith("gemeld"))
    assert nov_gemeld[2] is None and nov_gemeld[3] == "klein aantal"
    assert "Analist" not in str(punten)
    assert "integriteitsmeldingen" in indicatoren.LIVE
