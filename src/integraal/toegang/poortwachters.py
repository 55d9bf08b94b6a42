# SPDX-License-Identifier: EUPL-1.2
"""The door for gatekeepers and registers.

- A reporting institution provides a report to FIU-Nederland (WWFT-MOT) and reads back what it
  sent (WWFT-EIGEN-ADMINISTRATIE) — never what the FIU did with it: the readers here hand the
  reporter its own fields only, and the FIU's fields live on rows the reporter's readers never
  return.
- FIU analysts read reports and freezes under FIU-ANALYSE; a transaction declared suspicious
  goes to an investigation service under FIU-VT (the door declares `verdacht_verklaard` only
  for such a report), which reads it back under the same rule.
- A freeze goes to the institution under FIU-OPSCHORTING and, when the FIU names a
  vermogensdossier, to the service that keeps it (FIU-OPSCHORTING-BESLAG).
- A notary reads its own refusals (WWFT-EIGEN-ADMINISTRATIE) and other notaries' refusals only
  under AMLR-75, with the facts of both offices' partnership.
- The warning register: its keeper administers its entries (REGISTER-EIGEN-ADMINISTRATIE);
  entries come in from and hits go out to connected companies only with a valid permit of the
  Autoriteit Persoonsgegevens (WAARSCHUWINGSREGISTER-AP); without one PRIVAAT-ZWARTE-LIJST
  refuses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from integraal.delen import Besluit
from integraal.domein.fouten import GeenToegang
from integraal.domein.poortwachters import (
    Meldingstatus,
    Registratiecriterium,
    Registratiestatus,
    Vergunning,
    treft,
)
from integraal.domein.poortwachters import geldige_vergunning as _geldig
from integraal.domein.rollen import Rol
from integraal.opslag import beslag as beslagopslag
from integraal.opslag import poortwachtercijfers as cijfers
from integraal.opslag import poortwachters as opslag
from integraal.opslag.modellen import (
    Fiuverstrekking,
    Notarisweigering,
    Ongebruikelijketransactie,
    Opschorting,
    Registerraadpleging,
    Waarschuwingsregistratie,
)
from integraal.toegang.deur import (
    Betrokkene,
    Lezing,
    laat_door,
    laat_een_door,
    log_verstrekking,
    van_kenmerken,
)
from integraal.verwerking import Context

NIET_GEVONDEN = "dit bestaat niet of is niet voor u"
FIU = "fiu"
REGISTER = "waarschuwingsregister-logistiek"
VERDACHT = frozenset({"verdacht_verklaard"})
TERMIJN = frozenset({"binnen_opschortingstermijn"})


def soort(ctx: Context, org_id: str | None = None) -> str:
    """The kind of organisation (a report's sector is its reporter's kind)."""
    return ctx.beslisser.register.zoek(org_id or ctx.ik.organisatie_id).soort


def is_fiu(ctx: Context) -> bool:
    return soort(ctx) == "fiu" and ctx.ik.rol is Rol.ANALIST


def is_melder(ctx: Context) -> bool:
    """The reporting officer of an institution; at a notary's office the notary reports."""
    register = ctx.beslisser.register
    org = register.zoek(ctx.ik.organisatie_id)
    if "meldingsplichtige" not in register.groepen(org):
        return False
    return ctx.ik.rol is Rol.MELDER or (org.soort == "notaris" and ctx.ik.rol is Rol.NOTARIS)


def is_notaris(ctx: Context) -> bool:
    return soort(ctx) == "notaris" and ctx.ik.rol is Rol.NOTARIS


def is_screener(ctx: Context) -> bool:
    return soort(ctx) in ("havenbedrijf", "logistiek_bedrijf") and ctx.ik.rol is Rol.SCREENER


def is_registerprivacy(ctx: Context) -> bool:
    """The register's privacy officer: records the AP's permit (not the keeper, who would
    otherwise authorise itself)."""
    return soort(ctx) == "waarschuwingsregister" and ctx.ik.rol is Rol.PRIVACY_OFFICER


def is_registerbeheerder(ctx: Context) -> bool:
    return soort(ctx) == "waarschuwingsregister" and ctx.ik.rol is Rol.REGISTERBEHEERDER


