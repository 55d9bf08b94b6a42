# SPDX-License-Identifier: EUPL-1.2
"""The demo does everything through the services users call, each step as one demo user in
its own processing context (channel `demo`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from integraal.domein.actor import Actor
from integraal.omgeving import Omgeving
from integraal.verwerking import Context, Kanaal

P = ParamSpec("P")
T = TypeVar("T")


def als(
    omgeving: Omgeving,
    actor: Actor | None,
    fn: Callable[Concatenate[Context, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    with omgeving.context(actor, Kanaal.DEMO) as ctx:
        return fn(ctx, *args, **kwargs)
