# SPDX-License-Identifier: EUPL-1.2
"""Cross-referencing in a case: matching runs over what the reader may see, a judgement queue,
and the subjects the judgements make. Reads go through `toegang`; scores come from `kruis`."""
