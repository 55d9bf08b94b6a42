# SPDX-License-Identifier: EUPL-1.2
"""Storage of organisations, users, tokens and the case context rules need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from integraal.opslag import partities
from integraal.opslag.db import invoeging, om_de_beurt
from integraal.opslag.modellen import (
    Casus,
    CasusLid,
    Catalogusversie,
    Gebruiker,
    Organisatie,
    Registerversie,
    SsoAanvraag,
    Token,
    Uitnodiging,
    Websessie,
)


def synchroniseer_organisaties(sessie: Session, orgs: Iterable[Organisatie]) -> int:
    """Bring the table in line with the partner register (the register is the source). One
    upsert, so app processes starting together do not both insert the same organisation."""
    rijen = [{"id": o.id, "naam": o.naam, "soort": o.soort, "regio": o.regio} for o in orgs]
    if rijen:
        # One process at a time, first thing in its transaction: the upsert and the new
        # organisations' partitions (DDL on `statement`, whose foreign keys name
        # `organisatie`) of processes starting together once failed one of them in a full
        # test run.
        om_de_beurt(sessie, "organisaties")
        opdracht = invoeging(sessie, Organisatie)
        sessie.execute(
            opdracht.on_conflict_do_update(
                index_elements=["id"],
                set_={k: opdracht.excluded[k] for k in ("naam", "soort", "regio")},
            ),
            rijen,
        )
        partities.maak(sessie, [str(r["id"]) for r in rijen])
    return len(rijen)


def wachtende_voorstellen(
    sessie: Session, model: type[Catalogusversie] | type[Registerversie], niet_van: int | None
) -> int:
    """Proposed versions of a document (the catalogue, the register) not proposed by
    `niet_van`: what waits for that privacy officer. Counted, not loaded (a start page)."""
    voorwaarde = model.status == "voorgesteld"
    if niet_van is not None:
        voorwaarde &= model.voorgesteld_door.is_distinct_from(niet_van)
    return int(sessie.scalar(select(func.count()).select_from(model).where(voorwaarde)) or 0)


def organisaties(sessie: Session) -> list[Organisatie]:
    return list(sessie.scalars(select(Organisatie).order_by(Organisatie.naam)))


def gebruiker_op_naam(sessie: Session, gebruikersnaam: str) -> Gebruiker | None:
    return sessie.scalars(
        select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam)
    ).one_or_none()


def gebruiker(sessie: Session, gebruiker_id: int) -> Gebruiker | None:
    return sessie.get(Gebruiker, gebruiker_id)


def ingelogd(sessie: Session, gebruiker_id: int, nu: dt.datetime) -> None:
    """When an account last signed in (shown to its organisation's beheerder)."""
    sessie.execute(update(Gebruiker).where(Gebruiker.id == gebruiker_id).values(laatst_ingelogd=nu))


def gebruiker_extern(sessie: Session, uitgever: str, extern_id: str) -> Gebruiker | None:
    """The account that signs in at `uitgever` (an identity provider) as `extern_id`."""
    return sessie.scalars(
        select(Gebruiker).where(
            Gebruiker.extern_uitgever == uitgever, Gebruiker.extern_id == extern_id
        )
    ).one_or_none()


def bewaar_sso_aanvraag(sessie: Session, aanvraag: SsoAanvraag) -> None:
    # Sign-ins never answered are cleared as new ones start.
    grens = aanvraag.verloopt_op - dt.timedelta(hours=1)
    sessie.execute(delete(SsoAanvraag).where(SsoAanvraag.verloopt_op < grens))
    sessie.add(aanvraag)


def neem_sso_aanvraag(sessie: Session, staat: str) -> SsoAanvraag | None:
    """The sign-in sent with `staat`, removed as it is taken: an answer is used once."""
    aanvraag = sessie.get(SsoAanvraag, staat)
    if aanvraag is not None:
        sessie.delete(aanvraag)
        sessie.flush()
    return aanvraag


def gebruikers(sessie: Session) -> list[Gebruiker]:
    return list(sessie.scalars(select(Gebruiker).order_by(Gebruiker.gebruikersnaam)))


def gebruikers_van(sessie: Session, organisatie_id: str) -> list[Gebruiker]:
    return list(
        sessie.scalars(
            select(Gebruiker)
            .where(Gebruiker.organisatie_id == organisatie_id, Gebruiker.actief.is_(True))
            .order_by(Gebruiker.naam)
        )
    )


def bewaar(sessie: Session, *objecten: object) -> None:
    sessie.add_all(objecten)
    sessie.flush()


def token_op_hash(sessie: Session, token_hash: str, nu: dt.datetime) -> Token | None:
    return sessie.scalars(
        select(Token).where(Token.token_hash == token_hash, Token.verloopt_op > nu)
    ).one_or_none()


def verwijder_verlopen_tokens(sessie: Session, nu: dt.datetime) -> None:
    sessie.execute(delete(Token).where(Token.verloopt_op <= nu))


def casus(sessie: Session, casus_id: str) -> Casus | None:
    return sessie.get(Casus, casus_id)


def casus_leden(sessie: Session, casus_id: str, *, sinds: dt.datetime) -> frozenset[int]:
    """Members confirmed since `sinds`; an unconfirmed membership has lapsed (access review)."""
    return frozenset(
        sessie.scalars(
            select(CasusLid.gebruiker_id).where(
                CasusLid.casus_id == casus_id, CasusLid.bevestigd_op >= sinds
            )
        )
    )


def casussen_van_gebruiker(
    sessie: Session, gebruiker_id: int, *, sinds: dt.datetime
) -> list[Casus]:
    return list(
        sessie.scalars(
            select(Casus)
            .join(CasusLid, CasusLid.casus_id == Casus.id)
            .where(CasusLid.gebruiker_id == gebruiker_id, CasusLid.bevestigd_op >= sinds)
            .order_by(Casus.id)
        )
    )


def lidmaatschappen_van(
    sessie: Session, organisatie_id: str
) -> list[tuple[CasusLid, Gebruiker, Casus]]:
    """Every case membership of the organisation's users, lapsed ones included."""
    rijen = sessie.execute(
        select(CasusLid, Gebruiker, Casus)
        .join(Gebruiker, Gebruiker.id == CasusLid.gebruiker_id)
        .join(Casus, Casus.id == CasusLid.casus_id)
        .where(Gebruiker.organisatie_id == organisatie_id)
        .order_by(CasusLid.bevestigd_op, Gebruiker.naam, Casus.id)
    )
    return [(lid, g, c) for lid, g, c in rijen]


def verwijder_lidmaatschap(sessie: Session, lid: CasusLid) -> None:
    sessie.delete(lid)
    sessie.flush()


def vervang_uitnodiging(sessie: Session, uitnodiging: Uitnodiging) -> None:
    """A new invitation for an account; an earlier one not used yet stops working."""
    sessie.execute(
        delete(Uitnodiging).where(
            Uitnodiging.gebruiker_id == uitnodiging.gebruiker_id,
            Uitnodiging.gebruikt_op.is_(None),
        )
    )
    sessie.add(uitnodiging)


def uitnodiging(sessie: Session, token_hash: str) -> Uitnodiging | None:
    return sessie.get(Uitnodiging, token_hash)


def beeindig_sessies_en_tokens(sessie: Session, gebruiker_id: int) -> int:
    """End every web session and API token of an account at once; returns how many."""
    n = 0
    for tabel in (Websessie, Token):
        uitkomst = sessie.execute(delete(tabel).where(tabel.gebruiker_id == gebruiker_id))
        n += int(getattr(uitkomst, "rowcount", 0) or 0)
    return n
