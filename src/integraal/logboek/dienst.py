# SPDX-License-Identifier: EUPL-1.2
"""The processing log as a service: append, verify, data-subject report, checkpoints."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import multiprocessing
import os
import secrets
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from integraal.domein.actor import Actor
from integraal.domein.invoer import Uitvoer
from integraal.logboek import keten as keten_mod
from integraal.logboek.keten import (
    NUL_KETEN,
    MerkleFront,
    blad_hash,
    canoniek,
    commitment,
    keten_hash,
)
from integraal.logboek.ondertekening import Checkpoint, publieke_sleutel_hex
from integraal.opslag import logboek as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import AuditRecord, LogboekCheckpoint

STATUS_OK = 1
STATUS_FOUT = 2
ACTIVITEIT_PREFIX = "https://integraal.example/verwerkingsactiviteiten/"


def nieuwe_trace_id() -> str:
    return secrets.token_hex(16)


def nieuwe_span_id() -> str:
    return secrets.token_hex(8)


@dataclass(frozen=True)
class Verwerking:
    """One processing of personal data about (at most) one data subject (LDV: one line each)."""

    naam: str
    activiteit: str
    trace_id: str
    besluit_id: str | None
    regel_id: str | None
    grondslag: str | None
    doel: str
    verstrekker: str | None
    ontvanger: str | None
    categorieen: tuple[str, ...]
    casus_id: str | None = None
    betrokkene: str | None = None
    betrokkene_soort: str | None = None
    span_id: str = field(default_factory=nieuwe_span_id)
    parent_span_id: str | None = None
    status: int = STATUS_OK
    start: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    eind: dt.datetime | None = None
    # Lines whose personal part this line records as lawfully erased (`wis_persoonsdelen`):
    # one by one, and whole blocks as ranges.
    gewist: tuple[int, ...] = ()
    # A range: first line, last line, how many personal parts this entry erased in it and a
    # digest of which (`keten.bereikdigest`).
    gewiste_bereiken: tuple[tuple[int, int, int, str], ...] = ()


def schrijf(sessie: Sessie, verwerkingen: Sequence[Verwerking]) -> list[int]:
    """Append in the caller's transaction: the processing and its log line commit together."""
    if not verwerkingen:
        return []
    kop = opslag.vergrendel_kop(sessie)
    volgnummer, keten = kop.volgnummer, kop.keten_hash
    regels: list[dict[str, object]] = []
    betrokkenen: list[dict[str, object]] = []
    for v in verwerkingen:
        volgnummer += 1
        eind = v.eind or dt.datetime.now(dt.UTC)
        lijn: dict[str, object] = {
            "volgnummer": volgnummer,
            "trace_id": v.trace_id,
            "span_id": v.span_id,
            "parent_span_id": v.parent_span_id,
            "naam": v.naam,
            "dpl.core.processing_activity_id": ACTIVITEIT_PREFIX + v.activiteit,
            "status_code": v.status,
            "start_time": v.start.astimezone(dt.UTC).isoformat(timespec="milliseconds"),
            "end_time": eind.astimezone(dt.UTC).isoformat(timespec="milliseconds"),
            "dpl.integraal.decision_id": v.besluit_id,
            "dpl.integraal.rule_id": v.regel_id,
            "dpl.integraal.basis": v.grondslag,
            "dpl.integraal.purpose": v.doel,
            "dpl.integraal.case_id": v.casus_id,
            "dpl.integraal.provider": v.verstrekker,
            "dpl.integraal.recipient": v.ontvanger,
            "dpl.integraal.categories": list(v.categorieen),
        }
        if v.gewist:
            lijn["dpl.integraal.erased_subjects"] = list(v.gewist)
        if v.gewiste_bereiken:
            lijn["dpl.integraal.erased_ranges"] = [list(b) for b in v.gewiste_bereiken]
        if v.betrokkene is not None:
            zout = secrets.token_hex(16)
            soort = v.betrokkene_soort or "onbekend"
            lijn["dpl.core.data_subject_id_type"] = soort
            lijn["dpl.integraal.subject_commitment"] = commitment(zout, soort, v.betrokkene)
            betrokkenen.append(
                {
                    "volgnummer": volgnummer,
                    "betrokkene": v.betrokkene,
                    "betrokkene_soort": soort,
                    "zout": zout,
                }
            )
        inhoud = canoniek(lijn)
        blad = blad_hash(inhoud)
        keten = keten_hash(keten, blad)
        regels.append(
            {
                "volgnummer": volgnummer,
                "inhoud": inhoud,
                "blad_hash": blad.hex(),
                "keten_hash": keten,
                "trace_id": v.trace_id,
                "casus_id": v.casus_id,
                "tijd": eind,
            }
        )
    opslag.voeg_toe(sessie, regels, betrokkenen, opslag.Kop(volgnummer, keten), keten_mod.BLOK)
    return list(range(kop.volgnummer + 1, volgnummer + 1))


def schrijf_audit(
    sessie: Sessie,
    *,
    trace_id: str,
    gebruiker_id: int | None,
    organisatie_id: str | None,
    actie: str,
    resultaat: str,
    herkomst: str,
    details: dict[str, object] | None = None,
) -> None:
    opslag.schrijf_audit(
        sessie,
        AuditRecord(
            trace_id=trace_id,
            gebruiker_id=gebruiker_id,
            organisatie_id=organisatie_id,
            actie=actie,
            resultaat=resultaat,
            herkomst=herkomst,
            details=details or {},
        ),
    )


