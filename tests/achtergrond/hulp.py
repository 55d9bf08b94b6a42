# SPDX-License-Identifier: EUPL-1.2
"""A delivery large enough to watch in progress and to kill a worker halfway through."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from integraal.bronnen import ontvangst
from integraal.bronnen.importeren import Aanbod, bied_aan
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.domein.actor import Actor
from integraal.omgeving import Omgeving

KOP = (
    "dossiernummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;plaats;"
    "bedrijfsnaam;kvk;vergunning;functie\n"
)


def bsns_uit_de_testreeks() -> Iterator[str]:
    """BSNs from the BRP's test range (99999xxxx) that pass the eleven test."""
    for n in range(999990000, 1000000000):
        c = [int(t) for t in str(n)]
        if (sum(x * (9 - i) for i, x in enumerate(c[:8])) - c[8]) % 11 == 0:
            yield str(n)


def vergunningen(rijen: int) -> bytes:
    bsns = list(bsns_uit_de_testreeks())
    regels = [KOP]
    for i in range(rijen):
        regels.append(
            f"D{i};{bsns[i % len(bsns)]};Jan{i % 97};Jansen{i % 89};01-02-1980;Kerkstraat;"
            f"{i % 300 + 1};3011AA;Rotterdam;;;exploitatievergunning;\n"
        )
    return "".join(regels).encode()


def ontvangen_aanbod(omgeving: Omgeving, actor: Actor, inhoud: bytes) -> Aanbod:
    """Offered as the web offers it: the file received into the data folder first."""
    pad = ontvangst.ontvang(io.BytesIO(inhoud), omgeving.instellingen.data_dir, len(inhoud) + 1)
    aanbod = bied_aan(
        omgeving.context,
        actor,
        meegeleverde_mappings()["demo-gemeente-vergunningen"],
        "vergunningen.csv",
        pad,
        casus_id="C-1",
    )
    assert isinstance(aanbod, Aanbod), aanbod
    assert isinstance(aanbod.inhoud, Path)
    return aanbod


def politie_personen(n: int) -> bytes:
    """The same people as `vergunningen` (by name and date of birth), as the police deliver
    them: without BSN, so a matching run has pairs to find."""
    import json

    return "\n".join(
        json.dumps(
            {
                "id": f"p{i}",
                "schema": "Person",
                "properties": {
                    "name": [f"Jan{i % 97} Jansen{i % 89}"],
                    "birthDate": ["1980-02-01"],
                },
            }
        )
        for i in range(n)
    ).encode()
