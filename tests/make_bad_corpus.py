"""Writes tests/bad/: one bad case file per mistake a contributor (or an attacker) can make,
and tests/bad/expected.yml with the line and message fragment each must produce.
Run it once after changing the corpus definition; the files are committed."""
from pathlib import Path

import yaml

HERE = Path(__file__).parent
BASE = (HERE / "fixtures" / "minimaal.yml").read_text(encoding="utf-8")
BAD = HERE / "bad"


def replace(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


CASES: dict[str, tuple[bytes | str, int, str]] = {}


def add(name: str, text: str | bytes, line: int | None, fragment: str, needle: str | None = None) -> None:
    if line is None:
        line = line_of(text, needle)  # type: ignore[arg-type]
    CASES[name] = (text, line, fragment)


t = replace("drivers:", "dirvers:"); add("unknown-key-typo", t, None, "bedoel je 'drivers'", "dirvers")
t = replace("  - code: 2e", "  - code: 2k"); add("unknown-driver-code", t, None, "onbekende code '2k' (toegestaan: 2a, 2b", "2k")
t = replace("status: actief", "status: bezig"); add("unknown-status", t, None, "onbekende code 'bezig'", "bezig")
t = replace("provincies: [utrecht]", "provincies: [utrecth]"); add("unknown-province-near-miss", t, None, "bedoel je 'utrecht'", "utrecth")
t = replace("naam: Minimale casus\n", "naam: Minimale casus\nnaam: Nog een naam\n"); add("duplicate-key", t, 3, "sleutel 'naam' staat er twee keer (eerst op regel 2)")
t = replace("naam: Minimale casus\n", ""); add("missing-required-field", t, 2, "verplicht veld 'naam' ontbreekt")
t = replace("instellingen: [Een mbo-instelling]", "instellingen: Een mbo-instelling"); add("wrong-type-list", t, None, "hier hoort een lijst", "instellingen")
t = replace("type:\n  orientatie: operationeel\n  object: collectief", "type: operationeel"); add("wrong-type-mapping", t, None, "hier horen velden", "type: operationeel")
t = replace("slug: minimaal", "slug: Minimaal"); add("slug-uppercase", t, None, "moet bestaan uit kleine letters", "slug:")
t = replace("slug: minimaal", "slug: ../etc/passwd"); add("slug-traversal", t, None, "moet bestaan uit kleine letters", "slug:")
t = replace("slug: minimaal", "slug: nul"); add("slug-windows-reserved", t, None, "op Windows een gereserveerde bestandsnaam", "slug:")
t = replace("slug: minimaal", "slug: index"); add("slug-index", t, None, "een naam die de site zelf gebruikt", "slug:")
t = replace("slug: minimaal", "slug: redeneerlijn"); add("slug-redeneerlijn", t, None, "kies een andere slug (gereserveerd: ", "slug:")
t = replace("slug: minimaal", "slug: tijdlijn"); add("slug-tijdlijn", t, None, "een naam die de site zelf gebruikt", "slug:")
t = replace("slug: minimaal", "slug: iets-anders"); add("slug-not-filename", t, None, "moet gelijk zijn aan de bestandsnaam", "slug:")
t = replace("slug: minimaal", "slug: " + "a" * 70); add("slug-too-long", t, None, "hoogstens 63", "slug:")
t = replace("naam: Minimale casus", "naam: " + "x" * 250); add("text-too-long", t, None, "te lang: hoogstens 200 tekens", "naam:")
t = replace("sector: Zorg", "sector: Zorg\nstartjaar: tweeduizend"); add("year-not-number", t, None, "hier hoort een geheel getal", "startjaar")
t = replace("sector: Zorg", "sector: Zorg\nstartjaar: 1850"); add("year-out-of-range", t, None, "getal te klein: minstens 1900", "startjaar")
t = BASE + "tijdlijn:\n  - datum: 2021-13-45\n    soort: start\n    tekst: Begin.\n"; add("impossible-date", t, None, "bestaat niet als datum", "2021-13-45")
t = BASE + "tijdlijn:\n  - datum: 2022\n    soort: start\n    tekst: Begin.\n  - datum: 2020\n    soort: pauze\n    tekst: Pauze.\n"; add("dates-out-of-order", t, None, "komt vóór '2022'", "datum: 2020")
t = BASE + "links:\n  - titel: klik\n    url: javascript:alert(1)\n"; add("link-javascript", t, None, "is geen http(s)- of mailto-link", "javascript:")
t = BASE + "links:\n  - titel: klik\n    url: \"https://ok.example/?q=\\\"><script>\"\n"; add("link-quote-breakout", t, None, "mag geen spaties, aanhalingstekens", "url:")
t = BASE + "links:\n  - titel: klik\n    url: https:evil\n"; add("link-no-host", t, None, "is geen http(s)- of mailto-link", "https:evil")
t = replace("naam: Minimale casus", "naam: &a Minimale casus"); add("anchor", t, None, "ankers (&a) zijn niet toegestaan", "&a")
t = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i-1}'] * 9)}]\n" for i in range(1, 10)); add("alias-bomb", t, 1, "ankers (&a0) zijn niet toegestaan")
t = "a: &a [*a]\n"; add("recursive-alias", t, 1, "ankers (&a) zijn niet toegestaan")
t = replace("naam: Minimale casus", "naam: !!python/object/apply:os.system [touch /tmp/pwned]"); add("python-tag", t, None, "YAML-tags", "naam:")
t = replace("naam: Minimale casus", "naam: !!binary aGk="); add("binary-tag", t, None, "YAML-tags", "naam:")
t = "naam: " + "[" * 30000 + "]" * 30000 + "\n"; add("deep-nesting", t, 1, "meer dan 20 niveaus diep")
t = replace("type:\n  orientatie", "type:\n\torientatie"); add("tab-indent", t, None, "tab gevonden; spring in met spaties", "\torientatie")
t = BASE + "---\nnaam: tweede\n"; add("two-documents", t, None, "bevat één document", "---")
t = "- een\n- lijst\n"; add("top-level-list", t, 1, "moet bestaan uit velden")
t = "? [a, b]\n: waarde\n"; add("complex-key", t, 1, "een sleutel moet gewone tekst zijn")
t = ""; add("empty-file", t, 1, "bestand is leeg")
t = "naam: [niet afgesloten\nslug: x\n"; add("syntax-error-flow", t, 2, "hier ontbreekt een ',' of ']'")
t = 'naam: "niet afgesloten\n'; add("syntax-error-quote", t, 2, "het bestand houdt onverwacht op")
t = replace("naam: Minimale casus", "naam: Minimale\u202ecasus"); add("bidi-override", t, None, "stuurteken of richtingsteken U+202E", "naam:")
t = replace("naam: Minimale casus", "naam: Mini\x00male"); add("nul-byte", t, None, "stuurteken of richtingsteken U+0000", "naam:")
add("latin1-bytes", BASE.replace("Minimale casus", "Minimale café").encode("utf-8").replace("é".encode("utf-8"), b"\xe9"), 2, "geen geldige UTF-8 (byte 0xe9)")
add("binary-garbage", bytes(range(256)) * 4, 2, "geen geldige UTF-8 (byte 0x80)")  # byte 10 is a newline
add("huge-file", "naam: " + "x" * 300_000 + "\n", 1, "bestand is groter dan 262144 bytes")
t = BASE + "scan:\n  - code: 9z\n"; add("unknown-scan-item", t, None, "onbekende code '9z'", "9z")
t = replace("drivers:\n  - code: 2e\n    tekst: Urgentie.", "drivers:\n  - code: 2e\n    tekst: Urgentie.\n  - code: 2e\n    tekst: Nog eens."); add("duplicate-driver", t, None, "staat er twee keer", "- code: 2e\n    tekst: Nog")
t = BASE + "drivers2: []\n" + "aandachtspunten: geen\n"; add("two-errors-in-one-file", t, None, "onbekend veld 'drivers2'", "drivers2")


