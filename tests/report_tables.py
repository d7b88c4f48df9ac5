"""What the report's tables say about the 11 cases: the expectations the site is checked against.

Table 5.2 (type per case) and table 6.2 (scan items that steered each case), read from the
report. Table 6.2's running text names other codes in three places (Noord-Holland also 2d and
2e, GLR 3a, Startacademie "onderdeel f"); the table cells are taken as the source.
"""
TABLE_5_2 = {
    "platform-vo-mbo-groningen": "SGS",
    "twents-fonds-voor-vakmanschap": "SGS",
    "mbo-instellingen-noord-holland": "SGS",
    "innovatieraad": "SGS",
    "praktijkroute-horeca-en-toerisme": "OCS",
    "kenniscentrum-creatieve-sector": "OCS",
    "verduurzaming-groene-samenwerking": "OCS",
    "media-innovatie-campus": "OCS",
    "food-academy-nijkerk": "OCS",
    "digiwise": "OCS",
    "startacademie": "OCS",
}

TABLE_6_2 = {
    "platform-vo-mbo-groningen": {"2e", "2f", "2i"},
    "twents-fonds-voor-vakmanschap": {"3d", "5c"},
    "mbo-instellingen-noord-holland": {"2f", "2h"},
    "praktijkroute-horeca-en-toerisme": {"5c", "5d"},
    "kenniscentrum-creatieve-sector": {"3d"},
    "verduurzaming-groene-samenwerking": {"2i"},
    "innovatieraad": {"2i", "2j", "5c"},
    "media-innovatie-campus": {"2b", "2d"},
    "food-academy-nijkerk": {"2f", "3a"},
    "digiwise": {"2b", "2e", "3b"},
    "startacademie": {"5c"},
}

ON_HOLD = {"mbo-instellingen-noord-holland", "startacademie"}
