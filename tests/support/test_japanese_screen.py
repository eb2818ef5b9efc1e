"""The on-screen English check (tests/support/japanese_screen.py) finds English a Japanese page
gets only from its scripts and stylesheets, and passes the same page in Japanese."""

from __future__ import annotations

import pytest

from support import japanese_screen

pytestmark = pytest.mark.book  # needs Chromium, as the browser tests do

PAGE = """<!doctype html><html lang="ja"><head><style>{css}</style></head><body>
<article class="bd-article"><p>本書は二つの章を典拠つきのデータに置き換える。</p>
<div class="wrap"><table><thead><tr><th>日付</th><th>アクター</th></tr></thead>
<tbody><tr><td>2001-09-11</td><td class="actors">米国</td></tr></tbody></table></div>
<div id="info"></div><p>ネットワークは<a href="#">Gephi</a>で開ける。</p>
<!--| quarto-html-table-processing: none --></article>
<script>document.getElementById("info").textContent = {info};</script></body></html>"""
CUE = '.wrap::before {{ content: "{cue}"; }} td.actors::before {{ content: "{label}"; }}'


def render(page, cue: str, label: str, info: str, header: str = "日付"):
    css = CUE.format(cue=cue, label=label)
    html = PAGE.format(css=css, info=repr(info)).replace("<th>日付</th>", f"<th>{header}</th>")
    page.set_content(html)
    return japanese_screen.untranslated_on_screen(japanese_screen.rendered(page))


def test_words_drawn_by_css_and_written_by_a_script_are_read(page):
    found = render(page, "Scroll sideways for all columns →", "Actors: ", "Showing 1 to 10", "date")
    assert any("drawn by CSS" in f and "Scroll sideways" in f for f in found), found
    assert any("drawn by CSS" in f and "Actors" in f for f in found), found
    assert any("widget" in f and "Showing 1 to 10" in f for f in found), found
    assert any(f == "widget: <th> date" for f in found), found


def test_the_same_page_in_japanese_passes(page):
    """A name in a Japanese sentence, a comment and a file extension are no English text."""
    cue, label, info = "横にスクロールすると全列が見える →", "アクター：", "全44行のうち1～10行目"
    assert render(page, cue, label, info) == []


CHROME = """<!doctype html><html lang="ja"><body>
<nav id="toc"><ul><li>本書について</li></ul></nav>
<article class="bd-article"><p>本書は二つの章を典拠つきのデータに置き換える。</p></article>
<div class="onlyprint"><nav aria-label="このページの目次"></nav></div>
<footer><p class="copyright">{copyright}</p></footer>
<script>document.getElementById("toc").setAttribute("aria-label", {toc_name});</script>
</body></html>"""


def render_chrome(page, copyright: str, toc_name: str):
    page.set_content(CHROME.format(copyright=copyright, toc_name=repr(toc_name)))
    return japanese_screen.untranslated_on_screen(japanese_screen.rendered(page))


def test_english_accessible_names_and_footer_words_are_read(page):
    """A name a script gives after loading, a hidden element's name, and the theme's English
    copyright words and Latin full stop after a Japanese copyright line."""
    broken = CHROME.replace('aria-label="このページの目次"', 'aria-label="Page"')
    page.set_content(
        broken.format(
            copyright="© Copyright ca911副読本チーム。コードはMIT.", toc_name=repr("Contents")
        )
    )
    found = japanese_screen.untranslated_on_screen(japanese_screen.rendered(page))
    assert any("accessible name" in f and "'Page'" in f for f in found), found
    assert any("accessible name" in f and "'Contents'" in f for f in found), found
    assert any(f.startswith("footer: © Copyright") for f in found), found
    # the Latin full stop alone is found too
    assert render_chrome(page, "© ca911副読本チーム。コードはMIT.", "本の目次") != []


def test_the_same_chrome_in_japanese_passes(page):
    assert (
        render_chrome(page, "© ca911副読本チーム。本文はCC BY 4.0、コードはMIT。", "本の目次") == []
    )


def test_japanese_set_in_italic_is_found_and_upright_japanese_passes(page):
    """A caption in the theme's italic shears its kana and kanji: found; an upright one and Latin
    italics (a newspaper's name) pass."""
    caption = (
        '<figure><figcaption style="font-style: {style}">図2.1 2001年秋の接触</figcaption></figure>'
    )
    latin = '<p>記事は<em lang="ru">Izvestia</em>が報じた。</p>'
    for style, slanted in (("italic", True), ("oblique", True), ("normal", False)):
        body = caption.format(style=style) + latin
        page.set_content(f'<html lang="ja"><body>{body}</body></html>')
        found = japanese_screen.slanted_japanese(japanese_screen.rendered(page))
        assert bool(found) is slanted, (style, found)
        assert all("図2.1" in f for f in found), found