# Issue #11: every value is checked after YAML has decoded its escapes; null means absent.
t = replace("naam: Minimale casus", 'naam: "a\\x01b"'); add("escape-control", t, None, "teken U+0001 is niet toegestaan", "naam:")
t = replace("naam: Minimale casus", 'naam: "Mini\\u202Emale"'); add("escape-bidi-override", t, None, "teken U+202E is niet toegestaan", "naam:")
t = replace("thema: Een kleine", 'thema: "\\u2066Een kleine'); t = t.replace("validator mee te testen.", 'validator mee te testen.\\u2069"', 1)
add("escape-bidi-isolate", t, None, "teken U+2066 is niet toegestaan", "thema:")
t = replace("naam: Minimale casus", 'naam: "Mini\\uFFFFmale"'); add("escape-noncharacter", t, None, "teken U+FFFF is niet toegestaan", "naam:")
t = replace("regio: Ergens", 'regio: "Erg\\u061Cens"'); add("escape-arabic-letter-mark", t, None, "teken U+061C is niet toegestaan", "regio:")
t = replace("naam: Minimale casus", "naam: Minimale\u061ccasus"); add("raw-arabic-letter-mark", t, None, "stuurteken of richtingsteken U+061C", "naam:")
t = replace("naam: Minimale casus", "naam: Mini\ufffemale"); add("raw-fffe", t, None, "stuurteken of richtingsteken U+FFFE", "naam:")
t = replace("naam: Minimale casus", "naam: Mini\uffffmale"); add("raw-ffff", t, None, "stuurteken of richtingsteken U+FFFF", "naam:")
t = replace("naam: Minimale casus", "naam: ~"); add("null-tilde-required", t, 2, "verplicht veld 'naam' ontbreekt")
t = replace("regio: Ergens", "regio: null"); add("null-word-required", t, None, "verplicht veld 'regio' ontbreekt", "regio:")
t = replace("sector: Zorg", "sector:"); add("null-empty-required", t, None, "verplicht veld 'sector' ontbreekt", "sector:")
t = BASE + "tijdlijn:\n  - datum: \u0662\u0660\u0662\u0661\n    soort: start\n    tekst: Begin.\n"; add("date-arabic-digits", t, None, "is geen datum", "datum:")
t = BASE + "tijdlijn:\n  - datum: \uff12\uff10\uff12\uff11-01\n    soort: start\n    tekst: Begin.\n"; add("date-fullwidth-digits", t, None, "is geen datum", "datum:")
t = BASE + "links:\n  - titel: klik\n    url: https://.\n"; add("link-dot-host", t, None, "is geen http(s)- of mailto-link", "https://.")
t = replace("naam: Minimale casus", "naam: Zalgo" + "\u0301" * 300); add("combining-stack", t, None, "meer dan 4 combinerende tekens", "naam:")

