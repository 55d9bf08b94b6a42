# SPDX-License-Identifier: EUPL-1.2
"""Lenient Dutch normalisers for matching: unlike `domein.identificatie`, nothing is refused —
a typo'd value must still be comparable with its correct twin."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Letters NFKD does not split into base + mark.
_VERVANG: Final = str.maketrans(
    {"ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae", "œ": "oe", "ĳ": "ij"}
)
_NIET_ALFANUM: Final = re.compile(r"[^0-9a-z]+")

# Tussenvoegsels as the BRP lists them (the common ones), lower case, one word each; "vd",
# "v", "v.d." are the abbreviations partners write.
TUSSENVOEGSELS: Final = frozenset(
    {
        "van", "de", "der", "den", "het", "ter", "ten", "te", "t", "op", "in", "uit", "aan",
        "bij", "onder", "over", "voor", "la", "le", "les", "du", "des", "da", "di", "dos", "el",
        "d", "l", "vd", "v", "vander", "vanden", "vande", "zu", "von", "am", "af", "auf",
    }
)  # fmt: skip
_AFKORTING: Final = {"vd": "van der", "v": "van", "vander": "van der", "vanden": "van den"}


def vouw(tekst: str | None) -> str:
    """Lower case, no diacritics or punctuation, single spaces: 'Çelik-Öztürk' → 'celik ozturk'."""
    if not tekst:
        return ""
    t = unicodedata.normalize("NFKD", tekst.translate(_VERVANG))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return _NIET_ALFANUM.sub(" ", t).strip()


def achternaam(tekst: str | None) -> tuple[str, str]:
    """(tussenvoegsel, kern): 'van der Berg', 'Berg, van der', 'v.d. Berg' and 'Vd Berg' all give
    ('van der', 'berg'). A surname made only of particles keeps them as its core."""
    if not tekst:
        return "", ""
    ruw = tekst
    if "," in ruw:  # "Berg, van der" — the register's sort form
        kern, _, voor = ruw.partition(",")
        ruw = f"{voor} {kern}"
    # "v.d." and "v/d" abbreviate "van der/den/de"; read them as one particle before the dots go.
    ruw = re.sub(r"(?i)\bv\s*[./]\s*d\b\.?", "vd", ruw)
    woorden = vouw(ruw.replace(".", " ")).split()
    voorvoegsel: list[str] = []
    i = 0
    while i < len(woorden) - 1 and woorden[i] in TUSSENVOEGSELS:
        voorvoegsel.append(_AFKORTING.get(woorden[i], woorden[i]))
        i += 1
    kern_woorden = woorden[i:]
    return " ".join(voorvoegsel), " ".join(kern_woorden)


def voornamen(tekst: str | None) -> tuple[str, str]:
    """(first given name, initials): 'Jan Pieter' → ('jan', 'jp'); 'J.P.' → ('', 'jp');
    'J. Pieter' → ('', 'jp') — a record that starts with an initial has no usable first name."""
    if not tekst:
        return "", ""
    delen = [vouw(d) for d in re.split(r"[\s.\-]+", tekst.strip())]
    delen = [d for d in delen if d]
    if not delen:
        return "", ""
    initialen = "".join(d[0] for d in delen)
    return (delen[0] if len(delen[0]) > 1 else ""), initialen


def datum(tekst: str | None) -> str:
    """YYYYMMDD from '1980-03-15', '15-03-1980', '15/3/1980', '19800315'; '' when unreadable."""
    if not tekst:
        return ""
    t = tekst.strip()[:10]
    cijfers: list[str] = re.findall(r"\d+", t)
    if len(cijfers) == 1 and len(cijfers[0]) == 8:
        return cijfers[0]
    if len(cijfers) != 3:
        return ""
    a, b, c = cijfers
    if len(a) == 4:
        jaar, maand, dag = a, b, c
    elif len(c) == 4:
        jaar, maand, dag = c, b, a
    else:
        return ""
    return f"{jaar}{int(maand):02d}{int(dag):02d}" if maand.isdigit() and dag.isdigit() else ""


def code(tekst: str | None) -> str:
    """Identifiers (KvK, RSIN, IBAN, kenteken, BAG, postcode, pseudonym): upper case letters and
    digits only, so 'nl91 abna 0417 1643 00' and 'NL91ABNA0417164300' agree."""
    if not tekst:
        return ""
    if tekst.isascii() and tekst.isalnum():  # the common case, without a regex
        return tekst.upper()
    return re.sub(r"[^0-9A-Z]", "", tekst.upper())


def telefoon(tekst: str | None) -> str:
    """National form: '+31 6 1234 5678', '0031612345678' and '06-12345678' give '0612345678'."""
    if not tekst:
        return ""
    cijfers = tekst if tekst.isascii() and tekst.isdigit() else re.sub(r"\D", "", tekst)
    if cijfers.startswith("0031"):
        cijfers = "0" + cijfers[4:]
    elif cijfers.startswith("31") and len(cijfers) == 11:
        cijfers = "0" + cijfers[2:]
    return cijfers


def email(tekst: str | None) -> str:
    return tekst.strip().lower() if tekst and "@" in tekst else ""


def huisnummer(tekst: str | None) -> str:
    """'12 a', '12-A', '12A' → '12A'; the toevoeging counts."""
    return code(tekst)


_INITIAAL: Final = re.compile(r"^[A-Za-z]\.$")


def splits_naam(naam: str | None) -> tuple[str, str]:
    """(given names, surname) from a full name when a source gives only that: the surname
    starts at the first tussenvoegsel after the first word ('J. v.d. Berg', 'Mohammed
    el-Amrani'), else it is the last word. Initials are never a surname."""
    if not naam:
        return "", ""
    if "," in naam:
        links, _, rechts = (d.strip() for d in naam.partition(","))
        if rechts and all(w in TUSSENVOEGSELS for w in vouw(rechts.replace(".", " ")).split()):
            # "E. Berg, van der": the register's sort form after the given names.
            voor, kern = splits_naam(links)
            return voor, f"{kern}, {rechts}"
        return rechts, links  # "Berg, Eva"
    woorden = naam.split()
    if len(woorden) < 2:
        return "", naam.strip()
    for i in range(1, len(woorden) - 1):
        w = woorden[i]
        sleutel = vouw(re.sub(r"(?i)^v\s*[./]\s*d\.?$", "vd", w)).split(" ")[0]
        if not _INITIAAL.match(w) and sleutel in TUSSENVOEGSELS:
            return " ".join(woorden[:i]), " ".join(woorden[i:])
    return " ".join(woorden[:-1]), woorden[-1]
