# SPDX-License-Identifier: EUPL-1.2
"""The start page: each role starts from its tasks."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal import taken
from integraal.casus import casussen
from integraal.casus.casussen import CasusFilter
from integraal.domein.casus import CasusStatus
from integraal.domein.rollen import Rol
from integraal.toegang import poortwachters as deur
from integraal.web.basis import WebDep

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def start(w: WebDep) -> Response:
    with w.context() as ctx:
        mijn_taken = taken.mijn_taken(ctx)
        open_ = casussen.lijst(ctx, CasusFilter(status=CasusStatus.OPEN))
        acties = _acties(ctx.ik.rol, deur.is_fiu(ctx))
    return w.pagina(
        "start.html", taken=mijn_taken, casussen=open_[:10], meer=len(open_) > 10, acties=acties
    )


def _acties(rol: Rol, fiu: bool) -> list[tuple[str, str]]:
    """What a gatekeeper, a policy officer or a privacy officer starts with: the forms of
    their own work."""
    if fiu:
        return [("Opschorting van een transactie verzoeken", "/opschortingen/nieuw")]
    return {
        Rol.MELDER: [
            ("Een ongebruikelijke transactie melden", "/meldingen/nieuw"),
            ("Een goAML-bestand melden", "/meldingen/goaml"),
        ],
        Rol.NOTARIS: [
            ("Een ongebruikelijke transactie melden", "/meldingen/nieuw"),
            ("Een geweigerde cliënt vastleggen", "/weigeringen/nieuw"),
            ("Andere notarissen vragen", "/weigeringen/vraag"),
        ],
        Rol.REGISTERBEHEERDER: [
            ("Een persoon inschrijven", "/waarschuwingsregister/registraties/nieuw")
        ],
        Rol.SCREENER: [("Het register raadplegen", "/waarschuwingsregister/raadplegen")],
        Rol.CONTACTPUNT: [("Een signaal melden", "/signalen/nieuw")],
        Rol.BELEIDSMEDEWERKER: [
            ("Preventie met Gezag: uitvraag uitzetten en opgaven volgen", "/pmg"),
            ("De voortgangsrapportage bekijken", "/monitor/rapport"),
        ],
        Rol.PRIVACY_OFFICER: [
            ("Integriteitsmeldingen beoordelen", "/integriteit"),
            ("Een persoon afschermen", "/afscherming"),
            ("De deelregels en voorgestelde wijzigingen bekijken", "/regels/versies"),
            (
                "Het partnerregister en voorgestelde wijzigingen bekijken",
                "/partnerregister/versies",
            ),
        ],
        Rol.FUNCTIONEEL_BEHEERDER: [
            ("Een collega uitnodigen", "/beheer/gebruikers/nieuw"),
            ("Een leveringsafspraak opstellen uit een voorbeeldbestand", "/beheer/mappings/nieuw"),
            ("Een wijziging van de deelregels voorstellen", "/regels/versies/nieuw"),
            ("Een wijziging van het partnerregister voorstellen", "/partnerregister/versies/nieuw"),
        ],
    }.get(rol, [])
