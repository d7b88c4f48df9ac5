"""A case whose every text field holds a payload: markup, links, template and DOT syntax."""
from __future__ import annotations

from pathlib import Path

import yaml

PAYLOADS = [
    "{{ config }} {% raw %} {#",  # first, so it is the name, which the praatplaat (a Jinja include) shows
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(2)>",
    "[klik](javascript:alert(3))",
    '**vet**{: onclick="alert(4)" }',
    '--8<-- "/etc/hostname"',
    "{{ 7*7 }} {% raw %}",
    '" ] ; } digraph X { a [label="pwn" URL="javascript:alert(5)"]',
    '<<TABLE><TR><TD><IMG SRC="/etc/hostname"/></TD></TR></TABLE>>',
    "einde met backslash \\",
    "\\N \\G \\L \\n",
    "&amp; &lt;b&gt; ]]> <!-- x -->",
    "emoji 🎉🤝 en een heel lang woord " + "x" * 120,
]


def payload(index: int) -> str:
    return PAYLOADS[index % len(PAYLOADS)]


def hostile_case() -> dict:
    counter = iter(range(1000))
    p = lambda: payload(next(counter))  # noqa: E731
    return {
        "naam": p(), "slug": "vijandig", "instellingen": [p(), p()],
        "partners": [{"naam": p(), "soort": "overig"} for _ in range(3)],
        "regio": p(), "provincies": ["utrecht"], "sector": p(), "thema": p(), "onderzoeksvraag": p(),
        "status": "actief", "status_toelichting": p(),
        "type": {"orientatie": "operationeel", "object": "collectief", "toelichting": p()},
        "fase": {"code": "verkennend", "toelichting": p()},
        "samenvatting": p() + "\n\n# Kop\n\n" + p(),
        "lessen": [{"tekst": p(), "bronnen": ["<i>§1</i>", "§5.6.6"], "redactie": p()}, {"tekst": p(), "bronnen": ["<i>§1</i>"]}],
        "aanleiding": {"soort": "beide", "tekst": p()},
        "doelen": {"propositie": p(), "kort": [p(), p()], "middellang": [p()], "lang": [p()]},
        "drivers": [{"code": code, "rol": "beide", "tekst": p(), "bronnen": ["<i>§1</i>", "§5.3.1"], "redactie": p()}
                    for code in ("2a", "2b", "2e", "2i")],
        "externe_drivers": [{"code": "subsidies", "tekst": p()}],
        "particulier_en_publiek": p(),
        "design": {"hoofdvorm": "netwerk", "formaliteit": "formeel", "juridische_vormen": ["overeenkomst"],
                   **{key: p() for key in ("ontwerp", "partijen", "passendheid", "evaluatie")},
                   "governance": {"tekst": p(), "bronnen": ["<i>§1</i>"], "redactie": p()}, "redactie": p()},
        "aandachtspunten": [{"code": "commitment", "tekst": p()}, {"code": "wendbaarheid", "tekst": p()}],
        "output": {"beoogd": p(), "resultaten": p(), "ervaren_opbrengst": p(),
                   "maatschappelijke_waarde": [{"code": "1", "score": "++", "tekst": p()}],
                   "operationele_effecten": [{"code": "a", "tekst": p()}],
                   "cijfers": [{"waarde": "<b>12</b>", "omschrijving": p(), "datum": "2021-08"}]},
        "spanningen": [{"code": "A", "tekst": p()}],
        "scan": [{"code": "2e", "tekst": p()}, {"code": "3d", "tekst": p()}],
        "tijdlijn": [{"datum": "2020", "soort": "start", "tekst": p()}],
        "katapult": {"vormen": ["netwerk"], "bouwblokken": [{"code": "netwerkvorming", "tekst": p()}], "toelichting": p()},
        "bronnen": [{"sectie": "<i>§1</i>", "omschrijving": p()}],
        "links": [{"titel": p(), "url": "https://example.org/pad?q=a&b=c"}],
    }


def write_hostile_case(cases: Path) -> Path:
    target = cases / "vijandig.yml"
    target.write_text(yaml.safe_dump(hostile_case(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
