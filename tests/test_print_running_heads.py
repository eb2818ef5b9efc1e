"""Running heads as presses set them, on every page of both editions: none on the cover, the title
page and the imprint, none on a part's opening page or a blank page, none on the opening page of a
chapter (the contents and the book's opening page are chapters of the front matter); on every other
left-hand page the chapter's title, on every other right-hand page the section in force at the
page's top: one whose heading opens the page, else the section running on from the pages before (the
chapter's title before its first section), as Japanese books set it and as a reader opening the
page meets it. The chapters and sections are the PDF's bookmarks."""

from __future__ import annotations

import re

from test_print_layout import book_pages, part_captions, squashed

from support import print_layout as layout
from support import print_sections as sections
from support.project import each_edition

HEAD_DEPTH = 12.0  # pt below the lowest recurring head or folio line that a wrapped head may reach


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def running_heads(pages: list[layout.Page]) -> list[str]:
    """Each page's running head: the words set in the top margin, at and just below the heights
    where heads and folios recur (a head's height varies by a point or two with its glyphs), the
    folio (the page's number, a box of its own at the outer corner) left out."""
    heights = layout.recurring_heights(pages)
    if not heights:
        return ["" for _ in pages]
    upper, lower = min(heights) - 4, max(heights) + HEAD_DEPTH
    heads = []
    for page in pages:
        words = []
        for line in page.lines:
            if not upper <= layout.from_top(page, line.top) <= lower:
                continue
            chars = sorted(line.chars, key=lambda c: c.left)
            runs, run = [], [chars[0]]
            for a, b in zip(chars, chars[1:]):
                if b.left - a.right > 6:  # the folio's box stands apart from the head
                    runs.append(run)
                    run = []
                run.append(b)
            runs.append(run)
            words += ["".join(c.text for c in r) for r in runs]
        heads.append("".join(w for w in words if w != str(page.number)))
    return heads


def expected_heads(
    marks: list[sections.Heading],
    parts: set[str],
    contents: str,
    pages: int,
    blank: set[int],
    opens_page,
) -> list[str]:
    """The head each page should carry (squashed), from the bookmarks: `parts` are the parts'
    captions (squashed as test_print_layout does), `contents` the contents' title, `blank` the
    pages with nothing on them; `opens_page(mark)` says whether a heading is the first thing on its
    page."""
    chapters, openers, part_pages = [], set(), set()
    level = None  # the outline level of the chapters under the current part (1 in the front matter)
    for mark in marks:
        title = squash(mark.title)
        if squashed(mark.title) in parts:
            part_pages.add(mark.page)
            level = mark.level + 1
            continue
        if title == contents or (mark.level == (level or 1) and chapters):
            chapters.append((mark, []))
            openers.add(mark.page)
        elif chapters and mark.level == (level or 1) + 1:
            chapters[-1][1].append(mark)
    first = chapters[0][0].page  # the contents: no head before them
    heads = []
    for number in range(1, pages + 1):
        if number < first or number in openers or number in part_pages or number in blank:
            heads.append("")
            continue
        chapter, subs = [c for c in chapters if c[0].page <= number][-1]
        if number % 2 == 0:
            heads.append(squash(chapter.title))
            continue
        at_top = [s for s in subs if s.page == number and opens_page(s)]
        before = [s for s in subs if s.page < number]
        running = at_top[0] if at_top else (before[-1] if before else chapter)
        heads.append(squash(running.title))
    return heads


def heads_wrong(heads: list[str], expected: list[str]) -> list[tuple[int, str, str]]:
    """(page, head printed, head wanted) of every page whose head is not the one wanted."""
    return [(k + 1, h, e) for k, (h, e) in enumerate(zip(heads, expected)) if h != e]


def test_the_checker_sees_a_head_on_an_opener_and_a_missing_or_wrong_one():
    H = sections.Heading
    marks = [
        H(1, "Cover title", 1, 300),
        H(1, "Contents", 3, 80),
        H(1, "Part I — One", 5, 200),
        H(2, "1. Chapter one", 6, 90),
        H(3, "1.1. First", 6, 400),
        H(3, "1.2. Second", 7, 300),
        H(3, "1.3. Third", 9, 70),
        H(2, "2. Chapter two", 10, 90),
    ]
    parts, blank = {squashed("Part I — One")}, set()
    wanted = expected_heads(marks, parts, "Contents", 11, blank, lambda mark: mark.top < 80)
    assert wanted == [
        "", "", "", "Contents", "", "", "1.1.First", "1.Chapterone", "1.3.Third", "",
        "2.Chaptertwo",
    ]  # fmt: skip
    assert heads_wrong(wanted, wanted) == []
    # the first section opening on a page is not the one in force at its top
    first_opening = list(wanted)
    first_opening[6] = "1.2.Second"
    assert heads_wrong(first_opening, wanted) == [(7, "1.2.Second", "1.1.First")]
    # the theme's heads: one string from every heading, printed on the openers too
    theme = list(wanted)
    theme[5], theme[9] = "1.Chapterone", "2.Chaptertwo"
    theme[8] = "1.2.Second"
    assert [page for page, _, _ in heads_wrong(theme, wanted)] == [6, 9, 10]
    # a head cleared on a page that opens no chapter
    cleared = list(wanted)
    cleared[6] = ""
    assert heads_wrong(cleared, wanted) == [(7, "", "1.1.First")]


@each_edition
def test_running_heads_on_every_page(built_book, built):
    pages = list(book_pages(built.pdf))
    marks = sections.bookmarks(built.pdf)
    heads_at = layout.recurring_heights(pages)
    blank = {
        page.number
        for page in pages
        if not layout.body_lines(page, heads_at)
        and not any(layout.from_top(page, top) > 70 for (_, _, _, top) in page.graphics)
    }
    contents = "Contents" if built.lang == "en" else "目次"
    parts = {squashed(caption) for caption in part_captions(built.lang)}

    def opens_page(mark: sections.Heading) -> bool:
        page = pages[mark.page - 1]
        return not any(
            layout.from_top(page, line.top) < mark.top - 2
            for line in layout.body_lines(page, heads_at)
        )

    wanted = expected_heads(marks, parts, contents, len(pages), blank, opens_page)
    wrong = heads_wrong(running_heads(pages), wanted)
    assert wrong == [], f"{len(wrong)} pages with the wrong running head, for example {wrong[:6]}"
