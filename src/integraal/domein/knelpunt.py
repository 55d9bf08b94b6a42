# SPDX-License-Identifier: EUPL-1.2
"""The vocabulary of the register of sharing bottlenecks: themes, kinds, sources, statuses and
kinds of resolution (the service and the monitor both speak it)."""

from __future__ import annotations

from integraal.domein.keuze import Keuze


class Knelpuntthema(Keuze):
    MAINPORTS = "mainports", "Mainports (havens en luchthavens)"
    PREVENTIE_MET_GEZAG = "preventie_met_gezag", "Preventie met Gezag"
    ZORG_EN_VEILIGHEID = "zorg_en_veiligheid", "Zorg en veiligheid"
    GELDSTROMEN = "geldstromen", "Criminele geldstromen"
    BESTUURLIJK = "bestuurlijk", "Bestuurlijke aanpak en Bibob"
    OVERIG = "overig", "Overig"


class Knelpuntsoort(Keuze):
    JURIDISCH = "juridisch", "Juridische interpretatie"
    TECHNISCH = "technisch", "Technisch"
    ORGANISATORISCH = "organisatorisch", "Organisatorisch"
    CAPACITEIT = "capaciteit", "Capaciteit"


class Knelpuntbron(Keuze):
    DEELWIJZER = "deelwijzer", "Weigering in de deelwijzer"
    DEELVERZOEK = "deelverzoek", "Deelverzoek geweigerd door de deelregels"
    AFGEWEZEN = "afgewezen", "Deelverzoek afgewezen door de partner"
    HANDMATIG = "handmatig", "Met de hand vastgelegd"


class Knelpuntstatus(Keuze):
    OPEN = "open", "Open"
    GEESCALEERD = "geescaleerd", "Geëscaleerd"
    OPGELOST = "opgelost", "Opgelost"
    NIET_OPGELOST = "niet_opgelost", "Gesloten zonder oplossing"


class Oplossingssoort(Keuze):
    WETSWIJZIGING = "wetswijziging", "Voorstel tot wetswijziging"
    CONVENANT = "convenant", "Nieuw of aangepast convenant"
    DEELREGELS = "deelregels", "Aanpassing van de deelregels"
    WERKINSTRUCTIE = "werkinstructie", "Werkinstructie of uitleg"
    TECHNISCH = "technisch", "Technische aanpassing"
    GEEN = "geen", "Geen oplossing gevonden"
