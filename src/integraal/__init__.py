# SPDX-License-Identifier: EUPL-1.2
"""Integraal: informatieruggengraat voor de integrale aanpak van ondermijning."""

__version__ = "0.1.0"
API_VERSION = "1.0.0"
