"""Fixtures shared by the tests: the built book, a scratch copy of the data package, Sphinx's
configuration defaults kept for each test, the offline guard, and the browser (pytest-playwright on
Debian's chromium) with the built site served locally. Helpers the tests import live in
tests/support/."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from support.browser import CHROMIUM, CHROMIUM_ARGS, Visit
from support.offline import local_lookups_only
from support.project import BUILD, EDITIONS, HTML, project_copy, serve
from support.sphinx_state import config_defaults_kept


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ with references.bib beside it, as the validator expects."""
    return project_copy(tmp_path, parts=("data", "references.bib")) / "data"


@pytest.fixture(scope="session")
def built_book() -> Path:
    missing = [
        path
        for ed in EDITIONS.values()
        for path in (ed.html / "index.html", ed.pdf)
        if not path.is_file()
    ]
    if missing:
        pytest.fail(
            f"the book is not built ({', '.join(map(str, missing))} missing): run `make book` "
            "(make test does it first)"
        )
    return BUILD


@pytest.fixture(autouse=True)
def sphinx_config_defaults_kept():
    """A test's in-process Sphinx builds leave Sphinx's shared configuration defaults as they
    found them, so the next test's build in the worker starts as sphinx-build does
    (tests/support/sphinx_state.py)."""
    with config_defaults_kept():
        yield


@pytest.fixture(scope="session", autouse=True)
def no_name_lookups():
    """The session makes no network request (tests/support/offline.py)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket, "getaddrinfo", local_lookups_only(socket.getaddrinfo))
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches /usr/bin/chromium (make system-deps); nothing downloads a
    browser."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make system-deps` (ci/system-deps.sh installs Debian's "
            "chromium)"
        )
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site(built_book) -> str:
    """The built HTML served on 127.0.0.1 for the session (per xdist worker)."""
    with serve(HTML) as origin:
        yield origin


@pytest.fixture
def visit(browser, site):
    """Opens pages of the served book (support.browser.Visit); each is closed after the test."""
    opened: list[Visit] = []

    def open_page(path: str, **kw) -> Visit:
        opened.append(Visit(browser, site, path, **kw))
        return opened[-1]

    yield open_page
    for v in opened:
        v.close()
