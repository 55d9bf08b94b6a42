# SPDX-License-Identifier: EUPL-1.2
"""Settings from the environment (INTEGRAAL_*); secrets default to files in the data folder."""

from __future__ import annotations

import datetime as dt
import secrets
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Where a container platform mounts secrets (compose, Kubernetes): a file named after the
# variable (integraal_database_url, integraal_pseudoniem_sleutel, ...) sets it, so a secret
# need not be in the environment. The environment wins when both are set.
GEHEIMEN = Path("/run/secrets")


class Instellingen(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="INTEGRAAL_", secrets_dir=GEHEIMEN if GEHEIMEN.is_dir() else None
    )

    data_dir: Path = Path("var")
    database_url: str | None = None
    pseudoniem_sleutel: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    # Access review: a case membership or role not confirmed for this many days lapses.
    toegangsreview_dagen: int = 91
    # What one request may send, uploads included, for the web pages and the API alike.
    max_upload_mb: int = 100
    # How many requests one app process works on at once; the others wait their turn (0: no
    # limit). Their threads share one interpreter lock, so more at once only take turns, and
    # each turn costs (`web.toelating`, decision record 0022).
    verzoeken_tegelijk: int = Field(default=4, ge=0)
    # A web session ends after this long without use, and in any case this long after signing in.
    sessie_inactief_minuten: int = 30
    sessie_max_uren: int = 10
    # When set, every role that reads person data signs in with a second factor (TOTP).
    tweede_factor_verplicht: bool = False
    # The log's signing key (Ed25519, PEM). Production sets it, from a secret store outside the
    # data; unset, the embedded default makes one in the data folder (fine for a demo only).
    ondertekensleutel: Path | None = None
    # Where signed checkpoints are published for the witness: outside the data folder.
    getuige_map: Path | None = None
    # How often the running app makes a checkpoint when the log grew (0: never).
    checkpoint_minuten: float = 60
    # Where background work runs (deliveries, matching runs, the report, scheduled work):
    # "proces" in the app process that accepted it, after its answer; "postgres" as jobs in a
    # queue in the database, carried out by `integraal worker` (decision record 0023). Unset:
    # "postgres" when the database is PostgreSQL, "proces" on the embedded SQLite.
    achtergrond: Literal["proces", "postgres"] | None = None
    # A worker's heartbeat, and after how long without one its jobs are run again.
    werker_hartslag_seconden: float = 10
    werker_stil_na_seconden: float = 30
    # Prometheus scrapes /metrics with this bearer token; unset, /metrics does not exist.
    metrics_token: str | None = None
    # "json" writes the app's and workers' logs as one JSON object per line (for a log
    # collector); "tekst" as readable lines.
    logformaat: Literal["tekst", "json"] = "tekst"
    # Single sign-on: a YAML file with the OpenID Connect providers of the partner
    # organisations (docs/sso.md). Unset: local accounts only.
    oidc_bestand: Path | None = None
    # The address people reach Integraal on (https://integraal.example.nl), for the addresses
    # a provider sends people back to. Unset: taken from the request (fine behind a proxy that
    # passes the host and scheme on).
    basis_url: str | None = None
    # A Dask scheduler (tcp://host:8786) whose workers score large matching runs (decision
    # record 0023). Unset: every run in the worker process that carries it out.
    dask: str | None = None

    @property
    def toegangstermijn(self) -> dt.timedelta:
        return dt.timedelta(days=self.toegangsreview_dagen)

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    @property
    def achtergrond_in_wachtrij(self) -> bool:
        """Whether background work goes to the database's job queue (PostgreSQL only)."""
        if self.achtergrond is not None:
            return self.achtergrond == "postgres"
        return self.database.startswith("postgresql")

    @property
    def database(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{(self.data_dir / 'integraal.db').resolve()}"

    def _geheim_bestand(self, naam: str) -> bytes:
        # Generated once per installation so the demo needs no set-up; production sets the env.
        self.data_dir.mkdir(parents=True, exist_ok=True)
        pad = self.data_dir / naam
        if not pad.exists():
            pad.write_text(secrets.token_hex(32))
            pad.chmod(0o600)
        return bytes.fromhex(pad.read_text().strip())

    def pseudoniem_sleutel_bytes(self) -> bytes:
        if self.pseudoniem_sleutel:
            return self.pseudoniem_sleutel.encode()
        return self._geheim_bestand("pseudoniem.sleutel")

    @property
    def ondertekensleutel_pad(self) -> Path:
        return self.ondertekensleutel or self.data_dir / "logboek-ondertekening.pem"


@cache
def instellingen() -> Instellingen:
    return Instellingen()
