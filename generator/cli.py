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

from generator import github
from generator.errors import BuildError, InputError, os_error
from generator.messages import count, t

ROOT = Path(__file__).resolve().parent.parent


def _validate(args: argparse.Namespace) -> int:
    from generator.content import load_framework
    from generator.validate import check_cases

    framework = load_framework(args.root)
    paths = [Path(p) for p in args.paths]
    cases = check_cases(args.root, framework, paths or None)
    github.report([], len(paths) or len(cases))
    if paths:
        print(t("valid_files", count=len(paths), noun=count(len(paths), "noun_file", "noun_files")))
    else:
        print(t("valid_cases", count=len(cases), noun=count(len(cases), "noun_case_file", "noun_case_files")))
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.build import build_site
    from generator.progress import Progress

    report = build_site(args.root, offline=args.offline, progress=Progress())
    print(report)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    return serve(args.root, args.dev_addr)


def _new_case(args: argparse.Namespace) -> int:
    from generator.scaffold import new_case

    path = new_case(args.root, args.name)
    print(t("new_case_written", path=path.relative_to(args.root)))
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.schema import write_schema

    path = write_schema(args.root)
    print(t("schema_written", path=path.relative_to(args.root)))
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m generator", description="Kennissite over horizontale samenwerking in het mbo.")
    top.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    sub = top.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="casusbestanden controleren; exitcode 1 bij een fout")
    validate.add_argument("paths", nargs="*", help="casusbestanden (standaard: alle bestanden in cases/)")
    validate.set_defaults(run=_validate)
    build = sub.add_parser("build", help="de site bouwen in site/")
    build.add_argument("--offline", action="store_true", help="een bundel bouwen die werkt als je hem van schijf opent (file://)")
    build.set_defaults(run=_build)
    serve = sub.add_parser("serve", help="de site bekijken; bouwt opnieuw als cases/ of content/ verandert")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.set_defaults(run=_serve)
    new = sub.add_parser("new-case", help="cases/<slug>.yml maken uit een sjabloon met uitleg")
    new.add_argument("name", help="naam van de samenwerking, bijvoorbeeld \"Food Academy Nijkerk\"")
    new.set_defaults(run=_new_case)
    schema = sub.add_parser("schema", help="schema/case.schema.json schrijven uit het model")
    schema.set_defaults(run=_schema)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as err:
        for diagnostic in err.diagnostics:
            print(diagnostic, file=sys.stderr)
        github.report(err.diagnostics)
        number = len(err.diagnostics)
        print(t("summary_errors", count=number, noun=count(number, "noun_error", "noun_errors")), file=sys.stderr)
        return 1
    except BuildError as err:
        print(t("build_failed", detail=err), file=sys.stderr)
        return 1
    except OSError as err:  # permissions, a full disk, a folder missing: one plain line
        print(os_error(err), file=sys.stderr)
        print("Er is niets gepubliceerd; site/ is zoals hij was.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
