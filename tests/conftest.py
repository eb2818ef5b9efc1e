"""Shared fixtures: the project root, the built book, a scratch copy of the data package or the whole
project, the offline guard, and the browser (pytest-playwright on Debian's chromium) with a local server."""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import ipaddress
import re
import shutil
import socket
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from ca911.sources.reader import sources_available, sources_dir

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
HTML = BUILD / "html"
PDF = BUILD / "pdf" / "companion.pdf"

needs_sources = pytest.mark.skipif(
    not sources_available(),
    reason=f"the source chapters are not at {sources_dir()} (a reader's clone without ../shared); CI has them",
)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ with references.bib beside it, as the validator expects."""
    return project_copy(tmp_path, parts=("data", "references.bib")) / "data"


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


def sample_actor_pages(pages: list[str]) -> list[str]:
    """The pages, except that the actor pages, all made from one template, are represented by four of them (the two
    largest, the middle one and the smallest): opening all 45 in a browser costs a minute and finds nothing more."""
    actors = sorted((p for p in pages if p.startswith(ACTOR_PAGES)), key=lambda p: ((HTML / p).stat().st_size, p))
    sample = {*actors[-2:], *actors[len(actors) // 2: len(actors) // 2 + 1], *actors[:1]} if actors else set()
    return [p for p in pages if not p.startswith(ACTOR_PAGES) or p in sample]


@functools.lru_cache(maxsize=1)
def pdf_page_texts() -> tuple[str, ...]:
    """The text of every PDF page, once per worker. pdfium reads the book in about a second (pypdf took
    twelve to thirty); a word broken at a line end keeps its hyphen, as pypdf gave it."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(PDF))
    try:
        return tuple(doc[i].get_textpage().get_text_range().replace("\ufffe", "-").replace("\r\n", "\n")
                     for i in range(len(doc)))
    finally:
        doc.close()


@pytest.fixture(scope="session")
def built_book() -> Path:
    if not (HTML / "index.html").is_file() or not PDF.is_file():
        pytest.fail("the book is not built: run `make book` (make test does it first)")
    return BUILD


# --- Offline: the test session makes no network request ------------------------------------------
# pytest-socket (options in pyproject.toml: --disable-socket --allow-hosts=127.0.0.1,::1,localhost
# --allow-unix-socket) refuses connect() to any other host. With --allow-hosts it leaves name lookups
# alone, and a DNS query is a request too, so this one guard refuses lookups of names other than localhost.
LOCAL_NAMES = {"localhost", "127.0.0.1", "::1"}


class NameLookupBlockedError(RuntimeError):
    """Raised when a test (or anything it calls in-process) asks DNS for another host."""


@pytest.fixture(scope="session", autouse=True)
def no_name_lookups():
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name not in (None, "") and name not in LOCAL_NAMES:
            try:
                ipaddress.ip_address(name)  # a literal address needs no lookup; pytest-socket's connect guard decides
            except ValueError:
                raise NameLookupBlockedError(f"lookup of {name!r} refused (tests run offline)") from None
        return real_getaddrinfo(host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket, "getaddrinfo", getaddrinfo)
        yield


# --- One project copy for every test that builds or edits a scratch project ------------------------
COPY_SKIP = {".git", ".venv", "_build", "_generated", ".pytest_cache", ".hypothesis", "__pycache__",
             ".ipynb_checkpoints", ".ruff_cache"}


def _copy_ignore(folder: str, names: list[str]) -> set[str]:
    """Build products and caches; also an executed X.ipynb beside its X.md (`ca911 run` writes those)."""
    present = set(names)
    return {n for n in names if n in COPY_SKIP or (n.endswith(".ipynb") and n[: -len(".ipynb")] + ".md" in present)}


