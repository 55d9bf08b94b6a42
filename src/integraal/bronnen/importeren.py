# SPDX-License-Identifier: EUPL-1.2
"""Importing a partner delivery: decide, convert, store and log in one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from integraal import logboek
from integraal.bronnen import afspraken, ontvangst
from integraal.bronnen.lezers import (
    Inhoud,
    OnleesbaarBestand,
    formaat_van,
    lees_csv,
    lees_ftm,
    lees_xlsx,
    open_inhoud,
    schat_rijen,
    sha256,
)
from integraal.bronnen.mapping import BijFout, Mapping
from integraal.bronnen.omzetten import (
    Fout,
    RijUitkomst,
    Waarde,
    ontbrekende_kolommen,
    zet_ftm_om,
    zet_tabel_om,
)
from integraal.delen import Besluit, in_woorden, waarom
from integraal.domein.actor import Actor
from integraal.domein.fouten import GeenToegang
from integraal.domein.pseudoniem import pseudoniem
from integraal.opslag import leveringen
from integraal.opslag.db import Sessiefabriek, transactie
from integraal.opslag.leveringen import KlaarRij
from integraal.opslag.modellen import Levering
from integraal.opslag.werker import deze_werker, leeft
from integraal.toegang.context import casus_context
from integraal.toegang.ontvangst import Entiteit, meld_ontvangen
from integraal.verwerking import Context, Contextmaker, Kanaal

Voortgang = Callable[[int], None]
# Rows between progress reports: often enough for a live bar, rare enough to cost nothing.
VOORTGANG_ELKE = 250


class GeenLeverancier(GeenToegang):
    """Only the partner a mapping is agreed with delivers under it."""


@dataclass(frozen=True)
class Importresultaat:
    levering_id: str
    status: str
    al_ontvangen: bool
    rijen_totaal: int
    rijen_goed: int
    rijen_fout: int
    entiteiten: int
    statements_nieuw: int
    fouten: list[dict[str, Any]] = field(default_factory=list)
    melding: str | None = None


def _resultaat(lev: Levering, al_ontvangen: bool, nieuw: int = 0) -> Importresultaat:
    return Importresultaat(
        levering_id=lev.id,
        status=lev.status,
        al_ontvangen=al_ontvangen,
        rijen_totaal=lev.rijen_totaal,
        rijen_goed=lev.rijen_goed,
        rijen_fout=lev.rijen_fout,
        entiteiten=lev.entiteiten,
        statements_nieuw=nieuw,
        fouten=list(lev.fouten),
        melding=lev.melding,
    )


def _fout_dict(f: Fout) -> dict[str, Any]:
    return {"rij": f.rij, "kolom": f.kolom, "reden": f.reden}


def _uitkomsten(
    mapping: Mapping, formaat: str, bestand: IO[bytes], sleutel: bytes
) -> Iterator[RijUitkomst]:
    def pseudo(soort: str, waarde: str) -> str:
        return pseudoniem(sleutel, soort, waarde)

    if formaat == "ftm":
        if not mapping.ftm:
            raise OnleesbaarBestand("deze mapping neemt geen FtM JSON lines aan")
        return zet_ftm_om(mapping, lees_ftm(bestand))
    if not mapping.entiteiten:
        raise OnleesbaarBestand("deze mapping neemt alleen FtM JSON lines aan")
    kop, rijen = (
        lees_csv(bestand, mapping.scheidingsteken) if formaat == "csv" else lees_xlsx(bestand)
    )
    ontbreekt = ontbrekende_kolommen(mapping, kop)
    if ontbreekt:
        raise OnleesbaarBestand("kolommen ontbreken: " + ", ".join(ontbreekt))
    return zet_tabel_om(mapping, rijen, pseudo)


def _besluiten(ctx: Context, mapping: Mapping, casus_id: str | None) -> dict[str, Besluit]:
    context = casus_context(ctx, casus_id)
    feiten = {"noodzakelijk"} if mapping.noodzaak.strip() else set()
    return {
        cat: ctx.beslis(
            van=mapping.partner,
            aan=mapping.ontvanger,
            categorie=cat,
            doel=mapping.doel,
            casus=context,
            bron=mapping.partner,
            feiten=feiten,
        )
        for cat in sorted(mapping.categorieen)
    }


@dataclass(frozen=True)
class Aanbod:
    """A delivery that passed the rules and is registered, waiting to be processed."""

    levering_id: str
    mapping: Mapping
    formaat: str
    inhoud: Inhoud  # a file on disk, or bytes (tests, the demo)
    besluiten: dict[str, Besluit]
    actor: Actor
    trace_id: str
    kanaal: Kanaal
    casus_id: str | None = None

    def naar_json(self) -> dict[str, Any]:
        """The offer as a job in the queue carries it: everything `verwerk` needs, with the
        decisions as they were taken and logged when it was offered (not taken anew), and
        the received file by its path. An offer of bytes (tests, the demo) is not queued."""
        if not isinstance(self.inhoud, Path):
            raise TypeError("alleen een ontvangen bestand gaat in de wachtrij")
        return {
            "levering_id": self.levering_id,
            "mapping": self.mapping.model_dump(mode="json", by_alias=True),
            "formaat": self.formaat,
            "pad": str(self.inhoud),
            "besluiten": {
                k: b.model_dump(mode="json", by_alias=True) for k, b in self.besluiten.items()
            },
            "actor": self.actor.naar_json(),
            "trace_id": self.trace_id,
            "kanaal": self.kanaal.value,
            "casus_id": self.casus_id,
        }

    @classmethod
    def van_json(cls, d: dict[str, Any]) -> Aanbod:
        return cls(
            levering_id=d["levering_id"],
            mapping=Mapping.model_validate(d["mapping"]),
            formaat=d["formaat"],
            inhoud=Path(d["pad"]),
            besluiten={k: Besluit.model_validate(b) for k, b in d["besluiten"].items()},
            actor=Actor.van_json(d["actor"]),
            trace_id=d["trace_id"],
            kanaal=Kanaal(d["kanaal"]),
            casus_id=d["casus_id"],
        )


def importeer(
    maak: Contextmaker,
    actor: Actor,
    mapping: Mapping,
    bestandsnaam: str,
    inhoud: Inhoud,
    *,
    casus_id: str | None = None,
    kanaal: Kanaal = Kanaal.API,
    voortgang: Voortgang | None = None,
) -> Importresultaat:
    """Offer and process in one go (CLI, API); the web app runs the two phases apart."""
    aanbod = bied_aan(maak, actor, mapping, bestandsnaam, inhoud, casus_id=casus_id, kanaal=kanaal)
    if isinstance(aanbod, Importresultaat):
        return aanbod
    return verwerk(maak, aanbod, voortgang=voortgang)


def bied_aan(
    maak: Contextmaker,
    actor: Actor,
    mapping: Mapping,
    bestandsnaam: str,
    inhoud: Inhoud,
    *,
    casus_id: str | None = None,
    kanaal: Kanaal = Kanaal.API,
) -> Aanbod | Importresultaat:
    """Phase 1: decide under the rules and register the delivery.

    Returns the final result when nothing is left to do (the same delivery again, or refused).
    """
    inhoud_hash = sha256(inhoud)
    sleutel = hashlib.sha256(
        f"{mapping.naam}\x1f{casus_id or ''}\x1f{inhoud_hash}".encode()
    ).hexdigest()
    # The same delivery again changes nothing; a refused or failed one is evaluated anew,
    # because the case may since have met the conditions.
    with maak(actor, kanaal) as ctx:
        if actor.organisatie_id != mapping.partner:
            partner = ctx.beslisser.register.naam(mapping.partner)
            raise GeenLeverancier(
                f"alleen een gebruiker van {partner} levert onder de afspraak ‘{mapping.titel}’"
            )
        sessie = ctx.sessie
        bestaand = leveringen.zoek_levering(sessie, sleutel)
        if bestaand is not None and bestaand.status not in ("mislukt", "geweigerd"):
            return _resultaat(bestaand, al_ontvangen=True)
        formaat = formaat_van(bestandsnaam)
        besluiten = _besluiten(ctx, mapping, casus_id)
        lev = bestaand or Levering(
            id=str(uuid.uuid4()),
            partner_id=mapping.partner,
            ontvanger_id=mapping.ontvanger,
            mapping=mapping.naam,
            dataset=mapping.dataset,
            doel=mapping.doel,
            casus_id=casus_id,
            bestandsnaam=bestandsnaam[:300],
            formaat=formaat,
            inhoud_hash=inhoud_hash,
            sleutel=sleutel,
            geleverd_door=actor.gebruiker_id,
            fouten=[],
        )
        geweigerd = [b for b in besluiten.values() if not b.toegestaan]
        # The version of the mapping in force it was read with, when it is that one (the CLI
        # may read with a mapping of its own).
        geldend = afspraken.afspraak(sessie, mapping.naam)
        lev.mapping_versie = (
            geldend.versie if geldend is not None and geldend.mapping == mapping else None
        )
        lev.status = "geweigerd" if geweigerd else "in_behandeling"
        lev.verwerker, lev.levend_op = deze_werker(), ctx.nu()
        lev.melding = (
            in_woorden(waarom(geweigerd[0], ctx.beslisser.catalogus, ctx.beslisser.register))
            if geweigerd
            else None
        )
        lev.rijen_gelezen = None if geweigerd else 0
        lev.rijen_geschat = None if geweigerd else _schatting(formaat, inhoud)
        leveringen.bewaar_levering(sessie, lev)
        ctx.audit("levering aanbieden", lev.status, levering=lev.id, mapping=mapping.naam)
        if geweigerd:
            return _resultaat(lev, al_ontvangen=False)
        return Aanbod(
            levering_id=lev.id,
            mapping=mapping,
            formaat=formaat,
            inhoud=inhoud,
            besluiten=besluiten,
            actor=actor,
            trace_id=ctx.trace_id,
            kanaal=kanaal,
            casus_id=casus_id,
        )


def verwerk(
    maak: Contextmaker, aanbod: Aanbod, *, voortgang: Voortgang | None = None
) -> Importresultaat:
    """Phase 2: the file is read, checked and pseudonymised holding no lock, and written in
    batches of at most `BLOK` statements, each its own short transaction, to a staging table
    no reader sees; the last transaction moves them into `statement`, writes the log lines
    and marks the delivery processed. Readers see all of a delivery or none of it, and other
    writers take turns between the batches (decision record 0021). A killed import leaves
    only staged rows, removed by `herstel_onderbroken` on the next start. It runs under the
    offer's trace id, so both phases' records are linked."""
    try:
        with maak(aanbod.actor, aanbod.kanaal, trace_id=aanbod.trace_id) as ctx:
            sleutel = ctx.pseudoniem_sleutel
            # What an earlier, killed attempt at this delivery staged is not this attempt's.
            leveringen.ruim_klaargezet_op(ctx.sessie, [aanbod.levering_id])
        gelezen = _Gelezen()
        weigert = aanbod.mapping.bij_fout is BijFout.WEIGEREN
        with open_inhoud(aanbod.inhoud) as bestand:
            for blok in _blokken(aanbod, bestand, sleutel, gelezen, voortgang):
                if weigert and gelezen.fouten:
                    continue  # refused whole anyway: the rest is only counted
                with maak(aanbod.actor, aanbod.kanaal, trace_id=aanbod.trace_id) as ctx:
                    leveringen.zet_klaar(ctx.sessie, blok)
                    # Progress with each batch, for every app process to show (not per row:
                    # a write of its own would compete with other writers).
                    leveringen.teken_van_leven(
                        ctx.sessie, aanbod.levering_id, ctx.nu(), gelezen.totaal
                    )
        with maak(aanbod.actor, aanbod.kanaal, trace_id=aanbod.trace_id) as ctx:
            return _maak_zichtbaar(ctx, aanbod, gelezen)
    except OnleesbaarBestand as exc:
        return _markeer(maak, aanbod, "geweigerd", f"Het bestand is geweigerd: {exc}.")
    except Exception:
        _markeer(maak, aanbod, "mislukt", "De verwerking is afgebroken; lever opnieuw aan.")
        raise


def verwerk_als_open(maak: Contextmaker, aanbod: Aanbod) -> Importresultaat | None:
    """`verwerk` for a job that may run again after its worker died: a delivery that has
    already ended (its last transaction committed just before the kill) is not read twice.
    None when there was nothing left to do."""
    with maak(aanbod.actor, aanbod.kanaal, trace_id=aanbod.trace_id, lezen=True) as ctx:
        lev = leveringen.haal_levering(ctx.sessie, aanbod.levering_id)
        open_ = lev is not None and lev.status == "in_behandeling"
    return verwerk(maak, aanbod) if open_ else None


def _markeer(maak: Contextmaker, aanbod: Aanbod, status: str, melding: str) -> Importresultaat:
    with maak(aanbod.actor, aanbod.kanaal, trace_id=aanbod.trace_id) as ctx:
        sessie = ctx.sessie
        leveringen.ruim_klaargezet_op(sessie, [aanbod.levering_id])
        lev = leveringen.haal_levering(sessie, aanbod.levering_id)
        assert lev is not None
        lev.status, lev.melding = status, melding
        lev.verwerkt_op = dt.datetime.now(dt.UTC)
        return _resultaat(lev, al_ontvangen=False)


# Statements per staged batch: a write transaction of about a tenth of a second on SQLite
# (each batch also costs a commit, a durable one on SQLite).
BLOK = 20_000
# Statement ids a delivery remembers, per generation (two are kept): a statement seen again
# within them is not staged again. At least twice `BLOK`, so a batch never holds one twice.
GEZIEN = 250_000
# Row errors kept with the delivery (all are counted).
BEWAARDE_FOUTEN = 1000
# Log lines made and written at a time at the end of a delivery.
LOGBLOK = 5000


class _Gezien:
    """The statement ids a delivery met lately: the last `per_generatie` at least, at most
    twice that, so memory stays bounded however many statements a delivery has.

    A person or company recurs on many rows of a delivery and makes the same statements on
    each. Staged once, staging and the move into `statement` have half the rows (at 100,000
    rows of the benchmark, 509,208 of 1,120,383 staged rows were repeats; now 38,348 of
    649,523). What recurs further apart is staged again and stored once
    (`leveringen.maak_zichtbaar`)."""

    def __init__(self, per_generatie: int) -> None:
        self._max = per_generatie
        self._nu: set[str] = set()
        self._vorige: set[str] = set()

    def nieuw(self, statement_id: str) -> bool:
        """Whether the id is new to the delivery's memory; remembered either way, so what
        keeps recurring stays remembered."""
        if statement_id in self._nu:
            return False
        gezien = statement_id in self._vorige
        if len(self._nu) >= self._max:
            self._vorige, self._nu = self._nu, set()
        self._nu.add(statement_id)
        return not gezien

    def __len__(self) -> int:
        return len(self._nu) + len(self._vorige)


@dataclass
class _Gelezen:
    totaal: int = 0
    goed: int = 0
    fout: int = 0
    weggelaten: int = 0
    fouten: list[Fout] = dataclasses.field(default_factory=list)


def _blokken(
    aanbod: Aanbod, bestand: IO[bytes], sleutel: bytes, g: _Gelezen, voortgang: Voortgang | None
) -> Iterator[list[KlaarRij]]:
    """The delivery's statement rows in batches of about `BLOK`; counts and row errors land
    in `g` as rows are read, so memory stays flat however many rows a delivery has."""
    mapping = aanbod.mapping
    lev_id, casus_id = aanbod.levering_id, aanbod.casus_id
    dataset, bron, houder = mapping.dataset, mapping.partner, mapping.ontvanger
    grondslag = {cat: b.regel_id or "" for cat, b in aanbod.besluiten.items()}
    voorvoegsel = "\x1f".join((dataset, houder, casus_id or "", ""))
    gezien = _Gezien(max(GEZIEN, 2 * BLOK))
    blok: list[KlaarRij] = []
    for uitkomst in _uitkomsten(mapping, aanbod.formaat, bestand, sleutel):
        g.totaal += 1
        g.weggelaten += uitkomst.weggelaten
        if uitkomst.fouten:
            g.fout += 1
            g.fouten.extend(uitkomst.fouten[: BEWAARDE_FOUTEN - len(g.fouten)])
        else:
            g.goed += 1
            for w in uitkomst.waarden:
                rij_id = _statement_id(voorvoegsel, w)
                if not gezien.nieuw(rij_id):
                    continue  # as first staged: the first row that made it is its record
                blok.append(
                    KlaarRij(
                        lev_id,
                        rij_id,
                        w.entity_id,
                        w.schema,
                        w.prop,
                        w.prop_type,
                        w.value,
                        w.original_value,
                        dataset,
                        bron,
                        houder,
                        casus_id,
                        w.source_record_id[:200],
                        w.categorie,
                        grondslag[w.categorie],
                    )
                )
        if len(blok) >= BLOK:
            yield blok
            blok = []
        if voortgang and g.totaal % VOORTGANG_ELKE == 0:
            voortgang(g.totaal)
    if blok:
        yield blok


def _schatting(formaat: str, inhoud: Inhoud) -> int | None:
    with open_inhoud(inhoud) as bestand:
        return schat_rijen(formaat, bestand)


def _maak_zichtbaar(ctx: Context, aanbod: Aanbod, g: _Gelezen) -> Importresultaat:
    mapping = aanbod.mapping
    sessie = ctx.sessie
    lev = leveringen.haal_levering(sessie, aanbod.levering_id)
    assert lev is not None
    totaal, goed = g.totaal, g.goed
    lev.rijen_totaal, lev.rijen_goed, lev.rijen_fout = totaal, goed, g.fout
    lev.fouten = [_fout_dict(f) for f in g.fouten]
    nu = dt.datetime.now(dt.UTC)
    if g.fout and mapping.bij_fout is BijFout.WEIGEREN:
        leveringen.ruim_klaargezet_op(sessie, [lev.id])
        lev.status = "geweigerd"
        lev.melding = (
            f"De levering is geweigerd: {g.fout} van {totaal} rijen bevatten fouten "
            "en deze mapping weigert dan de hele levering."
        )
        lev.verwerkt_op = nu
        return _resultaat(lev, al_ontvangen=False)

    # The log lines in blocks, read back from the staged rows and each written before the
    # next is read: a delivery of many entities never holds them all in memory at once.
    leveringen.ruimte_om_te_sorteren(sessie)
    casus_id = lev.casus_id
    aantal, categorieen = meld_ontvangen(
        ctx, lev.id, lambda e: _ontvangen(ctx, aanbod, casus_id, e), LOGBLOK
    )
    groepen = {(mapping.ontvanger, mapping.partner, c, casus_id) for c in categorieen}
    nieuw = leveringen.maak_zichtbaar(sessie, lev.id, nu, groepen)
    if nieuw:
        leveringen.werk_statistiek_bij(sessie, mapping.partner, nieuw)
    lev.entiteiten = aantal
    lev.status = "verwerkt"
    lev.verwerkt_op = nu
    delen = [f"{goed} van {totaal} rijen verwerkt tot {aantal} entiteiten"]
    if g.fout:
        delen.append(f"{g.fout} rijen overgeslagen wegens fouten")
    if g.weggelaten:
        delen.append(f"{g.weggelaten} waarden niet opgeslagen (niet in de mapping: minimalisatie)")
    lev.melding = "; ".join(delen) + "."
    ctx.audit("levering verwerken", lev.status, levering=lev.id, rijen=totaal, fout=g.fout)
    return _resultaat(lev, al_ontvangen=False, nieuw=nieuw)


def _ontvangen(
    ctx: Context, aanbod: Aanbod, casus_id: str | None, e: Entiteit
) -> logboek.Verwerking:
    """The log line of one delivered entity: one line for all its categories, naming every
    rule that allowed one. The first BSN pseudonym names the subject; without one the
    entity itself does."""
    mapping, besluiten = aanbod.mapping, aanbod.besluiten
    cats = e.categorieen
    betrokkene, soort = (
        (e.bsn_pseudoniem, "BSN-pseudoniem")
        if e.bsn_pseudoniem is not None
        else (e.entity_id, f"entiteit:{e.schema}")
    )
    regel = ctx.verwerking(
        besluiten[cats[0]],
        naam="levering ontvangen",
        doel=mapping.doel,
        verstrekker=mapping.partner,
        ontvanger=mapping.ontvanger,
        categorieen=cats,
        casus_id=casus_id,
        betrokkene=betrokkene,
        betrokkene_soort=soort,
    )
    regel_ids = {besluiten[c].regel_id or "" for c in cats}
    if len(regel_ids) == 1 and regel.regel_id in regel_ids:
        return regel
    return dataclasses.replace(regel, regel_id=",".join(sorted(regel_ids)))


def _statement_id(voorvoegsel: str, w: Waarde) -> str:
    """A statement's key: its dataset, holder and case (`voorvoegsel`, the same for a whole
    delivery), entity, property and value."""
    return hashlib.sha1(f"{voorvoegsel}{w.entity_id}\x1f{w.prop}\x1f{w.value}".encode()).hexdigest()


def herstel_onderbroken(fabriek: Sessiefabriek, *, wachtrij: bool = False) -> int:
    """Deliveries left 'in_behandeling' by a process that is gone (a crash, kill -9) are
    marked failed so they can be retried, and what they staged is removed. One still being
    written by a living process is left alone.

    With a job queue (`wachtrij`) the queue runs a killed delivery again, so only one
    without a sign of life for as long as its received file is kept is given up: its job
    was lost before it was queued, and the file is gone."""
    nu = dt.datetime.now(dt.UTC)

    def verlaten(lev: Levering) -> bool:
        if wachtrij:
            return lev.levend_op is None or nu - lev.levend_op > ontvangst.VERWEESD_NA
        return not leeft(lev.verwerker, lev.levend_op, nu)

    with transactie(fabriek) as sessie:
        onderbroken = [
            lev
            for lev in leveringen.lijst_leveringen(sessie)
            if lev.status == "in_behandeling" and verlaten(lev)
        ]
        for lev in onderbroken:
            lev.status = "mislukt"
            lev.melding = "De verwerking is onderbroken; lever hetzelfde bestand opnieuw aan."
        leveringen.ruim_klaargezet_op(sessie, [lev.id for lev in onderbroken])
        return len(onderbroken)
