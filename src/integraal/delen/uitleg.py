# SPDX-License-Identifier: EUPL-1.2
"""Dutch explanation of a decision, for the deelwijzer and the web pages."""

from __future__ import annotations

from dataclasses import dataclass

from integraal.delen.model import Besluit, Catalogus, Effect, Grondslag, Partnerregister
from integraal.domein.tekst import datum_in_woorden


def _naam(register: Partnerregister, org_id: str) -> str:
    return register.naam(org_id)


def leg_uit(besluit: Besluit, catalogus: Catalogus, register: Partnerregister) -> str:
    v = besluit.verzoek
    cat = catalogus.categorieen.get(v.categorie)
    doel = catalogus.doelen.get(v.doel, v.doel)
    regels = [
        f"Vraag: mag {_naam(register, v.van)} gegevens van categorie "
        f"'{cat.label if cat else v.categorie}' verstrekken aan {_naam(register, v.aan)} "
        f"voor het doel '{doel}'" + (f" in casus {v.casus.id}" if v.casus else "") + "?",
        "",
    ]
    if besluit.toegestaan:
        assert besluit.regel_id and besluit.grondslag
        regel = catalogus.regel(besluit.regel_id)
        regels.append(f"Besluit: TOEGESTAAN op grond van regel {regel.id} — {regel.titel}.")
        regels.append(f"Grondslag: {besluit.grondslag.citeer()}")
        if besluit.grondslag.url:
            regels.append(f"Wettekst: {besluit.grondslag.url}")
    elif besluit.regel_id:
        regel = catalogus.regel(besluit.regel_id)
        if besluit.niet_voldaan:
            regels.append(
                f"Besluit: GEWEIGERD. Regel {regel.id} ({regel.titel}) kan dit toestaan, "
                "maar niet alle voorwaarden zijn vervuld."
            )
        elif regel.effect is Effect.TOESTAAN:
            vanaf = (
                f"geldt pas vanaf {datum_in_woorden(regel.geldig_van)}"
                if regel.geldig_van and v.datum < regel.geldig_van
                else "is nog niet in werking"
            )
            regels.append(f"Besluit: GEWEIGERD. Regel {regel.id} ({regel.titel}) {vanaf}.")
        else:
            regels.append(f"Besluit: GEWEIGERD door regel {regel.id} — {regel.titel}.")
        regels.append(f"Grondslag: {regel.grondslag.citeer()}")
    else:
        regels.append(
            "Besluit: GEWEIGERD. Geen regel in de catalogus staat deze verstrekking toe "
            "(standaard weigeren)."
        )
    if besluit.voldaan:
        regels += ["", "Vervulde voorwaarden:"]
        regels += [f"  ✓ {t.label}: {t.toelichting}" for t in besluit.voldaan]
    if besluit.niet_voldaan:
        regels += ["", "Niet vervulde voorwaarden:"]
        regels += [f"  ✗ {t.label}: {t.toelichting}" for t in besluit.niet_voldaan]
    if besluit.verplichtingen:
        p = besluit.verplichtingen
        regels += ["", "Verplichtingen:"]
        if p.loggen:
            regels.append("  - vastleggen in het logboek dataverwerkingen")
        if p.vierogen:
            regels.append("  - goedkeuring door een tweede persoon (vierogenprincipe)")
        if p.bewaartermijn:
            regels.append(f"  - bewaartermijn: {p.bewaartermijn}")
        if p.notificatie:
            regels.append(f"  - informeren: {p.notificatie}")
    relevant = [o for o in besluit.overwogen if "valt niet onder deze regel" not in o.reden]
    if relevant:
        regels += ["", "Overwogen regels:"]
        regels += [f"  - {o.regel_id}: {o.reden}" for o in relevant]
    regels += [
        "",
        f"Catalogusversie {besluit.catalogus_versie}, partnerregister {besluit.register_versie}; "
        f"besluit-id {besluit.besluit_id}.",
    ]
    return "\n".join(regels)


@dataclass(frozen=True)
class Toetsuitkomst:
    label: str
    toelichting: str


@dataclass(frozen=True)
class Waarom:
    """A decision as the structured 'Waarom?' block a page shows (the text above is for the
    CLI and the stored record): decision, rule, article with its link, what was met and not,
    what follows from it and what the person can do next."""

    toegestaan: bool
    besluit: str
    samenvatting: str
    regel: str | None
    grondslag: str | None
    wettekst: str | None
    wettekst_bron: str | None
    geverifieerd: bool
    voldaan: tuple[Toetsuitkomst, ...]
    niet_voldaan: tuple[Toetsuitkomst, ...]
    verplichtingen: tuple[str, ...]
    volgende: tuple[str, ...]


