"""The abbreviation checker of tests/support/abbreviations.py fails on small broken pages and passes
good ones."""

from __future__ import annotations

from support.abbreviations import article_text, listed, unlisted_capitals

LIST_PAGE = """<html><body><article class="bd-article">
<table id="tab-abbreviations-organisations"><thead><tr><th>abbreviation</th><th>stands for</th></tr>
</thead><tbody><tr><td>CIS</td><td>Commonwealth of Independent States</td></tr>
<tr><td>RFE/RL</td><td>[Radio Free Europe/Radio Liberty]</td></tr></tbody></table>
<table id="tab-glossary-state"><tbody><tr><td>KAZ</td><td>Kazakhstan</td></tr></tbody></table>
</article></body></html>"""


def test_the_list_is_read_from_its_own_tables_only():
    assert listed(LIST_PAGE) == {"CIS", "RFE", "RL"}


def test_an_abbreviation_without_a_key_fails():
    # as the actor pages printed CACO and the register EURASEC, with no list to look them up in
    page = """<html><body><nav>SIDEBAR PART III</nav><article class="bd-article">
    <p>Kazakhstan joined CACO and EURASEC; the CIS met. RFE/RL reported it.</p>
    <p>NATO軍 arrived.</p><code>KAZ</code></article></body></html>"""
    found = unlisted_capitals(article_text(page), listed(LIST_PAGE))
    assert [f.split("joined ")[-1][:4] for f in found[:1]] == ["CACO"]
    assert len(found) == 3 and "EURASEC" in found[1] and "NATO" in found[2]


def test_listed_words_roman_numerals_and_code_pass():
    page = """<html><body><article class="bd-article"><p>The CIS after Article VIII;
    RFE/RL. Part III.</p><pre>LANG = "en"</pre></article></body></html>"""
    assert unlisted_capitals(article_text(page), listed(LIST_PAGE)) == []
