"""Benchmark the build at several sizes against a naive baseline (issue 6, "Fast at any size").

    python benchmarks/run.py                                   # 100 and 1,000 cases
    python benchmarks/run.py --sizes 100 1000 10000            # and 10,000
    python benchmarks/run.py --sizes 1000 --baseline-sizes     # no baseline

Per size, on a synthetic corpus (benchmarks/synthetic.py) in benchmarks/out/n<size>/:

- generator stage, cold render cache: generator.build.stage, with its own per-stage clock
  (load+validate, diagrams = DOT text + SVG + PDF rendering, pages, write);
- generator stage again with a warm cache and nothing changed;
- MkDocs: generator.build.run_mkdocs into benchmarks/out/n<size>/site;
- peak memory (ru_maxrss) of the generator process, of its render workers and of MkDocs;
- the largest case page (HTML) and site/search/search_index.json;
- search (issue 13): Pagefind over the built site (time, index size on disk), then Debian's
  chromium searches the served site and counts the bytes (compressed, as sent with gzip) that a
  first query downloads before its results show; `--search-only` measures just this and writes
  it into the "Search" section of results.md;
- at --edit-size: one case edited, then generator.build.stage with a warm cache: time and the
  staged files it rewrote (Report.written);
- at --baseline-sizes: the naive way on the same corpus, (a) MkDocs with every case page in
  the sidebar `nav` and (b) one `dot` subprocess per diagram and format (svg, pdf), sequential.

Every measurement runs in a fresh Python process (this file with --worker), so ru_maxrss of
RUSAGE_SELF and RUSAGE_CHILDREN belong to that measurement only. Results go to
benchmarks/results.md (a Markdown table with the machine) and to stdout.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

MiB = 1024 * 1024
TARGETS = {
    "full_1000_s": 8.0,  # pages + SVG + PDF + site, 1,000 cases
    "speedup_1000": 5.0,  # naive / ours, full build
    "scale_10000": 11.0,  # time(10,000) / time(1,000)
    "peak_10000_mib": 1024.0,
    "rebuild_s": 0.5,  # generator stage after one edit among 1,000
    "serve_s": 3.0,  # serve shows an edited case, 1,000 cases
    "page_kib": 300.0,
    "search_mib_1000": 5.0,
    "first_query_mib_1000": 1.0,  # downloaded (compressed) before the first results, 1,000 cases
}
SEARCH_QUERIES = ["samenwerking", "opleidingen", "bekostiging", "leerlingdaling"]  # common, inflected, synonyms, rare


# --- workers: one measurement each, in a fresh process ---------------------------------------------

def _rss() -> dict[str, float]:
    """Peak resident set of this process and of its waited-for children, in MiB (Linux: KiB units)."""
    return {"self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def worker_stage(root: Path) -> dict:
    from generator.build import Report, stage

    report = Report()
    clock = time.perf_counter()
    stage(root, report)
    wall = time.perf_counter() - clock
    return {"wall": wall, "seconds": report.seconds, "cases": report.cases, "rendered": report.diagrams_rendered,
            "diagrams": report.diagrams_total, "written": report.written, "removed": report.removed, **_rss()}


def worker_mkdocs(root: Path, config: str, site: Path) -> dict:
    from generator.build import run_mkdocs

    if site.exists():
        shutil.rmtree(site)
    clock = time.perf_counter()
    run_mkdocs(root, site, config)
    return {"wall": time.perf_counter() - clock, **_rss()}


def worker_dot(root: Path) -> dict:
    """Naive diagrams: the same DOT text, one `dot` process per diagram and format, one after another."""
    from generator.build import Memo, _diagrams, plate_context
    from generator.content import load_framework
    from generator.validate import load_all

    framework = load_framework(root)
    loaded = load_all(root, framework.codes())
    clock = time.perf_counter()
    diagrams = _diagrams(framework, loaded, Memo(), plate_context(root))
    dot_text = time.perf_counter() - clock
    out = root / "baseline-dot"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    clock = time.perf_counter()
    for diagram in diagrams:
        for fmt in ("svg", "pdf"):
            result = subprocess.run(["dot", f"-T{fmt}", "-o", str(out / f"{diagram.name}.{fmt}")],
                                    input=diagram.dot.encode("utf-8"), capture_output=True)
            if result.returncode != 0:
                raise RuntimeError(f"dot failed on {diagram.name}: {result.stderr[:300]!r}")
    render = time.perf_counter() - clock
    return {"wall": dot_text + render, "dot_text": dot_text, "render": render, "diagrams": len(diagrams), **_rss()}


def _editor(root: Path, slug: str):
    """edit(marker): change the case's name and aanleiding (its page, the pages listing it and its praatplaat change)."""
    import yaml

    from benchmarks.synthetic import dump_case

    path = root / "cases" / f"{slug}.yml"
    original = path.read_text(encoding="utf-8")

    def edit(marker: str) -> None:
        data = yaml.safe_load(original)
        data["naam"] += f" ({marker})"
        data["aanleiding"]["tekst"] = f"{marker.capitalize()}. " + data["aanleiding"]["tekst"]
        path.write_text(dump_case(data), encoding="utf-8")

    return edit