def _melders(m: Ongebruikelijketransactie) -> tuple[Betrokkene, ...]:
    return van_kenmerken(m.kenmerken) or (Betrokkene(f"melding:{m.id}", "melding"),)


# --- Reports -------------------------------------------------------------------------------------


def ontvang_melding(ctx: Context, m: Ongebruikelijketransactie) -> Besluit:
    """The institution provides its report to the FIU: decided (WWFT-MOT, the indicator is
    part of every valid report) and logged per subject."""
    besluit = ctx.vereis(
        ctx.beslis(
            van=m.melder_id,
            aan=FIU,
            categorie="wwft_melding",
            doel="melding",
            feiten={"indicator_geraakt"},
        )
    )
    log_verstrekking(
        ctx,
        besluit,
        "melding verstrekken aan de FIU",
        m.melder_id,
        FIU,
        "wwft_melding",
        "melding",
        _melders(m),
    )
    return besluit


def eigen_meldingen(ctx: Context) -> list[Ongebruikelijketransactie]:
    """The reports an institution sent, for its list (no client in the list: no read)."""
    if not is_melder(ctx):
        return []
    return opslag.meldingen(ctx.sessie, ctx.ik.organisatie_id)


def eigen_melding(
    ctx: Context, melding_id: str, *, naam: str = "eigen melding lezen"
) -> Ongebruikelijketransactie:
    """What the institution sent, read back under its own administration."""
    m = opslag.melding(ctx.sessie, melding_id)
    if m is not None and (m.melder_id != ctx.ik.organisatie_id or not is_melder(ctx)):
        m = None
    org = ctx.ik.organisatie_id

    def lezing(x: Ongebruikelijketransactie) -> Lezing:
        besluit = ctx.beslis(
            van=org, aan=org, categorie="wwft_melding", doel="melding", uitleg=False
        )
        return Lezing(besluit, org, "wwft_melding", "melding", None, _melders(x))

    return laat_een_door(ctx, m, lezing, naam=naam, niet_gevonden=NIET_GEVONDEN, melding=melding_id)


def meldingen(ctx: Context) -> list[Ongebruikelijketransactie]:
    """Every report, for the FIU's list (sector, date, amount, status; no client: no read)."""
    return opslag.meldingen(ctx.sessie) if is_fiu(ctx) else []


def _fiu_lezing(ctx: Context, van: str, categorie: str) -> Besluit:
    return ctx.beslis(van=van, aan=FIU, categorie=categorie, doel="fiu_analyse", uitleg=False)


def melding(
    ctx: Context, melding_id: str, *, naam: str = "melding lezen"
) -> Ongebruikelijketransactie:
    """One report for an FIU analyst (FIU-ANALYSE); anyone else finds nothing."""
    m = opslag.melding(ctx.sessie, melding_id) if is_fiu(ctx) else None
    return laat_een_door(
        ctx,
        m,
        lambda x: Lezing(
            _fiu_lezing(ctx, x.melder_id, "wwft_melding"),
            x.melder_id,
            "wwft_melding",
            "fiu_analyse",
            None,
            _melders(x),
        ),
        naam=naam,
        niet_gevonden=NIET_GEVONDEN,
        melding=melding_id,
    )


def zelfde_client(ctx: Context, m: Ongebruikelijketransactie) -> list[Ongebruikelijketransactie]:
    """Other reports about one of this report's identifiers, for the analyst (each read is
    logged): the FIU's analysis starts from what else it holds on the client."""
    waarden = {k["waarde"] for k in m.kenmerken}
    if not waarden:
        return []
    andere = [
        x
        for x in opslag.meldingen(ctx.sessie)
        if x.id != m.id and waarden & {k["waarde"] for k in x.kenmerken}
    ]
    return laat_door(
        ctx,
        andere,
        lambda x: Lezing(
            _fiu_lezing(ctx, x.melder_id, "wwft_melding"),
            x.melder_id,
            "wwft_melding",
            "fiu_analyse",
            None,
            _melders(x),
        ),
        naam="melding lezen",
        audit=False,
    )


