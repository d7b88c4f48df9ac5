"""Every message a contributor can see, in Dutch, in one place.

Contributors are teachers and policy staff who read Dutch (CONTRIBUTING.md); messages keep the
form `bestand:regel:kolom: veld: melding` and say what would be valid. Code and logs meant only
for maintainers stay English. Call sites use `t(key, **values)`; a template's `{name}` fields are
filled in with str.format (pydantic fills those of PydanticCustomError the same way).
"""
from __future__ import annotations

MESSAGES: dict[str, str] = {
    # reading the file (load.py)
    "file_too_large": "bestand is groter dan {limit} bytes ({size}); splits de tekst of maak hem korter",
    "file_too_large_plain": "bestand is groter dan {limit} bytes; splits de tekst of maak hem korter",
    "not_utf8": "geen geldige UTF-8 (byte 0x{byte:02x}); sla het bestand op als UTF-8",
    "control_character": "stuurteken of richtingsteken U+{code:04X} is niet toegestaan; haal het weg",
    "value_character": "teken U+{code:04X} is niet toegestaan (stuurteken, richtingsteken of niet-teken); haal het weg",
    "combining": "meer dan {limit} combinerende tekens achter elkaar; haal de gestapelde accenten weg",
    "not_regular_file": "dit is geen gewoon bestand (maar een map, pipe of apparaat); alleen gewone .yml-bestanden worden gelezen",
    "complex_key": "een sleutel moet gewone tekst zijn, geen lijst of blok",
    "duplicate_key": "sleutel '{key}' staat er twee keer (eerst op regel {first}); voeg de twee samen",
    "unsupported_node": "onbekend YAML-onderdeel {kind}",
    "alias": "verwijzingen (*{anchor}) zijn niet toegestaan; schrijf de waarde voluit",
    "anchor": "ankers (&{anchor}) zijn niet toegestaan; schrijf de waarde voluit",
    "tag": "YAML-tags ({tag}) zijn niet toegestaan; laat de tag weg",
    "too_deep": "meer dan {limit} niveaus diep ingesprongen",
    "yaml_character": "teken {character} mag niet in een YAML-bestand staan",
    "yaml_invalid": "ongeldige YAML: {detail}",
    "empty_file": "bestand is leeg; het moet velden bevatten (veld: waarde)",
    "top_not_mapping": "het bestand moet bestaan uit velden (veld: waarde), niet uit een lijst of losse tekst",
    "symlink": "symbolische koppelingen zijn niet toegestaan; voeg het bestand zelf toe",
    "unreadable": "bestand is niet te lezen: {reason}",
    # the model (validate.py, model.py)
    "unknown_field": "onbekend veld '{name}'{hint} (toegestaan: {valid})",
    "did_you_mean": "; bedoel je '{near}'?",
    "missing": "verplicht veld '{name}' ontbreekt",
    "too_long_text": "tekst is te lang: hoogstens {limit} tekens",
    "empty_text": "tekst mag niet leeg zijn",
    "too_many": "te veel items: hoogstens {limit}",
    "too_few": "te weinig items: minstens {limit}",
    "expected_text": "hier hoort tekst, maar er staat {found}",
    "expected_list": "hier hoort een lijst (regels die beginnen met '- '), maar er staat {found}",
    "expected_mapping": "hier horen velden (veld: waarde), maar er staat {found}",
    "fields_here": "; velden hier: {fields}",
    "expected_number": "hier hoort een geheel getal, bijvoorbeeld 2018",
    "number_at_least": "getal te klein: minstens {limit}",
    "number_at_most": "getal te groot: hoogstens {limit}",
    "invalid_value": "ongeldige waarde: {detail}",
    "shape_list": "een lijst",
    "shape_mapping": "een blok met velden",
    "shape_text": "tekst",
    "shape_nothing": "niets",
    "unknown_code": "onbekende code '{value}'{hint} (toegestaan: {valid})",
    "bad_date": "'{value}' is geen datum; schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD (bijvoorbeeld 2021-08)",
    "unreal_date": "'{value}' bestaat niet als datum",
    "year_range": "jaar {year} valt buiten 1900–2100",
    "url_characters": "een link mag geen spaties, aanhalingstekens, punthaken of backslashes bevatten",
    "bad_url": "'{value}' is geen http(s)- of mailto-link (bijvoorbeeld https://www.hsvmbo.nl)",
    # the case as a whole (validate.py)
    "bad_slug": "'{slug}' moet bestaan uit kleine letters, cijfers en losse streepjes ({pattern}), hoogstens 63 tekens",
    "windows_reserved": "'{slug}' is op Windows een gereserveerde bestandsnaam; kies een andere",
    "slug_not_file_name": "slug '{slug}' moet gelijk zijn aan de bestandsnaam '{stem}' (hernoem het bestand naar {slug}.yml)",
    "duplicate_code": "code '{code}' staat er twee keer; voeg de twee samen",
    "scan_answer_misfit": "antwoord '{answer}' past niet bij item {code} (toegestaan: {valid})",
    "scan_too_many_steering": "{count} items zonder antwoord; hoogstens 6 mogen als richtinggevend gelden (tabel 6.2)",
    "dates_out_of_order": "'{date}' komt vóór '{previous}'; zet de tijdlijn van oud naar nieuw",
    "no_cases_folder": "de map cases/ ontbreekt; maak haar aan (een lege map mag)",
    "cases_unreadable": "de map cases/ is niet te lezen: {reason}",
    "subfolder": "submappen van cases/ worden niet gelezen; zet het casusbestand direct in cases/",
    "yml_lowercase": "casusbestanden eindigen op .yml (kleine letters); hernoem het bestand naar {stem}.yml",
    "yaml_extension": "casusbestanden eindigen op .yml; hernoem het bestand",
    "duplicate_slug": "slug '{slug}' komt twee keer voor (ook in {other}:{line})",
    "unknown_vocabulary": "onbekende vocabulaire '{name}'",
    # commands (cli.py, scaffold.py, serve.py)
    "summary_errors": "{count} {noun}; er is niets geschreven.",
    "noun_error": "fout",
    "noun_errors": "fouten",
    "valid_files": "{count} {noun} in orde.",
    "noun_file": "bestand",
    "noun_files": "bestanden",
    "valid_cases": "{count} {noun} in orde.",
    "noun_case_file": "casusbestand",
    "noun_case_files": "casusbestanden",
    "build_failed": "bouwen mislukt: {detail}",
    "new_case_written": "{path} geschreven. Vul elk blok in en controleer het bestand daarna met: ./run validate {path}",
    "schema_written": "{path} geschreven",
    "no_file_name": "van '{name}' is geen bestandsnaam te maken; gebruik letters of cijfers",
    "file_exists": "dit bestand bestaat al; kies een andere naam of bewerk dat bestand",
    "serve_staged": "klaargezet in {seconds:.2f} s: {written} gewijzigd, {removed} verwijderd",
    "serve_fix": "Verbeter de fout(en) hierboven; de preview toont zolang de laatste goede versie.",
    "built": ("{target} gebouwd uit {cases} casussen: {rendered}/{total} praatplaten getekend (de rest uit de cache), "
              "{written} klaargezette bestanden gewijzigd, {removed} verwijderd. [{times}]"),
    "reserved_slug": ("'{slug}' is een naam die de site zelf gebruikt voor een pagina, praatplaat of map; kies een andere slug "
                      "(gereserveerd: {reserved})"),
    "written_twice": "de generator schreef '{path}' twee keer; een casus-slug valt samen met een eigen pagina",
    "diagram_twice": "twee praatplaten heten '{name}'; geef de casus een andere slug",
    "graphviz_problem": "Graphviz meldde een probleem in praatplaat '{name}': {detail}",
    "graphviz_failed": "Graphviz kon {what} niet tekenen",
    "svg_unsafe": "praatplaat '{name}': de SVG bevat <{tag}> {risky}; die wordt niet gepubliceerd",
    "worker_stopped": "een tekenproces stopte tijdens praatplaat/praatplaten {names}",
    "and_more": " (en nog {count})",
    "symlink_content": "symbolische koppelingen zijn niet toegestaan onder content/: {path}",
    "mkdocs_failed": "mkdocs build --strict mislukte (exitcode {code}):\n{detail}",
    "svg_unknown_element": "praatplaat '{name}': de SVG bevat <{tag}>; die wordt niet gepubliceerd",
    "pagefind_could_not_run": "de zoekindex (Pagefind) kon niet starten: {detail}",
    "pagefind_failed": "de zoekindex (Pagefind) mislukte (exitcode {code}):\n{detail}",
    "offline_index_empty": "de zoekindex voor de offline versie is leeg: geen pagina heeft een artikel met een titel",
    "serve_unexpected": "bouwen mislukt: {kind}: {detail}",
    "serve_waits": "Los het probleem op; de preview wacht op de volgende wijziging.",
    "serve_search_failed": "de zoekindex voor de preview mislukte: {detail}",
    # content/ (content.py)
    "unknown_answer_kind": "onbekende antwoordsoort '{kind}' (toegestaan: {valid})",
}

