"""Stage 2: the typed model of a case portrait and of the framework.

These classes are the single source of the validator, the published JSON Schema
(`python -m generator schema`) and the contributor's field documentation: every field's
description is Dutch text a contributor reads in their editor. Unknown keys are errors.
Fields that hold a code name their vocabulary in `content/vocabulaires.yml`; the code is
checked against it during validation (the vocabulary travels in the validation context).
"""
from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler, StringConstraints, ValidationInfo
from pydantic_core import PydanticCustomError, core_schema

from generator.messages import MESSAGES, t

SLUG_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
DATE_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)  # ASCII digits only
HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)", re.ASCII | re.IGNORECASE)


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _code_checker(vocabulary: str):
    def check(value: str, info: ValidationInfo) -> str:
        known = ((info.context or {}).get("vocabularies") or {}).get(vocabulary)
        if known is not None and value not in known:
            near = difflib.get_close_matches(value, list(known), n=1)
            hint = t("did_you_mean", near=near[0]) if near else ""
            raise PydanticCustomError("unknown_code", MESSAGES["unknown_code"],
                                      {"value": value, "valid": ", ".join(known), "hint": hint})
        return value
    return check


def Code(vocabulary: str) -> Any:
    """A code from the named vocabulary in content/vocabulaires.yml."""
    return Annotated[str, Field(min_length=1, max_length=40, json_schema_extra={"x-vocabulary": vocabulary}),
                     AfterValidator(_code_checker(vocabulary))]


Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_one_line)]
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


def _check_date(value: str) -> str:
    match = DATE_PATTERN.fullmatch(value)
    if not match:
        raise PydanticCustomError("bad_date", MESSAGES["bad_date"], {"value": value})
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        raise PydanticCustomError("bad_date", MESSAGES["unreal_date"], {"value": value}) from None
    if not 1900 <= year <= 2100:
        raise PydanticCustomError("bad_date", MESSAGES["year_range"], {"year": year})
    return value


def _host(host: str) -> bool:
    """A host name with at least two labels, each letters, digits and inner hyphens, ending in a
    top-level domain of letters (internationalised names through their IDNA form)."""
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return False
    labels = ascii_host.rstrip(".").split(".")
    return (len(labels) >= 2 and all(HOST_LABEL.fullmatch(label) for label in labels)
            and (labels[-1].isalpha() or labels[-1].lower().startswith("xn--")) and len(labels[-1]) >= 2)


def _check_url(value: str) -> str:
    if re.search(r"[\x00-\x20\x7f-\x9f<>\"'`\\\u2028\u2029]", value):
        raise PydanticCustomError("bad_url", MESSAGES["url_characters"], {})
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError:
        parts = None
    if parts and parts.scheme == "mailto" and re.fullmatch(r"[^@/]+@([^@/]+)", parts.path) and _host(parts.path.rsplit("@", 1)[1]):
        return value
    if parts and parts.scheme in ("http", "https") and parts.hostname and _host(parts.hostname):
        return value
    raise PydanticCustomError("bad_url", MESSAGES["bad_url"], {"value": value[:80]})


Datum = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10), AfterValidator(_check_date)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), AfterValidator(_check_url)]


SOURCES_VOCABULARY = "bronverwijzingen"  # the list in content/bronverwijzingen.yml, in the validation context


REPORT_REFERENCE = re.compile(r"(§|tabel |figuur |kader |voetnoot |bijlage|samenvatting)", re.I)


def _check_source_ref(value: str, info: ValidationInfo) -> str:
    """A reference that names a part of the report (§, tabel, figuur, kader …) must be listed in
    content/bronverwijzingen.yml. Other names are the case's own sources: `generator.sources`
    checks that the case lists them under `bronnen`."""
    known = ((info.context or {}).get("vocabularies") or {}).get(SOURCES_VOCABULARY)
    if known is not None and value not in known and REPORT_REFERENCE.match(value):
        raise PydanticCustomError("unknown_source", "{message}", {"message": unknown_source_message(value, known)})
    return value


