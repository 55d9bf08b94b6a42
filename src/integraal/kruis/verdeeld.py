# SPDX-License-Identifier: EUPL-1.2
"""A matching run on several workers (Dask distributed) with the result of `koppel.koppel`:
the same pairs, levels, model and weights, to the last bit (decision record 0023).

No worker holds all records. Blocking runs per key in parts: a block belongs to the part its
key value hashes to, and a part is sent only the records of its blocks (`Tabel.deel`), so it
makes and compares its blocks' pairs on its own. A pair found under several keys is compared
once per key, with the same levels, and made one by a shuffle on the pair's code: every part
sends each pair, with its levels, to the part of the union its code hashes to. The union's
parts keep the pairs and their levels where they are. The model's sample per key is the
bottom of a keyed hash (`blokken.kleinste`), so each part sends only its own bottom; the
calibration's sums over all pairs are sums of the parts' whole-number sums
(`model.kanssom`), so their order does not matter. Only the suggestions above a threshold
come back (`VerdeeldeUitkomst.boven`)."""

from __future__ import annotations

import copy
import dataclasses
import operator
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from dask.sizeof import sizeof
from distributed import Client, Future, LocalCluster, wait

from integraal.kruis.blokken import (
    Blokverslag,
    Paren,
    Sleutel,
    blokdelen,
    kleinste,
    meng,
    paren_voor,
)
from integraal.kruis.koppel import (
    MONSTER,
    Aandelen,
    Paarbewijs,
    Uitkomst,
    Voortgang,
    alle_aandelen,
    alle_paren,
    herweeg,
    niveaus,
    schat_m,
    stel_af,
    vergelijkers_voor,
    willekeurig_aantal,
    willekeurige_paren,
)
from integraal.kruis.model import SCHAAL, Model, Niveaumatrix, schat_u
from integraal.kruis.tabel import Tabel
from integraal.kruis.vergelijk import Vergelijker, tegenbewijs

WACHTTIJD = 5  # seconds to wait for a scheduler that does not answer
UNIEZAAD = 0x0A11_5A7E  # the key of the hash that sends a pair to its part of the union


@dataclass(frozen=True)
class Opdracht:
    """What every task reads, sent to every worker once: no records."""

    verg: list[Vergelijker]
    koppelen: bool
    n: int  # records in the whole table: a pair's code is low row × n + high row
    gedeeld: Aandelen  # the share of each value of a frequency column, over all records
    frequentie: tuple[str, ...]  # the frequency columns, in the order of `verg`


@dataclass(frozen=True)
class Blokken:
    """One part of one key's blocks: only the records in them, sent to one worker."""

    sleutel: Sleutel
    tabel: Tabel  # those records, their values renumbered (`Tabel.deel`)
    rijen: Paren  # their rows in the whole table, rising
    waarden: npt.NDArray[np.int32]  # (records, frequency columns): codes in the whole table
    nieuw: npt.NDArray[np.bool_] | None


@dataclass(frozen=True)
class Gepaard:
    """Pairs with what was compared of them: their codes, levels, counter-evidence and the
    whole-table codes of the first record's values in the frequency columns."""

    codes: Paren
    niveaus: Niveaumatrix
    tegen: npt.NDArray[np.int8]
    waarden: npt.NDArray[np.int32]

    def kies(self, waar: npt.NDArray[np.int64] | npt.NDArray[np.bool_]) -> Gepaard:
        return Gepaard(self.codes[waar], self.niveaus[waar], self.tegen[waar], self.waarden[waar])

    @staticmethod
    def samen(delen: Sequence[Gepaard]) -> Gepaard:
        return Gepaard(
            np.concatenate([d.codes for d in delen]),
            np.concatenate([d.niveaus for d in delen]),
            np.concatenate([d.tegen for d in delen]),
            np.concatenate([d.waarden for d in delen]),
        )


@dataclass(frozen=True)
class Deelscore:
    """One part's pairs as scored: only arrays, so a part travels without the records."""

    a: Paren
    b: Paren
    niveaus: Niveaumatrix
    tegen: npt.NDArray[np.int8]
    gewicht: npt.NDArray[np.float64]

    def kies(self, waar: npt.NDArray[np.bool_]) -> Deelscore:
        return Deelscore(
            self.a[waar], self.b[waar], self.niveaus[waar], self.tegen[waar], self.gewicht[waar]
        )


