# SPDX-License-Identifier: EUPL-1.2
"""Dutch explanation of a decision, for the deelwijzer and the web pages."""

from __future__ import annotations

from integraal.delen.model import Besluit, Catalogus, Partnerregister


def _naam(register: Partnerregister, org_id: str) -> str:
    try:
        return register.zoek(org_id).naam
    except KeyError:
        return org_id


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
    regels += ["", f"Catalogusversie {besluit.catalogus_versie}; besluit-id {besluit.besluit_id}."]
    return "\n".join(regels)
