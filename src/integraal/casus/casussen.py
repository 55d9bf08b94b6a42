# SPDX-License-Identifier: EUPL-1.2
"""Cases: opened from signals by a coordinator; members, indications, subjects; closing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Annotated, ClassVar

from integraal.casus.advies import AdviesUit, InterventieUit, gebeurtenis
from integraal.casus.deelverzoeken import DeelverzoekUit
from integraal.casus.tijdlijn import Moment, bouw_tijdlijn
from integraal.delen.model import Onderdeel, Werkwijze
from integraal.domein.actor import Actor
from integraal.domein.casus import (
    CASUS_OVERGANGEN,
    MAG_CASUS_OPENEN,
    SIGNAAL_OVERGANGEN,
    CasusStatus,
    Casusthema,
    InterventieStatus,
    OngeldigeOvergang,
    SignaalStatus,
    controleer,
)
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Invoer, Optioneel, OptioneleTekst, Uitvoer, veld
from integraal.domein.poortwachters import Mainport
from integraal.domein.rollen import ROL_LABELS, Rol
from integraal.opslag import beheer, leveringen
from integraal.opslag import casussen as opslag
from integraal.opslag.modellen import Advies, Casus, CasusLid, Gebruiker, Signaal
from integraal.toegang import EntiteitUit, Leesvraag
from integraal.toegang import signalen as signaaldeur
from integraal.toegang import subjecten as subjectdeur
from integraal.verwerking import Context

# --- Input -------------------------------------------------------------------------------------


class CasusIn(Invoer):
    titel: str = veld(
        "Titel", hint="Een korte naam die collega's herkennen.", min_length=3, max_length=300
    )
    doel: str | None = veld(
        "Doel", hint="Leeg: het doel van uw samenwerkingsverband.", standaard=None, max_length=60
    )
    signalen: list[str] = veld("Signalen", min_length=1, max_length=50)
    aanwijzingen: OptioneleTekst = veld(
        "Duidelijke en objectieve aanwijzingen",
        hint="Waarom deze casus? Pas als de aanwijzingen zijn vastgelegd, verstrekken partners "
        "persoonsgegevens. U kunt ze later aanvullen.",
        standaard=None,
        min_length=20,
        max_length=5000,
    )
    leden: list[str] = veld(
        "Leden", hint="Collega's die aan de casus werken.", standaard=[], max_length=50
    )
    thema: Annotated[Casusthema | None, Optioneel] = veld(
        "Thema",
        hint="Het verschijnsel waar de casus over gaat. De monitor telt casussen per thema.",
        standaard=None,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "titel": "Geef de casus een titel van minstens 3 tekens.",
        "thema": "Kies een thema uit de lijst.",
        "signalen": "Een casus begint bij een of meer signalen.",
        "aanwijzingen": "Motiveer de aanwijzingen in minstens 20 tekens, of laat het veld leeg.",
    }


class Motivering(Invoer):
    motivering: str = veld(
        "Motivering",
        hint="Welke feiten en bronnen wijzen op ondermijning? Minstens 20 tekens.",
        min_length=20,
        max_length=5000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "motivering": "Motiveer de aanwijzingen in minstens 20 tekens."
    }


class ThemaIn(Invoer):
    thema: Casusthema = veld(
        "Thema",
        hint="Het verschijnsel waar de casus over gaat. De monitor telt casussen per thema.",
    )

    meldingen: ClassVar[dict[str, str]] = {"thema": "Kies een thema."}


class LidIn(Invoer):
    gebruikersnaam: str = veld("Collega", min_length=1, max_length=80)

    meldingen: ClassVar[dict[str, str]] = {"gebruikersnaam": "Kies de collega die u toevoegt."}


class SubjectIn(Invoer):
    entiteit_id: str = veld("Entiteit", min_length=1, max_length=128)


class Sluiten(Invoer):
    reden: str = veld(
        "Reden van sluiten",
        hint="Wat is bereikt of waarom stopt de casus? Minstens 5 tekens.",
        min_length=5,
        max_length=2000,
    )
    open_interventies_bevestigd: bool = veld(
        "Ik weet dat er nog interventies lopen en sluit de casus toch", standaard=False
    )

    meldingen: ClassVar[dict[str, str]] = {
        "reden": "Geef een reden om de casus te sluiten, in minstens 5 tekens."
    }


class CasusFilter(Invoer):
    status: CasusStatus | None = veld("Status", standaard=None)
    zoekterm: str | None = veld("Zoek in titel of nummer", standaard=None, max_length=200)


# --- Output ------------------------------------------------------------------------------------


class CasusUit(Uitvoer):
    id: str
    titel: str
    verband: str
    doel: str
    status: CasusStatus
    aangemaakt_op: dt.datetime | None = None
    mainport: Mainport | None = None
    thema: Casusthema | None = None


class LidUit(Uitvoer):
    gebruikersnaam: str
    naam: str
    organisatie: str
    rol: str


class SubjectUit(Uitvoer):
    entiteit_id: str
    schema_: str = veld("Soort", alias="schema")
    zichtbaar: bool
    entiteit: EntiteitUit | None


class Bevoegdheden(Uitvoer):
    """What the reader may do on this case page (the services check again on every action)."""

    coordinator: bool
    lid: bool
    wijzigen: bool


class Casuskop(Uitvoer):
    """A case without its subjects: enough for a page that acts on the case (no person read)."""

    id: str
    titel: str
    verband: str
    doel: str
    status: CasusStatus
    aanwijzingen: str | None
    sluitreden: str | None
    aangemaakt_op: dt.datetime
    gesloten_op: dt.datetime | None
    advies: AdviesUit | None
    interventies: list[InterventieUit]
    mag: Bevoegdheden
    # What the partnership's cases end in, as a person reads it (None: no advice or plan).
    advies_naam: str | None = None
    advies_kort: str = "advies"
    actie_naam: str = "Interventie"
    mainport: Mainport | None = None
    thema: Casusthema | None = None

    @property
    def open_interventies(self) -> list[InterventieUit]:
        return [
            i
            for i in self.interventies
            if i.status in (InterventieStatus.VOORGESTELD, InterventieStatus.IN_UITVOERING)
        ]


class Casusoverzicht(Casuskop):
    """The whole case page: members, subjects as far as the reader may see them, requests,
    contributions per partner and the timeline."""

    leden: list[LidUit]
    subjecten: list[SubjectUit]
    deelverzoeken: list[DeelverzoekUit]
    bijdragen: dict[str, int]
    tijdlijn: list[Moment]


# --- Services ----------------------------------------------------------------------------------


def _casus(ctx: Context, casus_id: str) -> Casus:
    c = beheer.casus(ctx.sessie, casus_id)
    if c is None:
        raise NietGevonden(f"casus {casus_id} bestaat niet of u heeft er geen toegang toe")
    return c


def _is_lid(ctx: Context, casus_id: str) -> bool:
    return (
        opslag.lid(ctx.sessie, casus_id, ctx.ik.gebruiker_id, sinds=ctx.bevestigd_sinds())
        is not None
    )


def _is_coordinator(c: Casus, actor: Actor) -> bool:
    return actor.rol is Rol.COORDINATOR and actor.organisatie_id == c.verband_id


def _coordinator_van(c: Casus, actor: Actor) -> None:
    if not _is_coordinator(c, actor):
        raise GeenToegang("alleen een coördinator van het verband mag dit")


def _open(c: Casus) -> None:
    if c.status != CasusStatus.OPEN.value:
        raise Conflict(f"casus {c.id} is gesloten en kan niet meer worden gewijzigd")


def _lid_of_coordinator(ctx: Context, c: Casus) -> None:
    if not (_is_lid(ctx, c.id) or _is_coordinator(c, ctx.ik)):
        raise NietGevonden(f"casus {c.id} bestaat niet of u heeft er geen toegang toe")


def werkwijze_van(ctx: Context, verband_id: str) -> Werkwijze:
    """How the partnership works; an organisation without cases has none to open."""
    w = ctx.beslisser.register.werkwijze(verband_id)
    if w is None or not w.heeft(Onderdeel.CASUSSEN):
        raise GeenToegang("alleen een samenwerkingsverband met casussen opent een casus")
    return w


def open_casus(ctx: Context, invoer: CasusIn) -> CasusUit:
    actor = ctx.ik
    if actor.rol not in MAG_CASUS_OPENEN:
        raise GeenToegang("alleen een coördinator opent een casus")
    w = werkwijze_van(ctx, actor.organisatie_id)
    if actor.rol not in w.casus_openen:
        raise GeenToegang("alleen een coördinator opent een casus")
    fouten: dict[str, str] = {}
    doel = invoer.doel or w.doel
    if doel not in w.alle_doelen:
        fouten["doel"] = "Kies het doel van uw samenwerkingsverband."
    if w.aanwijzingen_bij_openen and not invoer.aanwijzingen:
        # The WGS threshold is met before the case exists, not made up afterwards (FEC).
        fouten["aanwijzingen"] = (
            "Bij dit samenwerkingsverband opent u een casus pas als de duidelijke en objectieve "
            "aanwijzingen er zijn. Motiveer ze hier in minstens 20 tekens."
        )
    signalen: list[Signaal] = []
    for sid in invoer.signalen:
        try:
            s = signaaldeur.een(ctx, sid, naam="casus openen")
        except NietGevonden:
            fouten["signalen"] = f"Signaal {sid} bestaat niet of is niet van uw verband."
            continue
        try:
            controleer(SIGNAAL_OVERGANGEN, SignaalStatus(s.status), SignaalStatus.OMGEZET)
        except OngeldigeOvergang:
            fouten["signalen"] = (
                f"Signaal {sid} moet eerst in behandeling zijn "
                f"(nu: {SignaalStatus(s.status).label.lower()})."
            )
        signalen.append(s)
    gebruikers: list[Gebruiker] = []
    for naam in invoer.leden:
        g = beheer.gebruiker_op_naam(ctx.sessie, naam)
        if g is None:
            fouten["leden"] = f"Gebruiker '{naam}' bestaat niet."
        elif (melding := _geen_lid(ctx, w, actor.organisatie_id, g)) is not None:
            fouten["leden"] = melding
        else:
            gebruikers.append(g)
    if fouten:
        raise OngeldigeInvoer(fouten)
    nummer = opslag.volgend_nummer(ctx.sessie, Casus, "C")
    c = Casus(
        id=nummer,
        titel=invoer.titel,
        verband_id=actor.organisatie_id,
        doel=doel,
        aanwijzingen=invoer.aanwijzingen,
        status=CasusStatus.OPEN.value,
        aangemaakt_door=actor.gebruiker_id,
        aangemaakt_op=ctx.nu(),
        # The hub its signals are about; the first one that names one.
        mainport=next((s.mainport for s in signalen if s.mainport), None),
        thema=invoer.thema.value if invoer.thema else None,
    )
    beheer.bewaar(ctx.sessie, c)
    ids = {actor.gebruiker_id, *(g.id for g in gebruikers)}
    beheer.bewaar(
        ctx.sessie,
        *(CasusLid(casus_id=nummer, gebruiker_id=i) for i in sorted(ids)),
    )
    for s in signalen:
        s.status, s.casus_id, s.gewijzigd_op = SignaalStatus.OMGEZET.value, nummer, ctx.nu()
        s.reden = f"omgezet in casus {nummer}"
    ctx.audit("casus openen", casus=nummer, signalen=list(invoer.signalen))
    gebeurtenis(ctx, "casus_geopend", c, actor.organisatie_id, signalen=len(signalen))
    return CasusUit.model_validate(_casusregel(c))


def _casusregel(c: Casus) -> dict[str, object]:
    return {
        "id": c.id,
        "titel": c.titel,
        "verband": c.verband_id,
        "doel": c.doel,
        "status": c.status,
        "aangemaakt_op": c.aangemaakt_op,
        "mainport": c.mainport,
        "thema": c.thema,
    }


def leg_aanwijzingen_vast(ctx: Context, casus_id: str, invoer: Motivering) -> None:
    c = _casus(ctx, casus_id)
    _coordinator_van(c, ctx.ik)
    _open(c)
    c.aanwijzingen = invoer.motivering
    ctx.audit("aanwijzingen vastleggen", casus=casus_id)


def leg_thema_vast(ctx: Context, casus_id: str, invoer: ThemaIn) -> None:
    """The coordinator says what the case is about; the monitor counts cases per theme."""
    c = _casus(ctx, casus_id)
    _coordinator_van(c, ctx.ik)
    c.thema = invoer.thema.value
    ctx.audit("casusthema vastleggen", casus=casus_id, thema=invoer.thema.value)


def voeg_lid_toe(ctx: Context, casus_id: str, invoer: LidIn) -> None:
    c = _casus(ctx, casus_id)
    _coordinator_van(c, ctx.ik)
    _open(c)
    g = beheer.gebruiker_op_naam(ctx.sessie, invoer.gebruikersnaam)
    if g is None:
        raise OngeldigeInvoer(
            {"gebruikersnaam": f"Gebruiker '{invoer.gebruikersnaam}' bestaat niet."}
        )
    w = ctx.beslisser.register.werkwijze(c.verband_id)
    if w is not None and (melding := _geen_lid(ctx, w, c.verband_id, g)) is not None:
        raise OngeldigeInvoer({"gebruikersnaam": melding})
    rij = opslag.lidmaatschap(ctx.sessie, casus_id, g.id)
    if rij is None:
        beheer.bewaar(ctx.sessie, CasusLid(casus_id=casus_id, gebruiker_id=g.id))
    else:
        # Added again after lapsing: that is a confirmation.
        rij.bevestigd_op, rij.bevestigd_door = ctx.nu(), ctx.ik.gebruiker_id
    ctx.audit("lid toevoegen", casus=casus_id, lid=g.id)


def _geen_lid(ctx: Context, w: Werkwijze, verband_id: str, g: Gebruiker) -> str | None:
    """Why this person cannot be a member of the partnership's cases, if they cannot."""
    if w.leden_alleen_eigen and g.organisatie_id != verband_id:
        return (
            f"{g.naam} werkt niet bij {ctx.beslisser.register.naam(verband_id)}: alleen "
            "medewerkers van het verband worden lid van een casus."
        )
    return None


