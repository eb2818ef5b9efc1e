"""Command line: `python -m ca911 validate | derive [--check] | execute | edition-sources LANG DIR |
passages CH | sentences CH | coverage CH | catalogs | source-date-epoch | run NOTEBOOK`."""

from __future__ import annotations

import argparse
import sys


def _passages(args: argparse.Namespace) -> int:
    from ca911.sources.reader import read_chapter

    for key, passage in read_chapter(args.chapter).passages.items():
        print(f"{args.chapter} {key}\t{passage.text}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from ca911.data.validation import validate_package

    problems = validate_package(args.data_dir)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {args.data_dir}; nothing built.", file=sys.stderr)
        return 1
    from pathlib import Path

    from ca911.data.package import remember_valid

    remember_valid(
        Path(args.data_dir)
    )  # the notebooks' load() of this build need not validate again
    print(f"{args.data_dir}: valid")
    return 0


def _derive(args: argparse.Namespace) -> int:
    """Write (or with --check, compare) the files derived from the chapters' text."""
    from pathlib import Path

    from ca911.sources import derived
    from ca911.sources.reader import SourcesMissing

    data_dir = Path(args.data_dir)
    try:
        if args.check:
            problems = derived.check(data_dir)
            for p in problems:
                print(p, file=sys.stderr)
            if not problems:
                print(f"{data_dir}: the derived files agree with the chapters")
            return 1 if problems else 0
        changed = derived.write(data_dir)
    except SourcesMissing as exc:
        print(
            f"{exc}; the derived files are committed, so the book builds without them",
            file=sys.stderr,
        )
        return 2
    for path in changed:
        print(f"rewrote {path}")
    print(f"{data_dir}: derived files {'updated' if changed else 'unchanged'}")
    return 0


def _execute(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ca911.book.execute import execute
    from ca911.data.language import LANGUAGES

    return execute(Path(args.root).resolve(), args.jobs, tuple(args.lang or LANGUAGES))


def _edition_sources(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ca911.book.editions import write_edition_sources

    config = write_edition_sources(Path(args.root), args.lang, Path(args.target))
    print(config)
    return 0


def _coverage(args: argparse.Namespace) -> int:
    from ca911.data.package import DataPackageError, load
    from ca911.sources.coverage import coverage_report, format_report
    from ca911.sources.sentence_coverage import format_sentence_report, sentence_report

    try:
        data = load(args.data_dir)
    except DataPackageError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        print(
            f"{len(exc.problems)} problem(s) in {args.data_dir}; fix them before reading coverage.",
            file=sys.stderr,
        )
        return 1
    dates = coverage_report(args.chapter, data=data, from_text=args.from_text)
    print("Date expressions\n" + format_report(dates))
    facts = sentence_report(args.chapter, data=data, from_text=args.from_text)
    print("\nSentences (fact coverage)\n" + format_sentence_report(facts))
    return 0 if dates.complete and facts.complete else 1


def _sentences(args: argparse.Namespace) -> int:
    """Each sentence with its locator, checksum, map row and the records located at its
    paragraph."""
    from ca911.data.package import load
    from ca911.sources.coverage import covers, package_record_locators
    from ca911.sources.reader import chapter_sentences

    data = load(args.data_dir, validate=False)
    refs = package_record_locators(data) if args.candidates else {}
    rows = {r.locator: r for r in data["sentences"].itertuples()}
    for sent in chapter_sentences(args.chapter):
        row = rows.get(sent.locator)
        mapped = (
            f"{row.content} ({row.modality}): {' '.join(row.record_refs) or '-'}"
            if row is not None
            else "UNMAPPED"
        )
        print(f"{sent.number}\t{sent.locator}\t{sent.checksum}\t{mapped}\t{sent.text}")
        if args.candidates:
            here = [r for r, loc in refs.items() if covers(loc, sent.locator.rsplit(" s.", 1)[0])]
            print(f"\t\trecords at this paragraph: {' '.join(here) or '-'}")
    return 0


def _run_notebook(args: argparse.Namespace) -> int:
    from pathlib import Path

    import jupytext
    from nbclient import NotebookClient

    path = Path(args.notebook).resolve()
    nb = jupytext.read(path)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    out = Path(args.output) if args.output else path.with_suffix(".ipynb")
    jupytext.write(nb, out, fmt="ipynb")
    print(f"{path.name}: executed, written to {out}")
    return 0


def _catalogs(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ca911.book.catalogs import catalog_problems, catalogs, copy_problems
    from ca911.data.chapters import chapter_ids
    from ca911.sources.reader import SourcesMissing, read_chapter

    paths = [Path(p) for p in args.po] or catalogs(Path(args.root), args.lang)
    problems = [p for path in paths for p in catalog_problems(path)]
    try:
        chapters = "\n".join(read_chapter(c).text for c in chapter_ids())
    except SourcesMissing as missing:
        print(f"not compared with the chapters: {missing}")
    else:
        problems += [p for path in paths for p in copy_problems(path, chapters)]
    for problem in problems:
        print(problem)
    print(f"{len(paths)} catalogs, {len(problems)} problems")
    return 1 if problems else 0


def _source_date_epoch(args: argparse.Namespace) -> int:
    from ca911.data.output_date import source_date_epoch

    print(source_date_epoch())
    return 0


def main(argv: list[str] | None = None) -> int:
    from ca911.data.chapters import chapter_ids
    from ca911.data.language import LANGUAGES
    from ca911.data.package import default_data_dir

    DATA_DIR = default_data_dir()

    parser = argparse.ArgumentParser(prog="python -m ca911", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "validate", help="validate the data package; prints file:row:column: rule: message"
    )
    p.add_argument("data_dir", nargs="?", default=str(DATA_DIR))
    p.set_defaults(func=_validate)
    p = sub.add_parser(
        "derive",
        help=(
            "write the files derived from the chapters' text (date expressions, sentence inventory)"
        ),
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="compare instead of writing; exit 1 and name the first difference",
    )
    p.add_argument("--data-dir", default=str(DATA_DIR))
    p.set_defaults(func=_derive)
    from ca911.book.execute import default_jobs

    p = sub.add_parser(
        "execute", help="execute the book's uncached notebooks in parallel into the execution cache"
    )
    p.add_argument(
        "--jobs", type=int, default=default_jobs(), help="notebooks at a time (default: the cores)"
    )
    p.add_argument("--root", default=".", help="the book's folder (with _config.yml and _toc.yml)")
    p.add_argument(
        "--lang",
        action="append",
        choices=LANGUAGES,
        help="the edition whose outputs to execute (repeatable; default: every edition)",
    )
    p.set_defaults(func=_execute)
    p = sub.add_parser(
        "edition-sources",
        help="mirror the book's sources into TARGET with the edition's _config.yml (printed)",
    )
    p.add_argument("lang", choices=LANGUAGES)
    p.add_argument("target", help="the mirror's folder, e.g. _build/stage/ja/src")
    p.add_argument("--root", default=".", help="the book's folder")
    p.set_defaults(func=_edition_sources)
    p = sub.add_parser("passages", help="list a chapter's passages with their locators")
    p.add_argument("chapter", choices=chapter_ids(DATA_DIR))
    p.set_defaults(func=_passages)
    p = sub.add_parser(
        "coverage", help="date-expression and sentence coverage report for a chapter"
    )
    p.add_argument("chapter", choices=chapter_ids(DATA_DIR))
    p.add_argument(
        "--from-text",
        action="store_true",
        help="read the chapter itself instead of the committed derived files",
    )
    p.add_argument("--data-dir", default=str(DATA_DIR))
    p.set_defaults(func=_coverage)
    p = sub.add_parser(
        "sentences", help="list a chapter's sentences with locator, checksum and their map row"
    )
    p.add_argument("chapter", choices=chapter_ids(DATA_DIR))
    p.add_argument(
        "--candidates",
        action="store_true",
        help="also list the records located at each sentence's paragraph",
    )
    p.add_argument("--data-dir", default=str(DATA_DIR))
    p.set_defaults(func=_sentences)
    p = sub.add_parser(
        "catalogs",
        help="check the translation catalogs (untranslated, fuzzy, markup, runs of the chapters)",
    )
    p.add_argument("po", nargs="*", help="catalogs to check (default: every catalog of --lang)")
    p.add_argument("--lang", default="ja")
    p.add_argument("--root", default=".")
    p.set_defaults(func=_catalogs)
    p = sub.add_parser(
        "source-date-epoch",
        help="print the date the build writes into its outputs (seconds since 1970)",
    )
    p.set_defaults(func=_source_date_epoch)
    p = sub.add_parser(
        "run", help="execute one MyST notebook by itself and write the executed .ipynb"
    )
    p.add_argument("notebook")
    p.add_argument(
        "-o", "--output", help="where to write the .ipynb (default: beside the notebook)"
    )
    p.set_defaults(func=_run_notebook)
    args = parser.parse_args(argv)
    return args.func(args)
