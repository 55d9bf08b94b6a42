# SPDX-License-Identifier: EUPL-1.2
"""Loading the shipped (or a given) rule catalogue and partner register."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from integraal.delen.evaluator import Beslisser
from integraal.delen.model import Catalogus, Partnerregister
from integraal.domein import yamltekst


def _lees(path: Path | None, naam: str) -> object:
    if path is None:
        text = resources.files("integraal.delen.data").joinpath(naam).read_text("utf-8")
    else:
        text = path.read_text("utf-8")
    return yamltekst.lees(text)


def laad_catalogus(path: Path | None = None) -> Catalogus:
    return Catalogus.model_validate(_lees(path, "regels.yaml"))


def laad_register(path: Path | None = None) -> Partnerregister:
    return Partnerregister.model_validate(_lees(path, "partners.yaml"))


@cache
def standaard_beslisser() -> Beslisser:
    return Beslisser(laad_catalogus(), laad_register())
