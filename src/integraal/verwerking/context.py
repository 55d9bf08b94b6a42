# SPDX-License-Identifier: EUPL-1.2
"""One processing context per request, command or job.

It carries the actor, the channel, one trace id, the clock, the rule engine and the database
session, and it is the only way services write the processing log and the audit record: both
take the context's trace id, so an action's audit record and its processing lines are always
linked (the Logboek Dataverwerkingen standard's trace context).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from typing import Protocol

from integraal import logboek, meting
from integraal.delen import Beslisser, Besluit, CasusContext, Geweigerd, Verzoek
from integraal.domein.actor import Actor
from integraal.domein.fouten import GeenToegang
from integraal.domein.keuze import Keuze
from integraal.opslag.db import Sessie


class Kanaal(Keuze):
    """Through which face an action came in (the audit record's `herkomst`)."""

    WEB = "web", "webapplicatie"
    API = "api", "API"
    CLI = "cli", "opdrachtregel"
    TAAK = "taak", "achtergrondtaak"
    DEMO = "demo", "demowereld"


# Audit results that record a refusal; they outlive the action's rollback.
WEIGERINGEN = frozenset({"geweigerd", "niet gevonden", "onbekende code", "mislukt"})


@dataclass(frozen=True)
class Auditregel:
    trace_id: str
    gebruiker_id: int | None
    organisatie_id: str | None
    actie: str
    resultaat: str
    herkomst: str
    details: dict[str, object]

    def schrijf(self, sessie: Sessie) -> None:
        logboek.schrijf_audit(
            sessie,
            trace_id=self.trace_id,
            gebruiker_id=self.gebruiker_id,
            organisatie_id=self.organisatie_id,
            actie=self.actie,
            resultaat=self.resultaat,
            herkomst=self.herkomst,
            details=self.details,
        )


def _utc_nu() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Context:
    sessie: Sessie
    beslisser: Beslisser
    kanaal: Kanaal
    actor: Actor | None = None
    pseudoniem_sleutel: bytes = b""
    trace_id: str = field(default_factory=logboek.nieuwe_trace_id)
    klok: Callable[[], dt.datetime] = _utc_nu
    # Audit records of refusals, written again after a rollback (`Omgeving.context`).
    weigeringen: list[Auditregel] = field(default_factory=list, repr=False)
    # The reason the actor stated for reading a shielded person's data (the door asks for it),
    # and the shielded persons this action already raised an alert for (one alert per action).
    reden: str | None = None
    afgeschermd_gemeld: set[str] = field(default_factory=set, repr=False)
    # How long a case membership or a role holds without being confirmed (access review).
    toegangstermijn: dt.timedelta = dt.timedelta(days=91)
    # The action's log lines and audit records wait for its end (`schrijf_uitgesteld`): one
    # append for all its lines, and a read takes no write lock until then.
    _uitgesteld: list[tuple[list[logboek.Verwerking], Callable[[list[int]], None] | None]] = field(
        default_factory=list, repr=False
    )
    _audits: list[Auditregel] = field(default_factory=list, repr=False)
    _direct_geschreven: int = field(default=0, repr=False)

    def nu(self) -> dt.datetime:
        return self.klok()

    def bevestigd_sinds(self) -> dt.datetime:
        """Memberships and roles confirmed since this moment still hold (access review)."""
        return self.nu() - self.toegangstermijn

    @property
    def ik(self) -> Actor:
        """The signed-in actor; services that need one ask here instead of checking None."""
        if self.actor is None:
            raise GeenToegang("log eerst in")
        return self.actor

    def beslis(
        self,
        *,
        van: str,
        aan: str | None = None,
        categorie: str,
        doel: str,
        casus: CasusContext | None = None,
        feiten: Iterable[str] = (),
        bron: str | None = None,
        gegevens_casus: str | None = None,
        uitleg: bool = True,
    ) -> Besluit:
        """Ask the rule engine on behalf of this context's actor (recipient: their organisation)."""
        ontvanger = aan if aan is not None else self.ik.organisatie_id
        besluit = self.beslisser.beslis(
            Verzoek(
                van=van,
                aan=ontvanger,
                categorie=categorie,
                doel=doel,
                casus=casus,
                actor=self.actor.ref if self.actor else None,
                bron=bron,
                gegevens_casus=gegevens_casus,
                feiten=frozenset(feiten),
                # The rules of the day the action happens (designations, laws in force).
                datum=self.nu().date(),
            ),
            uitleg=uitleg,
        )
        meting.besluit(besluit.toegestaan)
        return besluit

    def vereis(self, besluit: Besluit) -> Besluit:
        """The decision, or the refusal that explains it."""
        if not besluit.toegestaan:
            raise Geweigerd(besluit, self.beslisser.catalogus, self.beslisser.register)
        return besluit

    def verwerking(
        self,
        besluit: Besluit | None,
        *,
        naam: str,
        verstrekker: str | None,
        ontvanger: str | None,
        categorieen: Iterable[str],
        doel: str,
        casus_id: str | None = None,
        betrokkene: str | None = None,
        betrokkene_soort: str | None = None,
        grondslag: str | None = None,
        status: int = logboek.STATUS_OK,
    ) -> logboek.Verwerking:
        """One processing line under this context's trace id; the basis comes from the
        decision unless the law itself is the basis (`grondslag`, e.g. a public tip)."""
        return logboek.Verwerking(
            naam=naam,
            activiteit=naam.replace(" ", "-"),
            trace_id=self.trace_id,
            besluit_id=besluit.besluit_id if besluit else None,
            regel_id=besluit.regel_id if besluit else None,
            grondslag=grondslag
            or (besluit.grondslag.omschrijving if besluit and besluit.grondslag else None),
            doel=doel,
            verstrekker=verstrekker,
            ontvanger=ontvanger,
            categorieen=tuple(categorieen),
            casus_id=casus_id,
            betrokkene=betrokkene,
            betrokkene_soort=betrokkene_soort,
            status=status,
            start=self.nu(),
        )

    def log(
        self,
        verwerkingen: Iterable[logboek.Verwerking],
        *,
        daarna: Callable[[list[int]], None] | None = None,
    ) -> None:
        """Lines for the processing log, appended when the action ends and committed with it
        (see `Omgeving.context`); `daarna` gets the lines' numbers once they are written."""
        regels = list(verwerkingen)
        vreemd = {v.trace_id for v in regels} - {self.trace_id}
        if vreemd:
            raise ValueError("een verwerking hoort bij een ander spoor dan deze handeling")
        if regels:
            self._uitgesteld.append((regels, daarna))

    def log_nu(self, verwerkingen: Iterable[logboek.Verwerking]) -> None:
        """Append now, in this action's own transaction, instead of at its end: for work with
        more lines than it should hold in memory until then (a delivery of many entities,
        written in blocks). Only in a writing context, and not mixed with lines held back."""
        regels = list(verwerkingen)
        if {v.trace_id for v in regels} - {self.trace_id}:
            raise ValueError("een verwerking hoort bij een ander spoor dan deze handeling")
        if self._uitgesteld:
            raise RuntimeError("eerst de uitgestelde logregels, dan pas direct schrijven")
        logboek.schrijf(self.sessie, regels)
        self._direct_geschreven += len(regels)

    @property
    def aantal_logregels(self) -> int:
        """Lines this action appended or holds back to append (counted once committed)."""
        return self._direct_geschreven + sum(len(r) for r, _ in self._uitgesteld)

    @property
    def heeft_uitgesteld(self) -> bool:
        return bool(self._uitgesteld or self._audits)

    def schrijf_uitgesteld(self, sessie: Sessie) -> None:
        """Append the action's log lines in one go, then its audit records, in `sessie` (the
        action's own transaction, or the short writing one after a read)."""
        schrijf_uitgesteld(sessie, [self])

    def herstelpunt(self) -> Callable[[], None]:
        """What `schrijf_uitgesteld` takes and changes, to be put back should its transaction
        fail: the group writer then writes this action's lines again on their own."""
        uitgesteld, audits = list(self._uitgesteld), list(self._audits)
        weigeringen, gemeld = list(self.weigeringen), set(self.afgeschermd_gemeld)

        def terug() -> None:
            self._uitgesteld, self._audits = list(uitgesteld), list(audits)
            self.weigeringen, self.afgeschermd_gemeld = list(weigeringen), set(gemeld)

        return terug

    def audit(self, actie: str, resultaat: str = "uitgevoerd", **details: object) -> None:
        """The audit record of what the actor did, linked to its processing lines. A refusal
        is kept even when the action then rolls back (see `Omgeving.context`): who tried what
        and was refused is exactly what an auditor looks for."""
        record = Auditregel(
            trace_id=self.trace_id,
            gebruiker_id=self.actor.gebruiker_id if self.actor else None,
            organisatie_id=self.actor.organisatie_id if self.actor else None,
            actie=actie,
            resultaat=resultaat,
            herkomst=self.kanaal.value,
            details=details,
        )
        self._audits.append(record)
        if resultaat in WEIGERINGEN:
            self.weigeringen.append(record)


def schrijf_uitgesteld(sessie: Sessie, contexten: Sequence[Context]) -> None:
    """The held-back log lines of several actions in one append (one head update, one
    INSERT), then all their audit records in one statement; each action's `daarna` gets its
    own lines' numbers, and what it logs or audits in turn is written the same way."""
    for ctx in contexten:
        ctx.sessie = sessie
    while any(ctx.heeft_uitgesteld for ctx in contexten):
        uitgesteld = [u for ctx in contexten for u in ctx._uitgesteld]
        audits = [a for ctx in contexten for a in ctx._audits]
        for ctx in contexten:
            ctx._uitgesteld, ctx._audits = [], []
        regels_alle = [v for regels, _ in uitgesteld for v in regels]
        nummers = logboek.schrijf(sessie, regels_alle) if regels_alle else []
        begin = 0
        for regels, daarna in uitgesteld:
            if daarna is not None:
                daarna(nummers[begin : begin + len(regels)])
            begin += len(regels)
        logboek.schrijf_audits(sessie, [asdict(a) for a in audits])


class Contextmaker(Protocol):
    """Opens a context in its own transaction (`Omgeving.context`): for work that commits in
    steps, such as a matching run, each step under the run's one trace id."""

    def __call__(
        self,
        actor: Actor | None,
        kanaal: Kanaal,
        *,
        trace_id: str | None = None,
        lezen: bool = False,
    ) -> AbstractContextManager[Context]: ...
