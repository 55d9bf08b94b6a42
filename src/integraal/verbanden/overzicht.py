# SPDX-License-Identifier: EUPL-1.2
"""The partnerships as a person reads them: what each does and may do (its werkwijze), who
takes part today, and every designation by decree with its period and its source, linked to the
official publication by the reference reader. Register data only: no person."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from integraal.delen.model import Aanwijzing, Organisatie
from integraal.domein.fouten import NietGevonden
from integraal.domein.invoer import Uitvoer
from integraal.domein.rollen import ROL_LABELS
from integraal.domein.verwijzingen import vind
from integraal.verwerking import Context

FICTIEF = "fictief"


class AanwijzingUit(Uitvoer):
    deelnemers: list[str]
    geldig_van: dt.date
    geldig_tot: dt.date | None
    geldt_nu: bool
    bron: str
    # The official publication; none for a fictitious source of the demo world.
    url: str | None
    fictief: bool
    toelichting: str


class VerbandUit(Uitvoer):
    id: str
    naam: str
    soort: str
    onderdeel_van: str | None
    toelichting: str
    doelen: list[str]
    onderdelen: list[str]
    signalen_van: list[str]
    casus_openen: list[str]
    aanwijzingen_bij_openen: bool
    categorieen: list[str]
    bewaartermijn_jaren: int
    vierogen: list[str]
    informeren: bool
    advies: str | None
    deelnemers: list[str] = Field(default_factory=list)
    aanwijzingen: list[AanwijzingUit] = Field(default_factory=list)


def _aanwijzing(a: Aanwijzing, namen: dict[str, str], vandaag: dt.date) -> AanwijzingUit:
    fictief = FICTIEF in a.bron.lower()
    verwijzing = next(vind(a.bron), None)
    return AanwijzingUit(
        deelnemers=sorted(namen.get(d, d) for d in a.deelnemers),
        geldig_van=a.geldig_van,
        geldig_tot=a.geldig_tot,
        geldt_nu=a.geldig_op(vandaag),
        bron=a.bron,
        url=None if fictief or verwijzing is None else verwijzing.url,
        fictief=fictief,
        toelichting=a.toelichting,
    )


def _uit(ctx: Context, org: Organisatie, *, volledig: bool) -> VerbandUit:
    register, catalogus = ctx.beslisser.register, ctx.beslisser.catalogus
    w = register.werkwijze(org.id)
    assert w is not None
    namen = {o.id: o.naam for o in register.organisaties}
    vandaag = ctx.nu().date()
    return VerbandUit(
        id=org.id,
        naam=org.naam,
        soort=register.soorten[org.soort].label,
        onderdeel_van=register.naam(org.onderdeel_van) if org.onderdeel_van else None,
        toelichting=w.toelichting,
        doelen=[catalogus.doelen.get(d, d) for d in w.alle_doelen],
        onderdelen=[o.label for o in w.onderdelen],
        signalen_van=[m.label for m in w.signaal_van],
        casus_openen=[ROL_LABELS[r] for r in w.casus_openen],
        aanwijzingen_bij_openen=w.aanwijzingen_bij_openen,
        categorieen=[catalogus.categorie_label(c) for c in w.categorieen],
        bewaartermijn_jaren=w.bewaartermijn_jaren,
        vierogen=[v.label for v in w.vierogen],
        informeren=w.informeren,
        advies=w.advies.naam if w.advies else None,
        deelnemers=sorted(namen.get(d, d) for d in register.deelnemers_op(org.id, vandaag))
        if volledig
        else [],
        aanwijzingen=[_aanwijzing(a, namen, vandaag) for a in register.aanwijzingen_van(org.id)]
        if volledig
        else [],
    )


def verbanden(ctx: Context) -> list[VerbandUit]:
    ctx.ik  # noqa: B018 - for partners and staff; the register holds no person
    return [_uit(ctx, o, volledig=False) for o in ctx.beslisser.register.verbanden()]


def verband(ctx: Context, verband_id: str) -> VerbandUit:
    ctx.ik  # noqa: B018
    for o in ctx.beslisser.register.verbanden():
        if o.id == verband_id:
            return _uit(ctx, o, volledig=True)
    raise NietGevonden(f"samenwerkingsverband {verband_id} bestaat niet")
