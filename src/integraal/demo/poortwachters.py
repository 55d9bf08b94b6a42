# SPDX-License-Identifier: EUPL-1.2
"""Gatekeepers and registers in the demo world, done through the same services users call:

- the bank reports three unusual transactions (two by form, one as a goAML file), the notary
  one; FIU-Nederland declares one suspicious and provides it to the FIOD, finds another not
  suspicious, and leaves two waiting;
- an emergency freeze at the bank, linked to the officer's vermogensdossier, waits for the
  bank's confirmation;
- the first notary's office records a refused client and its notification to the supervisor;
  a question from the second office is refused until 10 July 2027;
- the port company's contact point sends the RIEC a signal under the Rotterdam covenant;
- the warning register has a (fictitious) permit of the AP, a connected container terminal and
  one entry; the terminal's screener can look a person up.
"""

from __future__ import annotations

import datetime as dt

from integraal.beslag import dossier as vermogen
from integraal.casus import signalen
from integraal.casus.signalen import Kenmerk, KenmerkSoort, SignaalIn
from integraal.demo.als import als
from integraal.domein.actor import Actor
from integraal.omgeving import Omgeving
from integraal.poortwachters import goaml, meldingen, notarissen, opschortingen
from integraal.poortwachters import waarschuwingsregister as wr
from integraal.poortwachters.meldingen import (
    AnalyseIn,
    MeldingIn,
    Meldkanaal,
    OordeelIn,
    VerstrekkingIn,
)
from integraal.poortwachters.notarissen import FeitIn, WeigeringIn
from integraal.poortwachters.opschortingen import OpschortingIn
from integraal.poortwachters.waarschuwingsregister import (
    AansluitingIn,
    KennisgevingIn,
    RegistratieIn,
    VergunningIn,
)

# Fictitious clients; the BSNs are from the BRP test range (99999xxxx).
BSN_KLANT = "999990342"
BSN_NOTARISKLANT = "999990354"
KVK_HANDEL = "99000021"


def _dag(dagen_terug: int) -> str:
    return (dt.date.today() - dt.timedelta(days=dagen_terug)).strftime("%d-%m-%Y")


def _melding(**velden: object) -> MeldingIn:
    return MeldingIn.model_validate(velden)


GOAML = """<?xml version="1.0" encoding="UTF-8"?>
<report>
  <rentity_id>voorbeeldbank</rentity_id>
  <submission_code>E</submission_code>
  <report_code>UTR</report_code>
  <entity_reference>VB-2026-0311</entity_reference>
  <currency_code_local>EUR</currency_code_local>
  <reason>Een handelsonderneming zonder personeel ontvangt in één week vier grote bedragen uit
    het buitenland en boekt ze dezelfde dag door naar een cryptoplatform.</reason>
  <transaction>
    <transactionnumber>VB-TX-77120</transactionnumber>
    <transaction_location>Internetbankieren</transaction_location>
    <transaction_description>Doorboeking naar een cryptoplatform</transaction_description>
    <date_transaction>{dag}T14:12:00</date_transaction>
    <amount_local>86400.00</amount_local>
    <t_from_my_client>
      <from_entity><name>Kadehoek Handel B.V. (fictief)</name>
        <incorporation_number>{kvk}</incorporation_number></from_entity>
    </t_from_my_client>
    <t_to><to_account><iban>NL02ABNA0123456789</iban></to_account></t_to>
  </transaction>
  <report_indicators><indicator>S-0211</indicator></report_indicators>
</report>"""