def schrijf_audits(sessie: Sessie, records: Sequence[dict[str, object]]) -> None:
    """Several audit records at once (an action's, at its end): one statement, not one each."""
    opslag.schrijf_audits(sessie, records)


def schrijf_handeling(
    sessie: Sessie,
    actor: Actor,
    actie: str,
    *,
    herkomst: str = "app",
    details: dict[str, object] | None = None,
) -> None:
    """An action a user carried out (not a read of personal data: those go to `schrijf`)."""
    schrijf_audit(
        sessie,
        trace_id=nieuwe_trace_id(),
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie=actie,
        resultaat="uitgevoerd",
        herkomst=herkomst,
        details=details,
    )


WISSING = "persoonsdeel gewist na bewaartermijn"  # the name of an erasure's own log line


def wis_persoonsdelen(
    sessie: Sessie, volgnummers: Sequence[int], *, grondslag: str, trace_id: str
) -> int:
    """Erase the personal part (subject, salt) of these lines at the end of their term, and
    record that in the chain itself: `verifieer` then tells this lawful erasure from a
    deletion by someone who wanted a read to disappear. The lines stay; their commitments
    stay, so nobody can put another person in their place.

    A complete block whose every remaining personal part is erased now is recorded as one
    range and erased whole (on PostgreSQL its partition is dropped): a million numbers
    neither in the entry nor in a delete."""
    # The head's lock first: another erasure that commits between the reads below and this
    # one's entry would make its count and digest wrong.
    opslag.vergrendel_kop(sessie)
    gewist = sorted(set(volgnummers) & set(opslag.met_persoonsdeel(sessie, volgnummers)))
    if not gewist:
        return 0
    per_blok = Counter(keten_mod.blok_van(n) for n in gewist)
    kop = opslag.lees_kop(sessie)
    compleet = [b for b in per_blok if keten_mod.blokgrenzen(b)[1] <= kop.volgnummer]
    aanwezig = opslag.persoonsdelen_per_blok(sessie, keten_mod.BLOK, compleet)
    hele = sorted(b for b, n in aanwezig.items() if n == per_blok[b])
    heel = set(hele)
    los = [n for n in gewist if keten_mod.blok_van(n) not in heel]
    # With which parts it erased: a part removed earlier without an entry, or one made up to
    # make a count fit, is not covered by it.
    bereiken = tuple(
        (
            *keten_mod.blokgrenzen(b),
            aanwezig[b],
            keten_mod.bereikdigest(n for n in gewist if keten_mod.blok_van(n) == b),
        )
        for b in hele
    )
    schrijf(
        sessie,
        [
            Verwerking(
                naam="persoonsdeel gewist na bewaartermijn",  # WISSING, as the log checks read it
                activiteit="persoonsdeel-wissen",
                trace_id=trace_id,
                besluit_id=None,
                regel_id=None,
                grondslag=grondslag,
                doel="bewaartermijn",
                verstrekker=None,
                ontvanger=None,
                categorieen=(),
                gewist=tuple(los),
                gewiste_bereiken=bereiken,
            )
        ],
    )
    opslag.verwijder_betrokkenen(sessie, los)
    for van, tot, _, _ in bereiken:
        opslag.verwijder_blok_betrokkenen(sessie, van, tot)
    return len(gewist)


@dataclass(frozen=True)
class Bevinding:
    volgnummer: int
    reden: str


@dataclass(frozen=True)
class Verificatie:
    aantal: int
    gecontroleerde_checkpoints: int
    bevinding: Bevinding | None
    # The newest checkpoint a witness holds, if any: lines after it are not witnessed yet.
    nieuwste_getuige: Checkpoint | None = None
    nu: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    @property
    def in_orde(self) -> bool:
        return self.bevinding is None

    @property
    def getuige_leeftijd(self) -> dt.timedelta | None:
        if self.nieuwste_getuige is None:
            return None
        return self.nu - dt.datetime.fromisoformat(self.nieuwste_getuige.tijd)

    def getuige_tekst(self) -> str:
        cp, leeftijd = self.nieuwste_getuige, self.getuige_leeftijd
        if cp is None or leeftijd is None:
            return (
                "Er is geen getuige-checkpoint: een herschreven of ingekorte staart valt niet "
                "op. Stel een getuigemap in (INTEGRAAL_GETUIGE_MAP)."
            )
        uren = leeftijd.total_seconds() / 3600
        oud = f"{uren:.0f} uur" if uren >= 1 else f"{leeftijd.total_seconds() / 60:.0f} minuten"
        na = self.aantal - cp.boomgrootte
        return (
            f"Nieuwste getuige-checkpoint: {oud} oud, over {cp.boomgrootte} regels; "
            f"{na} latere regels zijn nog niet door een getuige vastgelegd."
        )

    def tekst(self) -> str:
        if self.bevinding is None:
            n = self.gecontroleerde_checkpoints
            checkpoints = "1 checkpoint klopt" if n == 1 else f"{n} checkpoints kloppen"
            return (
                f"Logboek in orde: {self.aantal} regels; de keten en {checkpoints}. "
                + self.getuige_tekst()
            )
        b = self.bevinding
        return f"Logboek NIET in orde: eerste afwijking bij regel {b.volgnummer}: {b.reden}."


