# SPDX-License-Identifier: EUPL-1.2
"""Lenient Dutch normalisers for matching: unlike `domein.identificatie`, nothing is refused —
a typo'd value must still be comparable with its correct twin."""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Final

from rapidfuzz.distance import JaroWinkler

# Letters NFKD does not split into base + mark.
# The Turkish dotless ı would otherwise vanish ('Yılmaz' → 'y lmaz').
_VERVANG: Final = str.maketrans(
    {
        "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae", "œ": "oe",
        "ĳ": "ij", "Ĳ": "ij", "ı": "i", "đ": "d", "Đ": "d", "ð": "d", "þ": "th",
    }
)  # fmt: skip
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
# "v.d." stands for van der, van den or van de: it stays "v d", which `tussenvoegsels_passen`
# accepts against each of them (reading it as "van der" made "v.d. Berg" differ from "van den
# Berg").
_AFKORTING: Final = {"vd": "v d", "vander": "van der", "vanden": "van den", "vande": "van de"}


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
    if not voorvoegsel:
        # "Vries de", "Berg van der": the sort form without its comma.
        eind = len(kern_woorden)
        while eind > 1 and kern_woorden[eind - 1] in TUSSENVOEGSELS:
            eind -= 1
        voorvoegsel = [_AFKORTING.get(w, w) for w in kern_woorden[eind:]]
        kern_woorden = kern_woorden[:eind]
    return " ".join(voorvoegsel), " ".join(kern_woorden)


_GEEN_VOORNAAM: Final = frozenset(
    {"van", "de", "der", "den", "het", "ter", "ten", "vd", "v", "in", "op", "t", "el", "al"}
)


def tussenvoegsels_passen(x: str, y: str) -> bool:
    """Whether two tussenvoegsels can be one: equal, or an abbreviation of the other ('v d'
    fits 'van der', 'van den' and 'van de'; 'v' fits any that starts with 'van')."""
    if x == y:
        return True
    for kort, lang in ((x, y), (y, x)):
        if kort == "v d" and lang in {"van der", "van den", "van de", "v d"}:
            return True
        if kort == "v" and lang.startswith("van"):
            return True
    return False


# A married name joins the partner's name and the own one: "Jansen-de Vries", "de Vries e/v
# Jansen", "Jansen echtg. de Vries"; a double-barrel name is written with a hyphen too.
_NAAMSCHEIDING: Final = re.compile(
    r"(?i)\s*(?:-|–|\be\s*/\s*v\b\.?|\bechtg\.?(?:enote)?(?:\s+van)?\b|\bgeh\.?(?:uwd)?\s+met\b"
    r"|\bwed\.?(?:uwe)?(?:\s+van)?\b|\bv/h\b|\bgeb\.?(?:oren)?\b)\s*"
)


def naamdelen(tekst: str | None) -> list[str]:
    """The cores of the names a surname joins: 'Jansen-de Vries' → ['jansen', 'vries']; 'de Vries
    e/v Jansen' → ['vries', 'jansen']; 'van den Broek' → ['broek']. A person who uses a partner's
    name in one source and the own name in another shares one of these parts."""
    if not tekst:
        return []
    uit = []
    for deel in _NAAMSCHEIDING.split(tekst):
        _, kern = achternaam(deel)
        if kern and kern not in uit:
            uit.append(kern)
    return uit


_KLANK: Final = (
    ("ij", "y"), ("ei", "y"), ("ph", "f"), ("th", "t"), ("sh", "ch"), ("kh", "ch"), ("sj", "ch"),
    ("dj", "j"), ("tj", "ch"), ("oe", "u"), ("ou", "u"), ("ck", "k"), ("q", "k"), ("x", "ks"),
    ("w", "v"), ("z", "s"), ("c", "k"), ("dt", "t"), ("gh", "g"),
)  # fmt: skip
_KLINKER: Final = re.compile(r"[aeiouy]+")
_DUBBEL: Final = re.compile(r"(.)\1+")


