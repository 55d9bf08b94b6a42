# SPDX-License-Identifier: EUPL-1.2
"""Unusual-transaction reports: intake by form, API and goAML file; the FIU's analysis and its
judgement; dissemination under FIU-VT; and the reporter never learning the outcome."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from integraal.casus.signalen import Kenmerk, KenmerkSoort
from integraal.delen import Geweigerd
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.poortwachters import Meldingstatus
from integraal.domein.rollen import Rol
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel
from integraal.poortwachters import goaml, meldingen
from integraal.poortwachters.meldingen import (
    AnalyseIn,
    MeldingIn,
    OordeelIn,
    VerstrekkingIn,
)
from integraal.verwerking import Kanaal
from tests.conftest import BSN_JAN, Wereld, maak_actor
from tests.hulp import doe
from tests.poortwachters.conftest import Poort

GEHEIM = "FIU-analyse-geheim-K8"


def melding_in(**anders: object) -> MeldingIn:
    gegevens: dict[str, object] = {
        "melder_kenmerk": "VB-2026-117",
        "meldgrond": "subjectief",
        "indicator": "Contante storting past niet bij het profiel",
        "client": "Jan Voorbeeld",
        "geboortedatum": "01-02-1980",
        "kenmerken": [Kenmerk(soort=KenmerkSoort.BSN, waarde=BSN_JAN)],
        "transactie_op": (dt.date.today() - dt.timedelta(days=3)).strftime("%d-%m-%Y"),
        "bedrag_euro": "48.000,00",
        "aard": "Contante storting, kantoor Rotterdam-Centrum",
        "reden": "Cliënt stort in één keer een groot bedrag contant zonder herkomst.",
    }
    gegevens.update(anders)
    return MeldingIn.model_validate(gegevens)


def _regels(w: Wereld) -> list[dict]:
    with transactie(w.omgeving.fabriek) as s:
        return [json.loads(r.inhoud) for r in s.scalars(sa.select(LogboekRegel))]


def test_van_melding_via_analyse_tot_verstrekking(wereld: Wereld, poort: Poort) -> None:
    o = wereld.omgeving
    bon = doe(o, poort.bank, meldingen.meld, melding_in())
    assert set(bon.model_dump()) == {"id", "melderKenmerk", "ontvangenOp"}
    tweede = doe(o, poort.bank, meldingen.meld, melding_in(melder_kenmerk="VB-2026-118"))

    # The FIU sees both, and the second as related to the first (same BSN pseudonym).
    assert {m.id for m in doe(o, poort.fiu, meldingen.lijst)} == {bon.id, tweede.id}
    uit = doe(o, poort.fiu, meldingen.lees, bon.id)
    assert uit.sector == "Bank" and uit.status is Meldingstatus.ONTVANGEN
    assert [v.id for v in uit.verwant] == [tweede.id]
    assert "BSN bekend" in uit.kenmerken[0] and BSN_JAN not in json.dumps(
        uit.model_dump(mode="json")
    )

    with pytest.raises(Conflict, match="verdacht verklaarde"):
        doe(
            o,
            poort.fiu,
            meldingen.verstrek,
            bon.id,
            VerstrekkingIn(aan="fiod", toelichting="Voor het lopende onderzoek."),
        )
    with pytest.raises(Conflict):
        doe(
            o,
            poort.fiu,
            meldingen.beoordeel,
            bon.id,
            OordeelIn(oordeel="verdacht", motivering="Past in het patroon van het netwerk."),
        )
    doe(o, poort.fiu, meldingen.analyseer, bon.id, AnalyseIn(notitie=GEHEIM))
    doe(
        o,
        poort.fiu,
        meldingen.beoordeel,
        bon.id,
        OordeelIn(oordeel="verdacht", motivering="Past in het patroon van het netwerk."),
    )
    vt = doe(
        o,
        poort.fiu,
        meldingen.verstrek,
        bon.id,
        VerstrekkingIn(aan="fiod", toelichting="Voor het lopende onderzoek."),
    )
    with pytest.raises(Conflict, match="al aan deze dienst"):
        doe(
            o,
            poort.fiu,
            meldingen.verstrek,
            bon.id,
            VerstrekkingIn(aan="fiod", toelichting="Nog een keer."),
        )

    # FIOD reads what it received (FIU-VT), the police nothing.
    ontvangen = doe(o, poort.fiod, meldingen.ontvangen)
    assert [v.id for v in ontvangen] == [vt.id]
    assert ontvangen[0].bedrag_centen == 4_800_000 and GEHEIM not in ontvangen[0].model_dump_json()
    assert doe(o, poort.politie, meldingen.ontvangen) == []
    # Within the FIOD its analysts read it, not every investigator (need to know).
    rechercheur = maak_actor(o, "rechercheur.fiod", "fiod", Rol.OPSPORINGSAMBTENAAR)
    assert doe(o, rechercheur, meldingen.ontvangen) == []
    with pytest.raises(NietGevonden):
        doe(o, poort.politie, meldingen.ontvangen_een, vt.id)

    regels = _regels(wereld)
    namen = {r["naam"] for r in regels}
    assert {
        "melding verstrekken aan de FIU",
        "melding lezen",
        "verdachte transactie verstrekken",
        "verdachte transacties lezen",
    } <= namen
    vt_regel = next(r for r in regels if r["naam"] == "verdachte transactie verstrekken")
    assert vt_regel["dpl.integraal.rule_id"] == "FIU-VT"
    assert vt_regel["dpl.integraal.recipient"] == "fiod"


def test_melder_hoort_niets_over_de_afloop(wereld: Wereld, poort: Poort) -> None:
    """The reporter's own view has no outcome; another reporter finds nothing at all."""
    o = wereld.omgeving
    bon = doe(o, poort.bank, meldingen.meld, melding_in())
    doe(o, poort.fiu, meldingen.analyseer, bon.id, AnalyseIn(notitie=GEHEIM))
    doe(
        o,
        poort.fiu,
        meldingen.beoordeel,
        bon.id,
        OordeelIn(oordeel="verdacht", motivering="Past in het patroon van het netwerk."),
    )
    eigen = doe(o, poort.bank, meldingen.eigen, bon.id)
    tekst = eigen.model_dump_json()
    assert GEHEIM not in tekst and "verdacht" not in tekst.lower().replace("ongebruikelijk", "")
    assert "status" not in eigen.model_dump()
    assert [m.id for m in doe(o, poort.bank, meldingen.eigen_lijst)] == [bon.id]
    with pytest.raises(GeenToegang):
        doe(o, poort.bank, meldingen.lees, bon.id)
    with pytest.raises(NietGevonden):
        doe(o, poort.notaris, meldingen.eigen, bon.id)
    assert doe(o, poort.bank, meldingen.lijst) == []


