# SPDX-License-Identifier: EUPL-1.2
"""Storage of the monitor: structure, indicators, documents with full-text search, financial
tables, motions and commitments. Nothing here holds personal data of citizens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from integraal.domein.zoektaal import termen
from integraal.opslag.db import sleutel_past
from integraal.opslag.modellen import (
    Beslagobject,
    Casus,
    Deelopgave,
    Deelverzoek,
    Document,
    Documentverwijzing,
    Financieelrij,
    Financieeltabel,
    Gebeurtenis,
    Gebied,
    Gebiedscijfer,
    Indicator,
    Kameropdracht,
    Levering,
    Lijnlabel,
    Maatregel,
    MonitorLijn,
    Observatie,
    Passage,
    Signaal,
    Voetnoot,
)


def lijnen(sessie: Session) -> Sequence[MonitorLijn]:
    return sessie.scalars(select(MonitorLijn).order_by(MonitorLijn.volgorde)).all()


def lijnlabels(sessie: Session) -> Sequence[Lijnlabel]:
    return sessie.scalars(select(Lijnlabel).order_by(Lijnlabel.lijn_code, Lijnlabel.id)).all()


def deelopgaven(sessie: Session) -> Sequence[Deelopgave]:
    return sessie.scalars(select(Deelopgave).order_by(Deelopgave.volgorde)).all()


def maatregelen(sessie: Session) -> Sequence[Maatregel]:
    return sessie.scalars(select(Maatregel).order_by(Maatregel.deelopgave_code, Maatregel.id)).all()


def maatregel(sessie: Session, maatregel_id: int) -> Maatregel | None:
    return sessie.get(Maatregel, maatregel_id) if sleutel_past(maatregel_id) else None


def indicatoren(sessie: Session) -> Sequence[Indicator]:
    return sessie.scalars(select(Indicator).order_by(Indicator.lijn_code, Indicator.code)).all()


def indicator(sessie: Session, code: str) -> Indicator | None:
    return sessie.get(Indicator, code)


def observaties(sessie: Session, code: str | None = None) -> Sequence[Observatie]:
    q = select(Observatie).order_by(Observatie.id)
    if code is not None:
        q = q.where(Observatie.indicator_code == code)
    return sessie.scalars(q).all()


def gebeurtenissen(sessie: Session, soorten: Sequence[str]) -> Sequence[Gebeurtenis]:
    return sessie.scalars(
        select(Gebeurtenis).where(Gebeurtenis.soort.in_(soorten)).order_by(Gebeurtenis.id)
    ).all()


def casusindeling(sessie: Session) -> dict[str, tuple[str, str | None]]:
    """Per case its partnership and theme: what the monitor's breakdowns group by."""
    return {
        i: (v, t) for i, v, t in sessie.execute(select(Casus.id, Casus.verband_id, Casus.thema))
    }


def signaal_tot_casus(sessie: Session) -> list[tuple[dt.datetime, dt.datetime, str]]:
    """(signal received, case opened, case) for every signal that became a case."""
    rijen = sessie.execute(
        select(Signaal.aangemaakt_op, Casus.aangemaakt_op, Casus.id).join(
            Casus, Casus.id == Signaal.casus_id
        )
    )
    return [(s, c, i) for s, c, i in rijen]


def deelverzoek_antwoorden(sessie: Session) -> list[tuple[dt.datetime, dt.datetime, str]]:
    """(asked, answered, case) for every request answered: by a delivery, or a partner's no."""
    geleverd = sessie.execute(
        select(Deelverzoek.aangevraagd_op, Levering.ontvangen_op, Deelverzoek.casus_id)
        .join(Levering, Levering.id == Deelverzoek.levering_id)
        .where(Deelverzoek.status == "beantwoord")
    )
    afgewezen = sessie.execute(
        select(Deelverzoek.aangevraagd_op, Deelverzoek.beoordeeld_op, Deelverzoek.casus_id).where(
            Deelverzoek.status == "afgewezen", Deelverzoek.beoordeeld_op.is_not(None)
        )
    )
    return [(a, b, c) for a, b, c in [*geleverd, *afgewezen] if b is not None]


def beslag_casussen(sessie: Session) -> dict[str, str | None]:
    """Per seized object the case it was seized in, if any."""
    return dict(sessie.execute(select(Beslagobject.id, Beslagobject.casus_id)).tuples().all())


def documenten(sessie: Session) -> Sequence[Document]:
    return sessie.scalars(select(Document).order_by(Document.sleutel)).all()


def document(sessie: Session, sleutel: str) -> Document | None:
    return sessie.scalar(select(Document).where(Document.sleutel == sleutel))


def document_op_id(sessie: Session, document_id: int) -> Document | None:
    return sessie.get(Document, document_id)


def voetnoten(sessie: Session, document_id: int) -> Sequence[Voetnoot]:
    return sessie.scalars(
        select(Voetnoot).where(Voetnoot.document_id == document_id).order_by(Voetnoot.id)
    ).all()


