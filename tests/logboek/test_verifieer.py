# SPDX-License-Identifier: EUPL-1.2
"""`verify` finds every edit, deletion, insertion and reordering and names the first bad entry."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
import sqlalchemy as sa

from integraal import logboek
from integraal.logboek.ondertekening import Checkpoint, laad_of_maak_sleutel
from integraal.omgeving import Omgeving
from integraal.opslag.db import Sessie, transactie
from integraal.opslag.modellen import LogboekBetrokkene, LogboekKop, LogboekRegel


def _vul(omgeving: Omgeving, n: int = 10) -> None:
    with transactie(omgeving.fabriek) as sessie:
        logboek.schrijf(
            sessie,
            [
                logboek.Verwerking(
                    naam="entiteit lezen",
                    activiteit="entiteit-lezen",
                    trace_id=logboek.nieuwe_trace_id(),
                    besluit_id=f"b{i}",
                    regel_id="WGS-RIEC-INTERN",
                    grondslag="WGS",
                    doel="integrale_aanpak",
                    verstrekker="riec-rotterdam",
                    ontvanger="riec-rotterdam",
                    categorieen=("identiteit",),
                    casus_id="C-1",
                    betrokkene=f"bsn-pseudo:{i:040d}",
                    betrokkene_soort="BSN-pseudoniem",
                )
                for i in range(n)
            ],
        )


def _verifieer(omgeving: Omgeving, extra: list[Checkpoint] | None = None) -> logboek.Verificatie:
    with transactie(omgeving.fabriek) as sessie:
        return logboek.verifieer(sessie, extra or [])


def _regel(sessie: Sessie, n: int) -> LogboekRegel:
    r = sessie.get(LogboekRegel, n)
    assert r is not None
    return r


def test_ongeschonden_logboek_is_in_orde(omgeving: Omgeving) -> None:
    _vul(omgeving)
    v = _verifieer(omgeving)
    assert v.in_orde and v.aantal == 10


def test_leeg_logboek_is_in_orde(omgeving: Omgeving) -> None:
    assert _verifieer(omgeving).in_orde


def _wijzig_inhoud(sessie: Sessie) -> None:
    r = _regel(sessie, 4)
    lijn = json.loads(r.inhoud)
    lijn["dpl.integraal.purpose"] = "iets anders"
    r.inhoud = json.dumps(lijn, sort_keys=True, separators=(",", ":"))


def _wijzig_inhoud_en_hash(sessie: Sessie) -> None:
    from integraal.logboek.keten import blad_hash

    _wijzig_inhoud(sessie)
    r = _regel(sessie, 4)
    r.blad_hash = blad_hash(r.inhoud).hex()


def _herschrijf_hele_staart(sessie: Sessie) -> None:
    """The attacker recomputes every hash from entry 4 on: only a checkpoint can catch this."""
    from integraal.logboek.keten import blad_hash, keten_hash

    _wijzig_inhoud(sessie)
    vorige = _regel(sessie, 3).keten_hash
    for n in range(4, 11):
        r = _regel(sessie, n)
        r.blad_hash = blad_hash(r.inhoud).hex()
        r.keten_hash = vorige = keten_hash(vorige, bytes.fromhex(r.blad_hash))
    kop = sessie.get(LogboekKop, 1)
    assert kop is not None
    kop.keten_hash = vorige


def _verwijder_midden(sessie: Sessie) -> None:
    sessie.execute(sa.delete(LogboekBetrokkene).where(LogboekBetrokkene.volgnummer == 4))
    sessie.execute(sa.delete(LogboekRegel).where(LogboekRegel.volgnummer == 4))


def _verwijder_laatste(sessie: Sessie) -> None:
    sessie.execute(sa.delete(LogboekBetrokkene).where(LogboekBetrokkene.volgnummer == 10))
    sessie.execute(sa.delete(LogboekRegel).where(LogboekRegel.volgnummer == 10))


def _verwissel(sessie: Sessie) -> None:
    a, b = _regel(sessie, 4), _regel(sessie, 5)
    velden = ("inhoud", "blad_hash", "keten_hash", "trace_id", "casus_id", "tijd")
    oud = {f: getattr(a, f) for f in velden}
    for f in velden:
        setattr(a, f, getattr(b, f))
    for f, waarde in oud.items():
        setattr(b, f, waarde)


def _verwissel_met_volgnummer(sessie: Sessie) -> None:
    """Swap and renumber the JSON too, so each line claims its new place."""
    from integraal.logboek.keten import blad_hash

    _verwissel(sessie)
    for n in (4, 5):
        r = _regel(sessie, n)
        lijn = json.loads(r.inhoud)
        lijn["volgnummer"] = n
        r.inhoud = json.dumps(lijn, sort_keys=True, separators=(",", ":"))
        r.blad_hash = blad_hash(r.inhoud).hex()


def _voeg_in(sessie: Sessie) -> None:
    r = _regel(sessie, 10)
    sessie.add(
        LogboekRegel(
            volgnummer=11,
            inhoud=r.inhoud,
            blad_hash=r.blad_hash,
            keten_hash=r.keten_hash,
            trace_id=r.trace_id,
            casus_id=r.casus_id,
            tijd=r.tijd,
        )
    )


def _wijzig_zoekveld(sessie: Sessie) -> None:
    _regel(sessie, 4).casus_id = "C-99"


def _wijzig_betrokkene(sessie: Sessie) -> None:
    b = sessie.get(LogboekBetrokkene, 4)
    assert b is not None
    b.betrokkene = "bsn-pseudo:iemand-anders"


@pytest.mark.parametrize(
    ("manipulatie", "eerste", "woord"),
    [
        (_wijzig_inhoud, 4, "gewijzigd"),
        (_wijzig_inhoud_en_hash, 4, "keten"),
        (_verwijder_midden, 4, "ontbreekt"),
        (_verwijder_laatste, 10, "einde"),
        (_verwissel, 4, "andere plaats"),
        (_verwissel_met_volgnummer, 4, "keten"),
        (_voeg_in, 11, "andere plaats"),
        (_wijzig_zoekveld, 4, "zoekvelden"),
        (_wijzig_betrokkene, 4, "persoonsdeel"),
    ],
)
def test_manipulatie_wordt_gevonden(
    omgeving: Omgeving, manipulatie: Callable[[Sessie], None], eerste: int, woord: str
) -> None:
    _vul(omgeving)
    with transactie(omgeving.fabriek) as sessie:
        manipulatie(sessie)
    v = _verifieer(omgeving)
    assert not v.in_orde
    assert v.bevinding is not None
    assert v.bevinding.volgnummer == eerste, v.tekst()
    assert woord in v.bevinding.reden


def test_herschreven_staart_gevonden_door_checkpoint_van_getuige(omgeving: Omgeving) -> None:
    _vul(omgeving)
    sleutel = laad_of_maak_sleutel(omgeving.instellingen.ondertekensleutel_pad)
    with transactie(omgeving.fabriek) as sessie:
        getuige = logboek.maak_checkpoint(sessie, sleutel)
    with transactie(omgeving.fabriek) as sessie:
        _herschrijf_hele_staart(sessie)
        # The attacker also removes the stored checkpoint; the witness kept its own copy.
        sessie.execute(sa.text("DELETE FROM logboek_checkpoint"))
    assert _verifieer(omgeving).in_orde  # the chain alone cannot see a full rewrite
    v = _verifieer(omgeving, [getuige])
    assert not v.in_orde and v.bevinding is not None
    assert v.bevinding.volgnummer == 10 and "checkpoint" in v.bevinding.reden


def test_ingekort_logboek_gevonden_door_checkpoint(omgeving: Omgeving) -> None:
    _vul(omgeving)
    sleutel = laad_of_maak_sleutel(omgeving.instellingen.ondertekensleutel_pad)
    with transactie(omgeving.fabriek) as sessie:
        getuige = logboek.maak_checkpoint(sessie, sleutel)
    with transactie(omgeving.fabriek) as sessie:
        _verwijder_laatste(sessie)
        kop = sessie.get(LogboekKop, 1)
        assert kop is not None
        kop.volgnummer, kop.keten_hash = 9, _regel(sessie, 9).keten_hash
        sessie.execute(sa.text("DELETE FROM logboek_checkpoint"))
    assert _verifieer(omgeving).in_orde
    v = _verifieer(omgeving, [getuige])
    assert not v.in_orde and "minder" in (v.bevinding.reden if v.bevinding else "")


def test_vervalste_getuige_handtekening(omgeving: Omgeving) -> None:
    _vul(omgeving)
    sleutel = laad_of_maak_sleutel(omgeving.instellingen.ondertekensleutel_pad)
    with transactie(omgeving.fabriek) as sessie:
        cp = logboek.maak_checkpoint(sessie, sleutel)
    vals = Checkpoint(
        cp.boomgrootte, "00" * 32, cp.tijd, cp.sleutel_id, cp.publieke_sleutel, cp.handtekening
    )
    v = _verifieer(omgeving, [vals])
    assert not v.in_orde and "handtekening" in (v.bevinding.reden if v.bevinding else "")


def test_bewaartermijn_verwijdert_persoonsdeel_zonder_de_keten_te_breken(
    omgeving: Omgeving,
) -> None:
    _vul(omgeving)
    with transactie(omgeving.fabriek) as sessie:
        gewist = logboek.wis_persoonsdelen(
            sessie, [2, 3], grondslag="bewaartermijn verstreken", trace_id="t" * 32
        )
        assert gewist == 2
    v = _verifieer(omgeving)
    assert v.in_orde and v.aantal == 11  # the erasure is an entry of its own
    with transactie(omgeving.fabriek) as sessie:
        wissing = json.loads(_regel(sessie, 11).inhoud)
    assert wissing["naam"] == logboek.WISSING
    assert wissing["dpl.integraal.erased_subjects"] == [2, 3]
    with transactie(omgeving.fabriek) as sessie:
        assert logboek.inzage(sessie, "bsn-pseudo:" + "2".zfill(40)) == []
        assert len(logboek.inzage(sessie, "bsn-pseudo:" + "5".zfill(40))) == 1


def test_een_persoonsdeel_weghalen_zonder_wissingsregel_valt_op(omgeving: Omgeving) -> None:
    """Deleting who a read was about, to hide the read, looked like lawful retention before."""
    _vul(omgeving)
    with transactie(omgeving.fabriek) as sessie:
        sessie.execute(sa.delete(LogboekBetrokkene).where(LogboekBetrokkene.volgnummer == 4))
    v = _verifieer(omgeving)
    assert not v.in_orde and v.bevinding is not None
    assert v.bevinding.volgnummer == 4 and "zonder wissingsregel" in v.bevinding.reden
    # An erasure entry that names other lines does not cover it.
    with transactie(omgeving.fabriek) as sessie:
        logboek.wis_persoonsdelen(sessie, [5], grondslag="bewaartermijn", trace_id="t" * 32)
    assert not _verifieer(omgeving).in_orde


def test_gelijktijdig_schrijven_houdt_de_keten_heel(omgeving: Omgeving) -> None:
    import threading

    fouten: list[BaseException] = []

    def schrijver() -> None:
        try:
            for _ in range(5):
                _vul(omgeving, 3)
        except BaseException as exc:  # pragma: no cover - reported below
            fouten.append(exc)

    threads = [threading.Thread(target=schrijver) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not fouten
    v = _verifieer(omgeving)
    assert v.in_orde and v.aantal == 60


def _wis_met_wissingsregel(sessie: Sessie) -> None:
    logboek.wis_persoonsdelen(sessie, [2, 3], grondslag="bewaartermijn", trace_id="t" * 32)


def _wis_zonder_wissingsregel(sessie: Sessie) -> None:
    sessie.execute(sa.delete(LogboekBetrokkene).where(LogboekBetrokkene.volgnummer == 7))


@pytest.mark.parametrize(
    "manipulatie",
    [
        None,
        _wijzig_inhoud,
        _wijzig_inhoud_en_hash,
        _herschrijf_hele_staart,
        _verwijder_midden,
        _verwijder_laatste,
        _verwissel,
        _verwissel_met_volgnummer,
        _voeg_in,
        _wijzig_zoekveld,
        _wijzig_betrokkene,
        _wis_met_wissingsregel,
        _wis_zonder_wissingsregel,
    ],
)
def test_in_delen_over_processen_vindt_hetzelfde_als_in_een_keer(
    omgeving: Omgeving, manipulatie: Callable[[Sessie], None] | None
) -> None:
    """A large log is checked in parts by worker processes; parts of one line here, so a part
    starts wherever a manipulation is (a part's size is a power of two)."""
    _vul(omgeving)
    getuige, _ = omgeving.checkpoint()
    if manipulatie is not None:
        with transactie(omgeving.fabriek) as sessie:
            manipulatie(sessie)
    with transactie(omgeving.fabriek) as sessie:
        een = logboek.verifieer(sessie, [getuige], processen=1)
        delen = logboek.verifieer(sessie, [getuige], processen=2, per_deel=1)
    assert (delen.aantal, delen.gecontroleerde_checkpoints, delen.bevinding) == (
        een.aantal,
        een.gecontroleerde_checkpoints,
        een.bevinding,
    )
    assert een.in_orde == (manipulatie in (None, _wis_met_wissingsregel)), een.tekst()