EINDE = "het einde van het logboek ontbreekt: regels zijn verwijderd"
ONGELDIG = "inhoud is geen geldige logregel meer"
# From this many lines on, `verifieer` splits the log over processes (starting the fork server
# the first time costs about a second; below this a log verifies in a few seconds in one).
VANAF_PARALLEL = 200_000
# The smallest part a worker gets (a power of two): below it, sending the part costs more
# than checking it.
KLEINSTE_DEEL = 1 << 14
WISSING_VERVALLEN = (
    "het persoonsdeel (betrokkene) is verwijderd zonder wissingsregel na de bewaartermijn"
)

Stapel = tuple[tuple[int, bytes], ...]
Bereik = tuple[int, int, int, str, int]  # an erased range and the entry that erased it


class _Toetser:
    """Checks lines in order from number `van` on against the chain from `keten`: each line's
    place, its leaf hash, its link in the chain, its search fields and its subject
    commitment. Which lines lost their personal part and which erasure entries name them is
    kept, to be judged once the whole log has been seen."""

    def __init__(self, van: int, keten: str) -> None:
        self.verwacht, self.keten = van, keten
        self.bevinding: Bevinding | None = None
        # Lines without their personal part, as runs (first, last): a block erased whole is
        # one run, not a million numbers.
        self.zonder: list[tuple[int, int]] = []
        self.gewist: dict[int, int] = {}  # line -> the last erasure entry that names it
        # Ranges erased whole (a block's): first, last, how many, which, the erasure entry.
        self.bereiken: list[Bereik] = []

    def bladen(
        self, rijen: Iterable[opslag.Logrij], tot: int | None = None, *, einde: bool = False
    ) -> Iterator[bytes]:
        """The leaf of each line that passes, until the first that does not (`bevinding`).
        With `tot`, lines missing before it are a finding too (at the end of the log: its end
        is missing)."""
        for regel in rijen:
            uitkomst = self._toets(regel)
            if isinstance(uitkomst, Bevinding):
                self.bevinding = uitkomst
                return
            yield uitkomst
        if tot is not None and self.verwacht != tot + 1:
            self.bevinding = Bevinding(self.verwacht, EINDE) if einde else self._ontbreekt()

    def _ontbreekt(self) -> Bevinding:
        return Bevinding(
            self.verwacht, f"volgnummer {self.verwacht} ontbreekt of er is een regel tussengevoegd"
        )

    def _toets(self, regel: opslag.Logrij) -> bytes | Bevinding:
        if regel.volgnummer != self.verwacht:
            return self._ontbreekt()
        try:
            lijn = json.loads(regel.inhoud)
        except ValueError:
            return Bevinding(regel.volgnummer, ONGELDIG)
        if not isinstance(lijn, dict) or (
            # Most lines are not erasures: two look-ups, not a check of nothing, per line.
            ("dpl.integraal.erased_subjects" in lijn or "dpl.integraal.erased_ranges" in lijn)
            and not _geldige_wissing(lijn)
        ):
            return Bevinding(regel.volgnummer, ONGELDIG)
        if lijn.get("volgnummer") != regel.volgnummer:
            return Bevinding(
                regel.volgnummer, "regel staat op een andere plaats dan waar hij is geschreven"
            )
        blad = blad_hash(regel.inhoud)
        if blad.hex() != regel.blad_hash:
            return Bevinding(regel.volgnummer, "inhoud is gewijzigd na het schrijven")
        keten = keten_hash(self.keten, blad)
        if keten != regel.keten_hash:
            return Bevinding(
                regel.volgnummer,
                "keten gebroken: een eerdere regel is gewijzigd, verwijderd of verplaatst",
            )
        if regel.trace_id != lijn.get("trace_id") or regel.casus_id != lijn.get(
            "dpl.integraal.case_id"
        ):
            return Bevinding(regel.volgnummer, "zoekvelden wijken af van de gehashte inhoud")
        if (
            regel.betrokkene is not None
            and regel.zout is not None
            and regel.betrokkene_soort is not None
            and commitment(regel.zout, regel.betrokkene_soort, regel.betrokkene)
            != lijn.get("dpl.integraal.subject_commitment")
        ):
            return Bevinding(regel.volgnummer, "het persoonsdeel (betrokkene) is gewijzigd")
        if regel.betrokkene is None and lijn.get("dpl.integraal.subject_commitment"):
            n = regel.volgnummer
            if self.zonder and self.zonder[-1][1] == n - 1:
                self.zonder[-1] = (self.zonder[-1][0], n)
            else:
                self.zonder.append((n, n))
        for n in lijn.get("dpl.integraal.erased_subjects", ()):
            self.gewist[n] = regel.volgnummer
        for van, tot, aantal, digest in lijn.get("dpl.integraal.erased_ranges", ()):
            self.bereiken.append((van, tot, aantal, digest, regel.volgnummer))
        self.keten = keten
        self.verwacht += 1
        return blad


@dataclass(frozen=True)
class _Deel:
    """What was found in one part of the log, which starts at a multiple of its power-of-two
    size (so its lines are perfect subtrees of the log's tree): the tree of the lines that
    passed and its state at each checkpoint inside the part, sent back between processes
    instead of the leaves."""

    van: int
    stapel: Stapel
    stapels_op: dict[int, Stapel]
    bevinding: Bevinding | None
    zonder: list[tuple[int, int]]
    gewist: dict[int, int]
    bereiken: list[Bereik]
    keten: str


