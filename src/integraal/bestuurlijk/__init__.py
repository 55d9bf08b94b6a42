# SPDX-License-Identifier: EUPL-1.2
"""The municipality's administrative instruments: Bibob, closures, Kadaster, claims."""
