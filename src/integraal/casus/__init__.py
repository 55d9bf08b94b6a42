# SPDX-License-Identifier: EUPL-1.2
"""Case work: signals, cases, data requests. Reads of personal data go through `toegang`."""

from __future__ import annotations

from integraal.domein.fouten import GeenToegang, OngeldigeInvoer

__all__ = ["GeenToegang", "OngeldigeInvoer"]