def kandidaat_leden(ctx: Context, casus_id: str) -> list[LidUit]:
    """Colleagues of the partnership who are not yet members (a choice, not a typed name)."""
    c = _casus(ctx, casus_id)
    _coordinator_van(c, ctx.ik)
    leden = {g.id for g in opslag.leden(ctx.sessie, casus_id, sinds=ctx.bevestigd_sinds())}
    return [_lid(g) for g in beheer.gebruikers_van(ctx.sessie, c.verband_id) if g.id not in leden]


def collega_s(ctx: Context) -> list[LidUit]:
    """Everyone in the actor's own organisation but the actor (members for a new case)."""
    return [
        _lid(g)
        for g in beheer.gebruikers_van(ctx.sessie, ctx.ik.organisatie_id)
        if g.id != ctx.ik.gebruiker_id
    ]


def _lid(g: Gebruiker) -> LidUit:
    return LidUit(
        gebruikersnaam=g.gebruikersnaam,
        naam=g.naam,
        organisatie=g.organisatie_id,
        rol=ROL_LABELS[Rol(g.rol)],
    )


def koppel_subject(ctx: Context, casus_id: str, invoer: SubjectIn) -> EntiteitUit:
    """Link an entity the member may see in this case (the check is a logged read)."""
    c = _casus(ctx, casus_id)
    _open(c)
    if not _is_lid(ctx, casus_id):
        raise GeenToegang("alleen leden van de casus koppelen subjecten")
    beeld = subjectdeur.koppel(ctx, Leesvraag(c.doel, casus_id), casus_id, invoer.entiteit_id)
    if beeld is None:
        raise GeenToegang("deze entiteit is in deze casus niet voor u zichtbaar")
    ctx.audit("subject koppelen", casus=casus_id, entiteit=invoer.entiteit_id)
    return EntiteitUit.van(beeld)


