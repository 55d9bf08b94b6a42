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
from typing import ClassVar

from followthemoney import model
from pydantic import Field

from integraal.domein.fouten import NietGevonden
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.domein.labels import schema_label, toonbare_waarde
from integraal.kruis import netwerk
from integraal.kruis.netwerk import Patroonsoort, Rand, Relatie, Samenvoeging
from integraal.kruisverwijzing import oordelen
from integraal.kruisverwijzing.taken import lid_van_casus
from integraal.opslag import beheer
from integraal.toegang import subjecten as subjectdeur
from integraal.toegang.lezen import Entiteitbeeld, Leesvraag
from integraal.toegang.netwerk import Netwerklezer
from integraal.verwerking import Context

PER_PAGINA = 25
MAX_RELATIES = 500  # relation entities read around one subject
MAX_STAPPEN = 6
MAX_KNOPEN = 2000  # nodes a path search may visit

_ORGANISATIES = sorted(n for n, s in model.schemata.items() if s.is_a("Organization"))


class Uitbreidingsvraag(Invoer):
    soort: list[Relatie] = veld(
        "Soort relatie", hint="Niets aangevinkt: alle soorten.", standaard=[], max_length=10
    )
    pagina: int = veld("Pagina", standaard=1, ge=1, le=100_000)


class Padvraag(Invoer):
    van: str = veld("Van", min_length=1, max_length=128)
    naar: str = veld("Naar", min_length=1, max_length=128)

    meldingen: ClassVar[dict[str, str]] = {
        "van": "Kies het subject waar het pad begint.",
        "naar": "Kies het subject waar het pad eindigt.",
    }


class KnoopUit(Uitvoer):
    id: str = Field(description="Record-id, of het kleinste record-id van een samengevoegd subject")
    leden: list[str] = Field(description="De records die de oordelen tot dit subject maakten")
    schema_: str | None = Field(
        None, alias="schema", description="FtM-schema; leeg: niet zichtbaar"
    )
    soort: str
    naam: str

    @property
    def samengevoegd(self) -> bool:
        return len(self.leden) > 1


class RelatieUit(Uitvoer):
    soort: Relatie
    label: str
    van: str
    naar: str
    via: str = Field(description="De relatie-entiteit (Ownership, ...) of de verwijzende entiteit")
    via_schema: str
    omschrijving: str = Field(description="Wat de relatie zegt: rol, aandeel, bedrag, periode")
    ander: KnoopUit


class UitbreidingUit(Uitvoer):
    centrum: KnoopUit
    relaties: list[RelatieUit]
    totaal: int
    per_soort: dict[str, int]
    pagina: int
    paginas: int
    afgekapt: bool = Field(description="Er zijn meer relaties dan er zijn gelezen")


class PadstapUit(Uitvoer):
    van: KnoopUit
    relatie: RelatieUit


class PadUit(Uitvoer):
    van: KnoopUit
    naar: KnoopUit
    gevonden: bool
    stappen: list[PadstapUit]
    bezocht: int
    afgekapt: bool = Field(description="Gestopt bij de grens van stappen of subjecten")


class PatroonUit(Uitvoer):
    soort: Patroonsoort
    label: str
    reden: str = Field(description="De getelde feiten en de signaleringsgrens; geen score")
    kern: KnoopUit
    betrokken: list[KnoopUit]


def _lezer(ctx: Context, casus_id: str, naam: str) -> tuple[Netwerklezer, Samenvoeging]:
    lid_van_casus(ctx, casus_id, open_vereist=False)
    casus = beheer.casus(ctx.sessie, casus_id)
    assert casus is not None
    samen = Samenvoeging(o.leden for o in oordelen.onderwerpen(ctx, casus_id))
    return Netwerklezer(ctx, Leesvraag(casus.doel, casus_id), naam), samen


def _naam(b: Entiteitbeeld) -> str:
    schema = model.get(b.schema)
    for prop in schema.caption if schema else ():
        if waarden := b.eigenschappen.get(prop):
            return sorted(waarden, key=len, reverse=True)[0]
    return schema_label(b.schema)


