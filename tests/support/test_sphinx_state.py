"""The guard that keeps Sphinx's shared configuration defaults from one in-process build to the
next (support.sphinx_state), on real builds of a one-page MyST book whose conf.py names no
source_suffix."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from sphinx.config import Config

from support.sphinx_state import (
    build_html,
    changed_config_defaults,
    config_defaults_kept,
    mutable_config_defaults,
)

pytestmark = pytest.mark.slow


def build_myst_page(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser"]\n', encoding="utf-8")
    (src / "index.md").write_text("# Title\n\nA page.\n", encoding="utf-8")
    build_html(src, tmp_path, StringIO(), StringIO())


def test_an_unguarded_build_writes_its_suffixes_into_the_shared_default(tmp_path):
    """The broken state the guard exists for (the conftest fixture puts it back after this test)."""
    before = mutable_config_defaults()
    build_myst_page(tmp_path)
    assert ".md" not in before["source_suffix"]
    assert changed_config_defaults(before)["source_suffix"][1][".md"] == "markdown"
    assert Config.config_values["source_suffix"].default[".md"] == "markdown"


def test_a_guarded_build_leaves_the_defaults_as_it_found_them(tmp_path):
    before = mutable_config_defaults()
    shared = Config.config_values["source_suffix"].default
    with config_defaults_kept():
        build_myst_page(tmp_path)
        assert changed_config_defaults(before), "the build changed a default inside the guard"
    assert changed_config_defaults(before) == {}
    assert Config.config_values["source_suffix"].default is shared
