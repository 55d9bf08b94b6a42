# SPDX-License-Identifier: EUPL-1.2
"""Monitor: the approach itself — structure, indicators, finances, motions and commitments,
documents and the progress report. Aggregates and public documents only: no personal data of
citizens passes through here (members of parliament are named as the letters name them)."""