def klank(tekst: str | None) -> str:
    """A sound key for names written in several alphabets or spellings: folded, common
    transliteration pairs merged (oe/ou, ch/sh/kh, y/j/ij, c/k, ph/f), doubled letters single,
    vowels and h dropped after the first letter. 'Mohammed', 'Muhammad' and 'Mohamad' give 'mmd';
    'Youssef', 'Yusuf' and 'Joesoef' give 'jsf'; 'Yılmaz' and 'Jilmaz' give 'jlms'. Used only as
    one comparison level, weighed by how often strangers share it; '' for keys of fewer than
    three letters, which say too little."""
    t = vouw(tekst).replace(" ", "")
    if not t:
        return ""
    if t[0] == "y":
        t = "j" + t[1:]
    for oud, nieuw in _KLANK:
        t = t.replace(oud, nieuw)
    t = _DUBBEL.sub(r"\1", t)
    sleutel = t[0] + _KLINKER.sub("", t[1:]).replace("h", "")
    return sleutel if len(sleutel) >= 3 else ""


_SPELLING: Final = (("ph", "f"), ("th", "t"), ("ij", "i"), ("y", "i"), ("c", "k"), ("z", "s"))


def spelling(naam: str) -> str:
    """One spelling for the variants of a given name: 'Josephina' and 'Jozefina' give
    'josefina', 'Fredericus' gives 'frederik' (a Latin -us ending dropped), 'Coby' 'kobi'."""
    t = naam
    for oud, nieuw in _SPELLING:
        t = t.replace(oud, nieuw)
    t = _DUBBEL.sub(r"\1", t)
    return t[:-2] if t.endswith("us") and len(t) > 5 else t


@cache
def _roepnamen() -> dict[str, frozenset[str]]:
    """Name (in `spelling`) → the baptismal names it is a call name of, and itself, from the
    shipped table."""
    tekst = resources.files("integraal.kruis").joinpath("data", "roepnamen.csv").read_text("utf-8")
    regels = [r for r in tekst.splitlines() if r and not r.startswith("#")]
    groepen: dict[str, set[str]] = {}
    for rij in csv.DictReader(regels):
        doop = spelling(vouw(rij["doopnaam"]))
        for naam in (doop, *(spelling(vouw(r)) for r in rij["roepnamen"].split("|"))):
            if naam and " " not in naam:
                groepen.setdefault(naam, {naam}).add(doop)
    return {k: frozenset(v) for k, v in groepen.items()}


@cache  # few distinct names, asked for millions of times
def naamgroep(naam: str) -> frozenset[str]:
    """A folded given name with the baptismal names it may stand for: 'kees' → {kees, kornelis}
    (in `spelling`)."""
    eigen = spelling(naam)
    return _roepnamen().get(eigen, frozenset((eigen,)))


@lru_cache(maxsize=1 << 20)  # the same pairs of names recur in every block and sample
def voornamen_passen(x: str, y: str) -> bool:
    """Whether the first given name of one record is, by itself or as a call name, one of the
    given names of the other: 'kees' and 'johannes cornelis' (goes by the second name), 'jan'
    and 'johannes', 'mien' and 'wilhelmina' — or one typing error from one of them ('adriqnus'
    and 'cornelis adrianus'). `x` and `y` are folded given names, space apart."""
    xs, ys = x.split(), y.split()
    if not xs or not ys:
        return False
    alle_x = frozenset().union(*(naamgroep(n) for n in xs))
    alle_y = frozenset().union(*(naamgroep(n) for n in ys))
    if naamgroep(xs[0]) & alle_y or naamgroep(ys[0]) & alle_x:
        return True
    # The other given names may carry a typing error too (the first is compared on its own).
    if any(
        JaroWinkler.normalized_similarity(eerste, n) >= 0.92
        for eerste, namen in ((xs[0], ys[1:]), (ys[0], xs[1:]))
        for n in namen
    ):
        return True
    # A call name made of a piece of the baptismal name, beyond the table: Helma (Wilhelmina),
    # Lotte (Charlotte), Nard (Bernardus) — its first four letters, diminutive ending dropped,
    # inside a longer given name of the other.
    for roep, namen in ((xs[0], ys), (ys[0], xs)):
        stuk = _VERKLEINING.sub("", roep)[:4]
        if len(stuk) == 4 and any(stuk in n and len(n) > len(roep) for n in namen):
            return True
    return False


