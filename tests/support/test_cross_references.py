"""The cross-reference checkers (tests/support/cross_references.py and the page-number gap of
tests/support/print_layout.py) on small WeasyPrint PDFs: a reference spliced into its sentence, or
its page padded to a fixed width, is caught; the same page marked by the print build
(print_navigation.number_section_references) and set with the book's own cross-reference rules
passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import cross_references as xrefs
from support import print_layout as layout
from support.project import ROOT

STYLESHEET = ROOT / "src" / "ca911" / "book" / "sphinx" / "static" / "print" / "ca911-print.css"


def book_xref_rules() -> str:
    """The print stylesheet's rules for cross-references (both editions)."""
    css = STYLESHEET.read_text(encoding="utf-8")
    rules = re.findall(r'(?:html\[lang\|="ja"\] )?a\.ca911-xref[^{}]*\{[^}]*\}', css)
    assert rules, "no cross-reference rule in the print stylesheet"
    return "\n".join(rules)


def pdf_of(folder: Path, html: str, css: str = "") -> Path:
    """The page rendered by the book's WeasyPrint on A5, its fonts those the system has (IPAex
    Mincho for Japanese)."""
    import weasyprint

    folder.mkdir()
    base = """@page { size: A5; margin: 20mm 16mm; }
              body { font-family: serif, "IPAexMincho"; font-size: 10pt; line-height: 1.4; }"""
    target = folder / "page.pdf"
    weasyprint.HTML(string=html).write_pdf(target, stylesheets=[weasyprint.CSS(string=base + css)])
    return target


def page(lang: str, sentence: str) -> str:
    """A one-document print page: a sentence with a reference to a numbered chapter's heading on
    the next page."""
    return (
        f'<html lang="{lang}"><body><p>{sentence}</p>'
        '<section id="nb-table1"><h1 style="break-before: page">'
        '<span class="section-number">6. </span>Table 1 rebuilt</h1><p>Text.</p></section>'
        "</body></html>"
    )


SENTENCE = {
    "en": 'Chapter 4 sums up both responses in its Table 1, which <a class="reference internal" '
    'href="#nb-table1">its notebook</a> rebuilds as ten cells resting on twelve dated events.',
    "ja": '第4章はその表1で両国の対応をまとめ、<a class="reference internal" href="#nb-table1">'
    "そのノートブック</a>がそれを十のセルとして再構築する。",
}


def marked(lang: str) -> str:
    """The page as the print build marks it."""
    from ca911.book.sphinx.print_navigation import number_section_references

    soup = BeautifulSoup(page(lang, SENTENCE[lang]), "html.parser")
    number_section_references(soup)
    return str(soup)


def spliced(lang: str) -> str:
    """The reference as the print build once set it: the number before the link text, the page
    after it, where the sentence wanted a noun."""
    prefix = {"en": "ch.\u00a06 ", "ja": "第6章"}[lang]
    sentence = (
        SENTENCE[lang]
        .replace('href="#nb-table1">', f'href="#nb-table1"><span>{prefix}</span>')
        .replace('class="reference internal"', 'class="ca911-xref"')
    )
    return page(lang, sentence)


SPLICED_CSS = 'a.ca911-xref::after { content: ", p.\\a0" target-counter(attr(href), page); }'
PADDED_CSS = (
    '@counter-style padded { system: extends decimal; pad: 3 "\\2007"; }'
    ' a.ca911-xref::after { content: " (p.\\a0" target-counter(attr(href), page, padded) ")"; }'
)


def test_spliced_reference_is_caught_and_the_books_form_passes(tmp_path):
    for lang in ("en", "ja"):
        pdf = pdf_of(tmp_path / f"broken-{lang}", spliced(lang), SPLICED_CSS)
        broken = layout.internal_links(pdf)
        assert len(xrefs.spliced_references(broken, layout.read_pages(pdf))) == 1, (lang, broken)
        pdf = pdf_of(tmp_path / f"mended-{lang}", marked(lang), book_xref_rules())
        mended = layout.internal_links(pdf)
        assert len(mended) == 1, (lang, mended)
        assert xrefs.spliced_references(mended, layout.read_pages(pdf)) == [], (lang, mended)


def test_a_title_that_opens_with_a_chapter_number_is_not_spliced(tmp_path):
    """「第4章の掲載先」 is a heading's own title: the reference opens with 第4章 as its heading
    does."""
    from ca911.book.sphinx.print_navigation import number_section_references

    html = (
        '<html lang="ja"><body><p><a class="reference internal" href="#where">第4章の掲載先</a>'
        'を参照。</p><section id="where"><h1 style="break-before: page; font-size: 20pt">'
        "第4章の掲載先</h1><p>本文。</p></section></body></html>"
    )
    soup = BeautifulSoup(html, "html.parser")
    number_section_references(soup)
    pdf = pdf_of(tmp_path / "title", str(soup), book_xref_rules())
    links = layout.internal_links(pdf)
    assert len(links) == 1
    assert xrefs.spliced_references(links, layout.read_pages(pdf)) == []
    assert xrefs.spliced_references(links) != []  # without the headings it looks spliced