t = replace("drivers:", "lessen:\n  - tekst: Een les zonder bron.\ndrivers:"); add("lesson-without-source", t, None, "verplicht veld 'bronnen' ontbreekt. Waar de les op steunt", "- tekst: Een les zonder")
t = replace("drivers:", "lessen:\n  - tekst: Een les.\n    bronnen: []\ndrivers:"); add("lesson-empty-sources", t, None, "te weinig items: minstens 1. Waar de les op steunt", "bronnen: []")
t = replace("drivers:", "lessen:\n  - Een les als losse zin.\ndrivers:"); add("lesson-plain-text", t, None, "maar er staat tekst; velden hier: tekst, bronnen, redactie", "- Een les als")
t = replace("drivers:", "lessen:\n  - tekst: " + "lang " * 81 + "\n    bronnen: [eigen gegevens]\ndrivers:"); add("lesson-too-long", t, None, "tekst is te lang: hoogstens 400 tekens", "lang lang")
t = replace("drivers:", "lessen:\n  - tekst: Een les.\n    bronnen: [\"§5.6.9\"]\ndrivers:"); add("lesson-unknown-section", t, None, "onbekende bronverwijzing '§5.6.9'", "§5.6.9")


def main() -> None:
    BAD.mkdir(exist_ok=True)
    for old in BAD.glob("*.yml"):
        old.unlink()
    expected = {}
    for name, (content, line, fragment) in CASES.items():
        path = BAD / f"{name}.yml"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", errors="surrogatepass"))
        expected[f"{name}.yml"] = {"line": line, "message": fragment}
    (BAD / "expected.yaml").write_text(yaml.safe_dump(expected, allow_unicode=True, sort_keys=True), encoding="utf-8")
    print(f"wrote {len(CASES)} bad inputs")


if __name__ == "__main__":
    main()