def unknown_source_message(value: str, known: list[str]) -> str:
    near = difflib.get_close_matches(value, known, n=3, cutoff=0.6)
    hint = f" Bedoelt u {' of '.join(repr(n) for n in near)}?" if near else ""
    return (f"onbekende bronverwijzing '{value[:60]}': die staat niet in content/bronverwijzingen.yml.{hint}"
            " Schrijf bijvoorbeeld '§5.3.1', 'tabel 6.2' of 'figuur 3.1'.")


Bronverwijzing = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40),
                           Field(json_schema_extra={"x-bronverwijzing": True}), AfterValidator(_check_source_ref)]
BRONNEN_UITLEG = ("Bronverwijzing(en) voor deze tekst: paragraaf, tabel of figuur van het rapport, bijvoorbeeld "
                  "['§5.3.1', 'tabel 6.2'] (lijst in content/bronverwijzingen.yml), of een eigen bron die onder "
                  "`bronnen` van de casus staat (de `sectie`).")
REDACTIE_UITLEG = ("Interpretatie van de redactie: wat in deze tekst niet zo in de bron staat maar door de redactie "
                   "is afgeleid, in een korte zin.")
Bronlijst = Annotated[list[Bronverwijzing], Field(max_length=8, description=BRONNEN_UITLEG)]
Redactie = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600), Field(description=REDACTIE_UITLEG)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Onderbouwd(Strict):
    """Velden die elk tekstonderdeel kan hebben: waar de tekst vandaan komt en wat interpretatie is."""

    bronnen: Bronlijst = Field(default_factory=list, description=BRONNEN_UITLEG)
    redactie: Redactie | None = Field(None, description=REDACTIE_UITLEG)


class TekstMetBronnen(Onderbouwd):
    """Een tekst met bronverwijzingen: schrijf in plaats van alleen de tekst een mapping met `tekst`, `bronnen` en eventueel `redactie`."""

    tekst: Text = Field(description="De tekst zelf, zonder bronverwijzingen tussen haakjes.")


class SourcedText(str):
    """A text field that may carry its sources. It is a str (the text), so every consumer reads it as
    before; `bronnen` and `redactie` hold the sources and the editorial note. In YAML it is either
    plain text or a mapping {tekst, bronnen, redactie}; the open data writes it back the same way
    (plain text when it has no sources)."""

    bronnen: tuple[str, ...]
    redactie: str | None

    def __new__(cls, tekst: str = "", bronnen: tuple[str, ...] = (), redactie: str | None = None) -> "SourcedText":
        self = super().__new__(cls, tekst)
        self.bronnen, self.redactie = tuple(bronnen), redactie
        return self

    def __reduce__(self):
        return (SourcedText, (str(self), self.bronnen, self.redactie))

    @property
    def tekst(self) -> str:
        return str(self)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        inner = handler.generate_schema(TekstMetBronnen)
        return core_schema.no_info_before_validator_function(
            _as_mapping, core_schema.no_info_after_validator_function(
                lambda model: cls(model.tekst, tuple(model.bronnen), model.redactie), inner),
            serialization=core_schema.plain_serializer_function_ser_schema(_dump_sourced))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        mapping = handler(schema)
        return {"anyOf": [{"type": "string", "minLength": 1, "maxLength": 2000}, mapping]}


def _as_mapping(value: Any) -> Any:
    if isinstance(value, SourcedText):
        return {"tekst": str(value), "bronnen": list(value.bronnen), "redactie": value.redactie}
    return {"tekst": value} if isinstance(value, str) else value


def _dump_sourced(value: Any) -> Any:
    if not isinstance(value, SourcedText) or not (value.bronnen or value.redactie):
        return str(value)
    result: dict[str, Any] = {"tekst": str(value), "bronnen": list(value.bronnen)}
    if value.redactie:
        result["redactie"] = value.redactie
    return result


def _at_most(limit: int):
    def check(value: str) -> str:
        if len(value) > limit:
            raise PydanticCustomError("string_too_long", "tekst is te lang: hoogstens {max_length} tekens", {"max_length": limit})
        return value
    return check