@pytest.mark.parametrize(
    "lang, sentence",
    [
        ("en", '<p>Putin phoned (<a class="reference internal" href="#ev-call">his call</a>).</p>'),
        ("ja", '<p>電話した（<a class="reference internal" href="#ev-call">その電話</a>）。</p>'),
    ],
)
def test_pointing_words_given_way_to_their_entrys_page_are_not_spliced(tmp_path, lang, sentence):
    """ "(his call)" prints as "(app. A, p. 124)" (print_navigation.stand_in_for_the_page): the
    reference is where the entry is, and nothing of the sentence is spliced into it."""
    from ca911.book.sphinx.print_navigation import number_section_references

    html = (
        f'<html lang="{lang}"><body><section id="c"><h1><span class="section-number">1. </span>'
        f"Ch</h1>{sentence}</section>"
        '<section id="a"><h1 style="break-before: page"><span class="section-number">A. </span>'
        'Chronology</h1><p><span id="ev-call"></span>entry</p></section></body></html>'
    )
    soup = BeautifulSoup(html, "html.parser")
    number_section_references(soup, lang)
    assert soup.select_one("a.ca911-xref-alone") is not None
    pdf = pdf_of(tmp_path / lang, str(soup), book_xref_rules())
    links = layout.internal_links(pdf)
    assert len(links) == 1 and re.search(r"p\.\s?2", links[0].text), links
    assert xrefs.spliced_references(links, layout.read_pages(pdf)) == []


def test_unbracketed_page_is_caught():
    assert xrefs.unbracketed_pages("which ch. 6 its notebook, p. 43 rebuilds as ten cells") != []
    assert xrefs.unbracketed_pages("which its notebook (ch. 6, p. 43) rebuilds") == []
    assert xrefs.unbracketed_pages("その表（第6章、p.\u00a043）が") == []
    assert xrefs.unbracketed_pages("nested (see its notebook [ch. 6, p. 43]) here") == []
    assert xrefs.unbracketed_pages("（データモデル［第12章、p.\u00a080］の説明）") == []


def test_padded_page_number_is_caught_and_the_books_form_passes(tmp_path):
    html = marked("en")
    # an @counter-style rule counts only in the document's own style sheets, as in the book
    padded = html.replace("<body>", f"<body><style>{PADDED_CSS}</style>", 1)
    broken = layout.read_pages(pdf_of(tmp_path / "broken", padded))
    assert layout.page_number_gaps(broken) != []
    mended = layout.read_pages(pdf_of(tmp_path / "mended", html, book_xref_rules()))
    assert layout.page_number_gaps(mended) == []


def figure_page(lang: str) -> str:
    """A sentence naming a numbered figure on the next page by its number, as numref links it."""
    name = {"en": "Fig. 7.2", "ja": "図 7.2"}[lang]
    return (
        f'<html lang="{lang}"><body><p>The states move apart, as <a class="reference internal" '
        f'href="#fig-periods"><span class="std std-numref">{name}</span></a> shows.</p>'
        '<figure id="fig-periods" style="break-before: page"><p>[figure]</p>'
        "<figcaption>The periods.</figcaption></figure></body></html>"
    )


def test_a_figure_reference_without_its_page_is_caught_and_the_books_form_passes(tmp_path):
    from ca911.book.sphinx.print_navigation import number_section_references

    for lang in ("en", "ja"):
        pdf = pdf_of(tmp_path / f"bare-{lang}", figure_page(lang), book_xref_rules())
        bare = layout.internal_links(pdf)
        assert [link.page for link in layout.float_references_without_page(bare)] == [1], bare
        # the single print document links a figure as "index.html#fig-…", as Sphinx writes it
        single = figure_page(lang).replace('href="#fig', 'href="index.html#fig')
        soup = BeautifulSoup(single, "html.parser")
        number_section_references(soup, lang)
        pdf = pdf_of(tmp_path / f"paged-{lang}", str(soup), book_xref_rules())
        paged = layout.internal_links(pdf)
        assert len(paged) == 1 and "p.\u00a02" in paged[0].text.replace(" ", "\u00a0"), paged
        assert layout.float_references_without_page(paged) == []


def record_link(words: str, target: str, worded: bool = True) -> str:
    """A link in the reader's words to a record's entry, as the event role writes it (wrapped in
    .ca911-worded-link), or, for a broken copy, without the wrapper."""
    link = (
        f'<a class="reference internal" href="#{target}">'
        f'<span class="std std-ref">{words}</span></a>'
    )
    return f'<span class="ca911-worded-link">{link}</span>' if worded else link


