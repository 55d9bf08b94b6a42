# SPDX-License-Identifier: EUPL-1.2
"""One transaction per handler, and the one place where service refusals become problems."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from fastapi import Response

from integraal.api.fouten import Probleem
from integraal.casus import GeenToegang, OngeldigeInvoer
from integraal.domein.tekst import zin
from integraal.omgeving import Omgeving
from integraal.opslag.db import Sessie, transactie
from integraal.toegang.context import OnbekendeCasus
from integraal.toegang.deelwijzer import OngeldigeVraag


def _ongeldig(detail: str, fouten: dict[str, str]) -> Probleem:
    return Probleem(
        400,
        detail,
        invalidParams=[{"name": k, "code": "invalid", "reason": v} for k, v in fouten.items()],
    )


@contextmanager
def dienst(omgeving: Omgeving) -> Iterator[Sessie]:
    """Commit before the answer leaves (a read's log line with it); map refusals to 4xx."""
    try:
        with transactie(omgeving.fabriek) as sessie:
            yield sessie
    except GeenToegang as exc:
        raise Probleem(404 if "bestaat niet" in str(exc) else 403, zin(exc)) from exc
    except OngeldigeInvoer as exc:
        raise _ongeldig(
            "De invoer is onvolledig of ongeldig; zie invalidParams.", exc.fouten
        ) from exc
    except OngeldigeVraag as exc:
        raise _ongeldig(
            "De vraag is onvolledig of ongeldig; zie invalidParams.", exc.fouten
        ) from exc
    except OnbekendeCasus as exc:
        raise Probleem(400, zin(exc)) from exc


def actie(omgeving: Omgeving, fn: Callable[[Sessie], object]) -> Response:
    """A service call whose answer is only that it happened: 204 No Content."""
    with dienst(omgeving) as sessie:
        fn(sessie)
    return Response(status_code=204)
