# SPDX-License-Identifier: EUPL-1.2
"""Dutch names for the FollowTheMoney schemata and properties users see.

FollowTheMoney ships a Dutch catalogue, but its strings are untranslated (every msgstr of
4.x is empty), so its labels stay English whatever locale is set. We keep our own table for
the part of the model partners deliver; anything else falls back to a readable form of the
property name, never to a blank.
"""

from __future__ import annotations

import re

from followthemoney import model
from followthemoney.types import registry

from integraal.domein.pseudoniem import is_pseudoniem

_ISO_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")

SCHEMA_NL: dict[str, str] = {
    "Thing": "Ding",
    "LegalEntity": "Rechtspersoon of persoon",
    "Person": "Persoon",
    "Company": "Bedrijf",
    "Organization": "Organisatie",
    "PublicBody": "Overheidsorgaan",
    "Address": "Adres",
    "Vehicle": "Voertuig",
    "Vessel": "Vaartuig",
    "Airplane": "Luchtvaartuig",
    "BankAccount": "Bankrekening",
    "RealEstate": "Onroerend goed",
    "Security": "Effect",
    "Ownership": "Eigendom",
    "Directorship": "Bestuursfunctie",
    "Employment": "Dienstverband",
    "Membership": "Lidmaatschap",
    "Family": "Familierelatie",
    "Associate": "Relatie",
    "Payment": "Betaling",
    "Identification": "Identiteitsbewijs",
    "Passport": "Paspoort",
    "Sanction": "Sanctie",
    "Note": "Notitie",
    "Document": "Document",
}

EIGENSCHAP_NL: dict[str, str] = {
    "name": "Naam",
    "alias": "Alias",
    "weakAlias": "Bijnaam",
    "previousName": "Vorige naam",
    "firstName": "Voornamen",
    "middleName": "Tussennaam",
    "lastName": "Achternaam",
    "secondName": "Tweede naam",
    "fatherName": "Naam vader",
    "motherName": "Naam moeder",
    "title": "Titel",
    "gender": "Geslacht",
    "birthDate": "Geboortedatum",
    "birthPlace": "Geboorteplaats",
    "birthCountry": "Geboorteland",
    "deathDate": "Overlijdensdatum",
    "nationality": "Nationaliteit",
    "citizenship": "Staatsburgerschap",
    "idNumber": "Identificatienummer",
    "passportNumber": "Paspoortnummer",
    "personalNumber": "Persoonsnummer",
    "socialSecurityNumber": "Sofinummer",
    "taxNumber": "Fiscaal nummer",
    "vatCode": "Btw-nummer",
    "registrationNumber": "Registratienummer",
    "registrationDate": "Registratiedatum",
    "incorporationDate": "Oprichtingsdatum",
    "dissolutionDate": "Ontbindingsdatum",
    "legalForm": "Rechtsvorm",
    "jurisdiction": "Rechtsgebied",
    "country": "Land",
    "mainCountry": "Hoofdland",
    "sector": "Sector",
    "classification": "Classificatie",
    "status": "Status",
    "capital": "Kapitaal",
    "website": "Website",
    "email": "E-mailadres",
    "phone": "Telefoonnummer",
    "profession": "Beroep",
    "position": "Functie",
    "address": "Adres",
    "addressEntity": "Adres",
    "full": "Volledig adres",
    "street": "Straat en huisnummer",
    "street2": "Straat (vervolg)",
    "postalCode": "Postcode",
    "postOfficeBox": "Postbus",
    "city": "Plaats",
    "region": "Provincie of regio",
    "state": "Staat",
    "latitude": "Breedtegraad",
    "longitude": "Lengtegraad",
    "iban": "IBAN",
    "bic": "BIC",
    "accountNumber": "Rekeningnummer",
    "accountType": "Soort rekening",
    "bankName": "Bank",
    "bank": "Bank",
    "balance": "Saldo",
    "balanceDate": "Saldodatum",
    "openingDate": "Openingsdatum",
    "closingDate": "Opheffingsdatum",
    "currency": "Valuta",
    "model": "Model",
    "type": "Soort",
    "buildDate": "Bouwdatum",
    "owner": "Eigenaar",
    "operator": "Gebruiker",
    "flag": "Vlag",
    "imoNumber": "IMO-nummer",
    "mmsi": "MMSI",
    "callSign": "Roepnaam",
    "area": "Oppervlakte",
    "cadastralCode": "Kadastrale aanduiding",
    "titleNumber": "Eigendomsbewijs",
    "landType": "Soort grond",
    "propertyType": "Soort object",
    "tenure": "Eigendomsvorm",
    "encumbrance": "Bezwaring",
    "asset": "Bezit",
    "percentage": "Percentage",
    "sharesCount": "Aantal aandelen",
    "sharesValue": "Waarde aandelen",
    "ownershipType": "Soort eigendom",
    "director": "Bestuurder",
    "organization": "Organisatie",
    "role": "Rol",
    "employee": "Werknemer",
    "employer": "Werkgever",
    "person": "Persoon",
    "relative": "Familielid",
    "associate": "Relatie",
    "relationship": "Soort relatie",
    "payer": "Betaler",
    "payerAccount": "Rekening betaler",
    "beneficiary": "Begunstigde",
    "beneficiaryAccount": "Rekening begunstigde",
    "amount": "Bedrag",
    "amountEur": "Bedrag (EUR)",
    "purpose": "Omschrijving",
    "date": "Datum",
    "startDate": "Begindatum",
    "endDate": "Einddatum",
    "summary": "Samenvatting",
    "description": "Beschrijving",
    "notes": "Notities",
    "holder": "Houder",
    "number": "Nummer",
    "authority": "Afgegeven door",
    "entity": "Entiteit",
    "reason": "Reden",
    "program": "Regeling",
    "sourceUrl": "Bron-URL",
    "publisher": "Uitgever",
    "topics": "Onderwerpen",
    "keywords": "Trefwoorden",
}


def _leesbaar(naam: str) -> str:
    woorden = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", naam).lower()
    return woorden[:1].upper() + woorden[1:]


def schema_label(schema: str) -> str:
    return SCHEMA_NL.get(schema) or _leesbaar(schema)


def eigenschap_label(eigenschap: str) -> str:
    return EIGENSCHAP_NL.get(eigenschap) or _leesbaar(eigenschap)


def toonbare_waarde(schema: str, eigenschap: str, waarde: str) -> str:
    """A stored value as a person may read it: a pseudonym is named, never shown; a reference
    to another entity is not a hash but a pointer; an ISO date reads dd-mm-jjjj."""
    if is_pseudoniem(waarde):
        soort = waarde.split("-pseudo:", 1)[0].upper()
        return f"{soort} bekend (gepseudonimiseerd)"
    s = model.get(schema)
    prop = s.get(eigenschap) if s is not None else None
    if prop is not None and prop.type == registry.entity:
        return "verwijzing naar een ander gegeven"
    if prop is not None and prop.type == registry.date and _ISO_DATUM.fullmatch(waarde):
        jaar, maand, dag = waarde.split("-")
        return f"{dag}-{maand}-{jaar}"
    return waarde