def sluit(ctx: Context, casus_id: str, invoer: Sluiten) -> None:
    """Close the case; with interventions still running only when the closer confirms it."""
    c = _casus(ctx, casus_id)
    _coordinator_van(c, ctx.ik)
    try:
        controleer(CASUS_OVERGANGEN, CasusStatus(c.status), CasusStatus.GESLOTEN)
    except OngeldigeOvergang as exc:
        raise Conflict(f"De casus kan niet worden gesloten: {exc}.") from exc
    lopend = [
        i
        for i in opslag.interventies_van_casus(ctx.sessie, casus_id)
        if i.status in (InterventieStatus.VOORGESTELD.value, InterventieStatus.IN_UITVOERING.value)
    ]
    if lopend and not invoer.open_interventies_bevestigd:
        raise OngeldigeInvoer(
            {
                "open_interventies_bevestigd": (
                    "Er loopt nog 1 interventie. Bevestig dat u de casus toch sluit, of wacht "
                    "tot de eigenaar haar heeft afgerond."
                    if len(lopend) == 1
                    else f"Er lopen nog {len(lopend)} interventies. Bevestig dat u de casus toch "
                    "sluit, of wacht tot de eigenaars ze hebben afgerond."
                )
            }
        )
    c.status, c.sluitreden, c.gesloten_op = CasusStatus.GESLOTEN.value, invoer.reden, ctx.nu()
    ctx.audit("casus sluiten", casus=casus_id, open_interventies=len(lopend))
    # Free-text reasons may name people; the monitor only gets the fact.
    gebeurtenis(ctx, "casus_gesloten", c, ctx.ik.organisatie_id)


