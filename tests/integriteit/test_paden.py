# SPDX-License-Identifier: EUPL-1.2
"""Every route that shows an integrity alert or a shielded person, through web and API: the
privacy officer of the organisation sees it and the look is logged; a colleague, another
organisation and the user concerned see nothing and add no log line (issue 20)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from integraal.domein.integriteit import Afschermingssoort
from integraal.integriteit import afscherming
from integraal.integriteit.afscherming import AfschermingIn
from integraal.toegang import Leesvraag, lees_entiteit
from integraal.verwerking import Kanaal
from tests.api.test_leespaden import INTEGRITEIT_PADEN
from tests.conftest import BSN_JAN, Wereld
from tests.hulp import doe, logaantal, roep
from tests.integriteit.test_integriteit import _jan

MERK = "bewaarder (fictief)"


@pytest.fixture
def met_melding(met_levering: Wereld) -> Wereld:
    w = met_levering
    doe(
        w.omgeving,
        w.privacy,
        afscherming.voeg_toe,
        AfschermingIn(
            kenmerk=BSN_JAN,
            soort=Afschermingssoort.FUNCTIONARIS,
            omschrijving=MERK,
            reden="Bedreigd na een incident; extra bescherming nodig.",
        ),
    )
    with w.omgeving.context(w.analist, Kanaal.API, reden="Reden-XYZ") as ctx:
        lees_entiteit(ctx, Leesvraag("integrale_aanpak", "C-1"), _jan(w))
    return w


def test_integriteitspaden_alleen_voor_de_privacy_officer(
    met_melding: Wereld, client: TestClient
) -> None:
    w = met_melding
    paden = {
        "/api/v1/integriteit/meldingen": "Reden-XYZ",
        "/api/v1/integriteit/meldingen/1": "Reden-XYZ",
        "/integriteit": "Gegevens van een afgeschermde persoon gelezen",
        "/integriteit/meldingen/1": "Reden-XYZ",
        "/api/v1/afscherming": MERK,
        "/afscherming": MERK,
    }
    assert {("GET", p.replace("/1", "/{melding_id}")) for p in paden} == INTEGRITEIT_PADEN
    for pad, kenmerk in paden.items():
        voor = logaantal(w.omgeving)
        r = roep(client, "GET", pad, None, w.privacy)
        assert r.status_code == 200 and kenmerk in r.text, pad
        assert logaantal(w.omgeving) > voor, f"{pad}: de blik van de privacy officer is gelogd"
        for ander in (w.analist, w.buitenstaander, w.andere_riec):
            voor = logaantal(w.omgeving)
            r = roep(client, "GET", pad, None, ander)
            assert kenmerk not in r.text, (pad, ander.gebruikersnaam)
            assert logaantal(w.omgeving) == voor, (pad, ander.gebruikersnaam)
