"""The checkers of tests/support/prose_apparatus.py fail on small broken inputs and pass the mended
ones."""

from __future__ import annotations

from support.prose_apparatus import page_problems, pages_beside_parentheses, running_text


def _page(*paragraphs: str) -> str:
    return "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"


def test_a_record_date_repeating_the_sentence_is_found_in_both_editions():
    broken = _page(
        "Dissent in Moscow lasted into October (October 2001), but Putin kept his course.",
        "Putin telephoned Bush on 11 September (about 11 September 2001).",
    )
    assert len(page_problems(broken, "en")["repeated date"]) == 2
    mended = _page(
        "Dissent in Moscow lasted into October 2001, but Putin kept his course.",
        # another record's date, a year given as part of a month, a date glossing a phrase
        "Then came an exercise (June 2002) and an agreement (about 2002).",
        "The dates are the eve of 11 September (10 September 2001) and the end of 2001 "
        "(31 December 2001).",
    )
    assert page_problems(mended, "en")["repeated date"] == []
    ja = _page("モスクワでは10月に入っても異論が続いたが（2001年10月）、方針は保たれた。")
    assert len(page_problems(ja, "ja")["repeated date"]) == 1
    assert (
        page_problems(_page("モスクワでは2001年10月に入っても異論が続いた。"), "ja")[
            "repeated date"
        ]
        == []
    )


def test_a_span_writing_its_shared_month_or_year_twice_is_found():
    for broken in (
        "Putin stayed in Sochi (17 September 2001 – 24 September 2001).",
        "Talks ran from September 2001 – October 2001.",
        "He was in Brussels (1 October – 3 October 2001).",
    ):
        assert page_problems(_page(broken), "en")["repeated range part"], broken
    mended = _page(
        "Putin stayed in Sochi (17–24 September 2001) and talks ran September–October 2001, "
        "17 September – 3 October 2001 and September 2001 – March 2002."
    )
    assert page_problems(mended, "en")["repeated range part"] == []
    assert page_problems(_page("2001年9月17日～2001年9月24日"), "ja")["repeated range part"]
    assert page_problems(_page("2001年9月17日～9月24日"), "ja")["repeated range part"]
    assert (
        page_problems(_page("2001年9月17日～24日、2001年9月～10月"), "ja")["repeated range part"]
        == []
    )


def test_a_bracketed_expansion_and_side_by_side_brackets_are_found():
    broken = _page(
        "the forces of NATO ([North Atlantic Treaty Organization]) and of Russia",
        "the Uzbek lane of Fig. 7.1 (p. 46) (<code>ch4 §3.2 ¶2</code>)",
        "国際通貨基金（IMF）（International Monetary Fund）",
    )
    found = page_problems(broken, "en")
    assert len(found["bracketed gloss"]) == 1
    assert page_problems(_page("NATO（［北大西洋条約機構］）の部隊"), "ja")["bracketed gloss"]
    assert len(found["adjacent parentheses"]) == 2
    mended = _page(
        "the forces of NATO (North Atlantic Treaty Organization) and of Russia",
        "3 periods (<code>ch4 §3.2 ¶2</code>), drawn on the Uzbek lane of Fig. 7.1 (p. 46)",
        "a pattern <code>§(\\d+) (¶\\d+)</code> is code, not prose",
    )
    assert not any(page_problems(mended, "en").values())


def test_a_locator_in_another_form_is_found():
    broken = _page("Date not given (cited in ch. 3 §3.1 ¶7, note 16).")
    assert len(page_problems(broken, "en")["locator form"]) == 1
    mended = _page("Date not given (cited in ch3 §3.1 ¶7 n.16); see the map (ch. 4, p. 30).")
    assert page_problems(mended, "en")["locator form"] == []


def test_tables_are_not_running_text():
    assert running_text("<article><table><tr><td><p>(x) (y)</p></td></tr></table></article>") == []


def test_a_printed_page_beside_a_parenthesis_is_found():
    broken = [
        "the Uzbek lane of Fig. 7.1\n(p. 46) (ch4 §3.2 ¶2). In the first",
        "in Fig. 4.1 (p. 31) (Where the foreign forces were: a map [ch. 4, p. 30]).",
        "表1（第6章、p. 46）（日本語の原表、その翻訳）",
    ]
    assert [hit[:5] for hit in pages_beside_parentheses(broken)] == ["p. 1:", "p. 2:", "p. 3:"]
    mended = [
        "3 periods (ch4 §3.2 ¶2), drawn on the Uzbek lane of Fig. 7.1 (p. 46).",
        "in Fig. 4.1 (p. 31) of Where the foreign forces were: a map (ch. 4, p. 30).",
    ]
    assert pages_beside_parentheses(mended) == []
