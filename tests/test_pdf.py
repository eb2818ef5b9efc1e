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

import ca911
from ca911.book.sphinx.print import is_download_section
from support.project import HTML, PDF, ROOT, each_edition, pdf_page_texts, read_notebook

pytestmark = pytest.mark.book


@lru_cache(maxsize=2)
def reader(pdf: Path = PDF) -> PdfReader:
    return PdfReader(str(pdf))


def page_texts(pdf: Path = PDF) -> tuple[str, ...]:
    return pdf_page_texts(pdf)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=1)
def all_text() -> str:
    return squash("".join(page_texts()))


def html_pages() -> list[Path]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [HTML / f"{f}.html" for f in files]


@each_edition
def test_page_count_is_sane(built_book, built):
    assert 30 <= len(reader(built.pdf).pages) <= 400


@each_edition
def test_every_page_has_extractable_text(built_book, built):
    """Every page but the blank left-hand page that puts a part's opening on a right-hand page."""
    from support.print_sections import bookmarks

    openers = {mark.page for mark in bookmarks(built.pdf) if mark.level == 1}
    empty = [i + 1 for i, t in enumerate(pdf_page_texts(built.pdf)) if not t.strip()]
    assert [page for page in empty if not (page % 2 == 0 and page + 1 in openers)] == []


