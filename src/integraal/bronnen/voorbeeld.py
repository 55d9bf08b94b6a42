# SPDX-License-Identifier: EUPL-1.2
"""Composing a delivery mapping from a sample file (issue 25, item 3): the first rows of
the sample, a first draft of the mapping from its column names, and the draft tried on those
rows: the statements it would store and the row errors it would report.

The draft only suggests. The beheerder decides which columns are delivered at all (the
mapping is the minimisation document: what it does not declare is not stored), under which
category, and the privacy officer of the receiving partnership approves it."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import yaml

from integraal.bronnen.lezers import OnleesbaarBestand, Rij, formaat_van, lees_csv, lees_xlsx
from integraal.bronnen.mapping import Mapping
from integraal.bronnen.omzetten import Pseudonimiseer, RijUitkomst, zet_tabel_om
from integraal.domein.fouten import OngeldigeInvoer

MONSTER = 20  # rows kept of a sample: enough to see the conversion, no more
MAX_BESTAND = 5 * 1024 * 1024


@dataclass(frozen=True)
class Voorbeeld:
    bestandsnaam: str
    kop: tuple[str, ...]
    rijen: tuple[Rij, ...]

    def als_json(self) -> dict[str, object]:
        return {
            "bestandsnaam": self.bestandsnaam,
            "kop": list(self.kop),
            "rijen": [[r.nummer, r.waarden] for r in self.rijen],
        }

    @classmethod
    def van_json(cls, d: dict[str, object]) -> Voorbeeld:
        rijen = d["rijen"]
        assert isinstance(rijen, list)
        return cls(
            str(d["bestandsnaam"]),
            tuple(str(k) for k in d["kop"]),  # type: ignore[attr-defined]
            tuple(Rij(int(n), dict(w)) for n, w in rijen),
        )


def lees_voorbeeld(bestandsnaam: str, inhoud: bytes) -> Voorbeeld:
    """The sample's header and first rows (CSV or Excel). Raises OnleesbaarBestand."""
    bestand = io.BytesIO(inhoud)
    formaat = formaat_van(bestandsnaam)
    kop, rijen = lees_xlsx(bestand) if formaat == "xlsx" else lees_csv(bestand, None)
    eerste = []
    for rij in rijen:
        eerste.append(rij)
        if len(eerste) == MONSTER:
            break
    return Voorbeeld(bestandsnaam, tuple(kop), tuple(eerste))


def lees_monster(bestandsnaam: str, inhoud: bytes) -> Voorbeeld:
    """`lees_voorbeeld` for an upload read up to one byte past the limit: refused in Dutch
    when too large or unreadable."""
    if not bestandsnaam:
        raise OngeldigeInvoer({"bestand": "Kies een voorbeeldbestand (CSV of Excel)."})
    if len(inhoud) > MAX_BESTAND:
        raise OngeldigeInvoer(
            {"bestand": "Een voorbeeld is hoogstens 5 MB; een paar rijen is genoeg."}
        )
    try:
        return lees_voorbeeld(bestandsnaam, inhoud)
    except OnleesbaarBestand as exc:
        raise OngeldigeInvoer({"bestand": f"Het bestand is niet te lezen: {exc}."}) from exc


# Column names a draft recognises: (pattern, entity, FtM property, category, identification).
_HERKEND: tuple[tuple[str, str, str, str, str | None], ...] = (
    (r"^bsn$|burgerservice", "persoon", "idNumber", "identiteit", "bsn"),
    (r"^voorna(am|men)$", "persoon", "firstName", "identiteit", None),
    (r"^achternaam$|^geslachtsnaam$", "persoon", "lastName", "identiteit", None),
    (r"^naam$", "persoon", "name", "identiteit", None),
    (r"geboortedatum", "persoon", "birthDate", "identiteit", None),
    (r"^straat", "adres", "street", "adres", None),
    (r"^postcode$", "adres", "postalCode", "adres", "postcode"),
    (r"^(plaats|woonplaats)$", "adres", "city", "adres", None),
    (r"^(kvk|kvk[-_]?nummer)$", "bedrijf", "registrationNumber", "kvk", "kvk"),
    (r"^(bedrijfsnaam|handelsnaam)$", "bedrijf", "name", "kvk", None),
    (r"^iban$|rekeningnummer", "rekening", "iban", "financieel", "iban"),
)
_SCHEMA = {"persoon": "Person", "adres": "Address", "bedrijf": "Company", "rekening": "BankAccount"}


def concept(
    voorbeeld: Voorbeeld, *, naam: str, titel: str, partner: str, ontvanger: str, doel: str
) -> str:
    """A first draft of the mapping as YAML: the recognised columns placed, the others listed
    in a comment (not delivered unless the beheerder adds them)."""
    eigenschappen: dict[str, list[dict[str, object]]] = {}
    herkend: set[str] = set()
    for kolom in voorbeeld.kop:
        for patroon, entiteit, prop, categorie, identificatie in _HERKEND:
            if re.search(patroon, kolom.lower()):
                regel: dict[str, object] = {
                    "eigenschap": prop,
                    "kolom": kolom,
                    "categorie": categorie,
                }
                if identificatie:
                    regel["identificatie"] = identificatie
                eigenschappen.setdefault(entiteit, []).append(regel)
                herkend.add(kolom)
                break
    if "persoon" in eigenschappen and "adres" in eigenschappen:
        eigenschappen["persoon"].append(
            {"eigenschap": "addressEntity", "entiteit": "adres", "categorie": "adres"}
        )
    entiteiten = []
    for sleutel, props in eigenschappen.items():
        id_kolommen = [
            str(p["kolom"]) for p in props if p.get("identificatie") in ("bsn", "kvk", "iban")
        ] or [str(p["kolom"]) for p in props if "kolom" in p][:1]
        if sleutel == "persoon" and not any(p["eigenschap"] == "name" for p in props):
            namen = [str(p["kolom"]) for p in props if p["eigenschap"] in ("firstName", "lastName")]
            if namen:
                props.insert(
                    0,
                    {
                        "eigenschap": "name",
                        "kolommen": namen,
                        "categorie": "identiteit",
                        "verplicht": True,
                    },
                )
        entiteiten.append(
            {
                "sleutel": sleutel,
                "schema": _SCHEMA[sleutel],
                "id_kolommen": id_kolommen,
                "eigenschappen": props,
            }
        )
    mapping = {
        "naam": naam,
        "titel": titel,
        "partner": partner,
        "ontvanger": ontvanger,
        "doel": doel,
        "dataset": f"{partner}-{naam}"[:120],
        "noodzaak": "Beschrijf waarom deze gegevens nodig zijn, en welke bewust niet worden "
        "geleverd.",
        "bij_fout": "rijen_overslaan",
        "entiteiten": entiteiten,
    }
    overig = [k for k in voorbeeld.kop if k not in herkend]
    kop = "# Concept uit het voorbeeldbestand " + voorbeeld.bestandsnaam + ".\n"
    if overig:
        kop += (
            "# Niet herkend, en dus niet geleverd tenzij u ze toevoegt: "
            + ", ".join(overig)
            + ".\n"
        )
    return kop + yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False, width=100)


def probeer(
    mapping: Mapping, voorbeeld: Voorbeeld, pseudonimiseer: Pseudonimiseer
) -> list[RijUitkomst]:
    """The mapping on the sample's rows: what each would store, and each row's errors."""
    return list(zet_tabel_om(mapping, voorbeeld.rijen, pseudonimiseer))
