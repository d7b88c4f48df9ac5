"""Knowledge-site generator for horizontal collaboration in Dutch vocational education (mbo).

Pipeline, one module per stage: load (strict YAML with positions) → model (typed, strict) →
validate (vocabulary and cross-file) → pages (Jinja2 → Markdown) → diagrams (DOT text) →
render (Graphviz, at one edge) → write (the only stage that touches output folders).
"""
