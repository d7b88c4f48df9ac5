"""Command line: runs the stages and maps errors to exit codes; no logic of its own.

    python -m generator validate [PATH ...]   check case files (all under cases/ by default)
    python -m generator build                 generate pages and diagrams, build site/
    python -m generator serve                 preview with rebuild on change
    python -m generator new-case "Naam"       write cases/<slug>.yml from the template
    python -m generator schema                write schema/case.schema.json
    python -m generator offline               build a bundle that works from file://
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.errors import BuildError, InputError, os_error

ROOT = Path(__file__).resolve().parent.parent


def _validate(args: argparse.Namespace) -> int:
    from generator.content import load_framework
    from generator.validate import check_cases

    framework = load_framework(args.root)
    paths = [Path(p) for p in args.paths]
    cases = check_cases(args.root, framework, paths or None)
    print(f"{len(paths)} file(s) valid." if paths else f"{len(cases)} case file(s) valid.")
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.build import build_site

    report = build_site(args.root, offline=args.offline)
    print(report)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    return serve(args.root, args.dev_addr)


def _new_case(args: argparse.Namespace) -> int:
    from generator.scaffold import new_case

    path = new_case(args.root, args.name)
    print(f"Wrote {path.relative_to(args.root)}. Fill in every block, then run: python -m generator validate {path.relative_to(args.root)}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.schema import write_schema

    path = write_schema(args.root)
    print(f"Wrote {path.relative_to(args.root)}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m generator", description="Knowledge site for horizontal collaboration in the mbo.")
    top.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    sub = top.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check case files; exit 1 on any error")
    validate.add_argument("paths", nargs="*", help="case files (default: every file under cases/)")
    validate.set_defaults(run=_validate)
    build = sub.add_parser("build", help="build the site into site/")
    build.add_argument("--offline", action="store_true", help="build a bundle that works opened from disk (file://)")
    build.set_defaults(run=_build)
    serve = sub.add_parser("serve", help="preview the site and rebuild when cases/ or content/ change")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.set_defaults(run=_serve)
    new = sub.add_parser("new-case", help="write cases/<slug>.yml from a commented template")
    new.add_argument("name", help="name of the collaboration, for example \"Food Academy Nijkerk\"")
    new.set_defaults(run=_new_case)
    schema = sub.add_parser("schema", help="write schema/case.schema.json from the model")
    schema.set_defaults(run=_schema)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as err:
        for diagnostic in err.diagnostics:
            print(diagnostic, file=sys.stderr)
        print(f"{len(err.diagnostics)} error(s); nothing was written.", file=sys.stderr)
        return 1
    except BuildError as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # permissions, a full disk, a folder missing: one plain line
        print(os_error(err), file=sys.stderr)
        print("Er is niets gepubliceerd; site/ is zoals hij was.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
