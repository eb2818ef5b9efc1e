"""The Japanese-page checkers of tests/support/japanese_pages.py on small synthetic pages: each
finds its fault on a broken page and passes the page put right. The "chapter" here is invented
text, not the chapters'."""

from __future__ import annotations

from support import japanese_pages as pages

# An invented chapter (not the sources'): a paragraph and a quoted phrase.
CHAPTER = (
    "春の長雨のあと川の水位が上がり、村の人々は堤防の補強を急いで進めることにした。"
    "村長は「川は村の宝であり同時に村の災いでもある」と述べ、県に支援を求めた。"
)
QUOTATIONS = frozenset({"川は村の宝であり同時に村の災いでもある", "県"})


def page(body: str) -> str:
    return f'<html lang="ja"><body><nav><p>Skip to main content now</p></nav><article class="bd-article">{body}</article></body></html>'  # noqa: E501


def test_an_english_paragraph_is_untranslated_and_its_translation_is_not():
    english = page("<p>The village asked the prefecture for help after the long rains.</p>")
    assert pages.untranslated(english) == [
        "The village asked the prefecture for help after the long rains."
    ]
    japanese = page("<p>長雨のあと、村は県に助けを求めた。</p>")
    assert pages.untranslated(japanese) == []


def test_code_ids_names_titles_and_declared_english_are_not_prose():
    allowed = page(
        "<p>記録 <code>ch3-2001-09-16-a</code> と"
        ' <span class="ca911-id">events.csv</span> を見よ。</p>'
        "<p>Central Asia Research Group の報告 “Water and Villages in the Long Rains” による。</p>"
        '<p><a lang="en" hreflang="en" href="../index.html">Read this page in English</a></p>'
        '<div class="citation"><p>Matsui, Hiroaki. n.d. Some Title of the Chapter. Tokyo.</p></div>'
        "<ul><li>水位の記録<ul><li>村の記録</li></ul></li></ul>"
    )
    assert pages.untranslated(allowed, names={"Central Asia Research Group"}) == []
    # the same page without the name declared: its three Latin words outnumber the Japanese
    assert len(pages.untranslated(allowed.replace(" の報告", ""))) == 1


def test_a_nested_list_item_is_read_on_its_own():
    nested = page(
        "<ul><li>水位の記録<ul><li>The record of the water level here</li></ul></li></ul>"
    )
    assert pages.untranslated(nested) == ["The record of the water level here"]


def test_a_run_shared_with_the_chapter_is_found_outside_quotations():
    own = page("<p>長雨で川が増水したため、住民は土手を強くする作業を早めた。</p>")
    assert pages.copied_runs(own, CHAPTER, QUOTATIONS) == []
    copied = page("<p>その年、村の人々は堤防の補強を急いで進めることにした。</p>")
    assert pages.copied_runs(copied, CHAPTER, QUOTATIONS) == [
        "、村の人々は堤防の補強を急いで進めること"
    ]


def test_a_declared_quotation_may_repeat_the_chapter():
    quoting = page("<p>村長は川を「川は村の宝であり同時に村の災いでもある」と表現した。</p>")
    assert pages.copied_runs(quoting, CHAPTER, QUOTATIONS) == []
    assert pages.copied_runs(quoting, CHAPTER, frozenset()) != []


def test_text_outside_the_article_is_not_read():
    assert pages.untranslated(page("<p>川の記録。</p>")) == []


# A Japanese page of the generated kind: English declared as such, a name, code and a page's chrome
# outside its main part.
GENERATED_PAGE = """<html><body><div role="main">
<h1>カザフスタン · <span lang="en" class="ca911-english">Commonwealth of Independent
States</span></h1>
<p>中央アジアは伝統的にロシアが強い影響力をもってきた地域である。</p>
<p>2001年9月ごろ、プーチン大統領（Vladimir Putin）がテレビ演説を行った。</p>
<table><caption>国家：日本語名と英語名。</caption>
<tr><th>日本語（印刷どおり）</th><th>英語</th></tr>
<tr><td>アメリカ</td><td>United States</td></tr></table>
<p><code>events:ch3-2001-09-24-putin-tv-address</code> · <code>ch3 §2 ¶14 s.3</code></p>
<pre>@misc{ca911companion, title = {Central Asia after 9/11: a reproducible companion}}</pre>
</div><div class="sphinxsidebar"><p>Skip to main content and read the whole book</p></div>
</body></html>"""


def test_a_generated_japanese_page_passes():
    assert pages.untranslated(GENERATED_PAGE) == []


def test_english_prose_is_found_in_every_kind_of_block():
    for broken in (
        "<p>Every record has a stable reference, the file in data without csv.</p>",
        "<ul><li>Dated records first, in date order, then the undated.</li></ul>",
        "<table><tr><td>a televised or formal address to the nation</td></tr></table>",
        "<table><caption>Kinds of discrepancy, with the number of entries.</caption></table>",
        "<h2>In the contact network of autumn 2001</h2>",
        "<dl><dt>Why no record carries it</dt><dd>理由</dd></dl>",
        # English that only looks declared: a class is no language
        '<p><span class="ca911-english">The reading the data adopts here.</span></p>',
    ):
        found = pages.untranslated(GENERATED_PAGE.replace("</div><div", broken + "</div><div"))
        assert len(found) == 1, (broken, found)


def test_a_japanese_label_before_an_english_sentence_still_reads_as_english():
    page = '<div role="main"><p>理由：The visit is told as preceding the survey team.</p></div>'
    assert pages.untranslated(page) == ["理由：The visit is told as preceding the survey team."]


