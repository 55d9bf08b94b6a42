# SPDX-License-Identifier: EUPL-1.2
"""Longest files first over the xdist workers.

`--dist loadfile` keeps a file on one worker (its module fixtures, such as a loaded demo world,
are built once) but queues files by their number of tests, so a slow file with few tests (the
page walk in the browser: two tests, a minute and a half) starts last and the other worker idles
while it runs. Starting the known slow files first is the classic longest-first rule; the rest
keeps xdist's order. Relies on LoadScopeScheduling's attributes in xdist 3 (pinned < 4).
"""

from __future__ import annotations

from typing import Any

# Slowest first, by their measured time (docs/benchmarks.md, per-test rows).
ZWAAR = (
    "tests/browser/test_paginas.py",
    "tests/browser/test_poortwachters.py",
    "tests/browser/test_casusreis.py",
    "tests/browser/test_monitor.py",
    "tests/browser/test_verbanden.py",
    "tests/browser/test_bestuurlijk.py",
    "tests/achtergrond/test_wachtrij.py",
    "tests/browser/test_sso.py",
    "tests/web/test_rondgang.py",
    "tests/api/test_beschrijving.py",
    "tests/api/test_leespaden.py",
    "tests/logboek/test_spoor.py",
    "tests/test_demo.py",
)


def maak_planner(config: Any, log: Any) -> Any:
    from xdist.scheduler import LoadFileScheduling

    class ZwaarsteEerst(LoadFileScheduling):  # type: ignore[misc]
        def schedule(self) -> None:
            """LoadScopeScheduling.schedule with one change: the order of the queue."""
            if self.collection is not None or not self._check_nodes_have_same_collection():
                super().schedule()
                return
            self.collection = list(next(iter(self.registered_collections.values())))
            if not self.collection:
                return
            eenheden: dict[str, dict[str, bool]] = {}
            for nodeid in self.collection:
                eenheden.setdefault(self._split_scope(nodeid), {})[nodeid] = False
            rang = {naam: i for i, naam in enumerate(ZWAAR)}
            for scope, nodeids in sorted(
                eenheden.items(), key=lambda item: (rang.get(item[0], len(ZWAAR)), -len(item[1]))
            ):
                self.workqueue[scope] = nodeids
            for _ in range(len(self.nodes) - len(self.workqueue)):
                ongebruikt, _toegewezen = self.assigned_work.popitem()
                ongebruikt.shutdown()
            for node in self.nodes:
                self._assign_work_unit(node)
            for node in self.nodes:
                self._reschedule(node)
            if not self.workqueue:
                for node in self.nodes:
                    node.shutdown()

    return ZwaarsteEerst(config, log)
