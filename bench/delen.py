# SPDX-License-Identifier: EUPL-1.2
"""Rule decisions per second, with and without explanation, beside pycasbin on the same model.

The peer at its best: casbin's indexed `FastEnforcer` on the same catalogue, one policy row per
(rule, provider group, recipient group, category, purpose) with every `*` of category and
purpose written out (so the index on those two holds every row a request can match),
deny-override, organisation→group links as `g`, and each rule's conditions as a registered
function calling the same predicates our engine uses. Both engines are first checked to give
identical answers on every request. The model as first benchmarked (conditions through
`eval()`, no index) is measured too, as a footnote: it compiles an expression per policy row
per request and says more about `eval()` than about casbin.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import casbin
from casbin.model.model_fast import FastModel

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
# Category and purpose are exact in every row, so FastEnforcer's index on them is complete.
MODEL_SNEL = MODEL.split("[matchers]")[0] + (
    "[matchers]\nm = g(r.van, p.van) && g(r.aan, p.aan) && r.cat == p.cat && r.doel == p.doel "
    "&& voorwaarden(p.cond, r.ctx)\n"
)
SLEUTELS = [2, 3]  # request and policy positions of category and purpose
# The footnote model decides some 25 requests a second: it gets the first 300 requests only.
VOETNOOT = 300


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


def _voorwaarden(cond: str, ctx: Toets) -> bool:
    return all(toets(naam, ctx)[0] for naam in cond.split("&") if naam)


def casbin_fast_enforcer(b: Beslisser) -> casbin.FastEnforcer:
    model = FastModel(SLEUTELS)
    model.load_model_from_text(MODEL_SNEL)
    e = casbin.FastEnforcer(model, cache_key_order=SLEUTELS)
    e.add_function("voorwaarden", _voorwaarden)
    categorieen = sorted(b.catalogus.categorieen)
    doelen = sorted(b.catalogus.doelen)
    for r in b.catalogus.regels:
        cond = "&".join(r.voorwaarden)
        eft = "deny" if (r.effect is Effect.WEIGEREN or not r.in_werking) else "allow"
        for van in r.van:
            for aan in r.aan:
                for cat in categorieen if "*" in r.categorieen else r.categorieen:
                    for doel in doelen if "*" in r.doelen else r.doelen:
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
    casbin_snel: float
    casbin_snel_policies: int
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
    snel = casbin_fast_enforcer(b)
    verzoeken = _verzoeken(b, n)
    register = b.register

    def casbin_beslis(v: Verzoek) -> bool:
        t = Toets(v, register.zoek(v.van), register.zoek(v.aan), register)
        return bool(e.enforce(v.van, v.aan, v.categorie, v.doel, _Context(t)))

    def casbin_snel_beslis(v: Verzoek) -> bool:
        t = Toets(v, register.zoek(v.van), register.zoek(v.aan), register)
        return bool(snel.enforce(v.van, v.aan, v.categorie, v.doel, t))

    # Equivalence first: a speed comparison of two engines that disagree would mean nothing.
    # Our engine's two paths (with and without explanation) must agree as well.
    toegestaan = 0
    for i, v in enumerate(verzoeken):
        ons = b.beslis(v)
        kort = b.beslis(v, uitleg=False)
        assert (ons.toegestaan, ons.regel_id) == (kort.toegestaan, kort.regel_id), v
        assert ons.toegestaan == casbin_snel_beslis(v), f"FastEnforcer verschilt voor {v}"
        if i < VOETNOOT:
            assert ons.toegestaan == casbin_beslis(v), f"modellen verschillen voor {v}"
        toegestaan += ons.toegestaan

    def ronde(**kw: Any) -> None:
        for v in verzoeken:
            b.beslis(v, **kw)

    def casbin_ronde() -> None:
        for v in verzoeken[:VOETNOOT]:
            casbin_beslis(v)

    def casbin_snel_ronde() -> None:
        for v in verzoeken:
            casbin_snel_beslis(v)

    rollen = casbin_enforcer(b, voorwaarden=False)

    def casbin_rollen_ronde() -> None:
        for v in verzoeken:
            rollen.enforce(v.van, v.aan, v.categorie, v.doel, None)

    return Resultaat(
        verzoeken=n,
        met_uitleg=n / mediaan_tijd(lambda: ronde(uitleg=True), runs),
        zonder_uitleg=n / mediaan_tijd(lambda: ronde(uitleg=False), runs),
        casbin_snel=n / mediaan_tijd(casbin_snel_ronde, runs),
        casbin_snel_policies=len(snel.get_policy()),
        casbin=min(n, VOETNOOT) / mediaan_tijd(casbin_ronde, casbin_runs),
        casbin_rollen=n / mediaan_tijd(casbin_rollen_ronde, runs),
        casbin_policies=len(e.get_policy()),
        toegestaan=toegestaan,
    )


if __name__ == "__main__":
    print(meet(1000, 3))
