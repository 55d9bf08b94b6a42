# SPDX-License-Identifier: EUPL-1.2
"""Reference requests: a fixed set of requests whose decisions a change to the rule
catalogue must not alter unless that is intended (issue 25, item 4).

The set is stored with the package (`data/referenties.yaml`), made once from the catalogue
it shipped with: for every rule, a request from an organisation of a kind the rule names to
one of a kind it names, for its first category and purpose, once inside a case of the
recipient's partnership with the facts its conditions ask for, and once without. It is not
made again from a proposed catalogue, or a rule that is removed would take its references
with it; `integraal regels referenties` writes a new set when someone decides to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from integraal.delen.evaluator import Beslisser
from integraal.delen.model import (
    CasusContext,
    Catalogus,
    Organisatie,
    Partnerregister,
    Regel,
    Verzoek,
)
from integraal.domein import yamltekst

ACTOR = "gebruiker:referentie"


class Referentie(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    omschrijving: str
    verzoek: Verzoek


class _Bestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    referenties: list[Referentie]


def laad_referenties(pad: Path | None = None) -> tuple[Referentie, ...]:
    if pad is None:
        tekst = (
            resources.files("integraal.delen.data").joinpath("referenties.yaml").read_text("utf-8")
        )
    else:
        tekst = pad.read_text("utf-8")
    return tuple(_Bestand.model_validate(yamltekst.lees(tekst)).referenties)


def _past(register: Partnerregister, org: Organisatie, namen: Iterable[str]) -> bool:
    gezocht = set(namen)
    return org.id in gezocht or bool(register.groepen(org) & gezocht)


def _voor(regel: Regel, register: Partnerregister) -> Verzoek | None:
    aan = next((o for o in register.organisaties if _past(register, o, regel.aan)), None)
    van_alle = [o for o in register.organisaties if _past(register, o, regel.van)]
    if aan is None or not van_alle:
        return None
    # A provider that takes part in the recipient's partnership, when it is one.
    van = next((o for o in van_alle if o.id in aan.deelnemers), van_alle[0])
    categorie = next((c for c in regel.categorieen if c != "*"), "identiteit")
    doel = next((d for d in regel.doelen if d != "*"), "integrale_aanpak")
    return Verzoek(van=van.id, aan=aan.id, categorie=categorie, doel=doel, actor=ACTOR)


def schrijf_referenties(referenties: Iterable[Referentie]) -> str:
    """The set as the package stores it (YAML), without the day: a reference is evaluated
    on the day its catalogue is compared."""
    import yaml

    def verzoek(v: Verzoek) -> dict[str, object]:
        d = v.model_dump(mode="json", exclude={"datum"}, exclude_none=True, exclude_defaults=True)
        # Sets in a fixed order, so the file is the same however often it is made.
        if "feiten" in d:
            d["feiten"] = sorted(d["feiten"])
        if "casus" in d and "leden" in d["casus"]:
            d["casus"]["leden"] = sorted(d["casus"]["leden"])
        return d

    rijen = [
        {"id": r.id, "omschrijving": r.omschrijving, "verzoek": verzoek(r.verzoek)}
        for r in referenties
    ]
    kop = (
        "# SPDX-License-Identifier: EUPL-1.2\n"
        "# Referentieverzoeken (delen/referenties.py): gemaakt met `integraal regels "
        "--referenties`;\n# een voorstel voor de regelcatalogus toont welke besluiten hiervan "
        "veranderen.\n"
    )
    return kop + yaml.safe_dump({"referenties": rijen}, allow_unicode=True, sort_keys=False)


def maak_referenties(catalogus: Catalogus, register: Partnerregister) -> list[Referentie]:
    uit: list[Referentie] = []
    for regel in catalogus.regels:
        basis = _voor(regel, register)
        if basis is None:
            continue
        verband = basis.aan if register.organisatie(basis.aan).deelnemers else basis.van
        casus = CasusContext(
            id="REF-1",
            verband_id=verband,
            aanwijzingen_vastgelegd=True,
            leden=frozenset({ACTOR}),
        )
        feiten = frozenset(regel.voorwaarden) | {"noodzakelijk"}
        # Inside a case, once for every category the rule names: narrowing a rule's data
        # shows in the references of the category it drops.
        categorieen = [c for c in regel.categorieen if c != "*"] or [basis.categorie]
        for categorie in categorieen:
            label = catalogus.categorie_label(categorie).lower()
            uit.append(
                Referentie(
                    id=f"{regel.id}/casus/{categorie}",
                    omschrijving=f"{regel.titel}: {label}, in een casus, met de feiten die de "
                    "regel vraagt",
                    verzoek=basis.model_copy(
                        update={"categorie": categorie, "casus": casus, "feiten": feiten}
                    ),
                )
            )
        uit.append(
            Referentie(
                id=f"{regel.id}/zonder",
                omschrijving=f"{regel.titel}: zonder casus en zonder feiten",
                verzoek=basis,
            )
        )
    return uit


@dataclass(frozen=True)
class Uitkomst:
    toegestaan: bool
    regel_id: str | None


@dataclass(frozen=True)
class Verandering:
    referentie: Referentie
    oud: Uitkomst
    nieuw: Uitkomst


def uitkomst(b: Beslisser, r: Referentie, datum: dt.date) -> Uitkomst:
    besluit = b.beslis(r.verzoek.model_copy(update={"datum": datum}), uitleg=False)
    return Uitkomst(besluit.toegestaan, besluit.regel_id)


def effect(
    referenties: Sequence[Referentie], oud: Beslisser, nieuw: Beslisser, datum: dt.date
) -> list[Verandering]:
    """The references whose decision differs between the two catalogues, on `datum`."""
    uit = []
    for r in referenties:
        a, b = uitkomst(oud, r, datum), uitkomst(nieuw, r, datum)
        if a != b:
            uit.append(Verandering(r, a, b))
    return uit
