# SPDX-License-Identifier: EUPL-1.2
"""The two refusals every service speaks; the API and web map them to 403/404 and 400."""

from __future__ import annotations


class GeenToegang(PermissionError):
    """The actor may not do this; the message is Dutch."""


class OngeldigeInvoer(ValueError):
    """Bad input; `fouten` maps field to a Dutch reason."""

    def __init__(self, fouten: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in fouten.items()))
        self.fouten = fouten
