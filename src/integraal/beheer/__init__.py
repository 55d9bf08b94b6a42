# SPDX-License-Identifier: EUPL-1.2
"""Beheer: what an organisation runs itself, without a developer (issue 25): its users and
their roles first."""
