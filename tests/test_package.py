"""The package's shape: no module over `MAX_LINES` lines, so that none hides a second concept. Which module
may import which is import-linter's contract in pyproject.toml (`make lint`)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "ca911"
MAX_LINES = 400


def package_sources() -> dict[str, str]:
    """Every module of the package by its path inside it ('analysis/networks.py')."""
    return {p.relative_to(PACKAGE).as_posix(): p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py"))}


def long_modules(sources: dict[str, str]) -> list[str]:
    return [f"{name}: {len(text.splitlines())} lines (split it by concept)"
            for name, text in sources.items() if len(text.splitlines()) > MAX_LINES]


def test_no_module_is_longer_than_the_limit():
    sources = package_sources()
    assert "analysis/networks.py" in sources  # the walk reaches into the subpackages
    assert not long_modules(sources)


def test_a_module_over_the_limit_is_named():
    assert long_modules({"long.py": '"""A module."""\n' + "x = 1\n" * MAX_LINES}) == ["long.py: 401 lines (split it by concept)"]
    assert not long_modules({"short.py": '"""A module."""\n' + "x = 1\n" * (MAX_LINES - 1)})
