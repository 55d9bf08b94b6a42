# SPDX-License-Identifier: EUPL-1.2
"""The access review: access once granted does not hold for ever.

Every case membership and every role holds for a term (`INTEGRAAL_TOEGANGSREVIEW_DAGEN`,
three months by default) from its last confirmation. A coordinator of the organisation confirms
or withdraws them; what is not confirmed lapses by itself at the end of its term (the storage
queries only count confirmed memberships, the sign-in only confirmed roles), with a reminder
in "Mijn taken" beforehand. Every confirmation and withdrawal is audited.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar, Literal

from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.domein.rollen import ROL_LABELS, Rol
from integraal.opslag import beheer
from integraal.verwerking import Context

HERINNERING = dt.timedelta(days=14)


class Toegangsregel(Uitvoer):
    sleutel: str
    soort: Literal["lidmaatschap", "rol"]
    gebruiker: str
    wat: str
    bevestigd_op: dt.datetime
    vervalt_op: dt.datetime
    vervallen: bool
    binnenkort: bool
    eigen: bool


class Toegangsreview(Uitvoer):
    termijn_dagen: int
    regels: list[Toegangsregel]

    @property
    def te_doen(self) -> int:
        return sum(1 for r in self.regels if (r.vervallen or r.binnenkort) and not r.eigen)


class ReviewIn(Invoer):
    gekozen: list[str] = veld("Lidmaatschappen en rollen", standaard=[])
    actie: Literal["bevestigen", "intrekken"] = veld("Actie", standaard="bevestigen")

    meldingen: ClassVar[dict[str, str]] = {"actie": "Kies bevestigen of intrekken."}


def _coordinator(ctx: Context) -> None:
    if ctx.ik.rol is not Rol.COORDINATOR:
        raise GeenToegang("de toegangsreview is voor de coördinator van uw organisatie")


def overzicht(ctx: Context) -> Toegangsreview:
    """Every membership and role of the coordinator's organisation, the oldest first."""
    _coordinator(ctx)
    nu, termijn, ik = ctx.nu(), ctx.toegangstermijn, ctx.ik
    regels: list[Toegangsregel] = []

    def regel(
        sleutel: str, soort: Literal["lidmaatschap", "rol"], wie: str, wat: str, op: dt.datetime
    ) -> Toegangsregel:
        vervalt = op + termijn
        return Toegangsregel(
            sleutel=sleutel,
            soort=soort,
            gebruiker=wie,
            wat=wat,
            bevestigd_op=op,
            vervalt_op=vervalt,
            vervallen=vervalt <= nu,
            binnenkort=nu < vervalt <= nu + HERINNERING,
            # One's own role and memberships are confirmed by another coordinator.
            eigen=sleutel.endswith(f":{ik.gebruiker_id}"),
        )

    for lid, g, c in beheer.lidmaatschappen_van(ctx.sessie, ik.organisatie_id):
        regels.append(
            regel(
                f"lid:{c.id}:{g.id}",
                "lidmaatschap",
                g.naam,
                f"Lid van casus {c.id}: {c.titel}",
                lid.bevestigd_op,
            )
        )
    for g in beheer.gebruikers_van(ctx.sessie, ik.organisatie_id):
        regels.append(
            regel(
                f"rol:{g.id}", "rol", g.naam, f"Rol: {ROL_LABELS[Rol(g.rol)]}", g.rol_bevestigd_op
            )
        )
    regels.sort(key=lambda r: r.vervalt_op)
    return Toegangsreview(termijn_dagen=termijn.days, regels=regels)


def aantal_te_doen(ctx: Context) -> int:
    return overzicht(ctx).te_doen if ctx.ik.rol is Rol.COORDINATOR else 0


def herzie(ctx: Context, invoer: ReviewIn) -> int:
    """Confirm or withdraw the chosen memberships and roles; how many were handled."""
    _coordinator(ctx)
    gekozen = invoer.gekozen
    if not gekozen:
        raise OngeldigeInvoer({"gekozen": "Kies ten minste één lidmaatschap of rol."})
    ik = ctx.ik
    eigen = {g.id: g for g in beheer.gebruikers_van(ctx.sessie, ik.organisatie_id)}
    leden = {
        f"lid:{c.id}:{g.id}": lid
        for lid, g, c in beheer.lidmaatschappen_van(ctx.sessie, ik.organisatie_id)
    }
    rollen: list[int] = []
    lidmaatschappen: list[list[object]] = []
    for sleutel in gekozen:
        rol = re.fullmatch(r"rol:([1-9][0-9]{0,8})", sleutel)
        lid = leden.get(sleutel)
        eigen_id = int(rol.group(1)) if rol else (lid.gebruiker_id if lid else None)
        if eigen_id == ik.gebruiker_id:
            raise OngeldigeInvoer(
                {"gekozen": "Uw eigen toegang bevestigt een andere coördinator van uw organisatie."}
            )
        if rol and int(rol.group(1)) in eigen:
            g = eigen[int(rol.group(1))]
            if invoer.actie == "bevestigen":
                g.rol_bevestigd_op, g.rol_bevestigd_door = ctx.nu(), ik.gebruiker_id
            else:
                g.actief = False
            rollen.append(g.id)
        elif lid is not None:
            lidmaatschappen.append([lid.casus_id, lid.gebruiker_id])
            if invoer.actie == "bevestigen":
                lid.bevestigd_op, lid.bevestigd_door = ctx.nu(), ik.gebruiker_id
            else:
                beheer.verwijder_lidmaatschap(ctx.sessie, lid)
        else:
            raise OngeldigeInvoer({"gekozen": "Een gekozen lidmaatschap of rol bestaat niet meer."})
    # One review, one record: what was confirmed or withdrawn, by whom (the record's actor).
    ctx.audit("toegang herzien", keuze=invoer.actie, rollen=rollen, lidmaatschappen=lidmaatschappen)
    return len(gekozen)
