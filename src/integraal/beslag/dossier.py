# SPDX-License-Identifier: EUPL-1.2
"""The vermogensdossier: a suspect's asset position from investigation to execution."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from integraal.beslag.objecten import ObjectUit
from integraal.domein.beslag import BeslagStatus
from integraal.domein.fouten import Conflict, GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Bedrag, Datum, Invoer, OptioneleTekst, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.domein.poortwachters import Opschortingstatus, opschortingstatus_op
from integraal.domein.rollen import Rol
from integraal.opslag import beheer, beslagfeiten
from integraal.opslag.modellen import (
    BekendVermogen,
    Beslagobject,
    Betaling,
    Medeschuldenaar,
    Onderzoekshandeling,
    Vermogensdossier,
)
from integraal.toegang import beslag as deur
from integraal.toegang import poortwachters as fiu
from integraal.verwerking import Context


class Executiestatus(Keuze):
    GEEN = "geen", "Nog geen executie"
    BETALINGSAANBOD = "betalingsaanbod", "Betalingsaanbod gedaan (CJIB)"
    CONSERVATOIR = "conservatoir", "Conservatoir beslag loopt"
    EXECUTORIAAL = "executoriaal", "Executoriaal (beslag omgezet na onherroepelijke uitspraak)"
    VOLDAAN = "voldaan", "Voldaan"


class Handelingsoort(Keuze):
    VORDERING_GEGEVENS = "vordering_gegevens", "Vordering gegevens (art. 126nd Sv)"
    DOORZOEKING = "doorzoeking", "Doorzoeking"
    SFO = "sfo", "Strafrechtelijk financieel onderzoek"
    RECHTSHULPVERZOEK = "rechtshulpverzoek", "Rechtshulpverzoek"
    FIU_OPSCHORTING = "fiu_opschorting", "Opschorting transactie door FIU (art. 17a Wwft)"
    OVERIG = "overig", "Overige onderzoekshandeling"


EXECUTIESTATUSSEN = dict(Executiestatus.keuzes())
HANDELINGEN = dict(Handelingsoort.keuzes())


class DossierIn(Invoer):
    verdachte: str = veld("Naam van de verdachte", min_length=2, max_length=300)
    parketnummer: str = veld("Parketnummer", standaard="", max_length=40)
    casus_id: OptioneleTekst = veld("Casus", standaard=None, max_length=40)

    meldingen: ClassVar[dict[str, str]] = {"verdachte": "Vul de naam van de verdachte in."}


class HandelingIn(Invoer):
    soort: Handelingsoort = veld("Soort onderzoekshandeling")
    datum: Datum = veld("Datum")
    omschrijving: str = veld("Omschrijving", standaard="", max_length=2000)
    opbrengst_euro: Bedrag | None = veld("Opbrengst in euro", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {"soort": "Kies de soort onderzoekshandeling."}


class VermogenIn(Invoer):
    soort: str = veld(
        "Soort vermogen", hint="Bijvoorbeeld woning, rekening.", min_length=1, max_length=60
    )
    omschrijving: str = veld("Omschrijving", min_length=1, max_length=2000)
    waarde_euro: Bedrag | None = veld("Waarde in euro", standaard=None)
    bekend_sinds: Datum = veld("Bekend sinds")


class VorderingIn(Invoer):
    bedrag_euro: Bedrag = veld("Bedrag van de vordering in euro")
    medeschuldenaren: list[str] = veld(
        "Hoofdelijk aansprakelijke medeschuldenaren",
        hint="De vermogensdossiers van de medeschuldenaren.",
        standaard=[],
        max_length=20,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "bedrag_euro": "Vul het bedrag van de vordering in, bijvoorbeeld 12.500,00."
    }


class ExecutieIn(Invoer):
    status: Executiestatus = veld("Stand van de executie")


class BetalingIn(Invoer):
    bedrag_euro: Bedrag = veld("Bedrag in euro", gt=0)
    ontvangen_op: Datum = veld("Ontvangen op")

    meldingen: ClassVar[dict[str, str]] = {
        "bedrag_euro": "Vul het ontvangen bedrag in, bijvoorbeeld 1.250,00."
    }


class DossierUit(Uitvoer):
    id: str
    verdachte: str
    parketnummer: str | None
    casus_id: str | None
    organisatie: str
    vordering_centen: int | None
    executiestatus: Executiestatus

    @classmethod
    def van(cls, d: Vermogensdossier) -> DossierUit:
        return cls(
            id=d.id,
            verdachte=d.verdachte,
            parketnummer=d.parketnummer,
            casus_id=d.casus_id,
            organisatie=d.organisatie_id,
            vordering_centen=d.vordering_centen,
            executiestatus=Executiestatus(d.executiestatus),
        )


class HandelingUit(Uitvoer):
    soort: Handelingsoort
    datum: dt.date
    omschrijving: str
    opbrengst_centen: int | None


class VermogenUit(Uitvoer):
    soort: str
    omschrijving: str
    waarde_centen: int | None
    bekend_sinds: dt.date


class BetalingUit(Uitvoer):
    bedrag_centen: int
    ontvangen_op: dt.date


class PositieUit(Uitvoer):
    datum: dt.date
    bekend_centen: int
    beslagen_centen: int
    vervreemd_centen: int
    verhaald_centen: int


class FiuOpschortingUit(Uitvoer):
    """A freeze FIU-Nederland linked to this dossier: a reference, never the report."""

    id: str
    instelling: str
    transactie_kenmerk: str
    bedrag_centen: int
    verzocht_op: dt.date
    einde: dt.date
    status: Opschortingstatus


class DossierDetail(Uitvoer):
    dossier: DossierUit
    objecten: list[ObjectUit]
    onderzoekshandelingen: list[HandelingUit]
    bekend_vermogen: list[VermogenUit]
    betalingen: list[BetalingUit]
    medeschuldenaren: list[str]
    openstaand_centen: int | None
    positie: list[PositieUit]
    opschortingen: list[FiuOpschortingUit]


def _centen(bedrag: Decimal | None) -> int | None:
    return int(bedrag * 100) if bedrag is not None else None


def open_dossier(ctx: Context, invoer: DossierIn) -> DossierUit:
    if deur.ketenrol(ctx) not in (Rol.OFFICIER, Rol.OPSPORINGSAMBTENAAR, Rol.HULPOFFICIER):
        raise GeenToegang("een vermogensdossier wordt geopend door opsporing of OM")
    if invoer.casus_id and beheer.casus(ctx.sessie, invoer.casus_id) is None:
        raise OngeldigeInvoer({"casus_id": f"Casus {invoer.casus_id} bestaat niet."})
    d = Vermogensdossier(
        id=beslagfeiten.volgend_id(ctx.sessie, Vermogensdossier, "VD"),
        verdachte=invoer.verdachte,
        parketnummer=invoer.parketnummer or None,
        casus_id=invoer.casus_id,
        organisatie_id=ctx.ik.organisatie_id,
        executiestatus=Executiestatus.GEEN.value,
        aangemaakt_op=ctx.nu(),
    )
    beheer.bewaar(ctx.sessie, d)
    ctx.audit("vermogensdossier openen", dossier=d.id)
    return DossierUit.van(d)


def _bijwerken(ctx: Context, dossier_id: str) -> Vermogensdossier:
    return deur.dossier(ctx, dossier_id, naam="vermogensdossier bijwerken")


def voeg_handeling_toe(ctx: Context, dossier_id: str, invoer: HandelingIn) -> None:
    d = _bijwerken(ctx, dossier_id)
    beheer.bewaar(
        ctx.sessie,
        Onderzoekshandeling(
            id=str(uuid.uuid4()),
            dossier_id=d.id,
            soort=invoer.soort.value,
            datum=invoer.datum,
            omschrijving=invoer.omschrijving,
            opbrengst_centen=_centen(invoer.opbrengst_euro),
            door=ctx.ik.gebruiker_id,
        ),
    )
    ctx.audit("vermogensdossier: onderzoekshandeling", dossier=d.id)


def voeg_vermogen_toe(ctx: Context, dossier_id: str, invoer: VermogenIn) -> None:
    d = _bijwerken(ctx, dossier_id)
    beheer.bewaar(
        ctx.sessie,
        BekendVermogen(
            id=str(uuid.uuid4()),
            dossier_id=d.id,
            soort=invoer.soort,
            omschrijving=invoer.omschrijving,
            waarde_centen=_centen(invoer.waarde_euro),
            bekend_sinds=invoer.bekend_sinds,
        ),
    )
    ctx.audit("vermogensdossier: bekend vermogen", dossier=d.id)


def stel_vordering_vast(ctx: Context, dossier_id: str, invoer: VorderingIn) -> None:
    """The ontnemingsvordering (art. 36e Sr); jointly liable co-debtors share one claim."""
    d = _bijwerken(ctx, dossier_id)
    if deur.ketenrol(ctx) is not Rol.OFFICIER:
        raise GeenToegang("de officier van justitie stelt de vordering vast")
    d.vordering_centen = _centen(invoer.bedrag_euro)
    for ander in invoer.medeschuldenaren:
        if ander == d.id or not deur.bestaat_dossier(ctx, ander):
            raise OngeldigeInvoer({"medeschuldenaren": f"Dossier {ander} bestaat niet."})
        if ander not in beslagfeiten.medeschuldenaren(ctx.sessie, d.id):
            beheer.bewaar(
                ctx.sessie,
                Medeschuldenaar(dossier_id=d.id, ander_id=ander),
                Medeschuldenaar(dossier_id=ander, ander_id=d.id),
            )
    ctx.audit("vermogensdossier: vordering", dossier=d.id)


def werk_executie_bij(ctx: Context, dossier_id: str, invoer: ExecutieIn) -> None:
    d = _bijwerken(ctx, dossier_id)
    if deur.ketenrol(ctx) is not Rol.OFFICIER:
        raise GeenToegang("de officier van justitie legt de stand van de executie vast")
    d.executiestatus = invoer.status.value
    ctx.audit("vermogensdossier: executie", invoer.status.value, dossier=d.id)


def registreer_betaling(ctx: Context, dossier_id: str, invoer: BetalingIn) -> None:
    d = _bijwerken(ctx, dossier_id)
    if d.vordering_centen is None:
        raise Conflict("er is nog geen vordering vastgesteld")
    beheer.bewaar(
        ctx.sessie,
        Betaling(
            id=str(uuid.uuid4()),
            dossier_id=d.id,
            bedrag_centen=_centen(invoer.bedrag_euro) or 0,
            ontvangen_op=invoer.ontvangen_op,
        ),
    )
    ctx.audit("vermogensdossier: betaling", dossier=d.id)


@dataclass(frozen=True)
class _Punt:
    datum: dt.date
    soort: str
    centen: int


def positie(
    bekend: list[BekendVermogen],
    objecten: list[Beslagobject],
    opbrengsten: dict[str, tuple[dt.date, int]],
    betalingen: list[Betaling],
) -> list[PositieUit]:
    """Cumulative asset position at each date something changed (pure)."""
    momenten = [
        *(_Punt(v.bekend_sinds, "bekend", v.waarde_centen or 0) for v in bekend),
        *(_Punt(o.beslagen_op, "beslagen", o.waarde_centen or 0) for o in objecten),
        *(_Punt(d, "vervreemd", c) for d, c in opbrengsten.values()),
        *(_Punt(b.ontvangen_op, "verhaald", b.bedrag_centen) for b in betalingen),
    ]
    stand = {"bekend": 0, "beslagen": 0, "vervreemd": 0, "verhaald": 0}
    uit: list[PositieUit] = []
    for m in sorted(momenten, key=lambda m: m.datum):
        stand[m.soort] += m.centen
        punt = PositieUit(
            datum=m.datum,
            bekend_centen=stand["bekend"],
            beslagen_centen=stand["beslagen"],
            vervreemd_centen=stand["vervreemd"],
            verhaald_centen=stand["verhaald"],
        )
        if uit and uit[-1].datum == m.datum:
            uit[-1] = punt
        else:
            uit.append(punt)
    return uit


def beeld(ctx: Context, dossier_id: str) -> DossierDetail:
    d = deur.dossier(ctx, dossier_id)
    inhoud = deur.inhoud(ctx, d)
    zichtbaar = inhoud.objecten
    opbrengsten: dict[str, tuple[dt.date, int]] = {}
    for w in beslagfeiten.waarderingen(ctx.sessie, [o.id for o in zichtbaar]):
        if w.methode == "opbrengst":
            opbrengsten[w.object_id] = (w.geregistreerd_op.date(), w.bedrag_centen)
    mede = beslagfeiten.medeschuldenaren(ctx.sessie, d.id)
    # Jointly liable: every co-debtor's payment reduces the one claim.
    betaald = sum(
        b.bedrag_centen for x in [d.id, *mede] for b in beslagfeiten.betalingen(ctx.sessie, x)
    )
    verhaald_op_beslag = sum(
        (o.waarde_centen or 0)
        for o in zichtbaar
        if o.status == BeslagStatus.VERBEURDVERKLAARD.value and o.soort in ("contant", "banktegoed")
    )
    betalingen = beslagfeiten.betalingen(ctx.sessie, d.id)
    return DossierDetail(
        dossier=DossierUit.van(d),
        objecten=[ObjectUit.van(o) for o in zichtbaar],
        onderzoekshandelingen=[
            HandelingUit(
                soort=Handelingsoort(h.soort),
                datum=h.datum,
                omschrijving=h.omschrijving,
                opbrengst_centen=h.opbrengst_centen,
            )
            for h in inhoud.handelingen
        ],
        bekend_vermogen=[
            VermogenUit(
                soort=v.soort,
                omschrijving=v.omschrijving,
                waarde_centen=v.waarde_centen,
                bekend_sinds=v.bekend_sinds,
            )
            for v in inhoud.bekend
        ],
        betalingen=[
            BetalingUit(bedrag_centen=b.bedrag_centen, ontvangen_op=b.ontvangen_op)
            for b in betalingen
        ],
        medeschuldenaren=mede,
        openstaand_centen=(
            max(d.vordering_centen - betaald - verhaald_op_beslag, 0)
            if d.vordering_centen is not None
            else None
        ),
        positie=positie(inhoud.bekend, zichtbaar, opbrengsten, betalingen),
        opschortingen=[
            FiuOpschortingUit(
                id=o.id,
                instelling=o.instelling_id,
                transactie_kenmerk=o.transactie_kenmerk,
                bedrag_centen=o.bedrag_centen,
                verzocht_op=o.verzocht_op,
                einde=o.einde,
                status=opschortingstatus_op(Opschortingstatus(o.status), o.einde, ctx.nu().date()),
            )
            for o in fiu.opschortingen_bij_dossier(ctx, d.id, d.organisatie_id)
        ],
    )


def dossiers(ctx: Context) -> list[DossierUit]:
    """The dossiers the rules let the actor's organisation see, each read logged."""
    return [DossierUit.van(d) for d in deur.dossiers(ctx)]
