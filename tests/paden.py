# SPDX-License-Identifier: EUPL-1.2
"""Paths as route kinds: the walks over every page (tests/browser/test_paginas.py and
tests/web/test_rondgang.py) visit a route a few times, not every case, entity or indicator."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Ids in a path, replaced by a placeholder so a route counts once. Indicator codes and
# document keys are ids too: their pages share one template.
_IDS = (
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "{uuid}"),
    (re.compile(r"\b[A-Z]+(?:-[A-Z]+)*-\d{4}-\d+\b"), "{kenmerk}"),
    (re.compile(r"(?<=/indicatoren/)(?!nieuw$)[^/.]+(?=/definitie$|$)"), "{code}"),
    (re.compile(r"(?<=/verbanden/)[^/.]+$"), "{verband}"),
    (re.compile(r"(?<=/)[^/]*[0-9a-f]{12,}[^/]*(?=/|$)"), "{hex}"),
    (re.compile(r"(?<=/)\d+(?=/|$)"), "{nr}"),
)


def patroon(pad: str) -> str:
    kaal = urlsplit(pad).path
    for uitdrukking, plek in _IDS:
        kaal = uitdrukking.sub(plek, kaal)
    return kaal


def soort(pad: str) -> str:
    """What discovery counts per user: the route and which query parameters it has (a
    network page centred on a node is another kind of page than the plain one)."""
    namen = sorted({deel.split("=")[0] for deel in urlsplit(pad).query.split("&") if deel})
    return patroon(pad) + ("?" + "&".join(namen) if namen else "")