def test_alleen_meldingsverantwoordelijken_melden(wereld: Wereld, poort: Poort) -> None:
    with pytest.raises(GeenToegang):
        doe(wereld.omgeving, poort.fiu, meldingen.meld, melding_in())
    with pytest.raises(OngeldigeInvoer, match="BSN, KvK-nummer, RSIN of IBAN"):
        doe(
            wereld.omgeving,
            poort.bank,
            meldingen.meld,
            melding_in(kenmerken=[Kenmerk(soort=KenmerkSoort.KENTEKEN, waarde="12-ABC-3")]),
        )
    with pytest.raises(Geweigerd):
        # the FIU may not give a suspicious transaction to a municipality (no rule)
        from integraal.toegang import poortwachters as deur

        bon = doe(wereld.omgeving, poort.bank, meldingen.meld, melding_in())
        with wereld.omgeving.context(poort.fiu, Kanaal.API) as ctx:
            m = deur.melding(ctx, bon.id)
            m.status = Meldingstatus.VERDACHT.value
            deur.verstrek(ctx, m, "gemeente-rotterdam")


GOAML = """<?xml version="1.0" encoding="UTF-8"?>
<report>
  <rentity_id>voorbeeldbank</rentity_id>
  <submission_code>E</submission_code>
  <report_code>UTR</report_code>
  <entity_reference>VB-GOAML-9</entity_reference>
  <currency_code_local>EUR</currency_code_local>
  <reason>Snelle doorboeking van contante stortingen naar een rekening in het buitenland.</reason>
  <transaction>
    <transactionnumber>TX-1</transactionnumber>
    <transaction_location>Rotterdam</transaction_location>
    <transaction_description>Overboeking</transaction_description>
    <date_transaction>{dag}T10:00:00</date_transaction>
    <amount_local>12500.00</amount_local>
    <t_from_my_client>
      <from_account>
        <iban>NL91ABNA0417164300</iban>
        <signatory><t_person><first_name>Jan</first_name><last_name>Voorbeeld</last_name>
          <birthdate>1980-02-01T00:00:00</birthdate><ssn>{bsn}</ssn></t_person></signatory>
      </from_account>
    </t_from_my_client>
    <t_to><to_account><iban>DE89370400440532013000</iban></to_account></t_to>
  </transaction>
  <transaction>
    <transactionnumber>TX-2</transactionnumber>
    <date_transaction>{dag}T11:00:00</date_transaction>
    <amount_local>-5</amount_local>
    <t_from_my_client><from_entity><name>Voorbeeld Handel B.V.</name>
      <incorporation_number>99000001</incorporation_number></from_entity></t_from_my_client>
  </transaction>
  <report_indicators><indicator>S-0104</indicator></report_indicators>
</report>"""


