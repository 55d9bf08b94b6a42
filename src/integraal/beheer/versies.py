# SPDX-License-Identifier: EUPL-1.2
"""What the versioned documents of beheer share (the rule catalogue, delivery mappings): a
proposal's YAML read with the reason in Dutch when it cannot be, the names of who proposed
and judged, the four eyes' refusal, and the judgement's input."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Literal, TypeVar

import yaml
from pydantic import ValidationError

from integraal.domein.fouten import Conflict, GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Invoer, veld
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag.modellen import Catalogusversie, Registerversie
from integraal.verwerking import Context

T = TypeVar("T")


class OordeelIn(Invoer):
    besluit: Literal["goedkeuren", "afwijzen"] = veld("Uw besluit")
    toelichting: str = veld("Toelichting", min_length=5, max_length=4000)

    meldingen: ClassVar[dict[str, str]] = {
        "besluit": "Kies goedkeuren of afwijzen.",
        "toelichting": "Licht uw besluit toe (minstens 5 tekens).",
    }


def lees_yaml(lezer: Callable[[str], T], tekst: str, wat: str) -> T:
    """`lezer(tekst)`, or the Dutch reason the text is no valid `wat` (at the field)."""
    try:
        return lezer(tekst)
    except yaml.YAMLError as exc:
        plek = getattr(exc, "problem_mark", None)
        waar = f" (regel {plek.line + 1})" if plek is not None else ""
        raise OngeldigeInvoer({"tekst": f"Dit is geen geldige YAML{waar}."}) from exc
    except ValidationError as exc:
        eerste = exc.errors(include_url=False)[0]
        plek = ".".join(str(p) for p in eerste.get("loc", ()))
        raise OngeldigeInvoer(
            {"tekst": f"{wat} klopt niet bij {plek or 'het begin'}: {eerste['msg']}."}
        ) from exc


def naam(ctx: Context, gebruiker_id: int | None) -> str:
    """Who proposed or judged a version; a shipped one was proposed by no one."""
    if gebruiker_id is None:
        return "Meegeleverd met Integraal"
    g = beheer.gebruiker(ctx.sessie, gebruiker_id)
    return g.naam if g is not None else "Onbekend"


VOORSTELLERS = frozenset({Rol.FUNCTIONEEL_BEHEERDER, Rol.PRIVACY_OFFICER})


def mag_voorstellen(ctx: Context, wie: frozenset[Rol], wat: str) -> None:
    """Proposals of `wat` (the rule catalogue, the partner register) are for `wie`."""
    if ctx.ik.rol not in wie:
        raise GeenToegang(
            f"wijzigingen van {wat} zijn voor de privacy officer en de functioneel beheerder"
        )


def alleen_privacy_officer(ctx: Context, wat: str) -> str | None:
    """Who judges a change of `wat` when it is not this person: any privacy officer."""
    if ctx.ik.rol is Rol.PRIVACY_OFFICER:
        return None
    return f"Een privacy officer beoordeelt wijzigingen van {wat}."


def wachtend(ctx: Context, model: type[Catalogusversie] | type[Registerversie]) -> int:
    """Proposals of a document this person may judge: waiting, and not their own."""
    return beheer.wachtende_voorstellen(ctx.sessie, model, ctx.ik.gebruiker_id)


def nummer(versie_id: int | str) -> int | None:
    """A version's id from a path, or None for one that is no number (so: not found)."""
    tekst = str(versie_id)
    return int(tekst) if tekst.isdigit() else None


def waarom_niet(
    ctx: Context, voorgesteld: bool, voorgesteld_door: int | None, wie: str | None
) -> str | None:
    """Why this person cannot judge a version now, None when they can: decided already,
    not theirs to judge (`wie` says who does; None: they are that person), or their own
    proposal (four eyes)."""
    if not voorgesteld:
        return "Over deze versie is al besloten."
    if wie is not None:
        return wie
    if voorgesteld_door == ctx.ik.gebruiker_id:
        return "U stelde deze wijziging voor; een tweede persoon beoordeelt haar (vier ogen)."
    return None


def bevestig_gevolgen(aantal: int, bedoeld: bool) -> None:
    """A version that changes reference decisions is approved only with those changes
    confirmed as intended."""
    if aantal and not bedoeld:
        raise OngeldigeInvoer(
            {
                "gevolgen_bedoeld": f"Deze wijziging verandert "
                f"{'1 besluit' if aantal == 1 else f'{aantal} besluiten'} van de "
                "referentieverzoeken. Bevestig dat dat bedoeld is, of wijs haar af."
            }
        )


def weiger(waarom_niet: str | None, voorgesteld: bool) -> None:
    """A judgement this person may not give: decided already (a conflict), or not theirs
    to give (four eyes)."""
    if waarom_niet is None:
        return
    if not voorgesteld:
        raise Conflict(waarom_niet)
    raise GeenToegang(waarom_niet[0].lower() + waarom_niet[1:].rstrip("."))
