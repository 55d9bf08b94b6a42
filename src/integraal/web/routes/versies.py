# SPDX-License-Identifier: EUPL-1.2
"""The pages every versioned document of beheer shares (the rule catalogue, the partner
register): its versions, a proposal's form, a version with its changes and effect, and the
privacy officer's judgement. Each document brings its service and its words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.beheer.catalogus import OordeelIn
from integraal.domein.invoer import Invoer
from integraal.verwerking import Context
from integraal.web.basis import (
    Csrf,
    Formulieren,
    Kruimel,
    Velden,
    Web,
    WebDep,
    kruimels,
    met_fouten,
)
from integraal.web.formulier import Formulierstaat


class _Versie(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def versie(self) -> str: ...
    @property
    def status(self) -> str: ...


class Dienst(Protocol):
    """What a versioned document's service offers (beheer.catalogus, beheer.register)."""

    def versies(self, ctx: Context) -> list[Any]: ...
    def tekst_in_werking(self, ctx: Context) -> str: ...
    def voorstel(self, ctx: Context, versie_id: int | str) -> Any: ...
    def beoordeel(self, ctx: Context, versie_id: int | str, invoer: OordeelIn) -> Any: ...


@dataclass(frozen=True)
class Document:
    """A versioned document's words on its pages."""

    wat: str  # "de deelregels"
    titel: str  # the crumb of the page in force: "Deelregels"
    pad: str  # "/regels"
    uitleg: str
    nieuw_uitleg: str
    tekst_label: str
    tekst_hint: str
    toelichting_hint: str
    niets_veranderd: str
    goedkeuren: str
    afwijzen: str
    datum: bool = False


def versieroutes(
    router: APIRouter,
    d: Document,
    dienst: Dienst,
    voorstel_in: type[Invoer],
    stel_voor: Callable[[Context, Any], _Versie],
    in_werking: Callable[[_Versie], tuple[str, str, tuple[str, ...]]],
) -> None:
    """The four pages of `d`'s versions on `router`. `in_werking(v)` words the confirmation
    of an approved version: title, text, what happens next."""

    def _kruimels(*stap: Kruimel) -> list[Kruimel]:
        start, *rest = kruimels("Versies", f"{d.pad}/versies", *stap)
        return [start, Kruimel(d.titel, d.pad), *rest]

    def versies(w: WebDep) -> Response:
        with w.context() as ctx:
            lijst = dienst.versies(ctx)
        return w.pagina("versies.html", d=d, versies=lijst, kruimels=_kruimels())

    def _nieuw(w: Web, f: Formulierstaat | None = None) -> Response:
        with w.context() as ctx:
            tekst = dienst.tekst_in_werking(ctx)
        return w.pagina(
            "versie_nieuw.html",
            d=d,
            f=f or Formulierstaat({"tekst": [tekst]}, {}),
            kruimels=_kruimels(Kruimel("Wijziging voorstellen")),
        )

    def nieuw(w: WebDep) -> Response:
        return _nieuw(w)

    def voorstellen(w: WebDep, velden: Velden) -> Response:
        def klaar(v: _Versie) -> Response:
            return w.bevestig(
                f"{d.pad}/versies/{v.id}",
                f"Versie {v.versie} voorgesteld",
                "Hieronder staat wat er verandert en welke besluiten van de "
                "referentieverzoeken anders uitvallen.",
                (
                    "Een privacy officer die de wijziging niet zelf voorstelde, beoordeelt haar.",
                    f"Tot de goedkeuring blijft de huidige versie van {d.wat} gelden.",
                ),
            )

        return w.verzend(
            voorstel_in, velden, stel_voor, opnieuw=lambda f: _nieuw(w, f), klaar=klaar
        )

    def _voorstel(w: Web, versie_id: str, formulieren: Formulieren | None = None) -> Response:
        with w.context() as ctx:
            v = dienst.voorstel(ctx, versie_id)
        fs = formulieren or {}
        return w.pagina(
            "versie.html",
            d=d,
            v=v,
            f=met_fouten(fs),
            fo=fs.get("oordeel", Formulierstaat()),
            kruimels=_kruimels(Kruimel(f"Versie {v.versie}")),
        )

    def voorstel(w: WebDep, versie_id: str) -> Response:
        return _voorstel(w, versie_id)

    def oordeel(w: WebDep, versie_id: str, velden: Velden) -> Response:
        def klaar(v: _Versie) -> Response:
            # In force in this process at once; the others follow within seconds.
            w.omgeving.volg_versies(meteen=True)
            if v.status == "afgewezen":
                return w.bevestig(
                    f"{d.pad}/versies/{v.id}",
                    f"Versie {v.versie} afgewezen",
                    f"De huidige versie van {d.wat} blijft gelden. Uw toelichting staat bij de "
                    "versie.",
                )
            titel, tekst, volgende = in_werking(v)
            naar = d.pad if v.status == "actief" else f"{d.pad}/versies/{v.id}"
            return w.bevestig(naar, titel, tekst, volgende)

        return w.verzend(
            OordeelIn,
            velden,
            lambda ctx, invoer: dienst.beoordeel(ctx, versie_id, invoer),
            opnieuw=lambda f: _voorstel(w, versie_id, {"oordeel": f}),
            klaar=klaar,
        )

    # A fixed path before the one with a parameter.
    pad, html = d.pad, HTMLResponse
    router.get(f"{pad}/versies", response_class=html)(versies)
    router.get(f"{pad}/versies/nieuw", response_class=html)(nieuw)
    router.post(f"{pad}/versies/nieuw", response_class=html, dependencies=[Csrf])(voorstellen)
    router.get(f"{pad}/versies/{{versie_id}}", response_class=html)(voorstel)
    router.post(f"{pad}/versies/{{versie_id}}/oordeel", response_class=html, dependencies=[Csrf])(
        oordeel
    )
