# SPDX-License-Identifier: EUPL-1.2
"""Tables, one module per domain. Dutch domain names, English plumbing; timestamps are
timezone-aware UTC. Importing this package registers every table on `Basis.metadata`."""

from __future__ import annotations

from integraal.opslag.modellen.basis import NAAMGEVING, Basis, UTCDateTime, nu
from integraal.opslag.modellen.beheer import Gebruiker, Organisatie, Token
from integraal.opslag.modellen.beslag import (
    BekendVermogen,
    Beslagene,
    Beslaggebeurtenis,
    Beslagobject,
    Beslagwaardering,
    Betaling,
    Herbestemming,
    MaatschappelijkeOrganisatie,
    Medeschuldenaar,
    Onderzoekshandeling,
    Uitbak,
    Vermogensdossier,
)
from integraal.opslag.modellen.bronnen import Levering, Statement
from integraal.opslag.modellen.casus import (
    Advies,
    Casus,
    CasusLid,
    CasusSubject,
    Deelverzoek,
    Gebeurtenis,
    Interventie,
    Signaal,
)
from integraal.opslag.modellen.kruis import Kruisoordeel, Kruissuggestie, Kruistaak
from integraal.opslag.modellen.logboek import (
    AuditRecord,
    LogboekBetrokkene,
    LogboekCheckpoint,
    LogboekKop,
    LogboekRegel,
)
from integraal.opslag.modellen.monitor import (
    Deelopgave,
    Document,
    Documentverwijzing,
    Financieelrij,
    Financieeltabel,
    Gebied,
    Gebiedscijfer,
    Indicator,
    Kameropdracht,
    Lijnlabel,
    Maatregel,
    MonitorLijn,
    Observatie,
    Passage,
    Voetnoot,
)
from integraal.opslag.modellen.verbanden import (
    Facilitatorindicator,
    Informatieplicht,
    Knelpunt,
    Rapportageverzoek,
    Rondeantwoord,
    Signaalronde,
)

# Tables whose rows say something about a person. Only storage modules marked
# `PERSOONSGEGEVENS = True` return them, only `integraal.toegang` imports those modules, and no
# other layer queries these tables on a session (tests/test_architectuur.py).
PERSOONLIJKE_TABELLEN = frozenset(
    {
        "Statement",
        "Signaal",
        "CasusSubject",
        "Beslagene",
        "Beslagobject",
        "Vermogensdossier",
        "BekendVermogen",
        "Onderzoekshandeling",
        "Informatieplicht",
        "Rapportageverzoek",
        "Signaalronde",
        "Rondeantwoord",
    }
)

__all__ = [
    "NAAMGEVING",
    "PERSOONLIJKE_TABELLEN",
    "Advies",
    "AuditRecord",
    "Basis",
    "BekendVermogen",
    "Beslagene",
    "Beslaggebeurtenis",
    "Beslagobject",
    "Beslagwaardering",
    "Betaling",
    "Casus",
    "CasusLid",
    "CasusSubject",
    "Deelopgave",
    "Deelverzoek",
    "Document",
    "Documentverwijzing",
    "Facilitatorindicator",
    "Financieelrij",
    "Financieeltabel",
    "Gebeurtenis",
    "Gebied",
    "Gebiedscijfer",
    "Gebruiker",
    "Herbestemming",
    "Indicator",
    "Informatieplicht",
    "Interventie",
    "Kameropdracht",
    "Knelpunt",
    "Kruisoordeel",
    "Kruissuggestie",
    "Kruistaak",
    "Levering",
    "Lijnlabel",
    "LogboekBetrokkene",
    "LogboekCheckpoint",
    "LogboekKop",
    "LogboekRegel",
    "Maatregel",
    "MaatschappelijkeOrganisatie",
    "Medeschuldenaar",
    "MonitorLijn",
    "Observatie",
    "Onderzoekshandeling",
    "Organisatie",
    "Passage",
    "Rapportageverzoek",
    "Rondeantwoord",
    "Signaal",
    "Signaalronde",
    "Statement",
    "Token",
    "UTCDateTime",
    "Uitbak",
    "Vermogensdossier",
    "Voetnoot",
    "nu",
]
