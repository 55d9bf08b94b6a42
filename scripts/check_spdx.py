# SPDX-License-Identifier: EUPL-1.2
"""Fail when a source file lacks its SPDX licence header (public-code hygiene)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOTS = ("src", "tests", "bench", "scripts")
HEADER = "SPDX-License-Identifier: EUPL-1.2"


def main() -> int:
    missing = [
        str(path)
        for root in ROOTS
        for path in sorted(Path(root).rglob("*.py"))
        if not any(HEADER in line for line in path.read_text(encoding="utf-8").splitlines()[:3])
    ]
    for path in missing:
        print(f"SPDX-kop ontbreekt: {path}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