def _klein(label: str) -> str:
    """A label inside a sentence: lower-case words, but abbreviations as written (RIEC, iCOV,
    FEC, Wwft stay recognisable)."""
    return " ".join(w if sum(c.isupper() for c in w) > 1 else w.lower() for w in label.split())


def waarom(besluit: Besluit, catalogus: Catalogus, register: Partnerregister) -> Waarom:
    v = besluit.verzoek
    cat = catalogus.categorieen.get(v.categorie)
    doel = catalogus.doelen.get(v.doel, v.doel)
    vraag = (
        f"{_naam(register, v.van)} verstrekt {_klein(cat.label) if cat else v.categorie} "
        f"aan {_naam(register, v.aan)} voor {_klein(doel)}"
    )
    regel = catalogus.regel(besluit.regel_id) if besluit.regel_id else None
    grondslag = besluit.grondslag or (regel.grondslag if regel else None)
    volgende: list[str] = []
    if besluit.toegestaan:
        samenvatting = f"Dit mag: {vraag}."
    elif besluit.niet_voldaan:
        samenvatting = f"Dit mag nu niet: {vraag}. Er is nog niet aan alle voorwaarden voldaan."
        volgende += [f"Zorg dat hieraan is voldaan: {t.label}." for t in besluit.niet_voldaan]
    elif regel is not None and regel.effect is Effect.TOESTAAN:
        # The rule that would allow it is not in force yet (a date, or a law not yet adopted).
        if regel.geldig_van and v.datum < regel.geldig_van:
            wanneer = f"pas vanaf {datum_in_woorden(regel.geldig_van)}"
        else:
            wanneer = "pas als de wet in werking is getreden"
        samenvatting = f"Dit mag nog niet: {vraag}. De regel die het toestaat geldt {wanneer}."
        volgende.append(f"Tot dan wordt niets verstrekt; de regel geldt {wanneer}.")
    elif regel is not None:
        samenvatting = f"Dit mag niet: {vraag}. Een regel verbiedt het."
        volgende.append("Deze verstrekking is verboden; zoek geen andere weg.")
    else:
        samenvatting = f"Dit mag niet: {vraag}. Geen regel staat het toe."
        volgende.append(
            "Vraag uw privacy officer of er een andere grondslag is; zonder regel wordt "
            "niets gedeeld."
        )
    verplichtingen: list[str] = []
    if besluit.toegestaan and besluit.verplichtingen:
        p = besluit.verplichtingen
        if p.loggen:
            verplichtingen.append("De verstrekking komt in het logboek dataverwerkingen.")
        if p.vierogen:
            verplichtingen.append("Een tweede persoon keurt de verstrekking goed.")
        if p.bewaartermijn:
            verplichtingen.append(f"Bewaartermijn: {p.bewaartermijn}.")
        if p.notificatie:
            verplichtingen.append(f"Informeren: {p.notificatie}.")
    return Waarom(
        toegestaan=besluit.toegestaan,
        besluit="Toegestaan" if besluit.toegestaan else "Geweigerd",
        samenvatting=samenvatting,
        regel=regel.titel if regel else None,
        grondslag=_artikel(grondslag) if grondslag else None,
        wettekst=grondslag.url if grondslag else None,
        wettekst_bron=(
            "wetten.overheid.nl"
            if grondslag and grondslag.bwb_id
            else ("EUR-Lex" if grondslag and grondslag.celex else None)
        ),
        geverifieerd=grondslag.geverifieerd if grondslag else True,
        voldaan=tuple(Toetsuitkomst(t.label, t.toelichting) for t in besluit.voldaan),
        niet_voldaan=tuple(Toetsuitkomst(t.label, t.toelichting) for t in besluit.niet_voldaan),
        verplichtingen=tuple(verplichtingen),
        volgende=tuple(volgende),
    )


def _artikel(g: Grondslag) -> str:
    return f"{g.omschrijving}, artikel {g.artikel}" if g.artikel else g.omschrijving


def in_woorden(w: Waarom) -> str:
    """The decision as a few sentences for a stored message (a refused delivery): what was
    decided, what is not yet met, what to do. No rule ids or decision ids: those are in the
    processing log for whoever audits it."""
    delen = [w.samenvatting]
    if w.niet_voldaan:
        delen.append(
            "Nog niet voldaan: "
            + "; ".join(f"{t.label} ({t.toelichting})" for t in w.niet_voldaan)
            + "."
        )
    delen += list(w.volgende)
    return " ".join(delen)
