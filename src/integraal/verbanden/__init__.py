# SPDX-License-Identifier: EUPL-1.2
"""The partnerships beyond the case machinery: WGS obligations and the register of sharing
bottlenecks."""