def lijst(ctx: Context, filter_: CasusFilter | None = None) -> list[CasusUit]:
    """The cases the reader works on: a coordinator sees every case of the partnership, anyone
    else the cases they are a member of. Metadata only: no subject is read."""
    actor = ctx.ik
    f = filter_ or CasusFilter()
    eigen = {
        c.id: c
        for c in beheer.casussen_van_gebruiker(
            ctx.sessie, actor.gebruiker_id, sinds=ctx.bevestigd_sinds()
        )
    }
    if actor.rol is Rol.COORDINATOR:
        for c in opslag.casussen_van_verband(ctx.sessie, actor.organisatie_id):
            eigen.setdefault(c.id, c)
    uit = []
    for c in sorted(eigen.values(), key=lambda x: x.id, reverse=True):
        if f.status is not None and c.status != f.status.value:
            continue
        if f.zoekterm and f.zoekterm.lower() not in f"{c.id} {c.titel}".lower():
            continue
        uit.append(CasusUit.model_validate(_casusregel(c)))
    return uit


def kop(ctx: Context, casus_id: str) -> Casuskop:
    """The case for a page that acts on it: status, advice, interventions, what the reader may
    do. Reads no subject, so it needs no rule decision and leaves no log line."""
    c = _casus(ctx, casus_id)
    _lid_of_coordinator(ctx, c)
    return _kop(ctx, c)


