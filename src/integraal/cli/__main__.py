# SPDX-License-Identifier: EUPL-1.2
"""`python -m integraal.cli` is the `integraal` command."""

from integraal.cli import app

if __name__ == "__main__":  # importing the module (tests walk every module) runs nothing
    app(prog_name="integraal")
