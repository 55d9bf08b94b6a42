# SPDX-License-Identifier: EUPL-1.2
"""Rate limits on the doors that guessing or flooding would use (decision record 0021).

Signing in (web and API token) counts failed attempts twice: per account *and* client address
(5 in 15 minutes), and per client address over all accounts (30 in 15 minutes). There is
deliberately no limit per account alone: then anyone could lock a person out by failing in
their name from elsewhere. Now a lockout reaches only the address that failed, and ends when its
window does (at most 15 minutes). The public forms count every submission per address.
The counters live in the database, so every app process shares them; their keys are hashes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass

from integraal.domein.fouten import Weigering
from integraal.opslag import drempels as opslag
from integraal.opslag.db import Sessie


@dataclass(frozen=True)
class Drempel:
    naam: str
    maximum: int
    venster: dt.timedelta
    wat: str  # what was done too often, in a Dutch sentence


INLOGGEN_ACCOUNT = Drempel(
    "inloggen-account", 5, dt.timedelta(minutes=15), "een verkeerd wachtwoord ingevuld"
)
INLOGGEN_ADRES = Drempel(
    "inloggen-adres", 30, dt.timedelta(minutes=15), "vanaf dit adres verkeerd ingelogd"
)
MELDEN = Drempel("melden", 10, dt.timedelta(hours=1), "vanaf dit adres een melding gedaan")
MIJN_BESLAG = Drempel("mijn-beslag", 20, dt.timedelta(minutes=15), "een code opgezocht")
UITNODIGING = Drempel(
    "uitnodiging", 20, dt.timedelta(minutes=15), "een uitnodigingslink geprobeerd"
)


class TeVaak(Weigering):
    """Refused until a window ends: the answer is 429 with Retry-After."""

    def __init__(self, melding: str, seconden: int) -> None:
        super().__init__(melding)
        self.seconden = seconden


def _sleutel(drempel: Drempel, *delen: str) -> str:
    return hashlib.sha256("\x1f".join((drempel.naam, *delen)).encode()).hexdigest()


def _wachttijd(seconden: int) -> str:
    minuten = math.ceil(seconden / 60)
    return "1 minuut" if minuten <= 1 else f"{minuten} minuten"


def toets(sessie: Sessie, drempel: Drempel, *delen: str, nu: dt.datetime) -> None:
    """Refuses when the limit is reached in the current window; counts nothing."""
    aantal, begin = opslag.stand(sessie, _sleutel(drempel, *delen), nu - drempel.venster)
    if begin is not None and aantal >= drempel.maximum:
        seconden = max(1, math.ceil((begin + drempel.venster - nu).total_seconds()))
        raise TeVaak(
            f"U heeft te vaak {drempel.wat}. Probeer het over {_wachttijd(seconden)} opnieuw.",
            seconden,
        )


def tel(sessie: Sessie, drempel: Drempel, *delen: str, nu: dt.datetime) -> None:
    opslag.tel(sessie, _sleutel(drempel, *delen), nu, nu - drempel.venster)
    # Old windows go with the counting; the longest window is an hour.
    opslag.ruim_op(sessie, nu - dt.timedelta(days=1))


def inloggen_toegestaan(sessie: Sessie, gebruikersnaam: str, adres: str, nu: dt.datetime) -> None:
    toets(sessie, INLOGGEN_ADRES, adres, nu=nu)
    toets(sessie, INLOGGEN_ACCOUNT, gebruikersnaam.casefold(), adres, nu=nu)


def inloggen_mislukt(sessie: Sessie, gebruikersnaam: str, adres: str, nu: dt.datetime) -> None:
    tel(sessie, INLOGGEN_ADRES, adres, nu=nu)
    tel(sessie, INLOGGEN_ACCOUNT, gebruikersnaam.casefold(), adres, nu=nu)


def publiek(sessie: Sessie, drempel: Drempel, adres: str, nu: dt.datetime) -> None:
    """A public form: refused at the limit, else counted."""
    toets(sessie, drempel, adres, nu=nu)
    tel(sessie, drempel, adres, nu=nu)
