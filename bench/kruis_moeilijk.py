# SPDX-License-Identifier: EUPL-1.2
"""A hard, seeded Dutch record-linkage set: a BRP-like register (A) beside a tax-authority-like
extract (B), built from households, with known truth and listed hard negatives.

The population is a few towns, built household by household at addresses: row houses, buildings
with letters (12, 12a, 12b) or toevoegingen (4-hs, 4-1hg / 4-I, 4-II / 7 bis) and flats with their
own numbers under one postcode. Households: single persons, couples, couples with children,
single parents with children, three generations (in apartments 55/25/12/8/0 %, in houses
25/32/33/8/2 %). A household shares
its surname: children carry the father's name (of married parents 92 %, of cohabiting parents
75 %, else the mother's; since 2024 a quarter a double name "Jansen de Vries"), the wife keeps
her own name in A. About 15 % of households are of Moroccan, Turkish, Surinamese (Hindustani,
Creole, Javanese) or other origin (Polish, Somali, Syrian, Ghanaian, Burkinabe, Vietnamese,
Spanish/Portuguese) with their own names. Surnames are Zipf-like (rank k about 1/√k as common:
'de Jong', 'Jansen', 'de Vries' on about 1 % each); given names by birth cohort (Johannes
Cornelis for the old, Daan and Emma for the young) with roepnamen from a small built-in table of
Dutch nicknames; a share of people go by their second given name.

Oversampled on purpose, so every hard-negative category has enough pairs to score (at 100,000
persons more than a thousand each): twins in 10 % of families with two or more children, the
eldest son named exactly after his father in 11 % of families with a father and a son, one in ten
households in a building sharing a surname with a household already living there (a grown-up
child in the flat above), and a quarter of the adult children having left home (in B only, at the
parental address).

A (`a.csv`): everyone in the towns, clean as the BRP holds it — all given names, voorvoegsel and
geslachtsnaam apart, `YYYY-MM-DD` with `00` for an unknown day or month (1.5 % of those born
before 1960, 8 % of first-generation migrants born before 1985), house number, letter and
toevoeging apart.

B (`b.csv`, `;`): 85 % of A once, plus persons not in A (15 % of B: households elsewhere, previous
occupants of an address in the towns, children who moved away). Notation, always chosen and not
counted as variation: the order of the name ("Jan de Vries" / "de Vries, Jan"), the whole name in
capitals (8 %), `D-M-YYYY` instead of `DD-MM-YYYY` (15 %), the postcode with or without a space,
the place in capitals (25 %), the pseudonymised BSN on 15 % of rows. Variation, each listed in
`waarheid.csv` under these names; the share is of the true pairs at 100,000 persons (a pair may
have several kinds: 37 % none, 41 % one, 17 % two, 4 % three or more):

- `voorletters` (27 %): initials ("J.C.", "J. C.", "JC", "J.").
- `roepnaam` (5.5 %): the nickname the person goes by ("Jan" for Johannes, "Kees" for
  Cornelis; B writes it for 65 % of those who have one), or the other way round the baptismal
  name for an official short name ("Johannes" for Jan).
- `tweede_voornaam` (2.1 %): the second given name the person goes by ("Maria Johanna" as
  "Johanna"; as "Joke" it is `roepnaam` too).
- `getrouwde_naam` (7.2 %): a married name — "Jansen-de Vries" (husband's name first),
  "de Vries-Jansen", "Jansen", "de Vries e/v Jansen", "Jansen e/v de Vries" — for married women
  (60 % of those born before 1960, 35 % to 1980, 15 % later; fewer of other origin), widows,
  and a few men who use their wife's name.
- `dubbele_naam` (0.9 %; half of those with a double surname): one part of it only.
- `transliteratie` (3.0 %; 35 % of those with a name that has other spellings): Mohamed /
  Mohammed / Muhammad, Youssef / Yusuf / Joesoef, Yılmaz / Jılmaz, Öztürk / Oeztuerk,
  Soekhoe / Sukhoe, el Amrani / El-Amrani / Elamrani / Amrani, ou/oe, ch/sh, kh/ch, y/j, ie/i,
  single or double letters.
- `diakrieten` (2.7 %; 45 % of those with diacritics, a few added): Zoë / Zoe, Şahin / Sahin,
  Ouédraogo / Ouedraogo, Daniel / Daniël.
- `tussenvoegsel` (6.7 %; 30 % of those with one): "v.d.", "vd", "v/d", "v.", capitals
  ("De Vries", "Van Der Berg"), after the name ("Vries, Jan de", "Vries de, J."), dropped.
- `typfout_naam` (4.0 %): a typing error (neighbouring key, missing, doubled or swapped letter)
  or a Dutch spelling variant (ij/y, ei/ij, s/ss, dt/t, c/k, ph/f, th/t) in a given name or
  surname.
- `gedeeltelijke_datum` (0.8 %: every B record of a person with a partial date): "01-01-1961",
  "00-00-1961" or "1961" (with a known month "01-07-1958", "00-07-1958" or "1958").
- `datum_typfout` (2.0 %): one digit off, still a valid date. `datum_verwisseld` (1.2 %): day
  and month swapped. `datum_ontbreekt` (1.0 %): no date.
- `huisnummer_notatie` (17 %; 45 % of addresses with a letter or toevoeging): "12 a", "12A",
  "12-A", "4-II", "4-2", "4II", "4-2 hoog", "7bis", the toevoeging dropped.
- `verhuisd` (7.6 %: 5 % of households together, 3 % of persons alone): B has another address,
  the old one or a newer one, in the same town (55 %) or elsewhere.

`harde_paren.csv` lists, per category, the A record of one person beside the B record of
another: `tweeling`, `jr_sr`, `echtgenoten`, `ouder_kind` (parent and child sharing a surname,
not jr_sr), `broer_zus` (not twins), `buren` (other household in the same building: same street,
postcode and number with another letter or toevoeging, or the flat next door), and
`naamgenoten` (same first given name and surname in the same town, other household). A pair is
in one category only, in this order.

Synthetic: names are drawn from lists of common names and combined at random; pseudonyms are
random hex tokens; nothing refers to a real person. Seeded and deterministic.

    python -m bench.kruis_moeilijk MAP [--personen 100000] [--zaad 7]
"""

from __future__ import annotations

import argparse
import calendar
import csv
import functools
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

from faker.providers.address.nl_NL import Provider as _Adres
from faker.providers.person.nl_NL import Provider as _Persoon

VARIATIES = (
    "typfout_naam",
    "roepnaam",
    "voorletters",
    "tweede_voornaam",
    "getrouwde_naam",
    "dubbele_naam",
    "transliteratie",
    "tussenvoegsel",
    "gedeeltelijke_datum",
    "datum_typfout",
    "datum_verwisseld",
    "datum_ontbreekt",
    "huisnummer_notatie",
    "verhuisd",
    "diakrieten",
)
CATEGORIEEN = (
    "tweeling",
    "jr_sr",
    "echtgenoten",
    "ouder_kind",
    "broer_zus",
    "buren",
    "naamgenoten",
)
A_KOLOMMEN = (
    "id",
    "bsn_pseudoniem",
    "voornamen",
    "voorvoegsel",
    "geslachtsnaam",
    "geslacht",
    "geboortedatum",
    "straatnaam",
    "huisnummer",
    "huisletter",
    "huisnummertoevoeging",
    "postcode",
    "woonplaats",
)
B_KOLOMMEN = (
    "relatienummer",
    "bsn_pseudoniem",
    "naam",
    "geboortedatum",
    "adres",
    "postcode",
    "plaats",
)
PEILJAAR = 2025  # the register's date: 1 January 2025
IN_B = 0.85  # share of A in B
BUITEN_B = 0.15  # share of B not in A
BSN_IN_B = 0.15

# --- names ---------------------------------------------------------------------------------

# The most common Dutch surnames, most common first (public frequency lists).
_NL_TOP = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
    "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
    "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten",
    "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster",
    "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters", "de Jonge", "Kuipers",
    "van Veen", "Post", "Kuiper", "Veenstra", "Kramer", "van den Brink", "Scholten", "van Wijk",
    "Postma", "Martens", "Vink", "de Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker",
    "van Loon", "Boer", "van der Velde", "Willemsen", "Smeets", "de Lange", "de Vos", "Bosch",
    "van Dongen", "Schipper", "de Koning", "van der Laan", "Koning", "van der Velden", "Driessen",
    "van Doorn", "Hermans", "Evers", "van den Bosch", "van der Meulen", "Hofman", "Bosman",
    "Wouters", "Sanders", "van der Horst", "Mol", "Kuijpers", "Molenaar", "van de Pol",
    "de Leeuw", "Verbeek", "van 't Hof", "in 't Veld", "ter Horst", "ten Brink", "op den Kamp",
)  # fmt: skip
_STAM = (
    "Hoog", "Wester", "Ooster", "Zuider", "Noord", "Groen", "Hout", "Kamp", "Brink", "Veld",
    "Molen", "Kerk", "Brug", "Hof", "Meer", "Zand", "Broek", "Beek", "Bree", "Steen", "Vliet",
    "Linde", "Eik", "Haar", "Rijn", "Wit", "Zwart", "Klein", "Groot", "Lange", "Kort", "Schut",
    "Vis", "Bouw", "Wind", "Dam", "Sloot", "Heuvel", "Hage", "Bosch", "Berg", "Riet", "Mos",
    "Boom", "Roo", "Hey", "Blok", "Vree", "Sterk", "Smal",
)  # fmt: skip
_ACHTER = (
    "man", "huis", "veld", "kamp", "stra", "ma", "sma", "inga", "ink", "hof", "berg", "land",
    "beek", "dijk", "meijer", "boom", "horst", "poel", "hout", "wijk", "sen", "stede",
    "mans", "brink", "laar", "loo", "haar",
)  # fmt: skip
_TV_STAART = ("van", "de", "van der", "van den", "van de", "ter", "ten", "van 't", "in 't", "te")
_TV_GEWICHT = (30, 25, 14, 10, 8, 4, 3, 2, 2, 2)
_TUSSENVOEGSELS = frozenset(
    {"van", "de", "der", "den", "het", "'t", "in", "op", "ter", "ten", "te", "la", "da", "dos"}
)