def worker_edit(root: Path, slug: str) -> dict:
    """Edit one case and re-stage, measured twice.

    Fresh process: as `python -m generator build` after an edit (warm render cache, nothing else
    kept). Serve: as `serve` does, the stage after an edit in a process that has staged once
    already and keeps its Memo.
    """
    from generator.build import Memo, Report, stage
    from generator.render import warm_up

    staged = root / "build" / "docs"
    mention = re.compile(rb"(?<![a-z0-9-])" + re.escape(slug.encode()) + rb"(?![a-z0-9-])")
    listing = {str(p.relative_to(staged)) for p in staged.rglob("*") if p.is_file() and mention.search(p.read_bytes())}
    # a page lists the case also when the table it set aside for the theme does (front matter `later: <name>`)
    for page in staged.rglob("*.md"):
        named = re.search(r"^later: (\S+)$", page.read_text(encoding="utf-8").split("\n---\n", 1)[0], flags=re.M)
        if named and f"_theme/later/{named.group(1)}.html" in listing:
            listing.add(str(page.relative_to(staged)))
    listing = sorted(listing)
    edit = _editor(root, slug)
    edit("bewerkt")
    report = Report()
    clock = time.perf_counter()
    stage(root, report)
    wall = time.perf_counter() - clock
    result = {"wall": wall, "seconds": report.seconds, "rendered": report.diagrams_rendered, "listing": listing,
              "written": report.written, "removed": report.removed}
    memo = Memo()
    stage(root, Report(), memo)
    warm_up()  # as serve does after its first stage
    edit("nogmaals bewerkt")
    again = Report()
    clock = time.perf_counter()
    stage(root, again, memo)
    result["serve"] = {"wall": time.perf_counter() - clock, "seconds": again.seconds, "written": again.written,
                       "rendered": again.diagrams_rendered}
    return {**result, **_rss()}


def worker_serve(root: Path, slug: str) -> dict:
    """`python -m generator serve` on the corpus: time until it serves, then from saving an edit
    of one case until the case page served over HTTP shows it."""
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/casussen/{slug}/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def wait(predicate, limit: float) -> float | None:
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            if predicate():
                return time.perf_counter() - start
            time.sleep(0.05)
        return None

    edit = _editor(root, slug)
    edit("voor serve")
    log = open(root / "serve.log", "w")
    clock = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    try:
        up = wait(lambda: "Voor serve" in page(), 900)
        if up is None:
            raise RuntimeError("serve did not come up")
        startup = time.perf_counter() - clock
        time.sleep(1.0)
        edit("tijdens serve")
        shown = wait(lambda: "Tijdens serve" in page(), 60)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return {"startup": startup, "edit_shown": shown, **_rss()}


def worker_search(site: Path) -> dict:
    """Pagefind over a built site: wall time and what it wrote (index, fragments, wasm, script)."""
    from generator.search import index_site

    shutil.rmtree(site / "pagefind", ignore_errors=True)
    clock = time.perf_counter()
    summary = index_site(site)
    wall = time.perf_counter() - clock
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return {"wall": wall, "summary": summary, "files": len(files),
            "bytes": sum(p.stat().st_size for p in files),
            "index_bytes": sum(p.stat().st_size for p in files if p.suffix in (".pf_index", ".pf_fragment", ".pf_meta")),
            "chunks": sum(p.suffix == ".pf_index" for p in files), "fragments": sum(p.suffix == ".pf_fragment" for p in files),
            **_rss()}