_VERKLEINING: Final = re.compile(r"(?:tje|pje|je|ke|ie|y)$")
_MANNELIJK: Final = ("", "us", "ius", "es", "is", "o")
_VROUWELIJK: Final = ("a", "ia", "e", "ina", "ine", "ien", "je")


@lru_cache(maxsize=1 << 16)
def andere_vorm(x: str, y: str) -> bool:
    """Whether two folded first names are the male and female form of one name: Johannes and
    Johanna, Hendrik and Hendrika, Cornelis and Cornelia, Wilhelmus and Wilhelmina, Michel and
    Michelle — alike in spelling, but two people (a mother and her son)."""
    for man, vrouw in ((x, y), (y, x)):
        for eind in _VROUWELIJK:
            stam = vrouw[: -len(eind)]
            # The stem ends in a consonant: 'Ilsee' is a typing error in Ilse, not her brother.
            if not vrouw.endswith(eind) or len(stam) < 3 or stam[-1] in "aeiouy":
                continue
            for m in _MANNELIJK:
                if _DUBBEL.sub(r"\1", man) == _DUBBEL.sub(r"\1", stam + m) and man != vrouw:
                    return True
    return False


def initialen_ingebed(x: str, y: str) -> bool:
    """Whether two sets of initials can be one person's: one a prefix of the other ('j' and
    'jp'), or the shorter found in order in the longer ('p' and 'wp': a person who goes by the
    second given name gives that initial)."""
    kort, lang = (x, y) if len(x) <= len(y) else (y, x)
    if lang.startswith(kort):
        return True
    rest = iter(lang)
    return all(c in rest for c in kort)


def initialen_passen(naam: str, initialen: str) -> bool:
    """Whether a short 'name' is really initials printed without dots and with a vowel ('BJA',
    'PEJ'), fitting the other record's initials."""
    return 2 <= len(naam) <= 4 and initialen.startswith(naam)


_ZONDER_PUNTEN: Final = re.compile(r"[A-Z]{2}|[B-DF-HJ-NP-TV-Z]{3,4}")


def voornaamdelen(tekst: str | None) -> list[str]:
    """The given names, folded, an initial as one letter: 'Jan Pieter' → ['jan', 'pieter'],
    'J.P.' and 'JP' (initials written without dots, as registers print them) → ['j', 'p']."""
    if not tekst:
        return []
    delen: list[str] = []
    for d in re.split(r"[\s.\-]+", tekst.strip()):
        if _ZONDER_PUNTEN.fullmatch(d):
            delen.extend(c.lower() for c in d)
        elif v := vouw(d):
            delen.extend(v.split())
    return delen


def voornamen(tekst: str | None) -> tuple[str, str]:
    """(first given name, initials): 'Jan Pieter' → ('jan', 'jp'); 'J.P.' and 'JP' → ('', 'jp');
    'J. Pieter' → ('', 'jp') — a record that starts with an initial has no usable first name."""
    delen = voornaamdelen(tekst)
    if not delen or (len(delen) > 1 and delen[0] in _GEEN_VOORNAAM):
        # 'van den Berg' in the first-name field is a surname written in the wrong place.
        return "", ""
    initialen = "".join(d[0] for d in delen)
    return (delen[0] if len(delen[0]) > 1 else ""), initialen