# Given names per birth cohort, most common first. Old Dutch names are baptismal names.
_OUD_M = (
    "Johannes", "Cornelis", "Hendrik", "Jan", "Petrus", "Jacobus", "Willem", "Gerrit", "Pieter",
    "Adrianus", "Antonius", "Gerardus", "Dirk", "Theodorus", "Franciscus", "Wilhelmus",
    "Nicolaas", "Marinus", "Albertus", "Hendrikus", "Lambertus", "Bernardus", "Josephus",
    "Leonardus", "Martinus", "Arie", "Klaas", "Hermanus", "Jacob", "Abraham", "Gijsbertus",
    "Hubertus", "Arnoldus", "Everardus", "Fredericus",
)  # fmt: skip
_OUD_V = (
    "Maria", "Johanna", "Cornelia", "Wilhelmina", "Anna", "Hendrika", "Elisabeth", "Catharina",
    "Geertruida", "Adriana", "Jacoba", "Petronella", "Margaretha", "Helena", "Aaltje", "Grietje",
    "Neeltje", "Antonia", "Gerarda", "Alida", "Aleida", "Josephina", "Theodora", "Francisca",
    "Dirkje", "Jannetje", "Hendrikje", "Geertje", "Trijntje", "Dorothea", "Susanna",
)  # fmt: skip
_MIDDEN_M = (
    "Johannes", "Jan", "Peter", "Hans", "Cornelis", "Kees", "Henk", "Gerard", "Petrus", "Ton",
    "Rob", "Paul", "Frank", "Marco", "René", "Ronald", "Erik", "Martin", "Wim", "Ad", "Harry",
    "Richard", "André", "Hendrik", "Jacobus", "Piet", "Klaas", "Wilhelmus", "Antonius", "Jos",
    "Theo", "Leo", "Gert", "Bert", "Fred", "Joop", "Anton",
)  # fmt: skip
_MIDDEN_V = (
    "Maria", "Johanna", "Ingrid", "Anja", "Monique", "Petra", "Marian", "Marja", "Annemarie",
    "Yvonne", "Carla", "Jolanda", "Wilma", "Ria", "Gerda", "Els", "Karin", "Ellen", "Anna",
    "Cornelia", "Elisabeth", "Hélène", "Mariëlle", "José", "Truus", "Willy", "Corrie", "Annie",
    "Joke", "Ans", "Thea", "Elly",
)  # fmt: skip
_JONG_M = (
    "Dennis", "Mark", "Martijn", "Jeroen", "Michel", "Patrick", "Sander", "Bas", "Tim", "Thomas",
    "Rick", "Kevin", "Niels", "Stefan", "Bart", "Joost", "Ruben", "Wouter", "Mike", "Daniel",
    "Jasper", "Roy", "Robin", "Vincent", "Maarten", "Johan", "Alexander", "Sebastiaan",
    "Christiaan", "Johannes", "Jan", "Michael",
)  # fmt: skip
_JONG_V = (
    "Linda", "Sandra", "Kim", "Esther", "Marieke", "Anouk", "Lisa", "Laura", "Sanne", "Iris",
    "Manon", "Femke", "Daniëlle", "Chantal", "Wendy", "Nicole", "Kelly", "Melissa", "Inge",
    "Judith", "Ilse", "Mirjam", "Maria", "Elisabeth", "Anne", "Eva", "Marloes", "Joëlle",
)  # fmt: skip
_KIND_M = (
    "Daan", "Sem", "Lucas", "Finn", "Levi", "Noah", "Bram", "Luuk", "Milan", "Jesse", "Thijs",
    "Liam", "Mees", "Tim", "Tom", "Ruben", "Lars", "Teun", "Sven", "Max", "Julian", "Stijn",
    "Thomas", "Siem", "Jayden", "Gijs", "Jens", "Sam", "Ties", "Adam", "Bas", "Dex", "Olivier",
)  # fmt: skip
_KIND_V = (
    "Emma", "Julia", "Sophie", "Tess", "Zoë", "Mila", "Sara", "Eva", "Anna", "Anne", "Lisa",
    "Fleur", "Lotte", "Lieke", "Noa", "Nina", "Nora", "Evi", "Sanne", "Saar", "Yara", "Isa",
    "Roos", "Fenna", "Floor", "Jasmijn", "Liv", "Olivia", "Lynn", "Chloë", "Noor", "Elin",
)  # fmt: skip
_TWEELING = {
    "M": (("Daan", "Sem"), ("Tim", "Tom"), ("Luuk", "Lars"), ("Thijs", "Teun"), ("Bas", "Bram"),
          ("Ruben", "Robin"), ("Mees", "Mats"), ("Jens", "Joris"), ("Milan", "Mika")),
    "V": (("Anna", "Anne"), ("Lisa", "Lise"), ("Fleur", "Floor"), ("Noa", "Nina"),
          ("Lotte", "Lieke"), ("Sanne", "Saar"), ("Isa", "Ilse"), ("Evi", "Eva")),
}  # fmt: skip

# Nicknames: official name → what people are called. In the generator only.
_ROEPNAMEN: dict[str, tuple[str, ...]] = {
    "Johannes": ("Jan", "Hans", "Joop", "Johan", "Jo"),
    "Cornelis": ("Kees", "Cor"),
    "Petrus": ("Piet", "Peter"),
    "Pieter": ("Piet",),
    "Hendrik": ("Henk", "Harry", "Hein"),
    "Hendrikus": ("Henk", "Rik"),
    "Gerardus": ("Gerard", "Gerrit", "Ger"),
    "Willem": ("Wim", "Pim"),
    "Wilhelmus": ("Wim", "Willem"),
    "Nicolaas": ("Klaas", "Niek", "Nico"),
    "Jacobus": ("Sjaak", "Jaap", "Koos"),
    "Antonius": ("Toon", "Ton", "Anton"),
    "Marinus": ("Rien", "Rinus"),
    "Adrianus": ("Adrie", "Ad", "Arie"),
    "Theodorus": ("Theo", "Dorus"),
    "Franciscus": ("Frans", "Frank"),
    "Josephus": ("Sjef", "Jos", "Joop"),
    "Lambertus": ("Bert",),
    "Albertus": ("Bert", "Ab"),
    "Gijsbertus": ("Gijs", "Bert"),
    "Hubertus": ("Huub",),
    "Leonardus": ("Leo", "Leen"),
    "Bernardus": ("Ben", "Bernard"),
    "Martinus": ("Martin", "Tinus"),
    "Arnoldus": ("Arnold", "Noud"),
    "Everardus": ("Evert",),
    "Fredericus": ("Frits", "Freek"),
    "Hermanus": ("Herman", "Manus"),
    "Abraham": ("Bram",),
    "Dirk": ("Dick",),
    "Wilhelmina": ("Mien", "Willy", "Wil"),
    "Elisabeth": ("Bep", "Els", "Betty", "Lies", "Lisa"),
    "Geertruida": ("Truus", "Trudy"),
    "Anna": ("Annie", "Ans", "Anneke"),
    "Maria": ("Ria", "Marie", "Mies", "Marja"),
    "Johanna": ("Jo", "Joke", "Hannie", "Annie", "Jannie"),
    "Cornelia": ("Corrie", "Nel", "Cora"),
    "Hendrika": ("Riek", "Henny"),
    "Catharina": ("Toos", "Tiny", "Rina"),
    "Jacoba": ("Coby", "Coba"),
    "Adriana": ("Adrie", "Ada"),
    "Petronella": ("Nel", "Nelly", "Pleun"),
    "Margaretha": ("Greet", "Margriet", "Rita"),
    "Helena": ("Lenie", "Heleen", "Ellen"),
    "Antonia": ("Toos", "Tonny"),
    "Gerarda": ("Gerda", "Gerrie"),
    "Alida": ("Alie", "Lida"),
    "Aleida": ("Alie", "Lida"),
    "Josephina": ("Fien", "Josje"),
    "Theodora": ("Thea", "Dora"),
    "Francisca": ("Cisca", "Francien"),
    "Dorothea": ("Thea", "Dorien"),
    "Susanna": ("Suus", "Sanne"),
    "Alexander": ("Alex", "Sander"),
    "Sebastiaan": ("Bas",),
    "Christiaan": ("Chris",),
    "Michael": ("Mike",),
}
# Official short names and the baptismal name a clerk may write for them.
_VOLUIT = {
    "Jan": "Johannes", "Kees": "Cornelis", "Piet": "Petrus", "Henk": "Hendrik", "Wim": "Willem",
    "Klaas": "Nicolaas", "Ton": "Antonius", "Ad": "Adrianus", "Joop": "Johannes",
    "Hans": "Johannes", "Theo": "Theodorus", "Jos": "Josephus", "Truus": "Geertruida",
    "Ria": "Maria", "Annie": "Anna", "Corrie": "Cornelia", "Joke": "Johanna", "Els": "Elisabeth",
    "Bert": "Lambertus", "Gert": "Gerardus", "Anton": "Antonius", "Leo": "Leonardus",
}  # fmt: skip
_MET_TWEEDE = frozenset({"Maria", "Johannes", "Johanna", "Anna", "Petrus", "Cornelis"})