def _compressed(path: Path) -> int:
    """Bytes on the wire with gzip: Pagefind's own files are gzip already; anything else is gzipped here."""
    import gzip

    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


def first_queries(site: Path, queries: list[str]) -> list[dict]:
    """For each query, in a fresh browser page: the files the search loaded until its results showed
    (the page itself excluded) and their compressed size."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO / "tests"))
    from browser_support import launch, search, serve

    rows = []
    with sync_playwright() as playwright, serve(site) as base:
        browser = launch(playwright)
        for query in queries:
            context = browser.new_context(base_url=base)
            page = context.new_page()
            page.goto("")
            page.wait_for_load_state("networkidle")
            loaded: list[str] = []
            page.on("requestfinished", lambda request: loaded.append(request.url))
            clock = time.perf_counter()
            results = search(page, query)
            seconds = time.perf_counter() - clock
            paths = [url.removeprefix(base).split("?")[0] for url in loaded if url.startswith(base)]
            sizes = {path: _compressed(site / path) for path in dict.fromkeys(paths) if (site / path).is_file()}
            rows.append({"query": query, "results": len(results), "seconds": seconds, "files": len(sizes),
                         "bytes": sum(sizes.values()),
                         "index_bytes": sum(v for k, v in sizes.items() if k.endswith((".pf_index", ".pf_meta"))),
                         "fragment_bytes": sum(v for k, v in sizes.items() if k.endswith(".pf_fragment"))})
            context.close()
        browser.close()
    return rows


def bench_search(site: Path, n: int) -> dict:
    row = {"index": measure("search", site.parent, "--site", str(site))}
    row["queries"] = first_queries(site, SEARCH_QUERIES)
    worst = max(row["queries"], key=lambda q: q["bytes"])
    print(f"[{n}] search: pagefind {row['index']['wall']:.2f}s, {row['index']['bytes'] / MiB:.1f} MiB in "
          f"{row['index']['files']} files; first query at most {worst['bytes'] / 1024:.0f} KiB ({worst['query']})", flush=True)
    return row


def search_section(rows: list[dict]) -> str:
    """The "Search" section of results.md."""
    out = ["## Search (Pagefind; issue 13)", "",
           "Index: `python -m pagefind` over the built site (generator/search.py). First query: Debian's chromium "
           "opens the home page of the site served on 127.0.0.1, types the query into the header search and "
           "waits for its results; counted are the files fetched from then on (Pagefind's script, wasm, "
           "entry, index chunks and the fragments of the results shown, at most 25 pages), at their "
           "compressed size (Pagefind's files are gzip on disk; the rest gzipped here).", "",
           "| cases | Pagefind time | index on disk (all files) | index chunks / fragments | query | results | files | downloaded before first results | of which index chunks | fragments | time to results |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        search = row.get("search")
        if not search:
            continue
        index = search["index"]
        for q in search["queries"]:
            out.append(f"| {row['n']:,} | {index['wall']:.2f} s | {index['bytes'] / MiB:.1f} MiB ({index['files']} files) | "
                       f"{index['chunks']} / {index['fragments']} | {q['query']} | {q['results']} | {q['files']} | "
                       f"{q['bytes'] / 1024:.0f} KiB | {q['index_bytes'] / 1024:.0f} KiB | {q['fragment_bytes'] / 1024:.0f} KiB | {q['seconds']:.2f} s |")
    return "\n".join(out) + "\n"


def write_search_section(results: Path, rows: list[dict]) -> None:
    """Replace (or add) the Search section of results.md, leaving the rest of the report as it is."""
    text = results.read_text(encoding="utf-8") if results.exists() else ""
    start = text.find("## Search (Pagefind")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        text = text[:start] + (text[end + 1:] if end >= 0 else "")
    results.write_text(text.rstrip("\n") + "\n\n" + search_section(rows), encoding="utf-8")


def _worker(args: argparse.Namespace) -> None:
    root = Path(args.root)
    if args.worker == "stage":
        result = worker_stage(root)
    elif args.worker == "mkdocs":
        result = worker_mkdocs(root, args.config, Path(args.site))
    elif args.worker == "dot":
        result = worker_dot(root)
    elif args.worker == "edit":
        result = worker_edit(root, args.slug)
    elif args.worker == "serve":
        result = worker_serve(root, args.slug)
    elif args.worker == "search":
        result = worker_search(Path(args.site))
    else:
        raise SystemExit(f"unknown worker {args.worker}")
    print("RESULT " + json.dumps(result))


def measure(kind: str, root: Path, *extra: str) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--root", str(root), *extra]
    load_before = os.getloadavg()[0]
    env = {**os.environ, "HSVMBO_CACHE_DIR": str(root / ".cache" / "praatplaten")}  # emptied for each size
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"worker {kind} failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return {**json.loads(lines[-1].removeprefix("RESULT ")), "load_before": load_before, "load_after": os.getloadavg()[0]}


# --- orchestration ------------------------------------------------------------------------------

def naive_config(root: Path, slugs: list[str]) -> str:
    """mkdocs.yml with every case page in nav (under Casussen); of the /casussen/ pages only the
    further pages of the list (pagina_2.md …) stay out of nav."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text, dropped = re.subn(r"^  /casussen/\*\.md\n", "  /casussen/pagina_*.md\n", text, flags=re.M)
    entries = "".join(f"      - casussen/{slug}.md\n" for slug in slugs)
    text, count = re.subn(r"^  - Casussen: casussen/index\.md\n", "  - Casussen:\n      - casussen/index.md\n" + entries, text, flags=re.M)
    assert dropped == 1 and count == 1, "mkdocs.yml changed shape; update naive_config"
    (root / "mkdocs.naive.yml").write_text(text, encoding="utf-8")
    return "mkdocs.naive.yml"


