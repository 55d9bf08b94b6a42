# SPDX-License-Identifier: EUPL-1.2
"""REST API under /api/v1 following the NLGov API Design Rules."""
