# SPDX-License-Identifier: EUPL-1.2
"""Web route modules, one per area of work; each exposes `router`."""
