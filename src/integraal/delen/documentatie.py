# SPDX-License-Identifier: EUPL-1.2
"""The rule catalogue as readable Markdown (docs/deelregels.md is generated from this)."""

from __future__ import annotations

from integraal.delen.model import Catalogus, Effect, Herkomst, Partnerregister
from integraal.delen.voorwaarden import VOORWAARDEN

_HERKOMST = {
    Herkomst.WET: "wet",
    Herkomst.VEREENVOUDIGING: "eigen inperking",
    Herkomst.WET_EN_VEREENVOUDIGING: "wet, met eigen inperking",
}


def als_markdown(catalogus: Catalogus, register: Partnerregister) -> str:
    regels = [
        "# Deelregels",
        "",
        f"Catalogusversie {catalogus.versie}. Gegenereerd uit "
        "`src/integraal/delen/data/regels.yaml` met `make docs`; wijzig de YAML, niet dit bestand.",
        "",
        "Standaard geldt: **weigeren**. Een verbod gaat altijd voor een toestemming.",
        "",
    ]
    for r in catalogus.regels:
        g = r.grondslag
        regels += [f"## {r.id} — {r.titel}", ""]
        regels.append(
            f"- **Uitkomst:** {'verbod' if r.effect is Effect.WEIGEREN else 'toestaan'}"
            + ("" if r.in_werking else " (wet nog niet in werking: weigeren)")
        )
        regels.append(f"- **Herkomst:** {_HERKOMST[r.herkomst]}")
        cite = g.citeer() + (f" — <{g.url}>" if g.url else "")
        regels.append(f"- **Grondslag:** {cite}")
        regels.append(f"- **Van:** {', '.join(r.van)}; **aan:** {', '.join(r.aan)}")
        cats = ", ".join(c if c == "*" else catalogus.categorieen[c].label for c in r.categorieen)
        regels.append(f"- **Categorieën:** {cats}")
        doelen = ", ".join(d if d == "*" else catalogus.doelen[d] for d in r.doelen)
        regels.append(f"- **Doelen:** {doelen}")
        if r.geldig_van or r.geldig_tot:
            regels.append(f"- **Geldig:** {r.geldig_van or '…'} t/m {r.geldig_tot or '…'}")
        if r.voorwaarden:
            regels.append(
                "- **Voorwaarden:** " + "; ".join(VOORWAARDEN[v].label for v in r.voorwaarden)
            )
        p = r.verplichtingen
        extra = [
            x
            for x in (
                "vierogenprincipe" if p.vierogen else "",
                f"bewaartermijn {p.bewaartermijn}" if p.bewaartermijn else "",
                f"informeren: {p.notificatie}" if p.notificatie else "",
            )
            if x
        ]
        if extra and r.effect is Effect.TOESTAAN:
            regels.append("- **Verplichtingen:** vastleggen in het logboek; " + "; ".join(extra))
        if r.toelichting:
            regels += ["", r.toelichting.strip()]
        regels.append("")
    regels += [
        "## Gegevenscategorieën en bewaartermijnen",
        "",
        "Bewaartermijn in jaren na het sluiten van de casus (`integraal bewaartermijn`).",
        "",
        "| Categorie | Naam | Bijzonder | Bewaartermijn |",
        "|---|---|---|---|",
    ]
    for cid, c in catalogus.categorieen.items():
        bijzonder = "ja" if c.bijzonder else "nee"
        regels.append(f"| `{cid}` | {c.label} | {bijzonder} | {c.bewaartermijn_jaren} jaar |")
    regels += ["", "## Soorten organisaties", "", "| Soort | Naam | Groepen |", "|---|---|---|"]
    for sid, s in register.soorten.items():
        regels.append(f"| `{sid}` | {s.label} | {', '.join(s.groepen) or '—'} |")
    regels += _werkwijzen(catalogus, register)
    return "\n".join(regels) + "\n"


def _werkwijzen(catalogus: Catalogus, register: Partnerregister) -> list[str]:
    """How each partnership kind works, and who is designated by decree when."""
    regels = [
        "",
        "## Werkwijze per soort samenwerkingsverband",
        "",
        "Uit `src/integraal/delen/data/partners.yaml` (`werkwijze`); de diensten lezen dit.",
        "",
    ]
    for sid, s in register.soorten.items():
        w = s.werkwijze
        if w is None:
            continue
        cats = ", ".join(catalogus.categorie_label(c) for c in w.categorieen)
        regels += [
            f"### {s.label} (`{sid}`)",
            "",
            f"- **Doel:** {', '.join(catalogus.doelen[d] for d in w.alle_doelen)}",
            f"- **Onderdelen:** {'; '.join(o.label for o in w.onderdelen)}",
            f"- **Signalen van:** {', '.join(m.label for m in w.signaal_van) or 'niemand'}",
            f"- **Casus openen:** {', '.join(r.value for r in w.casus_openen) or 'geen casussen'}"
            + (" (aanwijzingen bij het openen)" if w.aanwijzingen_bij_openen else ""),
            f"- **Categorieën:** {cats}",
            f"- **Bewaartermijn:** {w.bewaartermijn_jaren} jaar na sluiten",
            f"- **Vier ogen bij:** {'; '.join(v.label for v in w.vierogen) or '—'}",
            "- **Betrokkene informeren:** "
            + ("ja, of uitstellen met reden" if w.informeren else "nee"),
        ]
        if w.toelichting:
            regels += ["", w.toelichting.strip()]
        regels.append("")
    if register.aanwijzingen:
        regels += [
            "## Aanwijzingen bij besluit",
            "",
            "| Verband | Deelnemers | Geldig van | Geldig tot | Bron |",
            "|---|---|---|---|---|",
        ]
        for a in register.aanwijzingen:
            namen = ", ".join(register.naam(d) for d in a.deelnemers)
            regels.append(
                f"| {register.naam(a.verband)} | {namen} | {a.geldig_van} | "
                f"{a.geldig_tot or '—'} | {a.bron} |"
            )
    return regels
