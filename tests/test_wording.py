"""Generated sentences read as an editor would write them: counts agree with their nouns, zero and
one are words, names that take "the" have it (ca911.book.wording); the rendered book holds no
templated wording in either edition (tests/support/generated_wording.py), and the actor pages are
listed as the index lists them."""

from __future__ import annotations

import pytest

from ca911.book import actor_index, actor_records, wording
from ca911.data import package as data
from support.generated_wording import page_problems
from support.project import EDITIONS, HTML, edition_html_files

# ------------------------------------------------------------------------------------------ wording


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "no partners"),
        (1, "one partner"),
        (2, "two partners"),
        (10, "10 partners"),
        (1200, "1,200 partners"),
    ],
)
def test_a_count_agrees_with_its_noun(n, expected):
    assert wording.count(n, "partner") == expected


def test_plurals_of_the_nouns_the_book_counts():
    assert [
        wording.plural(w)
        for w in ("event", "period relation", "entry", "analysis", "phone call", "match", "day")
    ] == ["events", "period relations", "entries", "analyses", "phone calls", "matches", "days"]
    assert wording.figure_count(1, "period relation") == "1 period relation"
    assert wording.figure_count(0, "file") == "0 files"


def test_zero_and_repetition_in_words():
    assert [wording.how_many(n) for n in (0, 1, 5, 12)] == ["none", "one", "five", "12"]
    assert [wording.times(n) for n in (0, 1, 2, 3, 10)] == [
        "never",
        "once",
        "twice",
        "three times",
        "10 times",
    ]
    assert (
        wording.join([]) == "none"
        and wording.join(["a"]) == "a"
        and wording.join(["a", "b", "c"]) == "a, b and c"
    )


def test_names_that_take_the_article_get_it():
    assert wording.name_in_text("United States", "state") == "the United States"
    assert wording.name_in_text("United States", "state", start=True) == "The United States"
    assert wording.name_in_text("Soviet Union", "state") == "the Soviet Union"
    assert (
        wording.name_in_text("Commonwealth of Independent States", "organization")
        == "the Commonwealth of Independent States"
    )
    assert wording.name_in_text("CIS", "organization") == "the CIS"
    for bare, kind in (
        ("Russia", "state"),
        ("Kazakhstan", "state"),
        ("NATO", "organization"),
        ("Islam Karimov", "person"),
        ("Central Asia", "place"),
    ):
        assert wording.name_in_text(bare, kind) == bare


def test_the_language_is_a_parameter():
    """Plural categories come from CLDR for any language; Japanese counts with a counter word and no
    plural, and a noun or a language without words says so instead of printing English."""
    assert wording.plural_category(1, "en") == "one" and wording.plural_category(1, "ja") == "other"
    assert wording.count(2, "event", lang="ja") == "出来事2件"
    assert wording.count(0, "event", lang="ja") == "出来事なし"
    assert wording.figure_count(1, "period relation", lang="ja") == "時期区分上の関係1件"
    assert wording.count(3, "state", lang="ja") == "3カ国"
    assert wording.join(["ロシア", "米国", "中国"], lang="ja") == "ロシア、米国、中国"
    assert wording.name_in_text("米国", "state", lang="ja") == "米国"
    assert wording.times(2, lang="ja") == "2回" and wording.how_many(0, lang="ja") == "なし"
    assert wording.how_many(4, lang="ja", counter="件") == "4件"
    with pytest.raises(NotImplementedError, match="no Japanese word for 'aardvark'"):
        wording.count(2, "aardvark", lang="ja")
    with pytest.raises(NotImplementedError):
        wording.count(2, "event", lang="fr")


# ----------------------------------------------------------------------------------- the built book


def names_with_article() -> list[str]:
    """Names of the states and organisations that take "the": the names generated sentences put in
    running text."""
    actors = data.load().actors
    actors = actors[actors["kind"].isin(["state", "organization"])]
    return sorted(
        n for n, k in zip(actors["name_en"], actors["kind"]) if wording.takes_article(n, k)
    )


def content_pages() -> list[str]:
    return sorted(
        p.relative_to(HTML).as_posix()
        for p in edition_html_files(HTML)
        if not {"_static", "_sources"} & set(p.parts)
        and p.name not in ("genindex.html", "search.html")
    )


@pytest.mark.book
def test_no_templated_wording_in_the_rendered_book(built_book):
    names = names_with_article()
    assert "United States" in names
    problems = [
        f"{page}: {problem}"
        for page in content_pages()
        for problem in page_problems((HTML / page).read_text(encoding="utf-8"), names)
    ]
    assert problems == []


@pytest.mark.book
def test_no_count_word_as_a_predicate_in_the_japanese_pages(built_book):
    built = EDITIONS["ja"]
    problems = [
        f"{page.relative_to(built.html)}: {problem}"
        for page in built.pages()
        for problem in page_problems(page.read_text(encoding="utf-8"))
    ]
    assert problems == []


# --------------------------------------------------------------------------------- actor navigation