def verstrek(ctx: Context, m: Ongebruikelijketransactie, aan: str) -> Besluit:
    """A suspicious transaction to an investigation service (FIU-VT); refused with the
    explanation when the recipient or the status does not fit."""
    feiten = VERDACHT if m.status == Meldingstatus.VERDACHT.value else frozenset()
    besluit = ctx.vereis(
        ctx.beslis(
            van=FIU, aan=aan, categorie="verdachte_transactie", doel="opsporing", feiten=feiten
        )
    )
    log_verstrekking(
        ctx,
        besluit,
        "verdachte transactie verstrekken",
        FIU,
        aan,
        "verdachte_transactie",
        "opsporing",
        _melders(m),
    )
    return besluit


def _vt_lezing(ctx: Context, v: Fiuverstrekking, m: Ongebruikelijketransactie) -> Lezing:
    besluit = ctx.beslis(
        van=FIU,
        categorie="verdachte_transactie",
        doel="opsporing",
        feiten=VERDACHT if m.status == Meldingstatus.VERDACHT.value else frozenset(),
        uitleg=False,
    )
    return Lezing(besluit, FIU, "verdachte_transactie", "opsporing", None, _melders(m))


def is_vt_lezer(ctx: Context) -> bool:
    """Within a receiving service, its analysts read what the FIU provided (need to know;
    an officer or investigator gets it from them for a case)."""
    return soort(ctx) in ("politie", "fiod", "kmar", "om") and ctx.ik.rol is Rol.ANALIST


def ontvangen(ctx: Context) -> list[tuple[Fiuverstrekking, Ongebruikelijketransactie]]:
    """What the FIU provided to the reader's service, each read logged."""
    if not is_vt_lezer(ctx):
        return []
    paren = []
    for v in opslag.verstrekkingen(ctx.sessie, aan_id=ctx.ik.organisatie_id):
        m = opslag.melding(ctx.sessie, v.melding_id)
        if m is not None:
            paren.append((v, m))
    return laat_door(ctx, paren, lambda p: _vt_lezing(ctx, *p), naam="verdachte transacties lezen")


def ontvangen_een(
    ctx: Context, verstrekking_id: str
) -> tuple[Fiuverstrekking, Ongebruikelijketransactie]:
    v = opslag.verstrekking(ctx.sessie, verstrekking_id)
    paar = None
    if v is not None and v.aan_id == ctx.ik.organisatie_id and is_vt_lezer(ctx):
        m = opslag.melding(ctx.sessie, v.melding_id)
        paar = (v, m) if m is not None else None
    return laat_een_door(
        ctx,
        paar,
        lambda p: _vt_lezing(ctx, *p),
        naam="verdachte transactie lezen",
        niet_gevonden=NIET_GEVONDEN,
        verstrekking=verstrekking_id,
    )


def verstrekkingen_van(ctx: Context, melding_id: str) -> list[Fiuverstrekking]:
    """The FIU's own record of where a report went (no person on the row)."""
    return opslag.verstrekkingen(ctx.sessie, melding_id=melding_id) if is_fiu(ctx) else []


# --- Freezes -------------------------------------------------------------------------------------


def _opschorting_wie(ctx: Context, o: Opschorting) -> tuple[Betrokkene, ...]:
    m = opslag.melding(ctx.sessie, o.melding_id) if o.melding_id else None
    return _melders(m) if m is not None else (Betrokkene(f"opschorting:{o.id}", "transactie"),)


def verzoek_opschorting(ctx: Context, o: Opschorting) -> Besluit:
    """The FIU asks the institution to suspend a transaction (FIU-OPSCHORTING; the domain
    has bounded the term before this is asked)."""
    besluit = ctx.vereis(
        ctx.beslis(
            van=FIU,
            aan=o.instelling_id,
            categorie="transactie_ref",
            doel="opschorting",
            feiten=TERMIJN,
        )
    )
    log_verstrekking(
        ctx,
        besluit,
        "opschorting verzoeken",
        FIU,
        o.instelling_id,
        "transactie_ref",
        "opschorting",
        _opschorting_wie(ctx, o),
    )
    return besluit


def dossier_bestaat(ctx: Context, dossier_id: str) -> str | None:
    """The organisation keeping a vermogensdossier the FIU was given the number of (no
    content is read: the FIU only links its freeze to it)."""
    d = beslagopslag.dossier(ctx.sessie, dossier_id)
    return d.organisatie_id if d is not None else None


