# SPDX-License-Identifier: EUPL-1.2
"""The judgement queue of a case: every suggestion shown side by side (both records read through
the policy layer, so each showing is logged), votes same/different/unsure, alone or in bulk,
withdrawn to undo; and the subjects the standing votes make (`kruis.oordeel`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from integraal import logboek
from integraal.delen import Beslisser
from integraal.domein.actor import Actor
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
from integraal.kruisverwijzing import GeenToegang, OngeldigeInvoer
from integraal.kruisverwijzing.taken import lid_van_casus
from integraal.opslag import beheer
from integraal.opslag import kruis as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Kruisoordeel, Kruissuggestie, nu
from integraal.toegang import Entiteitbeeld, Leesvraag, lees_entiteit

PER_PAGINA = 20


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


@dataclass
class Regel:
    suggestie: Kruissuggestie
    status: Paarstatus
    oordelen: list[Kruisoordeel]
    links: Entiteitbeeld | None
    rechts: Entiteitbeeld | None
    # Per explained field (its title), the value on each side as compared; empty when the
    # reader may not see it.
    waarden: dict[str, tuple[str, str]] = field(default_factory=dict)


_ADRES = ("straat", "huisnummer", "postcode", "plaats")
_TITEL = {v.titel: v.naam for v in personen.VELDEN}
_TITEL_VAN = {v.naam: v.titel for v in personen.VELDEN}


def _velden(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, vraag: Leesvraag, b: Entiteitbeeld | None
) -> dict[str, str]:
    """The compared fields of a person as the reader may see them; its address read (and
    logged) like the person."""
    if b is None:
        return {}
    adressen = {}
    for ref in b.eigenschappen.get("addressEntity", [])[:1]:
        adres = lees_entiteit(sessie, beslisser, actor, vraag, ref)
        if adres is not None:
            adressen[ref] = adres.eigenschappen
    r = personen.record(b.id, b.eigenschappen, adressen)
    uit = {titel: r.get(naam, "") for titel, naam in _TITEL.items()}
    uit["adres"] = " ".join(r[k] for k in _ADRES if r[k])
    pseudoniem = _TITEL_VAN["bsn_pseudoniem"]
    if uit.get(pseudoniem):
        # Equal or not is what matters; the full hash only clutters the comparison.
        uit[pseudoniem] = uit[pseudoniem][:18] + "…"
    return uit


def _regel(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    vraag: Leesvraag,
    s: Kruissuggestie,
    status: Paarstatus,
    stemmen: list[Kruisoordeel],
) -> Regel:
    links = lees_entiteit(sessie, beslisser, actor, vraag, s.links)
    rechts = lees_entiteit(sessie, beslisser, actor, vraag, s.rechts)
    vl = _velden(sessie, beslisser, actor, vraag, links)
    vr = _velden(sessie, beslisser, actor, vraag, rechts)
    waarden = {u["veld"]: (vl.get(u["veld"], ""), vr.get(u["veld"], "")) for u in s.uitleg}
    return Regel(s, status, stemmen, links, rechts, waarden)


@dataclass
class Wachtrij:
    regels: list[Regel]
    totaal: int
    per_status: dict[str, int] = field(default_factory=dict)
    pagina: int = 1
    paginas: int = 1


def wachtrij(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    casus_id: str,
    *,
    status: str | None = None,
    pagina: int = 1,
    herkomst: str = "app",
) -> Wachtrij:
    lid_van_casus(sessie, actor, casus_id, open_vereist=False)
    casus = beheer.casus(sessie, casus_id)
    assert casus is not None
    alle = opslag.suggesties(sessie, casus_id)
    huidig = _stand(sessie, casus_id, _over_organisaties(alle))
    per_status: dict[str, int] = {}
    for s in alle:
        st = huidig.status.get((s.links, s.rechts), Paarstatus.OPEN).value
        per_status[st] = per_status.get(st, 0) + 1
    gekozen = [
        s
        for s in alle
        if status is None or huidig.status.get((s.links, s.rechts), Paarstatus.OPEN) == status
    ]
    paginas = max(1, -(-len(gekozen) // PER_PAGINA))
    pagina = min(max(1, pagina), paginas)
    deel = gekozen[(pagina - 1) * PER_PAGINA : pagina * PER_PAGINA]
    per_paar: dict[tuple[str, str], list[Kruisoordeel]] = {}
    for o in opslag.oordelen(sessie, casus_id):
        per_paar.setdefault(paar(o.links, o.rechts), []).append(o)
    vraag = Leesvraag(casus.doel, casus_id, herkomst)
    regels = [
        _regel(
            sessie,
            beslisser,
            actor,
            vraag,
            s,
            huidig.status.get((s.links, s.rechts), Paarstatus.OPEN),
            per_paar.get((s.links, s.rechts), []),
        )
        for s in deel
    ]
    return Wachtrij(regels, len(gekozen), per_status, pagina, paginas)


@dataclass(frozen=True)
class Geweigerd:
    suggestie_id: int
    reden: str


def beoordeel(
    sessie: Sessie,
    actor: Actor,
    casus_id: str,
    suggestie_ids: list[int],
    oordeel: Oordeel,
    toelichting: str | None = None,
    *,
    herkomst: str = "app",
) -> list[Geweigerd]:
    """Vote on one or more suggestions. A vote that breaks a rule is refused with its reason;
    the others are recorded. A person's earlier standing vote on the same pair is replaced."""
    lid_van_casus(sessie, actor, casus_id)
    if not suggestie_ids:
        raise OngeldigeInvoer({"suggesties": "kies ten minste één suggestie"})
    if toelichting is not None and len(toelichting) > 2000:
        raise OngeldigeInvoer({"toelichting": "een toelichting is hoogstens 2.000 tekens"})
    alle = opslag.suggesties(sessie, casus_id)
    kruis = _over_organisaties(alle)
    suggesties = {s.id: s for s in alle}
    geweigerd: list[Geweigerd] = []
    for sid in suggestie_ids:
        s = suggesties.get(sid)
        if s is None:
            geweigerd.append(Geweigerd(sid, "deze suggestie hoort niet bij deze casus"))
            continue
        eerder = opslag.staande_oordelen_van(
            sessie, casus_id, s.links, s.rechts, actor.gebruiker_id
        )
        for o in eerder:
            o.ingetrokken_op = nu()
        sessie.flush()
        nieuw = Stem(0, s.links, s.rechts, oordeel, actor.gebruiker_id, actor.organisatie_id)
        try:
            controleer(_stand(sessie, casus_id, kruis), nieuw)
        except Weigering as exc:
            for o in eerder:
                o.ingetrokken_op = None
            geweigerd.append(Geweigerd(sid, str(exc)))
            continue
        sessie.add(
            Kruisoordeel(
                casus_id=casus_id,
                links=s.links,
                rechts=s.rechts,
                oordeel=oordeel.value,
                toelichting=toelichting or None,
                gebruiker_id=actor.gebruiker_id,
                organisatie_id=actor.organisatie_id,
            )
        )
        sessie.flush()
        _audit(
            sessie,
            actor,
            "kruisverwijzing oordeel",
            casus_id,
            herkomst,
            suggestie=sid,
            oordeel=oordeel.value,
        )
    return geweigerd


