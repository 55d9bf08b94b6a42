# SPDX-License-Identifier: EUPL-1.2
"""The processing log as a service: append, verify, data-subject report, checkpoints."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import secrets
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from integraal.domein.actor import Actor
from integraal.domein.invoer import Uitvoer
from integraal.logboek.keten import (
    NUL_KETEN,
    MerkleFront,
    blad_hash,
    canoniek,
    commitment,
    keten_hash,
)
from integraal.logboek.ondertekening import Checkpoint
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
    # Lines whose personal part this line records as lawfully erased (`wis_persoonsdelen`).
    gewist: tuple[int, ...] = ()


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
    opslag.voeg_toe(sessie, regels, betrokkenen, opslag.Kop(volgnummer, keten))
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
    stay, so nobody can put another person in their place."""
    gewist = sorted(set(volgnummers) & set(opslag.met_persoonsdeel(sessie, volgnummers)))
    if not gewist:
        return 0
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
                gewist=tuple(gewist),
            )
        ],
    )
    return opslag.verwijder_betrokkenen(sessie, gewist)


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
# From this many lines on, `verifieer` splits the log over processes (starting the fork server
# the first time costs about a second; below this a log verifies in a few seconds in one).
VANAF_PARALLEL = 200_000
_BLAD = 32  # bytes of a leaf hash


class _Toetser:
    """Checks lines in order from number `van` on against the chain from `keten`: each line's
    place, its leaf hash, its link in the chain, its search fields and its subject
    commitment. Which lines lost their personal part and which erasure entries name them is
    kept, to be judged once the whole log has been seen."""

    def __init__(self, van: int, keten: str) -> None:
        self.verwacht, self.keten = van, keten
        self.bevinding: Bevinding | None = None
        self.zonder: set[int] = set()
        self.gewist: dict[int, int] = {}  # line -> the last erasure entry that names it

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
            return Bevinding(regel.volgnummer, "inhoud is geen geldige logregel meer")
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
            self.zonder.add(regel.volgnummer)
        for n in lijn.get("dpl.integraal.erased_subjects", ()):
            self.gewist[n] = regel.volgnummer
        self.keten = keten
        self.verwacht += 1
        return blad


@dataclass(frozen=True)
class _Deel:
    """What a worker found in its part of the log (sent back between processes)."""

    bladen: bytes
    bevinding: Bevinding | None
    zonder: set[int]
    gewist: dict[int, int]
    keten: str


def _toets_deel(adres: str, van: int, tot: int, keten: str, einde: bool) -> _Deel:
    t = _Toetser(van, keten)
    bladen = b"".join(t.bladen(opslag.regels_in_bereik(adres, van, tot), tot, einde=einde))
    return _Deel(bladen, t.bevinding, t.zonder, t.gewist, t.keten)


def _per_blad(deel: _Deel) -> Iterator[bytes]:
    for i in range(0, len(deel.bladen), _BLAD):
        yield deel.bladen[i : i + _BLAD]


def _werkers() -> multiprocessing.context.BaseContext:
    # A fork server, started clean once with this module loaded, forks each worker: no copy of
    # this process's threads or open connections, and no second or so of imports per pool.
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    return ctx


