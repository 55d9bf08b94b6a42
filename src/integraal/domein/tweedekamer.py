# SPDX-License-Identifier: EUPL-1.2
"""Records of the Tweede Kamer's open data (OData v4, gegevensmagazijn.tweedekamer.nl) read into
plain values: commitments (entity Toezegging) and motions (entity Zaak with Soort 'Motie').

Field names follow the published XSDs (tkData-v1-0-toezegging.xsd, -zaak.xsd, -base.xsd); the
OData JSON spells them in PascalCase. The feed is known to drift from the XSD, so every field is
optional here and a record without an Id or Nummer is refused by name rather than guessed at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from integraal.domein.monitor import TKStatus

# The feed writes 0001-01-01 where a date is empty.
_LEEG_JAAR = 1


class OnleesbaarRecord(ValueError):
    """A record from the Kamer's data that lacks what we need to store it."""


def _tekst(record: Mapping[str, Any], veld: str) -> str:
    waarde = record.get(veld)
    return str(waarde).strip() if waarde is not None else ""


def _moment(record: Mapping[str, Any], veld: str) -> dt.datetime | None:
    waarde = record.get(veld)
    if not waarde:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(waarde).replace("Z", "+00:00"))
    except ValueError as exc:
        raise OnleesbaarRecord(f"{veld}: geen datum of tijd: {waarde!r}") from exc
    if moment.year == _LEEG_JAAR:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _sleutel(record: Mapping[str, Any]) -> tuple[str, str]:
    ident, nummer = _tekst(record, "Id"), _tekst(record, "Nummer")
    if not ident or not nummer:
        raise OnleesbaarRecord("een record zonder Id of Nummer kan niet worden bijgehouden")
    return ident, nummer


@dataclass(frozen=True)
class TKToezegging:
    id: str
    nummer: str  # TZ202412-116
    tekst: str
    status: TKStatus | None
    datum_nakoming: dt.date | None
    kamerbrief_nakoming: str
    ministerie: str
    bewindspersoon: str
    verwijderd: bool
    gewijzigd_op: dt.datetime | None

    @classmethod
    def lees(cls, record: Mapping[str, Any]) -> TKToezegging:
        ident, nummer = _sleutel(record)
        status_tekst = _tekst(record, "Status")
        try:
            status = TKStatus.lees(status_tekst) if status_tekst else None
        except ValueError as exc:
            raise OnleesbaarRecord(f"{nummer}: {exc}") from exc
        nakoming = _moment(record, "DatumNakoming")
        naam = " ".join(d for d in (_tekst(record, "Functie"), _tekst(record, "Naam")) if d)
        return cls(
            id=ident,
            nummer=nummer,
            tekst=_tekst(record, "Tekst"),
            status=status,
            datum_nakoming=nakoming.date() if nakoming else None,
            kamerbrief_nakoming=_tekst(record, "KamerbriefNakoming"),
            ministerie=_tekst(record, "Ministerie"),
            bewindspersoon=naam,
            verwijderd=bool(record.get("Verwijderd", False)),
            gewijzigd_op=_moment(record, "GewijzigdOp"),
        )


@dataclass(frozen=True)
class TKMotie:
    """A motion as a Zaak. Whether the Kamer adopted it is in Besluit; whether the government
    carried it out is in none of the Kamer's data — that is our own execution status."""

    id: str
    nummer: str  # 2025Z03792
    onderwerp: str
    titel: str
    afgedaan: bool
    vergaderjaar: str
    volgnummer: int | None
    dossier: str  # "36 600 VI" when the Kamerstukdossier is expanded
    verwijderd: bool
    gewijzigd_op: dt.datetime | None

    @property
    def status(self) -> TKStatus:
        return TKStatus.AFGEDAAN if self.afgedaan else TKStatus.OPENSTAAND

    @property
    def verwijzing(self) -> str | None:
        """The citation 'Kamerstukken 2024–2025, 36 600 VI, nr. 32' when the parts are known."""
        if not (self.dossier and self.vergaderjaar and self.volgnummer):
            return None
        jaar = self.vergaderjaar.replace("-", "–")
        return f"Kamerstukken {jaar}, {self.dossier}, nr. {self.volgnummer}"

    @classmethod
    def lees(cls, record: Mapping[str, Any]) -> TKMotie:
        ident, nummer = _sleutel(record)
        volgnummer = record.get("Volgnummer")
        dossiers = record.get("Kamerstukdossier") or []
        dossier = ""
        if isinstance(dossiers, list) and dossiers:
            eerste = dossiers[0]
            nr = _groepeer(str(eerste.get("Nummer", "")))
            toevoeging = _tekst(eerste, "Toevoeging")
            dossier = f"{nr} {toevoeging}".strip() if nr else ""
        return cls(
            id=ident,
            nummer=nummer,
            onderwerp=_tekst(record, "Onderwerp"),
            titel=_tekst(record, "Titel"),
            afgedaan=bool(record.get("Afgedaan", False)),
            vergaderjaar=_tekst(record, "Vergaderjaar"),
            volgnummer=int(volgnummer)
            if isinstance(volgnummer, int | str) and volgnummer
            else None,
            dossier=dossier,
            verwijderd=bool(record.get("Verwijderd", False)),
            gewijzigd_op=_moment(record, "GewijzigdOp"),
        )


def _groepeer(nummer: str) -> str:
    """36600 → '36 600', the way Kamerstuk numbers are printed."""
    if not nummer.isdigit():
        return nummer
    omgekeerd = nummer[::-1]
    return " ".join(omgekeerd[i : i + 3] for i in range(0, len(omgekeerd), 3))[::-1]
