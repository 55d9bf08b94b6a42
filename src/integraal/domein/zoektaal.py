# SPDX-License-Identifier: EUPL-1.2
"""Dutch search words: a query becomes the stems every passage must hold, each as a prefix.

Every word asked must be in a passage (AND). A word is stemmed with Snowball's original Dutch
algorithm, the one PostgreSQL's `dutch` configuration uses, so both databases find the same
passages: 'witwassen' and 'witwaspraktijken' share the stem 'witwas', 'gemeenten' finds
'gemeente'. The stem is used as a prefix, because Dutch writes compounds as one word: 'crypto'
finds 'cryptovaluta'. Function words ('de', 'van') are dropped as PostgreSQL drops them, and
so are single letters. There are no operators: 'AND', 'OR' and quotes are words like any other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import snowballstemmer  # type: ignore[import-untyped]

# Snowball's Dutch stop list, as PostgreSQL ships it (tsearch_data/dutch.stop).
STOPWOORDEN = frozenset(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om
    hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar
    naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al
    waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd
    altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest
    andere""".split()  # noqa: SIM905 (the list as the file has it)
)

# 'witwassen' stems to 'witwass', but the compound 'witwaspraktijken' has one s: a doubled
# final consonant is undoubled so the stem stays a prefix of the compound.
_DUBBEL = re.compile(r"([bcdfghjklmnpqrstvwxz])\1$")


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("dutch_porter")


def _zonder_accenten(woord: str) -> str:
    ontleed = unicodedata.normalize("NFKD", woord)
    return "".join(t for t in ontleed if not unicodedata.combining(t))


def termen(vraag: str) -> list[str]:
    """The prefixes a passage must all hold, in the order asked, without repeats."""
    uit: list[str] = []
    for woord in re.findall(r"\w+", vraag.lower()):
        if woord in STOPWOORDEN:
            continue
        stam = _DUBBEL.sub(r"\1", _zonder_accenten(str(_stemmer().stemWord(woord))))
        # One letter as a prefix matches nearly every passage: it narrows nothing.
        if len(stam) > 1 and stam not in uit:
            uit.append(stam)
    return uit
