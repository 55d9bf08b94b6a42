# SPDX-License-Identifier: EUPL-1.2
"""Integrity of use end to end (issue 20): a shielded person is read only with a reason and
always raises an alert that only the privacy officer sees; an unconfirmed membership lapses;
the detection run is incremental."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import sqlalchemy as sa

from integraal.delen import Geweigerd
from integraal.domein.fouten import GeenToegang, NietGevonden
from integraal.domein.integriteit import Afschermingssoort, Meldingstatus
from integraal.domein.rollen import Rol
from integraal.integriteit import afscherming, controle, meldingen, toegangsreview
from integraal.integriteit.afscherming import AfschermingIn
from integraal.integriteit.meldingen import BeoordelingIn
from integraal.integriteit.toegangsreview import ReviewIn
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, CasusLid, Integriteitsmelding, Statement
from integraal.toegang import Leesvraag, lees_entiteit, zoek_entiteiten
from integraal.toegang.afscherming import RedenVereist
from integraal.verwerking import Kanaal
from tests.conftest import BSN_JAN, Wereld, maak_actor
from tests.hulp import doe

VRAAG = Leesvraag("integrale_aanpak", "C-1")


def _jan(w: Wereld) -> str:
    with transactie(w.omgeving.fabriek) as s:
        return (
            s.scalars(
                sa.select(Statement.entity_id).where(
                    Statement.schema == "Person", Statement.value.like("%Vries%")
                )
            ).first()
            or ""
        )


def _scherm_jan_af(w: Wereld) -> None:
    doe(
        w.omgeving,
        w.privacy,
        afscherming.voeg_toe,
        AfschermingIn(
            kenmerk=BSN_JAN,
            soort=Afschermingssoort.FUNCTIONARIS,
            omschrijving="bewaarder (fictief)",
            reden="Bedreigd na een incident; extra bescherming nodig.",
        ),
    )


def _alerts(w: Wereld) -> list[Integriteitsmelding]:
    with transactie(w.omgeving.fabriek) as s:
        return list(s.scalars(sa.select(Integriteitsmelding).order_by(Integriteitsmelding.id)))


def _lees(w: Wereld, reden: str | None) -> object:
    with w.omgeving.context(w.analist, Kanaal.API, reden=reden) as ctx:
        return lees_entiteit(ctx, VRAAG, _jan(w))


def test_afgeschermde_persoon_alleen_met_reden_en_altijd_een_melding(met_levering: Wereld) -> None:
    w = met_levering
    assert _lees(w, None) is not None  # before shielding: an ordinary read, no alert
    assert _alerts(w) == []
    _scherm_jan_af(w)
    with pytest.raises(RedenVereist):
        _lees(w, None)
    assert _alerts(w) == []
    with transactie(w.omgeving.fabriek) as s:
        geweigerd = s.scalars(
            sa.select(AuditRecord).where(
                AuditRecord.actie == "entiteit lezen", AuditRecord.resultaat == "geweigerd"
            )
        ).all()
    assert geweigerd, "the refusal without a reason is audited"
    assert _lees(w, "Controle identiteit getuige in C-1") is not None
    (alert,) = _alerts(w)
    assert alert.regel == "AFGESCHERMD" and alert.gebruiker_id == w.analist.gebruiker_id
    assert "Controle identiteit getuige" in alert.uitleg
    # Evidence names the subject only as "betrokkene 1", never the pseudonym or the id.
    assert alert.bewijs[0]["betrokkene"] == "betrokkene 1"
    assert BSN_JAN not in str(alert.bewijs) and _jan(w) not in str(alert.bewijs)

    # Only the privacy officer of the reader's organisation sees it; looking is logged.
    (m,) = doe(w.omgeving, w.privacy, meldingen.lijst)
    assert m.titel == "Gegevens van een afgeschermde persoon gelezen"
    for ander in (w.analist, w.buitenstaander, w.andere_riec, w.gemeente):
        assert doe(w.omgeving, ander, meldingen.lijst) == []
        with pytest.raises(NietGevonden):
            doe(w.omgeving, ander, meldingen.lees, m.id)
    with transactie(w.omgeving.fabriek) as s:
        inzage = s.scalar(
            sa.select(sa.func.count())
            .select_from(AuditRecord)
            .where(
                AuditRecord.actie == "integriteitsmeldingen lezen",
                AuditRecord.resultaat == "toegestaan",
            )
        )
    assert inzage == 1

    # A privacy officer who is the subject of an alert does not see it either.
    zelf = dataclasses.replace(w.privacy)
    with transactie(w.omgeving.fabriek) as s:
        s.execute(sa.update(Integriteitsmelding).values(gebruiker_id=zelf.gebruiker_id))
    assert doe(w.omgeving, zelf, meldingen.lijst) == []


def test_in_een_lijst_geen_adres_en_wel_een_melding(met_levering: Wereld) -> None:
    w = met_levering
    voor = {b.id: b for b in doe(w.omgeving, w.analist, zoek_entiteiten, VRAAG, term="vries")}
    assert "addressEntity" in voor[_jan(w)].eigenschappen
    _scherm_jan_af(w)
    na = {b.id: b for b in doe(w.omgeving, w.analist, zoek_entiteiten, VRAAG, term="vries")}
    assert "addressEntity" not in na[_jan(w)].eigenschappen
    assert na[_jan(w)].eigenschappen.get("name")
    assert [a.regel for a in _alerts(w)] == ["AFGESCHERMD"]


def test_oordeel_van_de_privacy_officer(met_levering: Wereld) -> None:
    w = met_levering
    _scherm_jan_af(w)
    _lees(w, "Controle in C-1")
    (m,) = doe(w.omgeving, w.privacy, meldingen.lijst)
    with pytest.raises(Exception, match="uitkomst"):
        doe(
            w.omgeving,
            w.privacy,
            meldingen.beoordeel,
            m.id,
            BeoordelingIn(status=Meldingstatus.MISBRUIK),
        )
    uit = doe(
        w.omgeving,
        w.privacy,
        meldingen.beoordeel,
        m.id,
        BeoordelingIn(status=Meldingstatus.VERKLAARD, uitkomst="Getuige in de eigen casus."),
    )
    assert uit.status is Meldingstatus.VERKLAARD and uit.beslist_door == "Privacy"
    assert doe(w.omgeving, w.privacy, meldingen.lijst) == []
    assert len(doe(w.omgeving, w.privacy, meldingen.lijst, open_=False)) == 1


def test_alleen_de_privacy_officer_schermt_af(wereld: Wereld) -> None:
    with pytest.raises(Geweigerd, match="nog niet aan alle voorwaarden"):
        doe(
            wereld.omgeving,
            wereld.analist,
            afscherming.voeg_toe,
            AfschermingIn(
                kenmerk=BSN_JAN,
                soort=Afschermingssoort.GETUIGE,
                omschrijving="getuige",
                reden="Om te proberen of dit mag.",
            ),
        )


def test_een_niet_bevestigd_lidmaatschap_vervalt(met_levering: Wereld) -> None:
    w = met_levering
    assert _lees(w, None) is not None
    with transactie(w.omgeving.fabriek) as s:
        s.execute(
            sa.update(CasusLid)
            .where(CasusLid.gebruiker_id == w.analist.gebruiker_id)
            .values(bevestigd_op=dt.datetime.now(dt.UTC) - dt.timedelta(days=92))
        )
    # Lapsed: the member reads nothing of the case any more.
    assert _lees(w, None) is None
    assert doe(w.omgeving, w.analist, zoek_entiteiten, VRAAG, term="vries") == []
    # The coordinator sees it lapsed, confirms it, and it holds again.
    coord = maak_actor(w.omgeving, "coordinator", "riec-rotterdam", Rol.COORDINATOR)
    review = doe(w.omgeving, coord, toegangsreview.overzicht)
    lid = next(r for r in review.regels if r.sleutel == f"lid:C-1:{w.analist.gebruiker_id}")
    assert lid.vervallen and review.te_doen >= 1
    doe(w.omgeving, coord, toegangsreview.herzie, ReviewIn(gekozen=[lid.sleutel]))
    assert _lees(w, None) is not None
    with pytest.raises(GeenToegang):
        doe(w.omgeving, w.analist, toegangsreview.overzicht)


def test_een_eigen_rol_bevestigt_een_ander(wereld: Wereld) -> None:
    coord = maak_actor(wereld.omgeving, "coordinator", "riec-rotterdam", Rol.COORDINATOR)
    with pytest.raises(Exception, match="andere coördinator"):
        doe(
            wereld.omgeving,
            coord,
            toegangsreview.herzie,
            ReviewIn(gekozen=[f"rol:{coord.gebruiker_id}"]),
        )


def test_controle_is_incrementeel(met_levering: Wereld) -> None:
    w = met_levering
    _scherm_jan_af(w)
    _lees(w, "Controle in C-1")
    o = w.omgeving
    with o.context(None, Kanaal.CLI) as ctx:
        eerste = controle.voer_uit(ctx)
    assert eerste.regels > 0
    # The door raised the alert already: the run finds the same one and adds none.
    assert [a.regel for a in _alerts(w)] == ["AFGESCHERMD"]
    with o.context(None, Kanaal.CLI) as ctx:
        tweede = controle.voer_uit(ctx)
    # Only its own log line was new since the first run.
    assert tweede.regels == 1 and tweede.tot_volgnummer == eerste.tot_volgnummer + 1
    with pytest.raises(GeenToegang):
        doe(o, w.analist, controle.voer_uit)


def test_in_de_casusexport_geen_adres_en_geen_reden_nodig(met_levering: Wereld) -> None:
    from integraal.casus import casussen
    from integraal.casus import export as casusexport
    from integraal.casus.casussen import SubjectIn

    w = met_levering
    doe(w.omgeving, w.analist, casussen.koppel_subject, "C-1", SubjectIn(entiteit_id=_jan(w)))
    voor = doe(w.omgeving, w.analist, casusexport.exporteer, "C-1", "csv").decode()
    assert "Jan de Vries;Adres;" in voor
    _scherm_jan_af(w)
    na = doe(w.omgeving, w.analist, casusexport.exporteer, "C-1", "csv").decode()
    assert "Jan de Vries;Adres;" not in na and "Jan de Vries;Geboortedatum;" in na
    assert [a.regel for a in _alerts(w)] == ["AFGESCHERMD"]


def test_mijn_taken_herinnert_de_coordinator_voordat_iets_vervalt(met_levering: Wereld) -> None:
    from integraal.taken import mijn_taken

    w = met_levering
    coord = maak_actor(w.omgeving, "coordinator", "riec-rotterdam", Rol.COORDINATOR)

    def te_doen() -> int:
        taken = {t.titel: t.aantal for t in doe(w.omgeving, coord, mijn_taken)}
        return taken["Toegang bevestigen"]

    assert te_doen() == 0
    with transactie(w.omgeving.fabriek) as s:
        s.execute(
            sa.update(CasusLid)
            .where(CasusLid.gebruiker_id == w.analist.gebruiker_id, CasusLid.casus_id == "C-1")
            .values(bevestigd_op=dt.datetime.now(dt.UTC) - dt.timedelta(days=80))
        )
    # Still valid for eleven days, but in the reminder window of two weeks.
    assert _lees(w, None) is not None
    assert te_doen() == 1
    sleutel = f"lid:C-1:{w.analist.gebruiker_id}"
    doe(w.omgeving, coord, toegangsreview.herzie, ReviewIn(gekozen=[sleutel]))
    assert te_doen() == 0


def test_herhaalde_weigeringen_komen_bij_de_volgende_controle_boven(met_levering: Wereld) -> None:
    """End to end through the audit record: a colleague outside the case tries a person eight
    times; the run finds it once the records are five minutes old (a slower transaction could
    still commit a lower id before that)."""
    w = met_levering
    for _ in range(8):
        assert doe(w.omgeving, w.buitenstaander, lees_entiteit, VRAAG, _jan(w)) is None
    with w.omgeving.context(None, Kanaal.CLI) as ctx:
        controle.voer_uit(ctx)
    assert _alerts(w) == []
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=6)
    with w.omgeving.context(None, Kanaal.CLI, klok=lambda: later) as ctx:
        controle.voer_uit(ctx)
    (alert,) = _alerts(w)
    assert (
        alert.regel == "HERHAALD-GEWEIGERD" and alert.gebruiker_id == w.buitenstaander.gebruiker_id
    )
    (m,) = doe(w.omgeving, w.privacy, meldingen.lijst)
    assert m.bewijs[0].volgnummer is None and m.bewijs[0].handeling == "entiteit lezen"
