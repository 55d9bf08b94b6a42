# SPDX-License-Identifier: EUPL-1.2
"""Command line: one module per group of commands, each calling the services the API calls."""

from __future__ import annotations

from integraal.cli import (
    algemeen,
    bestuurlijk,
    demo,
    entiteit,
    gebruiker,
    kruisverwijzing,
    levering,
    logboek,
    monitor,
    poortwachters,
)
from integraal.cli.basis import app

for groep in (
    demo,
    levering,
    entiteit,
    logboek,
    gebruiker,
    monitor,
    kruisverwijzing,
    bestuurlijk,
    poortwachters,
):
    app.add_typer(groep.app, name=groep.NAAM)
algemeen.registreer(app)

__all__ = ["app"]
