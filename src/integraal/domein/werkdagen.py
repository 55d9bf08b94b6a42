# SPDX-License-Identifier: EUPL-1.2
"""Working days as the law counts them (Algemene termijnenwet art. 3).

A working day is not a Saturday, a Sunday or a generally recognised holiday: New Year's Day,
Easter Monday, Ascension Day, Whit Monday, both Christmas days, the day the King's birthday is
celebrated and 5 May (art. 3 lid 1). Easter is computed (dateutil's Gregorian algorithm), so
the calendar holds for every year without a list kept by hand; the tests check it against the
`holidays` package for the days both define the same way.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.easter import easter

_DAG = dt.timedelta(days=1)
# Days as the law and the partners count them: Dutch days, whatever the server's zone.
TIJDZONE = ZoneInfo("Europe/Amsterdam")


def dag(moment: dt.datetime | None = None) -> dt.date:
    """The Dutch day of `moment` (an aware datetime), or of now."""
    return (moment or dt.datetime.now(dt.UTC)).astimezone(TIJDZONE).date()


def koningsdag(jaar: int) -> dt.date:
    """27 April, or the 26th when the 27th is a Sunday (Wet vaststelling Koningsdag, from
    2014); before that Koninginnedag, 30 April, or the 29th when the 30th was a Sunday."""
    dag = dt.date(jaar, 4, 27) if jaar >= 2014 else dt.date(jaar, 4, 30)
    return dag - _DAG if dag.weekday() == 6 else dag


@lru_cache(maxsize=256)
def feestdagen(jaar: int) -> dict[dt.date, str]:
    """The generally recognised holidays of a year that can fall on a weekday, with their
    Dutch names (Easter Sunday and Whit Sunday are Sundays anyway)."""
    pasen = easter(jaar)
    return {
        dt.date(jaar, 1, 1): "Nieuwjaarsdag",
        pasen + _DAG: "Tweede paasdag",
        koningsdag(jaar): "Koningsdag",
        dt.date(jaar, 5, 5): "Bevrijdingsdag",
        pasen + dt.timedelta(days=39): "Hemelvaartsdag",
        pasen + dt.timedelta(days=50): "Tweede pinksterdag",
        dt.date(jaar, 12, 25): "Eerste kerstdag",
        dt.date(jaar, 12, 26): "Tweede kerstdag",
    }


def is_werkdag(dag: dt.date) -> bool:
    return dag.weekday() < 5 and dag not in feestdagen(dag.year)


def waarom_geen_werkdag(dag: dt.date) -> str | None:
    """Why a day is not a working day, in words; None for a working day."""
    if dag.weekday() == 5:
        return "zaterdag"
    if dag.weekday() == 6:
        return "zondag"
    return feestdagen(dag.year).get(dag)


def na_werkdagen(begin: dt.date, aantal: int) -> dt.date:
    """The last day of a term of `aantal` working days that starts the day after `begin`
    (the day of the request itself does not count; art. 1 Algemene termijnenwet counts from
    the day after)."""
    if aantal < 1:
        raise ValueError("een termijn telt minstens één werkdag")
    dag, geteld = begin, 0
    while geteld < aantal:
        dag += _DAG
        if is_werkdag(dag):
            geteld += 1
    return dag


def werkdagen_tussen(begin: dt.date, einde: dt.date) -> int:
    """The working days after `begin` up to and including `einde`."""
    dag, geteld = begin, 0
    while dag < einde:
        dag += _DAG
        if is_werkdag(dag):
            geteld += 1
    return geteld