# A text field that may carry sources: plain text, or {tekst, bronnen, redactie}.
Tekst = Annotated[SourcedText, Field()]
Zinsdeel = Annotated[SourcedText, AfterValidator(_at_most(300))]
Regio = Annotated[SourcedText, AfterValidator(_at_most(200))]


class Partner(Strict):
    """Een partner in de samenwerking."""

    naam: Line = Field(description="Naam van de partner, of een omschrijving van een groep (bijvoorbeeld 'circa twintig foodbedrijven').")
    soort: Code("soorten_partner") = Field(description="Soort partner: onderwijs, bedrijfsleven, overheid of overig.")


class CaseType(Onderbouwd):
    """Type samenwerking langs de twee assen van tabel 5.1 (oriëntatie × object)."""

    orientatie: Code("orientaties") = Field(description="operationeel of strategisch.")
    object: Code("objecten") = Field(description="individu, collectief of gebied.")
    toelichting: Tekst | None = Field(None, description="Korte typering, zoals in tabel 5.2.")


class Fase(Onderbouwd):
    """Ontwikkelingsfase van de samenwerking (§1.2, §5.6.2, §7.3)."""

    code: Code("fasen") = Field(description="verkennend, uitbouwend, herorientatie of afrondend.")
    toelichting: Tekst | None = Field(None, description="Waaruit blijkt deze fase?")


class Aanleiding(Onderbouwd):
    """Waarom de partners zijn gaan samenwerken."""

    soort: Code("aanleiding_soorten") | None = Field(None, description="intern, extern of beide.")
    tekst: Text = Field(description="De aanleiding in eigen woorden.")


class Doelen(Onderbouwd):
    """De publieke-waardepropositie en de doelen op drie termijnen (tabel 5.3)."""

    propositie: Tekst = Field(description="Het doel van de samenwerking: welke publieke waarde willen de partners samen maken?")
    kort: list[Zinsdeel] = Field(default_factory=list, max_length=8, description="Kortetermijndoelen.")
    middellang: list[Zinsdeel] = Field(default_factory=list, max_length=8, description="Middellangetermijndoelen.")
    lang: list[Zinsdeel] = Field(default_factory=list, max_length=8, description="Langetermijndoelen.")


class Driver(Onderbouwd):
    """Een van de tien drivers uit de casussen (scan 2a–2j) en wat die in deze casus was."""

    code: Code("drivers") = Field(description="Code 2a–2j, bijvoorbeeld 2e (gevoel van urgentie).")
    rol: Code("driver_rollen") = Field("stuwend", description="stuwend, remmend of beide.")
    tekst: Text = Field(description="Hoe deze driver in de casus werkte.")


class ExterneDriver(Onderbouwd):
    """Een externe driver (§5.3.2–5.3.3)."""

    code: Code("externe_drivers") = Field(description="wet-regelgeving, subsidies, juridische-vereisten, beleid of eisen-politiek-samenleving.")
    rol: Code("driver_rollen") = Field("stuwend", description="stuwend, remmend of beide.")
    tekst: Text = Field(description="Hoe deze driver in de casus werkte.")


class Design(Onderbouwd):
    """Het ontwerp van het samenwerkingsverband (§5.4, tabel 5.6)."""

    hoofdvorm: Code("hoofdvormen") | None = Field(None, description="partnership, netwerk of organisatie-netwerk.")
    formaliteit: Code("formaliteit") | None = Field(None, description="informeel, deels-formeel of formeel.")
    juridische_vormen: list[Code("juridische_vormen")] = Field(default_factory=list, max_length=6, description="Juridische vormgeving, bijvoorbeeld [rechtspersoon] of [overeenkomst, stimuleringsregeling].")
    ontwerp: Tekst | None = Field(None, description="Is het ontwerp als zodanig aan de orde geweest, en hoe?")
    governance: Tekst | None = Field(None, description="Governance: verdeling van taken, rollen en verantwoordelijkheden.")
    partijen: Tekst | None = Field(None, description="Zitten de relevante publieke en private partijen aan tafel?")
    passendheid: Tekst | None = Field(None, description="Past het type samenwerking bij doel, context en risicoprofiel?")
    evaluatie: Tekst | None = Field(None, description="Hoe zijn evaluatie en reflectie geborgd?")
    wijziging: Code("ontwerpwijziging") | None = Field(None, description="geen, al-werkende-weg of nieuwe-fase (tabel 5.6).")


