# SPDX-License-Identifier: EUPL-1.2
"""Administrative claims: a last onder dwangsom (forfeited by a breach, collected by an
invorderingsbeschikking) or a bestuurlijke boete (due within six weeks), with payments and
collection status. Totals flow into the monitor as amounts (never hidden as small counts) and,
through the intervention it carries out, into the case's results."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import ClassVar

from integraal.bestuurlijk import koppeling
from integraal.bestuurlijk.dossier import oov
from integraal.casus.signalen import Kenmerk, KenmerkSoort, kenmerk_tekst, opgeslagen
from integraal.domein import bestuurlijk as verloop
from integraal.domein.bestuurlijk import Vorderingsoort, Vorderingstand, Vorderingstatus
from integraal.domein.casus import OngeldigeOvergang, Uitkomst
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.invoer import Bedrag, Invoer, OptioneleTekst, Uitvoer, Werkdatum, veld
from integraal.domein.keuze import Keuze
from integraal.domein.tekst import zin
from integraal.opslag import beheer
from integraal.opslag import kadaster as cijfers
from integraal.opslag import verbanden as nummering
from integraal.opslag.modellen import Bestuurlijkevordering
from integraal.toegang import bestuurlijk as deur
from integraal.verwerking import Context
from integraal.verwerking.dossier import Stap, niet_in_de_toekomst, voeg_stap

MAATREGELEN = frozenset({"last-onder-dwangsom", "bestuurlijke-boete"})


def _centen(bedrag: Decimal) -> int:
    return int(bedrag * 100)


class VorderingIn(Invoer):
    soort: Vorderingsoort = veld("Soort")
    schuldenaar: str = veld("Naam van de overtreder", min_length=2, max_length=300)
    kenmerken: list[Kenmerk] = veld(
        "Kenmerken van de overtreder",
        hint="KvK-nummer, RSIN of BSN (mag leeg).",
        standaard=[],
        max_length=5,
    )
    omschrijving: str = veld(
        "Overtreding en last",
        hint="Welke regel is overtreden en wat de last inhoudt.",
        min_length=10,
        max_length=5000,
    )
    bedrag_euro: Bedrag = veld(
        "Bedrag in euro",
        hint="De boete, of de dwangsom per overtreding of per dag.",
    )
    maximum_euro: Bedrag | None = veld(
        "Maximum in euro",
        hint="Bij een dwangsom: het bedrag waarboven niets meer wordt verbeurd.",
        standaard=None,
    )
    opgelegd_op: Werkdatum | None = veld("Opgelegd op", hint="Leeg: vandaag.", standaard=None)
    termijn_tot: Werkdatum | None = veld(
        "Termijn tot",
        hint="Dwangsom: einde van de begunstigingstermijn. Boete: leeg is zes weken na "
        "opleggen (Awb art. 4:87).",
        standaard=None,
    )
    sluiting_id: OptioneleTekst = veld("Hoort bij sluiting", standaard=None, max_length=20)
    interventie_id: OptioneleTekst = veld(
        "Hoort bij interventie",
        hint="Een voorgestelde interventie uit een advies van het RIEC.",
        standaard=None,
        max_length=40,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies last onder dwangsom of bestuurlijke boete.",
        "schuldenaar": "Vul de naam van de overtreder in.",
        "omschrijving": "Beschrijf de overtreding in minstens 10 tekens.",
        "bedrag_euro": "Vul het bedrag in euro in, bijvoorbeeld 1.250,00.",
    }


class Vorderingsstap(Keuze):
    VERBEURD = "verbeurd", "Dwangsom verbeurd"
    BETALING = "betaling", "Betaling ontvangen"
    NAGEKOMEN = "nagekomen", "Last nagekomen"
    INVORDERING = "invordering", "Invordering gestart"
    ONINBAAR = "oninbaar", "Oninbaar verklaard"
    VERVALLEN = "vervallen", "Vervallen (bezwaar gegrond of ingetrokken)"


MET_BEDRAG = frozenset({Vorderingsstap.VERBEURD, Vorderingsstap.BETALING})


class VorderingsstapIn(Invoer):
    stap: Vorderingsstap = veld("Stap")
    bedrag_euro: Bedrag | None = veld(
        "Bedrag in euro", hint="Bij verbeuren en betalen.", standaard=None
    )
    datum: Werkdatum | None = veld("Datum", hint="Leeg: vandaag.", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {"stap": "Kies wat er is gebeurd."}


class Vorderingsverloop(Stap):
    """A step with the amount it forfeited or paid."""

    bedrag_euro: Decimal | None = None


class VorderingKop(Uitvoer):
    id: str
    soort: Vorderingsoort
    status: Vorderingstatus
    opgelegd_op: dt.date
    termijn_tot: dt.date | None
    verschuldigd_euro: Decimal
    betaald_euro: Decimal


class VorderingUit(VorderingKop):
    schuldenaar: str
    kenmerken: list[str]
    omschrijving: str
    bedrag_euro: Decimal
    maximum_euro: Decimal
    open_euro: Decimal
    sluiting_id: str | None
    casus_id: str | None
    interventie_id: str | None
    stappen: list[Vorderingsverloop]


def _euro(centen: int) -> Decimal:
    return Decimal(centen) / 100


def _kop(v: Bestuurlijkevordering) -> VorderingKop:
    return VorderingKop(
        id=v.id,
        soort=Vorderingsoort(v.soort),
        status=Vorderingstatus(v.status),
        opgelegd_op=v.opgelegd_op,
        termijn_tot=v.termijn_tot,
        verschuldigd_euro=_euro(v.verschuldigd_centen),
        betaald_euro=_euro(v.betaald_centen),
    )


def _uit(v: Bestuurlijkevordering) -> VorderingUit:
    return VorderingUit(
        **_kop(v).model_dump(),
        schuldenaar=v.schuldenaar,
        kenmerken=[kenmerk_tekst(k) for k in v.kenmerken],
        omschrijving=v.omschrijving,
        bedrag_euro=_euro(v.bedrag_centen),
        maximum_euro=_euro(v.maximum_centen),
        open_euro=_euro(v.verschuldigd_centen - v.betaald_centen),
        sluiting_id=v.sluiting_id,
        casus_id=v.casus_id,
        interventie_id=v.interventie_id,
        stappen=[
            Vorderingsverloop(
                op=dt.date.fromisoformat(s["op"]),
                stap=s["stap"],
                bedrag_euro=_euro(s["centen"]) if s.get("centen") is not None else None,
            )
            for s in v.stappen
        ],
    )


def _stand(v: Bestuurlijkevordering) -> Vorderingstand:
    return Vorderingstand(
        soort=Vorderingsoort(v.soort),
        status=Vorderingstatus(v.status),
        maximum=v.maximum_centen,
        verschuldigd=v.verschuldigd_centen,
        betaald=v.betaald_centen,
    )


def _zet(v: Bestuurlijkevordering, s: Vorderingstand) -> None:
    v.status, v.verschuldigd_centen, v.betaald_centen = s.status.value, s.verschuldigd, s.betaald


def leg_op(ctx: Context, invoer: VorderingIn) -> VorderingUit:
    oov(ctx)
    if any(
        k.soort not in (KenmerkSoort.BSN, KenmerkSoort.KVK, KenmerkSoort.RSIN)
        for k in invoer.kenmerken
    ):
        raise OngeldigeInvoer({"kenmerken": "Gebruik een KvK-nummer, RSIN of BSN."})
    if invoer.sluiting_id:
        deur.sluiting(ctx, invoer.sluiting_id, naam="sluiting koppelen aan vordering")
    maximum = _centen(invoer.maximum_euro) if invoer.maximum_euro is not None else None
    try:
        stand = verloop.nieuwe_vordering(invoer.soort, _centen(invoer.bedrag_euro), maximum)
    except OngeldigeOvergang as exc:
        veld_ = "maximum_euro" if "maximum" in str(exc) else "bedrag_euro"
        raise OngeldigeInvoer({veld_: zin(str(exc))}) from exc
    opgelegd = invoer.opgelegd_op or ctx.nu().date()
    niet_in_de_toekomst(ctx, opgelegd_op=opgelegd)
    if invoer.termijn_tot is not None and invoer.termijn_tot < opgelegd:
        raise OngeldigeInvoer({"termijn_tot": "De termijn eindigt niet voor het opleggen."})
    termijn = invoer.termijn_tot
    if termijn is None and invoer.soort is Vorderingsoort.BOETE:
        termijn = opgelegd + verloop.BETAALTERMIJN_BOETE
    if termijn is None:
        raise OngeldigeInvoer({"termijn_tot": "Vul het einde van de begunstigingstermijn in."})
    casus_id = koppeling.start(ctx, invoer.interventie_id, MAATREGELEN)
    v = Bestuurlijkevordering(
        id=nummering.volgend_nummer(ctx.sessie, Bestuurlijkevordering, "BV", ctx.nu().year),
        organisatie_id=ctx.ik.organisatie_id,
        soort=invoer.soort.value,
        schuldenaar=invoer.schuldenaar,
        kenmerken=opgeslagen(ctx.pseudoniem_sleutel, invoer.kenmerken),
        omschrijving=invoer.omschrijving,
        bedrag_centen=_centen(invoer.bedrag_euro),
        maximum_centen=stand.maximum,
        status=stand.status.value,
        opgelegd_op=opgelegd,
        termijn_tot=termijn,
        stappen=[],
        sluiting_id=invoer.sluiting_id,
        casus_id=casus_id,
        interventie_id=invoer.interventie_id,
        aangemaakt_door=ctx.ik.gebruiker_id,
        aangemaakt_op=ctx.nu(),
    )
    _zet(v, stand)
    voeg_stap(ctx, v, f"{invoer.soort.label} opgelegd", opgelegd, centen=v.bedrag_centen)
    beheer.bewaar(ctx.sessie, v)
    deur.leg_vast(ctx, "vordering opleggen", "bestuurlijke_vordering", deur.HANDHAVING, v.kenmerken)
    if invoer.soort is Vorderingsoort.BOETE:
        koppeling.rond_af(ctx, v.interventie_id, Uitkomst.BOETE, opgelegd, v.bedrag_centen)
    else:
        koppeling.rond_af(ctx, v.interventie_id, Uitkomst.LAST_OPGELEGD, opgelegd)
    ctx.audit("vordering opleggen", vordering=v.id, soort=v.soort)
    return _uit(v)


def lijst(ctx: Context) -> list[VorderingKop]:
    return [_kop(v) for v in deur.vorderingen(ctx)]


def lees(ctx: Context, vordering_id: str) -> VorderingUit:
    oov(ctx)
    return _uit(deur.vordering(ctx, vordering_id))


def stap(ctx: Context, vordering_id: str, invoer: VorderingsstapIn) -> None:
    oov(ctx)
    v = deur.vordering(ctx, vordering_id, naam="vordering behandelen")
    if invoer.stap in MET_BEDRAG and invoer.bedrag_euro is None:
        raise OngeldigeInvoer({"bedrag_euro": "Vul het bedrag in euro in."})
    if invoer.stap not in MET_BEDRAG and invoer.bedrag_euro is not None:
        raise OngeldigeInvoer({"bedrag_euro": "Bij deze stap hoort geen bedrag; laat het leeg."})
    niet_in_de_toekomst(ctx, datum=invoer.datum)
    centen = _centen(invoer.bedrag_euro) if invoer.bedrag_euro is not None else None
    stand = _stand(v)
    try:
        match invoer.stap:
            case Vorderingsstap.VERBEURD:
                assert centen is not None
                dag = invoer.datum or ctx.nu().date()
                if v.termijn_tot is not None and dag <= v.termijn_tot:
                    # Awb art. 5:32a: nothing is forfeited during the term to comply.
                    raise OngeldigeOvergang(
                        f"de begunstigingstermijn loopt tot en met {v.termijn_tot:%d-%m-%Y}; "
                        "daarna pas wordt de dwangsom verbeurd"
                    )
                stand = verloop.verbeurd(stand, centen)
            case Vorderingsstap.BETALING:
                assert centen is not None
                stand = verloop.betaling(stand, centen)
            case Vorderingsstap.NAGEKOMEN:
                stand = verloop.nagekomen(stand)
            case Vorderingsstap.INVORDERING:
                stand = verloop.invordering(stand)
            case Vorderingsstap.ONINBAAR:
                stand = verloop.oninbaar(stand)
            case Vorderingsstap.VERVALLEN:
                stand = verloop.vervallen(stand)
    except OngeldigeOvergang as exc:
        veld_ = (
            "datum"
            if "begunstigingstermijn" in str(exc)
            else "bedrag_euro"
            if invoer.stap in MET_BEDRAG
            else "stap"
        )
        raise OngeldigeInvoer({veld_: zin(str(exc))}) from exc
    _zet(v, stand)
    dag = invoer.datum or ctx.nu().date()
    voeg_stap(ctx, v, invoer.stap.label, dag, centen=centen if invoer.stap in MET_BEDRAG else None)
    ctx.audit("vordering bijwerken", invoer.stap.value, vordering=v.id)


def te_bewaken(ctx: Context) -> int:
    """Claims whose compliance or payment term ends within two weeks (a count)."""
    return cijfers.vordering_termijnen(
        ctx.sessie, ctx.ik.organisatie_id, ctx.nu().date() + dt.timedelta(weeks=2)
    )
