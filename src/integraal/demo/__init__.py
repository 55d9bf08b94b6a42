# SPDX-License-Identifier: EUPL-1.2
"""The deterministic, entirely fictitious demo world."""
