"""Proofs of the built book for a look at every page in a minute: contact sheets of the PDF (12
pages a sheet) and full-page screenshots of every HTML page at 1280 and 390 px, in _build/proof/
with an index.html that shows them all. Offline: the HTML is served from 127.0.0.1 to Debian's
Chromium and any request to another host is refused.

    make proof        (after make book)
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from local_site import serve  # tools/, the folder of this script

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
HTML = BUILD / "html"
PDF = BUILD / "pdf" / "companion.pdf"
PROOF = BUILD / "proof"
CHROMIUM = "/usr/bin/chromium"
WIDTHS = (1280, 390)
PAGES_PER_SHEET, COLUMNS, THUMB_WIDTH = 12, 4, 300


def pdf_contact_sheets(pdf: Path, out: Path) -> list[Path]:
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    doc = pdfium.PdfDocument(str(pdf))
    sheets = []
    try:
        count = len(doc)
        for first in range(0, count, PAGES_PER_SHEET):
            thumbs = []
            for index in range(first, min(first + PAGES_PER_SHEET, count)):
                page = doc[index]
                image = page.render(scale=THUMB_WIDTH / page.get_width()).to_pil().convert("RGB")
                thumbs.append((index + 1, image))
            cell_h = max(im.height for _, im in thumbs) + 24
            rows = -(-len(thumbs) // COLUMNS)
            sheet = Image.new(
                "RGB", (COLUMNS * (THUMB_WIDTH + 16) + 16, rows * cell_h + 16), "#888888"
            )
            draw = ImageDraw.Draw(sheet)
            for i, (number, image) in enumerate(thumbs):
                x = 16 + (i % COLUMNS) * (THUMB_WIDTH + 16)
                y = 16 + (i // COLUMNS) * cell_h
                sheet.paste(image, (x, y))
                draw.text((x, y + image.height + 4), f"p. {number}", fill="#ffffff")
            path = out / f"pdf-pp{first + 1:03d}-{min(first + PAGES_PER_SHEET, count):03d}.png"
            sheet.save(path)
            sheets.append(path)
    finally:
        doc.close()
    return sheets


def html_pages(root: Path) -> list[str]:
    skip = ("_static/", "_sources/", "_images/", "_downloads/")
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*.html")
        if not str(p.relative_to(root)).startswith(skip)
    )


def html_screenshots(root: Path, out: Path) -> list[tuple[str, int, Path]]:
    from playwright.sync_api import sync_playwright

    shots = []
    with serve(root) as origin, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        for width in WIDTHS:
            context = browser.new_context(
                viewport={"width": width, "height": 900}, color_scheme="light"
            )
            context.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(origin) else route.abort()
                ),
            )
            page = context.new_page()
            for path in html_pages(root):
                page.goto(f"{origin}/{path}", wait_until="load")
                page.wait_for_load_state("networkidle")
                target = out / f"{path[: -len('.html')].replace('/', '__')}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                shots.append((path, width, target))
            context.close()
        browser.close()
    return shots


def write_index(out: Path, sheets: list[Path], shots: list[tuple[str, int, Path]]) -> Path:
    parts = [
        "<!doctype html><meta charset='utf-8'><title>Proofs</title>",
        "<style>body{font-family:sans-serif;background:#eee} img{border:1px solid #999;margin:4px;"
        "vertical-align:top} .w1280{width:640px} .w390{width:195px}</style>",
        "<h1>PDF</h1>",
    ]
    parts += [
        f"<a href='{s.name}'><img src='{s.name}' width='660' alt='{s.stem}'></a>" for s in sheets
    ]
    parts.append("<h1>HTML (1280 px and 390 px)</h1>")
    for path in sorted({p for p, _, _ in shots}):
        parts.append(f"<h2>{html.escape(path)}</h2>")
        parts += [
            f"<a href='{t.name}'><img class='w{w}' src='{t.name}' alt='{html.escape(path)} at {w} "
            "px'></a>"
            for p, w, t in shots
            if p == path
        ]
    index = out / "index.html"
    index.write_text("\n".join(parts), encoding="utf-8")
    return index


def main() -> int:
    if not PDF.is_file() or not (HTML / "index.html").is_file():
        print("the book is not built: run `make book` first", file=sys.stderr)
        return 1
    PROOF.mkdir(parents=True, exist_ok=True)
    for old in PROOF.glob("*.png"):
        old.unlink()
    sheets = pdf_contact_sheets(PDF, PROOF)
    shots = html_screenshots(HTML, PROOF)
    index = write_index(PROOF, sheets, shots)
    print(f"{len(sheets)} PDF contact sheets, {len(shots)} HTML screenshots: {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