# PyYAML's own wording for the usual slips (a fragment of its message, in the order tried), and
# what to tell a contributor instead; anything else is shown as "ongeldige YAML: <PyYAML's words>".
YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("found character '\\t' that cannot start any token", "tab gevonden; spring in met spaties, niet met tabs"),
    ("cannot start any token", "dit teken kan hier geen waarde beginnen; zet de tekst tussen aanhalingstekens"),
    ("mapping values are not allowed here",
     "hier mag geen 'veld: waarde' staan; staat er een dubbele punt in een tekst, zet de tekst dan tussen aanhalingstekens"),
    ("could not find expected ':'",
     "hier ontbreekt een dubbele punt (veld: waarde), of een tekst loopt over meer regels zonder aanhalingstekens"),
    ("did not find expected key", "hier hoort een veld (veld: waarde); klopt het inspringen?"),
    ("did not find expected '-' indicator", "hier hoort een lijstregel die begint met '- '; klopt het inspringen?"),
    ("expected <block end>", "deze regel springt anders in dan de regels erboven"),
    ("expected ',' or ']'", "een lijst tussen [ en ] is niet afgesloten: hier ontbreekt een ',' of ']'"),
    ("expected ',' or '}'", "een blok tussen { en } is niet afgesloten: hier ontbreekt een ',' of '}'"),
    ("found unexpected end of stream", "het bestand houdt onverwacht op; ontbreekt er een afsluitend aanhalingsteken?"),
    ("found unknown escape character",
     "onbekende combinatie met een backslash in een tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("but found another document", "een casusbestand bevat één document; haal de regel '---' en wat erna komt weg"),
    ("expected a comment or a line break", "na deze waarde mag op dezelfde regel niets meer staan (behalve # commentaar)"),
)


def t(key: str, /, **values: object) -> str:
    """The Dutch message `key`, filled in."""
    return MESSAGES[key].format(**values)


def count(number: int, singular: str, plural: str) -> str:
    """`1 fout`, `3 fouten` (the nouns are message keys)."""
    return MESSAGES[singular] if number == 1 else MESSAGES[plural]


def yaml_problem(problem: str) -> str:
    """PyYAML's message in Dutch: a known slip explained, anything else marked as YAML's own words."""
    for english, dutch in YAML_PROBLEMS:
        if english in problem:
            return dutch
    return t("yaml_invalid", detail=problem)
