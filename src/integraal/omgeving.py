# SPDX-License-Identifier: EUPL-1.2
"""Composition root: settings, database, rule engine. API, web, CLI and tests start here."""

from __future__ import annotations

from dataclasses import dataclass

from integraal.bronnen.importeren import herstel_onderbroken
from integraal.delen import Beslisser, standaard_beslisser
from integraal.instellingen import Instellingen, instellingen
from integraal.opslag import beheer
from integraal.opslag.db import Database, Sessiefabriek, maak_engine, maak_sessiefabriek, transactie
from integraal.opslag.modellen import Organisatie
from integraal.opslag.schema import migreer


@dataclass
class Omgeving:
    instellingen: Instellingen
    database: Database
    fabriek: Sessiefabriek
    beslisser: Beslisser

    @property
    def pseudoniem_sleutel(self) -> bytes:
        return self.instellingen.pseudoniem_sleutel_bytes()


def maak_omgeving(
    config: Instellingen | None = None,
    *,
    beslisser: Beslisser | None = None,
    initialiseer: bool = True,
) -> Omgeving:
    config = config or instellingen()
    database = maak_engine(config.database)
    omgeving = Omgeving(
        config, database, maak_sessiefabriek(database), beslisser or standaard_beslisser()
    )
    if initialiseer:
        initialiseer_database(omgeving)
    return omgeving


def initialiseer_database(omgeving: Omgeving) -> None:
    migreer(omgeving.database)
    with transactie(omgeving.fabriek) as sessie:
        beheer.synchroniseer_organisaties(
            sessie,
            (
                Organisatie(id=o.id, naam=o.naam, soort=o.soort, regio=o.regio)
                for o in omgeving.beslisser.register.organisaties
            ),
        )
    herstel_onderbroken(omgeving.fabriek)
