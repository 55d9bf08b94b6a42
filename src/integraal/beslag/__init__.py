# SPDX-License-Identifier: EUPL-1.2
"""The seizure chain (afpakken): kennisgeving, states with filter moments and deadlines, values,
the chain-event feed per partner, the vermogensdossier, social re-use and yearly figures.

Every read of an object or dossier passes the door in `integraal.toegang.beslag`."""
