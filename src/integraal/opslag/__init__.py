# SPDX-License-Identifier: EUPL-1.2
"""Storage: the only layer that speaks SQL. Modules above it get sessions and repositories."""
