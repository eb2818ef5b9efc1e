"""The built PDF: Japanese fonts embedded, text on every page, every figure and table of the HTML
book present with its text, the table of contents as in _toc.yml, nothing outside the page box."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import HTML, PDF, ROOT, read_notebook

pytestmark = pytest.mark.book


@lru_cache(maxsize=1)
def reader() -> PdfReader:
    return PdfReader(str(PDF))


@lru_cache(maxsize=1)
def page_texts() -> tuple[str, ...]:
    return tuple(p.extract_text() or "" for p in reader().pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=1)
def all_text() -> str:
    return squash("".join(page_texts()))


def html_pages() -> list[Path]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [HTML / f"{f}.html" for f in files]


def test_page_count_is_sane(built_book):
    assert 30 <= len(reader().pages) <= 400


def test_every_page_has_extractable_text(built_book):
    empty = [i + 1 for i, t in enumerate(page_texts()) if not t.strip()]
    assert empty == []


def test_japanese_font_is_embedded(built_book):
    fonts = {}
    for page in reader().pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            desc = desc.get_object() if desc else {}
            fonts[str(font.get("/BaseFont"))] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    ipa = [name for name in fonts if "IPAexGothic" in name]
    assert ipa, f"no IPAexGothic among {sorted(fonts)}"
    assert all(fonts.values()), f"fonts not embedded: {[n for n, e in fonts.items() if not e]}"


def test_japanese_text_extracts(built_book):
    text = all_text()
    for phrase in ("カザフスタン", "ウズベキスタン", "集団安全保障条約", "消極的中立"):
        assert phrase in text


def test_cover_and_metadata_come_from_the_config(built_book):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    first = squash(page_texts()[0])
    assert squash(config["title"]) in first
    assert "Version0.1.0" in first or "0.1.0" in first
    assert "Projectnamenotset" not in first
    assert f"Copyright{config['copyright']}" in squash(page_texts()[-1])


def test_table_of_contents_matches_the_toc(built_book):
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    toc_text = squash("".join(page_texts()[1:4]))
    for part in toc["parts"]:
        assert squash(part["caption"]) in toc_text, part["caption"]
        for chapter in part["chapters"]:
            soup = BeautifulSoup((HTML / f"{chapter['file']}.html").read_text(encoding="utf-8"), "html.parser")
            title = soup.find("h1").get_text(" ", strip=True).replace("#", "").strip()
            title = re.sub(r"^[\d.]+\s*", "", title)
            assert squash(title)[:25] in toc_text, title


def test_every_figure_and_table_of_the_html_book_is_in_the_pdf(built_book):
    missing = []
    for page in html_pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for fig in soup.select("figure, div.figure"):
            caption = fig.select_one(".caption-text")
            if caption:
                words = squash(caption.get_text(" "))[:40]
                if words not in all_text():
                    missing.append(f"{page.name}: figure {words}")
        for table in soup.select("table.table, table.docutils"):
            cap = table.select_one("caption .caption-text")
            cells = [squash(td.get_text(" ")) for td in table.select("td")]
            cells = [c[:14] for c in cells if len(c) >= 6]  # narrow CJK cells wrap; their start must be there
            absent = [c for c in cells if c not in all_text()]
            if absent:
                missing.append(f"{page.name}: table {cap.get_text() if cap else ''} cells {absent[:3]}")
    assert missing == []


def test_figure_and_table_numbers_appear_in_the_pdf(built_book):
    labels = set()
    for page in html_pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for num in soup.select(".caption-number"):
            labels.add(squash(num.get_text()).rstrip("."))
    assert labels
    missing = [label for label in sorted(labels) if label not in all_text()]
    assert missing == []


def test_code_is_hidden_in_the_pdf(built_book):
    """No line of a notebook's code cells reaches the printed book (prose may still name a function)."""
    code_lines = set()
    for page in html_pages():
        source = ROOT / (str(page.relative_to(HTML))[: -len(".html")] + ".md")
        cells = [c.source for c in read_notebook(source).cells if c.cell_type == "code"]
        code_lines |= {squash(line) for cell in cells for line in cell.splitlines() if "glue(" in line and len(squash(line)) > 25}
    assert code_lines, "the notebooks glue their values"
    leaked = sorted(line for line in code_lines if line in all_text())
    assert leaked == []


def test_no_content_outside_the_page_box(built_book):
    """Images and text boxes lie within the media box (nothing overflows the page)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(PDF))
    overflow = []
    try:
        for i in range(1, len(doc)):  # the cover (page 1) bleeds by design
            page = doc[i]
            width, height = page.get_size()
            for obj in page.get_objects(max_depth=2):
                left, bottom, right, top = obj.get_bounds()
                if left < -1 or bottom < -1 or right > width + 1 or top > height + 1:
                    overflow.append((i + 1, obj.type, round(left), round(bottom), round(right), round(top)))
    finally:
        doc.close()
    assert overflow == []


def test_internal_links_in_the_pdf_point_inside_it(built_book):
    """Cross-references and figure links became internal destinations, not dead URLs."""
    internal, external = 0, []
    for page in reader().pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            if annot.get("/Dest") is not None or (action and action.get("/S") == "/GoTo"):
                internal += 1
            elif action and action.get("/S") == "/URI":
                uri = str(action.get("/URI"))
                if uri.endswith("/index.html"):  # the table of contents' link to the book's own start
                    internal += 1
                elif uri.startswith("file:") or ".html" in uri:
                    external.append(uri)
    assert internal > 50
    assert external == []


def test_cover_carries_the_subtitle(built_book):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    meta = config["sphinx"]["config"]["html_context"]["cover_meta_data"]
    assert squash(meta)[:40] in squash(page_texts()[0])
