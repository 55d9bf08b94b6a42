# SPDX-License-Identifier: EUPL-1.2
"""Every code a person can see has a Dutch word: a member without a label cannot exist."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import integraal
from integraal.domein.keuze import Keuze


def _keuzes() -> list[type[Keuze]]:
    gevonden: dict[str, type[Keuze]] = {}
    for mod in pkgutil.walk_packages(integraal.__path__, "integraal."):
        if ".migraties" in mod.name:
            continue
        for waarde in vars(importlib.import_module(mod.name)).values():
            if isinstance(waarde, type) and issubclass(waarde, Keuze) and waarde is not Keuze:
                gevonden[f"{waarde.__module__}.{waarde.__qualname__}"] = waarde
    return [gevonden[k] for k in sorted(gevonden)]


KEUZES = _keuzes()


def test_de_statussen_en_soorten_zijn_keuzes() -> None:
    """The enumerations people see are all here (a new one that is not a Keuze is a bug)."""
    namen = {k.__name__ for k in KEUZES}
    assert {"CasusStatus", "SignaalStatus", "BeslagStatus", "Paarstatus", "TKStatus"} <= namen
    assert len(KEUZES) >= 25


@pytest.mark.parametrize("keuze", KEUZES, ids=lambda k: k.__name__)
def test_elk_lid_heeft_een_nederlands_woord(keuze: type[Keuze]) -> None:
    for lid in keuze:
        assert lid.label, f"{keuze.__name__}.{lid.name} heeft geen label"
        assert "_" not in lid.label, f"{keuze.__name__}.{lid.name}: {lid.label!r}"
        assert lid.label == lid.label.strip()
        # Looking a member up by its code still works (forms and JSON send the code).
        assert keuze(lid.value) is lid
    assert keuze.keuzes() == [(lid.value, lid.label) for lid in keuze]
