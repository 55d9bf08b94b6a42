# SPDX-License-Identifier: EUPL-1.2
"""Group commit of reading actions' log lines: many requests, one transaction, one fsync.

A reading action (a page, a search) ends by appending its processing lines, and it may not
answer before they are durable. Each in its own transaction, every request of an app process
queues at the log's head for a lock and a commit of its own: a few hundred appends a second,
whatever the number of clients (decision record 0022). Here the requests that arrive while one
transaction is being written wait together, and the next of them writes all their lines in
the next transaction (the leader/follower scheme databases use for their own write-ahead
logs): the more concurrent readers, the more lines per commit.

No thread of its own: the leader is a waiting request's thread, and it writes one group only
(its own and those that queued before it took them), then hands the turn to the first that
queued since. Every request still returns only after its own lines committed, or raises.
A group that fails is written again one request at a time, so one request's failure is never
another's. Writing actions do not come here: their lines commit with their data.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from integraal.opslag.db import Sessiefabriek, transactie
from integraal.verwerking.context import Context, schrijf_uitgesteld

# Lines of at most this many requests in one transaction: a commit stays short enough that a
# writing action waiting for the log's head is not held up long.
GROEP = 256


@dataclass(eq=False)
class _Beurt:
    ctx: Context
    wek: threading.Event = field(default_factory=threading.Event)
    leider: bool = False
    fout: BaseException | None = None


class Groepschrijver:
    def __init__(self, fabriek: Sessiefabriek, groep: int = GROEP) -> None:
        self._fabriek = fabriek
        self._groep = groep
        self._slot = threading.Lock()
        self._rij: list[_Beurt] = []
        self._bezig = False  # a leader is writing a group now

    @property
    def wachtend(self) -> int:
        """Actions queued for the next group (not the one being written)."""
        with self._slot:
            return len(self._rij)

    def schrijf(self, ctx: Context) -> None:
        """Append `ctx`'s held-back lines and audit records durably; returns once committed."""
        beurt = _Beurt(ctx)
        with self._slot:
            self._rij.append(beurt)
            if not self._bezig:
                self._bezig = beurt.leider = True
        if not beurt.leider:
            beurt.wek.wait()
        if beurt.leider:
            self._leid()
        if beurt.fout is not None:
            raise beurt.fout

    def _leid(self) -> None:
        with self._slot:
            groep, self._rij = self._rij[: self._groep], self._rij[self._groep :]
        try:
            self._schrijf_groep(groep)
        except BaseException as fout:
            # Never let a member return as if written when it is not known to be.
            for b in groep:
                b.fout = b.fout or fout
            raise
        finally:
            with self._slot:
                if self._rij:
                    volgende = self._rij[0]
                    volgende.leider = True
                    volgende.wek.set()
                else:
                    self._bezig = False
            for b in groep:
                b.wek.set()

    def _schrijf_groep(self, groep: list[_Beurt]) -> None:
        herstel = [b.ctx.herstelpunt() for b in groep]
        try:
            with transactie(self._fabriek) as sessie:
                schrijf_uitgesteld(sessie, [b.ctx for b in groep])
            return
        except BaseException as fout:
            # One action alone, or the process stopping: that failure is theirs as it stands.
            if len(groep) == 1 or not isinstance(fout, Exception):
                for b in groep:
                    b.fout = fout
                return
        for b, terug in zip(groep, herstel, strict=True):
            terug()
            try:
                with transactie(self._fabriek) as sessie:
                    b.ctx.schrijf_uitgesteld(sessie)
            except BaseException as fout:
                b.fout = fout
