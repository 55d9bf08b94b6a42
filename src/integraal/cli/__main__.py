# SPDX-License-Identifier: EUPL-1.2
"""`python -m integraal.cli` is the `integraal` command."""

from integraal.cli import app

app(prog_name="integraal")
