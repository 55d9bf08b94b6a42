# SPDX-License-Identifier: EUPL-1.2
"""The ASGI application: web pages at /, the API at /api/v1."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI, Request, Response
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from integraal import meting
from integraal.api.app import maak_api, redoc_pagina, swagger_pagina
from integraal.api.fouten import probleem
from integraal.omgeving import Omgeving, maak_omgeving
from integraal.opslag import metingen
from integraal.opslag.db import transactie
from integraal.web import fouten
from integraal.web.app import maak_web
from integraal.web.grenzen import Grenzen
from integraal.web.sessies import STATISCH
from integraal.web.toelating import Toelating

BEVEILIGINGSKOPPEN = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Strict-Transport-Security": "max-age=31536000",
}
# connect-src: the progress pages poll their own origin (htmx); without it the browser blocks
# the poll and a progress page never updates (the browser tests bypass the policy for axe).
CSP_HTML = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
CSP_API = "frame-ancestors 'none'"
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)


def _sha256(script: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"


def _csp_documentatie(pagina: Response, *extra: str) -> str:
    """A documentation page's policy: vendored files only, nothing from another origin.

    FastAPI's generated HTML starts Swagger UI with an inline script; it is allowed by its hash,
    computed here from that generated HTML, so a FastAPI upgrade cannot silently break the page.
    """
    hashes = {_sha256(script) for script in _INLINE_SCRIPT.findall(bytes(pagina.body).decode())}
    bronnen = ["'self'", *sorted(hashes)]
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {' '.join(bronnen)}",
            *extra,
            "img-src 'self' data:",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
        ]
    )


def csp_documentatie() -> dict[str, str]:
    """The policies of /api/v1/docs and /api/v1/redoc, computed once at startup.

    Swagger UI sets its styles through the CSSOM and needs no inline styles. ReDoc (styled-
    components) injects <style> elements at runtime and runs its search index in a worker made
    from a blob: URL; a nonce would not reach those, so it gets 'unsafe-inline' for styles only.
    """
    return {
        "/api/v1/docs": _csp_documentatie(swagger_pagina(), "style-src 'self'"),
        "/api/v1/redoc": _csp_documentatie(
            redoc_pagina(), "style-src 'self' 'unsafe-inline'", "worker-src blob:"
        ),
    }


log = logging.getLogger("integraal.app")
WERKDRADEN = 400


async def _checkpoints_op_schema(omgeving: Omgeving, minuten: float) -> None:
    """Sign a checkpoint of the log every so many minutes when it grew, and publish it to
    the witness; a failure is logged and tried again next time, never ends the app."""
    while True:
        await asyncio.sleep(minuten * 60)
        try:
            await to_thread.run_sync(omgeving.checkpoint_als_gegroeid)
        except Exception:
            log.exception("checkpoint op schema mislukt")


def _levensloop(omgeving: Omgeving) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def levensloop(_app: FastAPI) -> AsyncIterator[None]:
        # A request's transaction commits when its context dependency exits, in a worker
        # thread of its own. With anyio's 40 threads all taken by requests waiting for the
        # write lock, the one holding it could not get a thread to commit: everything stalled
        # until SQLite's busy timeout answered "database is locked" (the 500s under load).
        # More threads than concurrent requests keeps a thread free for that commit.
        begrenzer = to_thread.current_default_thread_limiter()
        begrenzer.total_tokens = max(begrenzer.total_tokens, WERKDRADEN)
        # With a job queue, the workers keep the schedule (one checkpoint per moment).
        inst = omgeving.instellingen
        minuten = 0 if inst.achtergrond_in_wachtrij else inst.checkpoint_minuten
        taak = asyncio.create_task(_checkpoints_op_schema(omgeving, minuten)) if minuten else None
        yield
        if taak is not None:
            taak.cancel()

    return levensloop


def maak_app_in_proces() -> FastAPI:
    """The factory each process of `integraal serve --workers N` calls: a process started
    fresh configures its own logs before it builds the app."""
    from integraal.instellingen import instellingen
    from integraal.meting import logs

    logs.stel_in(instellingen().logformaat)
    return maak_app()


def maak_app(omgeving: Omgeving | None = None) -> FastAPI:
    omgeving = omgeving or maak_omgeving()
    app = maak_web(omgeving)
    app.router.lifespan_context = _levensloop(omgeving)
    api = maak_api(omgeving)
    app.mount("/api/v1", api)
    csp_docs = csp_documentatie()

    async def weiger(request: Request, status: int, tekst: str) -> Response:
        if request.url.path.startswith("/api/"):
            return probleem(status, tekst, request.url.path)
        return await fouten.weiger(request, status, tekst)

    app.add_middleware(Grenzen, max_bytes=omgeving.instellingen.max_upload_bytes, weiger=weiger)

    @app.middleware("http")
    async def _koppen(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        if request.url.path.startswith(STATISCH) and response.status_code == 200:
            # Public files without personal data, their address fingerprinted (`?v=`): kept
            # by the browser instead of fetched again with every page (pages: no-store).
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        for k, v in BEVEILIGINGSKOPPEN.items():
            response.headers.setdefault(k, v)
        if request.url.path in csp_docs:
            response.headers.setdefault("Content-Security-Policy", csp_docs[request.url.path])
        else:
            is_api = request.url.path.startswith("/api/")
            response.headers.setdefault("Content-Security-Policy", CSP_API if is_api else CSP_HTML)
        return response

    # Outside the limits and the session (reading it is work), inside the latency metric (a
    # request's wait for its turn is part of how long it took).
    app.add_middleware(Toelating, plaatsen=omgeving.instellingen.verzoeken_tegelijk)
    _metingen(app, omgeving)
    return app


class _WerkOnderweg(Collector):
    """What waits, read from the database when scraped (so every process reports the same)."""

    def __init__(self, omgeving: Omgeving) -> None:
        self._omgeving = omgeving

    def collect(self) -> Iterator[Metric]:
        with transactie(self._omgeving.fabriek, lezen=True) as sessie:
            wachtrij = metingen.wachtrij_per_status(sessie)
            onderweg = metingen.werk_onderweg(sessie)
        w = GaugeMetricFamily(
            "integraal_wachtrij_opdrachten",
            "Opdrachten in de wachtrij per status (alleen PostgreSQL met werkers)",
            labels=["status"],
        )
        for status, n in sorted(wachtrij.items()):
            w.add_metric([status], n)
        yield w
        o = GaugeMetricFamily(
            "integraal_werk_onderweg",
            "Leveringen, kruisverwijzingen en rapporten die nog niet klaar zijn",
            labels=["soort"],
        )
        for soort, n in sorted(onderweg.items()):
            o.add_metric([soort], n)
        yield o


def _metingen(app: FastAPI, omgeving: Omgeving) -> None:
    """Request latency for every answer; `/metrics` only when a token is configured, and
    then only with it: counts of use say something about an installation, so they are not
    public by default."""
    token = omgeving.instellingen.metrics_token
    werk = _WerkOnderweg(omgeving)

    @app.middleware("http")
    async def _meet(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        begin = time.perf_counter()
        response = await call_next(request)
        # The route's template, never the path itself: no ids in the labels, and a bounded set.
        route = getattr(request.scope.get("route"), "path", None)
        naam = f"{request.scope.get('root_path', '')}{route}" if route else "onbekend"
        meting.verzoek(request.method, naam, response.status_code, time.perf_counter() - begin)
        return response

    @app.get("/metrics", include_in_schema=False)
    def metrics(request: Request) -> Response:
        gegeven = request.headers.get("authorization", "")
        if not token or not hmac.compare_digest(gegeven.encode(), f"Bearer {token}".encode()):
            return probleem(404, "Niet gevonden.", request.url.path)
        return Response(meting.tekst([werk]), media_type=meting.INHOUDSTYPE)