# Other origins: given names (male, female) and surnames, most common first. Groups of
# spellings for the same name: the register holds one, another source may write another.
_SPELLINGEN = (
    ("Mohamed", "Mohammed", "Muhammad", "Mohamad", "Mohammad", "Mouhamed", "Muhammed"),
    ("Youssef", "Yusuf", "Youssouf", "Yousef", "Joesoef"),
    ("Ahmed", "Ahmad", "Achmed"),
    ("Khadija", "Khadidja", "Chadija", "Khadiga"),
    ("Fatima", "Fatma", "Fatimah", "Fadma"),
    ("Hassan", "Hasan", "Hassane"),
    ("Hussein", "Hoessein", "Hussain", "Husein"),
    ("Abdelkader", "Abdel Kader", "Abdelkadir", "Abdulkadir"),
    ("Mustafa", "Mustapha", "Moestafa", "Moustapha"),
    ("Said", "Saïd", "Saied", "Sayed"),
    ("Rachid", "Rashid", "Rachied", "Rasheed"),
    ("Karim", "Kariem", "Kareem"),
    ("Noureddine", "Nourdin", "Nordin", "Nouredine"),
    ("Khalid", "Khaled", "Chalid"),
    ("Aicha", "Aïcha", "Aisha", "Aysha"),
    ("Naima", "Naïma", "Naeima"),
    ("Meryem", "Mariam", "Maryam", "Meriem"),
    ("Ilias", "Ilyas", "Iliass"),
    ("Zakaria", "Zakariya", "Zakariae"),
    ("Omar", "Umar", "Oumar"),
    ("Othman", "Osman", "Usman", "Oesman"),
    ("Ismail", "Ismaïl", "Esmail", "Smail"),
    ("Ibrahim", "Ebrahim", "Brahim", "Ibrahiem"),
    ("Abdellah", "Abdallah", "Abdullah", "Abdoellah"),
    ("Soufiane", "Sofian", "Sufyan", "Soufian"),
    ("Yassine", "Yassin", "Yasin", "Jassin"),
    ("Hamza", "Hamsa", "Hamzah"),
    ("Samira", "Sameera", "Samiera"),
    ("Latifa", "Latiefa", "Lateefa"),
    ("Mehmet", "Mehmed"),
    ("Hüseyin", "Huseyin", "Hüsseyin", "Hoesein"),
    ("Ömer", "Omer", "Oemer"),
    ("Hatice", "Hatidze", "Hadice"),
    ("Şerife", "Serife", "Sjerife", "Sherife"),
    ("Ayşe", "Ayse", "Aysje", "Aysche"),
    ("Gül", "Gul", "Guel"),
    ("Özlem", "Ozlem", "Oezlem"),
    ("Büşra", "Busra", "Boesra", "Bushra"),
    ("Yıldız", "Yildiz", "Jildiz"),
    ("Radjesh", "Rajesh", "Radjes"),
    ("Soeniel", "Sunil", "Soenil"),
    ("Ashwin", "Ashwien", "Asjwin"),
    ("Sunita", "Soenita"),
    ("Kavita", "Kawita"),
    ("Krishna", "Kriesna", "Krisna"),
    ("Anil", "Aniel"),
    ("Dinesh", "Dinesj", "Dienesh"),
    ("Vikash", "Vikas", "Wikash"),
    ("Shanti", "Sjanti", "Shantie"),
    ("Abdullahi", "Abdoellahi", "Abdulahi"),
    ("Faduma", "Fadumo", "Fatuma"),
    ("Hawa", "Hawo", "Hauwa"),
    ("Rania", "Raniya", "Ranya"),
    ("Noor", "Nour", "Nur"),
    ("Rami", "Ramy", "Ramie"),
    ("Kwame", "Kwami"),
    ("Akosua", "Akossua"),
)
_SPELLING = {naam: groep for groep in _SPELLINGEN for naam in groep}
_HERKOMST: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "ma": (
        ("Mohamed", "Ahmed", "Mustafa", "Youssef", "Said", "Rachid", "Abdelkader", "Hassan",
         "Karim", "Khalid", "Noureddine", "Bilal", "Ayoub", "Hamza", "Anas", "Ilias", "Soufiane",
         "Zakaria", "Othman", "Driss", "Ibrahim", "Abdellah", "Omar", "Ismail", "Yassine",
         "Mehdi", "Amine", "Hicham", "Redouan", "Adil"),
        ("Fatima", "Khadija", "Aicha", "Naima", "Malika", "Samira", "Hanan", "Nadia", "Zineb",
         "Meryem", "Ikram", "Salma", "Imane", "Hajar", "Nora", "Sara", "Yasmina", "Latifa",
         "Rachida", "Hafsa", "Loubna", "Soumaya", "Houda", "Siham"),
        ("el Amrani", "El Idrissi", "Bouzid", "Benali", "Ait Taleb", "Ouali", "el Haddouchi",
         "Boukhari", "Achahbar", "Chaouch", "el Khattabi", "Amrani", "Bakkali", "Azzouzi",
         "Boutaher", "Ouahabi", "Chakor", "Ahrouch", "Mouhib", "el Makhloufi", "Boujdaini",
         "Laaroussi", "Zaoui", "Hamdaoui", "Bouchtaoui", "el Yousfi", "Abdellaoui", "Marzouki",
         "Tahiri", "Ziani", "Benhaddou", "Khayati", "Ouchene", "Bensaid", "Essaidi",
         "Ait Ouahmane", "Belhaj", "Akhlal", "Boulahrouz", "Chairi", "Kharbouch", "Ouazzani",
         "Rahmouni", "Sghir", "Touzani", "Yachou", "Zeroual", "Mourabit", "el Ouariachi"),
    ),
    "tr": (
        ("Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "Ibrahim", "Ismail", "Osman",
         "Murat", "Emre", "Yusuf", "Ömer", "Burak", "Kemal", "Serkan", "Cem", "Eren", "Kerem",
         "Mert", "Halil", "Recep", "Erkan", "Volkan"),
        ("Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Sultan",
         "Hülya", "Özlem", "Gül", "Esra", "Büşra", "Derya", "Selin", "Ebru", "Yasemin", "Nur",
         "Ece", "Yıldız", "Songül"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
         "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt",
         "Özkan", "Şimşek", "Polat", "Erdoğan", "Güneş", "Aksoy", "Korkmaz", "Bulut", "Keskin",
         "Ünal", "Özer", "Tekin", "Karakaya", "Yavuz", "Çakır", "Uçar", "Aktaş"),
    ),
    "sr_h": (
        ("Radjesh", "Soeniel", "Ashwin", "Krishna", "Anil", "Dinesh", "Vikash", "Sanjay",
         "Ramesh", "Rakesh", "Navin", "Shiwan", "Ravi", "Amit"),
        ("Sunita", "Kavita", "Shanti", "Anita", "Sita", "Rita", "Shirley", "Reshma", "Radha",
         "Sharda", "Indra", "Priya"),
        ("Ramdin", "Soekhoe", "Jagessar", "Mohan", "Ramsaroep", "Baldewsingh", "Kalpoe",
         "Ramlal", "Bhagwandin", "Sewnarain", "Ramkisoen", "Jhinkoe", "Mangroe", "Ramautar",
         "Chotkan", "Kanhai", "Lachman", "Bisoen", "Raghoebir", "Autar", "Ramdhani", "Soerdjbalie",
         "Girdhari", "Debipersad", "Ramcharan"),
    ),
    "sr_c": (
        ("Marcel", "Glenn", "Clarence", "Romeo", "Gregory", "Iwan", "Ricardo", "Ronald", "Edwin",
         "Orlando", "Hugo", "Dion"),
        ("Sharon", "Ingrid", "Gladys", "Jennifer", "Patricia", "Shirley", "Rosita", "Natasha",
         "Marisca", "Denise", "Ivette", "Priscilla"),
        ("Pinas", "Sabajo", "Doelwijt", "Vlijter", "Wijngaarde", "Zeefuik", "Emanuels", "Sedney",
         "Slagveer", "Nelom", "Esajas", "Kasimir", "Kross", "Linger", "Nijman", "Bouterse",
         "Fränkel", "Amatdjais", "Biharie", "Deekman"),
    ),
    "sr_j": (
        ("Soedarso", "Wagino", "Soekirman", "Paidi", "Ronny", "Djojo", "Roy", "Sugito"),
        ("Sri", "Wati", "Soekatmi", "Djoeminah", "Ratna", "Ninik", "Tuti", "Sumiati"),
        ("Kasanwirjo", "Soeratin", "Karijopawiro", "Sastrowidjojo", "Wongsodikromo", "Kartodikromo",
         "Soemodihardjo", "Djojosoeparto", "Mangoenkarso", "Pawirodihardjo", "Moestadja",
         "Tjokromo"),
    ),
    "pl": (
        ("Piotr", "Tomasz", "Paweł", "Łukasz", "Krzysztof", "Marcin", "Michał", "Jakub",
         "Grzegorz", "Wojciech", "Andrzej"),
        ("Agnieszka", "Katarzyna", "Małgorzata", "Anna", "Magdalena", "Joanna", "Monika",
         "Ewa", "Dorota", "Justyna"),
        ("Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
         "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk", "Jankowski",
         "Kaczmarek"),
    ),
    "so": (
        ("Abdi", "Abdullahi", "Ahmed", "Hassan", "Farah", "Ali", "Hussein", "Mohamed", "Omar",
         "Yusuf"),
        ("Hodan", "Faduma", "Hawa", "Amina", "Sahra", "Ifrah", "Khadija", "Nasra", "Ubah"),
        ("Abdullahi", "Warsame", "Osman", "Jama", "Farah", "Nur", "Abdi", "Aden", "Egal",
         "Dahir", "Ismail", "Yusuf"),
    ),
    "sy": (
        ("Mohammad", "Ahmad", "Khaled", "Omar", "Rami", "Bashar", "Fadi", "Hussam", "Samer",
         "Tarek"),
        ("Lina", "Rania", "Hala", "Noor", "Yara", "Rasha", "Dima", "Reem", "Huda"),
        ("al-Ahmad", "al-Hassan", "al-Khatib", "Haddad", "Khalil", "al-Ali", "Hamdan",
         "Mansour", "al-Hussein", "Sabbagh", "Shami", "Kassab"),
    ),
    "gh": (
        ("Kwame", "Kofi", "Kwabena", "Yaw", "Kwaku", "Emmanuel", "Samuel"),
        ("Akosua", "Ama", "Abena", "Efua", "Adwoa", "Grace", "Comfort"),
        ("Mensah", "Owusu", "Boateng", "Asante", "Osei", "Appiah", "Acheampong", "Agyeman",
         "Darko", "Amponsah"),
    ),
    "bf": (
        ("Issa", "Boukary", "Salif", "Adama", "Moussa", "Souleymane"),
        ("Aminata", "Mariam", "Fatoumata", "Awa", "Salimata"),
        ("Ouédraogo", "Sawadogo", "Compaoré", "Traoré", "Kaboré", "Zongo", "Ouattara",
         "Zoungrana"),
    ),
    "vn": (
        ("Minh", "Thanh", "Dũng", "Hùng", "Tuấn", "Quang", "Long"),
        ("Anh", "Linh", "Thảo", "Hương", "Lan", "Mai", "Ngọc"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi"),
    ),
    "es": (
        ("José", "Carlos", "Juan", "Luis", "João", "Miguel", "Pedro", "António", "Manuel"),
        ("María", "Ana", "Sofía", "Lucía", "Carmen", "Isabel", "Maria", "Joana", "Inês"),
        ("García López", "Martínez Fernández", "Rodríguez Pérez", "Sánchez Gómez",
         "da Silva Santos", "Gonçalves Pereira", "Fernandes da Costa", "Lopes Monteiro",
         "Hernández Ruiz", "Moreno Díaz", "Tavares Semedo", "dos Santos Varela"),
    ),
}  # fmt: skip
# Children born here to migrant parents: often a name that works in both languages.
_INTERNATIONAAL = (
    ("Adam", "Noah", "Ilias", "Rayan", "Sami", "Imran", "Daniel", "Yassin", "Amir", "Milan"),
    ("Sara", "Yasmin", "Amira", "Aya", "Lina", "Nora", "Ines", "Maryam", "Mila", "Dina"),
)
_HERKOMST_KANS = (
    ("nl", 85.0), ("ma", 4.0), ("tr", 4.0), ("sr_h", 1.4), ("sr_c", 1.0), ("sr_j", 0.6),
    ("pl", 1.3), ("so", 0.5), ("sy", 0.8), ("gh", 0.4), ("bf", 0.2), ("vn", 0.3), ("es", 0.5),
)  # fmt: skip
# Surnames spelled in a register from another script or language.
_TRANSLITEREERBAAR = frozenset({"ma", "tr", "sr_h", "sr_j", "so", "sy", "bf"})
_VASTE_SPELLINGEN = {
    "Ouédraogo": ("Wedraogo", "Ouedrago", "Oedraogo"),
    "Sawadogo": ("Sawadougou", "Savadogo"),
    "Compaoré": ("Kompaore", "Compaore Ouedraogo"),
}
_REGELS = (
    ("ou", ("oe", "u")),
    ("oe", ("ou", "u")),
    ("ch", ("sh", "kh")),
    ("kh", ("ch", "k")),
    ("sh", ("ch", "sj")),
    ("dj", ("j",)),
    ("tj", ("ch", "c")),
    ("ie", ("i",)),
    ("y", ("j", "i")),
    ("Y", ("J",)),
    ("ss", ("s",)),
    ("dd", ("d",)),
    ("aa", ("a",)),
    ("ş", ("sj", "sh")),
    ("Ş", ("Sj", "Sh")),
    ("ç", ("tsj", "ch")),
    ("Ç", ("Tsj", "Ch")),
    ("ö", ("oe",)),
    ("Ö", ("Oe",)),
    ("ü", ("ue",)),
    ("Ü", ("Ue",)),
    ("ğ", ("gh", "")),
    ("w", ("v",)),
)
_VOORVOEGSEL_AR = re.compile(r"^(?P<v>el|al|El|Al)[ -](?P<rest>.+)$")
_DIAKRIET_ERBIJ = {
    "Daniel": "Daniël", "Noel": "Noël", "Rafael": "Rafaël", "Michael": "Michaël",
    "Joel": "Joël", "Rene": "René", "Andre": "André", "Jose": "José", "Zoe": "Zoë",
    "Said": "Saïd", "Ismail": "Ismaïl", "Naima": "Naïma", "Aicha": "Aïcha", "Ines": "Inès",
}  # fmt: skip