def test_identifiers_printed_as_text_are_not_prose_but_words_around_them_are():
    ids = page(
        "<table><tr><td>ch3-2001-09-karimov-full-support</td><td>iraq_war_responses</td></tr>"
        "<tr><td>ARM, KAZ, KGZ, RUS, TJK, UZB</td></tr></table>"
    )
    assert pages.untranslated(ids, names={"ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"}) == []
    prose = page("<p>the record ch3-2001-09-karimov-full-support says so</p>")
    assert pages.untranslated(prose) == ["the record ch3-2001-09-karimov-full-support says so"]


def test_a_name_is_taken_out_only_as_a_whole_word():
    # "un" (an id) inside "unknown", "until", "under" is no name
    page_ = page("<p>unknown until under review</p>")
    assert pages.untranslated(page_, names={"un"}) == ["unknown until under review"]


def test_english_labels_anywhere_on_the_page_are_found_and_japanese_ones_pass():
    broken = (
        '<html><body><input placeholder="Search..." aria-label="Search...">'
        '<a class="headerlink" title="Link to this heading">#</a>'
        '<button title="Toggle primary sidebar"></button><nav aria-label="Main"></nav>'
        '<article class="bd-article"><img alt="A time axis with two lanes" src="x.svg"></article>'
        "</body></html>"
    )
    assert pages.untranslated_labels(broken) == [
        "alt='A time axis with two lanes'",
        "aria-label='Main'",
        "aria-label='Search...'",
        "placeholder='Search...'",
        "title='Link to this heading'",
        "title='Toggle primary sidebar'",
    ]
    right = (
        '<html><body><input placeholder="検索..." aria-label="検索...">'
        '<a class="headerlink" title="この見出しへのリンク">#</a>'
        '<a title="NATO · [North Atlantic Treaty Organization]" href="nato.html">NATO</a>'
        '<a title="GeoNames">地名</a><span lang="en" title="English edition">English</span>'
        '<div class="onlyprint"><nav aria-label="Page"></nav></div>'
        '<a title="ch3-2001-09-karimov-full-support">[1]</a>'
        "</body></html>"
    )
    names = {"NATO", "[North Atlantic Treaty Organization]", "North Atlantic Treaty Organization"}
    assert pages.untranslated_labels(right, names) == []


def test_the_names_of_a_japanese_name_are_its_latin_letters_only(tmp_path):
    (tmp_path / "actors.csv").write_text(
        "actor_id,name_en,name_ja,name_ja_variants\n"
        "abai,Abai (Ibragim) Kunanbaev,アバイ,アバイ（Abai [Ibragim] Kunanbaev）\n"
        "khanabad,[Karshi-]Khanabad air base,ハナバード,\n",
        encoding="utf-8",
    )
    names = pages.latin_names(tmp_path)
    assert "Abai [Ibragim] Kunanbaev" in names and "abai" in names
    assert not any(pages.JAPANESE.search(name) for name in names)
    # a Japanese name stays Japanese text: a title made of it and an English name passes
    assert (
        pages.untranslated_labels('<link title="ハナバード · [Karshi-]Khanabad air base">', names)
        == []
    )
    assert pages.untranslated("<p>アバイ（Abai [Ibragim] Kunanbaev）名称の大学</p>", names) == []


def test_a_bare_source_chapter_number_is_found_and_the_sources_own_is_not():
    bare = page("<p>第4章の表1は両国の対応をまとめる。</p>")
    assert pages.bare_source_chapters(bare) == ["第4章の表1は両国"]
    right = page(
        "<p>原著第4章の表1は両国の対応をまとめる。岩下の第3章は別の報告書にある。</p>"
        "<p>章が名を挙げない報告書の第3章。報告書（本報告書）の第4章。</p>"
        "<p>第1章は総論である。</p>"
    )
    assert pages.bare_source_chapters(right) == []


def test_an_index_entry_with_a_field_alone_between_separators_is_found():
    old = (
        '<p id="idx-actor-sun"><strong>ソ連</strong> · <span lang="en">Soviet Union</span>'
        " · <code>SUN</code> · 事実7件</p>"
    )
    new = (
        '<p id="idx-actor-sun"><strong>ソ連</strong>（<span lang="en">Soviet Union</span>）：'
        "事実7件</p>"
        '<p id="idx-actor-abai-university"><strong>アバイ（Abai [Ibragim] Kunanbaev）名称の大学'
        '</strong>（<span lang="en">University named after Abai (Almaty)</span>）：記録なし</p>'
    )
    # an entry closed by its English id, as the index was before
    trailing = '<p id="idx-actor-sun"><strong>ソ連</strong>：事実7件 · <code>SUN</code></p>'
    assert pages.index_entry_problems(old) == ["ソ連 · Soviet Union · SUN · 事実7件"]
    assert pages.index_entry_problems(trailing) == ["ソ連：事実7件 · SUN"]
    assert pages.index_entry_problems(new) == []


def test_a_code_cell_without_its_language_is_counted():
    cell = '<div class="cell_input docutils container"{}><pre># draw the map</pre></div>'
    assert pages.undeclared_code_cells(cell.format("") * 2) == 2
    assert pages.undeclared_code_cells(cell.format(' lang="en"')) == 0
    assert pages.undeclared_code_cells(cell.format(' lang="ja"')) == 1


def test_a_citation_note_left_in_english_is_found():
    page = (
        '<html><body><main><p>出典は<span class="bibtex-citation">湯浅（<a href="#r">n.d.</a>, '
        "§4.1, Table 1）</span>。</p></main></body></html>"
    )
    assert pages.untranslated(page) == []  # one English word in a Japanese paragraph
    assert pages.untranslated_citation_notes(page) == ["湯浅（n.d., §4.1, Table 1）"]
    assert pages.untranslated_citation_notes(page.replace("Table 1", "表1")) == []