def project_copy(target: Path, parts: tuple[str, ...] | None = None, source: Path = ROOT,
                 skip: frozenset[str] = frozenset()) -> Path:
    """Copy the project at `source` (default: this checkout) into `target`, without build products,
    caches or virtualenv; `parts` limits the copy to those top-level files and folders; `skip` leaves
    out more top-level names (e.g. "tests"). Returns `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir()):
        if item.name in COPY_SKIP or item.name in skip or (parts is not None and item.name not in parts):
            continue
        if item.is_dir():
            shutil.copytree(item, target / item.name, ignore=_copy_ignore, symlinks=True)
        else:
            shutil.copy2(item, target / item.name)
    return target


# --- Small fixture books, built in-process with sphinx.testing ----------------------------------
# The front matter that makes a Markdown page a MyST text notebook (fixture books in the build tests).
NOTEBOOK_FRONT_MATTER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""


def fixture_book(target: Path, pages: dict[str, str]) -> Path:
    """The project's configuration, bibliography and data with a book of our own pages ({name: MyST text});
    the first page is the root."""
    project_copy(target, parts=("_config.yml", "references.bib", "data"))
    for name, text in pages.items():
        (target / f"{name}.md").write_text(text, encoding="utf-8")
    root, *chapters = pages
    toc = "".join(f"  - file: {name}\n" for name in chapters)
    (target / "_toc.yml").write_text(f"format: jb-book\nroot: {root}\n" + (f"chapters:\n{toc}" if toc else ""), encoding="utf-8")
    # a small book has no actor pages: its generated chronology names actors without links to them
    config = yaml.safe_load((target / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("sphinx", {}).setdefault("config", {})["ca911_actor_pages"] = False
    (target / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


@dataclass
class SphinxBuild:
    warnings: str  # every warning and error, without colour codes
    html: Path
    log: str = ""  # the status messages ("Executing notebook …", "reading sources …")
    error: str = ""  # an exception that stopped the build (jupyter-book reports it and exits non-zero)

    @property
    def strict_ok(self) -> bool:
        """What `jupyter-book build -W --keep-going` decides: no exception and no warning at all."""
        return not self.error and self.warnings.strip() == ""


def sphinx_build(project: Path, fresh: bool = True, builder: str = "html") -> SphinxBuild:
    """An HTML build of `project` in this process with sphinx.testing's SphinxTestApp, configured as
    `jupyter-book build -n` configures Sphinx (its _config.yml → conf.py translation); fresh=False keeps
    the environment of the last build, as an incremental `make html` does."""
    from jupyter_book.config import get_final_config
    from sphinx.testing.util import SphinxTestApp

    config, _ = get_final_config(user_yaml=project / "_config.yml", sourcedir=project,
                                 cli_config={"latex_individualpages": False, "nitpicky": True})
    (project / "conf.py").write_text("".join(f"{k} = {v!r}\n" for k, v in sorted(config.items())), encoding="utf-8")
    warnings, status = io.StringIO(), io.StringIO()
    with contextlib.chdir(project):  # as `jupyter-book build .` runs: myst-nb reads the execution cache path from there
        app = SphinxTestApp(builder, srcdir=project, builddir=project / "_build", freshenv=fresh,
                            status=status, warning=warnings)
        error = ""
        try:
            app.build()
        except Exception as exc:  # noqa: BLE001  (any exception fails the build, as in jupyter-book)
            chain = [exc]
            while chain[-1].__cause__ or chain[-1].__context__:  # myst-nb wraps the cell's error: keep its message
                chain.append(chain[-1].__cause__ or chain[-1].__context__)
            error = "\n".join(f"{type(e).__name__}: {e}" for e in chain)
        finally:
            app.cleanup()
    plain = functools.partial(re.sub, r"\x1b\[[0-9;]*m", "")
    return SphinxBuild(plain(warnings.getvalue()), Path(app.outdir), plain(status.getvalue()), plain(error))


# --- Browser: pytest-playwright's session `browser`, launched from Debian's chromium -------------
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches /usr/bin/chromium (make system-deps); nothing downloads a browser."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (ci/system-deps.sh installs Debian's chromium)")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


def _tools_module(name: str):
    """A module of tools/ (outside the package), loaded by path."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


serve = _tools_module("local_site").serve  # the built HTML on 127.0.0.1, as make proof and make bench serve it


@pytest.fixture(scope="session")
def site(built_book) -> str:
    """The built HTML served on 127.0.0.1 for the session (per xdist worker)."""
    with serve(HTML) as origin:
        yield origin


# --- A page in the browser (tests/test_browser.py and every test that reads a rendered page) -------------
class Visit:
    """A page opened in a fresh browser context (empty localStorage, as on a reader's first visit),
    with every console error, page error, failed request and off-host request recorded."""

    def __init__(self, browser, origin: str, path: str, width: int = 1280, height: int = 800):
        self.origin = origin
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.external: list[str] = []
        self.fetched: dict[str, int] = {}  # every response's URL and body size (Content-Length)
        self.context = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light")
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"uncaught exception: {exc}"))
        self.page.on("requestfailed", self._request_failed)
        self.page.on("response", self._response)
        self.page.goto(f"{origin}/{path}", wait_until="load")
        self.page.wait_for_load_state("networkidle")

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.origin + "/") or url == self.origin:
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def _console(self, msg):
        if msg.type in ("error", "assert"):
            where = msg.location.get("url", "") if msg.location else ""
            self.errors.append(f"console.{msg.type}: {msg.text} ({where})")

    def _request_failed(self, request):
        if request.url not in self.external:  # already reported as off-host
            self.failed.append(f"{request.url}: {request.failure}")

    def _response(self, response):
        self.fetched[response.url] = int(response.headers.get("content-length") or 0)
        if response.status >= 400:
            self.failed.append(f"{response.url}: HTTP {response.status}")

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, site):
    opened: list[Visit] = []

    def open_page(path: str, **kw) -> Visit:
        opened.append(Visit(browser, site, path, **kw))
        return opened[-1]

    yield open_page
    for v in opened:
        v.close()
