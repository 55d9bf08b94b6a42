# SPDX-License-Identifier: EUPL-1.2
"""The processing context every service takes: who, through which channel, under which trace."""

from integraal.verwerking.context import Context, Contextmaker, Kanaal

__all__ = ["Context", "Contextmaker", "Kanaal"]
