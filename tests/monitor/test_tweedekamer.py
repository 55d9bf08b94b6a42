# SPDX-License-Identifier: EUPL-1.2
"""Sync with the Tweede Kamer's open data, against responses shaped on the published XSDs
(see tk/README.md: this machine cannot reach the Kamer, so they are constructed, not recorded)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from integraal.cli import app
from integraal.domein.fouten import GeenToegang
from integraal.domein.monitor import Soort, TKStatus
from integraal.domein.tweedekamer import OnleesbaarRecord, TKMotie, TKToezegging
from integraal.domein.verwijzingen import vind
from integraal.monitor import opdrachten
from integraal.monitor.tweedekamer import (
    Synchronisatie,
    TKNietBereikbaar,
    TweedeKamer,
    synchroniseer,
)
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, Kameropdracht
from integraal.verwerking import Kanaal
from tests.conftest import Wereld
from tests.hulp import doe
from tests.monitor.conftest import Monitorwereld

TK = Path(__file__).parent / "tk"


def _json(naam: str) -> Any:
    return json.loads((TK / naam).read_text(encoding="utf-8"))


class Kamer:
    """Answers like the Kamer's OData endpoint from the files in tk/, and remembers the asks.
    `zaak_bekend` is the state of the motions when asked for by number: a later state than the
    search file (the motion was closed since), or the same state."""

    def __init__(self, zaak_bekend: str = "zaak-bekend.json") -> None:
        self.vragen: list[httpx.URL] = []
        self.zaak_bekend = zaak_bekend

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.vragen.append(request.url)
        entiteit = request.url.path.rsplit("/", 1)[-1]
        filter_ = request.url.params.get("$filter", "")
        if entiteit == "Toezegging" and "Nummer eq" in filter_:
            naam = "toezegging-bekend.json"
        elif entiteit == "Toezegging" and request.url.params.get("$skip") == "250":
            naam = "toezegging-zoek-2.json"
        elif entiteit == "Toezegging":
            naam = "toezegging-zoek-1.json"
        elif entiteit == "Zaak" and "Nummer eq" in filter_:
            naam = self.zaak_bekend
        elif entiteit == "Zaak":
            naam = "zaak-zoek.json"
        else:
            return httpx.Response(404)
        inhoud = _json(naam)
        if "Nummer eq" in filter_:
            inhoud["value"] = [r for r in inhoud["value"] if f"'{r['Nummer']}'" in filter_]
        return httpx.Response(200, json=inhoud)

    def client(self) -> TweedeKamer:
        return TweedeKamer(httpx.Client(transport=httpx.MockTransport(self)))


def _geef_nummer(mw: Monitorwereld, nummer: str, soort: Soort) -> int:
    with transactie(mw.w.omgeving.fabriek) as s:
        o = s.scalars(
            sa.select(Kameropdracht).where(Kameropdracht.soort == soort.value).limit(1)
        ).one()
        o.nummer = nummer
        return o.id


def _sync(mw: Monitorwereld, kamer: TweedeKamer, **kw: Any) -> Synchronisatie:
    """A sync by the policy officer in one processing context, as the CLI runs it."""
    return doe(mw.w.omgeving, mw.beleid, synchroniseer, kamer, kanaal=Kanaal.CLI, **kw)


def _opdracht(mw: Monitorwereld, nummer: str) -> Kameropdracht | None:
    with transactie(mw.w.omgeving.fabriek) as s:
        o = s.scalars(sa.select(Kameropdracht).where(Kameropdracht.nummer == nummer)).one_or_none()
        if o is not None:
            s.expunge(o)
        return o


# --- reading records -----------------------------------------------------------------------


def test_toezegging_read_as_the_xsd_describes_it() -> None:
    t = TKToezegging.lees(_json("toezegging-bekend.json")["value"][0])
    assert t.nummer == "TZ202311-901"
    assert t.status is TKStatus.DEELS_VOLDAAN  # the feed spells "Deels Voldaan"
    assert t.datum_nakoming is not None and t.datum_nakoming.isoformat() == "2025-06-30"
    assert t.bewindspersoon == "minister van Justitie en Veiligheid Voorbeeld"
    assert not t.verwijderd


def test_the_feeds_empty_date_is_no_date() -> None:
    t = TKToezegging.lees(_json("toezegging-bekend.json")["value"][1])
    assert t.datum_nakoming is None
    assert t.verwijderd


@pytest.mark.parametrize(
    ("record", "melding"),
    [
        ({"Nummer": "TZ1"}, "zonder Id"),
        ({"Id": "x"}, "zonder Id of Nummer"),
        ({"Id": "x", "Nummer": "TZ1", "Status": "Niet nagekomen"}, "onbekende status"),
        ({"Id": "x", "Nummer": "TZ1", "GewijzigdOp": "gisteren"}, "geen datum"),
    ],
)
def test_unreadable_records_are_refused_by_name(record: dict[str, str], melding: str) -> None:
    with pytest.raises(OnleesbaarRecord, match=melding):
        TKToezegging.lees(record)


def test_motion_cites_its_kamerstuk_and_the_citation_links() -> None:
    m = TKMotie.lees(_json("zaak-zoek.json")["value"][0])
    assert m.verwijzing == "Kamerstukken 2024–2025, 36 600 VI, nr. 32"
    assert m.status is TKStatus.OPENSTAAND
    gevonden = list(vind(m.verwijzing))
    assert gevonden and gevonden[0].url is not None
    assert "kst-36600-VI-32" in gevonden[0].url


# --- the client ----------------------------------------------------------------------------


def test_client_follows_next_links_to_the_last_page() -> None:
    kamer = Kamer()
    records = list(kamer.client().records("Toezegging", "Verwijderd eq false"))
    assert [r["Nummer"] for r in records] == [
        "TZ202311-901",
        "TZ202405-903",
        "TZ202410-904",
        "TZ202410-905",
    ]
    assert len(kamer.vragen) == 2


def _antwoord(maker: Callable[[httpx.Request], httpx.Response]) -> TweedeKamer:
    return TweedeKamer(httpx.Client(transport=httpx.MockTransport(maker)))


def test_a_feed_that_links_to_itself_is_stopped() -> None:
    def rond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"value": [], "@odata.nextLink": str(request.url)})

    with pytest.raises(TKNietBereikbaar, match="blijft naar pagina"):
        list(_antwoord(rond).records("Zaak", "Verwijderd eq false"))


@pytest.mark.parametrize(
    ("antwoord", "melding"),
    [
        (httpx.Response(503), "status 503"),
        (httpx.Response(200, content=b"<html>onderhoud</html>"), "geen JSON"),
        (httpx.Response(200, json={"fout": 1}), "geen lijst"),
    ],
)
def test_failures_are_told_in_dutch(antwoord: httpx.Response, melding: str) -> None:
    with pytest.raises(TKNietBereikbaar, match=melding):
        list(_antwoord(lambda _r: antwoord).records("Toezegging", "Verwijderd eq false"))


# --- the sync ------------------------------------------------------------------------------


def test_sync_updates_known_adds_new_and_marks_withdrawn(mw: Monitorwereld) -> None:
    bekend = _geef_nummer(mw, "TZ202311-901", Soort.TOEZEGGING)
    with transactie(mw.w.omgeving.fabriek) as s:
        tweede = s.scalars(
            sa.select(Kameropdracht)
            .where(Kameropdracht.soort == Soort.TOEZEGGING.value, Kameropdracht.id != bekend)
            .limit(1)
        ).one()
        tweede.nummer = "TZ202311-902"
    motie = _geef_nummer(mw, "2024Z09911", Soort.MOTIE)
    kamer = Kamer()

    u = _sync(mw, kamer.client())

    # Search asks only for records the Kamer has not withdrawn; known numbers are asked without
    # that filter, so a withdrawal of one of ours is seen.
    zoekvragen = [v.params["$filter"] for v in kamer.vragen if "contains(" in v.params["$filter"]]
    assert zoekvragen and all("Verwijderd eq false" in f for f in zoekvragen)
    bekende = [v.params["$filter"] for v in kamer.vragen if "Nummer eq" in v.params["$filter"]]
    assert bekende and not any("Verwijderd" in f for f in bekende)

    assert (u.nieuw, u.bijgewerkt, u.ingetrokken) == (2, 2, 1)
    assert u.overgeslagen == ["een record zonder Id of Nummer kan niet worden bijgehouden"]

    een = doe(mw.w.omgeving, mw.beleid, opdrachten.een, bekend)
    assert een.tk_status is TKStatus.DEELS_VOLDAAN
    assert een.termijn is not None and een.termijn.isoformat() == "2025-06-30"
    m = doe(mw.w.omgeving, mw.beleid, opdrachten.een, motie)
    assert m.tk_status is TKStatus.AFGEDAAN  # the known-number answer, not the search's
    assert m.verwijzing == "Kamerstukken 2024–2025, 36 600 VI, nr. 32"
    ingetrokken = _opdracht(mw, "TZ202311-902")
    assert ingetrokken is not None and ingetrokken.tk_verwijderd
    assert doe(mw.w.omgeving, mw.beleid, opdrachten.een, ingetrokken.id).tk_ingetrokken
    nieuw = _opdracht(mw, "TZ202405-903")
    assert nieuw is not None and nieuw.beoordeeld_op is None  # a suggestion for review
    assert nieuw.tk_status == TKStatus.OPENSTAAND.value
    assert _opdracht(mw, "TZ202410-904") is not None
    assert _opdracht(mw, "TZ202410-905") is None

    with transactie(mw.w.omgeving.fabriek) as s:
        audit = s.scalars(sa.select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1)).one()
        assert "Tweede Kamer" in audit.actie
        assert audit.details["nieuw"] == 2
        assert (audit.gebruiker_id, audit.herkomst) == (mw.beleid.gebruiker_id, "cli")


def test_second_sync_changes_nothing(mw: Monitorwereld) -> None:
    _geef_nummer(mw, "TZ202311-901", Soort.TOEZEGGING)
    _sync(mw, Kamer("zaak-zoek.json").client())
    with transactie(mw.w.omgeving.fabriek) as s:
        aantal = s.scalar(sa.select(sa.func.count()).select_from(Kameropdracht))
    u = _sync(mw, Kamer("zaak-zoek.json").client())
    assert (u.nieuw, u.bijgewerkt, u.ingetrokken) == (0, 0, 0)
    with transactie(mw.w.omgeving.fabriek) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Kameropdracht)) == aantal


def test_later_sync_asks_only_for_changes_since_the_last(mw: Monitorwereld) -> None:
    _sync(mw, Kamer().client())
    kamer = Kamer()
    _sync(mw, kamer.client())
    # Only our own asks; a next link is the server's to write.
    zoek = [
        v.params["$filter"]
        for v in kamer.vragen
        if "contains(" in v.params["$filter"] and "$skip" not in v.params
    ]
    assert len(zoek) == 2
    assert all("GewijzigdOp gt 2025-07-02T08:15:00+00:00" in f for f in zoek)


def test_only_known_numbers_without_a_search_term(mw: Monitorwereld) -> None:
    kamer = Kamer()
    u = _sync(mw, kamer.client(), zoekterm=None)
    assert kamer.vragen == [] and u.nieuw == 0


def test_only_a_policy_officer_syncs(mw: Monitorwereld) -> None:
    kamer = Kamer()
    with pytest.raises(GeenToegang, match="beleidsmedewerkers"):
        doe(mw.w.omgeving, mw.coordinator, synchroniseer, kamer.client())
    assert kamer.vragen == []  # refused before the Kamer is asked anything


def test_a_failed_read_changes_nothing(mw: Monitorwereld) -> None:
    nummer = "TZ202311-901"
    _geef_nummer(mw, nummer, Soort.TOEZEGGING)
    voor = _opdracht(mw, nummer)
    with pytest.raises(TKNietBereikbaar):
        _sync(mw, _antwoord(lambda _r: httpx.Response(502)))
    na = _opdracht(mw, nummer)
    assert voor is not None and na is not None and na.tk_status == voor.tk_status
    with transactie(mw.w.omgeving.fabriek) as s:  # the context rolled back its audit too
        acties = s.scalars(sa.select(AuditRecord.actie)).all()
    assert not any("Tweede Kamer" in a for a in acties)


def test_cli_says_in_dutch_when_the_kamer_cannot_be_reached(
    mw: Monitorwereld, cli_omgeving: Wereld
) -> None:
    runner = CliRunner()
    niemand = "http://127.0.0.1:9/OData"  # the discard port: nothing listens there
    uit = runner.invoke(app, ["monitor", "tk-sync", "-g", "beleid", "--basis-url", niemand])
    assert uit.exit_code == 3, uit.output
    assert "Niets bijgewerkt: de Tweede Kamer is niet bereikbaar" in uit.output
    uit = runner.invoke(app, ["monitor", "tk-sync", "-g", "coord", "--basis-url", niemand])
    # not allowed: exit code 4 (not found or not allowed), with the reason in Dutch
    assert uit.exit_code == 4 and "beleidsmedewerkers" in uit.output
