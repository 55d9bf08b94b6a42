# SPDX-License-Identifier: EUPL-1.2
"""Rule decisions per second, with and without explanation, beside pycasbin on the same model.

The casbin model is the same catalogue: one policy row per (rule, provider group, recipient
group, category, purpose) with deny-override, organisation→group links as `g`, and each rule's
conditions as an `eval()` over a context object whose attributes call the same predicates our
engine uses. Both engines are first checked to give identical answers on every request.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import casbin

from bench.omgeving import mediaan_tijd
from integraal.delen import Beslisser, CasusContext, Verzoek, standaard_beslisser
from integraal.delen.model import Effect
from integraal.delen.voorwaarden import VOORWAARDEN, Toets, toets

MODEL = """
[request_definition]
r = van, aan, cat, doel, ctx

[policy_definition]
p = van, aan, cat, doel, cond, eft

[role_definition]
g = _, _

[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

[matchers]
m = g(r.van, p.van) && g(r.aan, p.aan) && (p.cat == "*" || r.cat == p.cat) && \
    (p.doel == "*" || r.doel == p.doel) && eval(p.cond)
"""


class _Context:
    """Conditions evaluated lazily, by the same predicates, when casbin's eval() asks."""

    def __init__(self, toets_: Toets) -> None:
        self._t = toets_

    def __getattr__(self, naam: str) -> bool:
        if naam.startswith("_") or naam not in VOORWAARDEN:
            raise AttributeError(naam)
        return toets(naam, self._t)[0]


def casbin_enforcer(b: Beslisser, voorwaarden: bool = True) -> casbin.Enforcer:
    model = casbin.Enforcer.new_model(
        text=MODEL if voorwaarden else MODEL.replace(" && eval(p.cond)", "")
    )
    e = casbin.Enforcer(model)
    for r in b.catalogus.regels:
        cond = " and ".join(f"r.ctx.{v}" for v in r.voorwaarden) or "True"
        eft = "deny" if (r.effect is Effect.WEIGEREN or not r.in_werking) else "allow"
        for van in r.van:
            for aan in r.aan:
                for cat in r.categorieen:
                    for doel in r.doelen:
                        e.add_policy(van, aan, cat, doel, cond, eft)
    for org in b.register.organisaties:
        for groep in b.register.groepen(org):
            e.add_grouping_policy(org.id, groep)
    return e


@dataclass(frozen=True)
class Resultaat:
    verzoeken: int
    met_uitleg: float
    zonder_uitleg: float
    casbin: float
    casbin_rollen: float
    casbin_policies: int
    toegestaan: int


def _verzoeken(b: Beslisser, n: int, zaad: int = 7) -> list[Verzoek]:
    rng = random.Random(zaad)
    orgs = [o.id for o in b.register.organisaties]
    # Half of the requests are realistic RIEC questions, so allowed paths are measured too.
    feiten = [
        "noodzakelijk",
        "vierogen",
        "objectieve_aanwijzingen",
        "ovj_vordering",
        "geautoriseerde_aanvrager",
        "indicator_geraakt",
    ]
    casus = CasusContext(
        id="C-1",
        verband_id="riec-rotterdam",
        aanwijzingen_vastgelegd=True,
        leden=frozenset({"gebruiker:1"}),
    )
    uit = []
    for i in range(n):
        if i % 2:
            v = Verzoek(
                van=rng.choice(["gemeente-rotterdam", "politie", "belastingdienst"]),
                aan="riec-rotterdam",
                categorie=rng.choice(["identiteit", "adres", "financieel"]),
                doel="integrale_aanpak",
                casus=casus,
                actor="gebruiker:1",
                feiten=frozenset(rng.sample(feiten, 2)),
            )
        else:
            v = Verzoek(
                van=rng.choice(orgs),
                aan=rng.choice(orgs),
                categorie=rng.choice(sorted(b.catalogus.categorieen)),
                doel=rng.choice(sorted(b.catalogus.doelen)),
                feiten=frozenset(rng.sample(feiten, 3)),
            )
        uit.append(v)
    return uit


def meet(n: int = 2000, runs: int = 5, casbin_runs: int = 3) -> Resultaat:
    b = standaard_beslisser()
    e = casbin_enforcer(b)
    verzoeken = _verzoeken(b, n)
    register = b.register

    def casbin_beslis(v: Verzoek) -> bool:
        t = Toets(v, register.zoek(v.van), register.zoek(v.aan), register)
        return bool(e.enforce(v.van, v.aan, v.categorie, v.doel, _Context(t)))

    # Equivalence first: a speed comparison of two engines that disagree would mean nothing.
    toegestaan = 0
    for v in verzoeken:
        ons = b.beslis(v).toegestaan
        assert ons == casbin_beslis(v), f"modellen verschillen voor {v}"
        toegestaan += ons

    def ronde(**kw: Any) -> None:
        for v in verzoeken:
            b.beslis(v, **kw)

    def casbin_ronde() -> None:
        for v in verzoeken:
            casbin_beslis(v)

    rollen = casbin_enforcer(b, voorwaarden=False)

    def casbin_rollen_ronde() -> None:
        for v in verzoeken:
            rollen.enforce(v.van, v.aan, v.categorie, v.doel, None)

    return Resultaat(
        verzoeken=n,
        met_uitleg=n / mediaan_tijd(lambda: ronde(uitleg=True), runs),
        zonder_uitleg=n / mediaan_tijd(lambda: ronde(uitleg=False), runs),
        casbin=n / mediaan_tijd(casbin_ronde, casbin_runs),
        casbin_rollen=n / mediaan_tijd(casbin_rollen_ronde, runs),
        casbin_policies=len(e.get_policy()),
        toegestaan=toegestaan,
    )


if __name__ == "__main__":
    print(meet(1000, 3))