def meld_aan_dossier(ctx: Context, o: Opschorting, aan: str) -> Besluit:
    besluit = ctx.vereis(
        ctx.beslis(van=FIU, aan=aan, categorie="transactie_ref", doel="afpakken", feiten=TERMIJN)
    )
    log_verstrekking(
        ctx,
        besluit,
        "opschorting melden aan vermogensdossier",
        FIU,
        aan,
        "transactie_ref",
        "afpakken",
        _opschorting_wie(ctx, o),
    )
    return besluit


def opschorting(
    ctx: Context, opschorting_id: str, *, naam: str = "opschorting lezen"
) -> Opschorting:
    """The FIU reads its freezes (FIU-ANALYSE); the institution the requests addressed to it
    (FIU-OPSCHORTING). Anyone else finds nothing."""
    o = opslag.opschorting(ctx.sessie, opschorting_id)
    fiu = is_fiu(ctx)
    if (
        o is not None
        and not fiu
        and not (o.instelling_id == ctx.ik.organisatie_id and is_melder(ctx))
    ):
        o = None

    def lezing(x: Opschorting) -> Lezing:
        if fiu:
            return Lezing(
                _fiu_lezing(ctx, FIU, "transactie_ref"),
                FIU,
                "transactie_ref",
                "fiu_analyse",
                None,
                _opschorting_wie(ctx, x),
            )
        besluit = ctx.beslis(
            van=FIU,
            categorie="transactie_ref",
            doel="opschorting",
            feiten=TERMIJN,
            uitleg=False,
        )
        return Lezing(besluit, FIU, "transactie_ref", "opschorting", None, _opschorting_wie(ctx, x))

    return laat_een_door(
        ctx, o, lezing, naam=naam, niet_gevonden=NIET_GEVONDEN, opschorting=opschorting_id
    )


def opschortingen(ctx: Context) -> list[Opschorting]:
    """For the list: the FIU's all, an institution's own (a reference and an amount; no
    client: no read)."""
    if is_fiu(ctx):
        return opslag.opschortingen(ctx.sessie)
    if is_melder(ctx):
        return opslag.opschortingen(ctx.sessie, ctx.ik.organisatie_id)
    return []


def opschortingen_bij_dossier(ctx: Context, dossier_id: str, dienst: str) -> list[Opschorting]:
    """Freezes the FIU linked to a vermogensdossier, for the service keeping it (the caller
    read the dossier through its own door): FIU-OPSCHORTING-BESLAG, logged."""
    return laat_door(
        ctx,
        opslag.opschortingen_bij_dossier(ctx.sessie, dossier_id),
        lambda x: Lezing(
            ctx.beslis(
                van=FIU,
                aan=dienst,
                categorie="transactie_ref",
                doel="afpakken",
                feiten=TERMIJN,
                uitleg=False,
            ),
            FIU,
            "transactie_ref",
            "afpakken",
            None,
            _opschorting_wie(ctx, x),
        ),
        naam="opschortingen bij vermogensdossier lezen",
        audit=False,
        dossier=dossier_id,
    )


# --- Notaries ------------------------------------------------------------------------------------


def leg_weigering_vast(ctx: Context, w: Notarisweigering) -> None:
    org = ctx.ik.organisatie_id
    besluit = ctx.vereis(ctx.beslis(van=org, aan=org, categorie="amlr_cdd", doel="cdd_melding"))
    log_verstrekking(
        ctx,
        besluit,
        "weigering vastleggen",
        org,
        org,
        "amlr_cdd",
        "cdd_melding",
        van_kenmerken(w.kenmerken),
    )


def eigen_weigeringen(ctx: Context) -> list[Notarisweigering]:
    """The office's own refusals, each client read logged."""
    if not is_notaris(ctx):
        return []
    org = ctx.ik.organisatie_id
    besluit = ctx.beslis(van=org, aan=org, categorie="amlr_cdd", doel="cdd_melding", uitleg=False)
    return laat_door(
        ctx,
        opslag.weigeringen(ctx.sessie, org),
        lambda w: Lezing(besluit, org, "amlr_cdd", "cdd_melding", None, van_kenmerken(w.kenmerken)),
        naam="eigen weigeringen lezen",
    )