class Aandachtspunt(Onderbouwd):
    """Een van de vijf aandachtspunten (§5.6.6) en hoe het in deze casus speelt."""

    code: Code("aandachtspunten") = Field(description="commitment, communicatie, wendbaarheid, weerbaarheid of passendheid.")
    tekst: Text = Field(description="Hoe dit aandachtspunt in de casus speelt.")


class Waarde(Onderbouwd):
    """Nagestreefde maatschappelijke meerwaarde (§5.5, tabel 5.7)."""

    code: Code("maatschappelijke_waarde") = Field(description="Label 1–5.")
    score: Code("waarde_scores") | None = Field(None, description="'++' (intens) of '+' (enigszins of tevens); leeg als de bron het niet zegt.")
    tekst: Text | None = Field(None, description="Waaruit dat blijkt.")


class Effect(Onderbouwd):
    """Nagestreefd operationeel effect (§5.5, a–g)."""

    code: Code("operationele_effecten") = Field(description="Effect a–g.")
    tekst: Text | None = Field(None, description="Hoe de casus dit effect nastreeft of bereikt.")


class Cijfer(Onderbouwd):
    """Een getal dat de bron over de resultaten geeft."""

    waarde: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30)] = Field(description="Het getal zoals de bron het schrijft, bijvoorbeeld 'ruim 5.350'.")
    omschrijving: Line = Field(description="Waar het getal over gaat.")
    datum: Datum | None = Field(None, description="Peildatum: YYYY, YYYY-MM of YYYY-MM-DD.")


class Output(Strict):
    """Output en outcome: beoogd, bereikt en ervaren."""

    beoogd: Tekst | None = Field(None, description="Beoogde output en outcome.")
    resultaten: Tekst | None = Field(None, description="Wat is bereikt (output en outcome).")
    ervaren_opbrengst: Tekst | None = Field(None, description="Hoe de partners de opbrengst ervaren.")
    maatschappelijke_waarde: list[Waarde] = Field(default_factory=list, max_length=5)
    operationele_effecten: list[Effect] = Field(default_factory=list, max_length=7)
    cijfers: list[Cijfer] = Field(default_factory=list, max_length=12)


class Spanning(Onderbouwd):
    """Een spanning of dilemma (§5.6.4, A–F)."""

    code: Code("spanningen") = Field(description="A schaal, B flexibiliteit, C snelheid, D gelaagdheid, E investering/resultaat, F belangen.")
    tekst: Text = Field(description="Hoe de spanning in de casus speelt.")


class ScanItem(Onderbouwd):
    """Een item uit de samenwerkingsscan: zonder antwoord een item dat de samenwerking sterk heeft
    gestuurd (tabel 6.2); met antwoord het antwoord van het team in een ingevulde scan."""

    code: Code("scan_items") = Field(description="Code uit de samenwerkingsscan, bijvoorbeeld 2e, 3d of 5c.")
    antwoord: Code("scan_antwoorden") | None = Field(None, description="Antwoord uit een ingevulde scan: bij drivers (2a–2j) stuwend, remmend of speelt-niet; bij de andere items sterk, redelijk, aandachtspunt of nvt. Zonder antwoord betekent het item: dit stuurde de samenwerking sterk.")
    tekst: Text | None = Field(None, description="Waarom dit item richtinggevend was, of de notitie bij het antwoord.")


class Gebeurtenis(Onderbouwd):
    """Een gedateerde gebeurtenis voor de tijdlijn."""

    datum: Datum = Field(description="YYYY, YYYY-MM of YYYY-MM-DD.")
    soort: Code("gebeurtenissen") = Field(description="start, subsidie, leiderschap, partners, pauze, evaluatie, heroriëntatie, mijlpaal, rapportage of stop.")
    tekst: Line = Field(description="Wat er gebeurde, in één regel.")


