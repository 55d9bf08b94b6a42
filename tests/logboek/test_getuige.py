# SPDX-License-Identifier: EUPL-1.2
"""The witness outside the data: checkpoints signed with the configured key, published to a
folder outside the data folder (also on a schedule), read back by `verify`, which checks the
stored checkpoints' signatures and says how old the newest witnessed one is."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.logboek.getuige import GetuigeOngeschikt
from integraal.logboek.ondertekening import publieke_sleutel_hex, sleutel_id
from integraal.omgeving import Omgeving
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekCheckpoint
from tests.logboek.test_verifieer import _herschrijf_hele_staart, _vul


def _met(omgeving: Omgeving, **instelling: object) -> Omgeving:
    return dataclasses.replace(
        omgeving, instellingen=omgeving.instellingen.model_copy(update=instelling)
    )


@pytest.fixture
def sleutelbestand(tmp_path: Path) -> Path:
    """The signing key as production configures it: a file outside the data folder."""
    pad = tmp_path / "geheimen" / "logboek.pem"
    pad.parent.mkdir()
    pad.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pad


def test_een_getuige_in_de_gegevensmap_wordt_geweigerd(omgeving: Omgeving) -> None:
    binnen = _met(omgeving, getuige_map=omgeving.instellingen.data_dir / "getuige")
    with pytest.raises(GetuigeOngeschikt, match="kies een map daarbuiten"):
        binnen.checkpoint()
    with transactie(omgeving.fabriek) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(LogboekCheckpoint)) == 0


def test_de_getuige_vangt_een_herschreven_staart_met_herberekend_checkpoint(
    omgeving: Omgeving, tmp_path: Path, sleutelbestand: Path
) -> None:
    o = _met(omgeving, getuige_map=tmp_path / "getuige", ondertekensleutel=sleutelbestand)
    v = o.verifieer_logboek()
    assert v.in_orde and "geen getuige-checkpoint" in v.tekst()
    _vul(o)
    cp, pad = o.checkpoint()
    assert pad is not None and pad.parent == tmp_path / "getuige" and pad.exists()
    sleutel = serialization.load_pem_private_key(sleutelbestand.read_bytes(), password=None)
    assert isinstance(sleutel, Ed25519PrivateKey)
    assert cp.sleutel_id == sleutel_id(publieke_sleutel_hex(sleutel))
    v = o.verifieer_logboek()
    assert v.in_orde and v.nieuwste_getuige == cp
    assert "Nieuwste getuige-checkpoint" in v.tekst() and "0 latere regels" in v.tekst()

    # Whoever controls the database rewrites the tail and makes the stored checkpoint fit,
    # signed with a key of their own: the stored signature and the witness both say so.
    with transactie(o.fabriek) as s:
        _herschrijf_hele_staart(s)
        s.execute(sa.delete(LogboekCheckpoint))
    vals = _met(o, ondertekensleutel=None, getuige_map=None)
    vals.checkpoint()
    v = o.verifieer_logboek()
    assert not v.in_orde and v.bevinding is not None
    assert "handtekening van opgeslagen checkpoint ongeldig" in v.bevinding.reden
    with transactie(o.fabriek) as s:
        s.execute(sa.delete(LogboekCheckpoint))
    v = o.verifieer_logboek()
    assert not v.in_orde and v.bevinding is not None
    assert "getuige checkpoint" in v.bevinding.reden


def test_het_draaiende_programma_maakt_checkpoints_op_schema(
    omgeving: Omgeving, tmp_path: Path
) -> None:
    _vul(omgeving, 3)
    o = _met(omgeving, getuige_map=tmp_path / "getuige", checkpoint_minuten=0.005)
    with TestClient(maak_app(o)):
        einde = time.monotonic() + 10
        while not list((tmp_path / "getuige").glob("checkpoint-*.json")):
            assert time.monotonic() < einde, "geen checkpoint op schema"
            time.sleep(0.05)
        time.sleep(0.5)  # further rounds: the log did not grow, so no new checkpoint
    assert len(list((tmp_path / "getuige").glob("checkpoint-*.json"))) == 1
    assert o.verifieer_logboek().nieuwste_getuige is not None
