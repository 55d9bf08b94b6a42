# SPDX-License-Identifier: EUPL-1.2
"""Notary to notary (AMLR art. 75, from 10 July 2027; letter 000 §1j): a notary records the
clients it refused or dropped for money-laundering, fraud or terrorist-financing risk, and asks
the other offices whether they did the same with a client in front of it.

Before the provision applies every question is refused with the reason and the date. After,
the rule still wants both offices' notification to their supervisor and their DPIA (recorded
here as facts), a stated strict necessity, and a notary on both sides. The answer names the
office, the kind, the reason and the date — never the office's own notes."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from integraal.casus.signalen import Kenmerk, KenmerkSoort, kenmerk_tekst, opgeslagen
from integraal.delen import Geweigerd
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Invoer, Uitvoer, Werkdatum, veld
from integraal.domein.poortwachters import Partnerschapsfeit, Weigeringsoort, Weigeringsreden
from integraal.opslag import beheer
from integraal.opslag import poortwachtercijfers as cijfers
from integraal.opslag import verbanden as nummering
from integraal.opslag.modellen import Notarisweigering
from integraal.opslag.modellen import Partnerschapsfeit as Feitrij
from integraal.toegang import poortwachters as deur
from integraal.verwerking import Context
from integraal.verwerking.dossier import niet_in_de_toekomst

KENMERKEN = frozenset({KenmerkSoort.BSN, KenmerkSoort.KVK, KenmerkSoort.RSIN})


class WeigeringIn(Invoer):
    soort: Weigeringsoort = veld("Wat deed u?")
    reden: Weigeringsreden = veld("Reden")
    op: Werkdatum = veld("Datum")
    client: str = veld("Naam van de cliënt", min_length=2, max_length=300)
    kenmerken: list[Kenmerk] = veld(
        "Kenmerken van de cliënt",
        hint="BSN, KvK-nummer of RSIN; minstens één. Andere notarissen vinden de cliënt hierop.",
        min_length=1,
        max_length=5,
    )
    toelichting: str = veld(
        "Toelichting voor uw kantoor",
        hint="Blijft bij uw kantoor; andere notarissen zien dit nooit.",
        min_length=10,
        max_length=5000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies of u de dienstverlening weigerde of de relatie beëindigde.",
        "reden": "Kies de reden.",
        "op": "Vul de datum in als dd-mm-jjjj.",
        "client": "Vul de naam van de cliënt in.",
        "kenmerken": "Noem minstens één kenmerk van de cliënt (BSN, KvK-nummer of RSIN).",
        "toelichting": "Licht in minstens 10 tekens toe voor uw eigen dossier.",
    }


class FeitIn(Invoer):
    soort: Partnerschapsfeit = veld("Wat legt u vast?")
    op: Werkdatum = veld("Datum")
    kenmerk: str = veld(
        "Kenmerk",
        hint="Het kenmerk van de melding of de versie van de DPIA.",
        min_length=2,
        max_length=120,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies de melding aan het BFT of de DPIA.",
        "op": "Vul de datum in als dd-mm-jjjj.",
        "kenmerk": "Vul het kenmerk in.",
    }


class NotarisvraagIn(Invoer):
    kenmerken: list[Kenmerk] = veld(
        "Kenmerken van de cliënt", hint="BSN, KvK-nummer of RSIN.", min_length=1, max_length=5
    )
    noodzaak: str = veld(
        "Waarom is dit strikt noodzakelijk?",
        hint="Voor welk cliëntenonderzoek u het vraagt (AMLR art. 75 lid 3).",
        min_length=20,
        max_length=2000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "kenmerken": "Noem minstens één kenmerk van de cliënt.",
        "noodzaak": "Motiveer in minstens 20 tekens waarom de vraag strikt noodzakelijk is.",
    }


class WeigeringUit(Uitvoer):
    id: str
    soort: Weigeringsoort
    reden: Weigeringsreden
    op: dt.date
    client: str
    kenmerken: list[str]
    toelichting: str


class Treffer(Uitvoer):
    """What another office learns: who, what, why, when. Not the client's name as that office
    wrote it, not its notes."""

    kantoor: str
    soort: Weigeringsoort
    reden: Weigeringsreden
    op: dt.date


class NotarisantwoordUit(Uitvoer):
    gevraagd_op: dt.datetime
    kantoren: int
    treffers: list[Treffer]


class FeitUit(Uitvoer):
    soort: Partnerschapsfeit
    op: dt.date
    kenmerk: str


def notaris(ctx: Context) -> None:
    if not deur.is_notaris(ctx):
        raise GeenToegang("alleen notarissen werken met weigeringen van notarissen")


def _kenmerken(kenmerken: list[Kenmerk]) -> None:
    if any(k.soort not in KENMERKEN for k in kenmerken):
        raise OngeldigeInvoer({"kenmerken": "Gebruik een BSN, KvK-nummer of RSIN."})


def leg_vast(ctx: Context, invoer: WeigeringIn) -> WeigeringUit:
    notaris(ctx)
    _kenmerken(invoer.kenmerken)
    niet_in_de_toekomst(ctx, op=invoer.op)
    w = Notarisweigering(
        id=nummering.volgend_nummer(ctx.sessie, Notarisweigering, "NW", ctx.nu().year),
        organisatie_id=ctx.ik.organisatie_id,
        soort=invoer.soort.value,
        reden=invoer.reden.value,
        op=invoer.op,
        client=invoer.client,
        kenmerken=opgeslagen(ctx.pseudoniem_sleutel, invoer.kenmerken),
        toelichting=invoer.toelichting,
        vastgelegd_door=ctx.ik.gebruiker_id,
        vastgelegd_op=ctx.nu(),
    )
    deur.leg_weigering_vast(ctx, w)
    beheer.bewaar(ctx.sessie, w)
    ctx.audit("weigering vastleggen", weigering=w.id)
    return _uit(w)


def _uit(w: Notarisweigering) -> WeigeringUit:
    return WeigeringUit(
        id=w.id,
        soort=Weigeringsoort(w.soort),
        reden=Weigeringsreden(w.reden),
        op=w.op,
        client=w.client,
        kenmerken=[kenmerk_tekst(k) for k in w.kenmerken],
        toelichting=w.toelichting,
    )


def eigen(ctx: Context) -> list[WeigeringUit]:
    notaris(ctx)
    return [_uit(w) for w in deur.eigen_weigeringen(ctx)]


def leg_feit_vast(ctx: Context, invoer: FeitIn) -> None:
    notaris(ctx)
    niet_in_de_toekomst(ctx, op=invoer.op)
    beheer.bewaar(
        ctx.sessie,
        Feitrij(
            organisatie_id=ctx.ik.organisatie_id,
            soort=invoer.soort.value,
            op=invoer.op,
            kenmerk=invoer.kenmerk,
            vastgelegd_door=ctx.ik.gebruiker_id,
            vastgelegd_op=ctx.nu(),
        ),
    )
    ctx.audit("partnerschapsfeit vastleggen", soort=invoer.soort.value)


def feiten(ctx: Context) -> list[FeitUit]:
    notaris(ctx)
    return [
        FeitUit(soort=Partnerschapsfeit(f.soort), op=f.op, kenmerk=f.kenmerk)
        for f in cijfers.feiten_van(ctx.sessie, ctx.ik.organisatie_id)
    ]


def vraag(ctx: Context, invoer: NotarisvraagIn) -> NotarisantwoordUit:
    """Ask the other offices. Every office is decided first; if none may answer, the refusal
    of the first explains why (before 10 July 2027: the date; after: what is missing)."""
    notaris(ctx)
    _kenmerken(invoer.kenmerken)
    besluiten = deur.notarisbesluiten(ctx, noodzaak=True)
    toegestaan = [(o, b) for o, b in besluiten if b.toegestaan]
    if not toegestaan:
        ctx.audit("notarissen raadplegen", "geweigerd", kantoren=len(besluiten))
        if besluiten:
            eerste = besluiten[0][1]
            if not eerste.niet_voldaan:
                # Not yet in force: explained for notaries in general, not for one office.
                eerste = ctx.beslis(van="notaris", categorie="amlr_cdd", doel="cdd_melding")
            raise Geweigerd(eerste, ctx.beslisser.catalogus, ctx.beslisser.register)
        raise OngeldigeInvoer({"": "Er zijn geen andere notariskantoren om te raadplegen."})
    waarden = {k["waarde"] for k in opgeslagen(ctx.pseudoniem_sleutel, invoer.kenmerken)}
    treffers = deur.weigeringen_elders(ctx, toegestaan, waarden)
    ctx.audit(
        "notarissen raadplegen",
        kantoren=len(toegestaan),
        geweigerd=len(besluiten) - len(toegestaan),
        treffers=len(treffers),
    )
    return NotarisantwoordUit(
        gevraagd_op=ctx.nu(),
        kantoren=len(toegestaan),
        treffers=[
            Treffer(
                kantoor=w.organisatie_id,
                soort=Weigeringsoort(w.soort),
                reden=Weigeringsreden(w.reden),
                op=w.op,
            )
            for w in treffers
        ],
    )
