# SPDX-License-Identifier: EUPL-1.2
"""Signed checkpoints (tree heads) that a witness, the privacy officer, keeps outside the app."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def laad_of_maak_sleutel(pad: Path) -> Ed25519PrivateKey:
    if pad.exists():
        sleutel = serialization.load_pem_private_key(pad.read_bytes(), password=None)
        if not isinstance(sleutel, Ed25519PrivateKey):
            raise ValueError(f"{pad} bevat geen Ed25519-sleutel")
        return sleutel
    sleutel = Ed25519PrivateKey.generate()
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(
        sleutel.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    pad.chmod(0o600)
    return sleutel


def publieke_sleutel_hex(sleutel: Ed25519PrivateKey) -> str:
    return sleutel.public_key().public_bytes_raw().hex()


def sleutel_id(publiek_hex: str) -> str:
    return hashlib.sha256(bytes.fromhex(publiek_hex)).hexdigest()[:16]


@dataclass(frozen=True)
class Checkpoint:
    boomgrootte: int
    wortel_hash: str
    tijd: str
    sleutel_id: str
    publieke_sleutel: str
    handtekening: str

    @staticmethod
    def _bericht(boomgrootte: int, wortel: str, tijd: str) -> bytes:
        return f"integraal-logboek\n{boomgrootte}\n{wortel}\n{tijd}\n".encode()

    @classmethod
    def onderteken(
        cls, sleutel: Ed25519PrivateKey, boomgrootte: int, wortel: str, tijd: dt.datetime
    ) -> Checkpoint:
        t = tijd.astimezone(dt.UTC).isoformat()
        publiek = publieke_sleutel_hex(sleutel)
        sig = sleutel.sign(cls._bericht(boomgrootte, wortel, t)).hex()
        return cls(boomgrootte, wortel, t, sleutel_id(publiek), publiek, sig)

    def handtekening_geldig(self, vertrouwde_sleutel: str | None = None) -> bool:
        publiek = vertrouwde_sleutel or self.publieke_sleutel
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(publiek)).verify(
                bytes.fromhex(self.handtekening),
                self._bericht(self.boomgrootte, self.wortel_hash, self.tijd),
            )
        except (InvalidSignature, ValueError):
            return False
        return True

    def naar_json(self) -> str:
        return json.dumps(asdict(self), indent=2)

    @classmethod
    def uit_json(cls, tekst: str) -> Checkpoint:
        return cls(**json.loads(tekst))
