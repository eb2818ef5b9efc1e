"""The reading-order checker of tests/support/reading_order.py fails on small broken sites and
passes a good one."""

from __future__ import annotations

from support.reading_order import button_target, contents_order, next_walk, walk_problems

TOC = {
    "root": "index",
    "parts": [
        {"chapters": [{"file": "front/about"}]},
        {
            "chapters": [
                {"file": "appendices/actors", "sections": [{"glob": "_generated/actors/*"}]},
                {"file": "appendices/how_to_cite"},
            ]
        },
    ],
}


def page(next_href: str | None) -> str:
    link = f'<a class="right-next" href="{next_href}">next</a>' if next_href else ""
    return f"<html><body><div class='prev-next-area'>{link}</div></body></html>"


def test_contents_order_leaves_the_glob_out():
    assert contents_order(TOC) == [
        "index.html",
        "front/about.html",
        "appendices/actors.html",
        "appendices/how_to_cite.html",
    ]


def test_relative_links_resolve_to_built_paths():
    assert (
        button_target(page("../_generated/actors/AFG.html#x"), "appendices/actors.html")
        == "_generated/actors/AFG.html"
    )
    assert button_target(page(None), "index.html") is None


def test_a_walk_through_the_actor_pages_fails():
    # as the book's "next" did: from the actor index through every actor page to the next appendix
    site = {
        "index.html": page("front/about.html"),
        "front/about.html": page("../appendices/actors.html"),
        "appendices/actors.html": page("../_generated/actors/AFG.html"),
        "_generated/actors/AFG.html": page("KAZ.html"),
        "_generated/actors/KAZ.html": page("../../appendices/how_to_cite.html"),
        "appendices/how_to_cite.html": page(None),
    }
    problems = walk_problems(next_walk(site.__getitem__, "index.html"), contents_order(TOC))
    assert len(problems) == 2 and "AFG" in problems[0] and "KAZ" in problems[1]


def test_a_skipped_page_fails_and_the_reading_order_passes():
    skipped = {
        "index.html": page("appendices/actors.html"),
        "appendices/actors.html": page("how_to_cite.html"),
        "appendices/how_to_cite.html": page(None),
    }
    assert walk_problems(next_walk(skipped.__getitem__, "index.html"), contents_order(TOC)) != []
    good = dict(
        skipped,
        **{
            "index.html": page("front/about.html"),
            "front/about.html": page("../appendices/actors.html"),
        },
    )
    assert walk_problems(next_walk(good.__getitem__, "index.html"), contents_order(TOC)) == []
