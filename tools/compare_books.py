"""Compare two built books (HTML tree with both editions, and the two PDFs): the same pages,
figures byte for byte, the same PDF pages.

    python tools/compare_books.py _build /tmp/reader/ca911/_build

Used by CI to show that a reader's clone (no chapters beside it) builds the same book as a checkout
with them. Every HTML file must exist in both and be byte-identical; the PDFs must have the same
page
count and the same text on every page. Prints each difference and exits 1 if there is any.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

# Written by Sphinx for its own incremental builds, never read by a reader.
IGNORED = {".buildinfo", ".buildinfo.bak"}


def html_differences(a: Path, b: Path) -> list[str]:
    def digests(root: Path) -> dict[str, str]:
        return {
            p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file() and p.name not in IGNORED
        }

    da, db = digests(a), digests(b)
    out = [f"html/{n}: only in {a}" for n in sorted(set(da) - set(db))]
    out += [f"html/{n}: only in {b}" for n in sorted(set(db) - set(da))]
    out += [f"html/{n}: contents differ" for n in sorted(set(da) & set(db)) if da[n] != db[n]]
    return out


def pdf_differences(a: Path, b: Path) -> list[str]:
    from pypdf import PdfReader

    ra, rb = PdfReader(a), PdfReader(b)
    if len(ra.pages) != len(rb.pages):
        return [f"pdf: {len(ra.pages)} pages in {a}, {len(rb.pages)} in {b}"]
    return [
        f"pdf: page {i} of {a.name} has different text"
        for i, (pa, pb) in enumerate(zip(ra.pages, rb.pages), start=1)
        if pa.extract_text() != pb.extract_text()
    ]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    a, b = (Path(x) for x in argv)
    # the HTML tree holds both editions (the Japanese one in html/ja/); each edition has its PDF
    problems = html_differences(a / "html", b / "html")
    for name in ("companion.pdf", "companion-ja.pdf"):
        problems += pdf_differences(a / "pdf" / name, b / "pdf" / name)
    for p in problems[:50]:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} difference(s) between {a} and {b}", file=sys.stderr)
        return 1
    print(f"{a} and {b}: the same HTML files byte for byte, the same PDF pages and text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
