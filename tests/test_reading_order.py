"""The HTML editions' previous/next buttons follow the table of contents: "next" from the landing
page reaches every page the contents list, in their order, without passing through the actor pages;
an actor page's buttons lead only to other actor pages (or are absent). Checker:
tests/support/reading_order.py, shown to fail on broken sites in
tests/support/test_reading_order.py.
"""

from __future__ import annotations

import pytest
import yaml

from support.project import ROOT, each_edition
from support.reading_order import button_target, contents_order, next_walk, walk_problems

TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
ACTOR_PAGES = "_generated/actors/"


@pytest.mark.book
@each_edition
def test_next_from_the_landing_page_walks_the_contents_in_order(built_book, built):
    def read(page: str) -> str:
        return (built.html / page).read_text(encoding="utf-8")

    assert walk_problems(next_walk(read, "index.html"), contents_order(TOC)) == []


@pytest.mark.book
@each_edition
def test_actor_pages_step_only_to_actor_pages(built_book, built):
    pages = sorted((built.html / ACTOR_PAGES).glob("*.html"))
    assert pages, "no actor pages built"
    outside = []
    for path in pages:
        page = path.relative_to(built.html).as_posix()
        for direction in ("next", "prev"):
            target = button_target(path.read_text(encoding="utf-8"), page, direction)
            if target and not target.startswith(ACTOR_PAGES):
                outside.append(f"{page} {direction} → {target}")
    assert outside == []
