# SPDX-License-Identifier: EUPL-1.2
"""Emergency freezes: the FIU asks, the institution confirms, the FIU extends and lifts; terms
in working days; the link to a vermogensdossier; expiry in the task counts."""

from __future__ import annotations

import datetime as dt

import pytest

from integraal.beslag import dossier as vermogen
from integraal.beslag.dossier import DossierIn
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.poortwachters import Opschortingstatus
from integraal.domein.rollen import Rol
from integraal.domein.werkdagen import na_werkdagen
from integraal.poortwachters import meldingen, opschortingen
from integraal.poortwachters.opschortingen import Afloop, OpschortingIn, VerlengingIn
from tests.conftest import Wereld, maak_actor
from tests.hulp import doe
from tests.poortwachters.conftest import Poort
from tests.poortwachters.test_meldingen import melding_in

# A Wednesday before Christmas: the term runs over two holidays and a weekend.
DAG = dt.datetime(2026, 12, 23, 9, 0, tzinfo=dt.UTC)


def klok(dag: dt.datetime = DAG):  # type: ignore[no-untyped-def]
    return lambda: dag


def _verzoek(**anders: object) -> OpschortingIn:
    gegevens: dict[str, object] = {
        "instelling": "voorbeeldbank",
        "transactie_kenmerk": "BET-2026-88812",
        "bedrag_euro": "48.000,00",
        "reden": "Doorboeking naar het buitenland direct na contante storting.",
    }
    gegevens.update(anders)
    return OpschortingIn.model_validate(gegevens)


def test_verzoek_bevestigen_verlengen_opheffen(wereld: Wereld, poort: Poort) -> None:
    o = wereld.omgeving
    officier = maak_actor(o, "officier", "om", Rol.OFFICIER)
    d = doe(o, officier, vermogen.open_dossier, DossierIn(verdachte="J. Voorbeeld"))
    bon = doe(o, poort.bank, meldingen.meld, melding_in(), klok=klok())
    os_ = doe(
        o,
        poort.fiu,
        opschortingen.verzoek,
        _verzoek(melding_id=bon.id, dossier_id=d.id),
        klok=klok(),
    )
    assert os_.einde == dt.date(2026, 12, 31) == na_werkdagen(DAG.date(), 5)
    assert os_.telt_niet_mee == ["Eerste kerstdag (25-12-2026)"]
    assert os_.status is Opschortingstatus.VERZOCHT and os_.werkdagen_over == 5

    # The institution sees the request without the FIU's reason, and confirms.
    assert doe(o, poort.bank, opschortingen.te_bevestigen, klok=klok()) == 1
    bij_bank = doe(o, poort.bank, opschortingen.lees, os_.id, klok=klok())
    assert bij_bank.reden is None and bij_bank.melding_id is None and bij_bank.dossier_id is None
    doe(o, poort.bank, opschortingen.bevestig, os_.id, klok=klok())
    with pytest.raises(Conflict, match="al bevestigd"):
        doe(o, poort.bank, opschortingen.bevestig, os_.id, klok=klok())
    assert doe(o, poort.bank, opschortingen.te_bevestigen, klok=klok()) == 0
    with pytest.raises(GeenToegang):
        doe(
            o,
            poort.bank,
            opschortingen.verleng,
            os_.id,
            VerlengingIn(werkdagen=2, motivering="Meer tijd nodig."),
        )
    with pytest.raises(NietGevonden):
        doe(o, poort.notaris, opschortingen.lees, os_.id, klok=klok())

    # Extend to ten in all, no further.
    with pytest.raises(OngeldigeInvoer, match="nog 5 bij"):
        doe(
            o,
            poort.fiu,
            opschortingen.verleng,
            os_.id,
            VerlengingIn(werkdagen=6, motivering="Meer tijd nodig."),
            klok=klok(),
        )
    doe(
        o,
        poort.fiu,
        opschortingen.verleng,
        os_.id,
        VerlengingIn(werkdagen=5, motivering="Beslag wordt voorbereid."),
        klok=klok(),
    )
    na = doe(o, poort.fiu, opschortingen.lees, os_.id, klok=klok())
    assert na.einde == dt.date(2027, 1, 8) and na.kan_verlengen == 0
    assert "Nieuwjaarsdag (01-01-2027)" in na.telt_niet_mee

    # The vermogensdossier's service sees the freeze (FIU-OPSCHORTING-BESLAG).
    beeld = doe(o, officier, vermogen.beeld, d.id, klok=klok())
    assert [x.id for x in beeld.opschortingen] == [os_.id]

    # The FIU's task count: running freezes ending today or the next working day.
    assert (
        doe(o, poort.fiu, opschortingen.aflopend, klok=klok(dt.datetime(2027, 1, 7, tzinfo=dt.UTC)))
        == 1
    )
    # Past the end it has expired, and cannot be lifted any more.
    later = klok(dt.datetime(2027, 1, 11, 9, tzinfo=dt.UTC))
    assert (
        doe(o, poort.fiu, opschortingen.lees, os_.id, klok=later).status
        is Opschortingstatus.VERLOPEN
    )
    with pytest.raises(Conflict, match="termijn verstreken"):
        doe(
            o,
            poort.fiu,
            opschortingen.hef_op,
            os_.id,
            Afloop(motivering="Niet meer nodig."),
            klok=later,
        )
    doe(
        o,
        poort.fiu,
        opschortingen.hef_op,
        os_.id,
        Afloop(motivering="Niet meer nodig."),
        klok=klok(),
    )
    assert (
        doe(o, poort.bank, opschortingen.lees, os_.id, klok=klok()).status
        is Opschortingstatus.OPGEHEVEN
    )


def test_grenzen_van_het_verzoek(wereld: Wereld, poort: Poort) -> None:
    o = wereld.omgeving
    with pytest.raises(OngeldigeInvoer, match="buitenlandse FIU"):
        doe(o, poort.fiu, opschortingen.verzoek, _verzoek(werkdagen=7), klok=klok())
    assert _verzoek(werkdagen=10, buitenlandse_fiu="FIU België").werkdagen == 10
    with pytest.raises(OngeldigeInvoer, match="vermogensdossier"):
        doe(
            o, poort.fiu, opschortingen.verzoek, _verzoek(dossier_id="VD-bestaat-niet"), klok=klok()
        )
    notarismelding = doe(o, poort.notaris, meldingen.meld, melding_in(), klok=klok())
    with pytest.raises(OngeldigeInvoer, match="andere instelling"):
        doe(
            o,
            poort.fiu,
            opschortingen.verzoek,
            _verzoek(melding_id=notarismelding.id),
            klok=klok(),
        )
    with pytest.raises(OngeldigeInvoer, match="meldingsplichtige"):
        doe(
            o,
            poort.fiu,
            opschortingen.verzoek,
            _verzoek(instelling="gemeente-rotterdam"),
            klok=klok(),
        )
    with pytest.raises(OngeldigeInvoer, match="1 juli 2026"):
        doe(
            o,
            poort.fiu,
            opschortingen.verzoek,
            _verzoek(),
            klok=klok(dt.datetime(2026, 6, 30, tzinfo=dt.UTC)),
        )
    with pytest.raises(GeenToegang):
        doe(o, poort.bank, opschortingen.verzoek, _verzoek(), klok=klok())