def partnerschapsfeiten(ctx: Context, org_id: str, dag: dt.date) -> frozenset[str]:
    return cijfers.partnerschapsfeiten(ctx.sessie, org_id, dag)


def notarisbesluiten(ctx: Context, noodzaak: bool) -> list[tuple[str, Besluit]]:
    """AMLR-75 decided for every other notary's office in the register, before anything is
    matched (so the pattern of decisions tells nothing about hits)."""
    ik = ctx.ik.organisatie_id
    dag = ctx.nu().date()
    eigen = partnerschapsfeiten(ctx, ik, dag)
    uit = []
    for o in ctx.beslisser.register.organisaties:
        if o.soort != "notaris" or o.id == ik:
            continue
        feiten = set(eigen & partnerschapsfeiten(ctx, o.id, dag))
        if noodzaak:
            feiten.add("strikt_noodzakelijk")
        uit.append(
            (o.id, ctx.beslis(van=o.id, categorie="amlr_cdd", doel="cdd_melding", feiten=feiten))
        )
    return uit


def weigeringen_elders(
    ctx: Context, toegestaan: Iterable[tuple[str, Besluit]], waarden: set[str]
) -> list[Notarisweigering]:
    """Refusals at the allowed offices about one of these identifiers, each logged."""
    besluiten = dict(toegestaan)
    treffers = [
        w
        for w in opslag.weigeringen(ctx.sessie)
        if w.organisatie_id in besluiten and waarden & {k["waarde"] for k in w.kenmerken}
    ]
    return laat_door(
        ctx,
        treffers,
        lambda w: Lezing(
            besluiten[w.organisatie_id],
            w.organisatie_id,
            "amlr_cdd",
            "cdd_melding",
            None,
            van_kenmerken(w.kenmerken),
        ),
        naam="notarissen raadplegen",
        audit=False,
    )


# --- The warning register ------------------------------------------------------------------------


def vergunningen(ctx: Context, register_id: str = REGISTER) -> list[Vergunning]:
    return cijfers.vergunningen(ctx.sessie, register_id)


def geldige_vergunning(ctx: Context, register_id: str = REGISTER) -> Vergunning | None:
    return _geldig(vergunningen(ctx, register_id), ctx.nu().date())


def aangesloten(ctx: Context, org_id: str, register_id: str = REGISTER) -> bool:
    return cijfers.aangesloten(ctx.sessie, register_id, org_id, ctx.nu().date())


def _registerfeiten(
    ctx: Context, ander: str, criterium: Registratiecriterium | None, register_id: str
) -> frozenset[str]:
    feiten = set()
    v = geldige_vergunning(ctx, register_id)
    if v is not None and (criterium is None or criterium in v.criteria):
        feiten.add("ap_vergunning_geldig")
    if aangesloten(ctx, ander, register_id):
        feiten.add("aangesloten_bij_register")
    return frozenset(feiten)


def register_betrokkene(sleutel: str) -> Betrokkene:
    return Betrokkene(sleutel, "naam-en-geboortedatum-pseudoniem")


def schrijf_in(ctx: Context, r: Waarschuwingsregistratie) -> Besluit:
    """A connected company's report becomes an entry: WAARSCHUWINGSREGISTER-AP with a valid
    permit covering the criterion; without it PRIVAAT-ZWARTE-LIJST refuses."""
    besluit = ctx.beslis(
        van=r.aangemeld_door,
        aan=r.register_id,
        categorie="waarschuwingsregistratie",
        doel="weren",
        feiten=_registerfeiten(
            ctx, r.aangemeld_door, Registratiecriterium(r.criterium), r.register_id
        ),
    )
    if not besluit.toegestaan:
        ctx.audit("registratie inschrijven", "geweigerd", regel=besluit.regel_id)
    ctx.vereis(besluit)
    log_verstrekking(
        ctx,
        besluit,
        "registratie inschrijven",
        r.aangemeld_door,
        r.register_id,
        "waarschuwingsregistratie",
        "weren",
        (register_betrokkene(r.sleutel),),
    )
    return besluit


def _beheer(ctx: Context, doel: str) -> Besluit:
    org = ctx.ik.organisatie_id
    return ctx.beslis(
        van=org, aan=org, categorie="waarschuwingsregistratie", doel=doel, uitleg=False
    )


