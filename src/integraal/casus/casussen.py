# SPDX-License-Identifier: EUPL-1.2
"""Cases: opened from signals by a coordinator; members, indications, subjects; closing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from integraal import logboek
from integraal.casus import GeenToegang, OngeldigeInvoer
from integraal.casus.advies import gebeurtenis
from integraal.casus.tijdlijn import Moment, bouw_tijdlijn
from integraal.delen import Beslisser
from integraal.domein.actor import Actor
from integraal.domein.casus import (
    CASUS_OVERGANGEN,
    MAG_CASUS_OPENEN,
    SIGNAAL_OVERGANGEN,
    CasusStatus,
    OngeldigeOvergang,
    SignaalStatus,
    controleer,
)
from integraal.domein.rollen import Rol
from integraal.opslag import beheer, leveringen
from integraal.opslag import casussen as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import (
    Advies,
    Casus,
    CasusLid,
    CasusSubject,
    Deelverzoek,
    Gebruiker,
    Interventie,
    Signaal,
)
from integraal.toegang import Entiteitbeeld, Leesvraag, lees_entiteit


def _casus(sessie: Sessie, casus_id: str) -> Casus:
    c = beheer.casus(sessie, casus_id)
    if c is None:
        raise GeenToegang(f"casus {casus_id} bestaat niet of u heeft er geen toegang toe")
    return c


def _is_lid(sessie: Sessie, casus_id: str, actor: Actor) -> bool:
    return opslag.lid(sessie, casus_id, actor.gebruiker_id) is not None


def _coordinator_van(c: Casus, actor: Actor) -> None:
    if actor.rol is not Rol.COORDINATOR or actor.organisatie_id != c.verband_id:
        raise GeenToegang("alleen een coördinator van het verband mag dit")


def _open(c: Casus) -> None:
    if c.status != CasusStatus.OPEN.value:
        raise GeenToegang(f"casus {c.id} is gesloten en kan niet meer worden gewijzigd")


def _audit(sessie: Sessie, actor: Actor, actie: str, casus_id: str, **details: object) -> None:
    logboek.schrijf_handeling(sessie, actor, actie, details={"casus": casus_id, **details})


def open_casus(
    sessie: Sessie,
    actor: Actor,
    *,
    titel: str,
    doel: str,
    signaal_ids: Sequence[str],
    aanwijzingen: str | None = None,
    leden: Sequence[str] = (),
) -> str:
    if actor.rol not in MAG_CASUS_OPENEN:
        raise GeenToegang("alleen een coördinator opent een casus")
    fouten: dict[str, str] = {}
    if len(titel.strip()) < 3:
        fouten["titel"] = "geef de casus een titel"
    if not signaal_ids:
        fouten["signalen"] = "een casus begint bij een of meer signalen"
    signalen: list[Signaal] = []
    for sid in signaal_ids:
        s = opslag.signaal(sessie, sid)
        if s is None or s.verband_id != actor.organisatie_id:
            fouten["signalen"] = f"signaal {sid} bestaat niet of is niet van uw verband"
            continue
        try:
            controleer(SIGNAAL_OVERGANGEN, SignaalStatus(s.status), SignaalStatus.OMGEZET)
        except OngeldigeOvergang:
            fouten["signalen"] = f"signaal {sid} moet eerst in behandeling zijn (nu: {s.status})"
        signalen.append(s)
    gebruikers: list[Gebruiker] = []
    for naam in leden:
        g = beheer.gebruiker_op_naam(sessie, naam)
        if g is None:
            fouten["leden"] = f"gebruiker '{naam}' bestaat niet"
        else:
            gebruikers.append(g)
    if aanwijzingen is not None and aanwijzingen.strip() and len(aanwijzingen.strip()) < 20:
        fouten["aanwijzingen"] = "motiveer de aanwijzingen in minstens 20 tekens"
    if fouten:
        raise OngeldigeInvoer(fouten)
    nummer = opslag.volgend_nummer(sessie, Casus, "C")
    beheer.bewaar(
        sessie,
        Casus(
            id=nummer,
            titel=titel.strip(),
            verband_id=actor.organisatie_id,
            doel=doel,
            aanwijzingen=(aanwijzingen or "").strip() or None,
            status=CasusStatus.OPEN.value,
            aangemaakt_door=actor.gebruiker_id,
        ),
    )
    ids = {actor.gebruiker_id, *(g.id for g in gebruikers)}
    beheer.bewaar(sessie, *(CasusLid(casus_id=nummer, gebruiker_id=i) for i in sorted(ids)))
    nu = dt.datetime.now(dt.UTC)
    for s in signalen:
        s.status, s.casus_id, s.gewijzigd_op = SignaalStatus.OMGEZET.value, nummer, nu
        s.reden = f"omgezet in casus {nummer}"
    _audit(sessie, actor, "casus openen", nummer, signalen=list(signaal_ids))
    c = beheer.casus(sessie, nummer)
    gebeurtenis(sessie, "casus_geopend", c, actor.organisatie_id, signalen=len(signalen))
    return nummer


def leg_aanwijzingen_vast(sessie: Sessie, actor: Actor, casus_id: str, motivering: str) -> None:
    c = _casus(sessie, casus_id)
    _coordinator_van(c, actor)
    _open(c)
    if len(motivering.strip()) < 20:
        raise OngeldigeInvoer({"aanwijzingen": "motiveer de aanwijzingen in minstens 20 tekens"})
    c.aanwijzingen = motivering.strip()
    _audit(sessie, actor, "aanwijzingen vastleggen", casus_id)


def voeg_lid_toe(sessie: Sessie, actor: Actor, casus_id: str, gebruikersnaam: str) -> None:
    c = _casus(sessie, casus_id)
    _coordinator_van(c, actor)
    _open(c)
    g = beheer.gebruiker_op_naam(sessie, gebruikersnaam)
    if g is None:
        raise OngeldigeInvoer({"gebruikersnaam": f"gebruiker '{gebruikersnaam}' bestaat niet"})
    if opslag.lid(sessie, casus_id, g.id) is None:
        beheer.bewaar(sessie, CasusLid(casus_id=casus_id, gebruiker_id=g.id))
    _audit(sessie, actor, "lid toevoegen", casus_id, lid=g.id)


def koppel_subject(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, casus_id: str, entity_id: str
) -> Entiteitbeeld:
    """Link an entity the member may see in this case (the check is a logged read)."""
    c = _casus(sessie, casus_id)
    _open(c)
    if not _is_lid(sessie, casus_id, actor):
        raise GeenToegang("alleen leden van de casus koppelen subjecten")
    beeld = lees_entiteit(sessie, beslisser, actor, Leesvraag(c.doel, casus_id, "app"), entity_id)
    if beeld is None:
        raise GeenToegang("deze entiteit is in deze casus niet voor u zichtbaar")
    if opslag.subject(sessie, casus_id, entity_id) is None:
        beheer.bewaar(
            sessie,
            CasusSubject(
                casus_id=casus_id,
                entity_id=entity_id,
                schema=beeld.schema,
                toegevoegd_door=actor.gebruiker_id,
            ),
        )
    _audit(sessie, actor, "subject koppelen", casus_id, entiteit=entity_id)
    return beeld


def sluit(sessie: Sessie, actor: Actor, casus_id: str, reden: str) -> None:
    c = _casus(sessie, casus_id)
    _coordinator_van(c, actor)
    if len(reden.strip()) < 5:
        raise OngeldigeInvoer({"reden": "geef een reden om de casus te sluiten"})
    try:
        controleer(CASUS_OVERGANGEN, CasusStatus(c.status), CasusStatus.GESLOTEN)
    except OngeldigeOvergang as exc:
        raise OngeldigeInvoer({"status": str(exc)}) from exc
    c.status, c.sluitreden, c.gesloten_op = (
        CasusStatus.GESLOTEN.value,
        reden.strip(),
        dt.datetime.now(dt.UTC),
    )
    _audit(sessie, actor, "casus sluiten", casus_id)
    # Free-text reasons may name people; the monitor only gets the fact.
    gebeurtenis(sessie, "casus_gesloten", c, actor.organisatie_id)


@dataclass
class Overzicht:
    casus: Casus
    leden: list[Gebruiker]
    subjecten: list[tuple[CasusSubject, Entiteitbeeld | None]]
    deelverzoeken: list[Deelverzoek]
    bijdragen: dict[str, int] = field(default_factory=dict)
    is_coordinator: bool = False
    advies: Advies | None = None
    interventies: list[Interventie] = field(default_factory=list)
    tijdlijn: list[Moment] = field(default_factory=list)


def overzicht(sessie: Sessie, beslisser: Beslisser, actor: Actor, casus_id: str) -> Overzicht:
    """The case page: members, subjects as far as the reader may see them, requests."""
    c = _casus(sessie, casus_id)
    coordinator = actor.rol is Rol.COORDINATOR and actor.organisatie_id == c.verband_id
    if not (_is_lid(sessie, casus_id, actor) or coordinator):
        raise GeenToegang(f"casus {casus_id} bestaat niet of u heeft er geen toegang toe")
    vraag = Leesvraag(c.doel, casus_id if c.status == CasusStatus.OPEN.value else None, "app")
    subjecten = [
        (s, lees_entiteit(sessie, beslisser, actor, vraag, s.entity_id))
        for s in opslag.subjecten(sessie, casus_id)
    ]
    bijdragen: Counter[str] = Counter()
    for _, beeld in subjecten:
        if beeld is not None:
            bijdragen.update(h.bron for h in beeld.herkomst)
    verzoeken = opslag.deelverzoeken_van_casus(sessie, casus_id)
    advies = sessie.get(Advies, casus_id)
    antwoorden = {
        d.id: lev.verwerkt_op or lev.ontvangen_op
        for d in verzoeken
        if d.levering_id and (lev := leveringen.haal_levering(sessie, d.levering_id))
    }
    return Overzicht(
        casus=c,
        leden=opslag.leden(sessie, casus_id),
        subjecten=subjecten,
        deelverzoeken=verzoeken,
        bijdragen=dict(bijdragen),
        is_coordinator=coordinator,
        advies=advies,
        interventies=opslag.interventies_van_casus(sessie, casus_id),
        tijdlijn=bouw_tijdlijn(
            c,
            opslag.signalen_van_casus(sessie, casus_id),
            [s for s, _ in subjecten],
            verzoeken,
            advies,
            opslag.gebeurtenissen_van_casus(sessie, casus_id),
            antwoorden,
        ),
    )


def voor_export(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, casus_id: str, formaat: str, herkomst: str
) -> list[Entiteitbeeld]:
    """The overview's visible subjects, for a file that leaves the system: audited as such."""
    o = overzicht(sessie, beslisser, actor, casus_id)
    logboek.schrijf_audit(
        sessie,
        trace_id=logboek.nieuwe_trace_id(),
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie=f"casus exporteren ({formaat})",
        resultaat="toegestaan",
        herkomst=herkomst,
        details={"casus": casus_id},
    )
    return [b for _, b in o.subjecten if b is not None]