def documentverwijzingen(sessie: Session, document_id: int) -> Sequence[Documentverwijzing]:
    return sessie.scalars(
        select(Documentverwijzing)
        .where(Documentverwijzing.document_id == document_id)
        .order_by(Documentverwijzing.id)
    ).all()


def passages(sessie: Session, document_id: int) -> Sequence[Passage]:
    return sessie.scalars(
        select(Passage).where(Passage.document_id == document_id).order_by(Passage.volgnummer)
    ).all()


@dataclass(frozen=True)
class Treffer:
    passage_id: int
    document_sleutel: str
    document_titel: str
    kop: str | None
    fragment: str  # with «…» around the matched words
    volgnummer: int


def passage_met(sessie: Session, citaat: str) -> tuple[str, str, int] | None:
    """The first passage holding a quotation: (document key, title, paragraph number)."""
    rij = sessie.execute(
        select(Document.sleutel, Document.titel, Passage.volgnummer)
        .join(Passage, Passage.document_id == Document.id)
        .where(Passage.tekst.contains(citaat, autoescape=True))
        .order_by(Document.datum, Passage.volgnummer)
        .limit(1)
    ).first()
    return (rij[0], rij[1], rij[2]) if rij else None


def zoek(sessie: Session, vraag: str, limiet: int = 50) -> list[Treffer]:
    """Dutch full-text search over the passages of all documents; best matches first. A
    passage must hold every word asked (`domein.zoektaal`: stems used as prefixes)."""
    stammen = termen(vraag)
    if not stammen:
        return []
    if sessie.get_bind().dialect.name == "sqlite":
        # Terms are word characters only, so a query cannot use FTS5's own syntax.
        rijen = sessie.execute(
            text(
                "SELECT p.id, d.sleutel, d.titel, p.kop,"
                " snippet(passage_fts, 0, '«', '»', '…', 24), p.volgnummer"
                " FROM passage_fts JOIN passage p ON p.id = passage_fts.rowid"
                " JOIN document d ON d.id = p.document_id"
                " WHERE passage_fts MATCH :q ORDER BY bm25(passage_fts), p.id LIMIT :n"
            ),
            {"q": " AND ".join(f'"{t}"*' for t in stammen), "n": limiet},
        ).all()
    else:
        # The stems are already Dutch stems: 'simple' keeps them as they are, and ':*' makes
        # each a prefix of the stemmed words in the index.
        rijen = sessie.execute(
            text(
                "SELECT p.id, d.sleutel, d.titel, p.kop,"
                " ts_headline('dutch', p.tekst, q, 'StartSel=«, StopSel=», MaxWords=30,"
                " MinWords=10, ShortWord=2'), p.volgnummer"
                " FROM passage p JOIN document d ON d.id = p.document_id,"
                " to_tsquery('simple', :q) q"
                " WHERE to_tsvector('dutch', p.tekst) @@ q"
                " ORDER BY ts_rank(to_tsvector('dutch', p.tekst), q) DESC, p.id LIMIT :n"
            ),
            {"q": " & ".join(f"{t}:*" for t in stammen), "n": limiet},
        ).all()
    return [Treffer(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rijen]


def financiele_tabellen(sessie: Session) -> Sequence[Financieeltabel]:
    return sessie.scalars(
        select(Financieeltabel).order_by(Financieeltabel.bron, Financieeltabel.nummer)
    ).all()


def financiele_rijen(sessie: Session, tabel_id: int) -> Sequence[Financieelrij]:
    return sessie.scalars(
        select(Financieelrij)
        .where(Financieelrij.tabel_id == tabel_id)
        .order_by(Financieelrij.volgorde)
    ).all()


def opdrachten(sessie: Session) -> Sequence[Kameropdracht]:
    return sessie.scalars(select(Kameropdracht).order_by(Kameropdracht.id)).all()


def opdracht(sessie: Session, opdracht_id: int) -> Kameropdracht | None:
    return sessie.get(Kameropdracht, opdracht_id) if sleutel_past(opdracht_id) else None


def opdrachten_met_nummer(sessie: Session) -> dict[str, Kameropdracht]:
    rijen = sessie.scalars(select(Kameropdracht).where(Kameropdracht.nummer.is_not(None)))
    return {o.nummer: o for o in rijen if o.nummer}


def laatste_tk_wijziging(sessie: Session) -> dt.datetime | None:
    return sessie.scalar(select(func.max(Kameropdracht.tk_gewijzigd_op)))


def voeg_opdracht_toe(sessie: Session, opdracht: Kameropdracht) -> None:
    sessie.add(opdracht)
    sessie.flush()


def aantal(sessie: Session, model: type[MonitorLijn] | type[Document] | type[Indicator]) -> int:
    return sessie.scalar(select(func.count()).select_from(model)) or 0


def gebieden(sessie: Session) -> Sequence[Gebied]:
    return sessie.scalars(select(Gebied).order_by(Gebied.code)).all()


def gebiedscijfers(sessie: Session) -> Sequence[Gebiedscijfer]:
    return sessie.scalars(select(Gebiedscijfer).order_by(Gebiedscijfer.id)).all()
