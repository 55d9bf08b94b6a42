# SPDX-License-Identifier: EUPL-1.2
"""The standard person model, for scopes too small to estimate from (a case of sixty persons
holds too few pairs for EM). Estimated once on the synthetic Dutch set of the benchmark with
the person fields and keys of `personen`; regenerate with `python scripts/kruis_standaardmodel.py`
whenever a comparison's levels change (a test checks that they still fit)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources

from integraal.kruis.blokken import Sleutel
from integraal.kruis.koppel import Uitkomst, alle_paren, koppel
from integraal.kruis.model import Model, globale_prior, som_van
from integraal.kruis.tabel import Tabel

BESTAND = "standaardmodel.json"


def laad() -> Model:
    tekst = resources.files("integraal.kruis").joinpath("data", BESTAND).read_text("utf-8")
    return Model.uit_dict(json.loads(tekst))


def koppel_met_standaardmodel(t: Tabel, sleutels: Sequence[Sleutel], *, koppelen: bool) -> Uitkomst:
    """A run on a scope too small to estimate from: the standard model, its prior fitted to
    this scope."""
    model = laad()
    uitkomst = koppel(t, sleutels, koppelen=koppelen, model=model)
    oud = model.basisgewicht
    bewijs = uitkomst.gewicht - oud
    model.prior = max(globale_prior(som_van(bewijs), len(bewijs), alle_paren(t, koppelen)), 1e-6)
    # The prior only moves the base weight: shift the scores instead of scoring again.
    uitkomst.gewicht = uitkomst.gewicht + (model.basisgewicht - oud)
    return uitkomst