def test_goaml_bestand(wereld: Wereld, poort: Poort) -> None:
    dag = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    tekst = GOAML.format(dag=dag, bsn=BSN_JAN)
    with pytest.raises(OngeldigeInvoer) as fout:
        goaml.lees(tekst.encode(), "voorbeeldbank")
    assert list(fout.value.fouten) == ["bestand", "bestand.2"]  # TX-2: amount and description
    assert all(m.startswith("Transactie TX-2") for m in fout.value.fouten.values())

    goed = tekst.replace("<amount_local>-5</amount_local>", "<amount_local>900.00</amount_local>")
    goed = goed.replace(
        "<transactionnumber>TX-2</transactionnumber>",
        "<transactionnumber>TX-2</transactionnumber><transaction_description>Contant</transaction_description>",
    )
    invoer = goaml.lees(goed.encode(), "voorbeeldbank")
    assert [i.bedrag_euro for i in invoer] == [12500, 900]
    assert invoer[0].client == "Jan Voorbeeld" and invoer[0].van_rekening == "NL91ABNA0417164300"
    assert {k.soort for k in invoer[0].kenmerken} == {KenmerkSoort.BSN, KenmerkSoort.IBAN}
    assert invoer[1].kenmerken[0].soort is KenmerkSoort.KVK
    with pytest.raises(OngeldigeInvoer, match="rentity_id"):
        goaml.lees(goed.encode(), "spaarbank-fictief")

    bom = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
        b"<report>&b;</report>"
    )
    with pytest.raises(OngeldigeInvoer, match="geen geldige XML"):
        goaml.lees(bom, "voorbeeldbank")
    with pytest.raises(OngeldigeInvoer, match="geen geldige XML"):
        goaml.lees(b"<report><nope>", "voorbeeldbank")
    with pytest.raises(OngeldigeInvoer, match="geen geldige XML"):
        goaml.lees(b'<?xml version="1.0" encoding="x-bogus"?><report/>', "voorbeeldbank")
    een = goed.split("<transaction>")[1].split("</transaction>")[0]
    veel = goed.replace(
        f"<transaction>{een}</transaction>",
        "".join(f"<transaction>{een}</transaction>" for _ in range(goaml.MAX_TRANSACTIES + 1)),
        1,
    )
    with pytest.raises(OngeldigeInvoer, match="hoogstens 100"):
        goaml.lees(veel.encode(), "voorbeeldbank")


def test_monitor_telt_verdacht_pas_na_het_jaar(wereld: Wereld, poort: Poort) -> None:
    """Declared suspicious appears only for a year that has ended, as of its last day: a live
    or reference-date count would let a bank difference out its own report's outcome."""
    from integraal.monitor import poortwachters as monitor
    from integraal.opslag.db import transactie

    o = wereld.omgeving

    def op(j: int, m: int, d: int):  # type: ignore[no-untyped-def]
        return lambda: dt.datetime(j, m, d, 10, tzinfo=dt.UTC)

    bon = doe(
        o, poort.bank, meldingen.meld, melding_in(transactie_op="01-12-2025"), klok=op(2025, 12, 20)
    )
    doe(o, poort.fiu, meldingen.analyseer, bon.id, AnalyseIn(notitie=GEHEIM), klok=op(2026, 1, 5))
    doe(
        o,
        poort.fiu,
        meldingen.beoordeel,
        bon.id,
        OordeelIn(oordeel="verdacht", motivering="Past in het patroon van het netwerk."),
        klok=op(2026, 1, 5),
    )
    nu = doe(o, poort.bank, meldingen.meld, melding_in())
    with transactie(o.fabriek) as s:
        punten = monitor.meldingen(s, dt.datetime.now(dt.UTC))
    dit_jaar = str(nu.ontvangen_op.year)
    assert not [p for p in punten if p[0] == dit_jaar and "verdacht" in p[1]]
    # 2025 ended before the verdict: as of 31 December it was not (yet) suspicious.
    assert ("2025", "Bank, verdacht verklaard", 0, None) in punten
