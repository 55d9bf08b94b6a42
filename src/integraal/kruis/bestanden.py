# SPDX-License-Identifier: EUPL-1.2
"""Link two CSV files, or deduplicate one, with a declared mapping: which column holds which
field. For an analyst's own files outside Integraal (the CLI's `kruis bestanden`); nothing is
read from the platform.

The mapping (YAML), for two files:

    links:  {id: klantnummer, velden: {voornaam: Voornaam, achternaam: [Tussenv, Achternaam],
             geboortedatum: Geboren, postcode: PC, huisnummer: [Nr, Toev]}}
    rechts: {id: relatienr, velden: {naam: Naam, geboortedatum: Geb.datum, adres: Adres}}

and for one file `bestand: {id: ..., velden: {...}}` (or only `links:`). A one-sided mapping
given with two files is used for both (two exports of one system).

Field names are those of `personen.VELDEN`, the identifiers kvk, rsin, iban, kenteken and bag,
and two that are split: `naam` (a full name, split at the tussenvoegsel into voornaam and
achternaam) and `adres` (one address line, "Kerkstraat 12 a" or "Havenweg 12, 3089 KX
Rotterdam", split into straat, huisnummer, postcode and plaats). A field may name a list of
columns; their values are joined with a space. A value from a split field fills only what the
mapped fields leave empty.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt
import yaml

from integraal.domein.tekst import veilig
from integraal.kruis import personen
from integraal.kruis.blokken import Sleutel
from integraal.kruis.koppel import Uitkomst, aandelen, gelijk_gewicht, koppel
from integraal.kruis.model import Model
from integraal.kruis.normaal import splits_naam
from integraal.kruis.tabel import Soort, Tabel, Veld
from integraal.kruis.toewijzing import een_op_een as toewijzen
from integraal.kruis.vergelijk import TEGENBEWIJS, ZEKER_ANDERS

if TYPE_CHECKING:  # Dask is an extra ('verdeeld'): imported only when workers are used
    from distributed import Client

CODES = ("kvk", "rsin", "iban", "kenteken", "bag")
ADRESDELEN = ("straat", "huisnummer", "postcode", "plaats")
# Fields holding several, split per record; the parts they fill.
GESPLITST: Final = {"naam": ("voornaam", "achternaam"), "adres": ADRESDELEN}
BEKEND = (*(v.naam for v in personen.VELDEN), *GESPLITST, *CODES)

Voortgang = Callable[[str, int, int], None]
ELKE = 50_000  # rows between progress reports while writing


class Mappingfout(ValueError):
    """The mapping or a file does not fit; the message is Dutch."""


@dataclass(frozen=True)
class Kant:
    id: str
    velden: dict[str, tuple[str, ...]]  # field → columns (joined with a space)

    @property
    def vult(self) -> set[str]:
        """The fields this side can fill, after splitting `naam` and `adres`."""
        uit = set(self.velden) - set(GESPLITST)
        for veld, delen in GESPLITST.items():
            if veld in self.velden:
                uit |= set(delen)
        return uit

    @property
    def kolommen(self) -> set[str]:
        return {k for ks in self.velden.values() for k in ks} | ({self.id} if self.id else set())


def _kolommen(waarde: Any, veld: str, naam: str) -> tuple[str, ...]:
    if isinstance(waarde, list):
        if not waarde:
            raise Mappingfout(f"veld '{veld}' bij '{naam}' noemt geen kolom (lege lijst)")
        if not all(isinstance(k, str | int) and str(k).strip() for k in waarde):
            raise Mappingfout(f"veld '{veld}' bij '{naam}': elke kolom is een naam")
        return tuple(str(k) for k in waarde)
    if not isinstance(waarde, str | int) or not str(waarde).strip():
        raise Mappingfout(f"veld '{veld}' bij '{naam}' noemt geen kolom")
    return (str(waarde),)


def _kant(ruw: Any, naam: str) -> Kant:
    if not isinstance(ruw, dict) or not isinstance(ruw.get("velden"), dict):
        raise Mappingfout(f"de mapping mist '{naam}: {{id: ..., velden: {{...}}}}'")
    onbekend = sorted(set(map(str, ruw["velden"])) - set(BEKEND))
    if onbekend:
        raise Mappingfout(
            f"onbekende velden bij '{naam}': {', '.join(onbekend)}; kies uit {', '.join(BEKEND)}"
        )
    if not ruw["velden"]:
        raise Mappingfout(f"'{naam}' noemt geen velden")
    return Kant(
        str(ruw.get("id") or ""),
        {str(k): _kolommen(v, str(k), naam) for k, v in ruw["velden"].items()},
    )


def lees_mapping(tekst: str) -> tuple[Kant, ...]:
    """One side (`bestand:` or only `links:`) for one file, or `links:` and `rechts:`."""
    try:
        ruw = yaml.safe_load(tekst)
    except yaml.YAMLError as exc:
        plek = getattr(exc, "problem_mark", None)
        waar = f" (regel {plek.line + 1}, kolom {plek.column + 1})" if plek is not None else ""
        raise Mappingfout(f"de mapping is geen geldige YAML{waar}") from exc
    if not isinstance(ruw, dict) or not ({"bestand", "links", "rechts"} & set(ruw)):
        raise Mappingfout(
            "de mapping beschrijft 'bestand' (één bestand) of 'links' en 'rechts' (twee)"
        )
    if "bestand" in ruw:
        if {"links", "rechts"} & set(ruw):
            raise Mappingfout("de mapping noemt 'bestand' én 'links'/'rechts'; kies één vorm")
        return (_kant(ruw["bestand"], "bestand"),)
    if "rechts" not in ruw:
        return (_kant(ruw["links"], "links"),)
    return _kant(ruw.get("links"), "links"), _kant(ruw.get("rechts"), "rechts")


def lees_mappingbestand(pad: Path) -> tuple[Kant, ...]:
    try:
        return lees_mapping(pad.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise Mappingfout(f"de mapping {pad} is niet te lezen") from exc


# --- addresses ---------------------------------------------------------------------------

_POSTCODE: Final = re.compile(r"\b([1-9]\d{3}\s?[A-Za-z]{2})\b")
# "Havenweg 12 a 3089 KX Rotterdam": a postcode after a house number, without a comma.
_ZONDER_KOMMA: Final = re.compile(
    r"^(?P<straat>.*?\d.*?)\s+(?P<postcode>[1-9]\d{3}\s?[A-Za-z]{2})\b\s*(?P<plaats>.*)$"
)
# "Molenlaan 7 bis", "Dorpsweg 4 hs": a toevoeging of a few letters or digits after a space.
_TOEVOEGING: Final = re.compile(
    r"^(?P<straat>.*?[^\d\s])\s+(?P<nummer>\d+(?:\s*[-/]?\s*\w{1,4})?)$"
)


def _straat_en_nummer(tekst: str) -> tuple[str, str]:
    straat, nummer = personen._straat_en_nummer(tekst)
    if not nummer and (m := _TOEVOEGING.match(tekst.strip())):
        straat, nummer = m["straat"].strip(), m["nummer"].replace(" ", "")
    return straat, nummer


def splits_adres(tekst: str) -> dict[str, str]:
    """One address line as straat, huisnummer, postcode and plaats (empty when absent):
    'Kerkstraat 12 a', 'Dorpsweg 4-II', 'Molenlaan 7 bis', 'Havenweg 12, 3089 KX Rotterdam'."""
    tekst = " ".join(tekst.split())
    postcode = plaats = ""
    if "," in tekst:
        straatdeel, rest = (d.strip() for d in tekst.split(",", 1))
        if m := _POSTCODE.search(rest):
            postcode = m[1]
            plaats = (rest[m.end() :] or rest[: m.start()]).strip(" ,")
        else:
            plaats = rest.strip(" ,")
    elif m := _ZONDER_KOMMA.match(tekst):
        straatdeel, postcode, plaats = m["straat"], m["postcode"], m["plaats"].strip(" ,")
    else:
        straatdeel = tekst
    straat, nummer = _straat_en_nummer(straatdeel) if straatdeel else ("", "")
    return {"straat": straat, "huisnummer": nummer, "postcode": postcode, "plaats": plaats}


# --- reading -----------------------------------------------------------------------------


@dataclass
class Gelezen:
    """One file's records as columns: field → one value per record."""

    ids: list[str]
    kolommen: dict[str, list[str]]


