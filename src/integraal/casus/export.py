# SPDX-License-Identifier: EUPL-1.2
"""The case overview as a file: what a member sees on the case page, in Dutch columns.

Built from the same overview the page shows (so nothing the reader may not see can end up
in it), with organisations, statuses and categories written out; the file leaving the system
is recorded in the audit trail."""

from __future__ import annotations

import datetime as dt

from integraal.casus.casussen import Casusoverzicht, overzicht
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.labels import eigenschap_label, schema_label, toonbare_waarde
from integraal.export import Blad, bladen
from integraal.verwerking import Context

FORMATEN = ("csv", "xlsx")


def _datum(waarde: object) -> str:
    """dd-mm-jjjj from a date, a moment or an ISO string (statements keep ISO text)."""
    if waarde is None or waarde == "":
        return ""
    if isinstance(waarde, str):
        waarde = dt.date.fromisoformat(waarde[:10])
    return waarde.strftime("%d-%m-%Y") if hasattr(waarde, "strftime") else str(waarde)


def _bladen(ctx: Context, o: Casusoverzicht) -> list[Blad]:
    register, catalogus = ctx.beslisser.register, ctx.beslisser.catalogus

    def org(org_id: str | None) -> str:
        return register.naam(org_id) if org_id else ""

    cat, regel = catalogus.categorie_label, catalogus.regeltitels

    overzicht_ = Blad(
        "Casus",
        ("Gegeven", "Waarde"),
        [
            ("Nummer", o.id),
            ("Titel", o.titel),
            ("Status", o.status.label),
            ("Samenwerkingsverband", org(o.verband)),
            ("Doel", catalogus.doelen.get(o.doel, o.doel)),
            ("Geopend op", _datum(o.aangemaakt_op)),
            ("Gesloten op", _datum(o.gesloten_op)),
            ("Reden van sluiten", o.sluitreden or ""),
            ("Aanwijzingen", o.aanwijzingen or "nog niet vastgelegd"),
            ("Leden", ", ".join(f"{lid.naam} ({org(lid.organisatie)})" for lid in o.leden)),
        ],
    )
    subjecten = Blad(
        "Subjecten",
        ("Soort", "Naam", "Gegeven", "Waarde", "Bron", "Categorie", "Deelregel", "Eerst gezien"),
        [
            (
                schema_label(s.schema_),
                s.entiteit.naam,
                eigenschap_label(h.eigenschap),
                toonbare_waarde(s.schema_, h.eigenschap, h.waarde),
                org(h.bron),
                cat(h.categorie),
                regel(h.grondslag),
                _datum(h.eerst_gezien),
            )
            for s in o.subjecten
            if s.entiteit is not None
            for h in s.entiteit.herkomst
        ]
        + [
            (schema_label(s.schema_), "niet zichtbaar voor u", "", "", "", "", "", "")
            for s in o.subjecten
            if s.entiteit is None
        ],
    )
    verzoeken = Blad(
        "Deelverzoeken",
        ("Gevraagd op", "Aan", "Categorieën", "Waarom nodig", "Status", "Reden"),
        [
            (
                _datum(d.aangevraagd_op),
                org(d.verstrekker),
                ", ".join(cat(c) for c in d.categorieen),
                d.toelichting,
                d.status.label,
                d.reden or "",
            )
            for d in o.deelverzoeken
        ],
    )
    advies = Blad(
        "Advies",
        ("Status", "Vastgesteld op", "Analyse en advies"),
        [(o.advies.status.label, _datum(o.advies.vastgesteld_op), o.advies.analyse)]
        if o.advies
        else [],
    )
    interventies = Blad(
        "Interventies",
        (
            "Soort",
            "Maatregel",
            "Eigenaar",
            "Status",
            "Gestart",
            "Afgerond",
            "Uitkomst",
            "Bedrag (euro)",
        ),
        [
            (
                i.soort.label,
                i.maatregel_label,
                org(i.eigenaar),
                i.status.label,
                _datum(i.gestart_op),
                _datum(i.afgerond_op),
                i.uitkomst.label if i.uitkomst else "",
                float(i.bedrag_euro) if i.bedrag_euro is not None else "",
            )
            for i in o.interventies
        ],
    )
    tijdlijn = Blad(
        "Tijdlijn",
        ("Datum", "Wat", "Wie"),
        [(_datum(m.tijd), m.wat, org(m.wie)) for m in o.tijdlijn],
    )
    return [overzicht_, subjecten, verzoeken, advies, interventies, tijdlijn]


def exporteer(ctx: Context, casus_id: str, formaat: str) -> bytes:
    """The overview as CSV or Excel; leaving the system is audited as such."""
    if formaat not in FORMATEN:
        raise OngeldigeInvoer({"formaat": "Kies CSV of Excel."})
    o = overzicht(ctx, casus_id)
    ctx.audit(f"casus exporteren ({formaat})", "toegestaan", casus=casus_id)
    return bladen(_bladen(ctx, o), formaat)