def record_link_page(lang: str, worded: bool) -> str:
    """A sentence whose reader's words (その報道, "the report") link to a record's entry in an
    appendix on the next page, as the event role links them (wrapped in .ca911-worded-link), or,
    for the broken copy, without the wrapper, as the role once left them."""
    link = record_link({"en": "the report", "ja": "その報道"}[lang], "ev-report", worded)
    sentence = {  # in the sentence, not alone in a bracket (a plain link there gets its page)
        "en": f"<p>Izvestia reported a secret lease of the base in {link}.</p>",
        "ja": f"<p>『イズヴェスチヤ』は{link}で基地の賃借を報じた。</p>",
    }[lang]
    return (
        f'<html lang="{lang}"><body>{sentence}'
        '<section id="app"><h1 style="break-before: page">Chronology</h1>'
        '<p><span id="ev-report"></span>2002-01: the lease report.</p></section></body></html>'
    )


def test_a_pointing_link_carries_its_page_and_a_bare_one_is_caught(tmp_path):
    """その報道 / "the report" linked to a record: marked by the print build, it prints the page
    it points to; the same link left bare (no wrapper from the role) is caught."""
    from ca911.book.sphinx.print_navigation import number_section_references

    for lang in ("en", "ja"):
        for worded in (True, False):
            soup = BeautifulSoup(record_link_page(lang, worded), "html.parser")
            number_section_references(soup)
            pdf = pdf_of(tmp_path / f"{lang}-{worded}", str(soup), book_xref_rules())
            links = layout.internal_links(pdf, after=20.0)
            assert len(links) == 1, (lang, links)
            assert bool(xrefs.deictic_links(links)) is not worded, (lang, worded, links)


def test_only_pointing_words_carry_a_page_and_naming_words_read_whole():
    """A record link in the reader's words carries its page on paper only when the words point
    ("the report", その報道, 同日): words that name what they stand for ("Nazarbayev pledged",
    グルジア) would have a page cut into their sentence."""
    from ca911.book.sphinx.print_navigation import number_section_references

    for lang, words, pointing in (
        ("en", "the report", True),
        ("en", "his call", True),
        ("en", "Nazarbayev pledged", False),
        ("en", "Georgia", False),
        ("ja", "その報道", True),
        ("ja", "同日", True),
        ("ja", "グルジア", False),
    ):
        link = record_link(words, "ev-report")
        html = f'<p>{link} ended it.</p><p><span id="ev-report"></span>the lease report.</p>'
        soup = BeautifulSoup(f'<html lang="{lang}"><body>{html}</body></html>', "html.parser")
        number_section_references(soup)
        marked = "ca911-xref" in (soup.select_one("a.reference").get("class") or [])
        assert marked is pointing, (lang, words)


def alone_in_brackets_page(lang: str, worded: bool) -> str:
    """A chapter's sentence closing on the reader's words alone in a bracket, linked to a record's
    entry in Appendix A on the next page, as the event role links them, or without the role's
    wrapper, as a plain link ("(entry d09)")."""
    link = record_link(
        {"en": "Ivanov's statement", "ja": "イワノフ外相の発言"}[lang], "ev-ivanov", worded
    )
    sentence = {
        "en": f"<p>Ivanov called it a matter for each government ({link}).</p>",
        "ja": f"<p>イワノフ外相は各国政府の問題だとした（{link}）。</p>",
    }[lang]
    return (
        f'<html lang="{lang}"><body><section id="ch1"><h1><span class="section-number">1. '
        f"</span>Chapter</h1>{sentence}</section>"
        '<section id="app"><h1 style="break-before: page"><span class="section-number">A. '
        '</span>Chronology</h1><p><span id="ev-ivanov"></span>2002: the statement.</p>'
        "</section></body></html>"
    )


def test_a_link_alone_in_brackets_carries_where_it_leads_and_a_bare_one_is_caught(tmp_path):
    """ "(Ivanov's statement)" prints the appendix and page it leads to, inside its own bracket
    ("[app. A, p. 2]"; in Japanese joined with 、, no stacked closing brackets); the same link
    left bare is caught by `bracketed_bare_links`."""
    import pypdfium2 as pdfium

    from ca911.book.sphinx.print_navigation import number_section_references

    for lang in ("en", "ja"):
        # the role's words and a plain link, both marked by the print build; the broken copy is
        # the same page the build left unmarked
        for worded, marked in ((True, True), (False, True), (True, False)):
            soup = BeautifulSoup(alone_in_brackets_page(lang, worded), "html.parser")
            if marked:
                number_section_references(soup)
            folder = tmp_path / f"alone-{lang}-{worded}-{marked}"
            pdf = pdf_of(folder, str(soup), book_xref_rules())
            doc = pdfium.PdfDocument(str(pdf))
            texts = [page.get_textpage().get_text_range() for page in doc]
            first = " ".join(texts[0].replace("\u00a0", " ").split())
            bare = xrefs.bracketed_bare_links(layout.internal_links(pdf), texts)
            assert bool(bare) is not marked, (lang, worded, marked, first, bare)
            if marked:
                expected = {
                    "en": "(Ivanov's statement [app. A, p. 2])",
                    "ja": "（イワノフ外相の発言、付録A、p.2）",
                }[lang]
                assert expected in (first if lang == "en" else first.replace(" ", "")), first
                lines = [" ".join(line.split()) for line in texts[0].splitlines() if line.strip()]
                assert not [line for line in lines if line.startswith(("、", "）"))], lines