def test_japanese_font_is_embedded(built_book):
    fonts = {}
    for page in reader().pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            desc = desc.get_object() if desc else {}
            fonts[str(font.get("/BaseFont"))] = any(
                k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
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
    assert f"Version{ca911.__version__}" in first
    assert "Projectnamenotset" not in first
    # no back cover: the licences and the build are on the imprint (tests/test_print_layout.py)
    assert "CreatedusingSphinx" not in squash(page_texts()[-1])


def test_table_of_contents_matches_the_toc(built_book):
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    toc_text = squash("".join(page_texts()[1:6]))  # after the cover, the title page and the imprint
    for part in toc["parts"]:
        assert squash(part["caption"]) in toc_text, part["caption"]
        for chapter in part["chapters"]:
            soup = BeautifulSoup(
                (HTML / f"{chapter['file']}.html").read_text(encoding="utf-8"), "html.parser"
            )
            title = soup.find("h1").get_text(" ", strip=True).replace("#", "").strip()
            title = re.sub(r"^[\d.]+\s*", "", title)
            assert squash(title)[:25] in toc_text, title


def in_download_section(element) -> bool:
    """Inside a section the print edition leaves out (print.DownloadSectionsLeftOut): the HTML
    section's own id is its title's ("downloads"); its label is the id of a span inside it."""
    for section in element.find_parents("section"):
        ids = [section.get("id", "")]
        ids += [span.get("id", "") for span in section.find_all("span", id=True, recursive=False)]
        if is_download_section(ids):
            return True
    return False


def printed_caption_words(caption) -> str:
    """A caption's words as print sets them, up to its first cross-reference's text: print adds
    the target's page after that ("Fig. 8.1 (p. 52):")."""
    words = []
    for piece in caption.descendants:
        if getattr(piece, "name", None) == "a" and "internal" in (piece.get("class") or []):
            words.append(piece.get_text(" "))
            break
        if isinstance(piece, str) and not any(
            p.name == "a" for p in piece.parents if p is not caption
        ):
            words.append(str(piece))
    return squash(" ".join(words))


def test_caption_words_stop_at_the_first_cross_reference():
    caption = BeautifulSoup(
        '<span class="caption-text">As in <a class="reference internal" href="#f">'
        "<span>Fig. 8.1</span></a>: states linked</span>",
        "html.parser",
    ).span
    assert printed_caption_words(caption) == "AsinFig.8.1"
    section = BeautifulSoup(
        '<section id="downloads"><span id="nb-x-downloads"></span><table></table></section>'
        '<section id="what-it-shows"><span id="nb-x-shows"></span><table></table></section>',
        "html.parser",
    )
    tables = section.find_all("table")
    assert [in_download_section(t) for t in tables] == [True, False]


def test_every_figure_and_table_of_the_html_book_is_in_the_pdf(built_book):
    missing = []
    for page in html_pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for fig in soup.select("figure, div.figure"):
            caption = fig.select_one(".caption-text")
            if caption:
                words = printed_caption_words(caption)[:40]
                if words not in all_text():
                    missing.append(f"{page.name}: figure {words}")
        for table in soup.select("table.table, table.docutils"):
            # the download lists are the HTML edition's only (print.DownloadSectionsLeftOut)
            if in_download_section(table):
                continue
            cap = table.select_one("caption .caption-text")
            cells = [squash(td.get_text(" ")) for td in table.select("td")]
            cells = [
                c[:14] for c in cells if len(c) >= 6
            ]  # narrow CJK cells wrap; their start must be there
            absent = [c for c in cells if c not in all_text()]
            if absent:
                missing.append(
                    f"{page.name}: table {cap.get_text() if cap else ''} cells {absent[:3]}"
                )
    assert missing == []


def test_figure_and_table_numbers_appear_in_the_pdf(built_book):
    labels = set()
    for page in html_pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for num in soup.select(".caption-number"):
            if in_download_section(num):
                continue
            labels.add(squash(num.get_text()).rstrip("."))
    assert labels
    missing = [label for label in sorted(labels) if label not in all_text()]
    assert missing == []


def test_code_is_hidden_in_the_pdf(built_book):
    """No line of a notebook's code cells reaches the printed book (prose may still name a
    function)."""
    code_lines = set()
    for page in html_pages():
        source = ROOT / (str(page.relative_to(HTML))[: -len(".html")] + ".md")
        cells = [c.source for c in read_notebook(source).cells if c.cell_type == "code"]
        code_lines |= {
            squash(line)
            for cell in cells
            for line in cell.splitlines()
            if "glue(" in line and len(squash(line)) > 25
        }
    assert code_lines, "the notebooks glue their values"
    leaked = sorted(line for line in code_lines if line in all_text())
    assert leaked == []


@each_edition
def test_no_content_outside_the_page_box(built_book, built):
    """Images and text boxes lie within the media box (nothing overflows the page)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(built.pdf))
    overflow = []
    try:
        for i in range(1, len(doc)):  # the cover (page 1) bleeds by design
            page = doc[i]
            width, height = page.get_size()
            for obj in page.get_objects(max_depth=2):
                left, bottom, right, top = obj.get_bounds()
                if left < -1 or bottom < -1 or right > width + 1 or top > height + 1:
                    overflow.append(
                        (i + 1, obj.type, round(left), round(bottom), round(right), round(top))
                    )
    finally:
        doc.close()
    assert overflow == []


@each_edition
def test_internal_links_in_the_pdf_point_inside_it(built_book, built):
    """Cross-references and figure links became internal destinations, not dead URLs."""
    internal, external = 0, []
    for page in reader(built.pdf).pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            if annot.get("/Dest") is not None or (action and action.get("/S") == "/GoTo"):
                internal += 1
            elif action and action.get("/S") == "/URI":
                uri = str(action.get("/URI"))
                if uri.startswith("file:") or ".html" in uri:
                    external.append(uri)
    assert internal > 50
    assert external == []


def test_cover_carries_the_subtitle(built_book):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    meta = config["sphinx"]["config"]["html_context"]["cover_meta_data"]
    assert squash(meta)[:40] in squash(page_texts()[0])


# --- The table of contents prints the pages its headings are on -----------------------------------
@lru_cache(maxsize=2)
def heading_pages(pdf: Path = PDF) -> tuple[tuple[str, int], ...]:
    """Every heading WeasyPrint placed (the PDF outline is made from the h1–h6 boxes) with its
    page."""
    found = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, reader(pdf).get_destination_page_number(item) + 1))

    walk(reader(pdf).outline)
    return tuple(found)


def contents_pages(pdf: Path = PDF, title: str = "Contents") -> range:
    """The contents run from its own heading's page to the page before the first chapter."""
    pages = heading_pages(pdf)
    start = next(page for heading, page in pages if squash(heading) == title)
    end = min(page for title, page in pages if page > start)
    return range(start, end)


# The band at the head of an A4 page (in points) that holds the running head and folio: a contents
# page's running head ("Contents   5") reads like a contents entry.
RUNNING_HEAD_BAND = 75


def pdftotext_layout(
    first: int, last: int, below_running_head: bool = True, pdf: Path = PDF
) -> str:
    import subprocess

    crop = ["-x", "0", "-y", str(RUNNING_HEAD_BAND), "-W", "600", "-H", "800"]
    return subprocess.run(
        ["pdftotext", "-layout", *(crop if below_running_head else [])]
        + ["-f", str(first), "-l", str(last), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def contents_entries(layout_text: str, part_captions=()) -> list[tuple[str, int]]:
    """(title, printed page) of each contents line: a title, two or more spaces, a page number. A
    part's label is set larger, across the measure: its page may follow it after one space, and a
    long caption may wrap, its page on its last line."""
    parts = {squash(caption) for caption in part_captions}
    entries, pending = [], ""
    for line in layout_text.splitlines():
        m = re.match(r"^\s*(\S.*?\S)\s{2,}(\d+)\s*$", line)
        part = re.match(r"^\s*(\S.*?\S)\s+(\d+)\s*$", line)
        if part and squash(f"{pending} {part[1]}") in parts:
            entries.append((" ".join(f"{pending} {part[1]}".split()), int(part[2])))
        elif m:
            entries.append((m[1], int(m[2])))
        pending = (
            line.strip()
            if not part and any(c.startswith(squash(line)) for c in parts if squash(line))
            else ""
        )
    return entries


def print_part_captions() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc_print.yml").read_text(encoding="utf-8"))
    return [part["caption"] for part in toc["parts"] if part["caption"] != "Front matter"]


def contents_mismatches(entries, headings) -> list[str]:
    """Contents entries whose printed page is not the page their heading is on (or has no
    heading)."""
    pages = {}
    for title, page in headings:
        pages.setdefault(squash(title), page)
    wrong = []
    for title, printed in entries:
        actual = pages.get(squash(title))
        if actual != printed:
            wrong.append(f"{title!r}: printed {printed}, heading on {actual}")
    return wrong


def unlisted_pages(entries, first_page: int) -> list[int]:
    """The pages from the first page after the contents up to the first entry's page, which no
    entry lists (the book's opening pages, when the contents list the toctrees only)."""
    return list(range(first_page, min(page for _, page in entries))) if entries else []


def test_unlisted_pages_checker():
    assert unlisted_pages([("Two chapters", 6), ("About this volume", 9)], 6) == []
    assert unlisted_pages([("About this volume", 9), ("1. The United States", 16)], 6) == [6, 7, 8]


def test_contents_checker_catches_a_page_offset():
    headings = [("Contents", 2), ("About this volume", 5), ("1. The United States", 8)]
    assert (
        contents_mismatches([("About this volume", 5), ("1. The United States", 8)], headings) == []
    )
    assert (
        len(contents_mismatches([("About this volume", 4), ("1. The United States", 7)], headings))
        == 2
    )
    assert contents_mismatches([("No such chapter", 9)], headings)
    assert contents_entries("  About this volume      4\n  12\n3. Foreign presence  16\n") == [
        ("About this volume", 4),
        ("3. Foreign presence", 16),
    ]
    parts = ["Part I — Companion to chapter 3: after 9/11", "Part II — Data"]
    layout = (
        "Part I — Companion to chapter 3: after 9/11 15\n1. The United States    16\n"
        "Part II —\nData   20\n"
    )
    assert contents_entries(layout, parts) == [
        ("Part I — Companion to chapter 3: after 9/11", 15),
        ("1. The United States", 16),
        ("Part II — Data", 20),
    ]
    assert contents_entries(layout) == [("1. The United States", 16), ("Data", 20)]


def test_contents_page_numbers_are_the_pages_of_their_headings(built_book):
    pages = contents_pages()
    entries = contents_entries(pdftotext_layout(pages.start, pages.stop - 1), print_part_captions())
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    # the book's opening section, every part that opens on a page of its own (all but the front
    # matter), then every chapter
    parts = [p for p in toc["parts"] if p["caption"].strip().lower() != "front matter"]
    chapters = sum(len(part["chapters"]) for part in toc["parts"])
    assert len(entries) == 1 + len(parts) + chapters, entries
    assert contents_mismatches(entries, heading_pages()) == []
    assert unlisted_pages(entries, pages.stop) == []


def joined_titles(layout_text: str) -> str:
    """A contents title wrapped over two lines (its page on the second, indented line) on one."""
    lines, out = layout_text.splitlines(), []
    for line in lines:
        if (
            out
            and line.startswith(" ")
            and line.strip()
            and not re.search(r"\s\d+\s*$", out[-1])
            and re.match(r"^\s*\d+\.", out[-1])
        ):
            out[-1] = out[-1].rstrip() + " " + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def test_joined_titles():
    wrapped = (
        "11. バンドワゴン型か勢力均衡型か：立場の\n    同調ネットワーク        75\n12. データ  80"
    )
    assert contents_entries(joined_titles(wrapped)) == [
        ("11. バンドワゴン型か勢力均衡型か：立場の 同調ネットワーク", 75),
        ("12. データ", 80),
    ]


def test_japanese_contents_page_numbers_are_the_pages_of_their_headings(built_book):
    """The Japanese edition's contents too: each chapter's printed page is its heading's page (its
    data-model chapter was once listed a page early, the heading pushed past a blank page)."""
    from support.project import EDITIONS

    pdf = EDITIONS["ja"].pdf
    pages = contents_pages(pdf, "目次")
    entries = contents_entries(
        joined_titles(pdftotext_layout(pages.start, pages.stop - 1, pdf=pdf))
    )
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    chapters = sum(len(part["chapters"]) for part in toc["parts"])
    assert len(entries) >= chapters, entries
    assert contents_mismatches(entries, heading_pages(pdf)) == []


def test_contents_links_land_on_the_printed_pages(built_book):
    pages = contents_pages()
    layout = pdftotext_layout(pages.start, pages.stop - 1)
    printed = [page for _, page in contents_entries(layout, print_part_captions())]
    named = reader().named_destinations
    targets = []
    for index in pages:
        for annot in reader().pages[index - 1].get("/Annots") or []:
            dest = annot.get_object().get("/Dest")
            if dest is not None:
                page = reader().get_destination_page_number(named[str(dest)]) + 1
                if not targets or targets[-1][0] != str(
                    dest
                ):  # a link may be drawn as several boxes
                    targets.append((str(dest), page))
    assert [page for _, page in targets] == printed


def test_no_link_points_at_a_file(built_book):
    files = []
    for number, page in enumerate(reader().pages, 1):
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if str(action.get("/URI", "")).startswith("file:"):
                files.append((number, str(action["/URI"])))
    assert files == []


# --- Identifiers never break across lines ---------------------------------------------------------
@lru_cache(maxsize=1)
def data_identifiers() -> frozenset[str]:
    """Field names, enum codes, resource and file names, record ids and locators of the data
    package."""
    import csv
    import json

    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    ids = set()
    for resource in package["resources"]:
        ids |= {resource["name"], Path(resource["path"]).name}
        schema = resource["schema"]
        keys = schema.get("primaryKey") or []
        keys = [keys] if isinstance(keys, str) else keys
        for field in schema["fields"]:
            ids.add(field["name"])
            ids |= set(field.get("constraints", {}).get("enum", []))
        with (ROOT / "data" / resource["path"]).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                ids |= {row[k] for k in keys if len(keys) == 1 and row.get(k)}
                if row.get("locator"):
                    ids.add(row["locator"])
    # the licences' identifiers, as the imprint, the citation files and How to cite print them
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    licences = cff.get("license") or []
    ids |= set([licences] if isinstance(licences, str) else licences)
    return frozenset(i for i in ids if len(i) >= 4)


def plain_word(identifier: str) -> bool:
    """A lower-case word ("status") may be hyphenated in prose like any word; codes and ids may
    not."""
    return identifier.isalpha() and identifier.islower()


def broken_identifiers(text: str, identifiers) -> list[str]:
    """Identifiers split across a line break of the extracted text.

    A word broken without a hyphen ("stat" / "us") is always broken; a hyphenated break counts for
    codes, ids and locators, and a break at a space counts for locators ("ch4 §3.2" / "¶5").
    """
    lines = [line.split() for line in text.splitlines()]
    found = set()
    for i in range(len(lines) - 1):
        if not lines[i]:
            continue
        lefts = [" ".join(lines[i][-a:]) for a in range(1, min(4, len(lines[i])) + 1)]
        rights, carried = [], ""
        for tokens in lines[i + 1 : i + 5]:  # "req" / "uire" / "d": one-token lines carry on
            if not tokens:
                break
            rights += [carried + " ".join(tokens[:b]) for b in range(1, min(4, len(tokens)) + 1)]
            if len(tokens) > 1:
                break
            carried += tokens[0]
        for left in lefts:
            for right in rights:
                joins = [(left + right, True), (left + " " + right, True)]
                if left.endswith("-"):
                    joins.append((left[:-1] + right, False))
                for joined, always in joins:
                    candidate = joined.strip("()[],;:\"'")
                    names = {candidate}
                    # a record reference names its kind before its id ("facts:ch3-fact-…") and
                    # may break after the kind, never inside the id
                    _, colon, record = candidate.partition(":")
                    if colon and record and ":" in left and not left.endswith(":"):
                        names.add(record)
                    for name in names:
                        if name in identifiers and (always or not plain_word(name)):
                            found.add(name)
    return sorted(found)


def test_identifier_checker_catches_broken_identifiers():
    ids = {"required", "as_of", "ch4 §3.2 ¶5", "COALITION", "passive_neutrality", "string"}
    broken = (
        "field ty\npe req\nuire\nd meaning\nas_o\nf at ch4 §3.\n2 ¶5 and COALITIO\nN, "
        "passive_\nneutrality"
    )
    assert broken_identifiers(broken, ids) == sorted(ids - {"string"})
    assert broken_identifiers("ch4 §3.2\n¶5 str\nin\ng", ids) == ["ch4 §3.2 ¶5", "string"]
    whole = "field type required meaning\nas_of ch4 §3.2 ¶5\nCOALITION the string is re-\nquired"
    assert broken_identifiers(whole, ids) == []  # prose may hyphenate a plain word
    assert broken_identifiers("licences: CC-\nBY-4.0", {"CC-BY-4.0"}) == ["CC-BY-4.0"]
    record = {"ch3-2001-09-24-putin-tv-address"}
    assert broken_identifiers("record events:ch3-2001-09-24-\nputin-tv-address", record) == [
        "ch3-2001-09-24-putin-tv-address"
    ]
    assert broken_identifiers("record events:\nch3-2001-09-24-putin-tv-address", record) == []


def layout_page_texts(pdf: Path) -> list[str]:
    """Each page's lines as pdftotext -layout sets them: pdfium and pdftotext's plain mode join a
    line ending in a hyphen to the next ("CC-" / "BY-4.0" reads "CC-BY-4.0" or "CCBY-4.0"), which
    hides an identifier broken after a hyphen."""
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return text.split("\f")


@each_edition
def test_no_identifier_is_broken_across_lines(built_book, built):
    broken = {}
    for number, text in enumerate(page_texts(built.pdf), 1):
        for identifier in broken_identifiers(text, data_identifiers()):
            broken.setdefault(identifier, number)
    assert broken == {}


# --- No heading ends a page -----------------------------------------------------------------------
def body_lines(text: str, number: int) -> list[str]:
    """The page's text lines without the running head and folio (WeasyPrint draws them last)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    while lines and re.match(rf"^{number}(\s|$)", lines[-1]):
        lines.pop()
    return lines


def headings_at_page_foot(
    pages: list[str], headings, first_body_page: int, part_openers: frozenset[int] = frozenset()
) -> list[tuple[int, str]]:
    """(page, heading) where the page's last line is a heading, or the last line of a wrapped
    one (the line before it holding the rest, or the part before: a table cell's last line
    'Uzbekistan' is not the end of '8. … Kazakhstan and Uzbekistan'). A part's opening page holds
    its title alone by design (`part_openers`: their pages)."""
    titles = {squash(title) for title, _ in headings}
    found = []
    for number, text in enumerate(pages, 1):
        lines = body_lines(text, number)
        if number < first_body_page or len(lines) < 2 or number in part_openers:
            continue
        last, wrapped = squash(lines[-1]), squash(lines[-2]) + squash(lines[-1])
        for title in titles:
            starts_a_line_up = len(title) > len(last) and wrapped.endswith(title)
            if last == title or (len(last) >= 10 and (starts_a_line_up or title.endswith(wrapped))):
                found.append((number, lines[-1]))
                break
    return found


def test_heading_at_foot_checker():
    headings = [("3.2. US assistance in 2002", 19), ("Sources of the table", 30)]
    pages = [
        "text\n1",
        "text ends here.\n3.2. US assistance in 2002\n2 3. Foreign military presence",
        "a paragraph\nSources of the table\nfirst row\n3 5. Table 1",
    ]
    assert headings_at_page_foot(pages, headings, 1) == [(2, "3.2. US assistance in 2002")]
    cell = ["text\n1", "a table row\nKazakhstan,\nUzbekistan\n2 8. Memberships"]
    assert headings_at_page_foot(cell, [("8.1. Kazakhstan and Uzbekistan", 9)], 1) == []
    entry = ["text\n1", "an entry\nKazakhstan · ch3 §3.1 · events:ch3-2002-aid-2002\n2 3. Aid"]
    assert headings_at_page_foot(entry, [("2002", 9)], 1) == []
    wrapped = ["text\n1", "a paragraph\n8.1. Between Kazakhstan\nand Uzbekistan\n2 8. Members"]
    assert headings_at_page_foot(wrapped, [("8.1. Between Kazakhstan and Uzbekistan", 2)], 1) == [
        (2, "and Uzbekistan")
    ]
    opener = "Part I\nCompanion to chapter 3:\nthe United States after 9/11"
    with_part = [*headings, ("Part I — Companion to chapter 3: the United States after 9/11", 4)]
    assert headings_at_page_foot([*pages, opener], with_part, 1) == [
        (2, "3.2. US assistance in 2002"),
        (4, "the United States after 9/11"),
    ]
    assert headings_at_page_foot([*pages, opener], with_part, 1, frozenset({4})) == [
        (2, "3.2. US assistance in 2002")
    ]


def part_opener_pages() -> frozenset[int]:
    """The pages the parts open on: their bookmarks carry the parts' whole captions."""
    toc = yaml.safe_load((ROOT / "_toc_print.yml").read_text(encoding="utf-8"))
    captions = {squash(part["caption"]) for part in toc["parts"]}
    return frozenset(page for title, page in heading_pages() if squash(title) in captions)


def html_headings() -> list[tuple[str, None]]:
    """Headings, rubrics (the sentence map's "§intro") and bold lead-ins ("kind codes") of the HTML
    pages; the outline has only the headings."""
    found = []
    for page in html_pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for heading in soup.select("h1, h2, h3, h4, h5, h6, p.rubric"):
            found.append(
                (heading.get_text(" ", strip=True).replace("#", "").replace("¶", "").strip(), None)
            )
        for paragraph in soup.select(
            "p"
        ):  # a bold line standing alone ("kind codes") heads what follows
            strong = paragraph.find("strong", recursive=False)
            text = paragraph.get_text(" ", strip=True)
            if strong and text and strong.get_text(" ", strip=True) == text:
                found.append((text, None))
    return found


def test_no_heading_ends_a_page(built_book):
    first_body_page = contents_pages().stop
    headings = [*heading_pages(), *html_headings()]
    openers = part_opener_pages()
    toc = yaml.safe_load((ROOT / "_toc_print.yml").read_text(encoding="utf-8"))
    assert len(openers) == sum(part["caption"] != "Front matter" for part in toc["parts"])
    assert headings_at_page_foot(list(page_texts()), headings, first_body_page, openers) == []


def drawn_chars(page) -> list[tuple[str, str, tuple]]:
    """(character, font name, box) of every character pdfium finds on a page."""
    import ctypes

    import pypdfium2.raw as raw

    text = page.get_textpage()
    chars = []
    for i in range(text.count_chars()):
        name = ctypes.create_string_buffer(128)
        raw.FPDFText_GetFontInfo(text.raw, i, name, 128, ctypes.byref(ctypes.c_int()))
        chars.append(
            (
                text.get_text_range(i, 1),
                name.value.decode(errors="replace"),
                tuple(text.get_charbox(i)),
            )
        )
    return chars


def ligatures(chars) -> list[str]:
    """Letter pairs drawn as one glyph: a ligature maps to several characters that share one box."""
    return [
        a[0] + b[0]
        for a, b in zip(chars, chars[1:])
        if a[0].isalpha() and b[0].isalpha() and a[2] == b[2] and a[2][2] > a[2][0]
    ]


def test_ligature_checker_sees_a_shared_glyph_box():
    assert ligatures(
        [("c", "F", (0, 0, 4, 5)), ("f", "F", (4, 0, 9, 6)), ("f", "F", (4, 0, 9, 6))]
    ) == ["ff"]
    assert ligatures([("f", "M", (4, 0, 9, 6)), ("f", "M", (9, 0, 14, 6))]) == []


def test_code_is_set_in_a_monospace_without_ligatures(built_book):
    """CITATION.cff printed in the body font came out with an "ﬀ" ligature; code is monospaced."""
    import pypdfium2 as pdfium

    assert not re.search("[\ufb00-\ufb06]", "".join(page_texts())), (
        "ligature characters in the text"
    )
    doc = pdfium.PdfDocument(str(PDF))
    proportional, joined, seen = [], [], 0
    try:
        for number, text in enumerate(page_texts(), 1):
            if "CITATION.cff" not in text and "Mono" not in str(
                reader().pages[number - 1].get("/Resources")
            ):
                continue
            chars = drawn_chars(doc[number - 1])
            string = "".join(c for c, _, _ in chars)
            for m in re.finditer(re.escape("CITATION.cff"), string):
                seen += 1
                proportional += [
                    (number, f) for _, f, _ in chars[m.start() : m.end()] if "Mono" not in f
                ]
            joined += [(number, pair) for pair in ligatures([c for c in chars if "Mono" in c[1]])]
    finally:
        doc.close()
    assert seen, "the how-to-cite page names CITATION.cff"
    assert proportional == []
    assert joined == []


# --- Nothing runs past the text block -------------------------------------------------------------
def running_head_edge(pages_boxes) -> float:
    """The text block's right edge: where most pages' running head (their topmost line) ends."""
    from collections import Counter

    edges = Counter()
    for boxes in pages_boxes:
        if boxes:
            top = max(b[3] for b in boxes)
            edges[round(max(b[2] for b in boxes if b[3] >= top - 3))] += 1
    return float(edges.most_common(1)[0][0])


def past_the_measure(boxes, edge: float, tolerance: float = 2.0) -> list[tuple]:
    """Text boxes (left, bottom, right, top) whose right edge passes the text block's."""
    return [b for b in boxes if b[2] > edge + tolerance]


def test_measure_checker_sees_a_table_past_the_block():
    head, line = (300, 800, 540, 810), (60, 700, 539, 710)
    pages = [[head, line], [head, line, (480, 600, 575, 608)], [(60, 800, 72, 810), line]]
    edge = running_head_edge(pages)
    assert edge == 540
    assert [past_the_measure(p, edge) for p in pages] == [[], [(480, 600, 575, 608)], []]


def test_no_text_runs_past_the_text_block(built_book):
    """A table wider than the page was clipped at the page edge (its last columns lost)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(PDF))
    try:
        pages = [
            [
                tuple(obj.get_bounds())
                for obj in doc[i].get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT], max_depth=3)
            ]
            for i in range(len(doc))
        ]
        shapes = [tuple(round(v) for v in doc.get_page_size(i)) for i in range(len(doc))]
    finally:
        doc.close()
    # each page shape (portrait, and the landscape pages of wide tables) has its own measure
    edges = {
        shape: running_head_edge([pages[i] for i in range(len(pages)) if shapes[i] == shape])
        for shape in set(shapes)
    }
    past = [
        (number, round(b[2]))
        for number, boxes in enumerate(pages[1:], 2)  # the cover bleeds by design
        for b in past_the_measure(boxes, edges[shapes[number - 1]])
    ]
    assert past == []


# --- The cover ------------------------------------------------------------------------------------
def near_the_trim(boxes, width: float, height: float, margin: float = 24.0) -> list[tuple]:
    """Text boxes closer than margin (pt) to an edge of the page."""
    return [
        b
        for b in boxes
        if b[0] < margin or b[1] < margin or b[2] > width - margin or b[3] > height - margin
    ]


def test_trim_checker():
    assert near_the_trim([(40, 40, 500, 60)], 595, 842) == []
    assert near_the_trim([(40, 40, 590, 60)], 595, 842) == [(40, 40, 590, 60)]


def test_cover_text_keeps_off_the_trim_and_the_author_line_whole(built_book):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(PDF))
    try:
        cover = doc[0]
        width, height = cover.get_size()
        boxes = [
            tuple(o.get_bounds())
            for o in cover.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT], max_depth=3)
        ]
    finally:
        doc.close()
    assert boxes and near_the_trim(boxes, width, height) == []
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    author = config["sphinx"]["config"]["html_context"]["cover_logo_title"]
    lines = [line.strip() for line in pdftotext_layout(1, 1, below_running_head=False).splitlines()]
    assert author in lines, lines[:5]


# --- A figure and its caption share a page --------------------------------------------------------
def html_figure_captions() -> list[str]:
    """ "Fig. 2.1 Events of …" as the PDF prints each caption's start."""
    captions = []
    for page in html_pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for caption in soup.select("figure figcaption, div.figure p.caption"):
            number = caption.select_one(".caption-number")
            if number:
                captions.append(squash(caption.get_text(" "))[:30])
    return captions


def captions_without_figure(pages, captions) -> list[tuple[int, str]]:
    """pages: for each page, its (text, top) lines and the tops of its drawings (figures are drawn
    as images or paths). A caption whose page has no drawing above it was parted from its figure."""
    parted = []
    for number, (lines, drawing_bottoms) in enumerate(pages, 1):
        for text, top in lines:
            if any(
                squash(text).startswith(c[: len(squash(text))])
                and len(squash(text)) >= 12
                and c.startswith(squash(text)[:12])
                for c in captions
            ) and not any(bottom >= top for bottom in drawing_bottoms):
                parted.append((number, text[:30]))
    return parted


def test_caption_checker():
    captions = [squash("Fig. 14.1 Date expressions of each chapter")]
    with_figure = [([("Fig. 14.1 Date expressions of", 300)], [320])]
    parted = [([("Fig. 14.1 Date expressions of", 700)], [])]
    assert captions_without_figure(with_figure, captions) == []
    assert captions_without_figure(parted, captions) == [(1, "Fig. 14.1 Date expressions of")]


def test_figure_captions_stay_with_their_figures(built_book):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(PDF))
    pages = []
    try:
        for i in range(1, len(doc)):
            page = doc[i]
            height = page.get_height()
            text = page.get_textpage()
            runs, drawings = {}, []
            for rect in range(
                text.count_rects()
            ):  # pdfium gives runs; a line is the runs at one height
                left, bottom, right, top = text.get_rect(rect)
                runs.setdefault(round(top), []).append(
                    (left, text.get_text_bounded(left, bottom, right, top))
                )
            lines = [("".join(t for _, t in sorted(parts)), top) for top, parts in runs.items()]
            for obj in page.get_objects(
                filter=[raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM]
            ):
                left, bottom, right, top = obj.get_bounds()
                if top < height - 80 and top - bottom > 30:  # below the running head, figure-sized
                    drawings.append(bottom)
            pages.append((lines, drawings))
    finally:
        doc.close()
    parted = captions_without_figure(pages, html_figure_captions())
    assert [(number + 1, text) for number, text in parted] == []
