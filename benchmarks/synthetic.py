"""Synthetic, valid and varied case portraits for the benchmarks (issue 6, "Fast at any size").

    write_corpus(root, n, seed=0)  → a project folder (content/, mkdocs.yml, cases/) with n cases

Text is Dutch: sentences are built from the word lists below, so lengths, diacritics and
Markdown-relevant characters look like real portraits. Codes come from content/vocabulaires.yml
and the samenwerkingsscan through generator.content.load_framework, so the corpus follows the
framework when it changes. Case i depends only on (seed, i): the first 100 cases of a corpus of
1,000 are the corpus of 100.

Three profiles: "rich" (every optional field and long lists, some texts near the maximum length),
"typical" (every field, lengths like the bundled cases) and "sparse" (required fields only), so
the templates' "not described" branches are exercised too.

    python benchmarks/synthetic.py OUT N [--seed S]   writes and validates a corpus
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import typing
import unicodedata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator.content import load_framework  # noqa: E402
from generator.model import Case  # noqa: E402
from generator.validate import load_cases  # noqa: E402

# --- Dutch vocabulary -------------------------------------------------------------------------

# (article, noun) so adjectives and determiners agree; adjectives are in their inflected form.
NOUNS = [
    ("de", "samenwerking"), ("de", "opleiding"), ("het", "bedrijf"), ("de", "docent"), ("de", "student"),
    ("de", "regio"), ("de", "gemeente"), ("het", "werkveld"), ("de", "praktijk"), ("de", "arbeidsmarkt"),
    ("het", "vakmanschap"), ("de", "stage"), ("de", "leerroute"), ("het", "netwerk"), ("de", "werkgever"),
    ("de", "instelling"), ("het", "onderwijs"), ("de", "provincie"), ("het", "platform"), ("de", "werkplaats"),
    ("de", "sector"), ("de", "branche"), ("het", "initiatief"), ("de", "aanpak"), ("de", "kennis"),
    ("de", "innovatie"), ("de", "doelgroep"), ("de", "leeromgeving"), ("het", "programma"), ("de", "begeleiding"),
    ("de", "coördinator"), ("de", "stuurgroep"), ("de", "werkgroep"), ("het", "bestuur"), ("de", "subsidie"),
    ("de", "financiering"), ("de", "kwalificatie"), ("het", "curriculum"), ("de", "vakschool"), ("de", "campus"),
    ("de", "praktijkroute"), ("het", "leerbedrijf"), ("de", "praktijkopleider"), ("de", "jongere"), ("de", "zij-instromer"),
    ("de", "uitvoering"), ("de", "agenda"), ("de", "ambitie"), ("het", "vertrouwen"), ("de", "continuïteit"),
    ("de", "werkgelegenheid"), ("het", "tekort"), ("de", "instroom"), ("de", "doorstroom"), ("het", "resultaat"),
    ("de", "evaluatie"), ("de", "ervaring"), ("het", "idee"), ("de", "verantwoordelijkheid"), ("de", "rol"),
    ("het", "convenant"), ("de", "overeenkomst"), ("de", "vereniging"), ("de", "stichting"), ("het", "fonds"),
    ("de", "hogeschool"), ("het", "kenniscentrum"), ("de", "branchevereniging"), ("het", "mkb"), ("de", "ondernemer"),
    ("de", "bbl-student"), ("de", "bol-opleiding"), ("het", "keuzedeel"), ("de", "examinering"), ("de", "werkvloer"),
]
ADJECTIVES = [
    "regionale", "duurzame", "praktijkgerichte", "gezamenlijke", "nieuwe", "technische", "sociale", "flexibele",
    "brede", "kleine", "grote", "lokale", "landelijke", "innovatieve", "betrokken", "eerste", "structurele",
    "financiële", "bestuurlijke", "inhoudelijke", "hybride", "vaste", "tijdelijke", "gedeelde", "creatieve",
    "digitale", "groene", "zorgvuldige", "actieve", "kwetsbare", "ervaren", "jonge", "enthousiaste", "cruciale",
]
VERBS = [  # third person singular, transitive
    "versterkt", "ondersteunt", "verbindt", "vergroot", "verbetert", "organiseert", "bundelt", "financiert",
    "begeleidt", "stimuleert", "ontwikkelt", "bevordert", "vernieuwt", "onderzoekt", "borgt", "deelt",
    "versnelt", "benut", "coördineert", "faciliteert", "verkent", "evalueert", "herijkt", "verduurzaamt",
]
INFINITIVES = [
    "verduurzamen", "uitbreiden", "versterken", "borgen", "verbreden", "financieren", "vernieuwen", "organiseren",
    "laten groeien", "beter laten aansluiten", "zichtbaar maken", "regionaal verankeren",
]
PREPOSITIONS = ["in", "voor", "met", "binnen", "rond", "vanuit", "naast", "via", "zonder", "na"]
OPENERS = [
    "Daarnaast", "Bovendien", "Tegelijk", "In de praktijk", "Sinds de start", "Volgens de partners",
    "Na de coronacrisis", "In de eerste jaren", "Op termijn", "Vooral", "Steeds vaker", "Inmiddels",
]
EXTRAS = [  # occasional characters that matter for escaping, as real portraits have them
    " (circa 40%)", " – zeker in het eerste jaar –", " (zie ook §5.4)", ": kennis, kunde & netwerk", " (bbl/bol)",
    " *samen* met de sector", " volgens de 'harde kant' van de zaak", " rond \"leven lang ontwikkelen\"",
    " [volgens tabel 6.2]", " (#1 in de regio)", " via https://www.voorbeeld.nl", " {zie bijlage}", " (ca. 1.200 uur)",
]
PLACES = [
    "Zwolle", "Nijkerk", "Leeuwarden", "Groningen", "Assen", "Emmen", "Deventer", "Enschede", "Hengelo", "Almelo",
    "Apeldoorn", "Arnhem", "Nijmegen", "Ede", "Wageningen", "Utrecht", "Amersfoort", "Hilversum", "Haarlem",
    "Alkmaar", "Den Helder", "Amsterdam", "Zaandam", "Leiden", "Den Haag", "Delft", "Rotterdam", "Dordrecht",
    "Gouda", "Middelburg", "Vlissingen", "Terneuzen", "Breda", "Tilburg", "Eindhoven", "'s-Hertogenbosch",
    "Helmond", "Venlo", "Roermond", "Maastricht", "Heerlen", "Sittard", "Lelystad", "Almere", "Drachten",
    "Sneek", "Meppel", "Hoogeveen", "Doetinchem", "Winterswijk", "Tiel", "Oss", "Roosendaal", "Bergen op Zoom",
]
SECTORS = [
    "Zorg en welzijn", "Techniek en installatie", "Food (voedingsmiddelenindustrie)", "Horeca en toerisme",
    "Bouw en infra", "Logistiek", "ICT en media", "Creatieve industrie", "Groen en agrarisch", "Maritiem",
    "Procestechniek", "Energietransitie", "Detailhandel", "Mobiliteit en automotive", "Veiligheid en sport",
    "Onderwijs en kinderopvang", "Economie en administratie", "Metaal en maakindustrie",
]
FORMS = [
    "Praktijkroute", "Field lab", "Centrum voor Innovatief Vakmanschap", "Regionaal platform", "Vakschool",
    "Academie", "Leerwerkplaats", "Innovatiewerkplaats", "Samenwerkingsverband", "Kenniscentrum", "Campus",
    "Fonds voor Vakmanschap", "Hybride leeromgeving", "Brancheschool", "Pact",
]
INSTITUTIONS = [
    "Aeres", "Deltion College", "Landstede", "ROC van Twente", "Graafschap College", "Rijn IJssel", "ROC Nijmegen",
    "Alfa-college", "Noorderpoort", "Drenthe College", "ROC Friese Poort", "Firda", "ROC Midden Nederland",
    "MBO Utrecht", "MBO Amersfoort", "Nova College", "ROC van Amsterdam", "Horizon College", "ROC Mondriaan",
    "Albeda", "Zadkine", "Da Vinci College", "Scalda", "Curio", "Summa College", "Koning Willem I College",
    "Gilde Opleidingen", "Vista college", "ROC Tilburg", "Wellant College", "Yuverta", "Hout- en Meubileringscollege",
]
ORGANISATIONS = [
    ("Gemeente {place}", "overheid"), ("Provincie {provincie}", "overheid"), ("UWV {place}", "overheid"),
    ("Foodbedrijven uit de regio {place}", "bedrijfsleven"), ("Installatiebedrijf {place} B.V.", "bedrijfsleven"),
    ("Circa {n} zorgorganisaties in {place}", "bedrijfsleven"), ("Ondernemersvereniging {place}", "bedrijfsleven"),
    ("Hogeschool {place}", "onderwijs"), ("Vo-scholen in {place}", "onderwijs"), ("Kenniscentrum {place}", "overig"),
    ("Stichting Leren & Werken {place}", "overig"), ("Branchevereniging {sector}", "bedrijfsleven"),
    ("Ziekenhuis {place}", "bedrijfsleven"), ("Woningcorporatie {place}", "overig"), ("Economic Board {place}", "overig"),
]
# Report references a case may cite: the ones content/bronverwijzingen.yml lists (validation refuses others).
SECTIONS = [item["code"] for item in yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "content" / "bronverwijzingen.yml").read_text(encoding="utf-8"))["verwijzingen"]]
SOURCE_TOPICS = [
    "Kort portret", "Onderzoeksvraag", "Type samenwerking", "Doelstellingen", "Drivers", "Design", "Output en outcome",
    "Richtinggevende scan-items", "Spanningen", "Tijdlijn", "Randvoorwaarden", "Ervaren opbrengst",
]


# --- text ----------------------------------------------------------------------------------------

def _np(rng: random.Random, adjective: float = 0.6) -> str:
    article, noun = rng.choice(NOUNS)
    return f"{article} {rng.choice(ADJECTIVES)} {noun}" if rng.random() < adjective else f"{article} {noun}"


def sentence(rng: random.Random) -> str:
    subject, verb, obj = _np(rng), rng.choice(VERBS), _np(rng)
    if rng.random() < 0.35:
        text = f"{rng.choice(OPENERS)} {verb} {subject} {obj}"
    else:
        text = f"{subject} {verb} {obj}"
    if rng.random() < 0.6:
        text += f" {rng.choice(PREPOSITIONS)} {_np(rng)}"
    if rng.random() < 0.12:
        text += rng.choice(EXTRAS)
    return text[0].upper() + text[1:] + "."


def text(rng: random.Random, low: int, high: int, limit: int = 2000, paragraphs: bool = False) -> str:
    """Whole sentences, about low–high characters, never more than limit."""
    target = rng.randint(low, high)
    out = ""
    while len(out) < target:
        next_sentence = sentence(rng)
        glue = "\n\n" if paragraphs and out and rng.random() < 0.2 else " "
        candidate = f"{out}{glue}{next_sentence}" if out else next_sentence
        if len(candidate) > limit:
            break
        out = candidate
    return out or sentence(rng)[:limit]


def line(rng: random.Random, low: int = 30, high: int = 150, limit: int = 200) -> str:
    out = text(rng, low, high, limit)
    return " ".join(out.split())[:limit].strip()


def slugify(value: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _date(rng: random.Random, start: int = 2005, end: int = 2023) -> str:
    year = rng.randint(start, end)
    kind = rng.random()
    if kind < 0.4:
        return str(year)
    if kind < 0.8:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _sample(rng: random.Random, codes: list[str], low: int, high: int) -> list[str]:
    return rng.sample(codes, rng.randint(low, min(high, len(codes))))


# --- one case ------------------------------------------------------------------------------------

def make_case(index: int, codes: dict[str, list[str]], seed: int = 0) -> dict:
    """The data of synthetic case number `index` (a dict as a contributor would write it)."""
    rng = random.Random(f"hsvmbo-{seed}-{index}")
    profile = rng.choices(["rich", "typical", "sparse"], weights=[25, 60, 15])[0]
    rich, sparse = profile == "rich", profile == "sparse"
    most = {"rich": 1.0, "typical": 0.5, "sparse": 0.0}[profile]  # share of a list's maximum length to fill
    span = {"rich": (300, 1400), "typical": (120, 500), "sparse": (80, 250)}[profile]  # characters of a text field

    def count(high: int) -> int:
        return 0 if sparse else rng.randint(1, max(1, round(high * most)))

    def long_text(extra: float = 1.0) -> str:
        low, high = span
        if rich and rng.random() < 0.1:
            return text(rng, 1700, 1990, paragraphs=True)  # near the 2000-character limit
        return text(rng, int(low * extra), int(high * extra), paragraphs=rich)

    place = rng.choice(PLACES)
    sector = rng.choice(SECTORS)
    provinces = codes["provincies"]
    naam = f"{rng.choice(FORMS)} {sector.split(' (')[0]} {place}"
    slug = f"{slugify(naam)[:50].strip('-')}-{index}"
    case: dict = {
        "naam": naam,
        "slug": slug,
        "instellingen": rng.sample(INSTITUTIONS, 1 if sparse else rng.randint(1, 10 if rich else 3)),
        "regio": rng.choice([f"{place} en omgeving", f"Regio {place}", f"Gemeente {place}", f"{place} e.o. en {rng.choice(PLACES)}"]),
        "provincies": ["landelijk"] if rng.random() < 0.05 else rng.sample(provinces[:-1], 1 if sparse else rng.randint(1, 12 if rich else 2)),
        "sector": sector,
        "thema": line(rng, 60, 180),
        "status": rng.choices(codes["status"], weights=[70, 15, 15])[0],
        "type": {"orientatie": rng.choice(codes["orientaties"]), "object": rng.choice(codes["objecten"])},
        "samenvatting": long_text(1.3),
        "bronnen": [{"sectie": rng.choice(SECTIONS)}
                    for _ in range(rng.randint(1, 20 if rich else 8) if not sparse else 1)],
    }
    if sparse:
        return _clean(case)

    partners = []
    for _ in range(count(30 if rich else 8)):
        template, soort = rng.choice(ORGANISATIONS)
        partners.append({"naam": template.format(place=rng.choice(PLACES), provincie=rng.choice(provinces[:-1]).title(),
                                                 n=rng.randint(5, 60), sector=sector.split(" ")[0]), "soort": soort})
    case["partners"] = partners
    case["onderzoeksvraag"] = (f"Hoe kan {_np(rng)} samen met {_np(rng)} {_np(rng)} {rng.choice(INFINITIVES)}, "
                               f"zodat {_np(rng)} {_np(rng)} {rng.choice(VERBS)}?")
    case["startjaar"] = rng.randint(2005, 2022)
    case["status_toelichting"] = text(rng, 60, 250)
    case["type"]["toelichting"] = long_text(0.6)
    case["fase"] = {"code": rng.choice(codes["fasen"]), "toelichting": long_text(0.6)}
    case["aanleiding"] = {"soort": rng.choice(codes["aanleiding_soorten"]), "tekst": long_text()}
    case["doelen"] = {"propositie": long_text(0.7),
                      **{key: [line(rng, 40, 220, 300) for _ in range(count(8))] for key in ("kort", "middellang", "lang")}}
    case["drivers"] = [{"code": code, "rol": rng.choice(codes["driver_rollen"]), "tekst": long_text(0.8)}
                       for code in _sample(rng, codes["drivers"], 1, 10 if rich else 5)]
    case["externe_drivers"] = [{"code": code, "rol": rng.choice(codes["driver_rollen"]), "tekst": long_text(0.8)}
                               for code in _sample(rng, codes["externe_drivers"], 1, 5 if rich else 2)]
    case["particulier_en_publiek"] = long_text(0.8)
    case["design"] = {
        "hoofdvorm": rng.choice(codes["hoofdvormen"]),
        "formaliteit": rng.choice(codes["formaliteit"]),
        "juridische_vormen": _sample(rng, codes["juridische_vormen"], 1, 6 if rich else 2),
        **{key: long_text(0.8) for key in ("ontwerp", "governance", "partijen", "passendheid", "evaluatie")},
        "wijziging": rng.choice(codes["ontwerpwijziging"]),
    }
    case["aandachtspunten"] = [{"code": code, "tekst": long_text(0.8)} for code in _sample(rng, codes["aandachtspunten"], 1, 5 if rich else 3)]
    case["output"] = {
        "beoogd": long_text(),
        "resultaten": long_text(1.2),
        "ervaren_opbrengst": long_text(),
        "maatschappelijke_waarde": [
            {"code": code, **({"score": rng.choice(codes["waarde_scores"])} if rng.random() < 0.7 else {}),
             **({"tekst": line(rng, 60, 200, 400)} if rng.random() < 0.8 else {})}
            for code in _sample(rng, codes["maatschappelijke_waarde"], 1, 5 if rich else 2)],
        "operationele_effecten": [
            {"code": code, **({"tekst": line(rng, 60, 200, 400)} if rng.random() < 0.8 else {})}
            for code in _sample(rng, codes["operationele_effecten"], 1, 7 if rich else 3)],
        "cijfers": [
            {"waarde": rng.choice([str(rng.randint(2, 90)), f"ruim {rng.randint(1, 9)}.{rng.randint(100, 999)}",
                                   f"{rng.randint(5, 95)}%", f"€ {rng.randint(1, 9)},{rng.randint(1, 9)} miljoen"]),
             "omschrijving": line(rng, 20, 120),
             **({"datum": _date(rng)} if rng.random() < 0.6 else {})}
            for _ in range(count(12 if rich else 3))],
    }
    case["spanningen"] = [{"code": code, "tekst": long_text(0.8)} for code in _sample(rng, codes["spanningen"], 1, 6 if rich else 2)]
    case["scan"] = [{"code": code, **({"tekst": line(rng, 60, 250, 600)} if rng.random() < 0.85 else {})}
                    for code in _sample(rng, codes["scan_items"], 1, 6 if rich else 3)]
    case["tijdlijn"] = sorted(({"datum": _date(rng), "soort": rng.choice(codes["gebeurtenissen"]), "tekst": line(rng, 40, 190)}
                               for _ in range(count(40 if rich else 5))), key=lambda event: event["datum"])
    case["katapult"] = {
        "vormen": _sample(rng, codes["samenwerkingsvormen"], 1, 4 if rich else 2),
        "bouwblokken": [{"code": code, **({"tekst": line(rng, 60, 200, 400)} if rng.random() < 0.8 else {})}
                        for code in _sample(rng, codes["bouwblokken"], 1, 6 if rich else 3)],
        "toelichting": text(rng, 80, 300),
    }
    for bron in case["bronnen"]:
        if rng.random() < 0.85:
            bron["omschrijving"] = rng.choice(SOURCE_TOPICS)
    domain = slugify(place) + "-" + slugify(sector.split(" ")[0])
    case["links"] = [
        {"titel": line(rng, 15, 90),
         "url": rng.choice([f"https://www.{domain}.nl/{slugify(rng.choice(NOUNS)[1])}", f"https://{domain}.nl/",
                            f"http://www.{domain}.eu/over-ons?pagina={rng.randint(1, 9)}", f"mailto:info@{domain}.nl"])}
        for _ in range(count(10 if rich else 3))]
    _add_sources(case, rng, codes, rich)
    _add_lessons(case, random.Random(f"hsvmbo-{seed}-{index}-lessen"), codes, rich)
    _add_workshop_fields(case, random.Random(f"hsvmbo-{seed}-{index}-werkvormen"), codes)
    return _clean(case)


def _add_lessons(case: dict, rng: random.Random, codes: dict[str, list[str]], rich: bool) -> None:
    """Lessons with their sources, from their own random stream so the rest of the corpus stays
    what it was before the field existed (results stay comparable across runs)."""
    refs = codes.get("bronverwijzingen") or [case["bronnen"][0]["sectie"]]
    case["lessen"] = [{"tekst": line(rng, 120, 380, 400), "bronnen": rng.sample(refs, rng.randint(1, min(3, len(refs)))),
                       **({"redactie": line(rng, 40, 160)} if rng.random() < 0.3 else {})}
                      for _ in range(rng.randint(1, 5 if rich else 3))]


SOURCED = ["aanleiding", "design", "doelen", "fase", "type"]  # one item each
SOURCED_LISTS = ["drivers", "externe_drivers", "aandachtspunten", "spanningen", "scan", "tijdlijn",
                 ("katapult", "bouwblokken"), ("output", "cijfers"), ("output", "maatschappelijke_waarde"),
                 ("output", "operationele_effecten")]


def _add_sources(case: dict, rng: random.Random, codes: dict[str, list[str]], rich: bool) -> None:
    """Item-level `bronnen` (listed report references) and now and then a `redactie` note."""
    refs = codes.get("bronverwijzingen")
    if not refs:
        return
    items = [case[key] for key in SOURCED if isinstance(case.get(key), dict)]
    for path in SOURCED_LISTS:
        holder = case.get(path[0]) if isinstance(path, tuple) else case
        values = holder.get(path[1] if isinstance(path, tuple) else path) if isinstance(holder, dict) else None
        items += [item for item in values or [] if isinstance(item, dict)]
    for item in items:
        if rng.random() < (0.9 if rich else 0.6):
            item["bronnen"] = rng.sample(refs, rng.randint(1, 3))
        if rng.random() < (0.3 if rich else 0.1):
            item["redactie"] = line(rng, 40, 160)


PLATE_BLOCKS = ("aanleiding", "doelen", "drivers", "design", "randvoorwaarden", "output")


def _add_workshop_fields(case: dict, rng: random.Random, codes: dict[str, list[str]]) -> None:
    """What the workshop tools add to a case, on a share of the cases: the answers of a filled-in
    scan, phases drawn on the tijdlijn, and short praatplaat points (own random stream too)."""
    from generator.content import SCAN_FIT

    refs = codes.get("bronverwijzingen")
    if rng.random() < 0.3:
        used = {item["code"] for item in case.get("scan", [])}
        for code in _sample(rng, [code for code in codes["scan_items"] if code not in used], 3, 12):
            fits = codes.get(SCAN_FIT + code)
            if fits:
                case["scan"].append({"code": code, "antwoord": rng.choice(fits),
                                     **({"tekst": line(rng, 30, 160, 600)} if rng.random() < 0.5 else {})})
    if rng.random() < 0.4:
        years = sorted(rng.sample(range(2005, 2024), rng.randint(2, 5)))
        case["fasen"] = [{"code": rng.choice(codes["fasen"]), "van": str(start),
                          **({"tot": str(years[number + 1])} if number + 1 < len(years) else {}),
                          **({"toelichting": line(rng, 40, 200, 400)} if rng.random() < 0.6 else {}),
                          "drivers": [{"code": code, "rol": rng.choice(codes["driver_rollen"])}
                                      for code in _sample(rng, codes["drivers"], 0, 3)],
                          **({"bronnen": rng.sample(refs, rng.randint(1, 2))} if refs and rng.random() < 0.5 else {}),
                          **({"redactie": line(rng, 40, 160)} if rng.random() < 0.2 else {})}
                         for number, start in enumerate(years)]
    if rng.random() < 0.3:
        case["praatplaat"] = {block: [line(rng, 20, 90, 120) for _ in range(rng.randint(1, 2))]
                              for block in rng.sample(PLATE_BLOCKS, rng.randint(1, 6))}


def _clean(case: dict) -> dict:
    """Field order as in the model (as a contributor following the template would write it)."""
    order = list(Case.model_fields)
    return {key: case[key] for key in order if key in case}


# --- files ---------------------------------------------------------------------------------------

class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's emitter when available: 5× faster
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if len(value) > 100:  # long text as folded/literal blocks, like the bundled cases
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else ">")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def dump_case(case: dict) -> str:
    header = ("# yaml-language-server: $schema=../schema/case.schema.json\n"
              "# Synthetisch casusportret voor de benchmarks (benchmarks/synthetic.py); geen echte samenwerking.\n")
    return header + yaml.dump(case, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def make_project(root: Path) -> Path:
    """content/ and mkdocs.yml copied from the repository; an empty cases/ folder."""
    root.mkdir(parents=True, exist_ok=True)
    for folder in ("content", "cases"):
        if (root / folder).exists():
            shutil.rmtree(root / folder)
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "cases").mkdir()
    return root


def write_corpus(root: Path, n: int, seed: int = 0) -> list[Path]:
    """Make `root` a project folder holding n synthetic cases as cases/<slug>.yml; return the paths."""
    make_project(root)
    codes = load_framework(root).codes()
    paths = []
    for index in range(n):
        case = make_case(index, codes, seed)
        path = root / "cases" / f"{case['slug']}.yml"
        path.write_text(dump_case(case), encoding="utf-8")
        paths.append(path)
    return paths


def field_paths(model: type = Case, prefix: str = "") -> set[str]:
    """Every field of the model and its sub-models, as dotted paths (lists without an index)."""
    from pydantic import BaseModel

    result = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        result.add(path)
        stack = [info.annotation]
        while stack:
            annotation = stack.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                result |= field_paths(annotation, path + ".")
            else:
                stack.extend(typing.get_args(annotation))
    return result


def used_paths(data: object, prefix: str = "") -> set[str]:
    if isinstance(data, dict):
        result = set()
        for key, value in data.items():
            path = f"{prefix}{key}"
            result.add(path)
            result |= used_paths(value, path + ".")
        return result
    if isinstance(data, list):
        return set().union(*(used_paths(item, prefix) for item in data)) if data else set()
    return set()


def check_corpus(root: Path, n: int, seed: int = 0) -> dict:
    """Validate the corpus with the generator's own loader; check that every model field is used."""
    framework = load_framework(root)
    cases = load_cases(root, framework.codes())  # raises InputError on any problem
    assert len(cases) == n, (len(cases), n)
    codes = framework.codes()
    sample = [make_case(i, codes, seed) for i in range(min(n, 200))]
    missing = field_paths() - set().union(*(used_paths(case) for case in sample))
    assert not missing, f"fields never used: {sorted(missing)}"
    sizes = sorted(path.stat().st_size for path in (root / "cases").glob("*.yml"))
    return {"cases": len(cases), "median_bytes": sizes[len(sizes) // 2], "max_bytes": sizes[-1]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_corpus(args.out, args.n, args.seed)
    print(check_corpus(args.out, args.n, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
