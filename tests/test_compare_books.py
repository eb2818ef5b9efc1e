"""tools/compare_books.py, which CI uses to show that a reader's clone builds the same book."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfWriter

from support.project import ROOT

TOOL = ROOT / "tools" / "compare_books.py"


def fake_build(root: Path, pages: int, page_html: str, ja_pages: int | None = None) -> Path:
    (root / "html" / "notebooks").mkdir(parents=True)
    (root / "html" / "notebooks" / "a.html").write_text(page_html, encoding="utf-8")
    (root / "html" / "ja").mkdir()
    (root / "html" / "ja" / "index.html").write_text("<p>日本語版</p>", encoding="utf-8")
    (root / "html" / ".buildinfo").write_text(
        f"config: {root}\n", encoding="utf-8"
    )  # Sphinx's own, ignored
    (root / "pdf").mkdir()
    for name, count in (("companion.pdf", pages), ("companion-ja.pdf", ja_pages or pages)):
        writer = PdfWriter()
        for _ in range(count):
            writer.add_blank_page(width=595, height=842)
        with (root / "pdf" / name).open("wb") as fh:
            writer.write(fh)
    return root


def compare(a: Path, b: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(TOOL), str(a), str(b)], capture_output=True, text=True
    )


def test_same_books_pass_and_each_difference_is_named(tmp_path):
    a = fake_build(tmp_path / "a", 3, "<p>same</p>")
    assert compare(a, fake_build(tmp_path / "b", 3, "<p>same</p>")).returncode == 0
    changed = compare(a, fake_build(tmp_path / "c", 3, "<p>other</p>"))
    assert changed.returncode == 1 and "html/notebooks/a.html: contents differ" in changed.stderr
    shorter = compare(a, fake_build(tmp_path / "d", 2, "<p>same</p>"))
    assert shorter.returncode == 1 and "pdf: 3 pages in" in shorter.stderr
    extra = fake_build(tmp_path / "e", 3, "<p>same</p>")
    (extra / "html" / "only.html").write_text("x", encoding="utf-8")
    run = compare(a, extra)
    assert run.returncode == 1 and "html/only.html: only in" in run.stderr


def test_the_japanese_edition_is_compared_too(tmp_path):
    a = fake_build(tmp_path / "a", 3, "<p>same</p>")
    short_ja = compare(a, fake_build(tmp_path / "b", 3, "<p>same</p>", ja_pages=2))
    assert short_ja.returncode == 1 and "companion-ja.pdf" in short_ja.stderr
    other_ja = fake_build(tmp_path / "c", 3, "<p>same</p>")
    (other_ja / "html" / "ja" / "index.html").write_text("<p>別</p>", encoding="utf-8")
    run = compare(a, other_ja)
    assert run.returncode == 1 and "html/ja/index.html: contents differ" in run.stderr
