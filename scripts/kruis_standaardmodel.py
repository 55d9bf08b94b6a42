# SPDX-License-Identifier: EUPL-1.2
"""Estimate the standard person model on 100,000 synthetic Dutch records (seed 42) and write it
to src/integraal/kruis/data/standaardmodel.json. Run from the repository root."""

from __future__ import annotations

import json
import sys
from pathlib import Path

HIER = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HIER))

from bench.kruis_data import records  # noqa: E402
from integraal.kruis import personen  # noqa: E402
from integraal.kruis.koppel import koppel  # noqa: E402
from integraal.kruis.tabel import Tabel  # noqa: E402


def main() -> None:
    rijen = []
    for r in records(100_000, zaad=42):
        # As partners deliver it: the pseudonym carries its marker.
        if r["bsn_pseudoniem"]:
            r["bsn_pseudoniem"] = f"bsn-pseudo:{r['bsn_pseudoniem']}"
        rijen.append(r)
    t = Tabel.maak(personen.VELDEN, rijen)
    model = koppel(t, personen.SLEUTELS).model
    # A case holds too few pairs to weigh counter-evidence against its own households: in the
    # standard model a birth date years apart, or another first name at one address within one
    # family, counts as certain (`vergelijk.TEGENBEWIJS`).
    model.tegen = {}
    uit = HIER / "src" / "integraal" / "kruis" / "data" / "standaardmodel.json"
    uit.write_text(json.dumps(model.als_dict(), indent=1, ensure_ascii=False) + "\n")
    print(f"geschreven: {uit} (prior {model.prior:.3g} bij 100.000 records)")


if __name__ == "__main__":
    main()