def site_sizes(site: Path) -> dict:
    pages = [path.stat().st_size for path in (site / "casussen").glob("*/index.html")]
    index = site / "search" / "search_index.json"
    html_sizes = [(p.stat().st_size, str(p.relative_to(site))) for p in site.rglob("*.html")]
    largest = max(html_sizes, default=(0, ""))
    over = sorted((item for item in html_sizes if item[0] > TARGETS["page_kib"] * 1000), reverse=True)
    return {"case_pages": len(pages), "page_max_kib": max(pages) / 1024 if pages else 0.0,
            "page_median_kib": sorted(pages)[len(pages) // 2] / 1024 if pages else 0.0,
            "list_page_kib": (site / "casussen" / "index.html").stat().st_size / 1024,
            "any_page_max_kib": largest[0] / 1024, "any_page_max": largest[1],
            "pages_over": len(over), "pages_over_list": [f"{path} ({size / 1024:.0f} KiB)" for size, path in over[:10]],
            "search_mib": index.stat().st_size / MiB if index.exists() else 0.0,
            "site_mib": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / MiB}


def bench_size(n: int, args: argparse.Namespace) -> dict:
    from benchmarks.synthetic import check_corpus, write_corpus

    root = args.out / f"n{n}"
    for folder in ("build", ".cache", "site", "site-naive", "baseline-dot"):
        shutil.rmtree(root / folder, ignore_errors=True)
    clock = time.perf_counter()
    paths = write_corpus(root, n, args.seed)
    corpus = check_corpus(root, n, args.seed) if args.check and n <= args.check_max else {}
    print(f"[{n}] corpus written in {time.perf_counter() - clock:.1f}s {corpus}", flush=True)
    row: dict = {"n": n, "corpus": corpus}

    row["cold"] = measure("stage", root)
    print(f"[{n}] cold stage {row['cold']['wall']:.2f}s {_fmt_seconds(row['cold']['seconds'])}", flush=True)
    row["mkdocs"] = measure("mkdocs", root, "--config", "mkdocs.yml", "--site", str(root / "site"))
    row["sizes"] = site_sizes(root / "site")
    print(f"[{n}] mkdocs {row['mkdocs']['wall']:.2f}s, {row['sizes']}", flush=True)
    row["search"] = bench_search(root / "site", n)
    if args.search_only:
        return row
    if n in args.warm_sizes:
        row["warm"] = measure("stage", root)
        print(f"[{n}] warm stage {row['warm']['wall']:.2f}s {_fmt_seconds(row['warm']['seconds'])}, "
              f"{len(row['warm']['written'])} written", flush=True)

    if n in args.baseline_sizes:
        config = naive_config(root, sorted(path.stem for path in paths))
        row["naive_mkdocs"] = measure("mkdocs", root, "--config", config, "--site", str(root / "site-naive"))
        row["naive_sizes"] = site_sizes(root / "site-naive")
        print(f"[{n}] naive mkdocs {row['naive_mkdocs']['wall']:.2f}s, {row['naive_sizes']}", flush=True)
        row["naive_dot"] = measure("dot", root)
        print(f"[{n}] naive dot {row['naive_dot']['wall']:.2f}s", flush=True)

    if n == args.edit_size:
        slugs = sorted(path.stem for path in paths)
        slug = next(s for s in slugs[n // 2:] + slugs if "aanleiding:" in (root / "cases" / f"{s}.yml").read_text(encoding="utf-8"))
        row["edit"] = measure("edit", root, "--slug", slug)
        # allowed: the case's own outputs and every staged file that mentions its slug (links to it)
        required = {f"casussen/{slug}.md", f"_theme/later/casussen/{slug}.html",
                    *(f"praatplaten/{slug}{suffix}" for suffix in (".pdf", "-a4.pdf", ".svg"))}
        allowed = required | set(row["edit"]["listing"])
        written = set(row["edit"]["written"])
        row["edit"].update(slug=slug, expected=sorted(allowed), unexpected=sorted(written - allowed),
                           missing=sorted(required - written))
        print(f"[{n}] rebuild after one edit {row['edit']['wall']:.2f}s {_fmt_seconds(row['edit']['seconds'])}; "
              f"as serve {row['edit']['serve']['wall']:.2f}s; written {row['edit']['written']}", flush=True)
        row["serve"] = measure("serve", root, "--slug", slug)
        print(f"[{n}] serve: up in {row['serve']['startup']:.1f}s, edit shown after {row['serve']['edit_shown']}", flush=True)
    if not args.keep:
        for folder in ("site-naive", "baseline-dot"):
            shutil.rmtree(root / folder, ignore_errors=True)
    return row


def _fmt_seconds(seconds: dict) -> str:
    return "(" + ", ".join(f"{key} {value:.2f}" for key, value in seconds.items()) + ")"


# --- report -------------------------------------------------------------------------------------

def derived(row: dict) -> dict:
    cold, s = row["cold"], row["cold"]["seconds"]
    generator = s.get("load+validate", 0) + s.get("pages", 0) + s.get("write", 0)
    full = cold["wall"] + row["mkdocs"]["wall"]
    out = {"generator": generator, "diagrams": s.get("diagrams", 0.0), "stage": cold["wall"], "mkdocs": row["mkdocs"]["wall"],
           "full": full, "peak_main": cold["self_mib"], "peak_workers": cold["children_mib"], "peak_mkdocs": row["mkdocs"]["children_mib"]}
    if "naive_mkdocs" in row:
        naive_full = generator + row["naive_dot"]["wall"] + row["naive_mkdocs"]["wall"]
        out.update(naive_diagrams=row["naive_dot"]["wall"], naive_mkdocs=row["naive_mkdocs"]["wall"], naive_full=naive_full,
                   ratio_diagrams=row["naive_dot"]["wall"] / out["diagrams"], ratio_mkdocs=row["naive_mkdocs"]["wall"] / out["mkdocs"],
                   ratio_full=naive_full / full, peak_naive_mkdocs=row["naive_mkdocs"]["children_mib"],
                   naive_page_max_kib=row["naive_sizes"]["page_max_kib"])
    return out


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip() if shutil.which("dot") else "not installed"
    import mkdocs
    import pygraphviz

    git = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "generator", "mkdocs.yml", "content"],
                           capture_output=True, text=True).stdout.strip()
    return (f"nproc {os.cpu_count()} ({cpu or platform.processor()}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}, mkdocs {mkdocs.__version__}, pygraphviz {pygraphviz.__version__}, "
            f"baseline {dot}; generator at commit {git}{' with uncommitted changes' if dirty else ''}; {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}")


def _t(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def table(rows: list[dict]) -> str:
    d = {row["n"]: derived(row) for row in rows}
    sizes = [row["n"] for row in rows]
    head = "| measure | " + " | ".join(f"{n:,} cases" for n in sizes) + " |\n|---|" + "---:|" * len(sizes) + "\n"

    def line(label: str, values: list[str]) -> str:
        return f"| {label} | " + " | ".join(values) + " |\n"

    def get(n: int, key: str, fmt=_t) -> str:
        value = d[n].get(key)
        return "–" if value is None else fmt(value)

    mib = lambda v: f"{v:.0f} MiB"  # noqa: E731
    ratio = lambda v: f"{v:.1f}×"  # noqa: E731
    rows_by_n = {row["n"]: row for row in rows}
    s = lambda n, key: rows_by_n[n]["cold"]["seconds"].get(key)  # noqa: E731
    out = head
    out += line("generator stage, cold: load+validate", [_t(s(n, "load+validate")) for n in sizes])
    out += line("generator stage, cold: diagrams (DOT + SVG + PDF)", [_t(s(n, "diagrams")) for n in sizes])
    out += line("generator stage, cold: pages", [_t(s(n, "pages")) for n in sizes])
    out += line("generator stage, cold: write build/docs", [_t(s(n, "write")) for n in sizes])
    out += line("**generator stage, cold (wall)**", [get(n, "stage") for n in sizes])
    out += line("generator stage, warm cache, no change (wall)", [_t(rows_by_n[n]["warm"]["wall"]) if "warm" in rows_by_n[n] else "–" for n in sizes])
    out += line("MkDocs build", [get(n, "mkdocs") for n in sizes])
    out += line("**full build (cold stage + MkDocs)**", [get(n, "full") for n in sizes])
    out += line("naive diagrams: `dot` per diagram × 2 formats", [get(n, "naive_diagrams") for n in sizes])
    out += line("naive MkDocs: every case in `nav`", [get(n, "naive_mkdocs") for n in sizes])
    out += line("naive full build (same load/pages + naive diagrams + naive MkDocs)", [get(n, "naive_full") for n in sizes])
    out += line("ratio naive/ours: diagrams", [get(n, "ratio_diagrams", ratio) for n in sizes])
    out += line("ratio naive/ours: MkDocs", [get(n, "ratio_mkdocs", ratio) for n in sizes])
    out += line("**ratio naive/ours: full build**", [get(n, "ratio_full", ratio) for n in sizes])
    out += line("peak RSS generator process", [get(n, "peak_main", mib) for n in sizes])
    out += line("peak RSS one render worker", [get(n, "peak_workers", mib) for n in sizes])
    out += line("peak RSS MkDocs", [get(n, "peak_mkdocs", mib) for n in sizes])
    out += line("peak RSS naive MkDocs", [get(n, "peak_naive_mkdocs", mib) for n in sizes])
    out += line("largest case page (HTML)", [f"{rows_by_n[n]['sizes']['page_max_kib']:.0f} KiB" for n in sizes])
    out += line("largest case page, naive nav", [get(n, "naive_page_max_kib", lambda v: f"{v:.0f} KiB") for n in sizes])
    out += line("largest page of any kind (HTML)", [f"{rows_by_n[n]['sizes']['any_page_max_kib']:.0f} KiB ({rows_by_n[n]['sizes']['any_page_max'].removesuffix('/index.html')})" for n in sizes])
    out += line("case list page casussen/index.html", [f"{rows_by_n[n]['sizes']['list_page_kib']:.0f} KiB" for n in sizes])
    out += line("Material's search_index.json (written, no longer loaded)", [f"{rows_by_n[n]['sizes']['search_mib']:.2f} MiB" for n in sizes])
    out += line("Pagefind index on disk (all files)", [f"{rows_by_n[n]['search']['index']['bytes'] / MiB:.1f} MiB" if "search" in rows_by_n[n] else "–" for n in sizes])
    out += line("first query downloads at most (compressed)", [f"{max(q['bytes'] for q in rows_by_n[n]['search']['queries']) / 1024:.0f} KiB" if "search" in rows_by_n[n] else "–" for n in sizes])
    out += line("load average (1 min) before → after cold stage",
                [f"{rows_by_n[n]['cold']['load_before']:.1f} → {rows_by_n[n]['cold']['load_after']:.1f}" for n in sizes])
    out += line("benchmark time for this column (corpus, all measurements, baseline)",
                [f"{rows_by_n[n].get('elapsed', 0) / 60:.1f} min" for n in sizes])
    out += line("whole site/", [f"{rows_by_n[n]['sizes']['site_mib']:.0f} MiB" for n in sizes])
    return out


def verdicts(rows: list[dict]) -> list[tuple[str, str, bool | None]]:
    by_n = {row["n"]: row for row in rows}
    d = {n: derived(row) for n, row in by_n.items()}
    result: list[tuple[str, str, bool | None]] = []

    def add(name: str, measured: str, ok: bool | None) -> None:
        result.append((name, measured, ok))

    if 1000 in d:
        add(f"1,000 cases full build ≤ {TARGETS['full_1000_s']:.0f} s", f"{d[1000]['full']:.2f} s", d[1000]["full"] <= TARGETS["full_1000_s"])
        if "ratio_full" in d[1000]:
            add(f"1,000 cases ≥ {TARGETS['speedup_1000']:.0f}× faster than naive", f"{d[1000]['ratio_full']:.1f}×",
                d[1000]["ratio_full"] >= TARGETS["speedup_1000"])
        edit = by_n[1000].get("edit")
        if edit:
            add(f"rebuild after one edit among 1,000: generator stage ≤ {TARGETS['rebuild_s']} s",
                f"{edit['serve']['wall']:.2f} s as serve (one process, Memo kept); {edit['wall']:.2f} s as a fresh `build` process",
                edit["serve"]["wall"] <= TARGETS["rebuild_s"])
            add("rebuild rewrites only that case's outputs and the pages that list it",
                f"{len(edit['written'])} written: {', '.join(edit['written'][:6])}", not edit["unexpected"] and not edit["missing"])
        served = by_n[1000].get("serve")
        if served:
            shown = served["edit_shown"]
            add(f"`python -m generator serve` shows an edited case within {TARGETS['serve_s']:.0f} s at 1,000",
                "never" if shown is None else f"{shown:.2f} s (serve itself came up in {served['startup']:.0f} s)",
                shown is not None and shown <= TARGETS["serve_s"])
        sizes = by_n[1000]["sizes"]
        add(f"no page of any kind > {TARGETS['page_kib']:.0f} KB at 1,000 (issue 14)",
            f"largest {sizes['any_page_max_kib']:.0f} KiB ({sizes['any_page_max'].removesuffix('/index.html')}); "
            f"{sizes.get('pages_over', '–')} page(s) over",
            sizes["any_page_max_kib"] * 1024 <= TARGETS["page_kib"] * 1000)
        if "search" in by_n[1000]:
            worst = max(by_n[1000]["search"]["queries"], key=lambda q: q["bytes"])
            add(f"a search downloads ≤ {TARGETS['first_query_mib_1000']:.0f} MB (compressed) before its first results at 1,000",
                f"{worst['bytes'] / 1024:.0f} KiB at most ({worst['query']!r}); index on disk {by_n[1000]['search']['index']['bytes'] / MiB:.1f} MiB",
                worst["bytes"] <= TARGETS["first_query_mib_1000"] * 1e6)
    if 10000 in d and 1000 in d:
        scale = d[10000]["full"] / d[1000]["full"]
        add(f"10,000 ≤ {TARGETS['scale_10000']:.0f}× the time of 1,000", f"{scale:.1f}× ({d[10000]['full']:.1f} s)", scale <= TARGETS["scale_10000"])
    if 10000 in d:
        peak = max(d[10000]["peak_main"], d[10000]["peak_workers"], d[10000]["peak_mkdocs"])
        add("peak memory at 10,000 ≤ 1 GiB (largest single process)", f"{peak:.0f} MiB", peak <= TARGETS["peak_10000_mib"])
    pages = max(row["sizes"]["page_max_kib"] for row in rows)
    add(f"case page ≤ {TARGETS['page_kib']:.0f} KB", f"{pages:.0f} KiB", pages * 1024 <= TARGETS["page_kib"] * 1000)
    return result


def report(rows: list[dict], total_seconds: float) -> str:
    out = ["# Benchmarks: build time, memory and output size by number of cases", "",
           f"Machine: {machine()}.", "",
           "Produced by `python benchmarks/run.py --sizes " + " ".join(str(row["n"]) for row in rows) + "` "
           f"(synthetic corpus from `benchmarks/synthetic.py`, seed 0) in {total_seconds / 60:.1f} min. "
           "Every measurement runs in a fresh process; the cold stage starts with an empty render cache "
           "and an empty build/docs. The naive diagrams run `dot` (system Graphviz) sequentially and skip the A3 "
           "post-processing, so that baseline is a lower bound.", "", table(rows)]
    out += ["", "## Targets", "", "| target | measured | met? |", "|---|---|---|"]
    for name, measured, ok in verdicts(rows):
        out.append(f"| {name} | {measured} | {'yes' if ok else 'no' if ok is not None else '–'} |")
    for row in rows:
        over = row["sizes"].get("pages_over_list")
        if over:
            out += ["", f"Pages over {TARGETS['page_kib']:.0f} KB at {row['n']:,} cases: " + ", ".join(over) + "."]
    out += ["", search_section(rows).rstrip("\n")]
    edits = [row["edit"] for row in rows if "edit" in row]
    for edit in edits:
        out += ["", f"## Rebuild after one edit ({edit['slug']}, name and aanleiding changed)", "",
                f"Generator stage with warm render cache: {edit['wall']:.2f} s {_fmt_seconds(edit['seconds'])}; "
                f"{edit['rendered']} praatplaat rendered.", "",
                f"The same edit as `serve` does it (a process that staged once already and keeps its Memo): "
                f"{edit['serve']['wall']:.2f} s {_fmt_seconds(edit['serve']['seconds'])}; {edit['serve'].get('rendered', '?')} praatplaat rendered; "
                "written: " + (", ".join(f"`{w}`" for w in edit["serve"]["written"]) or "none") + ".", "",
                "Staged files rewritten (Report.written): " + (", ".join(f"`{w}`" for w in edit["written"]) or "none") + ".",
                "", f"Allowed ({len(edit['expected'])}): the case's page, its set-aside HTML, its praatplaat (A3 and A4 PDF, SVG), and every staged file that mentions its slug: "
                + ", ".join(f"`{w}`" for w in edit["expected"]) + "."
                + (" Unexpected: " + ", ".join(f"`{w}`" for w in edit["unexpected"]) + "." if edit["unexpected"] else "")
                + (" Missing: " + ", ".join(f"`{w}`" for w in edit["missing"]) + "." if edit["missing"] else "")]
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the site build at several sizes.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--baseline-sizes", type=int, nargs="*", default=[100, 1000],
                        help="sizes at which to run the naive baseline too (slow: one dot process per diagram)")
    parser.add_argument("--warm-sizes", type=int, nargs="*", default=[100, 1000],
                        help="sizes at which to rerun the generator stage with a warm cache and no change")
    parser.add_argument("--edit-size", type=int, default=1000, help="size at which to measure a rebuild after one edit")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    parser.add_argument("--results", type=Path, default=BENCH / "results.md")
    parser.add_argument("--json", type=Path, default=BENCH / "out" / "results.json", help="raw measurements")
    parser.add_argument("--no-check", dest="check", action="store_false", help="skip validating the corpus before measuring")
    parser.add_argument("--check-max", type=int, default=1000,
                        help="validate the corpus separately only up to this size (the cold stage validates it anyway)")
    parser.add_argument("--merge", action="store_true",
                        help="add to the rows in --json from an earlier run (same sizes are replaced) before writing the report")
    parser.add_argument("--keep", action="store_true", help="keep the naive site and dot output")
    parser.add_argument("--search-only", action="store_true",
                        help="per size: corpus, stage, MkDocs and search only; writes just the Search section of --results")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    parser.add_argument("--config", help=argparse.SUPPRESS)
    parser.add_argument("--site", help=argparse.SUPPRESS)
    parser.add_argument("--slug", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args)
        return 0
    if args.baseline_sizes and not shutil.which("dot"):
        raise SystemExit("the naive baseline needs the `dot` binary: apt-get install -y graphviz (or pass --baseline-sizes with no sizes)")
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        start = time.perf_counter()
        rows.append(bench_size(n, args))
        rows[-1]["elapsed"] = time.perf_counter() - start
        print(f"[{n}] done in {rows[-1]['elapsed']:.0f}s", flush=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    if args.search_only:
        write_search_section(args.results, rows)
        print(search_section(rows))
        return 0
    if args.merge and args.json.exists():
        earlier = [row for row in json.loads(args.json.read_text(encoding="utf-8")) if row["n"] not in args.sizes]
        rows = sorted(earlier + rows, key=lambda row: row["n"])
        for row in earlier:
            row.setdefault("elapsed", 0.0)
    args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    text = report(rows, sum(row.get("elapsed", 0.0) for row in rows))
    args.results.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
