# SPDX-License-Identifier: EUPL-1.2
"""Keyed pseudonyms for direct identifiers (BSN), so they can be matched but not read back."""

from __future__ import annotations

import hashlib
import hmac

BSN_PREFIX = "bsn-pseudo:"


def pseudoniem(sleutel: bytes, soort: str, waarde: str) -> str:
    """HMAC-SHA256 over kind and value: the same BSN gives the same pseudonym under one key."""
    digest = hmac.new(sleutel, f"{soort}\x1f{waarde}".encode(), hashlib.sha256).hexdigest()
    return f"{soort}-pseudo:{digest[:40]}"


def is_pseudoniem(waarde: str) -> bool:
    return "-pseudo:" in waarde
