# SPDX-License-Identifier: EUPL-1.2
"""Case work: signals, cases, data requests. Reads of personal data go through `toegang`."""

from __future__ import annotations


class GeenToegang(PermissionError):
    """The actor may not do this; the message is Dutch."""


class OngeldigeInvoer(ValueError):
    """Bad input; `fouten` maps field to a Dutch reason."""

    def __init__(self, fouten: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in fouten.items()))
        self.fouten = fouten
