# SPDX-License-Identifier: EUPL-1.2
"""The standard person model, for scopes too small to estimate from (a case of sixty persons
holds too few pairs for EM). Estimated once on the synthetic Dutch set of the benchmark with
the person fields and keys of `personen`; regenerate with `python scripts/kruis_standaardmodel.py`
whenever a comparison's levels change (a test checks that they still fit)."""

from __future__ import annotations

import json
from importlib import resources

from integraal.kruis.model import Model

BESTAND = "standaardmodel.json"


def laad() -> Model:
    tekst = resources.files("integraal.kruis").joinpath("data", BESTAND).read_text("utf-8")
    return Model.uit_dict(json.loads(tekst))
