# SPDX-License-Identifier: EUPL-1.2
"""Server-rendered Dutch web pages; every page calls the same service the API exposes."""