def _toets_rijen(
    rijen: Iterable[opslag.Logrij],
    van: int,
    tot: int,
    keten: str,
    einde: bool,
    meet_op: frozenset[int],
) -> _Deel:
    t = _Toetser(van, keten)
    front = MerkleFront()
    stapels: dict[int, Stapel] = {}
    for blad in t.bladen(rijen, tot, einde=einde):
        front.voeg_toe(blad)
        if van - 1 + front.grootte in meet_op:
            stapels[van - 1 + front.grootte] = front.stapel()
    return _Deel(van, front.stapel(), stapels, t.bevinding, t.zonder, t.gewist, t.bereiken, t.keten)


def _toets_deel(
    adres: str, van: int, tot: int, keten: str, einde: bool, meet_op: frozenset[int]
) -> _Deel:
    return _toets_rijen(opslag.regels_in_bereik(adres, van, tot), van, tot, keten, einde, meet_op)


def _werkers() -> multiprocessing.context.BaseContext:
    # A fork server, started clean once with this module loaded, forks each worker: no copy of
    # this process's threads or open connections, and no second or so of imports per pool.
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    return ctx


def _grenzen(tot: int, per_deel: int) -> list[tuple[int, int]]:
    return [(v, min(v + per_deel - 1, tot)) for v in range(1, tot + 1, per_deel)]


def _in_delen(
    sessie: Sessie,
    adres: str,
    tot: int,
    processen: int,
    per_deel: int,
    meet_op: frozenset[int],
) -> Iterator[_Deel]:
    """The lines 1 to `tot` checked in parts by worker processes, the parts in order. Each
    part starts from the chain hash stored before it, which the part before checks: together
    they check every link."""
    grenzen = _grenzen(tot, per_deel)
    ketens = opslag.ketens_op(sessie, [v - 1 for v, _ in grenzen if v > 1])
    begin = [NUL_KETEN if v == 1 else ketens.get(v - 1, NUL_KETEN) for v, _ in grenzen]
    with ProcessPoolExecutor(processen, mp_context=_werkers()) as ex:
        try:
            yield from ex.map(
                _toets_deel,
                [adres] * len(grenzen),
                [v for v, _ in grenzen],
                [t for _, t in grenzen],
                begin,
                [t == tot for _, t in grenzen],
                [frozenset(g for g in meet_op if v <= g <= t) for v, t in grenzen],
            )
        finally:
            ex.shutdown(cancel_futures=True)


def _in_een_proces(
    rijen: Iterator[opslag.Logrij], tot: int, per_deel: int, meet_op: frozenset[int]
) -> Iterator[_Deel]:
    """The same parts from one stream, here: the chain runs on from part to part."""
    keten = NUL_KETEN
    for v, t in _grenzen(tot, per_deel):
        deel = _toets_rijen(itertools.islice(rijen, t - v + 1), v, t, keten, t == tot, meet_op)
        yield deel
        if deel.bevinding is not None:
            return
        keten = deel.keten


