# SPDX-License-Identifier: EUPL-1.2
"""The cross-referencing world (tests/kruiswereld.py) with a network around it: five companies
registered at Eva's address Havenweg 12, one account held by three unrelated people, one
director of three short-lived companies, and a company at the same address delivered in
another case, which the network of C-1 must not show."""

from __future__ import annotations

import random
from itertools import islice

import pytest

from integraal.demo.synthetisch import iban, test_bsns
from tests.conftest import Wereld, maak_actor
from tests.hulp import lever, maak_casus

_BSN = [b for b in islice(test_bsns(), 40) if b not in ("999990019", "999990020", "999990032")]
_IBAN = iban(random.Random(7))
KOP = (
    "dossiernummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;plaats;"
    "bedrijfsnaam;kvk;vergunning;functie\n"
)
HAVENWEG = KOP + "".join(
    f"H{i};{_BSN[i]};Bestuurder;Nummer {i};01-01-1970;Havenweg;12;3089KX;Rotterdam;"
    f"Haven {i} B.V.;9910000{i};exploitatievergunning;bestuurder\n"
    for i in range(1, 6)
)
VERBORGEN = KOP + (
    f"X1;{_BSN[6]};Verborgen;Persoon;01-01-1960;Havenweg;12;3089KX;Rotterdam;"
    "Verborgen Handel B.V.;99199999;exploitatievergunning;bestuurder\n"
)
REKENINGEN = (
    "regel;bsn;naam;geboortedatum;iban;bank\n"
    f"1;{_BSN[7]};L. Smit;1975-01-01;{_IBAN};Voorbeeldbank\n"
    f"2;{_BSN[8]};M. Bos;1982-02-02;{_IBAN};Voorbeeldbank\n"
    f"3;{_BSN[9]};N. Mulder;1991-03-03;{_IBAN};Voorbeeldbank\n"
)
_Q, _R = _BSN[10], _BSN[11]
BESTUURDERS = (
    "regel;bsn;naam;geboortedatum;kvk;bedrijfsnaam;opgericht;opgeheven;functie\n"
    f"1;{_Q};Q. de Graaf;1968-05-05;99200001;Snel 1 B.V.;2021-01-01;2021-11-30;bestuurder\n"
    f"2;{_Q};Q. de Graaf;1968-05-05;99200002;Snel 2 B.V.;2022-01-01;2023-06-30;bestuurder\n"
    f"3;{_Q};Q. de Graaf;1968-05-05;99200003;Snel 3 B.V.;2023-07-01;2024-02-29;bestuurder\n"
    f"4;{_Q};Q. de Graaf;1968-05-05;99200004;Blijvend B.V.;2001-01-01;;bestuurder\n"
    f"5;{_R};R. Kok;1979-07-07;99200005;Kort B.V.;2022-01-01;2022-06-30;bestuurder\n"
)


@pytest.fixture
def netwerkwereld(kruiswereld: Wereld) -> Wereld:
    w = kruiswereld
    o = w.omgeving
    belasting = maak_actor(o, "belasting2", "belastingdienst")
    maak_casus(
        o,
        "C-3",
        w.analist,
        titel="Andere casus",
        aanwijzingen="Een eigen melding over een ander pand.",
    )
    for actor, mapping, inhoud, casus in (
        (w.gemeente, "demo-gemeente-vergunningen", HAVENWEG, "C-1"),
        (w.gemeente, "demo-gemeente-vergunningen", VERBORGEN, "C-3"),
        (belasting, "demo-belastingdienst-rekeningen", REKENINGEN, "C-1"),
        (belasting, "demo-belastingdienst-bestuurders", BESTUURDERS, "C-1"),
    ):
        r = lever(
            o,
            actor,
            mapping,
            "netwerk.csv",
            inhoud.encode(),
            casus_id=casus,
        )
        assert r.status == "verwerkt", r.melding
    return w
