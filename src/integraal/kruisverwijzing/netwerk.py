# SPDX-License-Identifier: EUPL-1.2
"""The network view of a case: a subject's relations page by page, the shortest path between
two subjects, and patterns worth a look.

Everything is read through `toegang.netwerk` (a rule decision per group for the case's purpose,
a log line per entity read) and merged along the standing judgements of the judgement queue,
so a person delivered by three partners is one node. Patterns are leads with their reason —
counted facts and the threshold that made them show — for the analyst to judge.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from followthemoney import model

from integraal.delen import Beslisser
from integraal.domein.actor import Actor
from integraal.domein.labels import schema_label
from integraal.kruis import netwerk
from integraal.kruis.netwerk import Patroon, Rand, Relatie, Samenvoeging
from integraal.kruisverwijzing import OngeldigeInvoer, oordelen
from integraal.kruisverwijzing.taken import lid_van_casus
from integraal.opslag import beheer
from integraal.opslag import casussen as casusopslag
from integraal.opslag.db import Sessie
from integraal.toegang.lezen import Entiteitbeeld, Leesvraag
from integraal.toegang.netwerk import Netwerklezer

PER_PAGINA = 25
MAX_RELATIES = 500  # relation entities read around one subject
MAX_STAPPEN = 6
MAX_KNOPEN = 2000  # nodes a path search may visit

_ORGANISATIES = sorted(n for n, s in model.schemata.items() if s.is_a("Organization"))


@dataclass(frozen=True)
class Knoop:
    id: str  # a record id, or the smallest record id of a subject the judgements joined
    leden: tuple[str, ...]
    schema: str | None  # None when the reader may see nothing of it
    naam: str

    @property
    def soort(self) -> str:
        return schema_label(self.schema) if self.schema else "niet zichtbaar"

    @property
    def samengevoegd(self) -> bool:
        return len(self.leden) > 1


@dataclass(frozen=True)
class Relatieregel:
    rand: Rand
    ander: Knoop
    omschrijving: str  # what the relation entity says: role, share, amount, period

    @property
    def label(self) -> str:
        return netwerk.RELATIE_LABELS[self.rand.soort]


@dataclass
class Uitbreiding:
    centrum: Knoop
    regels: list[Relatieregel]
    totaal: int
    per_soort: dict[Relatie, int]
    pagina: int
    paginas: int
    afgekapt: bool  # more relations exist than were read (MAX_RELATIES)


@dataclass
class Padstap:
    van: Knoop
    regel: Relatieregel


@dataclass
class Pad:
    van: Knoop
    naar: Knoop
    stappen: list[Padstap] | None  # None: no path found within the caps
    bezocht: int
    afgekapt: bool


@dataclass
class Patroonbeeld:
    patroon: Patroon
    kern: Knoop
    betrokken: list[Knoop] = field(default_factory=list)

    @property
    def label(self) -> str:
        return netwerk.PATROON_LABELS[self.patroon.soort]


def _lezer(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, casus_id: str, herkomst: str, naam: str
) -> tuple[Netwerklezer, Samenvoeging]:
    lid_van_casus(sessie, actor, casus_id, open_vereist=False)
    casus = beheer.casus(sessie, casus_id)
    assert casus is not None
    samen = Samenvoeging(o.leden for o in oordelen.onderwerpen(sessie, actor, casus_id))
    vraag = Leesvraag(casus.doel, casus_id, herkomst)
    return Netwerklezer(sessie, beslisser, actor, vraag, naam), samen


def _naam(b: Entiteitbeeld) -> str:
    schema = model.get(b.schema)
    for prop in schema.caption if schema else ():
        if waarden := b.eigenschappen.get(prop):
            return sorted(waarden, key=len, reverse=True)[0]
    return schema_label(b.schema)


def _knoop(knoop_id: str, samen: Samenvoeging, beelden: dict[str, Entiteitbeeld]) -> Knoop:
    leden = tuple(samen.leden(knoop_id))
    gezien = [beelden[lid] for lid in leden if lid in beelden]
    if not gezien:
        return Knoop(knoop_id, leden, None, "gegevens niet zichtbaar voor u")
    # The fullest spelling names a joined subject: written out before initials, then longest.
    naam = max((_naam(b) for b in gezien), key=lambda n: (-n.count("."), len(n), n))
    return Knoop(knoop_id, leden, gezien[0].schema, naam)


_OMSCHRIJVING = (
    ("role", "rol {}"),
    ("percentage", "{} %"),
    ("amount", "bedrag {}"),
    ("startDate", "vanaf {}"),
    ("endDate", "tot {}"),
    ("date", "op {}"),
)


def _omschrijving(r: Rand, beelden: dict[str, Entiteitbeeld]) -> str:
    if r.eigenschap is not None:
        return ""
    b = beelden.get(r.via)
    if b is None:
        return ""
    delen = [
        sjabloon.format(", ".join(b.eigenschappen[prop]))
        for prop, sjabloon in _OMSCHRIJVING
        if b.eigenschappen.get(prop)
    ]
    return "; ".join(delen)


def _randen_rond(
    lezer: Netwerklezer, samen: Samenvoeging, knopen: Iterable[str], limiet: int
) -> tuple[list[Rand], bool, dict[str, str]]:
    ids = [lid for k in knopen for lid in samen.leden(k)]
    stmts, afgekapt = lezer.rond(ids, limiet)
    eindpunten = {s.value for s in stmts} | {s.entity_id for s in stmts}
    schemas = lezer.schemas(sorted(eindpunten))
    knoopschemas = {samen.knoop(k): v for k, v in schemas.items()}
    return netwerk.randen(stmts, schemas, samen), afgekapt, knoopschemas


def _beelden(
    lezer: Netwerklezer, samen: Samenvoeging, knopen: Iterable[str], via: Iterable[str] = ()
) -> dict[str, Entiteitbeeld]:
    ids = {lid for k in knopen for lid in samen.leden(k)} | set(via)
    return lezer.knopen(sorted(ids))


def breid_uit(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    casus_id: str,
    knoop_id: str,
    *,
    soorten: Collection[Relatie] = (),
    pagina: int = 1,
    herkomst: str = "app",
) -> Uitbreiding:
    """The relations of one subject, `PER_PAGINA` at a time, of the chosen kinds (all when
    none are chosen)."""
    lezer, samen = _lezer(sessie, beslisser, actor, casus_id, herkomst, "netwerk uitbreiden")
    centrum = samen.knoop(knoop_id)
    alle, afgekapt, schemas = _randen_rond(lezer, samen, [centrum], MAX_RELATIES)
    hier = netwerk.rond(alle, centrum)
    per_soort = dict(Counter(r.soort for r in hier))
    # Within a kind, organisations, persons and things stand together (names are read for
    # the page shown only, so they cannot order the pages).
    gekozen = sorted(
        (r for r in hier if not soorten or r.soort in soorten),
        key=lambda r: (
            netwerk.VOLGORDE[r.soort],
            schema_label(schemas.get(r.ander(centrum), "")),
            r.ander(centrum),
        ),
    )
    paginas = max(1, math.ceil(len(gekozen) / PER_PAGINA))
    pagina = min(max(1, pagina), paginas)
    deel = gekozen[(pagina - 1) * PER_PAGINA : pagina * PER_PAGINA]
    beelden = _beelden(
        lezer, samen, [centrum, *(r.ander(centrum) for r in deel)], (r.via for r in deel)
    )
    if not any(lid in beelden for lid in samen.leden(centrum)) and not hier:
        lezer.sluit({"knoop": centrum})
        raise OngeldigeInvoer(
            {"knoop": "dit subject bestaat niet in deze casus of u mag het niet zien"}
        )
    uit = Uitbreiding(
        centrum=_knoop(centrum, samen, beelden),
        regels=[
            Relatieregel(r, _knoop(r.ander(centrum), samen, beelden), _omschrijving(r, beelden))
            for r in deel
        ],
        totaal=len(gekozen),
        per_soort=per_soort,
        pagina=pagina,
        paginas=paginas,
        afgekapt=afgekapt,
    )
    lezer.sluit({"knoop": centrum, "pagina": pagina, "relaties": len(gekozen)})
    return uit


def kortste_pad(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    casus_id: str,
    van: str,
    naar: str,
    *,
    herkomst: str = "app",
) -> Pad:
    """A shortest chain of relations between two subjects, at most `MAX_STAPPEN` long."""
    if not van or not naar:
        raise OngeldigeInvoer({"van": "kies twee subjecten", "naar": "kies twee subjecten"})
    lezer, samen = _lezer(sessie, beslisser, actor, casus_id, herkomst, "netwerk pad zoeken")

    gekapt = False

    def buren(front: set[str]) -> list[Rand]:
        nonlocal gekapt
        randen, afgekapt, _ = _randen_rond(lezer, samen, sorted(front), MAX_KNOPEN)
        gekapt |= afgekapt  # a level read only in part may hide a shorter path
        return randen

    a, b = samen.knoop(van), samen.knoop(naar)
    zoek = netwerk.kortste_pad(buren, a, b, max_stappen=MAX_STAPPEN, max_knopen=MAX_KNOPEN)
    onderweg = [a, b] + [x for r in zoek.randen or [] for x in (r.van, r.naar)]
    beelden = _beelden(lezer, samen, onderweg, (r.via for r in zoek.randen or []))
    stappen = None
    if zoek.randen is not None:
        stappen = []
        hier = a
        for r in zoek.randen:
            stappen.append(
                Padstap(
                    _knoop(hier, samen, beelden),
                    Relatieregel(
                        r, _knoop(r.ander(hier), samen, beelden), _omschrijving(r, beelden)
                    ),
                )
            )
            hier = r.ander(hier)
    lezer.sluit({"van": a, "naar": b, "stappen": None if stappen is None else len(stappen)})
    return Pad(
        _knoop(a, samen, beelden),
        _knoop(b, samen, beelden),
        stappen,
        zoek.bezocht,
        zoek.afgekapt or gekapt,
    )


def patronen(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, casus_id: str, *, herkomst: str = "app"
) -> list[Patroonbeeld]:
    """The patterns in what the reader may see of the case, each with its reason."""
    lezer, samen = _lezer(sessie, beslisser, actor, casus_id, herkomst, "netwerk patronen")
    refs = lezer.scan(
        [*_ORGANISATIES, "Directorship", "Ownership"],
        ["addressEntity", "director", "organization", "owner", "asset"],
    )
    eindpunten = sorted({r.value for r in refs} | {r.entity_id for r in refs})
    schemas = lezer.schemas(eindpunten)
    alle = netwerk.randen(refs, schemas, samen)
    # Organisations' dates are read only for those someone directs.
    bestuurd = sorted({r.naar for r in alle if r.soort is Relatie.BESTUUR})
    organisaties = _beelden(lezer, samen, bestuurd)
    dagen = {
        k: netwerk.levensduur(
            [w for lid in samen.leden(k) for w in _waarden(organisaties, lid, "incorporationDate")],
            [w for lid in samen.leden(k) for w in _waarden(organisaties, lid, "dissolutionDate")],
        )
        for k in bestuurd
    }
    houders = netwerk.houders_per_rekening(alle, schemas)
    rond_houders, _, _ = _randen_rond(
        lezer, samen, sorted({h for hs in houders.values() for h in hs}), MAX_KNOPEN
    )
    gevonden = [
        *netwerk.adressen_met_veel_organisaties(alle, schemas),
        *netwerk.bestuurders_van_kort_bestaande(alle, schemas, dagen),
        *netwerk.gedeelde_rekeningen(houders, [*alle, *rond_houders]),
    ]
    beelden = _beelden(lezer, samen, [x for p in gevonden for x in (p.kern, *p.betrokken)])
    lezer.sluit({"patronen": len(gevonden)})
    return [
        Patroonbeeld(
            p, _knoop(p.kern, samen, beelden), [_knoop(x, samen, beelden) for x in p.betrokken]
        )
        for p in gevonden
    ]


def _waarden(beelden: dict[str, Entiteitbeeld], eid: str, prop: str) -> list[str]:
    b = beelden.get(eid)
    return b.eigenschappen.get(prop, []) if b else []


def startpunten(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, casus_id: str, *, herkomst: str = "app"
) -> list[Knoop]:
    """The case's linked subjects, as nodes to start from (read and logged like any node)."""
    lezer, samen = _lezer(sessie, beslisser, actor, casus_id, herkomst, "netwerk openen")
    knopen = sorted({samen.knoop(s.entity_id) for s in casusopslag.subjecten(sessie, casus_id)})
    beelden = _beelden(lezer, samen, knopen)
    lezer.sluit({"startpunten": len(knopen)})
    return sorted((_knoop(k, samen, beelden) for k in knopen), key=lambda k: (k.naam, k.id))
