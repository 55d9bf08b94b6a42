# SPDX-License-Identifier: EUPL-1.2
"""What a hostile probe of issue 20 found, kept as tests: the network view showed a shielded
person's address, one request raised several alerts, a coordinator could confirm their own
access with "rol:06", a superscript digit crashed a route, a privacy officer could look up
what was processed about themselves, a begin date skipped lines for good, and the signal list
showed a shielded person's postcode."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.casus import signalen
from integraal.casus.signalen import Kenmerk, KenmerkSoort, SignaalIn
from integraal.domein.fouten import Conflict, GeenToegang, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.integriteit import controle, toegangsreview
from integraal.integriteit.toegangsreview import ReviewIn
from integraal.toegang.inzage import InzageVraag, inzage_verzoek
from integraal.verwerking import Kanaal
from tests.conftest import BSN_JAN, Wereld, maak_actor
from tests.hulp import doe, token
from tests.integriteit.test_integriteit import _alerts, _jan, _scherm_jan_af


def test_het_netwerk_toont_geen_adres_en_meldt_een_keer(
    met_levering: Wereld, client: TestClient
) -> None:
    w = met_levering
    h = token(client, w.analist)
    pad = f"/api/v1/casussen/C-1/netwerk/knopen/{_jan(w)}"
    assert "Kerkstraat" in client.get(pad, headers=h).text
    _scherm_jan_af(w)
    r = client.get(pad, headers=h)
    assert r.status_code == 200 and "Kerkstraat" not in r.text
    assert [a.regel for a in _alerts(w)] == ["AFGESCHERMD"]


def test_een_coordinator_bevestigt_nooit_de_eigen_toegang(wereld: Wereld) -> None:
    coord = maak_actor(wereld.omgeving, "coordinator", "riec-rotterdam", Rol.COORDINATOR)
    for sleutel in (f"rol:0{coord.gebruiker_id}", f"lid:C-1:{coord.gebruiker_id}", "rol:²"):
        with pytest.raises(OngeldigeInvoer, match=r"eigen toegang|bestaat niet meer"):
            doe(wereld.omgeving, coord, toegangsreview.herzie, ReviewIn(gekozen=[sleutel]))


@pytest.mark.parametrize(
    "pad", ["/api/v1/integriteit/meldingen/²", "/api/v1/integriteit/meldingen/٦"]
)
def test_een_vreemd_cijfer_is_niet_gevonden(wereld: Wereld, client: TestClient, pad: str) -> None:
    assert client.get(pad, headers=token(client, wereld.privacy)).status_code == 404


def test_geen_inzage_in_wat_over_uzelf_is_verwerkt(wereld: Wereld) -> None:
    tweede = maak_actor(wereld.omgeving, "privacy2", "riec-rotterdam", Rol.PRIVACY_OFFICER)
    with pytest.raises(GeenToegang, match="andere privacy officer"):
        doe(
            wereld.omgeving,
            tweede,
            inzage_verzoek,
            InzageVraag(betrokkene=f"gebruiker:{tweede.gebruiker_id}"),
        )
    # A user of another organisation is not this officer's to look up either.
    with pytest.raises(GeenToegang, match="geen medewerker"):
        doe(
            wereld.omgeving,
            wereld.privacy,
            inzage_verzoek,
            InzageVraag(betrokkene=f"gebruiker:{wereld.andere_riec.gebruiker_id}"),
        )
    doe(
        wereld.omgeving,
        wereld.privacy,
        inzage_verzoek,
        InzageVraag(betrokkene=f"gebruiker:{tweede.gebruiker_id}"),
    )


def test_een_begindatum_alleen_bij_de_eerste_controle(wereld: Wereld) -> None:
    o = wereld.omgeving
    with o.context(None, Kanaal.CLI) as ctx:
        controle.voer_uit(ctx)
    morgen = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(Conflict), o.context(None, Kanaal.CLI) as ctx:
        controle.voer_uit(ctx, vanaf=morgen)


def test_de_signaallijst_toont_geen_postcode_van_een_afgeschermde(met_levering: Wereld) -> None:
    w = met_levering
    doe(
        w.omgeving,
        w.gemeente,
        signalen.dien_in,
        SignaalIn(
            verband="riec-rotterdam",
            omschrijving="Melding over woning",
            kenmerken=[
                Kenmerk(soort=KenmerkSoort.BSN, waarde=BSN_JAN),
                Kenmerk(soort=KenmerkSoort.POSTCODE, waarde="3011AA"),
            ],
        ),
    )
    _scherm_jan_af(w)
    lijst = doe(w.omgeving, w.analist, signalen.lijst)
    assert lijst and all(k.soort is not KenmerkSoort.POSTCODE for s in lijst for k in s.kenmerken)
    # Nothing was written back: the stored signal still has its postcode.
    from integraal.opslag.modellen import Signaal

    with sa.orm.Session(w.omgeving.database) as s:
        opgeslagen = s.scalars(sa.select(Signaal)).all()
    assert any(k["soort"] == "postcode" for x in opgeslagen for k in x.kenmerken)