_MAANDEN: Final = {
    "jan": 1, "feb": 2, "maa": 3, "mrt": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MAANDNAAM: Final = re.compile(
    r"\s*\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
    r"|december|jan|feb|mrt|apr|jun|jul|aug|sept?|okt|oct|nov|dec)\b\.?\s*"
)
_DIT_JAAR: Final = 2026  # a fixed pivot keeps normalising reproducible across years


def datum(tekst: str | None) -> str:
    """YYYYMMDD from '1980-03-15', '15-03-1980', '15/3/1980', '19800315'; '' when unreadable.
    An unknown day or month is 00, as the BRP writes it: '1961-00-00', '00-00-1961' and '1961'
    give '19610000', '1958-07-00' gives '19580700'."""
    if not tekst:
        return ""
    t = tekst.strip()
    if (m := _MAANDNAAM.search(t.lower())) is not None:  # '18 november 1966', '18 nov. 1966'
        t = t.lower().replace(m[0], f"-{_MAANDEN[m[1][:3]]:02d}-")
    t = t[:10]
    cijfers: list[str] = re.findall(r"\d+", t)
    if len(cijfers) == 3 and len(cijfers[2]) == 2 and len(cijfers[0]) <= 2:
        # '15-11-66': a two-digit year is of this century if it has passed, else the last.
        eeuw = 20 if int(cijfers[2]) <= _DIT_JAAR % 100 else 19
        cijfers[2] = f"{eeuw}{cijfers[2]}"
    if len(cijfers) == 1 and len(cijfers[0]) in (4, 8):
        return cijfers[0] if len(cijfers[0]) == 8 else f"{cijfers[0]}0000"
    if len(cijfers) == 2 and 4 in (len(cijfers[0]), len(cijfers[1])):  # '07-1958', '1958-07'
        jaar, maand = (cijfers[0], cijfers[1]) if len(cijfers[0]) == 4 else cijfers[::-1]
        return f"{jaar}{int(maand):02d}00" if int(maand) <= 12 else ""
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


_ROMEINS: Final = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7"}
_HUISNUMMER: Final = re.compile(
    r"^\D*?(?P<nr>\d+)\s*[-/]?\s*(?P<letter>[a-z](?![a-z]))?\s*[-/]?\s*(?P<toev>.*)$"
)
_HUIS: Final = frozenset({"h", "hs", "huis", "huize"})  # the ground-floor dwelling
# Floor words that say only what the number already says: '2hg', '2 hoog', '2e etage' = 2.
_VERDIEPING: Final = re.compile(r"^(\d+)\s*(?:hg|hoog|e|de|ste|e etage|etage|verd|verdieping)$")


def huisnummer(tekst: str | None) -> str:
    """Number, letter and addition in one form: '12a', '12 A' and '12-A' give '12A'; '4-II',
    '4-2', '4 2hg' and '4 2e etage' give '4-2'; '7 bis' gives '7-BIS'. The addition counts
    (12A and 12B are neighbours), its spelling does not."""
    t = vouw(tekst)
    if not t:
        return ""
    m = _HUISNUMMER.match(t)
    if m is None:
        return code(tekst)
    toev = m["toev"].strip()
    letter = m["letter"] or ""
    if letter in ("i", "h") and not toev and re.search(r"\d[\s\-/]+[ih]$", t):
        # '70-I', '73-H' (the Amsterdam way): the first floor and the ground floor, not the
        # house letters I and H.
        letter, toev = "", letter
    if toev in _HUIS:
        toev = "hs"
    elif toev in _ROMEINS:
        toev = _ROMEINS[toev]
    elif v := _VERDIEPING.match(toev):
        toev = v[1]
    toev = toev.replace(" ", "").upper()
    uit = m["nr"].lstrip("0") + letter.upper()
    return f"{uit}-{toev}" if toev else uit


def huisnummer_getal(tekst: str | None) -> str:
    """The number alone ('12A' → '12'): a source that leaves out letter or addition."""
    m = re.match(r"\d+", tekst or "")
    return m[0] if m else ""


_INITIAAL: Final = re.compile(r"^[A-Z]\.$")
_AANHEF: Final = re.compile(
    r"(?i)^\s*(?:(?:dhr|mevr|mw|mr|mrs|dr|drs|ir|ing|prof|de heer|mevrouw|heer)\.?\s+)+"
)
_TUSSEN_HAAKJES: Final = re.compile(r"\s*\([^)]*\)")
# 'J.Brouwer', 'P.M.L.Lammers', 'I.de Jong', 'J.v/d Broek': a space belongs after the initials.
_PLAK: Final = re.compile(r"(?<=[A-Z])\.(?=(?:[A-Za-z][a-z]|v[./]d))")


def schoon_naam(naam: str) -> str:
    """A full name without what is not a name: a salutation ('Dhr.', 'Mevr.', 'Dr.'), a call
    name in brackets ('P. Groenewoud (Piet)'), and with a space after initials glued to the
    surname."""
    return _PLAK.sub(". ", _TUSSEN_HAAKJES.sub("", _AANHEF.sub("", naam))).strip()


def _deeltje(woord: str) -> str:
    """A word of a full name as the particle it would be ('v.d.' → 'vd'), else ''. A single
    letter counts only lower case or with an apostrophe ("'t", "d'"), never a capital
    initial ('T.J.', 'T')."""
    sleutel = vouw(re.sub(r"(?i)^v\s*[./]\s*d\.?$", "vd", woord)).split(" ")[0]
    if sleutel not in TUSSENVOEGSELS:
        return ""
    return sleutel if len(sleutel) > 1 or woord[:1].islower() or woord[:1] in "'’" else ""


def _is_tussenvoegsel(woord: str) -> bool:
    return bool(_deeltje(woord))


def splits_naam(naam: str | None) -> tuple[str, str]:
    """(given names, surname) from a full name when a source gives only that: the surname
    starts at the first tussenvoegsel after the first word ('J. v.d. Berg', 'Mohammed
    el-Amrani'), else it is the last word. Initials are never a surname; a salutation and a
    name in brackets are no part of it."""
    if not naam:
        return "", ""
    naam = schoon_naam(naam)
    if "," in naam:
        links, _, rechts = (d.strip() for d in naam.partition(","))
        alleen_tv = all(w in TUSSENVOEGSELS for w in vouw(rechts.replace(".", " ")).split())
        # "Berg, L.": a capital with a dot is an initial, not the particle l' or d'.
        if rechts and alleen_tv and not re.search(r"(?:^|\s)[A-Z]\.", rechts):
            # "E. Berg, van der": the register's sort form after the given names.
            voor, kern = splits_naam(links)
            return voor, f"{kern}, {rechts}"
        # "Berg, Eva" — and "Vries, Jan de": particles after the given names belong to the
        # surname.
        woorden = rechts.split()
        eind = len(woorden)
        while eind > 1 and vouw(woorden[eind - 1].replace(".", " ")) in TUSSENVOEGSELS | {"v d"}:
            eind -= 1
        voor, tv = " ".join(woorden[:eind]), " ".join(woorden[eind:])
        return voor, f"{tv} {links}".strip()
    woorden = naam.split()
    if len(woorden) < 2:
        return "", naam.strip()
    if _deeltje(woorden[0]) in _GEEN_VOORNAAM:
        return "", naam.strip()  # "van Dijk", "de Vries": a surname without given names
    for i in range(1, len(woorden) - 1):
        w = woorden[i]
        if i > 1 and _NAAMSCHEIDING.fullmatch(f" {woorden[i]} "):
            # "Sandhya Chotoe e/v Bhagwandin": the own name stands before the marker.
            return " ".join(woorden[: i - 1]), " ".join(woorden[i - 1 :])
        if not _INITIAAL.match(w) and (
            _is_tussenvoegsel(w) or ("-" in w and _is_tussenvoegsel(w.rsplit("-", 1)[1]))
        ):
            # A particle, or a married name whose second part starts with one ('Kok-v/d').
            return " ".join(woorden[:i]), " ".join(woorden[i:])
    return " ".join(woorden[:-1]), woorden[-1]
