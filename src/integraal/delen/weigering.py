# SPDX-License-Identifier: EUPL-1.2
"""A refusal by the rule engine, carrying the decision so every face can explain it."""

from __future__ import annotations

from integraal.delen.model import Besluit, Catalogus, Partnerregister
from integraal.delen.uitleg import leg_uit, waarom
from integraal.domein.fouten import GeenToegang


class Geweigerd(GeenToegang):
    """The API answers 403 with the rule and the full explanation; the web shows the
    structured 'Waarom?' block."""

    def __init__(self, besluit: Besluit, catalogus: Catalogus, register: Partnerregister) -> None:
        self.besluit = besluit
        self.waarom = waarom(besluit, catalogus, register)
        self.uitleg = leg_uit(besluit, catalogus, register)
        super().__init__(self.waarom.samenvatting)