def _in_delen(
    sessie: Sessie, adres: str, tot: int, processen: int, per_deel: int
) -> Iterator[tuple[Iterator[bytes], _Deel | _Toetser]]:
    """The lines 1 to `tot` checked in parts by worker processes, the parts in order, then any
    lines after them here. Each part starts from the chain hash stored before it, which the
    part before checks: together they check every link."""
    vans = list(range(1, tot + 1, per_deel))
    tots = [min(v + per_deel - 1, tot) for v in vans]
    ketens = opslag.ketens_op(sessie, [v - 1 for v in vans if v > 1])
    begin = [NUL_KETEN if v == 1 else ketens.get(v - 1, NUL_KETEN) for v in vans]
    keten = NUL_KETEN
    with ProcessPoolExecutor(processen, mp_context=_werkers()) as ex:
        try:
            eindes = [t == tot for t in tots]
            for deel in ex.map(_toets_deel, [adres] * len(vans), vans, tots, begin, eindes):
                yield _per_blad(deel), deel
                keten = deel.keten
        finally:
            ex.shutdown(cancel_futures=True)
    # Lines after the head as it was read first (appended since, or put there by hand): here,
    # in this read, as one pass would.
    staart = _Toetser(tot + 1, keten)
    yield staart.bladen(opslag.regels_op_volgorde(sessie, van=tot + 1)), staart


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

    A large log is checked in parts by `processen` worker processes (by default one per core,
    at most four, from `VANAF_PARALLEL` lines on); the tree heads and the checkpoints are
    then computed here from their leaves, in order, as in one pass."""
    opgeslagen = [
        Checkpoint(
            c.boomgrootte,
            c.wortel_hash,
            c.tijd.astimezone(dt.UTC).isoformat(),
            c.sleutel_id,
            vertrouwde_sleutel or "",
            c.handtekening,
        )
        for c in opslag.checkpoints(sessie)
    ]
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

    kop = opslag.lees_kop(sessie)
    adres = opslag.adres(sessie)
    if processen is None:
        processen = min(os.cpu_count() or 1, 4) if kop.volgnummer >= VANAF_PARALLEL else 1
    stukken: Iterable[tuple[Iterable[bytes], _Toetser | _Deel]]
    parallel = processen > 1 and adres is not None and kop.volgnummer > 0
    if parallel:
        assert adres is not None
        deel = per_deel or max(10_000, -(-kop.volgnummer // (processen * 4)))
        stukken = _in_delen(sessie, adres, kop.volgnummer, processen, deel)
    else:
        t = _Toetser(1, NUL_KETEN)
        stukken = [(t.bladen(opslag.regels_op_volgorde(sessie)), t)]

    front = MerkleFront()
    getoetst = aantal = 0
    keten = NUL_KETEN
    # Lines that committed to a subject whose personal part is gone, until an erasure entry
    # further on names them; those left at the end were removed without one.
    zonder: set[int] = set()
    gewist: dict[int, int] = {}

    def fout(n: int, reden: str) -> Verificatie:
        return Verificatie(aantal, getoetst, Bevinding(n, reden))

    for bladen, stuk in stukken:
        for blad in bladen:
            aantal += 1
            front.voeg_toe(blad)
            for herkomst, cp in te_toetsen.get(aantal, []):
                if front.wortel().hex() != cp.wortel_hash:
                    return fout(
                        aantal,
                        f"{herkomst} checkpoint over {cp.boomgrootte} regels past niet: "
                        "het logboek tot hier is herschreven",
                    )
                getoetst += 1
        if stuk.bevinding is not None:
            return Verificatie(aantal, getoetst, stuk.bevinding)
        zonder |= stuk.zonder
        for n, e in stuk.gewist.items():
            gewist[n] = max(e, gewist.get(n, 0))
        keten = stuk.keten
    kop = opslag.lees_kop(sessie)  # the head as it stands after the last line read
    if kop.volgnummer != aantal or kop.keten_hash != keten:
        return fout(aantal + 1, EINDE)
    if ontbrekend := {n for n in zonder if gewist.get(n, 0) < n}:
        if parallel:
            # Workers read in snapshots of their own: a lawful erasure that committed while
            # they read shows as a removed personal part. One pass in this read decides.
            return verifieer(sessie, extra_checkpoints, vertrouwde_sleutel, processen=1)
        return fout(
            min(ontbrekend),
            "het persoonsdeel (betrokkene) is verwijderd zonder wissingsregel na de bewaartermijn",
        )
    for grootte in te_toetsen:
        if grootte > aantal:
            return fout(aantal + 1, f"een checkpoint noemt {grootte} regels; er zijn er minder")
    nieuwste = max(extra_checkpoints, key=lambda c: (c.boomgrootte, c.tijd), default=None)
    return Verificatie(aantal, getoetst, None, nieuwste)


def groei_sinds_checkpoint(sessie: Sessie) -> bool:
    """Whether lines were appended after the newest stored checkpoint."""
    laatste = max((c.boomgrootte for c in opslag.checkpoints(sessie)), default=0)
    return opslag.lees_kop(sessie).volgnummer > laatste


def maak_checkpoint(sessie: Sessie, sleutel: Ed25519PrivateKey) -> Checkpoint:
    front = MerkleFront()
    for blad in opslag.bladen_op_volgorde(sessie):
        front.voeg_toe(bytes.fromhex(blad))
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
