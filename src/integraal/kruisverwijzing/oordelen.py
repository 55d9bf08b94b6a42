# SPDX-License-Identifier: EUPL-1.2
"""The judgement queue of a case: every suggestion shown side by side (both records read through
the policy layer, so each showing is logged), votes same/different/unsure, alone or in bulk,
withdrawn to undo; and the subjects the standing votes make (`kruis.oordeel`)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import Field

from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden
from integraal.domein.invoer import Invoer, OptioneleTekst, Uitvoer, veld
from integraal.kruis import personen
from integraal.kruis.oordeel import (
    Oordeel,
    Paarstatus,
    Stand,
    Stem,
    Weigering,
    controleer,
    paar,
    stand,
)
from integraal.kruisverwijzing.taken import lid_van_casus
from integraal.opslag import beheer
from integraal.opslag import kruis as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Kruisoordeel, Kruissuggestie
from integraal.toegang import Entiteitbeeld, EntiteitUit, Leesvraag, lees_entiteit
from integraal.verwerking import Context

PER_PAGINA = 20


class OordeelIn(Invoer):
    suggestie_ids: list[int] = veld("Suggesties", min_length=1, max_length=500)
    oordeel: Oordeel = veld("Oordeel")
    toelichting: OptioneleTekst = veld("Toelichting", standaard=None, max_length=2000)

    meldingen: ClassVar[dict[str, str]] = {
        "suggestie_ids": "Vink ten minste één suggestie aan.",
        "oordeel": "Kies zelfde persoon, verschillende personen of weet ik niet.",
    }


class Wachtrijvraag(Invoer):
    status: Paarstatus | None = veld("Status", standaard=None)
    pagina: int = veld("Pagina", standaard=1, ge=1, le=100_000)


class UitlegUit(Uitvoer):
    veld: str
    niveau: str = Field(description="Niveau van overeenkomst, in het Nederlands")
    gewicht: float = Field(description="Bijdrage aan de score in bits (log2 van m/u)")
    aandeel: float | None = Field(None, description="Bij gelijke waarde: aandeel records ermee")
    links: str = ""
    rechts: str = ""


class OordeelUit(Uitvoer):
    id: int
    oordeel: Oordeel
    gebruiker_id: int
    gebruiker: str
    organisatie_id: str
    toelichting: str | None
    tijd: dt.datetime
    ingetrokken_op: dt.datetime | None


class SuggestieUit(Uitvoer):
    id: int
    kans: float
    gewicht: float
    status: Paarstatus
    over_organisaties: bool
    uitleg: list[UitlegUit]
    links: EntiteitUit | None
    rechts: EntiteitUit | None
    oordelen: list[OordeelUit]


class Wachtrijpagina(Uitvoer):
    resultaten: list[SuggestieUit]
    totaal: int
    pagina: int
    paginas: int
    per_status: dict[str, int]


class WeigeringUit(Uitvoer):
    suggestie_id: int
    reden: str


class OordeelAntwoord(Uitvoer):
    geweigerd: list[WeigeringUit]


class OnderwerpUit(Uitvoer):
    id: str
    leden: list[str]


def _stemmen(oordelen: list[Kruisoordeel]) -> list[Stem]:
    return [
        Stem(
            o.id,
            o.links,
            o.rechts,
            Oordeel(o.oordeel),
            o.gebruiker_id,
            o.organisatie_id,
            o.ingetrokken_op is not None,
        )
        for o in oordelen
    ]


def _over_organisaties(suggesties: list[Kruissuggestie]) -> dict[tuple[str, str], bool]:
    return {(s.links, s.rechts): s.over_organisaties for s in suggesties}


def _stand(sessie: Sessie, casus_id: str, kruis: dict[tuple[str, str], bool]) -> Stand:
    return stand(_stemmen(opslag.oordelen(sessie, casus_id)), kruis)


_ADRES = ("straat", "huisnummer", "postcode", "plaats")
_TITEL = {v.titel: v.naam for v in personen.VELDEN}
_TITEL_VAN = {v.naam: v.titel for v in personen.VELDEN}


def _velden(ctx: Context, vraag: Leesvraag, b: Entiteitbeeld | None) -> dict[str, str]:
    """The compared fields of a person as the reader may see them; its address read (and
    logged) like the person."""
    if b is None:
        return {}
    adressen = {}
    for ref in b.eigenschappen.get("addressEntity", [])[:1]:
        adres = lees_entiteit(ctx, vraag, ref)
        if adres is not None:
            adressen[ref] = adres.eigenschappen
    r = personen.record(b.id, b.eigenschappen, adressen)
    uit = {titel: r.get(naam, "") for titel, naam in _TITEL.items()}
    uit["adres"] = " ".join(r[k] for k in _ADRES if r[k])
    pseudoniem = _TITEL_VAN["bsn_pseudoniem"]
    if uit.get(pseudoniem):
        # Equal or not is what the level says; the pseudonym itself is never shown.
        uit[pseudoniem] = "bekend (versleuteld)"
    return uit


def _suggestie(
    ctx: Context,
    vraag: Leesvraag,
    s: Kruissuggestie,
    status: Paarstatus,
    stemmen: list[Kruisoordeel],
    namen: dict[int, str],
) -> SuggestieUit:
    links = lees_entiteit(ctx, vraag, s.links)
    rechts = lees_entiteit(ctx, vraag, s.rechts)
    vl, vr = _velden(ctx, vraag, links), _velden(ctx, vraag, rechts)
    return SuggestieUit(
        id=s.id,
        kans=s.kans,
        gewicht=s.gewicht,
        status=status,
        over_organisaties=s.over_organisaties,
        uitleg=[
            UitlegUit(**u, links=vl.get(u["veld"], ""), rechts=vr.get(u["veld"], ""))
            for u in s.uitleg
        ],
        links=EntiteitUit.van(links) if links else None,
        rechts=EntiteitUit.van(rechts) if rechts else None,
        oordelen=[
            OordeelUit(
                id=o.id,
                oordeel=Oordeel(o.oordeel),
                gebruiker_id=o.gebruiker_id,
                gebruiker=namen.get(o.gebruiker_id, "onbekend"),
                organisatie_id=o.organisatie_id,
                toelichting=o.toelichting,
                tijd=o.tijd,
                ingetrokken_op=o.ingetrokken_op,
            )
            for o in stemmen
        ],
    )


def wachtrij(ctx: Context, casus_id: str, vraag: Wachtrijvraag) -> Wachtrijpagina:
    """The judgement queue, a page at a time; both records of every pair shown are read
    through the door (and logged)."""
    lid_van_casus(ctx, casus_id, open_vereist=False)
    casus = beheer.casus(ctx.sessie, casus_id)
    assert casus is not None
    alle = opslag.suggesties(ctx.sessie, casus_id)
    huidig = _stand(ctx.sessie, casus_id, _over_organisaties(alle))
    per_status: dict[str, int] = {}
    for s in alle:
        st = huidig.status.get((s.links, s.rechts), Paarstatus.OPEN).value
        per_status[st] = per_status.get(st, 0) + 1
    gekozen = [
        s
        for s in alle
        if vraag.status is None
        or huidig.status.get((s.links, s.rechts), Paarstatus.OPEN) == vraag.status
    ]
    paginas = max(1, -(-len(gekozen) // PER_PAGINA))
    pagina = min(max(1, vraag.pagina), paginas)
    deel = gekozen[(pagina - 1) * PER_PAGINA : pagina * PER_PAGINA]
    per_paar: dict[tuple[str, str], list[Kruisoordeel]] = {}
    for o in opslag.oordelen(ctx.sessie, casus_id):
        per_paar.setdefault(paar(o.links, o.rechts), []).append(o)
    namen = {g.id: g.naam for g in beheer.gebruikers(ctx.sessie)}
    leesvraag = Leesvraag(casus.doel, casus_id)
    return Wachtrijpagina(
        resultaten=[
            _suggestie(
                ctx,
                leesvraag,
                s,
                huidig.status.get((s.links, s.rechts), Paarstatus.OPEN),
                per_paar.get((s.links, s.rechts), []),
                namen,
            )
            for s in deel
        ],
        totaal=len(gekozen),
        pagina=pagina,
        paginas=paginas,
        per_status=per_status,
    )


def beoordeel(ctx: Context, casus_id: str, invoer: OordeelIn) -> OordeelAntwoord:
    """Vote on one or more suggestions. A vote that breaks a rule is refused with its reason;
    the others are recorded. A person's earlier standing vote on the same pair is replaced."""
    actor = ctx.ik
    lid_van_casus(ctx, casus_id)
    sessie = ctx.sessie
    alle = opslag.suggesties(sessie, casus_id)
    kruis = _over_organisaties(alle)
    suggesties = {s.id: s for s in alle}
    geweigerd: list[WeigeringUit] = []
    for sid in invoer.suggestie_ids:
        s = suggesties.get(sid)
        if s is None:
            geweigerd.append(
                WeigeringUit(suggestie_id=sid, reden="deze suggestie hoort niet bij deze casus")
            )
            continue
        eerder = opslag.staande_oordelen_van(
            sessie, casus_id, s.links, s.rechts, actor.gebruiker_id
        )
        for o in eerder:
            o.ingetrokken_op = ctx.nu()
        sessie.flush()
        nieuw = Stem(0, s.links, s.rechts, invoer.oordeel, actor.gebruiker_id, actor.organisatie_id)
        try:
            controleer(_stand(sessie, casus_id, kruis), nieuw)
        except Weigering as exc:
            for o in eerder:
                o.ingetrokken_op = None
            geweigerd.append(WeigeringUit(suggestie_id=sid, reden=str(exc)))
            continue
        beheer.bewaar(
            sessie,
            Kruisoordeel(
                casus_id=casus_id,
                links=s.links,
                rechts=s.rechts,
                oordeel=invoer.oordeel.value,
                toelichting=invoer.toelichting,
                gebruiker_id=actor.gebruiker_id,
                organisatie_id=actor.organisatie_id,
            ),
        )
        ctx.audit(
            "kruisverwijzing oordeel",
            casus=casus_id,
            suggestie=sid,
            oordeel=invoer.oordeel.value,
        )
    return OordeelAntwoord(geweigerd=geweigerd)


