# SPDX-License-Identifier: EUPL-1.2
"""A matching run on several workers (Dask distributed) with the result of `koppel.koppel`:
the same pairs, levels, model and weights, to the last bit (decision record 0023).

The records (the `Tabel`, without its code books) go to every worker once; the pairs, which
are most of a run's memory, are split. Blocking runs per key in parts: a block belongs to the
part its key value hashes to, so each part makes its blocks' pairs on its own. Pairs found
under several keys are made one by a shuffle on the pair's code: every part sends each pair
to the part of the union its code hashes to. The union's parts compare their pairs and keep
the levels where they are. The model's sample per key is the bottom of a keyed hash
(`blokken.kleinste`), so each part sends only its own bottom; the calibration's sums over all
pairs are sums of the parts' whole-number sums (`model.kanssom`), so their order does not
matter. Only the suggestions above a threshold come back (`VerdeeldeUitkomst.boven`)."""

from __future__ import annotations

import copy
import dataclasses
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
    kleinste,
    meng,
    paren_voor,
    uniek,
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

UNIEZAAD = 0x0A11_5A7E  # the key of the hash that sends a pair to its part of the union


@dataclass(frozen=True)
class Opdracht:
    """What every task reads, sent to every worker once."""

    tabel: Tabel
    verg: list[Vergelijker]
    koppelen: bool
    nieuw: npt.NDArray[np.bool_] | None
    gedeeld: Aandelen


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
    # Its arrays, not the records it shares with its worker: what moving it would cost, so the
    # scheduler keeps the tasks that read a part where the part is.
    return sum(x.nbytes for x in (deel.a, deel.b, deel.lv, deel.tegen)) + sum(
        w.nbytes for w in deel.gewicht.values()
    )


def _blokdeel(
    op: Opdracht, sleutel: Sleutel, p: int, delen: int, monster: int
) -> tuple[list[Paren], Paren, Blokverslag]:
    """Part p of a key's blocks: its pairs split by the part of the union they go to, its own
    bottom of the sample, and its count of pairs and skipped blocks."""
    paren, verslag = paren_voor(op.tabel, sleutel, op.koppelen, op.nieuw, deel=(p, delen))
    bestemming = (meng(paren, UNIEZAAD) % np.uint64(delen)).astype(np.int64)
    volgorde = np.argsort(bestemming, kind="stable")
    grenzen = np.searchsorted(bestemming[volgorde], np.arange(delen + 1))
    stukken = [paren[volgorde[grenzen[q] : grenzen[q + 1]]] for q in range(delen)]
    return stukken, kleinste(paren, monster) if monster else paren[:0], verslag


def _stuk(blokdeel: tuple[list[Paren], Paren, Blokverslag], q: int) -> Paren:
    return blokdeel[0][q]


def _unie(op: Opdracht, *stukken: Paren) -> Paarbewijs:
    """A part of the union: each pair once, compared field by field."""
    codes = uniek(np.concatenate(stukken)) if stukken else np.empty(0, dtype=np.int64)
    a, b = codes // op.tabel.n, codes % op.tabel.n
    lv = niveaus(op.tabel, op.verg, a, b)
    return Paarbewijs(op.tabel, op.verg, a, b, lv, tegenbewijs(op.verg, lv), op.gedeeld)


def _niveaus(op: Opdracht, a: Paren, b: Paren) -> Niveaumatrix:
    return niveaus(op.tabel, op.verg, a, b)


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
    # The code books (value → code) only code a later delivery; the workers never need them.
    slank = dataclasses.replace(t, boeken={})
    op = client.scatter(
        Opdracht(slank, verg, koppelen, nieuw, alle_aandelen(t, verg)), broadcast=True, hash=False
    )
    monster = MONSTER if model is None else 0
    per_sleutel = [
        [client.submit(_blokdeel, op, s, p, delen, monster, pure=False) for p in range(delen)]
        for s in sleutels
    ]
    alle_blokdelen = [f for rij in per_sleutel for f in rij]
    unie = [
        client.submit(
            _unie,
            op,
            *[client.submit(_stuk, f, q, pure=False) for f in alle_blokdelen],
            pure=False,
        )
        for q in range(delen)
    ]
    verslag, monsters = _verslag_en_monsters(client, sleutels, per_sleutel)
    del per_sleutel, alle_blokdelen  # the parts of the union hold what they need
    if voortgang:
        voortgang("blokken", sum(v.paren for v in verslag), sum(v.paren for v in verslag))
    if model is None:
        ra, rb = willekeurige_paren(t, willekeurig_aantal(t), koppelen)
        lv_willekeurig = client.submit(_niveaus, op, ra, rb, pure=False)
        monsterniveaus = [
            (s, client.submit(_niveaus, op, m // t.n, m % t.n, pure=False), n)
            for s, m, n in monsters
        ]
        lv_w = lv_willekeurig.result()
        model = schat_m(
            verg, schat_u(lv_w, verg), [(s, f.result(), n) for s, f, n in monsterniveaus]
        )
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


def _verslag_en_monsters(
    client: Client, sleutels: Sequence[Sleutel], per_sleutel: list[list[Future[Any]]]
) -> tuple[list[Blokverslag], list[tuple[Sleutel, Paren, int]]]:
    """Per key: the parts' counts added up, and the bottom of the parts' samples."""
    verslag, monsters = [], []
    for s, rij in zip(sleutels, per_sleutel, strict=True):
        stukken: list[Any] = client.gather(
            [client.submit(_zonder_paren, f, pure=False) for f in rij]
        )
        delen_verslag = [v for _, v in stukken]
        paren = sum(v.paren for v in delen_verslag)
        verslag.append(
            Blokverslag(
                s.naam,
                paren,
                sum(v.overgeslagen_blokken for v in delen_verslag),
                sum(v.overgeslagen_records for v in delen_verslag),
            )
        )
        monsters.append((s, kleinste(np.concatenate([m for m, _ in stukken]), MONSTER), paren))
    return verslag, monsters


def _zonder_paren(blokdeel: tuple[list[Paren], Paren, Blokverslag]) -> tuple[Paren, Blokverslag]:
    return blokdeel[1], blokdeel[2]


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
            client = Client(adres, timeout=5)
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