class FaseDriver(Strict):
    """Een driver (2a–2j) die in een fase stuwde of remde (§5.3.1, §7.1)."""

    code: Code("drivers") = Field(description="Code 2a–2j, bijvoorbeeld 2a (leiderschap).")
    rol: Code("driver_rollen") = Field("stuwend", description="stuwend, remmend of beide.")


class Periode(Onderbouwd):
    """Een fase die de samenwerking doorliep, met begin en eind, voor de tijdlijn (§5.6.2, §7.3)."""

    code: Code("fasen") = Field(description="verkennend, uitbouwend, herorientatie of afrondend.")
    van: Datum = Field(description="Begin: YYYY, YYYY-MM of YYYY-MM-DD.")
    tot: Datum | None = Field(None, description="Eind: YYYY, YYYY-MM of YYYY-MM-DD; laat weg als de fase nog loopt.")
    toelichting: Text | None = Field(None, description="Waaruit bleek deze fase?")
    drivers: list[FaseDriver] = Field(default_factory=list, max_length=10, description="Drivers die in deze fase stuwden of remden.")


class Bouwblok(Onderbouwd):
    """Een Katapult-bouwblok waarop de samenwerking werkt."""

    code: Code("bouwblokken") = Field(description="Bouwblok uit het Katapult-artikel.")
    tekst: Text | None = Field(None, description="Waaruit dat blijkt.")


class Katapult(Strict):
    """Plaats van de samenwerking in de ordening van Katapult (2022)."""

    vormen: list[Code("samenwerkingsvormen")] = Field(default_factory=list, max_length=4, description="Samenwerkingsvormen, bijvoorbeeld [rif] of [netwerk].")
    bouwblokken: list[Bouwblok] = Field(default_factory=list, max_length=6)
    toelichting: Tekst | None = Field(None, description="Wie deze indeling maakte en waarop die berust.")


class Bron(Strict):
    """Een verwijzing naar de bron."""

    sectie: Bronverwijzing = Field(description="Paragraaf, tabel of figuur van het rapport, bijvoorbeeld '§4.9' of 'tabel 6.2' (lijst in content/bronverwijzingen.yml), of de naam van een eigen bron van deze casus, bijvoorbeeld 'interview 2023'.")
    omschrijving: Line | None = Field(None, description="Wat daar staat.")


Punt = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), AfterValidator(_one_line)]
PlaatPunten = Annotated[list[Punt], Field(min_length=1, max_length=4)]


class Praatplaat(Strict):
    """Korte punten per blok voor de praatplaat (1 tot 4 per blok, elk hoogstens 120 tekens).

    Een blok zonder punten toont op de praatplaat wat de gestructureerde velden zeggen (codes
    en labels, doelen per termijn). Schrijf punten, geen zinnen uit het portret: ze staan op een
    A3-vel waar een team omheen staat."""

    aanleiding: PlaatPunten | None = Field(None, description="Punten voor blok 1, Aanleiding: 1 tot 4, elk hoogstens 120 tekens.")
    doelen: PlaatPunten | None = Field(None, description="Punten voor blok 2, Doelen: 1 tot 4, elk hoogstens 120 tekens.")
    drivers: PlaatPunten | None = Field(None, description="Punten voor blok 3, Drivers: 1 tot 4, elk hoogstens 120 tekens.")
    design: PlaatPunten | None = Field(None, description="Punten voor blok 4, Design: 1 tot 4, elk hoogstens 120 tekens.")
    randvoorwaarden: PlaatPunten | None = Field(None, description="Punten voor blok 5, Randvoorwaarden: 1 tot 4, elk hoogstens 120 tekens.")
    output: PlaatPunten | None = Field(None, description="Punten voor blok 6, Output en outcome: 1 tot 4, elk hoogstens 120 tekens.")


LES_LENGTE = 400  # a lesson is read in the "In het kort" box at the top of the case page


