# SPDX-License-Identifier: EUPL-1.2
"""Afpakken: the seizure chain from kennisgeving to execution, its information and figures.

Every read of a seized object passes the rule engine (SV-BESLAGKETEN for chain partners,
AVG-15-BESLAGENE for the person seized from) and writes a log line per object.
"""