def _kop(ctx: Context, c: Casus) -> Casuskop:
    advies = ctx.sessie.get(Advies, c.id)
    w = ctx.beslisser.register.werkwijze(c.verband_id)
    vorm = w.advies if w is not None else None
    return Casuskop(
        advies_naam=vorm.naam if vorm else None,
        advies_kort=vorm.kort if vorm else "advies",
        actie_naam=vorm.onderdeel if vorm else "Interventie",
        id=c.id,
        titel=c.titel,
        verband=c.verband_id,
        doel=c.doel,
        status=CasusStatus(c.status),
        aanwijzingen=c.aanwijzingen,
        sluitreden=c.sluitreden,
        aangemaakt_op=c.aangemaakt_op,
        gesloten_op=c.gesloten_op,
        mainport=Mainport(c.mainport) if c.mainport else None,
        thema=Casusthema(c.thema) if c.thema else None,
        advies=AdviesUit.van(advies) if advies else None,
        interventies=[
            InterventieUit.van(i) for i in opslag.interventies_van_casus(ctx.sessie, c.id)
        ],
        mag=Bevoegdheden(
            coordinator=_is_coordinator(c, ctx.ik),
            lid=_is_lid(ctx, c.id),
            wijzigen=c.status == CasusStatus.OPEN.value,
        ),
    )


def overzicht(ctx: Context, casus_id: str) -> Casusoverzicht:
    """The case page: members, subjects as far as the reader may see them, requests, advice,
    interventions and the timeline."""
    c = _casus(ctx, casus_id)
    _lid_of_coordinator(ctx, c)
    open_ = c.status == CasusStatus.OPEN.value
    vraag = Leesvraag(c.doel, casus_id if open_ else None)
    subjecten = subjectdeur.van_casus(ctx, vraag, casus_id)
    bijdragen: Counter[str] = Counter()
    for s in subjecten:
        if s.beeld is not None:
            bijdragen.update(h.bron for h in s.beeld.herkomst)
    verzoeken = opslag.deelverzoeken_van_casus(ctx.sessie, casus_id)
    advies = ctx.sessie.get(Advies, casus_id)
    antwoorden = {
        d.id: lev.verwerkt_op or lev.ontvangen_op
        for d in verzoeken
        if d.levering_id and (lev := leveringen.haal_levering(ctx.sessie, d.levering_id))
    }
    signalen_ = signaaldeur.van_casus(ctx, casus_id)
    # The page is one action: its audit record holds the signal lines of the timeline; the
    # subjects' reads have their own records ("entiteit lezen") in the same trace.
    ctx.audit("casus bekijken", "toegestaan", casus=casus_id, signalen=len(signalen_))
    return Casusoverzicht(
        **dict(_kop(ctx, c)),
        leden=[_lid(g) for g in opslag.leden(ctx.sessie, casus_id, sinds=ctx.bevestigd_sinds())],
        subjecten=[
            SubjectUit(
                entiteit_id=s.entity_id,
                schema_=s.schema,
                zichtbaar=s.beeld is not None,
                entiteit=EntiteitUit.van(s.beeld) if s.beeld else None,
            )
            for s in subjecten
        ],
        deelverzoeken=[DeelverzoekUit.van(d) for d in verzoeken],
        bijdragen=dict(bijdragen),
        tijdlijn=bouw_tijdlijn(
            ctx.beslisser,
            c,
            signalen_,
            subjecten,
            verzoeken,
            advies,
            opslag.gebeurtenissen_van_casus(ctx.sessie, casus_id),
            antwoorden,
        ),
    )
