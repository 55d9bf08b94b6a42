# SPDX-License-Identifier: EUPL-1.2
"""The rule catalogue and the partner register: what is in force, for everyone signed in;
proposals, their effect and the privacy officer's approval for the privacy officer and the
functioneel beheerder (the shared pages in `versies`)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.beheer import catalogus as regeldienst
from integraal.beheer import register as registerdienst
from integraal.beheer.catalogus import VersieUit, VoorstelIn
from integraal.beheer.register import RegisterversieUit, RegistervoorstelIn
from integraal.web.basis import Kruimel, WebDep
from integraal.web.routes.versies import Document, versieroutes

router = APIRouter()

_REFERENTIES = "Na het voorstellen ziet u wat er verandert en welke besluiten van de "
_REFERENTIES += "referentieverzoeken anders uitvallen."

REGELS = Document(
    wat="de deelregels",
    titel="Deelregels",
    pad="/regels",
    uitleg="Een wijziging van de regels is een nieuwe versie van de hele catalogus. Een "
    "privacy officer die haar niet zelf voorstelde, beoordeelt haar voordat ze in werking "
    "treedt.",
    nieuw_uitleg="Hieronder staat de catalogus die nu in werking is. Pas de regels aan en "
    f"verhoog het versienummer bovenaan. {_REFERENTIES}",
    tekst_label="De regelcatalogus (YAML)",
    tekst_hint="De hele catalogus, met een hoger versienummer bovenaan (versie).",
    toelichting_hint="Bijvoorbeeld de wet of het convenant dat verandert, en vanaf wanneer.",
    niets_veranderd="Geen regel verandert; alleen het versienummer of de volgorde.",
    goedkeuren="Goedkeuren: deze versie treedt direct in werking",
    afwijzen="Afwijzen: de huidige regels blijven gelden",
)

REGISTER = Document(
    wat="het partnerregister",
    titel="Partnerregister",
    pad="/partnerregister",
    uitleg="Een wijziging van het register (organisaties, soorten, samenwerkingsverbanden, "
    "aanwijzingen, convenanten) is een nieuwe versie van het hele register, met de dag "
    "waarop ze ingaat. Een privacy officer die haar niet zelf voorstelde, beoordeelt haar.",
    nieuw_uitleg="Hieronder staat het register dat nu in werking is. Pas het aan en verhoog "
    f"het versienummer bovenaan. {_REFERENTIES}",
    tekst_label="Het partnerregister (YAML)",
    tekst_hint="Het hele register, met een hoger versienummer bovenaan (versie).",
    toelichting_hint="Bijvoorbeeld het besluit, de aanwijzing of het convenant dat verandert.",
    niets_veranderd="Niets in het register verandert; alleen het versienummer of de volgorde.",
    goedkeuren="Goedkeuren: deze versie geldt vanaf de gekozen dag",
    afwijzen="Afwijzen: het huidige register blijft gelden",
    datum=True,
)


def _regels_in_werking(v: object) -> tuple[str, str, tuple[str, ...]]:
    assert isinstance(v, VersieUit)
    return (
        f"Versie {v.versie} is in werking",
        "Besluiten vanaf nu volgen deze regels en noemen deze versie.",
        ("Eerdere besluiten blijven de versie noemen waaronder ze zijn genomen.",),
    )


def _register_in_werking(v: object) -> tuple[str, str, tuple[str, ...]]:
    assert isinstance(v, RegisterversieUit)
    if v.status == "actief":
        return (
            f"Versie {v.versie} van het partnerregister is in werking",
            "Besluiten vanaf nu volgen dit register en noemen deze versie.",
            ("Nieuwe organisaties kunnen nu gebruikers krijgen.",),
        )
    vanaf = f"{v.geldig_van:%d-%m-%Y}" if v.geldig_van else ""
    return (
        f"Versie {v.versie} van het partnerregister is goedgekeurd",
        f"Ze geldt vanaf {vanaf}. Tot dan blijft het huidige register gelden.",
        ("Op die dag nemen alle onderdelen van Integraal haar vanzelf over.",),
    )


@router.get("/regels", response_class=HTMLResponse)
def regels(w: WebDep) -> Response:
    with w.context() as ctx:
        catalogus = regeldienst.in_werking(ctx)
        beheert = ctx.ik.rol in regeldienst.VOORSTELLERS
    return w.pagina(
        "regels.html",
        catalogus=catalogus,
        beheert=beheert,
        kruimels=[Kruimel("Start", "/"), Kruimel("Deelregels")],
    )


@router.get("/partnerregister", response_class=HTMLResponse)
def partnerregister(w: WebDep) -> Response:
    with w.context() as ctx:
        register = registerdienst.in_werking(ctx)
        beheert = ctx.ik.rol in regeldienst.VOORSTELLERS
    return w.pagina(
        "partnerregister.html",
        register=register,
        beheert=beheert,
        kruimels=[Kruimel("Start", "/"), Kruimel("Partnerregister")],
    )


versieroutes(router, REGELS, regeldienst, VoorstelIn, regeldienst.stel_voor, _regels_in_werking)
versieroutes(
    router,
    REGISTER,
    registerdienst,
    RegistervoorstelIn,
    registerdienst.stel_voor,
    _register_in_werking,
)