def registraties(
    ctx: Context, *, naam: str = "registraties lezen", audit: bool = True
) -> list[Waarschuwingsregistratie]:
    """The keeper's list, each person read logged."""
    if not is_registerbeheerder(ctx):
        return []
    besluit = _beheer(ctx, "weren")
    return laat_door(
        ctx,
        opslag.registraties(ctx.sessie, ctx.ik.organisatie_id),
        lambda r: Lezing(
            besluit,
            r.register_id,
            "waarschuwingsregistratie",
            "weren",
            None,
            (register_betrokkene(r.sleutel),),
        ),
        naam=naam,
        audit=audit,
    )


def registratie(
    ctx: Context, registratie_id: str, *, naam: str = "registratie lezen", doel: str = "weren"
) -> Waarschuwingsregistratie:
    r = opslag.registratie(ctx.sessie, registratie_id) if is_registerbeheerder(ctx) else None
    if r is not None and r.register_id != ctx.ik.organisatie_id:
        r = None
    return laat_een_door(
        ctx,
        r,
        lambda x: Lezing(
            _beheer(ctx, doel),
            x.register_id,
            "waarschuwingsregistratie",
            doel,
            None,
            (register_betrokkene(x.sleutel),),
        ),
        naam=naam,
        niet_gevonden=NIET_GEVONDEN,
        registratie=registratie_id,
    )


def raadplegingen(ctx: Context, r: Waarschuwingsregistratie) -> list[Registerraadpleging]:
    """Who looked the person up (for the keeper, read with the entry it belongs to)."""
    return opslag.raadplegingen(ctx.sessie, r.id)


def raadpleeg(
    ctx: Context, sleutel: str, register_id: str = REGISTER
) -> list[Waarschuwingsregistratie]:
    """A connected company's lookup: decided (refused without a valid permit, with the
    article), logged for the person looked up, recorded; the entries it hits (the caller
    answers only hit or no hit)."""
    org = ctx.ik.organisatie_id
    besluit = ctx.beslis(
        van=register_id,
        categorie="waarschuwingstreffer",
        doel="weren",
        feiten=_registerfeiten(ctx, org, None, register_id),
    )
    if not besluit.toegestaan:
        # Kept after the rollback: who tried to read a warning list without a basis.
        ctx.audit("waarschuwingsregister raadplegen", "geweigerd", regel=besluit.regel_id)
    ctx.vereis(besluit)
    dag = ctx.nu().date()
    geraakt = [
        r
        for r in opslag.registraties(ctx.sessie, register_id, sleutel=sleutel)
        if treft(Registratiestatus(r.status), r.einde, dag)
    ]
    log_verstrekking(
        ctx,
        besluit,
        "waarschuwingsregister raadplegen",
        register_id,
        org,
        "waarschuwingstreffer",
        "weren",
        (register_betrokkene(sleutel),),
    )
    ctx.sessie.add_all(
        [
            Registerraadpleging(
                register_id=register_id,
                organisatie_id=org,
                registratie_id=r.id,
                treffer=True,
                op=ctx.nu(),
            )
            for r in geraakt
        ]
        or [
            Registerraadpleging(
                register_id=register_id,
                organisatie_id=org,
                registratie_id=None,
                treffer=False,
                op=ctx.nu(),
            )
        ]
    )
    ctx.sessie.flush()
    return geraakt


def registerbesluit_zonder_vergunning(ctx: Context) -> Besluit | None:
    """For the keeper's page: why nothing can be provided now (None when a permit holds)."""
    if geldige_vergunning(ctx) is not None:
        return None
    # As a connected company would be answered (the first one in the register).
    bedrijf = next(
        (o.id for o in ctx.beslisser.register.organisaties if o.soort == "logistiek_bedrijf"),
        REGISTER,
    )
    return ctx.beslis(
        van=REGISTER,
        aan=bedrijf,
        categorie="waarschuwingstreffer",
        doel="weren",
        feiten={"aangesloten_bij_register"},
    )


def toegang_melder(ctx: Context) -> None:
    if not is_melder(ctx):
        raise GeenToegang(
            "alleen de meldingsverantwoordelijke van een meldingsplichtige instelling meldt"
        )