def test_people_are_named_as_the_data_name_them_and_ordered_by_surname():
    assert actor_index.index_name("Islam Karimov", "person") == "Islam Karimov"
    assert actor_index.index_name("Akayev", "person") == "Akayev"
    assert actor_index.order_name("Islam Karimov", "person") == "Karimov Islam"
    assert (
        actor_index.order_name("Abai (Ibragim) Kunanbaev", "person") == "Kunanbaev Abai (Ibragim)"
    )
    assert actor_index.order_name("United States", "state") == "United States"


def order_problems(listed: list[str], kinds: list[str]) -> list[str]:
    """Entries out of order: kinds must come in the index's order, names alphabetically within a
    kind (people by surname)."""
    rank = list(actor_index.KIND_HEADINGS)
    keys = [
        (rank.index(k), actor_index.sort_key(actor_index.order_name(name, k))[0])
        for name, k in zip(listed, kinds)
    ]
    return [
        f"{listed[i + 1]!r} after {listed[i]!r}"
        for i in range(len(keys) - 1)
        if keys[i + 1] < keys[i]
    ]


def test_the_order_check_fails_on_file_name_order():
    names = ["Uzbekistan", "Kazakhstan", "Bush", "Islam Karimov"]
    assert order_problems(names, ["state", "state", "person", "person"]) == [
        "'Kazakhstan' after 'Uzbekistan'"
    ]
    assert order_problems(
        sorted(["USA", "bush", "Karimov"]), ["state", "person", "person"]
    )  # ids: upper case first


@pytest.mark.book
def test_sidebar_lists_actor_pages_by_kind_then_name(built_book):
    from bs4 import BeautifulSoup

    pkg = data.load()
    expected = actor_index.navigation_order(pkg, actor_records.actors_with_pages(pkg))
    kinds = pkg.actors.set_index("actor_id")["kind"]
    soup = BeautifulSoup(
        (HTML / "appendices" / "actors.html").read_text(encoding="utf-8"), "html.parser"
    )
    links = [
        a for a in soup.select("nav.bd-docs-nav a") if "_generated/actors/" in a.get("href", "")
    ]
    listed = [a["href"].rsplit("/", 1)[-1].removesuffix(".html") for a in links]
    assert listed == [actor_id for actor_id, _ in expected]
    titles = [a.get_text(" ", strip=True).split(" · ")[0] for a in links]
    assert (
        order_problems(
            [t.replace("[", "").replace("]", "") for t in titles], [kinds[i] for i in listed]
        )
        == []
    )
    assert "Islam Karimov" in titles


def test_counts_of_coded_types_read_as_words_in_the_language_asked():
    from ca911.book.myst import count_text

    assert count_text("agreement:2;phone_call:1") == "2 agreements, 1 phone call"
    assert (
        count_text(
            "agreement:2;phone_call:1",
            lang="ja",
            labels={"agreement": "合意", "phone_call": "電話会談"},
        )
        == "合意2件、電話会談1件"
    )
    with pytest.raises(NotImplementedError, match="phone_call"):
        count_text("agreement:2;phone_call:1", lang="ja", labels={"agreement": "合意"})


def test_pairs_of_states_in_japanese():
    from ca911.book.network_wording import pairs_in_words

    names = {"EST": "エストニア", "GEO": "グルジア", "UKR": "ウクライナ", "KAZ": "カザフスタン"}
    pairs = [("EST", "GEO"), ("EST", "UKR"), ("GEO", "UKR"), ("KAZ", "UKR")]
    assert (
        pairs_in_words(pairs, names.get, "ja")
        == "ウクライナ・エストニア・グルジアのどの2カ国の間も、ウクライナとカザフスタン"
    )


def test_the_notebooks_tables_of_events_in_japanese():
    from ca911.book.analysis_tables import events_listing, table1_evidence
    from ca911.data.package import load

    pkg = load(validate=False)
    listing = events_listing(pkg.events, "ja", pkg.labels("events", "event_type", "ja"))
    assert list(listing.columns) == ["日付", "出来事", "種類", "典拠箇所"]
    assert listing["出来事"].tolist() == pkg.events["summary_ja"].tolist()
    assert not listing["種類"].str.contains(r"[a-z]_|^[a-z ]+$").any()
    evidence = table1_evidence(pkg, "表1の根拠", "tab-x", lang="ja")
    assert "September" not in evidence and "Kazakhstan" not in evidence


def test_a_code_in_a_table_cell_reads_as_words_in_the_language_asked():
    labels = {"full_support": "6 — 全面的支援"}
    assert wording.code_word("full_support", labels, "en") == "full support"
    assert wording.code_word("full_support", labels, "ja") == "6 — 全面的支援"
    assert wording.code_word("", labels, "ja") == ""
    with pytest.raises(NotImplementedError):
        wording.code_word("search_rescue", labels, "ja")  # no word: never English in Japanese


def test_a_japanese_quotation_nests_its_inner_quotation():
    assert wording.japanese_quotation("実利主義的な政策") == "「実利主義的な政策」"
    assert wording.japanese_quotation("「勝ち馬」を求めた") == "「『勝ち馬』を求めた」"
    assert wording.japanese_quotation("") == ""


def test_the_native_counter_takes_kanji_numerals():
    assert [wording.how_many(n, "ja", counter="つ") for n in (1, 3)] == ["一つ", "三つ"]
    assert wording.how_many(4, "ja", counter="件") == "4件"
