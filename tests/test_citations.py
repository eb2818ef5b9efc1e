"""Citations as an author-date book prints them, checked on the built pages: "Matsui (n.d.)" and
"(Yuasa n.d., §4.1)" in the text; in the reference list the romanised and the Japanese name as one
author, titles in their own capitalisation, the Japanese dashes kept, and no cryptic labels."""

from __future__ import annotations

import html
import re
import subprocess

import pytest
import yaml

from support.project import HTML, PDF, ROOT

pytestmark = pytest.mark.book

# What the reference list must show (the entries of references.bib as ca911.book.sphinx.bibstyle
# prints them).
EXPECTED_ENTRIES = [
    "Matsui, Hiroaki (松井弘明). n.d. Bei-Ro kankei to Chūō Ajia "
    "[米ロ関係と中央アジア; US–Russia relations and "
    "Central Asia]",
    "Yuasa, Takeshi (湯浅剛). n.d. Kazafusutan, Uzubekisutan no taigai seisaku",
    "カザフスタン、ウズベキスタンの対外政策――9.11事件後のロシア、米国との関係を中心に――",
]
CRYPTIC_LABEL = re.compile(r"\[(?:[A-Z][a-z]{0,8}|\d{1,2})\]")  # [M], [Nez], [Iwashita], [1]


# A citation link reads "Matsui n.d.", "The New York Times 2001" or, in a textual citation, "n.d."
# alone.
AUTHOR_DATE_LINK = re.compile(r"(?:[A-Z][\w/ .-]+ )?(?:n\.d\.(?:-[a-z])?|\d{4}[a-z]?)")


def citation_link_texts(page_html: str) -> list[str]:
    return [
        html.unescape(t)
        for t in re.findall(
            r'<a class="reference internal" href="[^"]*references\.html#[^"]+"[^>]*>([^<]*)</a>',
            page_html,
        )
    ]


def reference_list_problems(text: str) -> list[str]:
    problems = [f"missing: {e}" for e in EXPECTED_ENTRIES if e not in text]
    if re.search(r"\w and [\u3040-\u30ff\u4e00-\u9fff]", text):
        problems.append("a Japanese name printed as a second author")
    if "−−" in text or "--" in text:
        problems.append("dashes printed as minus signs or hyphens")
    problems += [f"cryptic label {m}" for m in sorted(set(CRYPTIC_LABEL.findall(text)))]
    return problems


def visible_text(page: str) -> str:
    body = (HTML / page).read_text(encoding="utf-8")
    body = body[body.find("<article") : body.find("</article>")]
    body = re.sub(
        r'<span class="label">.*?</span></span>', "", body
    )  # hidden by ca911.css (see below)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", body)))


def test_the_checker_catches_the_old_reference_list():
    old = (
        "[M] Hiroaki Matsui and 松井弘明. Bei-ro kankei to chūō ajia "
        "[米ロ関係と中央アジア; us–russia relations and central asia]. "
        "[Y] Takeshi Yuasa and 湯浅剛. カザフスタン、ウズベキスタンの対外政策−−9.11事件後"
    )
    problems = reference_list_problems(old)
    assert any("second author" in p for p in problems) and any("minus" in p for p in problems)
    assert any(p.startswith("missing: Matsui") for p in problems) and any(
        "[M]" in p for p in problems
    )


def test_reference_list_in_html(built_book):
    assert reference_list_problems(visible_text("appendices/references.html")) == []
    css = (HTML / "_static" / "ca911.css").read_text(encoding="utf-8")
    assert re.search(
        r"div\.citation > span\.label \{ display: none; \}", css
    )  # the labels a reader would see
    labels = re.findall(
        r'<span class="label"><span class="fn-bracket">\[</span>(.*?)<',
        (HTML / "appendices/references.html").read_text(encoding="utf-8"),
    )
    assert labels and all(
        re.fullmatch(r".+ (n\.d\.(-[a-z])?|\d{4}[a-z]?)", label) for label in labels
    ), labels


def test_author_date_citations_in_a_chapter_and_a_notebook(built_book):
    chapter = visible_text("chapters/us_russia_central_asia.html")
    assert "(Matsui n.d.)" in chapter
    notebook = visible_text("notebooks/table1_iraq_war.html")
    assert "Yuasa (n.d., §4.1, Table 1)" in notebook
    for page in (
        "chapters/us_russia_central_asia.html",
        "notebooks/table1_iraq_war.html",
        "index.html",
    ):
        links = citation_link_texts((HTML / page).read_text(encoding="utf-8"))
        assert links and all(AUTHOR_DATE_LINK.fullmatch(t) for t in links), (page, links)


