"""Shared fixtures: a scratch copy of the data package, the project root, the built book."""

from __future__ import annotations

import csv
import ipaddress
import shutil
import socket
from pathlib import Path

import pytest

from ca911.sources import sources_available, sources_dir

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
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    return target


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="session")
def built_book() -> Path:
    if not (HTML / "index.html").is_file() or not PDF.is_file():
        pytest.fail("the book is not built: run `make book` (make test does it first)")
    return BUILD


# --- Offline: the test session makes no network request ------------------------------------------
LOCAL_HOSTS = {"127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"}


class NetworkAccessError(RuntimeError):
    """Raised when a test (or anything it calls in-process) tries to reach another host."""


def _is_local(sock: socket.socket, address) -> bool:
    if sock.family == getattr(socket, "AF_UNIX", object()):
        return True
    if sock.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple) and address:
        return str(address[0]).split("%")[0] in LOCAL_HOSTS
    return False


@pytest.fixture(scope="session", autouse=True)
def no_network():
    """Every in-process socket may connect to 127.0.0.1, ::1 or a unix socket only (Jupyter kernels
    talk TCP on 127.0.0.1, the browser tests serve the book there); anything else raises before a
    packet leaves. Subprocesses (jupyter-book builds, Chromium) are not covered: Chromium's requests
    are checked by tests/test_browser.py, and `unshare -n make book` shows the build needs no network."""
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def guard(sock: socket.socket, address) -> None:
        if not _is_local(sock, address):
            raise NetworkAccessError(f"network access during the tests: connect to {address!r} refused (tests run offline)")

    def connect(self, address):
        guard(self, address)
        return real_connect(self, address)

    def connect_ex(self, address):
        guard(self, address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):  # a name lookup is a request (DNS) too
        name = host.decode() if isinstance(host, bytes) else host
        if name not in (None, "") and name not in LOCAL_HOSTS:
            try:
                ipaddress.ip_address(name)  # a literal address needs no lookup; connect() decides
            except ValueError:
                raise NetworkAccessError(f"network access during the tests: lookup of {name!r} refused (tests run offline)") from None
        return real_getaddrinfo(host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", connect)
        mp.setattr(socket.socket, "connect_ex", connect_ex)
        mp.setattr(socket, "getaddrinfo", getaddrinfo)
        yield
