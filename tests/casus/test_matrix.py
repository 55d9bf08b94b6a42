# SPDX-License-Identifier: EUPL-1.2
"""Routes × roles × organisation × case membership: an unauthorised user gets nothing.

Reads are tried by every user; mutations only by users who must be refused (so nothing
changes between calls). For each refusal: an error status, no personal data in the answer,
and no line in the processing log.
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.casus import casussen, signalen
from integraal.casus.casussen import SubjectIn
from integraal.casus.signalen import SignaalIn
from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Casus, Statement
from tests.conftest import BSN_KLAAS, Wereld, maak_actor
from tests.hulp import doe, lever, logaantal, maak_casus, roep


@pytest.fixture
def matrix(met_levering: Wereld) -> dict[str, Any]:
    w = met_levering
    o = w.omgeving
    users = {
        "lid": w.analist,
        "niet_lid": w.buitenstaander,
        "coordinator": maak_actor(o, "coordinator", "riec-rotterdam", Rol.COORDINATOR),
        "privacy": w.privacy,
        "beleid": maak_actor(o, "beleid", "riec-rotterdam", Rol.BELEIDSMEDEWERKER),
        "ander_riec": w.andere_riec,
        "gemeente": w.gemeente,
        "politie": maak_actor(o, "politie", "politie"),
        # The other partnerships: none of them sees anything of the RIEC's case, and the RIEC
        # sees nothing of the Zorg- en Veiligheidshuis's.
        "zvh_lid": maak_actor(o, "zvh.lid", "zvh-rotterdam-rijnmond"),
        "zvh_coord": maak_actor(o, "zvh.coord", "zvh-rotterdam-rijnmond", Rol.COORDINATOR),
        "zorg": maak_actor(o, "zorg", "zorgpartner-ggz-fictief"),
        "fec": maak_actor(o, "fec.analist", "fec"),
        "icov": maak_actor(o, "icov.analist", "icov"),
        # The municipality's instruments: each dossier is its own adviser's only.
        "bibob": maak_actor(o, "bibob", "gemeente-rotterdam", Rol.BIBOB_ADVISEUR),
        "oov": maak_actor(o, "oov", "gemeente-rotterdam", Rol.OOV_ADVISEUR),
    }
    maak_casus(o, "Z-1", users["zvh_lid"], verband="zvh-rotterdam-rijnmond")
    with transactie(o.fabriek) as s:
        z = s.get(Casus, "Z-1")
        assert z is not None
        z.doel = "complexe_casus"
    r = lever(
        o,
        users["zorg"],
        "demo-zorgpartner-zorg",
        "zorg.csv",
        f"bsn;naam;zorg\n{BSN_KLAAS};Zus Zorgdrager;Behandeling loopt.\n".encode(),
        casus_id="Z-1",
    )
    assert r.status == "verwerkt", r.melding
    with transactie(o.fabriek) as s:
        jan = str(
            s.scalars(
                sa.select(Statement.entity_id).where(Statement.value == "Jan de Vries")
            ).first()
        )
    signaal = doe(
        o,
        w.gemeente,
        signalen.dien_in,
        SignaalIn(
            verband="riec-rotterdam",
            omschrijving="Jan de Vries en veel contant geld in het pand.",
        ),
    ).id
    doe(o, w.analist, casussen.koppel_subject, "C-1", SubjectIn(entiteit_id=jan))
    with transactie(o.fabriek) as s:
        zus = str(
            s.scalars(
                sa.select(Statement.entity_id).where(Statement.value == "Zus Zorgdrager")
            ).first()
        )
    return {
        "w": w,
        "users": users,
        "jan": jan,
        "zus": zus,
        "signaal": signaal,
        **_bestuur(o, users),
    }


def _bestuur(omg: Any, users: dict[str, Actor]) -> dict[str, str]:
    """A Bibob procedure with an extract for the RIEC, a police report, a closure and a claim."""
    from integraal.bestuurlijk import bibob, sluitingen, vorderingen
    from integraal.casus.signalen import Kenmerk, KenmerkSoort

    o = users["bibob"]
    p = doe(
        omg,
        o,
        bibob.start,
        bibob.BibobIn(
            aanleiding="vergunning",
            onderwerp="Exploitatievergunning, zaak Z-9",
            aanvrager="Kadehoek Matrix B.V.",
            kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde="99000041")],
        ),
    )
    doe(
        omg, o, bibob.deel_extract, p.id, bibob.ExtractIn(extract="Hulp bij de zeggenschap, graag.")
    )
    r = doe(
        omg,
        users["politie"],
        sluitingen.stuur_rapportage,
        sluitingen.RapportageIn(
            gemeente="gemeente-rotterdam",
            grond="geweld",
            bag_id="9999010000041414",
            adres="Matrixstraat 1, Voorbeeldstad",
            feiten_op="01-11-2026",
            samenvatting="Explosief tot ontploffing gebracht bij de voordeur.",
        ),
    )
    s = doe(omg, users["oov"], sluitingen.bereid_voor, r.id, sluitingen.SluitingIn())
    v = doe(
        omg,
        users["oov"],
        vorderingen.leg_op,
        vorderingen.VorderingIn(
            soort="bestuurlijke_boete",
            schuldenaar="Kadehoek Matrix B.V.",
            omschrijving="Overtreding van de APV.",
            bedrag_euro="100",
        ),
    )
    return {"procedure": p.id, "rapportage": r.id, "sluiting": s.id, "vordering": v.id}


# A person in the RIEC's case and one in the Zorg- en Veiligheidshuis's; an applicant and an
# address in the municipality's dossiers.
NAMEN = ("Jan de Vries", "Zus Zorgdrager", "Kadehoek Matrix", "Matrixstraat 1")


# (method, path, body, users allowed)
def _lezen(m: dict[str, Any]) -> list[tuple[str, str, dict[str, Any] | None, set[str]]]:
    return [
        ("GET", "/api/v1/casussen/C-1", None, {"lid", "coordinator"}),
        # The municipality delivered Jan's record itself (EIGEN-LEVERING): it may see it back.
        (
            "GET",
            f"/api/v1/entiteiten/{m['jan']}?doel=integrale_aanpak&casusId=C-1",
            None,
            {"lid", "gemeente", "bibob", "oov"},
        ),
        (
            "POST",
            "/api/v1/entiteiten/_zoek",
            {"doel": "integrale_aanpak", "casusId": "C-1", "zoekterm": "vries"},
            {"lid", "gemeente", "bibob", "oov"},
        ),
        ("GET", "/api/v1/signalen", None, {"lid", "niet_lid", "coordinator"}),
        ("GET", f"/api/v1/signalen/{m['signaal']}", None, {"lid", "niet_lid", "coordinator"}),
        ("GET", "/casussen/C-1", None, {"lid", "coordinator"}),
        ("GET", "/casussen/C-1/export.csv", None, {"lid", "coordinator"}),
        # The Zorg- en Veiligheidshuis's complex case: its member, its coordinator, and the care
        # partner that delivered the record itself.
        ("GET", "/api/v1/casussen/Z-1", None, {"zvh_lid", "zvh_coord"}),
        ("GET", "/casussen/Z-1", None, {"zvh_lid", "zvh_coord"}),
        (
            "GET",
            f"/api/v1/entiteiten/{m['zus']}?doel=complexe_casus&casusId=Z-1",
            None,
            {"zvh_lid", "zorg"},
        ),
        (
            "POST",
            "/api/v1/entiteiten/_zoek",
            {"doel": "complexe_casus", "casusId": "Z-1", "zoekterm": "zorgdrager"},
            {"zvh_lid", "zorg"},
        ),
        ("GET", "/api/v1/casussen/Z-1/informeren", None, {"zvh_lid"}),
        ("GET", f"/api/v1/bibob/{m['procedure']}", None, {"bibob"}),
        ("GET", f"/bibob/{m['procedure']}", None, {"bibob"}),
        (
            "GET",
            f"/api/v1/bibob-extracten/{m['procedure']}",
            None,
            {"lid", "niet_lid", "coordinator"},
        ),
        ("GET", f"/api/v1/bestuurlijke-rapportages/{m['rapportage']}", None, {"politie", "oov"}),
        ("GET", f"/api/v1/sluitingen/{m['sluiting']}", None, {"oov"}),
        ("GET", f"/api/v1/vorderingen/{m['vordering']}", None, {"oov"}),
    ]


def _wijzigen(m: dict[str, Any]) -> list[tuple[str, str, dict[str, Any] | None, set[str]]]:
    return [
        (
            "POST",
            "/api/v1/casussen/C-1/deelverzoeken",
            {
                "verstrekker": "politie",
                "categorieen": ["identiteit"],
                "toelichting": "Wie zit erachter?",
            },
            {"lid"},
        ),
        ("POST", "/api/v1/casussen/C-1/subjecten", {"entiteitId": m["jan"]}, {"lid"}),
        ("POST", "/api/v1/casussen/C-1/leden", {"gebruikersnaam": "beleid"}, {"coordinator"}),
        (
            "POST",
            "/api/v1/casussen/C-1/aanwijzingen",
            {"motivering": "Nieuwe motivering van voldoende lengte."},
            {"coordinator"},
        ),
        (
            "PUT",
            "/api/v1/casussen/C-1/advies",
            {
                "analyse": "Analyse van voldoende lengte hier.",
                "interventies": [
                    {
                        "soort": "bestuurlijk",
                        "maatregel": "13b-sluiting",
                        "eigenaar": "gemeente-rotterdam",
                    }
                ],
            },
            {"lid", "coordinator"},
        ),
        # The advice above leaves an intervention open, so closing must confirm it.
        (
            "POST",
            "/api/v1/casussen/C-1/_sluit",
            {"reden": "Klaar met de casus.", "openInterventiesBevestigd": True},
            {"coordinator"},
        ),
        (
            "POST",
            f"/api/v1/signalen/{m['signaal']}/_beoordeel",
            {"status": "afgewezen", "reden": "Geen ondermijning."},
            {"lid", "niet_lid", "coordinator"},
        ),
        ("POST", "/api/v1/casussen/Z-1/subjecten", {"entiteitId": m["zus"]}, {"zvh_lid"}),
        (
            "POST",
            f"/api/v1/bibob/{m['procedure']}/_besluit",
            {"besluit": "verlenen", "motivering": "Geen aanwijzingen voor gevaar gevonden."},
            {"bibob"},
        ),
        (
            "POST",
            f"/api/v1/sluitingen/{m['sluiting']}/_besluit",
            {"besluit": "waarschuwing", "motivering": "Eerste keer: een waarschuwing volstaat."},
            {"oov"},
        ),
        (
            "POST",
            f"/api/v1/vorderingen/{m['vordering']}/_stap",
            {"stap": "betaling", "bedragEuro": "40"},
            {"oov"},
        ),
    ]


def test_matrix_lezen(matrix: dict[str, Any]) -> None:
    w = matrix["w"]
    with TestClient(maak_app(w.omgeving)) as c:
        for methode, pad, body, toegestaan in _lezen(matrix):
            for naam, actor in matrix["users"].items():
                voor = logaantal(w.omgeving)
                r = roep(c, methode, pad, body, actor)
                if naam in toegestaan:
                    assert r.status_code == 200, (pad, naam, r.text[:200])
                    continue
                # Refused outright, or an empty answer about the user's own domain.
                assert r.status_code in (200, 403, 404), (pad, naam, r.status_code)
                assert not any(n in r.text for n in NAMEN), (pad, naam)
                assert logaantal(w.omgeving) == voor, (pad, naam)


def test_matrix_wijzigen_geweigerd_zonder_gevolgen(matrix: dict[str, Any]) -> None:
    w = matrix["w"]
    with TestClient(maak_app(w.omgeving)) as c:
        for methode, pad, body, toegestaan in _wijzigen(matrix):
            for naam, actor in matrix["users"].items():
                if naam in toegestaan:
                    continue
                voor = logaantal(w.omgeving)
                r = roep(c, methode, pad, body, actor)
                assert r.status_code in (403, 404), (pad, naam, r.status_code, r.text[:200])
                assert not any(n in r.text for n in NAMEN), (pad, naam)
                assert logaantal(w.omgeving) == voor, (pad, naam)
        # And the permitted users can, afterwards, still do each of them (nothing was spoilt).
        for methode, pad, body, toegestaan in _wijzigen(matrix):
            actor = matrix["users"][sorted(toegestaan)[0]]
            r = roep(c, methode, pad, body, actor)
            assert r.status_code in (200, 201, 204), (pad, r.text[:300])
