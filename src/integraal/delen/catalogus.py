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


def catalogus_uit_tekst(tekst: str) -> Catalogus:
    """A catalogue from its YAML text (a stored version, a proposal); raises on bad text."""
    return Catalogus.model_validate(yamltekst.lees(tekst))


def meegeleverde_tekst() -> str:
    """The catalogue shipped with this version of Integraal: the seed of an installation."""
    return resources.files("integraal.delen.data").joinpath("regels.yaml").read_text("utf-8")


def laad_register(path: Path | None = None) -> Partnerregister:
    return Partnerregister.model_validate(_lees(path, "partners.yaml"))


def register_uit_tekst(tekst: str) -> Partnerregister:
    """A partner register from its YAML text (a stored version, a proposal); raises on bad
    text."""
    return Partnerregister.model_validate(yamltekst.lees(tekst))


def meegeleverde_registertekst() -> str:
    """The partner register shipped with this version of Integraal."""
    return resources.files("integraal.delen.data").joinpath("partners.yaml").read_text("utf-8")


@cache
def standaard_beslisser() -> Beslisser:
    return Beslisser(laad_catalogus(), laad_register())