# --- places and streets --------------------------------------------------------------------

_STRAATSTAM = (
    "Kerk", "Dorps", "Molen", "School", "Stations", "Juliana", "Beatrix", "Wilhelmina", "Oranje",
    "Nassau", "Hoofd", "Industrie", "Eiken", "Beuken", "Linden", "Rozen", "Tulpen", "Merel",
    "Lijster", "Spoor", "Haven", "Markt", "Kastanje", "Berken", "Esdoorn", "Iepen", "Vlier",
    "Hazel", "Meidoorn", "Seringen", "Jasmijn", "Narcis", "Krokus", "Lelie", "Anjer", "Klaver",
    "Kievit", "Zwaluw", "Reiger", "Meeuwen", "Valk", "Specht", "Koekoek", "Fazant", "Mussen",
    "Prins Hendrik", "Willem Alexander", "Burgemeester de Wit", "Jan van Goyen", "Rembrandt",
    "Vondel", "Bilderdijk", "Da Costa", "Jan Steen", "Vermeer", "Frans Hals", "Ruysdael",
    "Mozart", "Bach", "Chopin", "Händel", "Verdi", "Schubert", "Noorder", "Zuider", "Ooster",
    "Wester", "Nieuwe", "Oude", "Lange", "Korte", "Brede", "Smalle", "Hoge", "Lage", "Graaf",
    "Kanaal", "Dijk", "Polder", "Weide", "Akker", "Bongerd", "Boomgaard", "Veen", "Zand",
    "Duin", "Heide", "Bos", "Park", "Sport", "Tuin", "Kloosters", "Abdij", "Pastoor", "Koster",
)  # fmt: skip
_STRAATSOORT = (
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "pad", "hof", "dreef",
    "steeg", "park", "ring", "erf",
)  # fmt: skip
_TOEVOEGING_STIJL = (
    ("hs", "1hg", "2hg", "3hg"),
    ("I", "II", "III", "IV"),
    ("hs", "1", "2", "3"),
    ("1", "2", "3", "4"),
    ("A", "B", "C", "D"),
    ("hs", "bv"),
)
_PC_LETTER = "ABCDEGHJKLMNPRTVWXZ"  # no SA, SD or SS: PostNL does not use them
_ROMEINS = {"I": "1", "II": "2", "III": "3", "IV": "4", "1": "I", "2": "II", "3": "III", "4": "IV"}

# --- small helpers -------------------------------------------------------------------------

