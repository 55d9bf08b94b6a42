# SPDX-License-Identifier: EUPL-1.2
"""Case work: signals, cases, data requests, advice and interventions.

Reads of personal data go through the door in `integraal.toegang`."""
