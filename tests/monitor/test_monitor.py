# SPDX-License-Identifier: EUPL-1.2
"""The monitor loaded from the letters: tables reproduced and checked, search, revisions, the
policy officer's edits, and live indicators that follow the operational data."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa

from integraal.casus import casussen, signalen
from integraal.domein.casus import SignaalStatus
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.monitor import TKStatus, Uitvoering
from integraal.monitor import financien, indicatoren, opdrachten, structuur
from integraal.monitor.bronbrieven import BRIEVEN
from integraal.monitor.laden import Geladen, laad_alles
from integraal.opslag import monitor as opslag
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, Financieelrij, Financieeltabel
from tests.afpakken.conftest import Keten, keten, kvi  # noqa: F401
from tests.monitor.conftest import Monitorwereld

BRIEF = (BRIEVEN / "004_4fcbbfa669e8018e.txt").read_text()


def _in(mw: Monitorwereld, f: Callable[..., Any], *args: Any, **kw: Any) -> Any:
    with transactie(mw.w.omgeving.fabriek) as s:
        return f(s, *args, **kw)


def _getallen(regel: str) -> list[str]:
    return [c.strip() for c in regel.split("\t") if re.fullmatch(r"-|\d{1,3}(\.\d{3})*", c.strip())]


def test_laden_is_idempotent(mw: Monitorwereld) -> None:
    assert _in(mw, laad_alles) == Geladen()
    with transactie(mw.w.omgeving.fabriek) as s:
        assert len(opslag.documenten(s)) == 5
        assert len(opslag.opdrachten(s)) == 26
        assert len(opslag.financiele_tabellen(s)) == 5


def test_de_tabellen_van_de_brief_komen_exact_terug_uit_de_database(mw: Monitorwereld) -> None:
    from integraal.domein.brieftabellen import tekstregels

    with transactie(mw.w.omgeving.fabriek) as s:
        tabellen = financien.tabellen(s)
    regels = BRIEF.splitlines()
    for nummer, tabel in tabellen.items():
        kop = next(i for i, r in enumerate(regels) if r.startswith(f"Tabel {nummer} –"))
        blok: list[str] = []
        for r in regels[kop + 1 :]:
            if r.strip() and "\t" not in r:
                break
            blok.append(r)
        # every row of amounts, in order; headers (years are not amounts) give none
        brief = [g for r in blok if (g := _getallen(r))]
        gegenereerd = [[c for c in rij[2:] if c] for rij in tekstregels(tabel)[1:]]
        assert gegenereerd == brief, f"tabel {nummer}"
        omschrijvingen = [rij[1] for rij in tekstregels(tabel)[1:]]
        for o in omschrijvingen:
            assert o in BRIEF


def test_deelopgaven_gekoppeld_aan_de_rijen(mw: Monitorwereld) -> None:
    with transactie(mw.w.omgeving.fabriek) as s:
        t5 = financien.tabellen(s)[5]
        periode, posten = financien.plan_realisatie(financien.tabellen(s))
    assert {r.deelopgave for r in t5.rijen if r.soort.value == "post"} >= {
        "preventie-met-gezag",
        "geldstromen",
        "beleid",
    }
    assert None not in {r.deelopgave for r in t5.rijen if r.soort.value == "post"}
    assert periode == "2023"
    geld = next(p for p in posten if p.deelopgave == "geldstromen")
    assert (geld.plan, geld.realisatie, geld.verschil) == (30_716, 14_305, 16_411)


def test_de_controle_noemt_wat_niet_klopt(mw: Monitorwereld) -> None:
    assert financien.controle(_in(mw, financien.tabellen)) == []
    with transactie(mw.w.omgeving.fabriek) as s:
        t5 = s.scalar(sa.select(Financieeltabel).where(Financieeltabel.nummer == 5))
        assert t5 is not None
        rij = s.scalar(
            sa.select(Financieelrij).where(
                Financieelrij.tabel_id == t5.id, Financieelrij.omschrijving == "TOTAAL"
            )
        )
        assert rij is not None
        rij.waarden = [830_001, *rij.waarden[1:]]
    meldingen = [a.melding for a in financien.controle(_in(mw, financien.tabellen))]
    assert meldingen == [
        "Tabel 5, ‘TOTAAL’ na ‘Ondermijningsbeleid’, kolom 2024: vermeld 830.001, "
        "som van subtotalen en posten 830.000 (verschil 1).",
        "Tabel 4, ‘TOTAAL’, kolom 2024: vermeld 830.000, sluit niet aan op tabel 5 ‘TOTAAL’ "
        "2024: de middelen naar herkomst en naar opgave tellen op tot hetzelfde totaal "
        "830.001 (verschil -1).",
    ]


@pytest.mark.parametrize(
    ("vraag", "kop"),
    [("witwaszaken", "Witwascijfers"), ("Tornado Cash", "Cryptovaluta en mixingdiensten")],
)
def test_zoeken_in_de_brieven(mw: Monitorwereld, vraag: str, kop: str) -> None:
    treffers = _in(mw, opslag.zoek, vraag)
    assert treffers and treffers[0].kop == kop
    assert "«" in treffers[0].fragment
    assert _in(mw, opslag.zoek, "  ;;; ") == []


def test_zoeken_met_nederlandse_woordvormen(mw: Monitorwereld) -> None:
    # 'ondermijnende' and 'ondermijning' share a stem on PostgreSQL, a prefix on SQLite
    treffers = _in(mw, opslag.zoek, "ondermijn")
    assert len(treffers) > 10


def test_voetnoten_en_verwijzingen_van_een_document(mw: Monitorwereld) -> None:
    with transactie(mw.w.omgeving.fabriek) as s:
        doc = opslag.document(s, "004_4fcbbfa669e8018e")
        assert doc is not None
        noten = opslag.voetnoten(s, doc.id)
        verw = opslag.documentverwijzingen(s, doc.id)
    assert any("28 741, nr. 113" in n.tekst for n in noten)
    assert "kst-28741-113" in {v.sleutel for v in verw}


def test_lijnnaam_volgt_de_peildatum(mw: Monitorwereld) -> None:
    with transactie(mw.w.omgeving.fabriek) as s:
        assert structuur.lijnnamen(s, dt.date(2024, 6, 1))["verstoren_doorbreken"] == (
            "Verstoren van netwerken en verdienmodellen"
        )
        assert structuur.lijnnamen(s, dt.date(2026, 1, 1))["verstoren_doorbreken"] == "Doorbreken"


def test_herziening_van_een_indicator_laat_de_eerdere_stand_reproduceerbaar(
    mw: Monitorwereld,
) -> None:
    eerst = _in(mw, indicatoren.reeks, "beslagwaarde")
    assert eerst.totaalreeks()[-1] == ("2023", 371.8)
    assert next(p for p in eerst.punten if p.periode == "2023").voorlopig
    _in(mw, indicatoren.registreer, mw.beleid, "beslagwaarde", "2023", 402.6, bron="OM, na-ijl")
    na = _in(mw, indicatoren.reeks, "beslagwaarde")
    punt = next(p for p in na.punten if p.periode == "2023")
    assert (punt.waarde, punt.revisies, punt.voorlopig) == (402.6, 1, False)
    toen = _in(mw, indicatoren.reeks, "beslagwaarde", dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    assert toen.totaalreeks()[-1] == ("2023", 371.8)
    with transactie(mw.w.omgeving.fabriek) as s:
        assert (
            s.scalar(
                sa.select(sa.func.count()).where(AuditRecord.actie == "indicatorwaarde vastleggen")
            )
            == 1
        )


def test_alleen_een_beleidsmedewerker_werkt_de_monitor_bij(mw: Monitorwereld) -> None:
    with pytest.raises(GeenToegang):
        _in(mw, indicatoren.registreer, mw.w.analist, "beslagwaarde", "2023", 1.0, bron="x")
    with pytest.raises(GeenToegang):
        _in(mw, structuur.wijzig_maatregel, mw.coordinator, 1, "afgerond")
    with pytest.raises(OngeldigeInvoer) as fout:
        _in(mw, indicatoren.registreer, mw.beleid, "casussen-gestart", "2023", 1.0, bron="x")
    assert fout.value.fouten == {"indicator": "een live indicator wordt berekend, niet ingevoerd"}


def test_een_motie_beoordelen(mw: Monitorwereld) -> None:
    lijst = _in(mw, opdrachten.lijst)
    motie = next(o for o in lijst if o.onderdeel == "h." and o.thema == "Weerbaarheid")
    assert not motie.beoordeeld and motie.indieners == "Mutluer (GL/PvdA), Six Dijkstra (NSC)"
    with pytest.raises(OngeldigeInvoer) as fout:
        _in(
            mw,
            opdrachten.beoordeel,
            mw.beleid,
            motie.id,
            tk_status="Niet nagekomen",
            verwijzing="ergens",
        )
    assert set(fout.value.fouten) == {"tk_status", "verwijzing"}
    _in(
        mw,
        opdrachten.beoordeel,
        mw.beleid,
        motie.id,
        tk_status="Deels Voldaan",
        uitvoering="in_uitvoering",
        maatregel_id=1,
        termijn=dt.date(2026, 12, 31),
        verwijzing="Kamerstuk 29 911, nr. 460",
    )
    na = _in(mw, opdrachten.een, motie.id)
    assert (na.tk_status, na.uitvoering, na.beoordeeld) == (
        TKStatus.DEELS_VOLDAAN,
        Uitvoering.IN_UITVOERING,
        True,
    )
    assert na.verwijzing_url == "https://zoek.officielebekendmakingen.nl/kst-29911-460.html"


def _open_casus(mw: Monitorwereld, n: int) -> str:
    w = mw.w
    nummer = _in(
        mw,
        signalen.dien_in,
        w.omgeving.beslisser,
        w.gemeente,
        verband_id="riec-rotterdam",
        omschrijving=f"Melding nummer {n} over een pand",
        kenmerken=[],
        sleutel=w.omgeving.pseudoniem_sleutel,
        herkomst="test",
    )
    _in(mw, signalen.beoordeel, w.analist, nummer, SignaalStatus.IN_BEHANDELING, "onderzoeken")
    return str(
        _in(
            mw,
            casussen.open_casus,
            mw.coordinator,
            titel=f"Casus {n}",
            doel="integrale_aanpak",
            signaal_ids=[nummer],
        )
    )


def test_live_indicatoren_volgen_het_casuswerk_met_kleine_cellen_verborgen(
    mw: Monitorwereld,
) -> None:
    jaar = str(dt.datetime.now(dt.UTC).year)
    assert _in(mw, indicatoren.reeks, "casussen-gestart").punten == []
    ids = [_open_casus(mw, n) for n in range(4)]
    [punt] = _in(mw, indicatoren.reeks, "casussen-gestart").punten
    assert (punt.periode, punt.waarde, punt.reden) == (jaar, None, "klein aantal")
    ids.append(_open_casus(mw, 4))
    [punt] = _in(mw, indicatoren.reeks, "casussen-gestart").punten
    assert (punt.periode, punt.waarde) == (jaar, 5)
    _in(mw, casussen.sluit, mw.coordinator, ids[0], "Geen grond voor verdere aanpak.")
    [dicht] = _in(mw, indicatoren.reeks, "casussen-afgesloten").punten
    assert dicht.waarde is None


def test_live_beslagwaarde_volgt_de_beslagketen(mw: Monitorwereld, keten: Keten) -> None:  # noqa: F811
    from integraal.afpakken.registratie import Item

    def contant(i: int) -> Item:
        return Item(
            "contant", f"Contant geld {i}", "94-wederrechtelijk-voordeel", 4, bedrag_euro=1_000
        )

    kvi(keten, "KVI-2026-0001", *[contant(i) for i in range(4)])
    [punt] = _in(mw, indicatoren.reeks, "beslagwaarde-integraal").punten
    assert (punt.waarde, punt.reden) == (None, "berust op minder dan 5 objecten")
    kvi(keten, "KVI-2026-0002", contant(5))
    [punt] = _in(mw, indicatoren.reeks, "beslagwaarde-integraal").punten
    assert (punt.periode, punt.waarde) == ("2026", 5_000.0)


def test_elke_basiswaarde_staat_in_de_brief() -> None:
    from integraal.monitor.bronbrieven import gegevens
    from integraal.monitor.laden import _observaties

    for d in gegevens("indicatoren.yaml")["indicatoren"]:
        for periode, _, waarde, citaat, _ in _observaties(d):
            assert citaat in BRIEF, (d["code"], citaat)
            getal = f"{waarde:,.{d.get('decimalen', 0)}f}".replace(",", " ")
            getal = getal.replace(".", ",").replace(" ", ".")
            afgeleid = "afgeleid" in d.get("omschrijving", "")
            assert getal in citaat or afgeleid, (d["code"], periode, getal)