def _lees_csv(pad: Path) -> tuple[list[str], list[int], list[list[str]]]:
    """The header, and the non-empty rows with their row number (the header is row 1)."""
    if not pad.exists():
        raise Mappingfout(f"{pad} bestaat niet")
    if not pad.is_file():
        raise Mappingfout(f"{pad} is geen bestand")
    try:
        tekst = pad.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Mappingfout(
            f"{pad.name} is niet te lezen als UTF-8-tekst; sla het op als CSV UTF-8"
        ) from exc
    except OSError as exc:
        raise Mappingfout(f"{pad.name} is niet te lezen ({exc.strerror or exc})") from exc
    try:
        dialect: Any = csv.Sniffer().sniff(tekst[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rijen = list(csv.reader(io.StringIO(tekst), dialect=dialect))
    if not rijen:
        raise Mappingfout(f"{pad.name} is leeg")
    data = [(i, r) for i, r in enumerate(rijen[1:], start=2) if any(c.strip() for c in r)]
    if not data:
        raise Mappingfout(f"{pad.name} heeft een kopregel maar geen rijen")
    kop = [k.strip() for k in rijen[0]]
    scheef = [i for i, r in data if len(r) != len(kop)]
    if scheef:
        # A row with more or fewer cells than the header has shifted columns: its values would
        # be compared under the wrong fields.
        raise Mappingfout(
            f"in {pad.name} hebben {len(scheef)} rijen een ander aantal kolommen dan de "
            f"kopregel ({len(kop)}), de eerste: rij {', '.join(map(str, scheef[:5]))}"
        )
    return kop, [i for i, _ in data], [r for _, r in data]


def lees(pad: Path, kant: Kant) -> Gelezen:
    """The mapped fields of every row, split and joined as the mapping says."""
    kop, nummers, rijen = _lees_csv(pad)
    plek: dict[str, int] = {}
    for i, naam in enumerate(kop):
        plek.setdefault(naam, i)
    ontbreekt = sorted(kant.kolommen - set(plek))
    if ontbreekt:
        raise Mappingfout(f"kolommen niet gevonden in {pad.name}: {', '.join(ontbreekt)}")

    def kolom(namen: tuple[str, ...]) -> list[str]:
        idx = [plek[k] for k in namen]
        if len(idx) == 1:
            j = idx[0]
            return [(r[j] if j < len(r) else "").strip() for r in rijen]
        return [
            " ".join(w for w in ((r[j] if j < len(r) else "").strip() for j in idx) if w)
            for r in rijen
        ]

    kolommen = {veld: kolom(namen) for veld, namen in kant.velden.items() if veld not in GESPLITST}
    if "naam" in kant.velden:
        gesplitst = [splits_naam(w) for w in kolom(kant.velden["naam"])]
        for deel, veld in enumerate(GESPLITST["naam"]):
            _vul(kolommen, veld, [g[deel] for g in gesplitst])
    if "adres" in kant.velden:
        adressen = [splits_adres(w) for w in kolom(kant.velden["adres"])]
        for veld in GESPLITST["adres"]:
            _vul(kolommen, veld, [a[veld] for a in adressen])
    if kant.id:
        waarden = kolom((kant.id,))
        leeg = [nr for nr, w in zip(nummers, waarden, strict=True) if not w]
        if leeg:
            raise Mappingfout(
                f"de id-kolom '{kant.id}' in {pad.name} is leeg in {len(leeg)} rijen, "
                f"de eerste: rij {', '.join(map(str, leeg[:5]))}"
            )
        dubbel = sorted(w for w, aantal in Counter(waarden).items() if aantal > 1)
        if dubbel:
            raise Mappingfout(
                f"de id-kolom '{kant.id}' in {pad.name} is niet uniek: "
                f"{', '.join(dubbel[:5])}{' …' if len(dubbel) > 5 else ''}"
            )
        ids = [f"{pad.name}:{w}" for w in waarden]
    else:
        ids = [f"{pad.name}:{i}" for i in nummers]  # the row number, as a spreadsheet shows it
    return Gelezen(ids, kolommen)


def _vul(kolommen: dict[str, list[str]], veld: str, waarden: list[str]) -> None:
    """A split value fills what the mapped field leaves empty."""
    if veld not in kolommen:
        kolommen[veld] = waarden
    else:
        kolommen[veld] = [w or x for w, x in zip(kolommen[veld], waarden, strict=True)]


# --- fields and keys ---------------------------------------------------------------------


def velden_voor(*kanten: Kant) -> tuple[Veld, ...]:
    """The fields every side can fill (after splitting a full name or address line)."""
    samen = set.intersection(*(k.vult for k in kanten))
    uit = [v for v in personen.VELDEN if v.naam in samen]
    uit += [Veld(c, Soort.CODE, c.upper() if c != "kenteken" else c) for c in CODES if c in samen]
    if not uit:
        raise Mappingfout("de twee bestanden hebben geen enkel veld gemeen")
    return tuple(uit)


def sleutels_voor(velden: tuple[Veld, ...]) -> list[Sleutel]:
    namen = {v.naam for v in velden}
    uit = [s for s in personen.SLEUTELS if s.velden <= namen]
    uit += [Sleutel((c,)) for c in CODES if c in namen]
    if not uit:  # few shared fields: every one alone is a key
        uit = [Sleutel((v.naam,)) for v in velden]
    return uit


def _gevuld(velden: tuple[Veld, ...], gelezen: Sequence[Gelezen]) -> tuple[Veld, ...]:
    """Only fields that every file fills somewhere: an address line without postcodes does not
    make postcode a field, and a column left empty throughout is no evidence."""
    uit = tuple(v for v in velden if all(any(g.kolommen[v.naam]) for g in gelezen))
    if not uit:
        raise Mappingfout("de gedeelde velden zijn in geen enkel bestand gevuld")
    return uit


def maak_tabel(
    paden: Sequence[Path], mapping: Sequence[Kant], voortgang: Voortgang | None = None
) -> Tabel:
    """One file (deduplicate) or two (link, `bron` 0 and 1) read into one table."""
    if len(paden) not in (1, 2):
        raise Mappingfout("geef één bestand (ontdubbelen) of twee (koppelen)")
    if len(mapping) > len(paden):
        raise Mappingfout(
            "de mapping beschrijft twee bestanden ('links' en 'rechts'); geef er twee"
        )
    kanten = list(mapping) * len(paden) if len(mapping) == 1 else list(mapping)
    gelezen = []
    for pad, kant in zip(paden, kanten, strict=True):
        gelezen.append(lees(pad, kant))
        if voortgang:
            voortgang(f"rijen gelezen uit {pad.name}", len(gelezen[-1].ids), len(gelezen[-1].ids))
    velden = _gevuld(velden_voor(*kanten), gelezen)
    t = Tabel.uit_kolommen(
        velden,
        {v.naam: [w for g in gelezen for w in g.kolommen[v.naam]] for v in velden},
        [i for g in gelezen for i in g.ids],
        [b for b, g in enumerate(gelezen) for _ in g.ids],
    )
    if voortgang:
        voortgang("voorbereid", t.n, t.n)
    return t


def koppel_bestanden(
    paden: Sequence[Path],
    mapping: Sequence[Kant],
    voortgang: Voortgang | None = None,
    *,
    werkers: Client | None = None,
    vanaf: float = 0.0,
) -> Uitkomst:
    """Two files linked (pairs across them), or one deduplicated (pairs within it). With
    `werkers` (a Dask client) the pairs are made and scored on its workers and only those with
    a probability from `vanaf` come back: the same pairs and scores as in this process."""
    t = maak_tabel(paden, mapping, voortgang)
    sleutels, koppelen = sleutels_voor(t.velden), len(paden) == 2
    if werkers is None:
        return koppel(t, sleutels, koppelen=koppelen, voortgang=voortgang)
    from integraal.kruis.verdeeld import koppel_verdeeld

    run = koppel_verdeeld(werkers, t, sleutels, koppelen=koppelen, voortgang=voortgang)
    try:
        return run.boven(vanaf)
    finally:
        run.sluit()


# --- writing -----------------------------------------------------------------------------


def veldgewichten(uitkomst: Uitkomst, kies: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """The weight (bits) of each comparison for the pairs `kies`, one row per pair: the same
    numbers as `Uitkomst.uitleg`, unrounded, computed for all pairs at once (the weights once,
    the share of each value once per column)."""
    model, t = uitkomst.model, uitkomst.tabel
    gewichten = model.gewichten()
    lv = uitkomst.niveaus[kies]
    uit = np.empty(lv.shape, dtype=np.float64)
    for k, v in enumerate(uitkomst.vergelijkers):
        uit[:, k] = gewichten[k][lv[:, k]]
        gelijk = lv[:, k] == 1
        if v.frequentie and gelijk.any():
            aandeel = aandelen(t, v.naam)[t.codes[v.naam][uitkomst.a[kies[gelijk]]]]
            uit[gelijk, k] = gelijk_gewicht(model, k, aandeel)
    return uit


def _rond(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """`round(w, 2)` as Python rounds (so as `uitleg` does), once per distinct value: weights
    take few distinct values (one per level, one per value share)."""
    uniek, terug = np.unique(x, return_inverse=True)
    rond = np.asarray([round(float(w), 2) for w in uniek.tolist()], dtype=np.float64)
    uit: npt.NDArray[np.float64] = rond[terug.reshape(-1)]
    return uit


def _tekst(x: npt.NDArray[Any], opmaak: str) -> list[str]:
    """Each value formatted once per distinct value."""
    uniek, terug = np.unique(x, return_inverse=True)
    teksten = np.asarray([format(w, opmaak) for w in uniek.tolist()], dtype=object)
    return list(teksten[terug.reshape(-1)].tolist())


@dataclass(frozen=True)
class Toelichting:
    """The explanation of many pairs at once, with the numbers `Uitkomst.uitleg` gives one."""

    gewichten: npt.NDArray[np.float64]  # (pairs, comparisons): bits, unrounded
    afgerond: npt.NDArray[np.float64]  # the same, rounded to 0.01 as in `uitleg`
    reden: npt.NDArray[np.int8]  # per pair the counter-evidence (`vergelijk.TEGENBEWIJS`), 0 = none
    tegengewicht: npt.NDArray[np.float64]  # the counter-evidence line's bits, else NaN

    def tegen(self, rij: int) -> str:
        return TEGENBEWIJS[int(self.reden[rij])]


def toelichting(uitkomst: Uitkomst, kies: npt.NDArray[np.int64]) -> Toelichting:
    gewichten = veldgewichten(uitkomst, kies)
    afgerond = np.empty_like(gewichten)
    for k in range(gewichten.shape[1]):
        afgerond[:, k] = _rond(gewichten[:, k])
    reden = uitkomst.tegen[kies] if len(uitkomst.tegen) else np.zeros(len(kies), dtype=np.int8)
    tegengewicht = np.full(len(kies), np.nan)
    waar = reden > 0
    if waar.any():
        # As `uitleg`: basisgewicht + the rounded field weights summed left to right, and the
        # line that brings them to "certainly different".
        som = np.zeros(int(waar.sum()))
        for k in range(afgerond.shape[1]):
            som = som + afgerond[waar, k]
        tegengewicht[waar] = _rond(ZEKER_ANDERS - (uitkomst.model.basisgewicht + som))
        # A weighed reason adds its fitted penalty instead (`koppel.kalibreer`).
        for r, straf in uitkomst.model.tegen.items():
            tegengewicht[reden == r] = round(straf, 2)
    return Toelichting(gewichten, afgerond, reden, tegengewicht)


@dataclass(frozen=True)
class Geschreven:
    rijen: int
    boven: int  # pairs at or above the threshold
    gekozen: int  # of those, kept as links


def kies_paren(
    uitkomst: Uitkomst,
    kans: npt.NDArray[np.float64],
    drempel: float,
    *,
    ook_onder: float | None = None,
    een_op_een: bool = False,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """The pairs to write, best first, and per pair whether it is kept as a link: at or above
    the threshold and, with `een_op_een`, the best pair of both its records."""
    grens = min(drempel, ook_onder) if ook_onder is not None else drempel
    kies = np.flatnonzero(kans >= grens)
    kies = kies[np.argsort(-kans[kies], kind="stable")]
    if een_op_een:
        gekozen = np.zeros(len(kans), dtype=np.bool_)
        gekozen[toewijzen(uitkomst.a, uitkomst.b, kans, drempel)] = True
    else:
        gekozen = kans >= drempel
    return kies, gekozen[kies]


def _ja(x: bool) -> str:
    return "ja" if x else "nee"


def schrijf_paren(
    uitkomst: Uitkomst,
    drempel: float,
    uit: IO[str],
    *,
    ook_onder: float | None = None,
    een_op_een: bool = False,
    voortgang: Voortgang | None = None,
) -> Geschreven:
    """Pairs at or above the threshold (and, with `ook_onder`, those above that lower bound),
    best first, each with per field its level, weight and the two values compared, and any
    counter-evidence last. Time is linear in the rows written: probabilities, weights and value
    shares are computed once, each record's values looked up once, and the file is written
    column by column."""
    t = uitkomst.tabel
    kans = Model.kans(uitkomst.gewicht)
    kies, gekozen = kies_paren(uitkomst, kans, drempel, ook_onder=ook_onder, een_op_een=een_op_een)
    a, b = uitkomst.a[kies], uitkomst.b[kies]
    links_eerst = t.bron[a] <= t.bron[b]  # the first file's record on the left
    links, rechts = np.where(links_eerst, a, b).tolist(), np.where(links_eerst, b, a).tolist()
    uitleg = toelichting(uitkomst, kies)
    niveaus = uitkomst.niveaus[kies]
    ja_nee = np.asarray(["nee", "ja"], dtype=object)
    # Ids and values come from the analyst's files: a cell starting with = + - @ is defused
    # before a spreadsheet program opens the answer.
    ids = np.asarray([veilig(i) for i in t.ids], dtype=object)
    kolommen: list[list[str]] = [
        ids[links].tolist() if links else [],
        ids[rechts].tolist() if rechts else [],
        [f"{p:.4f}" for p in kans[kies].tolist()],
        [f"{g:.2f}" for g in uitkomst.gewicht[kies].tolist()],
        ja_nee[(kans[kies] >= drempel).astype(np.int8)].tolist(),
        ja_nee[gekozen.astype(np.int8)].tolist(),
    ]
    kop = ["links", "rechts", "kans", "gewicht", "boven drempel", "gekozen"]
    nodig = sorted({*links, *rechts})
    for k, v in enumerate(uitkomst.vergelijkers):
        waarde = {r: veilig(v.waarde(t, r)) for r in nodig}  # each record once
        kolommen += [
            np.asarray(v.labels, dtype=object)[niveaus[:, k]].tolist(),
            _tekst(uitleg.afgerond[:, k], ".2f"),
            [waarde[r] for r in links],
            [waarde[r] for r in rechts],
        ]
        kop += [f"{v.titel} niveau", f"{v.titel} gewicht", f"{v.titel} links", f"{v.titel} rechts"]
    kolommen += [
        np.asarray(TEGENBEWIJS, dtype=object)[uitleg.reden].tolist(),
        [x.replace("nan", "") for x in _tekst(uitleg.tegengewicht, ".2f")],
    ]
    kop += ["tegenbewijs", "tegenbewijs gewicht"]
    w = csv.writer(uit, delimiter=";")
    w.writerow(kop)
    rijen, n = zip(*kolommen, strict=True), len(kies)
    for start in range(0, n, ELKE):
        w.writerows(islice(rijen, ELKE))
        if voortgang:
            voortgang("geschreven", min(start + ELKE, n), n)
    return Geschreven(n, int((kans[kies] >= drempel).sum()), int(gekozen.sum()))
