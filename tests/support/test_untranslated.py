"""The Japanese-page checker on small inputs: it finds an English paragraph, list item, cell or
caption, and lets Japanese prose, code, English declared as such and a bare name pass."""

from __future__ import annotations

from support.untranslated import english_paragraphs

JAPANESE_PAGE = """<html><body><main>
<h1>カザフスタン · <span lang="en" class="ca911-english">Commonwealth of Independent
States</span></h1>
<p>中央アジアは伝統的にロシアが強い影響力をもってきた地域である。</p>
<p>2001年9月ごろ、プーチン大統領（Vladimir Putin）がテレビ演説を行った。</p>
<ul><li><strong>理由（英語で記録）：</strong> <span lang="en">The visit is told as preceding the
survey team at Kulyab.</span></li></ul>
<table><caption>国家：日本語名と英語名。</caption>
<tr><th>日本語（印刷どおり）</th><th>英語</th></tr>
<tr><td>アメリカ</td><td>United States</td></tr></table>
<p><code>events:ch3-2001-09-24-putin-tv-address</code> · <code>ch3 §2 ¶14 s.3</code></p>
<pre>@misc{ca911companion, title = {Central Asia after 9/11: a reproducible companion}}</pre>
</main><nav><p>Skip to main content and read the whole book</p></nav></body></html>"""


def test_a_japanese_page_passes():
    assert english_paragraphs(JAPANESE_PAGE) == []


def test_english_prose_is_found_in_every_kind_of_block():
    for broken in (
        "<p>Every record has a stable reference, the file in data without csv.</p>",
        "<ul><li>Dated records first, in date order, then the undated.</li></ul>",
        "<table><tr><td>a televised or formal address to the nation</td></tr></table>",
        "<table><caption>Kinds of discrepancy, with the number of entries.</caption></table>",
        "<h2>In the contact network of autumn 2001</h2>",
        # English that only looks declared: a class is no language
        '<p><span class="ca911-english">The reading the data adopts here.</span></p>',
    ):
        page = JAPANESE_PAGE.replace("</main>", broken + "</main>")
        found = english_paragraphs(page)
        assert len(found) == 1, (broken, found)


def test_a_japanese_sentence_with_a_long_english_quotation_still_reads_as_english():
    page = "<main><p>理由：The visit is told as preceding the survey team at Kulyab.</p></main>"
    assert english_paragraphs(page) == [
        "理由：The visit is told as preceding the survey team at Kulyab."
    ]