def speel_poortwachters(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    if als(omgeving, actoren["analist.fiu"], meldingen.lijst):
        return  # loaded before: the demo is idempotent
    _meldingen(omgeving, actoren)
    _notarissen(omgeving, actoren)
    _register(omgeving, actoren)
    als(
        omgeving,
        actoren["poco.haven"],
        signalen.dien_in,
        SignaalIn(
            verband="riec-rotterdam",
            omschrijving="Een uitzendkracht op de kade vraagt collega's steeds naar de planning "
            "van één containerstack en naar de camerahoeken; hij werkt er pas drie weken.",
        ),
    )


def _meldingen(omgeving: Omgeving, a: dict[str, Actor]) -> None:
    bank, notaris, fiu = a["melder.bank"], a["notaris.een"], a["analist.fiu"]
    contant = als(
        omgeving,
        bank,
        meldingen.meld,
        _melding(
            melder_kenmerk="VB-2026-0298",
            meldgrond="subjectief",
            indicator="Contante stortingen passen niet bij het bekende inkomen",
            client="Daan Voorbeeld (fictief)",
            geboortedatum="14-06-1991",
            kenmerken=[Kenmerk(soort=KenmerkSoort.BSN, waarde=BSN_KLANT)],
            transactie_op=_dag(12),
            bedrag_euro="48.500,00",
            aard="Contante storting, kantoor Rotterdam-Centrum",
            reden="De cliënt stort in drie weken vier keer een groot bedrag contant en kan de "
            "herkomst niet aannemelijk maken; hij is bij ons bekend als student.",
        ),
    )
    als(
        omgeving,
        bank,
        meldingen.meld,
        _melding(
            melder_kenmerk="VB-2026-0305",
            meldgrond="objectief",
            indicator="Contante transactie van € 10.000 of meer",
            client="Daan Voorbeeld (fictief)",
            geboortedatum="14-06-1991",
            kenmerken=[Kenmerk(soort=KenmerkSoort.BSN, waarde=BSN_KLANT)],
            transactie_op=_dag(5),
            bedrag_euro="12.000,00",
            aard="Contante opname, kantoor Schiedam",
            reden="Opname van een groot contant bedrag kort na de eerdere stortingen; de cliënt "
            "wilde niet zeggen waarvoor.",
        ),
    )
    bestand = GOAML.format(
        dag=(dt.date.today() - dt.timedelta(days=3)).isoformat(), kvk=KVK_HANDEL
    ).encode()
    for invoer in als(omgeving, bank, lambda ctx: goaml.lees(bestand, ctx.ik.organisatie_id)):
        als(omgeving, bank, meldingen.meld, invoer, Meldkanaal.GOAML)
    als(
        omgeving,
        notaris,
        meldingen.meld,
        _melding(
            melder_kenmerk="NOT-2026-044",
            meldgrond="subjectief",
            indicator="Koopsom wordt voldaan vanaf een rekening van een derde",
            client="Eva Voorbeeld (fictief)",
            geboortedatum="02-09-1978",
            kenmerken=[Kenmerk(soort=KenmerkSoort.BSN, waarde=BSN_NOTARISKLANT)],
            transactie_op=_dag(20),
            bedrag_euro="315.000,00",
            aard="Levering van een woning, betaling via de kwaliteitsrekening",
            reden="De koopsom komt van een rekening van een onbekende derde in het buitenland; "
            "de koper kon de relatie met die derde niet uitleggen.",
        ),
    )
    als(
        omgeving,
        fiu,
        meldingen.analyseer,
        contant.id,
        AnalyseIn(notitie="Vier stortingen en een opname: samen ruim € 60.000 in vijf weken."),
    )
    als(
        omgeving,
        fiu,
        meldingen.beoordeel,
        contant.id,
        OordeelIn(
            oordeel="verdacht",
            motivering="Het patroon past bij geldezelen die contant geld de bank in brengen.",
        ),
    )
    als(
        omgeving,
        fiu,
        meldingen.verstrek,
        contant.id,
        VerstrekkingIn(
            aan="fiod", toelichting="Past bij het lopende onderzoek naar ondergronds bankieren."
        ),
    )
    notarismelding = next(
        m for m in als(omgeving, fiu, meldingen.lijst) if m.sector == "Notariskantoor"
    )
    als(
        omgeving,
        fiu,
        meldingen.analyseer,
        notarismelding.id,
        AnalyseIn(notitie="De derde is een familielid met een verklaarde schenking."),
    )
    als(
        omgeving,
        fiu,
        meldingen.beoordeel,
        notarismelding.id,
        OordeelIn(
            oordeel="niet_verdacht",
            motivering="De schenking is aangegeven bij de Belastingdienst; verder niets gevonden.",
        ),
    )
    dossier = next(iter(als(omgeving, a["ovj.om"], vermogen.dossiers)), None)
    als(
        omgeving,
        fiu,
        opschortingen.verzoek,
        OpschortingIn(
            instelling="voorbeeldbank",
            melding_id=contant.id,
            transactie_kenmerk="VB-BET-2026-118842",
            bedrag_euro="40.000,00",
            reden="Overboeking van het saldo naar een rekening in het buitenland is aangekondigd; "
            "beslag wordt voorbereid.",
            dossier_id=dossier.id if dossier else None,
        ),
    )


def _notarissen(omgeving: Omgeving, a: dict[str, Actor]) -> None:
    een = a["notaris.een"]
    als(
        omgeving,
        een,
        notarissen.leg_vast,
        WeigeringIn(
            soort="geweigerd",
            reden="witwassen",
            op=_dag(30),
            client="Eva Voorbeeld (fictief)",
            kenmerken=[Kenmerk(soort=KenmerkSoort.BSN, waarde=BSN_NOTARISKLANT)],
            toelichting="Wilde de koopsom contant voldoen en weigerde de herkomst te tonen.",
        ),
    )
    als(
        omgeving,
        een,
        notarissen.leg_feit_vast,
        FeitIn(soort="toezichthouder_gemeld", op=_dag(10), kenmerk="BFT-melding 2026-117"),
    )


def _register(omgeving: Omgeving, a: dict[str, Actor]) -> None:
    beheer = a["register.wr"]
    vandaag = dt.date.today()
    als(
        omgeving,
        a["privacy.wr"],
        wr.leg_vergunning_vast,
        VergunningIn(
            nummer="AP-Z2026-00017 (fictief)",
            reikwijdte="Haven- en luchtvrachtsector: medewerkers weren die na een "
            "integriteitsschending bij drugssmokkel zijn ontslagen of veroordeeld.",
            criteria=["ontslag", "veroordeling"],
            bewaartermijn_maanden=36,
            geldig_van=dt.date(vandaag.year, 1, 1).strftime("%d-%m-%Y"),
        ),
    )
    als(
        omgeving,
        beheer,
        wr.sluit_aan,
        AansluitingIn(
            organisatie="containerterminal-fictief",
            sinds=dt.date(vandaag.year, 2, 1).strftime("%d-%m-%Y"),
        ),
    )
    r = als(
        omgeving,
        beheer,
        wr.schrijf_in,
        RegistratieIn(
            naam="Piet van der Voorbeeld (fictief)",
            geboortedatum="12-03-1985",
            criterium="ontslag",
            bewijs="Ontslag op staande voet van 1 oktober wegens het uithalen van een "
            "container met cocaïne; besluit met kenmerk CT-HR-2026-31.",
            aangemeld_door="containerterminal-fictief",
        ),
    )
    als(omgeving, beheer, wr.kennisgeving, r.id, KennisgevingIn())
