"""The project as the tests see it: its paths, the built book, CSV rows, MyST notebooks, scratch
copies."""

from __future__ import annotations

import csv
import functools
import importlib.util
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from ca911.book import editions
from ca911.sources.reader import sources_available, sources_dir

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "_build"
HTML = BUILD / "html"  # the site: the English edition, with each other edition in its folder
PDF = BUILD / "pdf" / "companion.pdf"


@dataclass(frozen=True)
class BuiltEdition:
    lang: str
    html: Path  # the edition's pages (the English ones at the site's root)
    pdf: Path

    def pages(self) -> list[Path]:
        return edition_html_files(self.html)


EDITIONS = {
    lang: BuiltEdition(
        lang, HTML / ed.html_dir if ed.html_dir else HTML, BUILD / "pdf" / ed.pdf_name
    )
    for lang, ed in editions.EDITIONS.items()
}
# the rendered-book checks that are not checks of English wording run on every edition
each_edition = pytest.mark.parametrize("built", list(EDITIONS.values()), ids=list(EDITIONS))


def site_pages(pages_of) -> list[str]:
    """Every built edition's pages as paths in the site (the Japanese ones under `ja/`), from
    `pages_of(html_dir)`: one edition's pages relative to its folder."""
    out = []
    for ed in EDITIONS.values():
        if ed.html.is_dir():
            prefix = ed.html.relative_to(HTML).as_posix()
            out += [p if prefix == "." else f"{prefix}/{p}" for p in pages_of(ed.html)]
    return out


def edition_html_files(html_dir: Path = HTML) -> list[Path]:
    """The .html files of the edition whose pages are in `html_dir`, without those of the editions
    in its sub-folders (the Japanese one in `ja/` of the English one)."""
    nested = [html_dir / ed.html_dir for ed in editions.EDITIONS.values() if ed.html_dir]
    return sorted(
        p for p in html_dir.rglob("*.html") if not any(p.is_relative_to(n) for n in nested)
    )


# what Sphinx copies beside the pages: assets, sources, images and downloads, not pages to read
NOT_READER_PAGES = ("_static", "_sources", "_images", "_downloads")


def reader_pages() -> list[str]:
    """Every page a reader can open in the built editions (paths in the site), or the landing page
    alone before a build, so a parametrised test still collects and reports the missing book."""
    if not HTML.is_dir():
        return ["index.html"]
    return site_pages(
        lambda html_dir: [
            p.relative_to(html_dir).as_posix()
            for p in edition_html_files(html_dir)
            if p.relative_to(html_dir).parts[0] not in NOT_READER_PAGES
        ]
    )


needs_sources = pytest.mark.skipif(
    not sources_available(),
    reason=f"the source chapters are not at {sources_dir()} "
    "(a reader's clone without ../shared); CI has them",
)


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_notebook(path: Path):
    """A MyST text notebook as nbformat cells (jupytext's own reader, the one the build uses)."""
    import jupytext

    return jupytext.reads(path.read_text(encoding="utf-8"), fmt="md:myst")


ACTOR_PAGES = "_generated/actors/"


def sample_actor_pages(pages: list[str], html_dir: Path = HTML) -> list[str]:
    """The pages, except that the actor pages, all made from one template, are represented by four
    of them (the two largest, the middle one and the smallest): opening all 45 in a browser costs a
    minute and finds nothing more."""
    actors = sorted(
        (p for p in pages if p.startswith(ACTOR_PAGES)),
        key=lambda p: ((html_dir / p).stat().st_size, p),
    )
    sample = (
        {*actors[-2:], *actors[len(actors) // 2 : len(actors) // 2 + 1], *actors[:1]}
        if actors
        else set()
    )
    return [p for p in pages if not p.startswith(ACTOR_PAGES) or p in sample]


@functools.lru_cache(maxsize=2)
def pdf_page_texts(pdf: Path = PDF) -> tuple[str, ...]:
    """The text of every page of a PDF (default: the English edition's), once per worker. pdfium
    reads the book in about a second (pypdf took twelve to thirty); a word broken at a line end
    keeps its hyphen, as pypdf gave it."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return tuple(
            doc[i].get_textpage().get_text_range().replace("\ufffe", "-").replace("\r\n", "\n")
            for i in range(len(doc))
        )
    finally:
        doc.close()


# --- One project copy for every test that builds or edits a scratch project -----------------------
# what is not a source of the book: the same folders and caches the Japanese edition's mirror leaves
COPY_SKIP = editions.NOT_SOURCES


def _copy_ignore(folder: str, names: list[str]) -> set[str]:
    """Build products and caches; also an executed X.ipynb beside its X.md (`ca911 run` writes
    those)."""
    present = set(names)
    return {
        n
        for n in names
        if n in COPY_SKIP or (n.endswith(".ipynb") and n[: -len(".ipynb")] + ".md" in present)
    }


def project_copy(
    target: Path,
    parts: tuple[str, ...] | None = None,
    source: Path = ROOT,
    skip: frozenset[str] = frozenset(),
) -> Path:
    """Copy the project at `source` (default: this checkout) into `target`, without build products,
    caches or virtualenv; `parts` limits the copy to those top-level files and folders; `skip`
    leaves out more top-level names (e.g. "tests"). Returns `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir()):
        if (
            item.name in COPY_SKIP
            or item.name in skip
            or (parts is not None and item.name not in parts)
        ):
            continue
        if item.is_dir():
            shutil.copytree(item, target / item.name, ignore=_copy_ignore, symlinks=True)
        else:
            shutil.copy2(item, target / item.name)
    return target


def _tools_module(name: str):
    """A module of tools/ (outside the package), loaded by path."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


serve = _tools_module("local_site").serve  # the built HTML on 127.0.0.1, as make proof serves it