def trek_in(
    sessie: Sessie, actor: Actor, casus_id: str, oordeel_id: int, *, herkomst: str = "app"
) -> None:
    """Undo: withdraw one's own vote. It stays on record, marked withdrawn."""
    lid_van_casus(sessie, actor, casus_id)
    o = opslag.oordeel(sessie, oordeel_id)
    if o is None or o.casus_id != casus_id:
        raise OngeldigeInvoer({"oordeel": "dit oordeel bestaat niet in deze casus"})
    if o.gebruiker_id != actor.gebruiker_id:
        raise GeenToegang("alleen wie een oordeel gaf, kan het intrekken")
    if o.ingetrokken_op is not None:
        raise OngeldigeInvoer({"oordeel": "dit oordeel is al ingetrokken"})
    o.ingetrokken_op = nu()
    _audit(
        sessie, actor, "kruisverwijzing oordeel intrekken", casus_id, herkomst, oordeel=oordeel_id
    )


@dataclass(frozen=True)
class Onderwerp:
    """One subject: the records the standing votes joined; named by its smallest record id."""

    id: str
    leden: list[str]


def onderwerpen(sessie: Sessie, actor: Actor, casus_id: str) -> list[Onderwerp]:
    lid_van_casus(sessie, actor, casus_id, open_vereist=False)
    huidig = _stand(sessie, casus_id, _over_organisaties(opslag.suggesties(sessie, casus_id)))
    namen = sorted(set(huidig.onderwerp.values()))
    uit = [Onderwerp(n, huidig.leden(n)) for n in namen]
    return [o for o in uit if len(o.leden) > 1]


def _audit(
    sessie: Sessie, actor: Actor, actie: str, casus_id: str, herkomst: str, **details: object
) -> None:
    logboek.schrijf_handeling(
        sessie, actor, actie, herkomst=herkomst, details={"casus": casus_id, **details}
    )
