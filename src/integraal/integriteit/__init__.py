# SPDX-License-Identifier: EUPL-1.2
"""Integriteit: monitoring the use of Integraal itself — detection rules over the processing
log, the privacy officer's queue of alerts, shielded persons and the access review."""
