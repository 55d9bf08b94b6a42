# SPDX-License-Identifier: EUPL-1.2
"""A synthetic Dutch person set with known truth, for the matching benchmark.

Seeded and deterministic. Persons are drawn from Faker's nl_NL pools (surnames with a Zipf-like
frequency so 'de Jong' is common and rare names are rare; tussenvoegsels on about a third),
addresses from its street and city pools, phone numbers in the 06 range, e-mail at example.nl,
and a pseudonymised BSN (a random hex token — never a real number) on half the records.
Each person has 0–5 duplicates with the errors partner registrations show: typing errors,
tussenvoegsel written differently ('Berg, van der', 'v.d. Berg', dropped), diacritics added or
lost, initials instead of a first name, first and last name swapped, day and month swapped,
a digit off in a date or house number, missing values, and a move to another address.
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

from faker.providers.address.nl_NL import Provider as Adres
from faker.providers.person.nl_NL import Provider as Persoon

VELDEN = (
    "id",
    "entiteit",
    "voornaam",
    "achternaam",
    "geboortedatum",
    "straat",
    "huisnummer",
    "postcode",
    "plaats",
    "telefoon",
    "email",
    "bsn_pseudoniem",
)
TUSSENVOEGSELS = (
    "van",
    "de",
    "van der",
    "van den",
    "van de",
    "ter",
    "ten",
    "in 't",
    "van 't",
    "de la",
)
_TV_GEWICHT = (30, 25, 15, 10, 8, 4, 3, 2, 2, 1)
_DIACRIET = {"e": "é", "o": "ö", "u": "ü", "i": "ï", "a": "á", "c": "ç"}
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _typfout(s: str, rng: random.Random) -> str:
    if len(s) < 2:
        return s
    i = rng.randrange(len(s))
    soort = rng.randrange(4)
    if soort == 0:  # substitute
        return s[:i] + rng.choice(_LETTERS) + s[i + 1 :]
    if soort == 1:  # delete
        return s[:i] + s[i + 1 :]
    if soort == 2:  # insert
        return s[:i] + rng.choice(_LETTERS) + s[i:]
    j = min(i + 1, len(s) - 1)  # transpose
    return s[:i] + s[j] + s[i] + s[j + 1 :] if i != j else s


def _cijferfout(s: str, rng: random.Random) -> str:
    plekken = [i for i, c in enumerate(s) if c.isdigit()]
    if not plekken:
        return s
    i = rng.choice(plekken)
    return s[:i] + str((int(s[i]) + rng.randrange(1, 10)) % 10) + s[i + 1 :]


class Wereld:
    def __init__(self, zaad: int) -> None:
        self.rng = random.Random(zaad)
        self.achternamen = sorted(set(Persoon.last_names))
        # Zipf-like: the k-th surname about 1/k^0.9 as common.
        self.naamgewicht = [1 / (k + 1) ** 0.9 for k in range(len(self.achternamen))]
        self.rng.shuffle(self.achternamen)
        self.voornamen = sorted(set(Persoon.first_names_male) | set(Persoon.first_names_female))
        self.plaatsen = sorted(set(Adres.cities))
        self.straatnamen = sorted(set(Persoon.last_names))
        self.achtervoegsels = list(Adres.street_suffixes)
        # Each place gets a postcode range, as in the real country (4 digits per area).
        self.pc4 = {p: 1000 + (i * 7) % 9000 for i, p in enumerate(self.plaatsen)}

    def adres(self) -> dict[str, str]:
        r = self.rng
        plaats = r.choice(self.plaatsen)
        letters = (r.choice(_LETTERS[:20]) + r.choice(_LETTERS[:20])).upper()
        pc = f"{self.pc4[plaats] + r.randrange(5):04d}{letters}"
        return {
            "straat": f"{r.choice(self.straatnamen)}{r.choice(self.achtervoegsels)}",
            "huisnummer": str(r.randrange(1, 250)) + (r.choice(("", "", "", "", "A", "B", "-2"))),
            "postcode": pc,
            "plaats": plaats,
        }

    def persoon(self, nr: int) -> dict[str, str]:
        r = self.rng
        kern = r.choices(self.achternamen, weights=self.naamgewicht)[0]
        tv = r.choices(TUSSENVOEGSELS, weights=_TV_GEWICHT)[0] if r.random() < 0.33 else ""
        if kern.split(" ")[0].lower() in {"van", "de", "den", "der", "ter", "ten", "'s"}:
            tv = ""  # the pool has some surnames with their own tussenvoegsel
        voornaam = r.choice(self.voornamen)
        if r.random() < 0.15:
            voornaam += " " + r.choice(self.voornamen)
        jaar, maand, dag = r.randrange(1940, 2006), r.randrange(1, 13), r.randrange(1, 29)
        achternaam = f"{tv} {kern}".strip()
        return {
            "entiteit": str(nr),
            "voornaam": voornaam,
            "achternaam": achternaam,
            "geboortedatum": f"{jaar:04d}-{maand:02d}-{dag:02d}",
            **self.adres(),
            "telefoon": "06" + "".join(r.choice("0123456789") for _ in range(8)),
            "email": (
                f"{voornaam.split()[0].lower()}.{kern.lower().replace(' ', '')}"
                f"{r.randrange(100)}@example.nl"
            ),
            "bsn_pseudoniem": hashlib.sha256(f"bsn-{nr}".encode()).hexdigest()[:32],
        }

    def verstoor(self, p: dict[str, str]) -> dict[str, str]:
        r = self.rng
        d = dict(p)
        for _ in range(r.choice((1, 1, 2, 2, 3))):
            fout = r.randrange(13)
            if fout == 0:
                d["voornaam"] = _typfout(d["voornaam"], r)
            elif fout == 1:
                d["achternaam"] = _typfout(d["achternaam"], r)
            elif fout == 2:  # tussenvoegsel written another way
                delen = d["achternaam"].split(" ")
                if len(delen) > 1:
                    tv, kern = " ".join(delen[:-1]), delen[-1]
                    d["achternaam"] = r.choice(
                        (
                            f"{kern}, {tv}",
                            tv.replace("van der", "v.d.").replace("van den", "v.d.") + " " + kern,
                            kern,
                            f"{tv.title()} {kern}",
                        )
                    )
            elif fout == 3:  # diacritics
                s = d["achternaam"]
                plekken = [i for i, c in enumerate(s) if c in _DIACRIET]
                if plekken:
                    i = r.choice(plekken)
                    d["achternaam"] = s[:i] + _DIACRIET[s[i]] + s[i + 1 :]
            elif fout == 4:  # initials only
                d["voornaam"] = "".join(f"{n[0]}." for n in d["voornaam"].split())
            elif fout == 5:
                d["voornaam"], d["achternaam"] = d["achternaam"], d["voornaam"]
            elif fout == 6:  # day and month swapped
                j, m, dd = d["geboortedatum"].split("-") if d["geboortedatum"] else ("", "", "")
                if dd and int(dd) <= 12:
                    d["geboortedatum"] = f"{j}-{dd}-{m}"
            elif fout == 7:
                d["geboortedatum"] = _cijferfout(d["geboortedatum"], r)
            elif fout == 8:
                d[
                    r.choice(
                        ("geboortedatum", "telefoon", "email", "straat", "huisnummer", "postcode")
                    )
                ] = ""
            elif fout == 9:  # moved
                d |= self.adres()
                if r.random() < 0.5:
                    d["telefoon"] = ""
            elif fout == 10:
                d["huisnummer"] = _cijferfout(d["huisnummer"], r)
            elif fout == 11:
                d["postcode"] = _typfout(d["postcode"], r).upper()
            else:
                d["straat"] = _typfout(d["straat"], r)
        if r.random() < 0.5:
            d["bsn_pseudoniem"] = ""
        if r.random() < 0.3:
            d["email"] = ""
        return d


def records(aantal: int, zaad: int = 42) -> Iterator[dict[str, str]]:
    """About `aantal` records; field `entiteit` is the truth."""
    w = Wereld(zaad)
    n = 0
    nr = 0
    while n < aantal:
        p = w.persoon(nr)
        kopie = dict(p)
        if w.rng.random() < 0.5:
            kopie["bsn_pseudoniem"] = ""
        yield {"id": str(n), **kopie}
        n += 1
        for _ in range(
            min(w.rng.choices((0, 1, 2, 3, 4, 5), weights=(45, 25, 15, 8, 5, 2))[0], aantal - n)
        ):
            yield {"id": str(n), **w.verstoor(p)}
            n += 1
        nr += 1


def schrijf(pad: Path, aantal: int, zaad: int = 42) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    with pad.open("w", newline="", encoding="utf-8") as f:
        schrijver = csv.DictWriter(f, fieldnames=VELDEN)
        schrijver.writeheader()
        for r in records(aantal, zaad):
            schrijver.writerow(r)
    return pad
