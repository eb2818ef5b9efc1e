"""The firmness and locator checkers of tests/support/firmness.py on small synthetic pages: a
sentence firmer than its source and a locator the sentence map lacks are found; hedged sentences,
code cells and known passages pass."""

from __future__ import annotations

from support.firmness import (
    Modalities,
    firmness_problems,
    known_locators,
    rendered_sentences,
    unknown_locators,
)

SOFT = Modalities(
    facts={"f-hedged": "hedged", "f-firm": "asserted"},
    events={"e-reported": "reported_view"},
    sentences={"ch4 §5.1 ¶3 s.1": "hedged", "ch4 §5.1 ¶3 s.4": "asserted"},
    paragraphs={"ch3 §2 ¶4": {"asserted", "hedged"}},
)


def page(paragraph: str) -> str:
    return f"<html><body><article><p>{paragraph}</p></article></body></html>"


def code(locator: str) -> str:
    return (
        "<code class='docutils literal'>"
        + " ".join(f"<span class='pre'>{w}</span>" for w in locator.split())
        + "</code>"
    )


def problems_on(html: str, modalities: Modalities = SOFT) -> list[str]:
    return [p for s in rendered_sentences(html) for p in firmness_problems(s, modalities)]


def test_rendered_sentences_keep_each_citation_with_its_sentence():
    html = page(
        f"Balancing is nothing new ({code('ch4 §5.1 ¶3 s.4')}).\nIt fits, he thinks "
        f"({code('ch4 §5.1 ¶3 s.1')}). "
        "Moscow agreed (<a href='../appendices/sentence_map.html#fact-f-hedged'>ch3 §2 ¶4</a>) on "
        "<a href='../appendices/chronology.html#ev-e-reported'>5 May 2002</a>."
    )
    got = rendered_sentences(html)
    assert [(s.locators, s.facts, s.events) for s in got] == [
        (["ch4 §5.1 ¶3 s.4"], [], []),
        (["ch4 §5.1 ¶3 s.1"], [], []),
        ([], ["f-hedged"], ["e-reported"]),
    ]
    # a fact link shows its locator and an event link its date: neither is the reader's words
    assert "ch3" not in got[2].words and "May" not in got[2].words
    # "ibid." (a locator repeated in its sentence) neither ends the sentence nor is its words
    hedged = page(
        "It may grow, he thinks (<a href='#fact-f-hedged'>ch3 §2 ¶4</a>), and may last "
        "(<a href='#fact-f-hedged'>ibid.</a>). Next."
    )
    got = rendered_sentences(hedged)
    assert [s.facts for s in got] == [["f-hedged", "f-hedged"], []]
    assert problems_on(hedged) == []


def test_the_check_fails_on_a_firmer_sentence_and_passes_a_hedged_one():
    assert problems_on(page(f"It is balancing ({code('ch4 §5.1 ¶3 s.1')}).")) == [
        "ch4 §5.1 ¶3 s.1 is hedged"
    ]
    assert problems_on(page(f"It is balancing, he thinks ({code('ch4 §5.1 ¶3 s.1')}).")) == []
    # a hedge in the next sentence does not cover this one
    assert problems_on(page(f"It is balancing ({code('ch4 §5.1 ¶3 s.1')}). Others doubt it.")) == [
        "ch4 §5.1 ¶3 s.1 is hedged"
    ]
    # a paragraph locator is as soft as the softest fact recorded at it; a record link as its record
    assert problems_on(page(f"The ministry objected ({code('ch3 §2 ¶4')}).")) == [
        "ch3 §2 ¶4 is hedged"
    ]
    assert problems_on(
        page("The ministry objected (<a href='x.html#fact-f-hedged'>ch3 §2 ¶4</a>).")
    ) == ["f-hedged is hedged"]
    # a date shown by a record link is no hedge, though its month is May
    assert problems_on(page("It happened on <a href='x.html#ev-e-reported'>1 May 2002</a>.")) == [
        "e-reported is reported_view"
    ]
    # the words of a titled record link are the reader's words too
    assert problems_on(page("It happened (<a href='x.html#ev-e-reported'>as reported</a>).")) == []
    assert (
        problems_on(page("The ministry agreed (<a href='x.html#fact-f-firm'>ch3 §2 ¶4</a>).")) == []
    )


def test_code_cells_and_their_output_are_not_read_as_prose():
    html = (
        "<html><body><article><div class='cell_output'><p>It is balancing "
        f"({code('ch4 §5.1 ¶3 s.1')}).</p></div><p>Plain words.</p></article></body></html>"
    )
    assert [s.words for s in rendered_sentences(html)] == ["Plain words."]


def test_the_locator_check_fails_on_a_passage_the_sentence_map_lacks():
    known = known_locators(["ch4 §5.1 ¶3 s.4", "ch4 §5.1 ¶4 s.1"], ["ch4 §4.1 T1 r2 c1"])
    shown = page(
        " ".join(
            f"It is so ({code(loc)})."
            for loc in (
                "ch4 §5.1 ¶3 s.4",
                "ch4 §5.1 ¶3",
                "ch4 §5.1",
                "ch4 §5.1 ¶3-4",
                "ch4 §4.1 T1 r2 c1",
                "ch4 §5.1 ¶3 n.2",
            )
        )
    )
    assert unknown_locators(rendered_sentences(shown), known) == []
    wrong = page(f"It is so ({code('ch4 §5.1 ¶9')}). And so ({code('ch4 §5.1 ¶3-5')}).")
    assert [u.split(" (")[0] for u in unknown_locators(rendered_sentences(wrong), known)] == [
        "ch4 §5.1 ¶9",
        "ch4 §5.1 ¶3-5",
    ]
