"""tools/compare_books.py, which CI uses to show that a reader's clone builds the same book."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfWriter

from support.project import ROOT

TOOL = ROOT / "tools" / "compare_books.py"


def fake_build(root: Path, pages: int, page_html: str) -> Path:
    (root / "html" / "notebooks").mkdir(parents=True)
    (root / "html" / "notebooks" / "a.html").write_text(page_html, encoding="utf-8")
    (root / "html" / ".buildinfo").write_text(
        f"config: {root}\n", encoding="utf-8"
    )  # Sphinx's own, ignored
    (root / "pdf").mkdir()
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with (root / "pdf" / "companion.pdf").open("wb") as fh:
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
