# SPDX-License-Identifier: EUPL-1.2
"""The door for signals: only the roles the receiving partnership's werkwijze names (analysts
and coordinators) read them, after the rule decision, and every signal read is a log line about
whom it names. The purpose is the partnership's own (a RIEC's integrale aanpak, a Zorg- en
Veiligheidshuis's complexe casus)."""

from __future__ import annotations

from integraal.delen import Besluit
from integraal.delen.model import Werkwijze
from integraal.domein.casus import MAG_SIGNAAL_BEOORDELEN
from integraal.domein.fouten import GeenToegang, NietGevonden
from integraal.opslag import signalen as opslag
from integraal.opslag.modellen import Signaal
from integraal.toegang import afscherming
from integraal.toegang.deur import Betrokkene, Lezing, laat_door, laat_een_door
from integraal.verwerking import Context

# The purpose of a signal to a RIEC or the LIEC; other partnerships name their own.
DOEL = "integrale_aanpak"
CATEGORIE = "signaal"
NIET_GEVONDEN = "dit signaal bestaat niet of is niet van uw verband"


def betrokkenen(s: Signaal) -> tuple[Betrokkene, ...]:
    """The people a signal names, as the log knows them (the BSN is stored as a pseudonym)."""
    return tuple(
        Betrokkene(k["waarde"], "BSN-pseudoniem") for k in s.kenmerken if k["soort"] == "bsn"
    )


def werkwijze(ctx: Context, verband_id: str) -> Werkwijze | None:
    return ctx.beslisser.register.werkwijze(verband_id)


def doel(ctx: Context, verband_id: str) -> str:
    """The purpose signals to this partnership serve."""
    w = werkwijze(ctx, verband_id)
    return w.doel if w is not None else DOEL


def _besluit(ctx: Context, verband_id: str) -> Besluit:
    w = werkwijze(ctx, verband_id)
    mag = frozenset(w.beoordelen) if w is not None else MAG_SIGNAAL_BEOORDELEN
    if ctx.ik.rol not in mag:
        # Need-to-know inside the partnership: triage is the analysts' and coordinators' work.
        raise GeenToegang("signalen zijn alleen te zien voor analisten en coördinatoren")
    besluit = ctx.beslis(van=verband_id, categorie=CATEGORIE, doel=doel(ctx, verband_id))
    if not besluit.toegestaan:
        raise GeenToegang("signalen zijn alleen te zien voor medewerkers van het verband")
    return besluit


def _per_signaal(ctx: Context, besluit: Besluit, s: Signaal) -> Lezing:
    return Lezing(
        besluit, s.verband_id, CATEGORIE, doel(ctx, s.verband_id), s.casus_id, betrokkenen(s)
    )


# Identifiers that say where someone lives: left out of a list when the signal names a
# shielded person (issue 20); opening the signal itself asks for a reason.
ADRESKENMERKEN = frozenset({"postcode", "bag"})


def van_verband(ctx: Context) -> list[Signaal]:
    """The signals to the reader's own partnership, newest first."""
    verband = ctx.ik.organisatie_id
    besluit = _besluit(ctx, verband)
    gelezen = laat_door(
        ctx,
        opslag.van_verband(ctx.sessie, verband),
        lambda s: _per_signaal(ctx, besluit, s),
        naam="signaal lezen",
    )
    schermen = afscherming.afgeschermd(ctx, (b.id for s in gelezen for b in betrokkenen(s)))
    for s in gelezen:
        if any(b.id in schermen for b in betrokkenen(s)):
            # Detached first: what the list leaves out must not be written back.
            ctx.sessie.expunge(s)
            s.kenmerken = [k for k in s.kenmerken if k.get("soort") not in ADRESKENMERKEN]
    return gelezen


def een(ctx: Context, signaal_id: str, *, naam: str = "signaal lezen") -> Signaal:
    """One signal of the reader's partnership (to show, judge or turn into a case)."""
    s = opslag.signaal(ctx.sessie, signaal_id)
    if s is None or s.verband_id != ctx.ik.organisatie_id:
        ctx.audit(naam, "niet gevonden", signaal=signaal_id)
        raise NietGevonden(NIET_GEVONDEN)
    besluit = _besluit(ctx, s.verband_id)
    return laat_een_door(
        ctx,
        s,
        lambda x: _per_signaal(ctx, besluit, x),
        naam=naam,
        niet_gevonden=NIET_GEVONDEN,
        signaal=signaal_id,
    )


def van_casus(ctx: Context, casus_id: str) -> list[Signaal]:
    """The signals a case came from, for its timeline: only for whom the rules allow it."""
    besluiten: dict[str, Besluit] = {}

    def lezing(s: Signaal) -> Lezing:
        if s.verband_id not in besluiten:
            besluiten[s.verband_id] = ctx.beslis(
                van=s.verband_id, categorie=CATEGORIE, doel=doel(ctx, s.verband_id)
            )
        return _per_signaal(ctx, besluiten[s.verband_id], s)

    return laat_door(
        ctx,
        opslag.van_casus(ctx.sessie, casus_id),
        lezing,
        naam="signaal lezen",
        audit=False,
    )
