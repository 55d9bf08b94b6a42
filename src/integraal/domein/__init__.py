# SPDX-License-Identifier: EUPL-1.2
"""Pure domain: identifiers, roles, pseudonyms. No I/O, no storage, no web."""
