"""A Japanese build with nothing changed reads no page again: the book's words of Sphinx's catalog
(ca911.book.sphinx.i18n.theme_words) sit in a locale folder named when the configuration is made,
so the configuration Sphinx saved with its environment is the one the next build makes (a
locale_dirs that changed after it made Sphinx read every page of the Japanese edition at every
build, 73 pages for a one-sentence edit)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from support.project import ROOT

pytest_plugins = ("sphinx.testing.fixtures",)

CONF = """\
extensions = ["myst_parser", "ca911.book.sphinx.i18n"]
root_doc = "index"
source_suffix = {".md": "markdown"}
"""


def small_book(tmp_path: Path) -> Path:
    src = tmp_path / "book"
    messages = src / "locales" / "ja" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# 索引\n\n```{toctree}\npage\n```\n", encoding="utf-8")
    (src / "page.md").write_text("# ページ\n\n本文。\n", encoding="utf-8")
    shutil.copy(ROOT / "locales" / "ja" / "LC_MESSAGES" / "theme.po", messages / "theme.po")
    return src


def build(make_app, src: Path) -> str:
    status = io.StringIO()
    app = make_app("html", srcdir=src, confoverrides={"language": "ja"}, status=status)
    app.build()
    return status.getvalue()


def test_a_japanese_build_with_nothing_changed_reads_nothing_again(make_app, tmp_path):
    src = small_book(tmp_path)
    first = build(make_app, src)
    assert "2 added" in first, first
    second = build(make_app, src)
    assert "config changed" not in second, second
    assert "0 added, 0 changed, 0 removed" in second, second
    # the theme's words still reach the pages: Sphinx's own catalog for the search page's script
    assert (Path(src, "_build", "html", "_static", "translations.js")).is_file()
