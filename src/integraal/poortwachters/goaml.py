# SPDX-License-Identifier: EUPL-1.2
"""Reading a goAML report file into reports.

goAML is the reporting software of UNODC that FIU-Nederland uses; institutions upload XML. The
schema is distributed to registered reporting entities and could not be obtained here, so this
reader accepts the subset below, built from the element names of the published goAML
documentation, and validates it itself with Dutch messages that name the element. What was
assumed is in docs/decisions/0018-poortwachters.md; a file that does not fit is refused whole
(nothing of it is stored), with every problem listed.

    <report>
      <rentity_id>…</rentity_id>               the reporting entity (must be the uploader's)
      <submission_code>E</submission_code>
      <report_code>UTR</report_code>           unusual transaction report
      <entity_reference>…</entity_reference>   the institution's own reference (optional)
      <reason>…</reason>                       why unusual (Wwft art. 16 lid 2 e)
      <transaction>                            one or more; each becomes one report
        <transactionnumber>…</transactionnumber>
        <transaction_location>…</transaction_location>
        <transaction_description>…</transaction_description>
        <date_transaction>2026-11-02T00:00:00</date_transaction>
        <amount_local>12500.00</amount_local>
        <t_from_my_client> | <t_from>
          <from_person> <first_name/> <last_name/> <birthdate/> <ssn/> </from_person>
          | <from_entity> <name/> <incorporation_number/> </from_entity>
          | <from_account> <iban/> or <account/> … <signatory><t_person>…</t_person></signatory>
        <t_to_my_client> | <t_to>  (the same, with to_)
      </transaction>
      <report_indicators><indicator>…</indicator></report_indicators>
    </report>

An indicator code starting with "O" is read as objective, any other as subjective (the Dutch
lists number objective indicators separately; our assumption).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.invoer import valideer
from integraal.poortwachters import meldingen
from integraal.poortwachters.meldingen import MeldingIn, Meldkanaal, Ontvangstbevestiging
from integraal.toegang import poortwachters as deur
from integraal.verwerking import Context

MAX_BYTES = 5_000_000
# One file is one institution's batch; a flood of reports in one upload is refused whole (our
# limit: larger batches are split by the institution).
MAX_TRANSACTIES = 100
REPORT_CODES = frozenset({"UTR", "OT"})


@dataclass(frozen=True)
class Partij:
    naam: str | None
    geboortedatum: str | None
    kenmerken: tuple[dict[str, str], ...]
    rekening: str | None


def _tekst(e: Element | None, pad: str) -> str | None:
    if e is None:
        return None
    gevonden = e.find(pad)
    if gevonden is None or gevonden.text is None:
        return None
    return gevonden.text.strip() or None


def _datum(waarde: str | None) -> str | None:
    """goAML dates are xs:dateTime; our forms take dd-mm-jjjj."""
    if not waarde:
        return None
    try:
        return dt.date.fromisoformat(waarde[:10]).strftime("%d-%m-%Y")
    except ValueError:
        return waarde


def _persoon(p: Element) -> tuple[str | None, str | None, list[dict[str, str]]]:
    naam = " ".join(x for x in (_tekst(p, "first_name"), _tekst(p, "last_name")) if x) or None
    kenmerken = [{"soort": "bsn", "waarde": ssn}] if (ssn := _tekst(p, "ssn")) else []
    return naam, _datum(_tekst(p, "birthdate")), kenmerken


def _partij(blok: Element | None, voorvoegsel: str) -> Partij | None:
    if blok is None:
        return None
    kenmerken: list[dict[str, str]] = []
    naam = geboren = rekening = None
    if (p := blok.find(f"{voorvoegsel}_person")) is not None:
        naam, geboren, kenmerken = _persoon(p)
    if (ent := blok.find(f"{voorvoegsel}_entity")) is not None:
        naam = naam or _tekst(ent, "name")
        if kvk := _tekst(ent, "incorporation_number"):
            kenmerken.append({"soort": "kvk", "waarde": kvk})
    if (acc := blok.find(f"{voorvoegsel}_account")) is not None:
        rekening = _tekst(acc, "iban") or _tekst(acc, "account")
        ondertekenaar = acc.find("signatory/t_person")
        if ondertekenaar is not None and naam is None:
            naam, geboren, kenmerken = _persoon(ondertekenaar)
        if rekening:
            kenmerken.append({"soort": "iban", "waarde": rekening})
    return Partij(naam, geboren, tuple(kenmerken), rekening)


def _bedrag(waarde: str | None) -> str | None:
    """xs:decimal (12500.00) to the Dutch notation our forms read (12500,00)."""
    if waarde is None:
        return None
    try:
        return f"{Decimal(waarde):.2f}".replace(".", ",")
    except InvalidOperation:
        return waarde


def lees(inhoud: bytes, melder_id: str) -> list[MeldingIn]:
    """The reports in a goAML file, or OngeldigeInvoer listing every problem (per element,
    per transaction). No DTDs or entities are accepted (defusedxml)."""
    if len(inhoud) > MAX_BYTES:
        raise OngeldigeInvoer({"bestand": "Het bestand is groter dan 5 MB."})
    try:
        wortel = fromstring(inhoud)
    except (ParseError, DefusedXmlException, LookupError, ValueError) as exc:
        # LookupError: an encoding the XML declaration names that does not exist.
        raise OngeldigeInvoer(
            {"bestand": f"Het bestand is geen geldige XML ({exc.__class__.__name__})."}
        ) from exc
    fouten: list[str] = []
    if wortel.tag != "report":
        raise OngeldigeInvoer({"bestand": "Het bestand is geen goAML-melding: <report> ontbreekt."})
    rentity = _tekst(wortel, "rentity_id")
    if rentity != melder_id:
        fouten.append(
            f"<rentity_id> moet uw organisatie zijn ({melder_id}), niet {rentity or 'leeg'}."
        )
    if _tekst(wortel, "report_code") not in REPORT_CODES:
        fouten.append("<report_code> moet UTR zijn (ongebruikelijke transactie).")
    reden = _tekst(wortel, "reason")
    indicatoren = [i.text.strip() for i in wortel.findall("report_indicators/indicator") if i.text]
    if not indicatoren:
        fouten.append("Noem minstens één <indicator> in <report_indicators>.")
    transacties = wortel.findall("transaction")
    if not transacties:
        fouten.append("Het bestand bevat geen <transaction>.")
    if len(transacties) > MAX_TRANSACTIES:
        raise OngeldigeInvoer(
            bestandsfouten(
                [
                    f"Het bestand bevat {len(transacties)} transacties; meld er hoogstens "
                    f"{MAX_TRANSACTIES} per bestand."
                ]
            )
        )
    uit: list[MeldingIn] = []
    for n, t in enumerate(transacties, start=1):
        van = _partij(t.find("t_from_my_client"), "from") or _partij(t.find("t_from"), "from")
        naar = _partij(t.find("t_to_my_client"), "to") or _partij(t.find("t_to"), "to")
        client = (
            van if t.find("t_from_my_client") is not None else naar if naar is not None else van
        )
        gegevens: dict[str, Any] = {
            "melderKenmerk": _tekst(wortel, "entity_reference"),
            "meldgrond": "objectief"
            if indicatoren and indicatoren[0].startswith("O")
            else "subjectief",
            "indicator": ", ".join(indicatoren)[:300],
            "client": client.naam if client else None,
            "geboortedatum": client.geboortedatum if client else None,
            "kenmerken": list(client.kenmerken) if client else [],
            "transactieOp": _datum(_tekst(t, "date_transaction")),
            "bedragEuro": _bedrag(_tekst(t, "amount_local")),
            "valuta": _tekst(wortel, "currency_code_local") or "EUR",
            "vanRekening": van.rekening if van else None,
            "naarRekening": naar.rekening if naar else None,
            "aard": " — ".join(
                x
                for x in (_tekst(t, "transaction_description"), _tekst(t, "transaction_location"))
                if x
            ),
            "reden": reden,
        }
        try:
            uit.append(valideer(MeldingIn, {k: v for k, v in gegevens.items() if v is not None}))
        except OngeldigeInvoer as exc:
            nummer = _tekst(t, "transactionnumber") or str(n)
            fouten += [f"Transactie {nummer}: {melding}" for melding in exc.fouten.values()]
    if fouten:
        raise OngeldigeInvoer(bestandsfouten(fouten))
    return uit


def bestandsfouten(meldingen: list[str]) -> dict[str, str]:
    """Every problem of a file as its own message, all at the file field (`bestand`,
    `bestand.2`, …): the form lists them under the field, each with its own anchor."""
    return {("bestand" if i == 1 else f"bestand.{i}"): m for i, m in enumerate(meldingen, 1)}


def meld(ctx: Context, inhoud: bytes) -> list[Ontvangstbevestiging]:
    """Report every transaction of a goAML file in one transaction: all or nothing."""
    deur.toegang_melder(ctx)
    invoer = lees(inhoud, ctx.ik.organisatie_id)
    return [meldingen.meld(ctx, i, Meldkanaal.GOAML) for i in invoer]