def test_a_title_without_its_quotes_is_caught():
    from support.print_layout import Link

    titles = ["11.3. What it shows", "5.7. 勝ち馬なき均衡"]
    bare = [
        Link(3, "What it shows (§11.3, p.\u00a078)", 78, None),
        Link(4, "勝ち馬なき均衡（§5.7、p.\u00a044）", 44, None),
    ]
    assert len(xrefs.unquoted_titles(bare, titles)) == 2
    quoted = [
        Link(3, "\u201cWhat it shows\u201d (§11.3, p.\u00a078)", 78, None),
        Link(4, "「勝ち馬なき均衡」（§5.7、p.\u00a044）", 44, None),
        Link(5, "its notebook (ch.\u00a011, p.\u00a075)", 75, None),
    ]
    assert xrefs.unquoted_titles(quoted, titles) == []


def test_the_print_build_quotes_titles_but_not_names_or_years():
    from ca911.book.sphinx.print_navigation import number_section_references

    def link(target: str, text: str) -> str:
        span = f'<span class="std std-ref">{text}</span>'
        return f'<a class="reference internal" href="#{target}">{span}</a>'

    html = (
        f"<html><body><p>Read {link('r', 'What it shows')}, {link('r', 'its notebook')}, "
        f"{link('actor-rus', 'Russia')} and {link('y', '2002')}.</p>"
        '<section id="r"><h2><span class="section-number">11.3. </span>What it shows'
        '<a class="headerlink" href="#r">#</a></h2></section>'
        '<section id="actor-rus"><h2>Russia</h2></section><section id="y"><h2>2002</h2></section>'
        "</body></html>"
    )
    for lang, (opening, closing) in {"en": ("\u201c", "\u201d"), "ja": ("「", "」")}.items():
        soup = BeautifulSoup(html, "html.parser")
        number_section_references(soup, lang)
        texts = [a.get_text().strip() for a in soup.p.find_all("a")]
        assert texts == [f"{opening}What it shows{closing}", "its notebook", "Russia", "2002"]


def test_a_title_opening_with_digits_still_gets_its_chapter_number():
    """Chapter 2's title opens with a date (2001年9月11日…): its digits are not its number."""
    from ca911.book.sphinx.print_navigation import number_section_references

    html = (
        '<html lang="ja"><body><p>章（<a class="reference internal" href="#r">'
        '<span class="std std-ref">2001年9月11日から</span></a>）</p><section id="r"><h1>'
        '<span class="section-number">2. </span>2001年9月11日から</h1></section></body></html>'
    )
    soup = BeautifulSoup(html, "html.parser")
    number_section_references(soup, "ja")
    assert soup.p.a.get("data-ca911-number") == "第2章"


def test_a_printed_page_that_is_not_where_the_link_lands_is_caught():
    from support.print_layout import Link

    links = [
        Link(50, "Table 8.1 (p.\u00a050) lists them.", 51, None),
        Link(51, "Fig. 8.1 (p.\u00a054) draws", 54, None),
        Link(52, "表 8.2（p. 56）に示す", 56, None),
        Link(53, "the full chronology", 120, None),
    ]
    assert xrefs.misprinted_pages(links) == [
        "p. 50: 'Table 8.1 (p. 50) lists them.' lands on p. 51",
    ]


def test_a_quoted_title_nests_the_quotation_marks_it_holds():
    """A section's title run into a sentence is set in title quotes; quotation marks within the
    title take the inner form (「『勝ち馬』なき均衡？」, never 「「勝ち馬」なき均衡？」)."""
    from ca911.book.sphinx.print_navigation import number_section_references

    html = (
        '<html lang="ja"><body><p><a class="reference internal" href="#no-winner">「勝ち馬」なき'
        '均衡？</a>を参照。</p><section id="no-winner"><h2>「勝ち馬」なき均衡？</h2><p>本文。</p>'
        "</section></body></html>"
    )
    soup = BeautifulSoup(html, "html.parser")
    number_section_references(soup, "ja")
    assert soup.select_one("a").get_text() == "「『勝ち馬』なき均衡？」"
