"""Execute the book's notebooks side by side before Sphinx reads them.

myst-nb executes notebooks one after another inside Sphinx's read phase. This runs the same
notebooks, read by the same reader (`ca911.book.execution_hash.read_markdown`, so the cache key
includes the data and code hashes), in parallel worker processes and stores the results in the same
jupyter-cache; Sphinx then finds every notebook cached. A notebook that fails is reported with its
traceback and nothing is cached for it, so the build that follows fails on it as before.

Each notebook is executed once per edition: the reader's hidden first cell sets the edition's
language, so the English and the Japanese outputs are cached under their own keys, and the
Japanese edition (built from a mirror of the same notebooks) finds its outputs in the same cache.

    python -m ca911 execute [--jobs 2] [--lang en --lang ja]
"""

from __future__ import annotations

import fnmatch
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from ca911.data.language import LANGUAGES


def book_notebooks(root: Path) -> list[Path]:
    """The MyST notebooks of the table of contents that the configuration executes."""
    from myst_nb.core.read import is_myst_markdown_notebook

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    excluded = config.get("execute", {}).get("exclude_patterns", [])

    def files(node) -> list[str]:
        if isinstance(node, dict):
            return ([node["file"]] if "file" in node else []) + [
                f for v in node.values() for f in files(v)
            ]
        return [f for v in node for f in files(v)] if isinstance(node, list) else []

    out = []
    for rel in [toc["root"], *files(toc.get("parts", toc.get("chapters", [])))]:
        path = root / f"{rel}.md"
        if (
            path.is_file()
            and not any(fnmatch.fnmatch(f"{rel}.md", p) for p in excluded)
            and is_myst_markdown_notebook(path.read_text(encoding="utf-8"))
        ):
            out.append(path)
    return out


def _execute_one(path: str, timeout: int, lang: str) -> tuple[str | None, float, str | None]:
    import nbformat
    from jupyter_cache.executors.utils import single_nb_execution

    from ca911.book.execution_hash import read_markdown

    nb = read_markdown(Path(path).read_text(encoding="utf-8"), language=lang)
    result = single_nb_execution(
        nb, cwd=str(Path(path).parent), allow_errors=False, timeout=timeout, meta_override=True
    )
    if result.err is not None:
        return None, result.time, result.exc_string
    return nbformat.writes(result.nb), result.time, None


def execute(root: Path, jobs: int = 2, languages: tuple[str, ...] = LANGUAGES) -> int:
    """Execute every uncached notebook of every edition in `languages` (at most `jobs` at a
    time); 1 if any failed."""
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from myst_nb.core.read import MystMetadataParsingError

    from ca911.book.execution_hash import read_markdown

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")).get("execute", {})
    cache = get_cache(str(root / config.get("cache", "_build/.jupyter_cache")))
    runs_wanted = [(path, lang) for lang in languages for path in book_notebooks(root)]
    todo = []
    for path, lang in runs_wanted:
        try:
            notebook = read_markdown(path.read_text(encoding="utf-8"), language=lang)
        except MystMetadataParsingError as error:
            # myst-nb names the cell and its line, not the file: the reader needs all three
            raise SystemExit(f"{path.relative_to(root)}: {error}") from None
        try:
            cache.match_cache_notebook(notebook)
        except KeyError:
            todo.append((path, lang))
    print(
        f"notebooks ({', '.join(languages)}): {len(todo)} to execute, "
        f"{len(runs_wanted) - len(todo)} cached"
    )
    failed = 0
    if todo:
        with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(todo)))) as pool:
            runs = pool.map(
                _execute_one,
                [str(p) for p, _ in todo],
                [int(config.get("timeout", 180))] * len(todo),
                [lang for _, lang in todo],
            )
            for (path, lang), (text, seconds, error) in zip(todo, runs):
                rel = f"{path.relative_to(root)} ({lang})"
                if error:
                    failed += 1
                    print(f"{rel}: execution failed after {seconds:.1f} s\n{error}")
                    continue
                cache.cache_notebook_bundle(
                    CacheBundleIn(
                        nbformat.reads(text, as_version=4),
                        str(path),
                        data={"execution_seconds": seconds},
                    ),
                    check_validity=False,
                    overwrite=True,
                )
                print(f"{rel}: executed in {seconds:.1f} s")
    return 1 if failed else 0


def default_jobs() -> int:
    return (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )
