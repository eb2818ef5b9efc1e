"""The marks the print stylesheet designs with (ca911.book.sphinx.print_marks), on small pages of
HTML as Sphinx writes them: identifiers and locators kept whole, number columns right-aligned,
code-only cells left out, wide tables turned, section references numbered, parts opened on a page of
their own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ca911.book.sphinx.print import mark_for_print
from ca911.book.sphinx.print_marks import identifier_spans
from ca911.book.sphinx.print_navigation import internal_target

ROOT = Path(__file__).resolve().parents[1]


def marked(html: str, captions=None, names=(), lang: str = "en") -> BeautifulSoup:
    return BeautifulSoup(mark_for_print(html, captions, names, lang), "html.parser")


def classes(tag) -> list[str]:
    return tag.get("class") or []


def test_identifiers_and_locators_are_found_whole_and_never_overlap():
    text = "See ch4 §5.1 ¶5 and ch3-2001-10-07-us-strikes, KAZ:UZB, as_of and CSTO, not words."
    found = [text[s:e] for s, e in identifier_spans(text)]
    assert found == ["ch4 §5.1 ¶5", "ch3-2001-10-07-us-strikes", "KAZ:UZB", "as_of", "CSTO"]
    assert identifier_spans("Plain words only.") == []


def test_identifiers_in_text_are_marked_and_code_is_left_as_it_is():
    soup = marked(
        "<p>Record ch3-2001-09-24-putin-tv-address in prose.</p><pre>keep_this as_is</pre>"
    )
    assert [t.get_text() for t in soup.select("p span.ca911-id")] == [
        "ch3-2001-09-24-putin-tv-address"
    ]
    assert soup.pre.get_text() == "keep_this as_is" and not soup.pre.select("span")


def test_a_locator_is_marked_as_one_unit_in_text_and_in_code():
    soup = marked("<p>As ch4 §5.1 ¶5 says.</p><p><code>ch3 §2 ¶1</code></p>")
    assert [t.get_text() for t in soup.select(".ca911-locator")] == ["ch4 §5.1 ¶5", "ch3 §2 ¶1"]


def test_a_column_of_numbers_is_right_aligned_with_its_header():
    soup = marked(
        "<table><thead><tr><th>state</th><th>troops</th></tr></thead><tbody>"
        "<tr><td>Kyrgyzstan</td><td>1,000</td></tr><tr><td>Uzbekistan</td><td>−12.5 %</td></tr>"
        "<tr><td>Tajikistan</td><td></td></tr></tbody></table>"
    )
    rows = soup.find_all("tr")
    assert ["ca911-num" in classes(row.find_all(["th", "td"])[1]) for row in rows] == [True] * 4
    assert not any("ca911-num" in classes(row.find_all(["th", "td"])[0]) for row in rows)


def test_a_cell_with_no_output_is_left_out_and_one_with_output_kept():
    soup = marked(
        '<div class="cell"><div class="cell_input">x = 1</div></div>'
        '<div class="cell"><div class="cell_input">f()</div><div class="cell_output">a '
        "figure</div></div>"
    )
    assert [c.get_text() for c in soup.select("div.cell")] == ["f()a figure"]


def test_tables_of_many_columns_are_set_smaller_and_then_turned():
    def table(columns: int) -> str:
        return "<table><tr>" + "".join(f"<td>c{i}</td>" for i in range(columns)) + "</tr></table>"

    narrow, wide, widest = marked(table(7) + table(8) + table(9)).find_all("table")
    assert (
        classes(narrow) == []
        and classes(wide) == ["ca911-wide"]
        and classes(widest) == ["ca911-wide", "ca911-landscape"]
    )


def test_a_reference_to_a_section_carries_its_number_after_its_text():
    soup = marked(
        '<section id="s"><h2><span class="section-number">6.2. </span>Aid</h2></section>'
        '<section id="app"><h1><span class="section-number">B. </span>Map</h1></section>'
        '<p><a class="reference internal" href="index.html#s">Aid</a> and '
        '<a class="reference internal" href="#app">Map</a> and <a class="reference external" '
        'href="https://x">x</a></p>'
    )
    links = soup.select("p a")
    # the page printed is the heading's: a section can begin at the foot of the page before it
    assert [a["href"] for a in links] == ["#s-heading", "#app-heading", "https://x"]
    assert soup.find(id="s-heading").name == "h2" and soup.find(id="s").name == "section"
    # the link text stays as written, a title set off in quotes; the stylesheet prints the number
    # and page after it
    assert [a.get_text() for a in links] == ["\u201cAid\u201d ", "\u201cMap\u201d ", "x"]
    assert [a.get("data-ca911-number") for a in links] == ["§6.2", "app.\u00a0B", None]
    ja = marked(
        '<section id="s"><h2><span class="section-number">6. </span>援助</h2></section>'
        '<p>（<a class="reference internal" href="#s">援助</a>）</p>',
        lang="ja",
    )
    assert ja.select_one("p a")["data-ca911-number"] == "第6章"
    assert internal_target("other.html#s") is None and internal_target("#s") == "s"


@pytest.mark.parametrize(
    "lang, before, words, after",
    [("en", "phoned (", "his call", ")"), ("ja", "電話した（", "その電話", "）")],
)
def test_pointing_words_alone_in_a_bracket_give_way_to_the_entrys_page(lang, before, words, after):
    """ "(his call)" prints as "(app. A, p. 124)": the words only point, and a press prints where
    the entry is, not "(his call [app. A, p. 124])". The words stay in the page, hidden; a date
    alone in its bracket ("(16 September 2001)") says something and keeps its words."""
    soup = marked(
        '<section id="c"><h1><span class="section-number">1. </span>Ch</h1>'
        f'<p>{before}<a class="reference internal" href="#ev-call"><span class="std std-ref">'
        f'{words}</span></a>{after} and (<a class="reference internal" href="#ev-call">'
        '<span class="std std-ref">16 September 2001</span></a>).</p></section>'
        '<section id="a"><h1><span class="section-number">A. </span>Chronology</h1>'
        '<p><span id="ev-call"></span>entry</p></section>',
        lang=lang,
    )
    pointer, date = soup.select("p a")
    assert "ca911-xref-alone" in classes(pointer)
    assert pointer.select_one("span.ca911-pointer-words").get_text() == words
    assert pointer["data-ca911-number"] in ("app.\u00a0A", "付録A")
    assert "ca911-xref-alone" not in classes(date) and "ca911-xref" in classes(date)


def test_a_plain_link_alone_in_its_bracket_to_a_paragraph_prints_that_page():
    # "(entry d09)": nothing on paper says where the entry is but the page; a link in a sentence
    # ("logged in the entry") reads whole and gets none
    soup = marked(
        '<section id="c"><h1><span class="section-number">1. </span>Ch</h1>'
        '<p>logged (<a class="reference internal" href="#disc-d09"><span class="std std-ref">'
        'entry d09</span></a>) and in <a class="reference internal" href="#disc-d09"><span '
        'class="std std-ref">'
        "an entry</span></a> too.</p></section>"
        '<section id="r"><h1><span class="section-number">16. </span>Reg</h1>'
        '<p><span id="disc-d09"></span>d09</p></section>'
    )
    alone, in_sentence = soup.select("p a")
    assert "ca911-xref" in classes(alone) and "ca911-xref-nested" in classes(alone)
    assert alone["data-ca911-number"] == "ch.\u00a016"
    assert "ca911-xref" not in classes(in_sentence)
    # a fact's link shows its locator, or the "ibid." repeating one: they say where to read
    said = marked(
        '<section id="c"><h1><span class="section-number">1. </span>Ch</h1><p>rallied (<a '
        'class="reference internal" href="#fact-f"><code class="ca911-locator">ch4 §4.3 ¶4</code>'
        '</a>) and came home (<a class="reference internal" href="#fact-f">'
        '<span class="ca911-ibid">ibid.</span></a>).</p></section>'
        '<section id="b"><h1><span class="section-number">B. </span>Map</h1>'
        '<p><span id="fact-f"></span>f</p></section>'
    )
    assert [a for a in said.select("p a") if "ca911-xref" in classes(a)] == []
    # a citation's year, alone in its brackets, targets an id every page numbers afresh
    cited = marked(
        '<section id="c"><h1><span class="section-number">1. </span>Ch</h1><p>Matsui <span '
        'class="bibtex-citation" id="id2">(<a class="reference internal" href="#id3">n.d.</a>)'
        '</span> and (<a class="reference internal" href="#id3">x</a>)</p></section>'
        '<section id="f"><h1><span class="section-number">F. </span>Refs</h1>'
        '<p><span id="id3"></span>Matsui</p></section>'
    )
    assert [a for a in cited.select("p a") if "ca911-xref" in classes(a)] == []


def test_a_japanese_link_inside_a_bracket_it_does_not_close_takes_square_brackets():
    # （データモデル［第12章、p. 80］の…）, never （データモデル（第12章、p. 80）の…）;
    # where it closes the bracket its page joins it with 、
    soup = marked(
        '<section id="m"><h1><span class="section-number">12. </span>データモデル</h1></section>'
        '<p>（<a class="reference internal" href="#m">データモデル</a>の説明、'
        '<a class="reference internal" href="#m">データモデル</a>）</p>',
        lang="ja",
    )
    ends_in_a_bracket = marked(
        '<section id="c"><h1><span class="section-number">7. </span>年表</h1></section>'
        '<p><a class="reference internal" href="#c">年表（1992～2004年）</a>を見よ</p>',
        lang="ja",
    )
    assert "ca911-xref-inner" in classes(ends_in_a_bracket.select_one("p a"))
    inner, closing = soup.select("p a")
    assert "ca911-xref-inner" in classes(inner) and "ca911-xref-nested" not in classes(inner)
    assert "ca911-xref-nested" in classes(closing) and "ca911-xref-inner" not in classes(closing)
    css = (ROOT / "src/ca911/book/sphinx/static/print/ca911-print.css").read_text(encoding="utf-8")
    assert re.search(r'ca911-xref-inner::after \{ content: "［', css)


def test_each_part_but_the_front_matter_opens_with_its_title():
    """In either edition: the Japanese toctree's caption is translated, its original kept."""
    from ca911.book.sphinx.print import part_captions
    from ca911.book.sphinx.print_navigation import link_part_labels

    for toctrees in (
        [{"caption": "Front matter"}, {"caption": "Part II — Companion to chapter 4"}],
        [
            {"caption": "前付け", "rawcaption": "Front matter"},
            {"caption": "Part II — Companion to chapter 4"},
        ],
        [  # an edition staging a translated table of contents: known by its pages
            {"caption": "前付け", "rawcaption": "前付け", "entries": [(None, "front/about")]},
            {"caption": "Part II — Companion to chapter 4", "entries": [(None, "chapters/x")]},
        ],
    ):
        captions = part_captions([*toctrees, {"caption": "Appendices"}])
        assert captions[0] is None
        html = "".join(f'<div class="toctree-wrapper"><p>{n}</p></div>' for n in range(3))
        soup = marked(html, captions)
        openers = soup.select("section.ca911-part-opener")
        assert [(o.h1.get_text(), o.p.get_text() if o.p else None) for o in openers] == [
            ("Part II", "Companion to chapter 4"),
            ("Appendices", None),
        ]
        assert [o.find_next_sibling("div").p.get_text() for o in openers] == ["1", "2"]
        # the bookmark carries the whole caption; the contents' label links to the opener
        assert openers[0].h1["data-ca911-bookmark"] == "Part II — Companion to chapter 4"
        toc = "".join(
            f'<p class="caption"><span class="caption-text">{c}</span></p>'
            for c in ("Front matter", "Part II — Companion to chapter 4", "Appendices")
        )
        labels = BeautifulSoup(link_part_labels(toc, captions), "html.parser")
        assert [a["href"] for a in labels.select("p.ca911-part-label a")] == [
            f"#{o['id']}" for o in openers
        ]


def test_a_bold_lead_in_and_the_short_paragraphs_under_a_heading_keep_with_what_follows():
    soup = marked(
        "<h3>Kinds</h3><p>Short.</p><p><strong>kind codes</strong></p><ul><li>a</li><li>b</li></ul>"
    )
    paragraphs = soup.find_all("p")
    assert "ca911-keep-with-next" in classes(paragraphs[0])
    assert "ca911-lead-in" in classes(paragraphs[1])
    assert "ca911-keep-together" in classes(soup.ul)


def test_an_ideographic_space_between_two_elements_joins_the_first():
    """WeasyPrint draws no text box that is only white space: the space after a lead-in would be
    lost from the PDF's text (a gap with no character)."""
    soup = marked('<p><strong>問い</strong>\u3000<a href="#x">Gephi</a>では開く。</p>')
    assert soup.strong.get_text() == "問い\u3000"
    assert soup.p.get_text() == "問い\u3000Gephiでは開く。"
    kept = marked("<p><strong>問い</strong>\u3000両章では</p><pre><b>a</b>\u3000</pre>")
    assert kept.strong.get_text() == "問い" and kept.pre.get_text() == "a\u3000"


def test_the_contents_open_with_the_root_pages_own_section():
    """Sphinx's contents list the toctrees' pages only: the book's opening pages need an entry."""
    from ca911.book.sphinx.print import contents_with_the_opening

    toc = (
        '<p class="caption">Front matter</p>'
        '<ul><li><a href="#document-front/about">About</a></li></ul>'
    )
    body = (
        '<section id="two-chapters"><h1>Two chapters<a class="headerlink" href="#x">#</a></h1>'
        '<p>Text.</p><section id="ways-in"><h2>Ways in</h2></section></section>'
    )
    soup = BeautifulSoup(contents_with_the_opening(toc, body), "html.parser")
    assert [(a["href"], a.get_text()) for a in soup.find_all("a")] == [
        ("#two-chapters", "Two chapters"),
        ("#document-front/about", "About"),
    ]
    assert contents_with_the_opening(toc, "<p>No heading.</p>") == toc
    # as the print build hands it over: the opening's own text wrapped for the page rules
    from ca911.book.sphinx.print_pages import group_chapters

    grouped = BeautifulSoup(body, "html.parser")
    group_chapters(grouped)
    assert grouped.select_one("section.ca911-opening h1") is not None
    soup = BeautifulSoup(contents_with_the_opening(toc, str(grouped)), "html.parser")
    assert soup.find("a")["href"] == "#two-chapters"


def test_a_paragraph_ending_in_a_colon_goes_with_what_it_introduces():
    soup = marked(
        "<p>The pairs, heaviest first:</p><table><tr><td><p>Key:</p></td></tr></table>"
        "<p>組み合わせは次のとおり：</p><p>A plain paragraph.</p>"
    )
    assert [p.get_text() for p in soup.select("p.ca911-introduces")] == [
        "The pairs, heaviest first:",
        "組み合わせは次のとおり：",
    ]


def test_short_entries_under_headings_one_after_another_make_no_chain():
    """The last paragraph before the next section is not kept with it, and a Japanese paragraph is
    measured by its characters' width (an em each): a chronology's short entries, year after year,
    would otherwise be one unbreakable chain that WeasyPrint breaks before its first heading."""
    long_entry = "<p>1992年 · " + "タジキスタンで内戦が始まった。" * 9 + "</p>"  # 143 characters
    short_entry = "<p>1991年 · 独立した。</p>"
    soup = marked(
        "<section><h2>総合年表</h2><p>問い</p><p>短い説明。</p>"
        f"<section><h3>1991年</h3>{short_entry}{short_entry}</section>"
        f"<section><h3>1992年</h3>{long_entry}{short_entry}</section></section>"
    )
    kept = [p.get_text()[:5] for p in soup.select("p.ca911-keep-with-next")]
    assert kept == ["問い", "1991年"]


def test_a_paragraph_of_three_lines_under_a_heading_is_not_chained_to_its_figure():
    """Three lines go with the heading by themselves; kept with the figure after them, a Japanese
    chapter's first section (heading, three lines, figure) moved whole to the next page and left
    two thirds of the opening page empty. Lines are counted in each edition's measure: about 100
    Latin letters, 41 Japanese characters."""
    figure = '<figure><img src="f.svg"/><figcaption>図</figcaption></figure>'
    three_japanese_lines = "<p>" + "各レーンは一つの国家を表す。" * 8 + "</p>"  # 112 characters
    two_english_lines = "<p>" + "Each lane is a state. " * 10 + "</p>"  # 220 letters
    soup = marked(
        f"<section><h2>2.1</h2>{three_japanese_lines}{figure}</section>"
        f"<section><h2>2.2</h2>{two_english_lines}{figure}</section>"
    )
    kept = [p.get_text()[:4] for p in soup.select("p.ca911-keep-with-next")]
    assert kept == ["Each"]


def test_a_paragraph_holding_a_long_id_is_set_ragged():
    soup = marked(
        "<p>The reader <code>python -m ca911 passages ch3</code> prints them.</p>"
        "<p>In Python use <code>networkx.read_gexf(path)</code> as usual.</p>"
        "<p>A short <code>ch3</code> code and plain words only, in a long enough line.</p>"
    )
    assert ["ca911-ragged" in classes(p) for p in soup.find_all("p")] == [True, True, False]


def test_a_label_before_its_heading_moves_into_it_so_the_heading_opens_its_page():
    """The running head takes the section in force at a page's top only when the heading is the
    page's first box (string(section, start)); a label's empty anchor beside it came first."""
    from ca911.book.sphinx.print_pages import labels_into_headings

    soup = BeautifulSoup(
        '<span id="document-a"></span><section id="a"><span id="label-a"></span>'
        '<h3>A<a class="headerlink" href="#a">#</a></h3><p>Text.</p>'
        '<span id="not-a-label-target"></span><p>Next.</p></section>',
        "html.parser",
    )
    labels_into_headings(soup)
    section = soup.select_one("section#a")
    assert section.find(recursive=False).name == "h3"
    assert soup.select_one("h3 > span#label-a") is not None and soup.h3.get_text() == "A#"
    assert soup.select_one("section > span#not-a-label-target") is not None  # no heading follows
    assert soup.find(recursive=False)["id"] == "document-a"  # a chapter's anchor stays


def test_a_cell_that_is_a_date_or_a_qualified_number_is_kept_on_one_line():
    """A narrow column broke "4 December / 2001" and "about / 18,000" while the cells beside them
    stood whole; prose in a cell still wraps."""
    cells = ["4 December 2001", "about 18,000", "September 2001", "up to 3,000", "the base at Kant"]
    soup = marked("<table><tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr></table>")
    kept = [td.get_text() for td in soup.select("td.ca911-unbroken-cell")]
    assert kept == cells[:4]
