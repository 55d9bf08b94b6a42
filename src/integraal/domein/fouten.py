# SPDX-License-Identifier: EUPL-1.2
"""The refusals every service speaks, one type per kind of answer.

Each face maps the type once: the API to an RFC 9457 problem (404, 403, 400 with
`invalidParams`, 409), the web to the same form with its errors or a styled page. Nobody
chooses a status by reading a message.
"""

from __future__ import annotations

from pydantic.alias_generators import to_camel


class Weigering(Exception):
    """A Dutch sentence for the person who asked; never a stack trace or a code."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


class NietGevonden(Weigering, LookupError):
    """It does not exist, or the asker may not know that it does (the same answer on purpose)."""


class GeenToegang(Weigering, PermissionError):
    """The actor may not do this."""


class Conflict(Weigering):
    """The request is valid but the thing is not in a state that allows it now."""


class OngeldigeInvoer(Weigering, ValueError):
    """Bad input: `fouten` maps a field to a Dutch message ("" for the form as a whole).

    Fields are named as the JSON body and the form name them (`bedragEuro`,
    `interventies.0.eigenaar`), whichever spelling the service used."""

    def __init__(self, fouten: dict[str, str]) -> None:
        super().__init__("; ".join(fouten.values()))
        self.fouten = {veldnaam(k): v for k, v in fouten.items()}


def veldnaam(pad: str) -> str:
    return ".".join(deel if deel.isdigit() else to_camel(deel) for deel in pad.split("."))
