# SPDX-License-Identifier: EUPL-1.2
"""The start page: each role starts from its tasks."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal import taken
from integraal.casus import casussen
from integraal.casus.casussen import CasusFilter
from integraal.domein.casus import CasusStatus
from integraal.web.basis import WebDep

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def start(w: WebDep) -> Response:
    with w.context() as ctx:
        mijn_taken = taken.mijn_taken(ctx)
        open_ = casussen.lijst(ctx, CasusFilter(status=CasusStatus.OPEN))
    return w.pagina("start.html", taken=mijn_taken, casussen=open_[:10], meer=len(open_) > 10)
