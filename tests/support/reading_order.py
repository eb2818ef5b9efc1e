"""The HTML edition's previous/next buttons against the table of contents: following "next" from the
landing page must reach every page of the contents in their order, with no page between them that
the contents do not list in that place (the actor pages, reached from the actor index).

Plain functions of page HTML and of `_toc.yml`, so `tests/support/test_reading_order.py` runs them
on small broken inputs; `tests/test_reading_order.py` runs them on both built editions.
"""

from __future__ import annotations

from collections.abc import Callable

from bs4 import BeautifulSoup

from support.editions import resolve_href


def contents_order(toc: dict) -> list[str]:
    """The pages of `_toc.yml` in reading order, as built paths (`front/about.html`), without the
    pages a glob adds (the actor pages)."""
    out = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                out.append(entry["file"])
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return [f"{page}.html" for page in out]


def button_target(page_html: str, page: str, direction: str = "next") -> str | None:
    """The page the "next" (or "previous") button of `page` leads to, as a built path; None without
    one."""
    css = "a.right-next" if direction == "next" else "a.left-prev"
    link = BeautifulSoup(page_html, "html.parser").select_one(css)
    if link is None or not link.get("href"):
        return None
    href = link["href"].split("#")[0]
    return resolve_href(page, href)


def next_walk(read: Callable[[str], str], start: str, limit: int = 500) -> list[str]:
    """The pages reached from `start` by following "next" until a page has none (or one repeats)."""
    walk, page = [], start
    while page and page not in walk and len(walk) < limit:
        walk.append(page)
        page = button_target(read(page), page)
    return walk


def walk_problems(walk: list[str], contents: list[str]) -> list[str]:
    """Where the walk leaves the contents' order: a page between two contents pages that the
    contents do not put there, a contents page skipped or out of order."""
    problems = [
        f"{page}: reached by 'next' but not in the contents"
        for page in walk
        if page not in contents
    ]
    in_contents = [page for page in walk if page in contents]
    if in_contents != contents:
        missing = [page for page in contents if page not in in_contents]
        problems.append(
            f"contents pages reached in another order or not at all (not reached: {missing[:5]})"
            if missing
            else "contents pages reached in another order"
        )
    return problems