def _knoop(knoop_id: str, samen: Samenvoeging, beelden: dict[str, Entiteitbeeld]) -> KnoopUit:
    leden = list(samen.leden(knoop_id))
    gezien = [beelden[lid] for lid in leden if lid in beelden]
    if not gezien:
        return KnoopUit(
            id=knoop_id,
            leden=leden,
            schema_=None,
            soort="niet zichtbaar",
            naam="gegevens niet zichtbaar voor u",
        )
    # The fullest spelling names a joined subject: written out before initials, then longest.
    naam = max((_naam(b) for b in gezien), key=lambda n: (-n.count("."), len(n), n))
    schema = gezien[0].schema
    return KnoopUit(id=knoop_id, leden=leden, schema_=schema, soort=schema_label(schema), naam=naam)


def _relatie(r: Rand, ander: KnoopUit, beelden: dict[str, Entiteitbeeld]) -> RelatieUit:
    return RelatieUit(
        soort=r.soort,
        label=netwerk.RELATIE_LABELS[r.soort],
        van=r.van,
        naar=r.naar,
        via=r.via,
        via_schema=r.schema,
        omschrijving=_omschrijving(r, beelden),
        ander=ander,
    )


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
        sjabloon.format(
            ", ".join(toonbare_waarde(b.schema, prop, w) for w in b.eigenschappen[prop])
        )
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
    ctx: Context, casus_id: str, knoop_id: str, vraag: Uitbreidingsvraag
) -> UitbreidingUit:
    """The relations of one subject, `PER_PAGINA` at a time, of the chosen kinds (all when
    none are chosen)."""
    soorten: Collection[Relatie] = set(vraag.soort)
    pagina = vraag.pagina
    lezer, samen = _lezer(ctx, casus_id, "netwerk uitbreiden")
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
        raise NietGevonden("dit subject bestaat niet in deze casus of u mag het niet zien")
    uit = UitbreidingUit(
        centrum=_knoop(centrum, samen, beelden),
        relaties=[_relatie(r, _knoop(r.ander(centrum), samen, beelden), beelden) for r in deel],
        totaal=len(gekozen),
        per_soort={k.value: v for k, v in per_soort.items()},
        pagina=pagina,
        paginas=paginas,
        afgekapt=afgekapt,
    )
    lezer.sluit({"knoop": centrum, "pagina": pagina, "relaties": len(gekozen)})
    return uit


def kortste_pad(ctx: Context, casus_id: str, vraag: Padvraag) -> PadUit:
    """A shortest chain of relations between two subjects, at most `MAX_STAPPEN` long."""
    van, naar = vraag.van, vraag.naar
    lezer, samen = _lezer(ctx, casus_id, "netwerk pad zoeken")

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
    stappen: list[PadstapUit] = []
    hier = a
    for r in zoek.randen or []:
        stappen.append(
            PadstapUit(
                van=_knoop(hier, samen, beelden),
                relatie=_relatie(r, _knoop(r.ander(hier), samen, beelden), beelden),
            )
        )
        hier = r.ander(hier)
    gevonden = zoek.randen is not None
    lezer.sluit({"van": a, "naar": b, "stappen": len(stappen) if gevonden else None})
    return PadUit(
        van=_knoop(a, samen, beelden),
        naar=_knoop(b, samen, beelden),
        gevonden=gevonden,
        stappen=stappen,
        bezocht=zoek.bezocht,
        afgekapt=zoek.afgekapt or gekapt,
    )


def patronen(ctx: Context, casus_id: str) -> list[PatroonUit]:
    """The patterns in what the reader may see of the case, each with its reason."""
    lezer, samen = _lezer(ctx, casus_id, "netwerk patronen")
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
        PatroonUit(
            soort=p.soort,
            label=netwerk.PATROON_LABELS[p.soort],
            reden=p.reden,
            kern=_knoop(p.kern, samen, beelden),
            betrokken=[_knoop(x, samen, beelden) for x in p.betrokken],
        )
        for p in gevonden
    ]


def _waarden(beelden: dict[str, Entiteitbeeld], eid: str, prop: str) -> list[str]:
    b = beelden.get(eid)
    return b.eigenschappen.get(prop, []) if b else []


def startpunten(ctx: Context, casus_id: str) -> list[KnoopUit]:
    """The case's linked subjects, as nodes to start from (read and logged like any node)."""
    lezer, samen = _lezer(ctx, casus_id, "netwerk openen")
    knopen = sorted({samen.knoop(s.entity_id) for s in subjectdeur.koppelingen(ctx, casus_id)})
    beelden = _beelden(lezer, samen, knopen)
    lezer.sluit({"startpunten": len(knopen)})
    return sorted((_knoop(k, samen, beelden) for k in knopen), key=lambda k: (k.naam, k.id))
