# SPDX-License-Identifier: EUPL-1.2
"""Pure tamper-evidence: canonical lines, RFC 9162 Merkle tree hashes and a hash chain.

Leaf and node hashes follow RFC 9162 §2.1.1 (0x00 / 0x01 domain separation), so checkpoints
are the same tree heads a transparency-log witness understands. The chain hash over the leaves
names the first bad entry; the Merkle root binds the whole log to a signed checkpoint.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

NUL_KETEN = "0" * 64
# The log is kept in blocks of this many lines (leaves): block b holds lines b*BLOK+1 to
# (b+1)*BLOK. A power of two, so a complete block is a perfect subtree of every tree head that
# covers it (RFC 9162 splits at powers of two): its root is a node of the signed tree, stored
# once, and a block can be verified on its own. On PostgreSQL a block is a partition.
BLOK = 1 << 20


def blok_van(volgnummer: int) -> int:
    return (volgnummer - 1) // BLOK


def blokgrenzen(blok: int) -> tuple[int, int]:
    """The first and last line number of a block."""
    return blok * BLOK + 1, (blok + 1) * BLOK


def canoniek(regel: Mapping[str, Any]) -> str:
    return json.dumps(regel, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def blad_hash(inhoud: str) -> bytes:
    return hashlib.sha256(b"\x00" + inhoud.encode("utf-8")).digest()


def knoop_hash(links: bytes, rechts: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + links + rechts).digest()


def keten_hash(vorige_hex: str, blad: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(vorige_hex) + blad).hexdigest()


def bereikdigest(volgnummers: Iterable[int]) -> str:
    """Which lines an erasure of a whole range erased: a hash of their sorted numbers, so a
    part removed without an entry, or a part made up to make the count fit, shows."""
    return hashlib.sha256(",".join(map(str, sorted(volgnummers))).encode()).hexdigest()


def commitment(zout: str, soort: str, betrokkene: str) -> str:
    """Binds a line to its personal payload; with the salt gone, the link cannot be guessed."""
    return hashlib.sha256(f"{zout}\x1f{soort}\x1f{betrokkene}".encode()).hexdigest()


def _grootste_macht_van_twee_kleiner_dan(n: int) -> int:
    k = 1
    while k << 1 < n:
        k <<= 1
    return k


def merkle_wortel(bladen: Sequence[bytes]) -> bytes:
    """MTH(D[n]) of RFC 9162 §2.1.1, computed bottom-up without recursion (1M leaves is fine)."""
    if not bladen:
        return hashlib.sha256(b"").digest()
    # Bottom-up pairing gives the same tree as the recursive definition: RFC 9162 splits at the
    # largest power of two, which equals carrying an odd last node up unchanged.
    niveau = list(bladen)
    while len(niveau) > 1:
        volgende = [knoop_hash(niveau[i], niveau[i + 1]) for i in range(0, len(niveau) - 1, 2)]
        if len(niveau) % 2:
            volgende.append(niveau[-1])
        niveau = volgende
    return niveau[0]


def merkle_wortel_recursief(bladen: Sequence[bytes]) -> bytes:
    """The literal RFC definition; kept to test the fast version against."""
    n = len(bladen)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return bladen[0]
    k = _grootste_macht_van_twee_kleiner_dan(n)
    return knoop_hash(merkle_wortel_recursief(bladen[:k]), merkle_wortel_recursief(bladen[k:]))


def inclusiebewijs(index: int, bladen: Sequence[bytes]) -> list[bytes]:
    """PATH(m, D[n]) of RFC 9162 §2.1.3.1."""
    n = len(bladen)
    if n <= 1:
        return []
    k = _grootste_macht_van_twee_kleiner_dan(n)
    if index < k:
        return [*inclusiebewijs(index, bladen[:k]), merkle_wortel(bladen[k:])]
    return [*inclusiebewijs(index - k, bladen[k:]), merkle_wortel(bladen[:k])]


def controleer_inclusie(
    index: int, grootte: int, blad: bytes, bewijs: Sequence[bytes], wortel: bytes
) -> bool:
    """Verification of an inclusion proof per RFC 9162 §2.1.3.2."""
    if index >= grootte:
        return False
    fn, sn = index, grootte - 1
    r = blad
    for p in bewijs:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = knoop_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = knoop_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == wortel


class MerkleFront:
    """Streaming tree head: perfect subtrees on a stack, so a root is O(log n) at any size."""

    def __init__(self) -> None:
        self._stapel: list[tuple[int, bytes]] = []
        self.grootte = 0

    def voeg_toe(self, blad: bytes) -> None:
        hoogte, h = 0, blad
        while self._stapel and self._stapel[-1][0] == hoogte:
            _, links = self._stapel.pop()
            h = knoop_hash(links, h)
            hoogte += 1
        self._stapel.append((hoogte, h))
        self.grootte += 1

    def voeg_subboom_toe(self, hoogte: int, wortel: bytes) -> None:
        """A perfect subtree of 2**hoogte leaves at once (a block's stored root, a part's).
        Only where that many leaves would have been aligned: at a multiple of its size."""
        if self.grootte % (1 << hoogte):
            raise ValueError("een deelboom past alleen op een veelvoud van zijn grootte")
        self.grootte += 1 << hoogte
        h = wortel
        while self._stapel and self._stapel[-1][0] == hoogte:
            _, links = self._stapel.pop()
            h = knoop_hash(links, h)
            hoogte += 1
        self._stapel.append((hoogte, h))

    def stapel(self) -> tuple[tuple[int, bytes], ...]:
        """The perfect subtrees, largest first: with a front before them, a tree head."""
        return tuple(self._stapel)

    def voeg_stapel_toe(self, stapel: Sequence[tuple[int, bytes]]) -> None:
        """Another front's subtrees after this one's (the next part of the log)."""
        for hoogte, h in stapel:
            self.voeg_subboom_toe(hoogte, h)

    def kopie(self) -> MerkleFront:
        f = MerkleFront()
        f._stapel, f.grootte = list(self._stapel), self.grootte
        return f

    def wortel(self) -> bytes:
        if not self._stapel:
            return hashlib.sha256(b"").digest()
        r = self._stapel[-1][1]
        for _, h in reversed(self._stapel[:-1]):
            r = knoop_hash(h, r)
        return r
