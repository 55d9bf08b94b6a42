# SPDX-License-Identifier: EUPL-1.2
"""Where the app's and the workers' logs go: standard error, as readable lines or as one
JSON object per line for a log collector (python-json-logger). Operators' logs never hold
personal data; what a person did with whose data is in the processing log, not here."""

from __future__ import annotations

import logging
from typing import Literal

VELDEN = "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s"


def stel_in(formaat: Literal["tekst", "json"], niveau: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    if formaat == "json":
        from pythonjsonlogger.json import JsonFormatter

        handler.setFormatter(
            JsonFormatter(
                VELDEN,
                rename_fields={"asctime": "tijd", "levelname": "niveau", "name": "bron"},
                json_ensure_ascii=False,
            )
        )
    else:
        handler.setFormatter(logging.Formatter(VELDEN))
    logging.basicConfig(level=niveau, handlers=[handler], force=True)