def test_citation_link_check_rejects_labels():
    assert not all(AUTHOR_DATE_LINK.fullmatch(t) for t in ["M", "Nez", "Iwashita"])


def test_reference_list_and_citations_in_pdf(built_book):
    text = subprocess.run(
        ["pdftotext", "-layout", str(PDF), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = re.sub(
        "\u2010\\s*\n\\s*", "", text
    )  # a word hyphenated at a line end (justified print) is one word
    flat = re.sub(r"\s+", " ", text)
    refs = flat[
        flat.rfind("References", 0, flat.find("Matsui, Hiroaki (松井弘明)") + 1) :
    ]  # the list's heading, not a later running head
    for entry in (
        "Matsui, Hiroaki (松井弘明). n.d.",
        "US–Russia relations and Central Asia",
        "(Matsui n.d.)",
    ):
        assert entry in (refs if entry[0] != "(" else flat), entry
    assert "−−" not in refs and "Hiroaki Matsui and" not in refs
    assert not CRYPTIC_LABEL.search(refs), CRYPTIC_LABEL.findall(refs)


def pdf_fonts_of(char: str, page_index: int) -> set[str]:
    """The fonts the PDF draws a character in on one page (pdfium's per-character font info)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    textpage = pdfium.PdfDocument(str(PDF))[page_index].get_textpage()
    text = textpage.get_text_range()
    fonts = set()
    for i, c in enumerate(text[: textpage.count_chars()]):
        if c == char:
            buf = ctypes.create_string_buffer(256)
            raw.FPDFText_GetFontInfo(textpage.raw, i, buf, 256, ctypes.byref(ctypes.c_int()))
            fonts.add(buf.value.decode(errors="replace").split("+")[-1])
    return fonts


def test_japanese_dashes_in_the_pdf_reference_list_use_the_japanese_font(built_book):
    """「――」 in Fira Sans prints as two short dashes, "−−"; IPAexGothic draws the long dash."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(PDF))
    pages = [
        i
        for i in range(len(doc))
        if "Yuasa, Takeshi (湯浅剛)" in doc[i].get_textpage().get_text_range()
    ]
    assert pages, "the reference list is not in the PDF"
    fonts = pdf_fonts_of("\u2015", pages[-1])
    assert fonts and not any("Fira" in f for f in fonts), (
        fonts
    )  # the face named "ca911 Japanese dashes" is IPAexGothic


def test_the_bibtex_entry_takes_its_year_from_the_release_date_and_never_invents_one():
    """CITATION.cff states no release date, so the entry has no year and its note says so; a file
    that states one gives the entry that year."""
    import yaml

    from ca911.book.citation_page import citation_bibtex
    from support.project import ROOT

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    entry = citation_bibtex(cff)
    if cff.get("date-released"):
        assert f"year    = {{{str(cff['date-released'])[:4]}}}" in entry
    else:
        assert "year" not in entry.split("note")[0]
        assert "no release date stated, so no year" in " ".join(entry.split())  # wrapped note
    released = citation_bibtex({**cff, "date-released": "2026-01-01"})
    assert "year    = {2026}," in released and "no release date" not in released


def test_the_how_to_cite_page_shows_the_year_or_says_there_is_none(built_book):
    page = (HTML / "appendices/how_to_cite.html").read_text(encoding="utf-8")
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())
    assert re.search(r"year\s+= \{\d{4}\}", text) or "no release date stated, so no year" in text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_how_to_cite_page_opens_with_a_reference_ready_to_copy(lang):
    """A reader who wants the reference line finds it first, in author–date form, its year the one
    the BibTeX entry implies (the release year, or n.d.), never a doubled full stop."""
    from ca911.book.citation_page import author_date_citation, citation_markdown

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    page = citation_markdown(lang=lang)
    blocks = re.findall(
        r"```\{code-block\} (\w+)\n:class: ca911-citation\n\n(.*?)\n```", page, re.S
    )
    assert blocks[0][0] == "text" and blocks[1][0] == "bibtex"
    year = str(cff.get("date-released") or "")[:4] or "n.d."
    assert blocks[0][1] == author_date_citation(cff, year, lang)
    assert ("n.d." in blocks[0][1]) == (year == "n.d.") and ".." not in blocks[0][1]
    released = author_date_citation(cff, "2026", "en")
    assert released.startswith("The ca911 companion-volume team. 2026. Central Asia after 9/11")
