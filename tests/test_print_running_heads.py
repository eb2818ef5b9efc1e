"""Running heads of the front matter, as presses set them: none on the cover, the title page and the
imprint; the contents pages headed with the contents' own title. The PDF's first bookmark is the
cover's title; the contents are the second, and they end where the third (the opening
page) begins."""

from __future__ import annotations

import re

from pypdf import PdfReader
from test_print_layout import book_pages

from support import print_layout as layout
from support.project import each_edition


def running_heads(pages: list[layout.Page]) -> list[str]:
    """Each page's running head: the words of its lines at the heights where heads and folios
    recur, the folio left out."""
    heights = layout.recurring_heights(pages)
    heads = []
    for page in pages:
        lines = [
            line.text for line in page.lines if round(layout.from_top(page, line.top)) in heights
        ]
        heads.append(re.sub(r"\d+", "", "".join(lines)))
    return heads


def front_matter_heads_wrong(
    heads: list[str], contents: range, title: str
) -> list[tuple[int, str]]:
    """(page, head) of every page before the contents (the cover excepted) that carries a running
    head, and of every contents page not headed with the contents' title."""
    wrong = [(k + 1, heads[k]) for k in range(1, contents.start) if heads[k]]
    wrong += [(k + 1, heads[k]) for k in contents if heads[k] != title]
    return wrong


def test_the_checker_sees_a_contents_page_without_its_head():
    heads = ["", "", "", "Contents", "", "Opening"]
    assert front_matter_heads_wrong(heads, range(3, 5), "Contents") == [(5, "")]
    assert front_matter_heads_wrong(["", "Title", "Contents"], range(2, 3), "Contents") == [
        (2, "Title")
    ]


@each_edition
def test_front_matter_running_heads(built_book, built):
    reader = PdfReader(str(built.pdf))
    first, second = [item for item in reader.outline if not isinstance(item, list)][1:3]
    contents = range(
        reader.get_destination_page_number(first), reader.get_destination_page_number(second)
    )
    heads = running_heads(list(book_pages(built.pdf)))
    title = re.sub(r"\s+", "", first.title)
    assert front_matter_heads_wrong(heads, contents, title) == []