class Les(Strict):
    """Een les die het onderzoek voor deze casus trekt, in eigen woorden, met de plaats in het rapport
    (of in een eigen bron van de casus) waar die les op steunt."""

    tekst: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_at_most(LES_LENGTE))] = Field(
        description=f"De les in één of twee zinnen (hoogstens {LES_LENGTE} tekens), in eigen woorden.")
    bronnen: Annotated[list[Bronverwijzing], Field(min_length=1, max_length=8)] = Field(
        description=("Waar de les op steunt, minstens één: een paragraaf, tabel of figuur van het rapport, "
                     "bijvoorbeeld ['§5.6.6'] (lijst in content/bronverwijzingen.yml), of een eigen bron die "
                     "onder `bronnen` van de casus staat (de `sectie`)."))
    redactie: Redactie | None = Field(None, description=REDACTIE_UITLEG)


class Link(Strict):
    """Een link naar meer informatie (alleen http(s) of mailto)."""

    titel: Line
    url: Url


class Case(Strict):
    """Een casusportret van een horizontale samenwerking in het mbo, langs de redeneerlijn."""

    naam: Line = Field(description="Naam van de samenwerking.")
    slug: Annotated[str, Field(max_length=63)] = Field(description="Korte naam voor de URL: kleine letters, cijfers en streepjes; gelijk aan de bestandsnaam.")
    instellingen: list[Line] = Field(min_length=1, max_length=10, description="Betrokken mbo-instelling(en).")
    partners: list[Partner] = Field(default_factory=list, max_length=30)
    regio: Regio = Field(description="Regio of werkgebied; met bronnen of redactie als mapping {tekst, bronnen, redactie}.")
    provincies: list[Code("provincies")] = Field(min_length=1, max_length=12, description="Provincie(s), of [landelijk].")
    sector: Line = Field(description="Sector of vakgebied.")
    thema: Line = Field(description="Het thema in één regel (voor het overzicht).")
    onderzoeksvraag: Tekst | None = Field(None, description="De vraag die de samenwerking wil beantwoorden (tabel 2.1).")
    startjaar: int | None = Field(None, ge=1900, le=2100, description="Jaar waarin de samenwerking begon, als dat bekend is.")
    status: Code("status") = Field(description="actief, on-hold of gestopt.")
    status_toelichting: Tekst | None = Field(None, description="Toelichting bij de status, bijvoorbeeld waarom de samenwerking op pauze staat.")
    type: CaseType
    fase: Fase | None = None
    samenvatting: Tekst = Field(description="Portret in een paar zinnen.")
    lessen: list[Les] = Field(default_factory=list, max_length=5, description="Lessen die het onderzoek voor deze casus trekt (hooguit vijf), elk met bron; bovenaan de casuspagina onder 'In het kort'.")
    aanleiding: Aanleiding | None = None
    doelen: Doelen | None = None
    drivers: list[Driver] = Field(default_factory=list, max_length=10)
    externe_drivers: list[ExterneDriver] = Field(default_factory=list, max_length=5)
    particulier_en_publiek: Tekst | None = Field(None, description="Hoe verhouden particuliere en publieke waarde zich (drivers, vraag 2)?")
    design: Design | None = None
    aandachtspunten: list[Aandachtspunt] = Field(default_factory=list, max_length=5)
    output: Output | None = None
    spanningen: list[Spanning] = Field(default_factory=list, max_length=6)
    scan: list[ScanItem] = Field(default_factory=list, max_length=60, description="Scan-items: zonder antwoord de items die de samenwerking sterk stuurden (tabel 6.2, hooguit zes), met antwoord een ingevulde samenwerkingsscan (download van de scanpagina).")
    tijdlijn: list[Gebeurtenis] = Field(default_factory=list, max_length=40)
    fasen: list[Periode] = Field(default_factory=list, max_length=12, description="De fasen die de samenwerking doorliep, van oud naar nieuw, met per fase de drivers die stuwden of remden (tijdlijn).")
    katapult: Katapult | None = None
    bronnen: list[Bron] = Field(min_length=1, max_length=20)
    links: list[Link] = Field(default_factory=list, max_length=10)
    praatplaat: Praatplaat | None = Field(None, description="Korte punten per blok voor de praatplaat; zet dit blok onderaan het bestand.")

    @property
    def richtinggevend(self) -> list[ScanItem]:
        """The scan items that steered the collaboration (table 6.2): those without an answer."""
        return [item for item in self.scan if item.antwoord is None]

    @property
    def scan_antwoorden(self) -> list[ScanItem]:
        """The answers of a filled-in samenwerkingsscan."""
        return [item for item in self.scan if item.antwoord is not None]

    @property
    def type_code(self) -> str | None:
        return {("operationeel", "collectief"): "OCS", ("strategisch", "gebied"): "SGS"}.get((self.type.orientatie, self.type.object))


