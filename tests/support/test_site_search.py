"""The search checks (tests/support/site_search.py) fail on small pages broken as the book was:
a query splitter that drifted from the index's, and a search field whose text runs under its
icon."""

from __future__ import annotations

import pytest

from support import site_search

pytestmark = pytest.mark.book  # needs Chromium, as the browser tests do

TEXTS = [
    "有志連合",
    "米国主導の有志連合に参加した",
    "上海協力機構の首脳会議",
    "集団安全保障条約機構",
]


def index_words(text: str) -> list[str]:
    from sphinx.search.ja import DefaultSplitter

    return [w for w in DefaultSplitter({}).split(text) if len(w) > 1]


def test_a_query_splitter_that_drifted_from_the_index_is_caught(page):
    from ca911.book.sphinx import search

    assert site_search.splitter_disagreements(page, search.splitter_js(), index_words, TEXTS) == []
    # the splitter Sphinx's search page has without one: spaces and punctuation only
    default = "var splitQuery = q => q.split(/[^\\p{L}\\p{N}_]+/u).filter(t => t);"
    page2 = page.context.new_page()
    assert site_search.splitter_disagreements(page2, default, index_words, TEXTS) != []


def test_a_model_term_lost_in_the_port_is_caught(page, monkeypatch):
    from ca911.book.sphinx import search

    monkeypatch.setattr(search, "SCORE_TERMS", search.SCORE_TERMS[:-6])
    texts = [*TEXTS, "ウズベキスタンは米国の対テロ作戦に基地を提供した"]
    assert site_search.splitter_disagreements(page, search.splitter_js(), index_words, texts) != []


FIELD = """<!doctype html><html><head><style>
form.bd-search {{ position: relative; display: flex; align-items: center; gap: .5rem;
  padding-left: .5rem; border: 1px solid #999; width: 300px; font: 16px sans-serif; }}
form.bd-search i {{ position: absolute; left: calc(1.25rem - .35em); width: 14px; height: 14px;
  background: #333; }}
form.bd-search input {{ border: 0; padding: 6px 12px; font: inherit; }}
{css}</style></head>
<body><form class="bd-search"><i></i><input type="search" placeholder="検索...">
</form></body></html>"""


@pytest.mark.parametrize(
    ("css", "broken"),
    [("", True), ("form.bd-search input { padding-left: 1.75rem; }", False)],
)
def test_a_search_field_whose_text_runs_under_its_icon(page, css, broken):
    page.set_content(FIELD.format(css=css))
    assert bool(site_search.search_field_problems(page)) is broken


def test_a_summary_holding_the_pages_layout_is_found_and_running_text_passes():
    """Sphinx's own summary of an actor page (the theme's header read as text) and of a table,
    then the same places read as running text."""
    header = "....pdf\n\n\n      \n  \n    カリモフ · Islam Karimov\n    \n        目次..."
    table = "...日付\n国\n立場\n\n2001年9月\nウズベキスタン..."
    assert len(site_search.summary_residue(header)) == 2  # two runs of white space
    assert site_search.summary_residue(table) != []
    text = "カリモフ · Islam Karimov 種類： 人物 · 所属国： ウズベキスタン · 日付 国 立場 2001年9月"
    assert site_search.summary_residue(text) == []