def trek_in(ctx: Context, casus_id: str, oordeel_id: int) -> None:
    """Undo: withdraw one's own vote. It stays on record, marked withdrawn."""
    lid_van_casus(ctx, casus_id)
    o = opslag.oordeel(ctx.sessie, oordeel_id)
    if o is None or o.casus_id != casus_id:
        raise NietGevonden("dit oordeel bestaat niet in deze casus")
    if o.gebruiker_id != ctx.ik.gebruiker_id:
        raise GeenToegang("alleen wie een oordeel gaf, kan het intrekken")
    if o.ingetrokken_op is not None:
        raise Conflict("dit oordeel is al ingetrokken")
    o.ingetrokken_op = ctx.nu()
    ctx.audit("kruisverwijzing oordeel intrekken", casus=casus_id, oordeel=oordeel_id)


def onderwerpen(ctx: Context, casus_id: str) -> list[OnderwerpUit]:
    """The subjects the standing votes make: records joined into one (named by the smallest
    record id)."""
    lid_van_casus(ctx, casus_id, open_vereist=False)
    sessie = ctx.sessie
    huidig = _stand(sessie, casus_id, _over_organisaties(opslag.suggesties(sessie, casus_id)))
    namen = sorted(set(huidig.onderwerp.values()))
    uit = [OnderwerpUit(id=n, leden=huidig.leden(n)) for n in namen]
    return [o for o in uit if len(o.leden) > 1]


def te_beoordelen(ctx: Context) -> int:
    """How many suggestions in the reader's open cases wait for a judgement the reader can
    give: open, uncertain or disputed pairs, and pairs waiting for a second person that the
    reader did not judge.
    Counts only: no record is read."""
    ik = ctx.ik
    aantal = 0
    for c in beheer.casussen_van_gebruiker(
        ctx.sessie, ik.gebruiker_id, sinds=ctx.bevestigd_sinds()
    ):
        if c.status != "open":
            continue
        alle = opslag.suggesties(ctx.sessie, c.id)
        if not alle:
            continue
        oordelen_ = opslag.oordelen(ctx.sessie, c.id)
        huidig = stand(_stemmen(oordelen_), _over_organisaties(alle))
        eigen = {
            (o.links, o.rechts)
            for o in oordelen_
            if o.gebruiker_id == ik.gebruiker_id and o.ingetrokken_op is None
        }
        for s in alle:
            st = huidig.status.get((s.links, s.rechts), Paarstatus.OPEN)
            if st in (Paarstatus.OPEN, Paarstatus.ONZEKER, Paarstatus.BETWIST) or (
                st is Paarstatus.WACHT and (s.links, s.rechts) not in eigen
            ):
                aantal += 1
    return aantal
