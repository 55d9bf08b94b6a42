# SPDX-License-Identifier: EUPL-1.2
"""The web application: Dutch, server-rendered pages behind a session login."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from types import ModuleType

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from integraal.gebruikers.sso import laad_aanbieders
from integraal.monitor import rapport
from integraal.monitor.rapportwerk import Rapportbord
from integraal.omgeving import Omgeving
from integraal.web import fouten
from integraal.web.routes import (
    beslag,
    bestuurlijk,
    casussen,
    deelverzoeken,
    delen,
    entiteiten,
    gebruikersbeheer,
    inloggen,
    integriteit,
    interventies,
    knelpunten,
    kruisverwijzing,
    leveringen,
    logboek,
    mappingbeheer,
    monitor,
    monitorbeheer,
    netwerk,
    pmg,
    poortwachters,
    rapportages,
    regels,
    signaalronden,
    signalen,
    sso,
    start,
    verbanden,
)
from integraal.web.sessies import STATISCH, Sessies

# Mounted in this order: within an area, a fixed path comes before one with a parameter.
GEBIEDEN: tuple[ModuleType, ...] = (inloggen, sso, gebruikersbeheer, start, delen, entiteiten)
GEBIEDEN += (logboek, leveringen, mappingbeheer)
GEBIEDEN += (signalen, casussen, deelverzoeken, interventies, kruisverwijzing, netwerk)
GEBIEDEN += (
    beslag,
    monitorbeheer,
    monitor,
    knelpunten,
    rapportages,
    signaalronden,
    verbanden,
    bestuurlijk,
)
GEBIEDEN += (poortwachters, integriteit, pmg, regels)


def maak_web(omgeving: Omgeving) -> FastAPI:
    web = FastAPI(openapi_url=None, docs_url=None, redoc_url=None, redirect_slashes=False)
    web.state.omgeving = omgeving
    web.state.rapporten = Rapportbord(
        omgeving.fabriek, omgeving.instellingen.data_dir / rapport.MAP
    )
    inst = omgeving.instellingen
    # Single sign-on providers, checked against the partner register before anyone signs in.
    web.state.sso = (
        laad_aanbieders(inst.oidc_bestand, {o.id for o in omgeving.beslisser.register.organisaties})
        if inst.oidc_bestand
        else {}
    )
    web.add_middleware(
        Sessies,
        fabriek=omgeving.fabriek,
        inactief=dt.timedelta(minutes=inst.sessie_inactief_minuten),
        maximaal=dt.timedelta(hours=inst.sessie_max_uren),
    )
    web.mount(
        STATISCH.rstrip("/"),
        StaticFiles(directory=str(resources.files("integraal.web").joinpath("static"))),
        name="static",
    )

    fouten.registreer(web)

    for gebied in GEBIEDEN:
        web.include_router(gebied.router)
    return web