def _deelgrootte(n: int, processen: int, per_deel: int | None) -> int:
    """A power of two at most a block: parts and blocks are then subtrees of the log's tree.
    Rounded up, not down: each part costs a connection of its own, so no more parts than
    asked for."""
    if per_deel is None:
        per_deel = max(KLEINSTE_DEEL, -(-n // (processen * 4)))
    macht = 1
    while macht < min(per_deel, keten_mod.BLOK):
        macht *= 2
    return macht


def _wortel(voor: MerkleFront, stapel: Stapel) -> bytes:
    f = voor.kopie()
    f.voeg_stapel_toe(stapel)
    return f.wortel()


def _ontbrekend(
    zonder: Iterable[tuple[int, int]],
    gewist: dict[int, int],
    bereiken: Sequence[Bereik],
) -> Bevinding | None:
    """The first line whose personal part is gone without an erasure entry after it that
    names it, on its own or in a range erased whole (whose entry says which lines it erased),
    or whose part is back after an entry erased it."""
    runs = sorted(zonder)
    begins = [a for a, _ in runs]
    bevindingen: list[Bevinding] = []

    def zonder_deel(n: int) -> bool:
        i = bisect.bisect_right(begins, n) - 1
        return i >= 0 and runs[i][0] <= n <= runs[i][1]

    def zonder_in(v: int, t: int) -> Iterator[int]:
        for a, z in runs[max(0, bisect.bisect_right(begins, v) - 1) :]:
            if a > t:
                return
            yield from range(max(a, v), min(z, t) + 1)

    for v, t, aantal, digest, entree in bereiken:
        # Lines in the range without a part and not erased on their own before the range.
        over = [n for n in zonder_in(v, t) if not n < gewist.get(n, 0) < entree]
        if len(over) > aantal:
            meer = len(over) - aantal
            bevindingen.append(
                Bevinding(
                    v,
                    f"in de regels {v} tot en met {t} "
                    + (
                        "ontbreekt 1 persoonsdeel"
                        if meer == 1
                        else f"ontbreken {meer} persoonsdelen"
                    )
                    + f" meer dan de wissingsregel op regel {entree} wiste: verwijderd zonder "
                    "wissingsregel",
                )
            )
        elif len(over) < aantal or keten_mod.bereikdigest(over) != digest:
            bevindingen.append(
                Bevinding(
                    v,
                    f"de persoonsdelen die in de regels {v} tot en met {t} ontbreken, zijn niet "
                    f"die welke de wissingsregel op regel {entree} wiste",
                )
            )
    if (n := _eerste_zonder_wissing(runs, gewist, [(v, t) for v, t, *_ in bereiken])) is not None:
        bevindingen.append(Bevinding(n, WISSING_VERVALLEN))
    for n, entree in gewist.items():
        if n < entree and not zonder_deel(n):
            bevindingen.append(
                Bevinding(
                    n,
                    f"het persoonsdeel is teruggezet nadat de wissingsregel op regel {entree} "
                    "het wiste",
                )
            )
    return min(bevindingen, key=lambda b: b.volgnummer, default=None)


def _eerste_zonder_wissing(
    runs: Sequence[tuple[int, int]], gewist: dict[int, int], gedekt: Sequence[tuple[int, int]]
) -> int | None:
    """The first line without its part that no range covers and no entry after it names."""
    for a, z in runs:
        n = a
        while n <= z:
            bereik = next((t for v, t in gedekt if v <= n <= t), None)
            if bereik is not None:
                n = bereik + 1
            elif gewist.get(n, 0) < n:
                return n
            else:
                n += 1
    return None


def _geldige_wissing(lijn: dict[str, object]) -> bool:
    """An erasure entry's lists have the shape the verifier reads (anything else in a line
    that hashes right is a line no version of this code wrote)."""
    los = lijn.get("dpl.integraal.erased_subjects", [])
    bereiken = lijn.get("dpl.integraal.erased_ranges", [])
    if not isinstance(los, list) or not all(type(n) is int for n in los):
        return False
    return isinstance(bereiken, list) and all(
        isinstance(b, list)
        and len(b) == 4
        and all(type(x) is int for x in b[:3])
        and isinstance(b[3], str)
        and 1 <= b[0] <= b[1]
        and 0 <= b[2] <= b[1] - b[0] + 1
        for b in bereiken
    )


def verifieer(
    sessie: Sessie,
    extra_checkpoints: Sequence[Checkpoint] = (),
    vertrouwde_sleutel: str | None = None,
    *,
    processen: int | None = None,
    per_deel: int | None = None,
) -> Verificatie:
    """Recompute every leaf, the chain and the tree heads; name the first entry that is off.
    With `vertrouwde_sleutel` (the installation's public key) the stored checkpoints'
    signatures are checked too: a stored checkpoint someone recomputed after rewriting the
    log no longer passes for one the application signed.

    The log is checked in parts whose size is a power of two (at most a block): by
    `processen` worker processes for a large log (by default one per core, at most four, from
    `VANAF_PARALLEL` lines on), else here. A part sends back its subtrees, not its leaves;
    the tree heads, each complete block's stored root and the checkpoints are computed here
    from them, in order, as in one pass."""
    opgeslagen = list(_opgeslagen_checkpoints(sessie, vertrouwde_sleutel or "").values())
    if vertrouwde_sleutel is not None:
        for cp in opgeslagen:
            if not cp.handtekening_geldig(vertrouwde_sleutel):
                return Verificatie(
                    0,
                    0,
                    Bevinding(cp.boomgrootte, "handtekening van opgeslagen checkpoint ongeldig"),
                )
    te_toetsen: dict[int, list[tuple[str, Checkpoint]]] = {}
    for herkomst, lijst in (("opgeslagen", opgeslagen), ("getuige", extra_checkpoints)):
        for cp in lijst:
            te_toetsen.setdefault(cp.boomgrootte, []).append((herkomst, cp))
    for herkomst, cp in (("getuige", c) for c in extra_checkpoints):
        if not cp.handtekening_geldig(vertrouwde_sleutel):
            return Verificatie(
                0, 0, Bevinding(cp.boomgrootte, f"handtekening van {herkomst}-checkpoint ongeldig")
            )
    blokwortels = opslag.blokwortels(sessie)

    kop = opslag.lees_kop(sessie)
    tot = kop.volgnummer
    adres = opslag.adres(sessie)
    if processen is None:
        processen = min(os.cpu_count() or 1, 4) if tot >= VANAF_PARALLEL else 1
    parallel = processen > 1 and adres is not None and tot > 0
    grootte = _deelgrootte(tot, processen, per_deel)
    meet_op = frozenset(g for g in te_toetsen if g <= tot)
    stroom = opslag.regels_op_volgorde(sessie, van=tot + 1 if parallel else None)
    if parallel:
        assert adres is not None
        laagste = opslag.eerste_volgnummer(sessie)
        if laagste is not None and laagste < 1:
            # Workers read lines 1 to the head, the tail after it: a line numbered below 1
            # would be in neither (one pass finds it first, as line 1 out of place).
            return Verificatie(0, 0, _Toetser(1, NUL_KETEN)._ontbreekt())
        delen = _in_delen(sessie, adres, tot, processen, grootte, meet_op)
    else:
        delen = _in_een_proces(stroom, tot, grootte, meet_op)

    front, blokfront = MerkleFront(), MerkleFront()
    getoetst = 0
    keten = NUL_KETEN
    zonder: list[tuple[int, int]] = []
    gewist: dict[int, int] = {}
    bereiken: list[Bereik] = []

    def fout(n: int, reden: str) -> Verificatie:
        return Verificatie(front.grootte, getoetst, Bevinding(n, reden))

    def toets_checkpoints(grootte: int, wortel: bytes) -> Verificatie | None:
        nonlocal getoetst
        for herkomst, cp in te_toetsen.get(grootte, []):
            if wortel.hex() != cp.wortel_hash:
                return Verificatie(
                    grootte,
                    getoetst,
                    Bevinding(
                        grootte,
                        f"{herkomst} checkpoint over {cp.boomgrootte} regels past niet: "
                        "het logboek tot hier is herschreven",
                    ),
                )
            getoetst += 1
        return None

    for deel in delen:
        for g in sorted(deel.stapels_op):
            if (uit := toets_checkpoints(g, _wortel(front, deel.stapels_op[g]))) is not None:
                return uit
        front.voeg_stapel_toe(deel.stapel)
        blokfront.voeg_stapel_toe(deel.stapel)
        if blokfront.grootte == keten_mod.BLOK:
            van = front.grootte - keten_mod.BLOK + 1
            opgeslagen_blok = blokwortels.get(van)
            if opgeslagen_blok is not None and (
                opgeslagen_blok[0] != front.grootte
                or opgeslagen_blok[1] != blokfront.wortel().hex()
            ):
                return fout(van, _BLOK_HERSCHREVEN.format(van=van))
            blokfront = MerkleFront()
        if deel.bevinding is not None:
            return Verificatie(front.grootte, getoetst, deel.bevinding)
        zonder.extend(deel.zonder)
        for n, e in deel.gewist.items():
            gewist[n] = max(e, gewist.get(n, 0))
        bereiken.extend(deel.bereiken)
        keten = deel.keten
    # Lines after the head as it was read first (appended since, or put there by hand): here,
    # in this read, leaf by leaf, as one pass would.
    staart = _Toetser(tot + 1, keten)
    for blad in staart.bladen(stroom):
        front.voeg_toe(blad)
        if (uit := toets_checkpoints(front.grootte, front.wortel())) is not None:
            return uit
    if staart.bevinding is not None:
        return Verificatie(front.grootte, getoetst, staart.bevinding)
    zonder.extend(staart.zonder)
    gewist.update(staart.gewist)
    bereiken.extend(staart.bereiken)
    aantal = front.grootte
    kop = opslag.lees_kop(sessie)  # the head as it stands after the last line read
    if kop.volgnummer != aantal or kop.keten_hash != staart.keten:
        return fout(aantal + 1, EINDE)
    if (eerste := _ontbrekend(zonder, gewist, bereiken)) is not None:
        if parallel:
            # Workers read in snapshots of their own: a lawful erasure that committed while
            # they read shows as a removed personal part. One pass in this read decides.
            return verifieer(sessie, extra_checkpoints, vertrouwde_sleutel, processen=1)
        return Verificatie(aantal, getoetst, eerste)
    for g in te_toetsen:
        if g > aantal:
            return fout(aantal + 1, f"een checkpoint noemt {g} regels; er zijn er minder")
    nieuwste = max(extra_checkpoints, key=lambda c: (c.boomgrootte, c.tijd), default=None)
    return Verificatie(aantal, getoetst, None, nieuwste)


class LogboekBeschadigd(Exception):
    """The stored log does not match what was signed before: no checkpoint is signed over it
    (the message, in Dutch, says where; `verifieer` names the first fault)."""


def _hex(waarde: str) -> bytes | None:
    try:
        return bytes.fromhex(waarde) if len(waarde) == 64 else None
    except ValueError:
        return None


def _opgeslagen_checkpoints(sessie: Sessie, vertrouwde_sleutel: str) -> dict[int, Checkpoint]:
    return {
        c.boomgrootte: Checkpoint(
            c.boomgrootte,
            c.wortel_hash,
            c.tijd.astimezone(dt.UTC).isoformat(),
            c.sleutel_id,
            vertrouwde_sleutel,
            c.handtekening,
        )
        for c in opslag.checkpoints(sessie)
    }


def verifieer_blok(sessie: Sessie, blok: int, vertrouwde_sleutel: str) -> Verificatie:
    """One block of the log on its own (on PostgreSQL one partition): its lines against the
    chain from the hash stored before it (whose own link is checked), their root against the
    block's stored root, and every signed checkpoint that ends inside the block against the
    stored roots of the blocks before it and this block's lines, so the block is bound to
    tree heads the application signed. A block that a checkpoint covers must have its root
    stored. Whether a removed personal part was lawfully erased is known only from the lines
    after it: the whole log's check (`verifieer`) judges that."""
    grootte = keten_mod.BLOK
    hoogte = grootte.bit_length() - 1
    van, tot = keten_mod.blokgrenzen(blok)
    kop = opslag.lees_kop(sessie)
    if van > kop.volgnummer:
        return Verificatie(0, 0, Bevinding(van, f"blok {blok + 1} bestaat nog niet"))
    laatste = min(tot, kop.volgnummer)
    buiten = _buiten_de_keten(sessie, kop.volgnummer, van, tot)
    if buiten is not None:
        return Verificatie(0, 0, buiten)
    if van > 1:
        ketens = opslag.ketens_op(sessie, [van - 2, van - 1] if van > 2 else [van - 1])
        voor = NUL_KETEN if van == 2 else ketens.get(van - 2, "")
        vorige = opslag.bladen_op_volgorde(sessie, van - 1, van - 1)
        blad = _hex(next(vorige, ""))
        keten = ketens.get(van - 1, "")
        if blad is None or _hex(voor) is None or keten_hash(voor, blad) != keten:
            return Verificatie(
                0,
                0,
                Bevinding(
                    van - 1,
                    "de keten vlak vóór dit blok is gebroken: controleer het vorige blok",
                ),
            )
    else:
        keten = NUL_KETEN
    checkpoints = _opgeslagen_checkpoints(sessie, vertrouwde_sleutel)
    for cp in checkpoints.values():
        if not cp.handtekening_geldig(vertrouwde_sleutel):
            return Verificatie(
                0, 0, Bevinding(cp.boomgrootte, "handtekening van opgeslagen checkpoint ongeldig")
            )
    if laatste == kop.volgnummer and max(checkpoints, default=0) > laatste:
        return Verificatie(0, 0, Bevinding(laatste + 1, EINDE))
    meet_op = frozenset(g for g in checkpoints if van <= g <= laatste)
    rijen = opslag.regels_op_volgorde(sessie, van=van, tot=laatste)
    deel = _toets_rijen(rijen, van, laatste, keten, laatste == kop.volgnummer, meet_op)
    aantal = sum(1 << h for h, _ in deel.stapel)
    if deel.bevinding is not None:
        return Verificatie(aantal, 0, deel.bevinding)
    wortels = opslag.blokwortels(sessie)
    gedekt = laatste == tot and any(g >= tot for g in checkpoints)
    eigen = wortels.get(van)
    if eigen is not None and (eigen[0] != tot or _hex(eigen[1]) != deel.stapel[0][1]):
        return Verificatie(aantal, 0, Bevinding(van, _BLOK_HERSCHREVEN.format(van=van)))
    if eigen is None and gedekt:
        return Verificatie(
            aantal,
            0,
            Bevinding(van, f"de wortel van het blok vanaf regel {van} ontbreekt"),
        )
    if eigen is not None and tot not in checkpoints:
        # A root is stored together with a signed checkpoint at the block's end.
        return Verificatie(
            aantal,
            0,
            Bevinding(tot, "het ondertekende checkpoint aan het einde van het blok ontbreekt"),
        )
    # The tree before this block, from the stored roots the earlier blocks' own checks bind.
    front = MerkleFront()
    if meet_op:
        for b in range(blok):
            w = wortels.get(b * grootte + 1)
            h = _hex(w[1]) if w is not None and w[0] == (b + 1) * grootte else None
            if h is None:
                return Verificatie(
                    aantal,
                    0,
                    Bevinding(b * grootte + 1, f"de wortel van blok {b + 1} ontbreekt"),
                )
            front.voeg_subboom_toe(hoogte, h)
    for g in sorted(meet_op):
        if _wortel(front, deel.stapels_op[g]).hex() != checkpoints[g].wortel_hash:
            return Verificatie(
                aantal,
                0,
                Bevinding(
                    van,
                    f"het ondertekende checkpoint over {g} regels past niet bij de opgeslagen "
                    "blokwortels en de regels van dit blok: er is een blok herschreven",
                ),
            )
    return Verificatie(aantal, len(meet_op), None)


def _buiten_de_keten(sessie: Sessie, kop: int, van: int, tot: int) -> Bevinding | None:
    """A line of this block outside the chain: numbered below 1 (block 1) or after the head
    (the open block). The whole log's check finds them as lines out of place."""
    if van == 1 and (laagste := opslag.eerste_volgnummer(sessie)) is not None and laagste < 1:
        return Bevinding(1, "volgnummer 1 ontbreekt of er is een regel tussengevoegd")
    if kop < tot and opslag.hoogste_volgnummer(sessie) > kop:
        return Bevinding(kop + 1, "er staat een regel na de kop van het logboek")
    return None


_HERSCHREVEN_TOT = (
    "het logboek tot regel {tot} past niet meer bij het ondertekende checkpoint daarover: het "
    "is herschreven"
)
_BLOK_HERSCHREVEN = (
    "de opgeslagen wortel van het blok vanaf regel {van} past niet bij zijn regels: het blok "
    "is herschreven nadat het werd afgesloten"
)


def aantal_regels(sessie: Sessie) -> int:
    return opslag.aantal_regels(sessie)


def groei_sinds_checkpoint(sessie: Sessie) -> bool:
    """Whether lines were appended after the newest stored checkpoint."""
    laatste = max((c.boomgrootte for c in opslag.checkpoints(sessie)), default=0)
    return opslag.lees_kop(sessie).volgnummer > laatste


def _bewaar_checkpoint(
    sessie: Sessie, sleutel: Ed25519PrivateKey, front: MerkleFront
) -> Checkpoint:
    tijd = dt.datetime.now(dt.UTC)
    cp = Checkpoint.onderteken(sleutel, front.grootte, front.wortel().hex(), tijd)
    opslag.bewaar_checkpoint(
        sessie,
        LogboekCheckpoint(
            boomgrootte=cp.boomgrootte,
            wortel_hash=cp.wortel_hash,
            tijd=tijd,
            sleutel_id=cp.sleutel_id,
            handtekening=cp.handtekening,
        ),
    )
    return cp


def maak_checkpoint(sessie: Sessie, sleutel: Ed25519PrivateKey) -> Checkpoint:
    """A signed tree head over the whole log, stored. From the stored roots of complete
    blocks and the leaves after them: a block is read once, when it is first complete; its
    root is stored then, with a signed checkpoint at its end (which `verifieer_blok` checks
    a block against).

    Nothing is signed over a log that does not extend what was signed before: a stored root
    is used only where the signed checkpoint at its block's end confirms it (else the block
    is read again and must give the same root), and the new tree must give the newest stored
    checkpoint's root at its size. Otherwise `LogboekBeschadigd`."""
    grootte = keten_mod.BLOK
    hoogte = grootte.bit_length() - 1
    n = opslag.lees_kop(sessie).volgnummer
    wortels = opslag.blokwortels(sessie)
    eigen = publieke_sleutel_hex(sleutel)
    getekend: dict[int, str] = {}
    for cp in _opgeslagen_checkpoints(sessie, eigen).values():
        if not cp.handtekening_geldig(eigen):
            raise LogboekBeschadigd(
                f"het opgeslagen checkpoint over {cp.boomgrootte} regels is niet met de sleutel "
                "van deze installatie ondertekend"
            )
        getekend[cp.boomgrootte] = cp.wortel_hash
    if getekend and max(getekend) > n:
        # The log only grows: its end was cut off after a checkpoint was signed over it.
        raise LogboekBeschadigd(
            f"er is een ondertekend checkpoint over {max(getekend)} regels, maar het logboek "
            f"telt er {n}: {EINDE}"
        )
    nieuwste = max(getekend, default=0)
    momentopname: bytes | None = None
    front = MerkleFront()

    def lees(van: int, tot: int) -> MerkleFront:
        nonlocal momentopname
        deel = MerkleFront()
        for blad in opslag.bladen_op_volgorde(sessie, van, tot):
            h = _hex(blad)
            if h is None:
                raise LogboekBeschadigd(f"de bladhash van een regel vanaf regel {van} is ongeldig")
            deel.voeg_toe(h)
            if van - 1 + deel.grootte == nieuwste:
                momentopname = _wortel(front, deel.stapel())
        if deel.grootte != tot - van + 1:
            raise LogboekBeschadigd(f"regels tussen {van} en {tot} ontbreken")
        return deel

    for b in range(n // grootte):
        van, tot = keten_mod.blokgrenzen(b)
        opgeslagen = wortels.get(van)
        if opgeslagen is not None and opgeslagen[0] != tot:
            raise LogboekBeschadigd(
                f"de opgeslagen wortel van het blok vanaf regel {van} is voor een andere "
                "blokgrootte: de blokgrootte is veranderd zonder migratie"
            )
        bekend = _hex(opgeslagen[1]) if opgeslagen else None
        bevestigd = bekend is not None and tot in getekend and not van <= nieuwste < tot
        if bevestigd:
            assert bekend is not None
            front.voeg_subboom_toe(hoogte, bekend)
            if front.wortel().hex() != getekend[tot]:
                raise LogboekBeschadigd(_HERSCHREVEN_TOT.format(tot=tot))
        else:
            wortel = lees(van, tot).wortel()
            if opgeslagen is not None and bekend != wortel:
                raise LogboekBeschadigd(_BLOK_HERSCHREVEN.format(van=van))
            front.voeg_subboom_toe(hoogte, wortel)
            if tot in getekend and front.wortel().hex() != getekend[tot]:
                raise LogboekBeschadigd(_HERSCHREVEN_TOT.format(tot=tot))
            if opgeslagen is None:
                opslag.bewaar_blokwortel(sessie, van, tot, wortel.hex())
            if tot not in getekend:
                _bewaar_checkpoint(sessie, sleutel, front)
        if tot == nieuwste:
            momentopname = front.wortel()
    open_deel = lees(front.grootte + 1, n) if n > front.grootte else MerkleFront()
    front.voeg_stapel_toe(open_deel.stapel())
    if nieuwste and (momentopname is None or momentopname.hex() != getekend[nieuwste]):
        raise LogboekBeschadigd(_HERSCHREVEN_TOT.format(tot=nieuwste))
    return _bewaar_checkpoint(sessie, sleutel, front)


@dataclass(frozen=True)
class InzageRegel:
    tijd: str
    organisatie: str | None
    verstrekker: str | None
    categorieen: tuple[str, ...]
    doel: str
    grondslag: str | None
    regel_id: str | None
    handeling: str


def inzage(sessie: Sessie, betrokkene: str) -> list[InzageRegel]:
    """What was processed about one data subject: by whom, which categories, why, on what basis."""
    uit: list[InzageRegel] = []
    for regel, _ in opslag.regels_van_betrokkene(sessie, betrokkene):
        lijn = json.loads(regel.inhoud)
        uit.append(
            InzageRegel(
                tijd=lijn["end_time"],
                organisatie=lijn.get("dpl.integraal.recipient"),
                verstrekker=lijn.get("dpl.integraal.provider"),
                categorieen=tuple(lijn.get("dpl.integraal.categories", ())),
                doel=lijn.get("dpl.integraal.purpose", ""),
                grondslag=lijn.get("dpl.integraal.basis"),
                regel_id=lijn.get("dpl.integraal.rule_id"),
                handeling=lijn.get("naam", ""),
            )
        )
    return uit


class VerificatieUit(Uitvoer):
    in_orde: bool
    aantal_regels: int
    gecontroleerde_checkpoints: int
    eerste_fout_volgnummer: int | None
    reden: str | None
    tekst: str
    # The newest witnessed checkpoint: when, over how many lines (None: no witness).
    getuige_tijd: dt.datetime | None = None
    getuige_regels: int | None = None
    getuige_leeftijd_seconden: int | None = None

    @classmethod
    def van(cls, v: Verificatie) -> VerificatieUit:
        cp, leeftijd = v.nieuwste_getuige, v.getuige_leeftijd
        return cls(
            in_orde=v.in_orde,
            aantal_regels=v.aantal,
            gecontroleerde_checkpoints=v.gecontroleerde_checkpoints,
            eerste_fout_volgnummer=v.bevinding.volgnummer if v.bevinding else None,
            reden=v.bevinding.reden if v.bevinding else None,
            tekst=v.tekst(),
            getuige_tijd=dt.datetime.fromisoformat(cp.tijd) if cp else None,
            getuige_regels=cp.boomgrootte if cp else None,
            getuige_leeftijd_seconden=int(leeftijd.total_seconds()) if leeftijd else None,
        )