@sizeof.register(Paarbewijs)
def _grootte(deel: Paarbewijs) -> int:
    # Its arrays: what moving it would cost, so the scheduler keeps the tasks that read a
    # part where the part is.
    return sum(x.nbytes for x in (deel.a, deel.b, deel.lv, deel.tegen)) + sum(
        w.nbytes for w in deel.gewicht.values()
    )


def _blokdeel(op: Opdracht, blokken: Blokken, delen: int, monster: int) -> tuple[Any, ...]:
    """A part of one key's blocks: its pairs compared, split by the part of the union each
    goes to, and its own bottom of the sample with the sample's levels."""
    t = blokken.tabel
    lokaal, _ = paren_voor(t, blokken.sleutel, op.koppelen, blokken.nieuw)
    la, lb = lokaal // t.n, lokaal % t.n  # rows rise with `rijen`, so la < lb there too
    lv = niveaus(t, op.verg, la, lb)
    gepaard = Gepaard(
        blokken.rijen[la] * op.n + blokken.rijen[lb],
        lv,
        tegenbewijs(op.verg, lv),
        blokken.waarden[la],
    )
    bestemming = (meng(gepaard.codes, UNIEZAAD) % np.uint64(delen)).astype(np.int64)
    volgorde = np.argsort(bestemming, kind="stable")
    grenzen = np.searchsorted(bestemming[volgorde], np.arange(delen + 1))
    stukken = [gepaard.kies(volgorde[grenzen[q] : grenzen[q + 1]]) for q in range(delen)]
    steekproef = kleinste(gepaard.codes, monster) if monster else gepaard.codes[:0]
    plek = np.searchsorted(gepaard.codes, steekproef)  # the codes are sorted (`paren_voor`)
    return (*stukken, gepaard.kies(plek), len(gepaard.codes))


