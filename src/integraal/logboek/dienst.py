# SPDX-License-Identifier: EUPL-1.2
"""The processing log as a service: append, verify, data-subject report, checkpoints."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Sequence
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
    opslag.voeg_toe(sessie, regels, betrokkenen)
    kop.volgnummer, kop.keten_hash = volgnummer, keten
    sessie.flush()
    return list(range(kop.volgnummer - len(regels) + 1, kop.volgnummer + 1))


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


def verifieer(
    sessie: Sessie,
    extra_checkpoints: Sequence[Checkpoint] = (),
    vertrouwde_sleutel: str | None = None,
) -> Verificatie:
    """Recompute every leaf, the chain and the tree heads; name the first entry that is off.
    With `vertrouwde_sleutel` (the installation's public key) the stored checkpoints'
    signatures are checked too: a stored checkpoint someone recomputed after rewriting the
    log no longer passes for one the application signed."""
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

    front = MerkleFront()
    keten, verwacht, getoetst = NUL_KETEN, 1, 0
    # Lines that committed to a subject whose personal part is gone, until an erasure entry
    # further on names them; those left at the end were removed without one.
    zonder_persoonsdeel: set[int] = set()

    def fout(n: int, reden: str) -> Verificatie:
        return Verificatie(verwacht - 1, getoetst, Bevinding(n, reden))

    for regel in opslag.regels_op_volgorde(sessie):
        if regel.volgnummer != verwacht:
            return fout(
                verwacht, f"volgnummer {verwacht} ontbreekt of er is een regel tussengevoegd"
            )
        try:
            lijn = json.loads(regel.inhoud)
        except ValueError:
            return fout(regel.volgnummer, "inhoud is geen geldige logregel meer")
        if lijn.get("volgnummer") != regel.volgnummer:
            return fout(
                regel.volgnummer, "regel staat op een andere plaats dan waar hij is geschreven"
            )
        blad = blad_hash(regel.inhoud)
        if blad.hex() != regel.blad_hash:
            return fout(regel.volgnummer, "inhoud is gewijzigd na het schrijven")
        keten = keten_hash(keten, blad)
        if keten != regel.keten_hash:
            return fout(
                regel.volgnummer,
                "keten gebroken: een eerdere regel is gewijzigd, verwijderd of verplaatst",
            )
        if regel.trace_id != lijn.get("trace_id") or regel.casus_id != lijn.get(
            "dpl.integraal.case_id"
        ):
            return fout(regel.volgnummer, "zoekvelden wijken af van de gehashte inhoud")
        if (
            regel.betrokkene is not None
            and regel.zout is not None
            and regel.betrokkene_soort is not None
            and commitment(regel.zout, regel.betrokkene_soort, regel.betrokkene)
            != lijn.get("dpl.integraal.subject_commitment")
        ):
            return fout(regel.volgnummer, "het persoonsdeel (betrokkene) is gewijzigd")
        if regel.betrokkene is None and lijn.get("dpl.integraal.subject_commitment"):
            zonder_persoonsdeel.add(regel.volgnummer)
        zonder_persoonsdeel.difference_update(lijn.get("dpl.integraal.erased_subjects", ()))
        front.voeg_toe(blad)
        for herkomst, cp in te_toetsen.get(regel.volgnummer, []):
            if front.wortel().hex() != cp.wortel_hash:
                return fout(
                    regel.volgnummer,
                    f"{herkomst} checkpoint over {cp.boomgrootte} regels past niet: "
                    "het logboek tot hier is herschreven",
                )
            getoetst += 1
        verwacht += 1
    kop = opslag.lees_kop(sessie)
    if kop.volgnummer != verwacht - 1 or kop.keten_hash != keten:
        return fout(verwacht, "het einde van het logboek ontbreekt: regels zijn verwijderd")
    if zonder_persoonsdeel:
        return fout(
            min(zonder_persoonsdeel),
            "het persoonsdeel (betrokkene) is verwijderd zonder wissingsregel na de bewaartermijn",
        )
    for grootte in te_toetsen:
        if grootte > verwacht - 1:
            return fout(verwacht, f"een checkpoint noemt {grootte} regels; er zijn er minder")
    nieuwste = max(extra_checkpoints, key=lambda c: (c.boomgrootte, c.tijd), default=None)
    return Verificatie(verwacht - 1, getoetst, None, nieuwste)


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