_EXTRA_VOUW = str.maketrans(
    {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss"}
)


def zonder_diakrieten(s: str) -> str:
    s = s.translate(_EXTRA_VOUW)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@functools.cache
def _zipf(n: int, s: float) -> list[float]:
    """Cumulative weights: the k-th item about 1/k^s as common."""
    return list(itertools.accumulate(1 / (k + 1) ** s for k in range(n)))


def _kies(rng: Random, items: Sequence[str], s: float) -> str:
    return rng.choices(items, cum_weights=_zipf(len(items), s))[0]


_RIJEN = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_BUREN_TOETS: dict[str, str] = {}
for _r, _rij in enumerate(_RIJEN):
    for _i, _c in enumerate(_rij):
        _n = [_rij[j] for j in (_i - 1, _i + 1) if 0 <= j < len(_rij)]
        for _ander in (_r - 1, _r + 1):
            if 0 <= _ander < 3:
                _n += [_RIJEN[_ander][j] for j in (_i - 1, _i) if 0 <= j < len(_RIJEN[_ander])]
        _BUREN_TOETS[_c] = "".join(_n)
_SPELLING_NL = (
    ("ij", "y"),
    ("y", "ij"),
    ("ss", "s"),
    ("sen", "ssen"),
    ("dt", "t"),
    ("c", "k"),
    ("k", "c"),
    ("ph", "f"),
    ("th", "t"),
    ("ei", "ij"),
)


def typfout(s: str, rng: Random) -> str:
    """A typing error or a Dutch spelling variant; never the same string."""
    for _ in range(20):
        soort = rng.random()
        if soort < 0.25:
            kandidaten = [(a, b) for a, b in _SPELLING_NL if a in s[1:]]
            if kandidaten:
                a, b = rng.choice(kandidaten)
                plekken = [m.start() for m in re.finditer(re.escape(a), s) if m.start() > 0]
                if plekken:
                    i = rng.choice(plekken)
                    nieuw = s[:i] + b + s[i + len(a) :]
                    if nieuw != s:
                        return nieuw
            continue
        if len(s) < 3:
            return s + s[-1]
        i = rng.randrange(1, len(s))
        c = s[i]
        if soort < 0.55 and c.lower() in _BUREN_TOETS:  # neighbouring key
            toets = rng.choice(_BUREN_TOETS[c.lower()])
            nieuw = s[:i] + (toets.upper() if c.isupper() else toets) + s[i + 1 :]
        elif soort < 0.7:  # missing letter
            nieuw = s[:i] + s[i + 1 :]
        elif soort < 0.85:  # doubled letter
            nieuw = s[:i] + c + s[i:]
        else:  # swapped letters
            j = i - 1
            nieuw = s[:j] + s[i] + s[j] + s[i + 1 :] if j > 0 else s
        if nieuw != s and nieuw.strip() == nieuw and "  " not in nieuw:
            return nieuw
    return s + "e"


def _geldig(j: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(j, m)[1] and 1900 <= j <= PEILJAAR


# --- the world -----------------------------------------------------------------------------


@dataclass(slots=True)
class Adres:
    straat: str
    huisnummer: int
    huisletter: str
    toevoeging: str
    postcode: str
    plaats: str
    gebouw: int = -1  # units with the same building number are neighbours
    flat: bool = False


@dataclass(slots=True)
class Persoon:
    nr: int
    huishouden: int
    herkomst: str
    geslacht: str
    voornamen: tuple[str, ...]
    roepnaam: str
    roep: tuple[str, ...]  # the variation kinds writing the roepnaam is
    voorvoegsel: str
    geslachtsnaam: str
    delen: tuple[str, ...]  # the parts of a double surname
    jaar: int
    maand: int  # 0 = unknown
    dag: int  # 0 = unknown
    adres: Adres
    bsn: str
    in_a: bool = True
    in_b: bool = True
    partnernaam: tuple[str, str] | None = None  # (voorvoegsel, geslachtsnaam) usable as married
    b_adres: Adres | None = None  # the address in B if other than in A
    verhuisd: bool = False

    @property
    def achternaam(self) -> str:
        return f"{self.voorvoegsel} {self.geslachtsnaam}".strip()


@dataclass
class Koppelset:
    """The whole set, with the internal person key (`Persoon.nr`) of every row."""

    a: list[dict[str, str]]
    b: list[dict[str, str]]
    waarheid: list[tuple[str, str, str]]
    harde_paren: list[tuple[str, str, str]]
    a_persoon: dict[str, int] = field(default_factory=dict)
    b_persoon: dict[str, int] = field(default_factory=dict)


class _Plaats:
    def __init__(self, naam: str, pc4: int) -> None:
        self.naam = naam
        self.pc4 = pc4
        self.pc_teller = 0
        self.straten: set[str] = set()
        self.wachtrij: list[Adres] = []
        self.woningen: list[Adres] = []


class _Wereld:
    def __init__(self, personen: int, zaad: int) -> None:
        self.rng = Random(zaad)
        r = self.rng
        self.nummer = 0
        self.gebouwen = 0
        self.huishoudens = 0
        self.personen: list[Persoon] = []
        self.relaties: list[tuple[int, int, str]] = []
        self.tweelingen: set[tuple[int, int]] = set()
        self.leden: dict[int, list[Persoon]] = {}

        staart = sorted(
            {n for n in _Persoon.last_names if re.fullmatch(r"[A-Z][a-zëï]+", n)}
            | {s + a for s in _STAM for a in _ACHTER}
        )
        staart = [n for n in staart if n not in {x.split()[-1] for x in _NL_TOP}]
        r.shuffle(staart)
        self.nl_achter: list[tuple[str, str]] = [self._splits(n) for n in _NL_TOP]
        for n in staart:
            tv = ""
            if r.random() < 0.22:
                tv = r.choices(_TV_STAART, weights=_TV_GEWICHT)[0]
            self.nl_achter.append((tv, n))
        self.nl_gewicht = _zipf(len(self.nl_achter), 0.5)
        namen, gewichten = zip(*_HERKOMST_KANS, strict=True)
        self.herkomsten, self.herkomst_gewicht = namen, list(itertools.accumulate(gewichten))
        self.kind_m = list(_KIND_M) + sorted(set(_Persoon.first_names_male) - set(_KIND_M))
        self.kind_v = list(_KIND_V) + sorted(set(_Persoon.first_names_female) - set(_KIND_V))

        steden = sorted(
            {s for s in _Adres.cities if re.fullmatch(r"[A-Z][a-z]+(-[A-Z][a-z]+)?", s)}
        )
        r.shuffle(steden)
        aantal = max(2, min(8, -(-personen // 12_500)))
        pc4 = [x * 100 + r.randrange(40) for x in r.sample(range(10, 99), aantal + 40)]
        self.plaatsen = [_Plaats(steden[i], pc4[i]) for i in range(aantal)]
        self.plaats_gewicht = [r.uniform(0.6, 1.4) for _ in self.plaatsen]
        self.elders = [_Plaats(steden[aantal + i], pc4[aantal + i]) for i in range(40)]

    @staticmethod
    def _splits(naam: str) -> tuple[str, str]:
        woorden = naam.split()
        i = 0
        while i < len(woorden) - 1 and woorden[i] in _TUSSENVOEGSELS:
            i += 1
        return " ".join(woorden[:i]), " ".join(woorden[i:])

    # addresses

    def _postcode(self, plaats: _Plaats) -> str:
        plaats.pc_teller += 1
        k = plaats.pc_teller
        cijfers = plaats.pc4 + (k // 300) % 100
        a, b = divmod((k * 7) % 361, 19)
        return f"{cijfers:04d}{_PC_LETTER[a]}{_PC_LETTER[b]}"

    def _straatnaam(self, plaats: _Plaats) -> str:
        r = self.rng
        for _ in range(50):
            stam, soort = r.choice(_STRAATSTAM), r.choice(_STRAATSOORT)
            naam = stam + soort
            if stam.lower() != soort and naam not in plaats.straten:
                plaats.straten.add(naam)
                return naam
        naam = f"{r.choice(_STRAATSTAM)}{r.choice(_STRAATSOORT)} {len(plaats.straten)}"
        plaats.straten.add(naam)
        return naam

    def _straat(self, plaats: _Plaats) -> list[Adres]:
        """A street's dwellings, in the order they are filled."""
        r = self.rng
        naam = self._straatnaam(plaats)
        uit: list[Adres] = []
        if r.random() < 0.12:  # a flat: every dwelling its own number, one postcode per 20
            self.gebouwen += 1
            postcode = ""
            for nr in range(1, r.randint(12, 60) + 1):
                if nr % 20 == 1:
                    postcode = self._postcode(plaats)
                uit.append(Adres(naam, nr, "", "", postcode, plaats.naam, self.gebouwen, True))
            return uit
        postcodes: dict[tuple[int, int], str] = {}
        for nr in range(1, r.randint(6, 70) + 1):
            sleutel = (nr % 2, (nr - 1) // 24)
            if sleutel not in postcodes:
                postcodes[sleutel] = self._postcode(plaats)
            pc = postcodes[sleutel]
            self.gebouwen += 1
            g = self.gebouwen
            kies = r.random()
            if kies < 0.70:
                uit.append(Adres(naam, nr, "", "", pc, plaats.naam, g))
            elif kies < 0.82:  # letters: 12, 12a, 12b or 12a, 12b, 12c
                letters = ["", "a", "b", "c"][: r.randint(2, 4)]
                if r.random() < 0.4:
                    letters = ["a", "b", "c", "d"][: r.randint(2, 4)]
                uit += [Adres(naam, nr, x, "", pc, plaats.naam, g) for x in letters]
            elif kies < 0.98:  # toevoegingen: 4-hs, 4-1hg / 4-I, 4-II
                stijl = r.choice(_TOEVOEGING_STIJL)
                uit += [
                    Adres(naam, nr, "", t, pc, plaats.naam, g)
                    for t in stijl[: r.randint(2, len(stijl))]
                ]
            else:  # a house added later between two numbers: 7 and 7 bis
                uit += [Adres(naam, nr, "", t, pc, plaats.naam, g) for t in ("", "bis")]
        return uit

    def woning(self, plaats: _Plaats) -> Adres:
        if not plaats.wachtrij:
            plaats.wachtrij = self._straat(plaats)[::-1]
        adres = plaats.wachtrij.pop()
        plaats.woningen.append(adres)
        return adres

    def los_adres(self, plaats: _Plaats) -> Adres:
        """An address in a town outside the register (no building neighbours)."""
        r = self.rng
        letter = r.choice(("", "", "", "", "", "", "a", "b"))
        toev = r.choice(("", "", "", "", "", "", "", "", "2", "hs", "II"))
        straat = r.choice(_STRAATSTAM) + r.choice(_STRAATSOORT)
        return Adres(straat, r.randint(1, 180), letter, toev, self._postcode(plaats), plaats.naam)

    # names

    def achternaam(self, herkomst: str) -> tuple[str, str, tuple[str, ...]]:
        r = self.rng
        if herkomst == "nl":
            tv, gn = r.choices(self.nl_achter, cum_weights=self.nl_gewicht)[0]
            if r.random() < 0.012:  # an old double name: "Smits van Oyen", "Snouck Hurgronje"
                tv2, gn2 = r.choices(self.nl_achter, cum_weights=self.nl_gewicht)[0]
                tweede = f"{tv2} {gn2}".strip()
                if tweede != gn:
                    return tv, f"{gn} {tweede}", (gn, tweede)
            return tv, gn, ()
        namen = _HERKOMST[herkomst][2]
        naam = _kies(r, namen, 0.4)
        m = _VOORVOEGSEL_AR.match(naam)
        if m:  # the register holds 'el' as voorvoegsel, or as part of the name
            if r.random() < 0.5:
                return m["v"].lower(), m["rest"], ()
            return "", m["v"].capitalize() + naam[2] + m["rest"], ()
        tv, gn = self._splits(naam)
        delen = tuple(gn.split(" ", 1)) if herkomst == "es" else ()
        if naam.startswith("Ait "):
            delen = ("Ait", naam[4:])
        return tv, gn, delen

    def _lijst(self, herkomst: str, geslacht: str, jaar: int) -> tuple[Sequence[str], float]:
        m = geslacht == "M"
        if herkomst != "nl":
            if jaar >= 1995 and self.rng.random() < 0.3:
                return _INTERNATIONAAL[0 if m else 1], 0.6
            return _HERKOMST[herkomst][0 if m else 1], 0.7
        if jaar < 1950:
            return (_OUD_M if m else _OUD_V), 0.8
        if jaar < 1975:
            return (_MIDDEN_M if m else _MIDDEN_V), 0.7
        if jaar < 2000:
            return (_JONG_M if m else _JONG_V), 0.6
        return (self.kind_m if m else self.kind_v), 0.9

    def voornamen(self, herkomst: str, geslacht: str, jaar: int) -> tuple[str, ...]:
        r = self.rng
        lijst, s = self._lijst(herkomst, geslacht, jaar)
        eerste = _kies(r, lijst, s)
        if eerste in _SPELLING:  # the register holds one of the spellings
            eerste = _kies(r, _SPELLING[eerste], 1.2)
        if herkomst == "nl":
            aantal = r.choices((1, 2, 3), weights=(25, 50, 25) if jaar < 1975 else (40, 45, 15))[0]
            oud = _OUD_M if geslacht == "M" else _OUD_V
            namen = [eerste]
            while len(namen) < aantal:
                n = r.choice(oud) if not (geslacht == "M" and r.random() < 0.05) else "Maria"
                if n not in namen:
                    namen.append(n)
            return tuple(namen)
        if r.random() < 0.15:
            tweede = r.choice(_HERKOMST[herkomst][0 if geslacht == "M" else 1])
            if tweede != eerste:
                return eerste, tweede
        return (eerste,)

    def roepnaam(
        self, voornamen: tuple[str, ...], jaar: int, geslacht: str
    ) -> tuple[str, tuple[str, ...]]:
        r = self.rng
        eerste = voornamen[0]
        if len(voornamen) > 1:
            kans = (0.4 if jaar < 1975 else 0.15) if eerste in _MET_TWEEDE else 0.04
            if r.random() < kans and not (geslacht == "M" and voornamen[1] == "Maria"):
                tweede = voornamen[1]
                if tweede in _ROEPNAMEN and r.random() < 0.5:
                    return r.choice(_ROEPNAMEN[tweede]), ("roepnaam", "tweede_voornaam")
                return tweede, ("tweede_voornaam",)
        if eerste in _ROEPNAMEN:
            kans = 0.8 if jaar < 1950 else 0.6 if jaar < 1975 else 0.25 if jaar < 2000 else 0.05
            if r.random() < kans:
                return r.choice(_ROEPNAMEN[eerste]), ("roepnaam",)
        return eerste, ()

    def persoon(
        self,
        herkomst: str,
        geslacht: str,
        jaar: int,
        naam: tuple[str, str, tuple[str, ...]],
        adres: Adres,
        *,
        voornamen: tuple[str, ...] | None = None,
        datum: tuple[int, int] | None = None,
        hier_geboren: bool = False,
    ) -> Persoon:
        r = self.rng
        voornamen = voornamen or self.voornamen(herkomst, geslacht, jaar)
        roepnaam, roep = self.roepnaam(voornamen, jaar, geslacht)
        if datum:
            maand, dag = datum
        else:
            maand = r.randint(1, 12)
            dag = r.randint(1, calendar.monthrange(jaar, maand)[1])
            kans = 0.08 if herkomst != "nl" and jaar < 1985 and not hier_geboren else 0.0
            if jaar < 1960:
                kans = max(kans, 0.015)
            if r.random() < kans:
                dag = 0
                if r.random() < 0.7:
                    maand = 0
        self.nummer += 1
        p = Persoon(
            self.nummer,
            self.huishoudens,
            herkomst,
            geslacht,
            voornamen,
            roepnaam,
            roep,
            naam[0],
            naam[1],
            naam[2],
            jaar,
            maand,
            dag,
            adres,
            f"{r.getrandbits(128):032x}",
        )
        self.personen.append(p)
        self.leden.setdefault(self.huishoudens, []).append(p)
        return p

    def herkomst(self) -> str:
        return self.rng.choices(self.herkomsten, cum_weights=self.herkomst_gewicht)[0]

    # households

    def huishouden(
        self, adres: Adres, buren: Sequence[Persoon] = (), *, elders: bool = False
    ) -> list[Persoon]:
        """One household at `adres`; sometimes sharing a surname with a neighbour in the
        building. Relations between its members go to `self.relaties`."""
        r = self.rng
        self.huishoudens += 1
        appartement = adres.flat or adres.huisletter != "" or adres.toevoeging != ""
        soorten = ("alleen", "paar", "gezin", "eenouder", "drie")
        gewicht = (55, 25, 12, 8, 0) if appartement else (25, 32, 33, 8, 2)
        soort = r.choices(soorten, weights=gewicht)[0]
        herkomst = self.herkomst()
        familie: tuple[str, str, tuple[str, ...]] | None = None
        if buren and r.random() < 0.1:
            b = r.choice(buren)
            herkomst, familie = b.herkomst, (b.voorvoegsel, b.geslachtsnaam, b.delen)
        eigen = familie or self.achternaam(herkomst)

        if soort == "alleen":
            jaar = PEILJAAR - r.choices(
                (r.randint(18, 29), r.randint(30, 49), r.randint(50, 64), r.randint(65, 79),
                 r.randint(80, 99)), weights=(25, 20, 20, 20, 15))[0]  # fmt: skip
            vrouw = r.random() < (0.72 if jaar < 1950 else 0.5)
            p = self.persoon(herkomst, "V" if vrouw else "M", jaar, eigen, adres)
            if vrouw and jaar < 1960 and r.random() < 0.5:  # a widow
                p.partnernaam = self.achternaam(herkomst)[:2]
            return [p]

        if soort == "eenouder":
            vrouw = r.random() < 0.82
            jaar = PEILJAAR - r.randint(24, 58)
            ouder = self.persoon(herkomst, "V" if vrouw else "M", jaar, eigen, adres)
            kindnaam = eigen if (not vrouw or r.random() < 0.45) else self.achternaam(herkomst)
            kinderen = self._kinderen(
                herkomst, jaar, kindnaam, adres, r.choice((1, 1, 2, 2, 3)), None if vrouw else ouder
            )
            for k in kinderen:
                self._ouder_kind(ouder, k)
            self._broers_zussen(kinderen)
            return [ouder, *kinderen]

        # a couple, possibly with children and a grandparent
        if soort == "paar":
            leeftijd = r.choices(
                (r.randint(22, 35), r.randint(36, 55), r.randint(56, 75), r.randint(76, 94)),
                weights=(25, 15, 40, 20))[0]  # fmt: skip
        else:
            leeftijd = r.randint(27, 60)
        jaar_m = PEILJAAR - leeftijd
        jaar_v = min(PEILJAAR - 19, jaar_m + round(r.gauss(2, 3)))
        herkomst_v = herkomst if r.random() < 0.92 else self.herkomst()
        man = self.persoon(herkomst, "M", jaar_m, eigen, adres)
        vrouw = self.persoon(herkomst_v, "V", jaar_v, self.achternaam(herkomst_v), adres)
        getrouwd = r.random() < (0.85 if leeftijd > 50 else 0.55)
        if getrouwd:
            vrouw.partnernaam = (man.voorvoegsel, man.geslachtsnaam)
            if herkomst == "nl" and r.random() < 0.03:
                man.partnernaam = (vrouw.voorvoegsel, vrouw.geslachtsnaam)
        self.relaties.append((man.nr, vrouw.nr, "echtgenoten"))
        leden = [man, vrouw]
        if soort == "paar":
            return leden
        kindnaam = (man.voorvoegsel, man.geslachtsnaam, man.delen)
        if r.random() > (0.92 if getrouwd else 0.75):
            kindnaam = (vrouw.voorvoegsel, vrouw.geslachtsnaam, vrouw.delen)
        aantal = r.choices((1, 2, 3, 4, 5), weights=(35, 43, 16, 5, 1))[0]
        ander = vrouw if kindnaam[1] == man.geslachtsnaam else man
        dubbel = (kindnaam[0], f"{kindnaam[1]} {ander.achternaam}", (kindnaam[1], ander.achternaam))
        kinderen = self._kinderen(herkomst, jaar_v, kindnaam, adres, aantal, man, dubbel)
        for k in kinderen:
            self._ouder_kind(man, k)
            self._ouder_kind(vrouw, k)
        self._broers_zussen(kinderen)
        leden += kinderen
        if soort == "drie":  # the father's father or mother lives in
            jaar_g = jaar_m - r.randint(22, 38)
            if r.random() < 0.6:
                vernoemd = r.random() < 0.3 and jaar_m - jaar_g <= 40
                g = self.persoon(
                    herkomst,
                    "M",
                    jaar_g,
                    (man.voorvoegsel, man.geslachtsnaam, man.delen),
                    adres,
                    voornamen=man.voornamen if vernoemd else None,
                )
            else:
                g = self.persoon(herkomst, "V", jaar_g, self.achternaam(herkomst), adres)
                g.partnernaam = (man.voorvoegsel, man.geslachtsnaam)
            self._ouder_kind(g, man)
            leden.append(g)
        if elders:
            return leden
        for k in kinderen:  # grown-up children who left: only in B, at the parental address
            if PEILJAAR - k.jaar >= 18 and r.random() < 0.25:
                k.in_a = False
        return leden

    def _kinderen(
        self,
        herkomst: str,
        jaar_moeder: int,
        naam: tuple[str, str, tuple[str, ...]],
        adres: Adres,
        aantal: int,
        vader: Persoon | None = None,
        dubbel: tuple[str, str, tuple[str, ...]] | None = None,
    ) -> list[Persoon]:
        """Children living at home (at most 30 years old); the first two may be twins, the
        eldest son may be named after his father. Children born since 2024 may get a double
        name (`dubbel`), all of them then, as siblings carry one name."""
        r = self.rng
        jaar = jaar_moeder + r.randint(21, 36)
        jaren: list[int] = []
        for _ in range(aantal):
            if jaar > PEILJAAR - 1 or PEILJAAR - jaar > 30:
                break
            jaren.append(jaar)
            jaar += r.randint(1, 5)
        if not jaren:
            jaren = [min(PEILJAAR - 1, max(jaar_moeder + 21, PEILJAAR - 25))]
        if dubbel is not None and jaren[0] >= 2024 and r.random() < 0.25:
            naam = dubbel
        tweeling = len(jaren) >= 2 and r.random() < 0.1
        if tweeling:
            jaren[1] = jaren[0]
        kinderen: list[Persoon] = []
        vernoemd = vader is not None and r.random() < 0.11
        for i, j in enumerate(jaren):
            geslacht = r.choice("MV")
            voornamen = None
            datum = None
            if tweeling and i == 1:
                eerste = kinderen[0]
                datum = (eerste.maand, eerste.dag)
                if herkomst == "nl" and r.random() < 0.45:  # Daan and Sem, Anna and Anne
                    geslacht = eerste.geslacht
                    a, b = r.choice(_TWEELING[geslacht])
                    if r.random() < 0.5:
                        a, b = b, a
                    eerste.voornamen = (a, *eerste.voornamen[1:])
                    eerste.roepnaam, eerste.roep = a, ()
                    voornamen = (b, *self.voornamen(herkomst, geslacht, j)[1:])
                while voornamen is None or voornamen[0] == eerste.voornamen[0]:
                    voornamen = self.voornamen(herkomst, geslacht, j)
            elif (
                vernoemd
                and vader is not None
                and geslacht == "M"
                and 20 <= j - vader.jaar <= 40
                and not (tweeling and i == 0)
            ):
                voornamen, vernoemd = vader.voornamen, False
            kinderen.append(
                self.persoon(
                    herkomst,
                    geslacht,
                    j,
                    naam,
                    adres,
                    voornamen=voornamen,
                    datum=datum,
                    hier_geboren=True,
                )
            )
        if tweeling:
            self.relaties.append((kinderen[0].nr, kinderen[1].nr, "tweeling"))
            self.tweelingen.add((kinderen[0].nr, kinderen[1].nr))
        return kinderen

    def _ouder_kind(self, ouder: Persoon, kind: Persoon) -> None:
        if (ouder.voorvoegsel, ouder.geslachtsnaam) != (kind.voorvoegsel, kind.geslachtsnaam):
            return
        if ouder.voornamen == kind.voornamen and 20 <= kind.jaar - ouder.jaar <= 40:
            self.relaties.append((ouder.nr, kind.nr, "jr_sr"))
        else:
            self.relaties.append((ouder.nr, kind.nr, "ouder_kind"))

    def _broers_zussen(self, kinderen: list[Persoon]) -> None:
        for i, x in enumerate(kinderen):
            for y in kinderen[i + 1 :]:
                if (x.nr, y.nr) not in self.tweelingen:
                    self.relaties.append((x.nr, y.nr, "broer_zus"))


# --- B: the extract ------------------------------------------------------------------------


def _initialen(voornamen: Sequence[str], rng: Random) -> str:
    letters = [deel[0].upper() for naam in voornamen for deel in naam.split()]
    stijl = rng.random()
    if stijl < 0.15:
        return f"{letters[0]}."
    if stijl < 0.3:
        return " ".join(f"{x}." for x in letters)
    if stijl < 0.4:
        return "".join(letters)
    return "".join(f"{x}." for x in letters)


def _translitereer(naam: str, rng: Random) -> str:
    if naam in _SPELLING:
        return rng.choice([x for x in _SPELLING[naam] if x != naam])
    if naam in _VASTE_SPELLINGEN:
        return rng.choice(_VASTE_SPELLINGEN[naam])
    m = _VOORVOEGSEL_AR.match(naam)
    if m and rng.random() < 0.6:
        rest = m["rest"]
        v = "Al" if m["v"].lower() == "al" else "El"
        vormen = [f"El {rest}", f"El-{rest}", f"el-{rest}", f"{v}{rest.lower()}", f"Al {rest}"]
        vormen += [rest, f"{v}-{rest}"]
        return rng.choice([x for x in vormen if x != naam])
    kandidaten = [(a, b) for a, bs in _REGELS if a in naam for b in bs]
    if not kandidaten:
        return naam
    a, b = rng.choice(kandidaten)
    plekken = [m.start() for m in re.finditer(re.escape(a), naam)]
    i = rng.choice(plekken)
    nieuw = naam[:i] + b + naam[i + len(a) :]
    return nieuw[:1].upper() + nieuw[1:] if nieuw else naam


def _tussenvoegsel(tv: str, rng: Random) -> tuple[str, str]:
    """(style, tussenvoegsel as written): 'afkorting', 'hoofdletter', 'achter', 'weg'."""
    stijlen = ["hoofdletter", "achter", "achter", "weg"]
    if tv in ("van der", "van den", "van de", "van"):
        stijlen += ["afkorting"] * 3
    stijl = rng.choice(stijlen)
    if stijl == "afkorting":
        if tv == "van":
            return stijl, "v."
        return stijl, rng.choices(("v.d.", "vd", "v/d", "v. d."), weights=(55, 25, 12, 8))[0]
    if stijl == "hoofdletter":
        if rng.random() < 0.7:
            return stijl, tv[:1].upper() + tv[1:]
        return stijl, " ".join(w[:1].upper() + w[1:] for w in tv.split())
    return stijl, tv


def _b_naam(p: Persoon, rng: Random) -> tuple[str, list[str]]:
    soorten: list[str] = []
    # given names
    kies = rng.random()
    if kies < 0.27:
        voor = _initialen(p.voornamen, rng)
        soorten.append("voorletters")
        uitgeschreven = False
    elif p.roep and rng.random() < 0.65:
        voor = p.roepnaam
        soorten += p.roep
        uitgeschreven = True
    elif p.voornamen[0] in _VOLUIT and rng.random() < 0.15:
        voor = _VOLUIT[p.voornamen[0]]
        soorten.append("roepnaam")
        uitgeschreven = True
    else:
        voor = p.voornamen[0] if rng.random() < 0.85 else " ".join(p.voornamen)
        uitgeschreven = True
    # surname
    tv, gn = p.voorvoegsel, p.geslachtsnaam
    getrouwd = False
    if p.partnernaam and p.partnernaam != (p.voorvoegsel, p.geslachtsnaam):
        kans = 0.6 if p.jaar < 1960 else 0.35 if p.jaar < 1980 else 0.15
        if p.herkomst != "nl":  # a Dutch custom; Turkish women often follow it, others less
            kans *= 0.6 if p.herkomst == "tr" else 0.3
        if p.geslacht == "M" or rng.random() < kans:
            ptv, pgn = p.partnernaam
            partner, eigen = f"{ptv} {pgn}".strip(), p.achternaam
            gn = rng.choices(
                (
                    f"{partner}-{eigen}",
                    f"{eigen}-{partner}",
                    partner,
                    f"{eigen} e/v {partner}",
                    f"{partner} e/v {eigen}",
                ),
                weights=(50, 15, 20, 10, 5),
            )[0]
            tv, getrouwd = "", True
            soorten.append("getrouwde_naam")
    if not getrouwd and p.delen and rng.random() < 0.5:
        deel = p.delen[0] if rng.random() < 0.6 else p.delen[-1]
        tv, gn = (tv, deel) if deel == p.delen[0] else _Wereld._splits(deel)
        soorten.append("dubbele_naam")
    # another spelling of a name from another script or language (not of a married name)
    kan_voor = p.herkomst != "nl" and uitgeschreven and voor in _SPELLING
    kan_achter = p.herkomst in _TRANSLITEREERBAAR and not getrouwd
    if (kan_voor or kan_achter) and rng.random() < 0.35:
        if kan_voor and (not kan_achter or rng.random() < 0.5):
            oud, voor = voor, _translitereer(voor, rng)
            nieuw = voor
        else:
            oud = f"{tv} {gn}".strip()
            nieuw = _translitereer(oud, rng)
            tv, gn = ("", nieuw) if nieuw != oud else (tv, gn)
        if zonder_diakrieten(nieuw).lower() != zonder_diakrieten(oud).lower():
            soorten.append("transliteratie")
        elif nieuw != oud:
            soorten.append("diakrieten")
    tekst = f"{voor} {tv} {gn}"
    if zonder_diakrieten(tekst) != tekst:
        if rng.random() < 0.45 and "diakrieten" not in soorten:
            voor, tv, gn = (zonder_diakrieten(x) for x in (voor, tv, gn))
            soorten.append("diakrieten")
    elif rng.random() < 0.05:
        woorden = voor.split()
        if uitgeschreven and woorden and woorden[0] in _DIAKRIET_ERBIJ:
            voor = " ".join([_DIAKRIET_ERBIJ[woorden[0]], *woorden[1:]])
            soorten.append("diakrieten")
    if rng.random() < 0.04:
        if uitgeschreven and rng.random() < 0.4:
            voor = typfout(voor, rng)
        else:
            gn = typfout(gn, rng)
        soorten.append("typfout_naam")
    stijl = ""
    if tv and not getrouwd and rng.random() < 0.3:
        stijl, tv = _tussenvoegsel(tv, rng)
        soorten.append("tussenvoegsel")
    if stijl == "weg":
        tv = ""
    # notation
    if stijl == "achter":
        naam = f"{gn}, {voor} {tv}" if rng.random() < 0.6 else f"{gn} {tv}, {voor}"
    elif rng.random() < 0.62:
        naam = f"{voor} {tv} {gn}"
    else:
        naam = f"{tv} {gn}, {voor}"
    naam = " ".join(naam.split())
    if rng.random() < 0.08:
        naam = naam.upper()
    return naam, soorten


def _b_datum(p: Persoon, rng: Random) -> tuple[str, list[str]]:
    j, m, d = p.jaar, p.maand, p.dag
    if not d:
        if m:
            vorm = rng.choices((f"01-{m:02d}-{j}", f"00-{m:02d}-{j}", str(j)), weights=(4, 3, 2))
        else:
            vorm = rng.choices((f"01-01-{j}", f"00-00-{j}", str(j)), weights=(4, 3, 3))
        return vorm[0], ["gedeeltelijke_datum"]
    soorten: list[str] = []
    kies = rng.random()
    if kies < 0.01:
        return "", ["datum_ontbreekt"]
    if kies < 0.03:
        for _ in range(50):
            cijfers = list(f"{d:02d}{m:02d}{j:04d}")
            i = rng.randrange(8)
            cijfers[i] = str((int(cijfers[i]) + rng.randint(1, 9)) % 10)
            s = "".join(cijfers)
            d2, m2, j2 = int(s[:2]), int(s[2:4]), int(s[4:])
            if _geldig(j2, m2, d2) and (d2, m2, j2) != (d, m, j):
                d, m, j = d2, m2, j2
                soorten.append("datum_typfout")
                break
    elif d <= 12 and d != m and rng.random() < 0.035:
        d, m = m, d
        soorten.append("datum_verwisseld")
    if rng.random() < 0.15:
        return f"{d}-{m}-{j}", soorten
    return f"{d:02d}-{m:02d}-{j}", soorten


def _b_adres(adres: Adres, rng: Random) -> tuple[str, str, str, list[str]]:
    nr, letter, toev = str(adres.huisnummer), adres.huisletter, adres.toevoeging
    gewoon = f"{nr}{letter}" + (f" {toev}" if toev else "")
    nummer, soorten = gewoon, []
    if (letter or toev) and rng.random() < 0.45:
        for _ in range(10):
            if letter:
                letter_vorm = rng.choice(
                    (f" {letter}", letter.upper(), f"-{letter.upper()}", f" {letter.upper()}")
                )
                nummer = nr + letter_vorm
            else:
                nummer = nr
            if toev:
                t = toev
                if t in _ROMEINS and rng.random() < 0.5:
                    t = _ROMEINS[t]
                elif t.endswith("hg") and rng.random() < 0.5:
                    t = rng.choice((f"{t[0]} hoog", f"{t[0]}e", f"{t[0]}-hg", t[0]))
                elif t == "hs" and rng.random() < 0.5:
                    t = rng.choice(("H", "huis", "HS"))
                elif t == "bv" and rng.random() < 0.5:
                    t = "boven"
                scheiding = rng.choice(("-", " ", "", "-")) if t[0].isalpha() else "-"
                nummer += "" if rng.random() < 0.1 else f"{scheiding}{t}"
            if nummer != gewoon:
                soorten.append("huisnummer_notatie")
                break
        else:
            nummer = gewoon
    postcode = adres.postcode
    if rng.random() < 0.5:
        postcode = f"{postcode[:4]} {postcode[4:]}"
    plaats = adres.plaats.upper() if rng.random() < 0.25 else adres.plaats
    return f"{adres.straat} {nummer}", postcode, plaats, soorten


# --- the whole set -------------------------------------------------------------------------


def genereer(personen: int, zaad: int = 7) -> Koppelset:
    """The set in memory, with the person key of every A and B row."""
    w = _Wereld(personen, zaad)
    r = w.rng
    in_a = 0
    per_gebouw: dict[int, list[Persoon]] = defaultdict(list)
    while in_a < personen:
        plaats = r.choices(w.plaatsen, weights=w.plaats_gewicht)[0]
        adres = w.woning(plaats)
        leden = w.huishouden(adres, per_gebouw.get(adres.gebouw, ()))
        hier = [p for p in leden if p.in_a]
        if in_a + len(hier) > personen:  # the last household is cut to size
            weg = {p.nr for p in hier[personen - in_a :]}
            for p in leden:
                if p.nr in weg or not p.in_a:
                    p.in_a = p.in_b = False
        in_a += sum(p.in_a for p in leden)
        per_gebouw[adres.gebouw] += [p for p in leden if p.in_a]

    # who is in B, and where
    for leden in w.leden.values():
        if not any(p.in_a for p in leden):
            continue
        verhuizing = None
        if r.random() < 0.05:
            verhuizing = _ander_adres(w, leden[0].adres, r)
        for p in leden:
            if not p.in_a:
                if p.in_b:  # a child who left: the parental address, or a new one elsewhere
                    p.b_adres = p.adres if r.random() < 0.7 else w.los_adres(r.choice(w.elders))
                continue
            p.in_b = r.random() < IN_B
            if verhuizing is not None:
                p.b_adres, p.verhuisd = verhuizing, True
            elif r.random() < 0.03:
                p.b_adres, p.verhuisd = _ander_adres(w, p.adres, r), True
    uit_a = sum(p.in_b for p in w.personen if p.in_a)
    vertrokken = sum(p.in_b and not p.in_a for p in w.personen)
    nodig = round(uit_a * BUITEN_B / (1 - BUITEN_B)) - vertrokken
    while nodig > 0:  # households elsewhere, or earlier occupants of an address in the towns
        if r.random() < 0.2:
            plaats = r.choice(w.plaatsen)
            adres = r.choice(plaats.woningen)
            adres = Adres(adres.straat, adres.huisnummer, adres.huisletter, adres.toevoeging,
                          adres.postcode, adres.plaats)  # fmt: skip
        else:
            adres = w.los_adres(r.choice(w.elders))
        for p in w.huishouden(adres, elders=True):
            p.in_a, p.in_b, p.b_adres = False, nodig > 0, adres
            nodig -= p.in_b

    # rows
    a_personen = [p for p in w.personen if p.in_a]
    b_personen = [p for p in w.personen if p.in_b]
    r.shuffle(a_personen)
    r.shuffle(b_personen)
    a_id = {p.nr: str(i + 1) for i, p in enumerate(a_personen)}
    nummers = r.sample(range(100_000_000, 1_000_000_000), len(b_personen))
    b_id = {p.nr: str(n) for p, n in zip(b_personen, nummers, strict=True)}
    a_rijen = [
        {
            "id": a_id[p.nr],
            "bsn_pseudoniem": p.bsn,
            "voornamen": " ".join(p.voornamen),
            "voorvoegsel": p.voorvoegsel,
            "geslachtsnaam": p.geslachtsnaam,
            "geslacht": p.geslacht,
            "geboortedatum": f"{p.jaar:04d}-{p.maand:02d}-{p.dag:02d}",
            "straatnaam": p.adres.straat,
            "huisnummer": str(p.adres.huisnummer),
            "huisletter": p.adres.huisletter,
            "huisnummertoevoeging": p.adres.toevoeging,
            "postcode": p.adres.postcode,
            "woonplaats": p.adres.plaats,
        }
        for p in a_personen
    ]
    b_rijen, waarheid = [], []
    for p in b_personen:
        naam, soorten = _b_naam(p, r)
        datum, datumsoorten = _b_datum(p, r)
        adres = p.b_adres or p.adres
        regel, postcode, plaats, adressoorten = _b_adres(adres, r)
        b_rijen.append(
            {
                "relatienummer": b_id[p.nr],
                "bsn_pseudoniem": p.bsn if r.random() < BSN_IN_B else "",
                "naam": naam,
                "geboortedatum": datum,
                "adres": regel,
                "postcode": postcode,
                "plaats": plaats,
            }
        )
        if p.in_a:
            alle = set(soorten + datumsoorten + adressoorten)
            if p.verhuisd:
                alle.add("verhuisd")
            variaties = "|".join(v for v in VARIATIES if v in alle)
            waarheid.append((a_id[p.nr], b_id[p.nr], variaties))
    waarheid.sort(key=lambda x: int(x[0]))
    return Koppelset(
        a_rijen,
        b_rijen,
        waarheid,
        _harde_paren(w, a_id, b_id),
        {v: k for k, v in a_id.items()},
        {v: k for k, v in b_id.items()},
    )


def _ander_adres(w: _Wereld, adres: Adres, rng: Random) -> Adres:
    """The old or a newer address: another dwelling in the same town, or one elsewhere."""
    plaats = next((p for p in w.plaatsen if p.naam == adres.plaats), None)
    if plaats is not None and rng.random() < 0.55:
        for _ in range(20):
            ander = rng.choice(plaats.woningen)
            if ander.gebouw != adres.gebouw:
                return ander
    return w.los_adres(rng.choice(w.elders))


def _harde_paren(
    w: _Wereld, a_id: dict[int, str], b_id: dict[int, str]
) -> list[tuple[str, str, str]]:
    uit: list[tuple[str, str, str]] = []
    gezien: set[tuple[int, int]] = set()

    def voeg_toe(x: int, y: int, categorie: str) -> None:
        for p, q in ((x, y), (y, x)):
            if p in a_id and q in b_id and (p, q) not in gezien:
                gezien.add((p, q))
                uit.append((a_id[p], b_id[q], categorie))

    per_nr = {p.nr: p for p in w.personen}
    for categorie in CATEGORIEEN[:5]:
        for x, y, c in w.relaties:
            if c == categorie:
                voeg_toe(x, y, c)
    # neighbours: other households in one building (in a flat: next door)
    gebouwen: dict[int, list[Persoon]] = defaultdict(list)
    for p in w.personen:
        if p.adres.gebouw >= 0 and (p.in_a or p.in_b):
            gebouwen[p.adres.gebouw].append(p)
    for leden in gebouwen.values():
        for i, x in enumerate(leden):
            for y in leden[i + 1 :]:
                if x.huishouden == y.huishouden or x.adres is y.adres:
                    continue
                if x.adres.flat and (
                    abs(x.adres.huisnummer - y.adres.huisnummer) > 1
                    or x.adres.postcode != y.adres.postcode
                ):
                    continue
                voeg_toe(x.nr, y.nr, "buren")
    # namesakes: same first given name and surname in the same town, another household
    groepen: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for p in w.personen:
        if p.in_a or p.in_b:
            plaats = p.adres.plaats if p.in_a else (p.b_adres or p.adres).plaats
            groepen[(p.voornamen[0], p.achternaam, plaats)].append(p.nr)
    for leden_nr in groepen.values():
        for i, x in enumerate(leden_nr):
            for y in leden_nr[i + 1 :]:
                if per_nr[x].huishouden != per_nr[y].huishouden:
                    voeg_toe(x, y, "naamgenoten")
    return uit


def schrijf(map: Path, personen: int, zaad: int = 7) -> dict[str, Path]:
    """Writes a.csv, b.csv (`;`), waarheid.csv and harde_paren.csv into `map`."""
    s = genereer(personen, zaad)
    map.mkdir(parents=True, exist_ok=True)
    paden = {n: map / f"{n}.csv" for n in ("a", "b", "waarheid", "harde_paren")}
    with paden["a"].open("w", newline="", encoding="utf-8") as f:
        schrijver = csv.DictWriter(f, fieldnames=A_KOLOMMEN)
        schrijver.writeheader()
        schrijver.writerows(s.a)
    with paden["b"].open("w", newline="", encoding="utf-8") as f:
        schrijver = csv.DictWriter(f, fieldnames=B_KOLOMMEN, delimiter=";")
        schrijver.writeheader()
        schrijver.writerows(s.b)
    for naam, kop, rijen in (
        ("waarheid", ("a_id", "b_id", "variaties"), s.waarheid),
        ("harde_paren", ("a_id", "b_id", "categorie"), s.harde_paren),
    ):
        with paden[naam].open("w", newline="", encoding="utf-8") as f:
            c = csv.writer(f)
            c.writerow(kop)
            c.writerows(rijen)
    return paden


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("map", type=Path)
    p.add_argument("--personen", type=int, default=100_000)
    p.add_argument("--zaad", type=int, default=7)
    args = p.parse_args()
    for naam, pad in schrijf(args.map, args.personen, args.zaad).items():
        print(naam, pad)


if __name__ == "__main__":
    main()