def _unie(op: Opdracht, *stukken: Gepaard) -> Paarbewijs:
    """A part of the union: each pair once (a pair found under two keys was compared the same
    way twice), ready for the model."""
    g = Gepaard.samen(stukken)
    volgorde = np.argsort(g.codes, kind="stable")
    codes = g.codes[volgorde]
    eerst = np.ones(len(codes), dtype=np.bool_)
    eerst[1:] = codes[1:] != codes[:-1]
    g = g.kies(volgorde[eerst])
    plek = {k: i for i, k in enumerate(op.frequentie)}
    waarden = g.waarden

    def waardecode(kolom: str, kies: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
        uit: npt.NDArray[np.int64] = waarden[kies, plek[kolom]].astype(np.int64)
        return uit

    return Paarbewijs(
        op.verg, g.codes // op.n, g.codes % op.n, g.niveaus, g.tegen, op.gedeeld, waardecode
    )


def _ronde(deel: Paarbewijs, model: Model) -> Paarbewijs:
    # A copy that shares the pairs and levels: a task must not change what another task reads.
    nieuw = copy.copy(deel)
    nieuw.ronde(model)
    return nieuw


def _aantallen(deel: Paarbewijs) -> dict[int, int]:
    return {r: len(w) for r, w in deel.gewicht.items()}


def _score(deel: Paarbewijs, model: Model) -> Deelscore:
    return Deelscore(deel.a, deel.b, deel.lv, deel.tegen, deel.score(model))


def _herweeg(deel: Deelscore, oud: Model, nieuw: Model) -> Deelscore:
    return dataclasses.replace(
        deel, gewicht=herweeg(deel.gewicht, deel.niveaus, deel.tegen, oud, nieuw)
    )


def _boven(deel: Deelscore, drempel: float) -> Deelscore:
    return deel.kies(Model.kans(deel.gewicht) >= drempel)


def _bundel(*delen: Paarbewijs) -> list[Paarbewijs]:
    return list(delen)


def _bundelsommen(bundel: list[Paarbewijs], reden: int, erbij: list[float]) -> list[int]:
    return [sum(x) for x in zip(*(d.deelsommen(reden, erbij) for d in bundel), strict=True)]


def _bundelaantallen(bundel: list[Paarbewijs]) -> dict[int, int]:
    uit: dict[int, int] = {}
    for d in bundel:
        for r, w in d.gewicht.items():
            uit[r] = uit.get(r, 0) + len(w)
    return uit


class _Verdeeldbewijs:
    """The calibration's view (`koppel.Bewijsbron`) of pairs kept in parts on the workers.
    A sum is a round trip to the workers, so each worker sums all its parts in one task, and a
    bisection asks for three levels at once."""

    tegelijk = 3

    def __init__(self, client: Client, delen: list[Future[Any]]) -> None:
        self.client, self.delen = client, delen
        self.bundels: list[Future[Any]] = []
        self.aantallen: dict[int, int] = {}

    def ronde(self, model: Model) -> None:
        ronde = [self.client.submit(_ronde, d, model, pure=False) for d in self.delen]
        wait(ronde)
        per_werker: dict[str, list[Future[Any]]] = {}
        for f in ronde:
            waar = sorted(self.client.who_has([f]).get(f.key, ()))
            per_werker.setdefault(waar[0] if waar else "", []).append(f)
        # A worker's parts in one list where they are (no copy): one task per worker per sum.
        self.bundels = [
            self.client.submit(_bundel, *fs, workers=[w] if w else None, pure=False)
            for w, fs in per_werker.items()
        ]
        self.aantallen = {}
        for a in self.client.gather(
            [self.client.submit(_bundelaantallen, b, pure=False) for b in self.bundels]
        ):
            for r, n in a.items():
                self.aantallen[r] = self.aantallen.get(r, 0) + n

    def sommen(self, reden: int, erbij: Sequence[float]) -> list[float]:
        per_werker = self.client.gather(
            [
                self.client.submit(_bundelsommen, b, reden, list(erbij), pure=False)
                for b in self.bundels
            ]
        )
        return [sum(x) / SCHAAL for x in zip(*per_werker, strict=True)]

    def aantal(self, reden: int) -> int:
        return self.aantallen[reden]


@dataclass
class VerdeeldeUitkomst:
    """A run whose scored pairs stay on the workers, part by part."""

    client: Client
    tabel: Tabel
    vergelijkers: list[Vergelijker]
    model: Model
    blokken: list[Blokverslag]
    delen: list[Future[Any]]
    aantal: int

    def herweeg(self, nieuw: Model) -> None:
        """As `Uitkomst.herweeg`, in every part."""
        self.delen = [
            self.client.submit(_herweeg, d, self.model, nieuw, pure=False) for d in self.delen
        ]
        self.model = nieuw

    def boven(self, drempel: float) -> Uitkomst:
        """The pairs with a match probability of at least `drempel`, gathered into one
        `Uitkomst` (sorted as `koppel` sorts: by pair)."""
        gekozen = [self.client.submit(_boven, d, drempel, pure=False) for d in self.delen]
        return self._samen(self.client.gather(gekozen))

    def verzamel(self) -> Uitkomst:
        """Every pair: for a run small enough to hold in one process, and to compare."""
        return self._samen(self.client.gather(self.delen))

    def _samen(self, delen: Sequence[Deelscore]) -> Uitkomst:
        a = np.concatenate([d.a for d in delen])
        b = np.concatenate([d.b for d in delen])
        volgorde = np.argsort(a * self.tabel.n + b, kind="stable")
        return Uitkomst(
            self.tabel,
            self.vergelijkers,
            self.model,
            a[volgorde],
            b[volgorde],
            np.concatenate([d.niveaus for d in delen])[volgorde],
            np.concatenate([d.gewicht for d in delen])[volgorde],
            self.blokken,
            np.concatenate([d.tegen for d in delen])[volgorde],
        )

    def sluit(self) -> None:
        """Free the workers' memory of this run."""
        self.client.cancel(self.delen)
        self.delen = []


def koppel_verdeeld(
    client: Client,
    t: Tabel,
    sleutels: Sequence[Sleutel],
    *,
    koppelen: bool = False,
    model: Model | None = None,
    vergelijkers: list[Vergelijker] | None = None,
    voortgang: Voortgang | None = None,
    nieuw: npt.NDArray[np.bool_] | None = None,
    delen: int | None = None,
) -> VerdeeldeUitkomst:
    """`koppel.koppel` on the workers of `client`, in `delen` parts (by default four per
    worker thread, so a slow part does not hold the others up)."""
    verg = vergelijkers_voor(t, model, vergelijkers)
    if delen is None:
        delen = max(2, 4 * sum(client.nthreads().values()))
    frequentie = tuple(v.naam for v in verg if v.frequentie)
    op = client.scatter(
        Opdracht(verg, koppelen, t.n, alle_aandelen(t, verg), frequentie),
        broadcast=True,
        hash=False,
    )
    waarden = np.stack([t.codes[k] for k in frequentie] or [np.zeros(t.n, np.int32)], axis=1)
    monster = MONSTER if model is None else 0
    per_sleutel: list[list[Future[Any]]] = []
    overgeslagen: list[tuple[int, int]] = []
    for s in sleutels:
        rijen, *telling = blokdelen(t, s, delen, nieuw)
        overgeslagen.append((telling[0], telling[1]))
        # One key's parts at a time: the records of a part leave this process as they are cut.
        blokken = client.scatter(
            [
                Blokken(s, t.deel(r), r, waarden[r], None if nieuw is None else nieuw[r])
                for r in rijen
            ],
            hash=False,
        )
        per_sleutel.append(
            [client.submit(_blokdeel, op, b, delen, monster, pure=False) for b in blokken]
        )
        del blokken
    alle_blokdelen = [f for rij in per_sleutel for f in rij]
    unie = [
        client.submit(
            _unie,
            op,
            *[client.submit(operator.getitem, f, q, pure=False) for f in alle_blokdelen],
            pure=False,
        )
        for q in range(delen)
    ]
    verslag, monsters = _verslag_en_monsters(client, sleutels, per_sleutel, overgeslagen, delen)
    del per_sleutel, alle_blokdelen  # the parts of the union hold what they need
    if voortgang:
        voortgang("blokken", sum(v.paren for v in verslag), sum(v.paren for v in verslag))
    if model is None:
        ra, rb = willekeurige_paren(t, willekeurig_aantal(t), koppelen)
        lv_w = niveaus(t, verg, ra, rb)
        model = schat_m(verg, schat_u(lv_w, verg), monsters)
        bron = _Verdeeldbewijs(client, unie)
        model = stel_af(model, bron, lv_w, verg, alle_paren(t, koppelen))
        if voortgang:
            voortgang("model", 1, 1)
    gescoord = [client.submit(_score, d, model, pure=False) for d in unie]
    aantal = sum(client.gather([client.submit(_lengte, d, pure=False) for d in gescoord]))
    if voortgang:
        voortgang("vergelijken", aantal, aantal)
    return VerdeeldeUitkomst(client, t, verg, model, verslag, gescoord, aantal)


def _lengte(deel: Deelscore) -> int:
    return len(deel.a)


def _monster_en_aantal(blokdeel: tuple[Any, ...]) -> tuple[Gepaard, int]:
    return blokdeel[-2], blokdeel[-1]


def _verslag_en_monsters(
    client: Client,
    sleutels: Sequence[Sleutel],
    per_sleutel: list[list[Future[Any]]],
    overgeslagen: list[tuple[int, int]],
    delen: int,
) -> tuple[list[Blokverslag], list[tuple[Sleutel, Niveaumatrix, int]]]:
    """Per key: the parts' pairs counted, and the bottom of the parts' samples with their
    levels (sorted by pair, as one process takes them)."""
    verslag, monsters = [], []
    for s, rij, (blokken, records) in zip(sleutels, per_sleutel, overgeslagen, strict=True):
        stukken: list[tuple[Gepaard, int]] = client.gather(
            [client.submit(_monster_en_aantal, f, pure=False) for f in rij]
        )
        paren = sum(n for _, n in stukken)
        verslag.append(Blokverslag(s.naam, paren, blokken, records))
        samen = Gepaard.samen([g for g, _ in stukken])
        kies = kleinste(samen.codes, MONSTER)
        volgorde = np.argsort(samen.codes, kind="stable")
        plek = volgorde[np.searchsorted(samen.codes[volgorde], kies)]
        monsters.append((s, samen.niveaus[plek], paren))
    return verslag, monsters


class Onbereikbaar(ConnectionError):
    """No scheduler answers at the address given (the message is Dutch, for the user)."""


def lokaal(werkers: int = 2, geheugen: str | None = None) -> Client:
    """A cluster of `werkers` processes on this machine, one thread each, and a client to it:
    for a run bigger than one process's memory on one machine, and for the tests."""
    cluster = LocalCluster(
        n_workers=werkers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        memory_limit=geheugen or "auto",
    )
    return Client(cluster)


@contextmanager
def verbind(aantal: int, adres: str | None = None) -> Iterator[Client]:
    """A client to the scheduler at `adres` (a cluster of its own, as the deployment guide
    describes), or else to `aantal` worker processes started here and stopped afterwards."""
    if adres:
        try:
            client = Client(adres, timeout=WACHTTIJD)
        except OSError as exc:
            raise Onbereikbaar(f"Geen Dask-scheduler bereikbaar op {adres}.") from exc
    else:
        client = lokaal(aantal)
    try:
        yield client
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None:
            cluster.close()


def werkers(client: Client) -> int:
    return len(client.nthreads())
