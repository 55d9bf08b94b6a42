# SPDX-License-Identifier: EUPL-1.2
"""Composition root: settings, database, rule engine. API, web, CLI and tests start here."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from integraal import logboek, meting
from integraal.bronnen import afspraken, ontvangst
from integraal.bronnen.importeren import herstel_onderbroken
from integraal.delen import Beslisser, standaard_beslisser
from integraal.delen.catalogus import (
    catalogus_uit_tekst,
    meegeleverde_registertekst,
    meegeleverde_tekst,
    register_uit_tekst,
)
from integraal.delen.model import Partnerregister
from integraal.domein import werkdagen
from integraal.domein.actor import Actor
from integraal.domein.fouten import Weigering
from integraal.instellingen import Instellingen, instellingen
from integraal.logboek import keten as logketen
from integraal.logboek.getuige import controleer_map, publiceer
from integraal.logboek.getuige import lees as lees_getuige
from integraal.logboek.ondertekening import Checkpoint, laad_of_maak_sleutel, publieke_sleutel_hex
from integraal.opslag import beheer, kruis
from integraal.opslag import catalogus as catalogusopslag
from integraal.opslag import register as registeropslag
from integraal.opslag.db import (
    Database,
    Sessie,
    Sessiefabriek,
    maak_engine,
    maak_sessiefabriek,
    transactie,
)
from integraal.opslag.modellen import Catalogusversie, Organisatie, Registerversie
from integraal.opslag.schema import achterstand, een_tegelijk, migreer
from integraal.verwerking import Context, Kanaal
from integraal.verwerking.groepschrijven import Groepschrijver

# How often a process looks whether another version of the rule catalogue or the partner
# register came into force.
CATALOGUS_CONTROLE = 5.0


@dataclass
class Omgeving:
    instellingen: Instellingen
    database: Database
    fabriek: Sessiefabriek
    beslisser: Beslisser
    # A rule engine the caller gave (tests, benchmarks) stays; otherwise the catalogue and
    # register versions in force in the database are followed (approved in the app, 0025).
    vaste_catalogus: bool = False
    # Reading actions' log lines, appended together (one commit for many requests).
    schrijver: Groepschrijver = field(init=False, repr=False)
    _catalogus_gezien: float = field(init=False, repr=False, default=0.0)

    def __post_init__(self) -> None:
        self.schrijver = Groepschrijver(self.fabriek)
        self._catalogus_gezien = time.monotonic()

    def volg_versies(self, *, meteen: bool = False, vandaag: dt.date | None = None) -> None:
        """Take the rule catalogue and the partner register in force, when another version of
        either came into force since (approved in this process or another, or an approved
        register whose date has come). Looked up at most every few seconds, unless `meteen`.
        A register that changes brings the organisations' table in line with it first."""
        if self.vaste_catalogus:
            return
        nu = time.monotonic()
        if not meteen and nu - self._catalogus_gezien < CATALOGUS_CONTROLE:
            return
        self._catalogus_gezien = nu
        huidig = self.beslisser
        catalogus, partners = huidig.catalogus, huidig.register
        # The version numbers first; a text is read only when its version changed.
        with transactie(self.fabriek, lezen=True) as sessie:
            versie = catalogusopslag.actieve_versie(sessie)
            if versie is not None and versie != catalogus.versie:
                cv = catalogusopslag.op_naam(sessie, versie)
                catalogus = catalogus_uit_tekst(cv.tekst) if cv is not None else catalogus
            rv = registeropslag.versie_in_werking(sessie, vandaag or werkdagen.dag())
            if rv is not None and rv[1] != partners.versie:
                nieuw = registeropslag.versie(sessie, rv[0])
                partners = register_uit_tekst(nieuw.tekst) if nieuw is not None else partners
        if partners is not huidig.register:
            with transactie(self.fabriek) as sessie:
                synchroniseer(sessie, partners)
        if catalogus is not huidig.catalogus or partners is not huidig.register:
            self.beslisser = Beslisser(catalogus, partners)

    @property
    def pseudoniem_sleutel(self) -> bytes:
        return self.instellingen.pseudoniem_sleutel_bytes()

    @contextmanager
    def context(
        self,
        actor: Actor | None,
        kanaal: Kanaal,
        *,
        trace_id: str | None = None,
        klok: Callable[[], dt.datetime] | None = None,
        reden: str | None = None,
        lezen: bool = False,
    ) -> Iterator[Context]:
        """One action in one transaction: it commits whole (log lines included) or not at all,
        except the audit record of a refusal, which is kept. `klok` sets the moment the action
        happens (the demo's story, tests of deadlines).

        `lezen`: the action only reads, apart from its log lines and audit records. It then
        reads without a write lock (on SQLite a long delivery no longer blocks every reader)
        and appends those lines right after, before the caller can answer, together with the
        lines of the reading actions that end at the same time (`Groepschrijver`: one commit
        for many requests). Should that append fail, the action fails: no answer without
        its log line."""
        ctx: Context | None = None
        self.volg_versies()
        try:
            with transactie(self.fabriek, lezen=lezen) as sessie:
                ctx = Context(sessie, self.beslisser, kanaal, actor, self.pseudoniem_sleutel)
                ctx.reden = reden
                ctx.toegangstermijn = self.instellingen.toegangstermijn
                if trace_id is not None:
                    ctx.trace_id = trace_id
                if klok is not None:
                    ctx.klok = klok
                yield ctx
                regels = ctx.aantal_logregels
                if not lezen:
                    ctx.schrijf_uitgesteld(sessie)
            if lezen and ctx.heeft_uitgesteld:
                self.schrijver.schrijf(ctx)
            meting.logregels(regels)  # committed by now, with the action or just after
        except Weigering:
            # The refused action rolled back; the record that it was refused must not.
            if ctx is not None and ctx.weigeringen:
                with transactie(self.fabriek) as sessie:
                    for record in ctx.weigeringen:
                        record.schrijf(sessie)
            raise

    def gereed(self) -> str | None:
        """Whether this process can serve requests: None, or why not (in Dutch). For the
        readiness check of an orchestrator or load balancer."""
        return achterstand(self.database)

    def ondertekensleutel(self) -> Ed25519PrivateKey:
        """The log's signing key, from configuration. The one place to plug in an HSM: an
        object with the same `sign` and `public_key` would do."""
        return laad_of_maak_sleutel(self.instellingen.ondertekensleutel_pad)

    def checkpoint(self) -> tuple[Checkpoint, Path | None]:
        """A signed checkpoint, stored, and published to the witness folder if there is one
        (checked first: a witness inside the data folder is refused before anything is made)."""
        getuige = self.instellingen.getuige_map
        if getuige:
            controleer_map(getuige, self.instellingen.data_dir)
        with transactie(self.fabriek) as sessie:
            cp = logboek.maak_checkpoint(sessie, self.ondertekensleutel())
        pad = publiceer(cp, getuige, self.instellingen.data_dir) if getuige else None
        return cp, pad

    def checkpoint_als_gegroeid(self) -> Checkpoint | None:
        """For the schedule: a checkpoint only when lines were added since the last one."""
        with transactie(self.fabriek, lezen=True) as sessie:
            gegroeid = logboek.groei_sinds_checkpoint(sessie)
        return self.checkpoint()[0] if gegroeid else None

    def verifieer_logboek(
        self, extra: Sequence[Checkpoint] = (), vertrouwde_sleutel: str | None = None
    ) -> logboek.Verificatie:
        """The whole log against the chain, the stored checkpoints (their signatures checked
        with the installation's key, or the one given) and every witness checkpoint."""
        getuige = self.instellingen.getuige_map
        getuigen = [*(lees_getuige(getuige) if getuige else []), *extra]
        sleutel = vertrouwde_sleutel or publieke_sleutel_hex(self.ondertekensleutel())
        with transactie(self.fabriek, lezen=True) as sessie:
            return logboek.verifieer(sessie, getuigen, sleutel)

    def verifieer_logboekblok(
        self, blok: int, vertrouwde_sleutel: str | None = None
    ) -> tuple[str, bool]:
        """One block of the log on its own (`logboek.verifieer_blok`, numbered from 0): the
        finding in Dutch and whether it is in order."""
        sleutel = vertrouwde_sleutel or publieke_sleutel_hex(self.ondertekensleutel())
        van, tot = logketen.blokgrenzen(blok)
        with transactie(self.fabriek, lezen=True) as sessie:
            regels = logboek.aantal_regels(sessie)
            if van > regels:
                blokken = -(-regels // logketen.BLOK)
                return (
                    f"Blok {blok + 1} bestaat nog niet: het logboek telt {regels:,} regels in "
                    f"{blokken} {'blok' if blokken == 1 else 'blokken'}.".replace(",", "."),
                    False,
                )
            v = logboek.verifieer_blok(sessie, blok, sleutel)
        naam = f"Blok {blok + 1} (regels {van:,} tot en met {tot:,})".replace(",", ".")
        if v.bevinding is not None:
            b = v.bevinding
            return (
                f"{naam} NIET in orde: eerste afwijking bij regel {b.volgnummer}: {b.reden}.",
                False,
            )
        if v.aantal < tot - van + 1:
            return (
                f"{naam} in orde: {v.aantal} regels en hun keten kloppen; "
                "het blok is nog niet vol.",
                True,
            )
        if not v.gecontroleerde_checkpoints:
            return (
                f"{naam}: de regels en hun keten kloppen; de wortel van het blok is nog niet "
                "vastgelegd (dat doet het volgende checkpoint).",
                True,
            )
        return (
            f"{naam} in orde: de regels, hun keten, de wortel van het blok en het ondertekende "
            "checkpoint aan zijn einde kloppen.",
            True,
        )


def maak_omgeving(
    config: Instellingen | None = None,
    *,
    beslisser: Beslisser | None = None,
    initialiseer: bool = True,
) -> Omgeving:
    config = config or instellingen()
    database = maak_engine(config.database)
    omgeving = Omgeving(
        config,
        database,
        maak_sessiefabriek(database),
        beslisser or standaard_beslisser(),
        vaste_catalogus=beslisser is not None,
    )
    if initialiseer:
        initialiseer_database(omgeving)
    return omgeving


def initialiseer_database(omgeving: Omgeving) -> None:
    migreer(omgeving.database)
    with transactie(omgeving.fabriek) as sessie:
        # The register's organisations first: the seeds below may name them.
        synchroniseer(sessie, omgeving.beslisser.register)
    with transactie(omgeving.fabriek) as sessie:
        een_tegelijk(sessie)
        zaai_catalogus(sessie)
        zaai_register(sessie)
        afspraken.zaai(sessie)
    omgeving.volg_versies(meteen=True)
    herstel_onderbroken(omgeving.fabriek, wachtrij=omgeving.instellingen.achtergrond_in_wachtrij)
    ontvangst.ruim_op(omgeving.instellingen.data_dir)
    with transactie(omgeving.fabriek) as sessie:
        kruis.onderbreek_verweesde_taken(sessie, dt.datetime.now(dt.UTC))


def synchroniseer(sessie: Sessie, register: Partnerregister) -> None:
    """The organisations' table in line with a register: added, renamed. One that left the
    register keeps its row, as the data that names it does (a register naming it again
    finds it)."""
    beheer.synchroniseer_organisaties(
        sessie,
        (
            Organisatie(id=o.id, naam=o.naam, soort=o.soort, regio=o.regio)
            for o in register.organisaties
        ),
    )


def zaai_register(sessie: Sessie) -> None:
    """The shipped partner register as the first version of a new installation, in force
    from the start. After an upgrade that ships another version, that one waits as a
    proposal, as the catalogue does (`zaai_catalogus`)."""
    tekst = meegeleverde_registertekst()
    versie = register_uit_tekst(tekst).versie
    if registeropslag.op_naam(sessie, versie) is not None:
        return
    eerste = registeropslag.in_werking(sessie, dt.date.max) is None
    registeropslag.bewaar(
        sessie,
        Registerversie(
            versie=versie,
            tekst=tekst,
            status=registeropslag.GOEDGEKEURD if eerste else registeropslag.VOORGESTELD,
            geldig_van=dt.date.min if eerste else werkdagen.dag(),
            toelichting="Meegeleverd met deze versie van Integraal.",
        ),
    )


def zaai_catalogus(sessie: Sessie) -> None:
    """The shipped catalogue as the first version in force of a new installation. After an
    upgrade that ships another version, that one waits as a proposal for the privacy
    officer's approval: the installation keeps the rules it approved until then."""
    tekst = meegeleverde_tekst()
    versie = catalogus_uit_tekst(tekst).versie
    if catalogusopslag.op_naam(sessie, versie) is not None:
        return
    eerste = catalogusopslag.actieve_versie(sessie) is None
    cv = Catalogusversie(
        versie=versie,
        tekst=tekst,
        status=catalogusopslag.VOORGESTELD,
        toelichting="Meegeleverd met deze versie van Integraal.",
    )
    catalogusopslag.bewaar(sessie, cv)
    if eerste:
        catalogusopslag.activeer(sessie, cv, dt.datetime.now(dt.UTC))
