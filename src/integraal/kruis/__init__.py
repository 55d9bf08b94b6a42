# SPDX-License-Identifier: EUPL-1.2
"""Kruisverwijzing: subjects across partner sources matched with an explanation per field,
judged by people, and drawn as a network. The engine modules (normaal, vergelijk, blokken,
model, clusters, koppel) are pure: they know records and pairs, not the database."""