# The framework (content/): trusted text, but read and checked the same way.

class Item(Strict):
    code: str
    label: str
    uitleg: str | None = None
    orientatie: str | None = None
    object: str | None = None


class Vocabulary(Strict):
    bron: str | None = None  # references from content/bronverwijzingen.yml, comma-separated
    eigen: str | None = None  # what in this list is the site's own, not the source's
    items: list[Item]

    def label(self, code: str) -> str:
        return next(item.label for item in self.items if item.code == code)


class Lijst(Strict):
    titel: str
    vocabulaire: str


class Blok(Strict):
    code: str
    titel: str
    kort: str
    uitleg: str
    bron: str
    eigen: str | None = None  # what in this block is the site's own, not the source's
    vragen: list[str]
    plaatvragen: list[str] = Field(default_factory=list)  # the questions in short, for the blank praatplaat
    lijsten: list[Lijst]


class Redeneerlijn(Strict):
    blokken: list[Blok]


class ScanVraag(Strict):
    code: str
    vraag: str
    uitleg: str | None = None


class ScanCategorie(Strict):
    code: str
    titel: str
    blok: str
    antwoorden: str = "oordeel"
    items: list[ScanVraag] = Field(default_factory=list)
    vocabulaire: str | None = None
    vraag_per_item: str | None = None


class Antwoord(Strict):
    code: str
    label: str


class AntwoordSoort(Strict):
    code: str
    uitleg: str
    antwoorden: list[Antwoord]


class Scan(Strict):
    bron: str | None = None
    verantwoording: str
    nummering: str
    categorieen: list[ScanCategorie]
    antwoordsoorten: list[AntwoordSoort]


class Verwijzing(Strict):
    code: str
    titel: str


class Bronverwijzingen(Strict):
    """content/bronverwijzingen.yml: every section, table and figure of the report, and other sources."""

    bron: str
    verwijzingen: list[Verwijzing]
    andere_bronnen: list[Verwijzing] = Field(default_factory=list)

    def codes(self) -> list[str]:
        return [item.code for item in (*self.verwijzingen, *self.andere_bronnen)]

    def titel(self, code: str) -> str | None:
        """The title of a listed reference; None for a case's own source."""
        return next((item.titel for item in (*self.verwijzingen, *self.andere_bronnen) if item.code == code), None)


class Afkorting(Strict):
    term: str
    uitleg: str


class Afkortingen(Strict):
    afkortingen: list[Afkorting]


class Synoniemgroep(Strict):
    """Woorden die bij zoeken voor elkaar mogen staan (content/synoniemen.yml)."""

    woorden: list[Line] = Field(min_length=2, max_length=12)


class Synoniemen(Strict):
    groepen: list[Synoniemgroep]


# The file the samenwerkingsscan page downloads: the case format's `scan` field on its own.

class TijdlijnDocument(Strict):
    """Een getekende tijdlijn (download van tijdlijn/maken/): dezelfde velden als in een casus."""

    tijdlijn: list[Gebeurtenis] = Field(default_factory=list, max_length=40)
    fase: Fase | None = None
    fasen: list[Periode] = Field(default_factory=list, max_length=12)


class ScanDocument(Strict):
    """Een bestand met een ingevulde samenwerkingsscan (download van de scanpagina): het veld
    `scan` van een casusbestand."""

    scan: list[ScanItem] = Field(min_length=1, max_length=60)
