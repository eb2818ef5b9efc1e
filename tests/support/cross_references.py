"""How a printed cross-reference reads in its sentence.

In print a reference to a section carries the section's number and page. They must not be spliced
into the sentence where it expected a noun ("which ch. 6 its notebook, p. 43 rebuilds"): the link
text stays as written and the number and page follow it in brackets ("which its notebook (ch. 6,
p. 43) rebuilds"; in Japanese 「その表（第6章、p. 43）」).

- `unbracketed_pages`: every "p. N" of a page's text that no closing bracket follows;
- `spliced_references`: every reference (a link whose text carries "p. N") whose text opens with a
  section's number word (ch., app., §, 第N章, 付録X) its heading does not open with, or carries no
  bracketed locator.

- `misprinted_pages`: every reference whose printed page ("Table 8.1 (p. 50)", the print
  stylesheet's target-counter) is not the page its link lands on (51), as a table pushed to the
  next page was once printed.

All are plain functions of text or of `print_layout.Link`s, so
tests/support/test_cross_references.py shows each fails on a broken input;
tests/test_reader_references.py runs them on both PDFs.
"""

from __future__ import annotations

import re

# a page reference as the print stylesheet writes it: "p." and a no-break space before the number
PAGE = r"(?<![\w.])p\.\s?\d+(?!\d)"
CLOSING = ")]）］"
# "app. A, p. 124", 付録A、p. 140: a reference standing in for pointing words (its pieces, as a link
# broken over two lines is read twice)
WHERE_ALONE = r"(?:(?:ch\.\s?\d+|app\.\s?[A-Z]|§\s?[\d.]+|第\d+章|付録[A-Z])[,、]?|" + PAGE + ")"
# the words a section's number is named by, in both editions (print_navigation.XREF_KINDS)
NUMBER_WORD = re.compile(r"^(?:ch\.\s?\d|app\.\s?[A-Z]\b|§\s?\d|第\d+章|付録[A-Z])")
# a reference's locator: in brackets after the link text, the page last
# (in Japanese, inside a bracket the sentence opened, it joins it with 、: （その発言、p. 12）)
# (its closing bracket the sentence's own, which the text read after a link may not reach)
# (in Japanese, inside a bracket it does not close, in full-width square ones: ［第12章、p. 80］)
LOCATOR = re.compile(
    r"[(\[（［、][^()\[\]（）［］]*" + PAGE + r"\s?(?:[)\]）］]|、?\s*(?:" + PAGE + r"\s*)?$)"
)


def unbracketed_pages(text: str) -> list[str]:
    """Every "p. N" in `text` (whitespace as extracted) not closed by a bracket right after it,
    with some context."""
    flat = " ".join(text.split())
    return [
        flat[max(0, m.start() - 60) : m.end() + 20]
        for m in re.finditer(PAGE, flat)
        if flat[m.end() : m.end() + 2].lstrip()[:1] not in tuple(CLOSING)
    ]


def target_heading(link, pages, heading_ratio: float = 1.25, reach: float = 30.0) -> str | None:
    """The text of the heading the link lands on (`print_layout.lands_on_heading`'s line), if
    any."""
    from support import print_layout as layout

    if link.target_top is None or not pages:
        return None
    page = pages[link.target - 1]
    size = heading_ratio * layout.body_size(pages)
    for line in page.lines:
        if line.size >= size and -2 <= layout.from_top(page, line.top) - link.target_top <= reach:
            return "".join(c.text for c in sorted(line.chars, key=lambda c: c.left))
    return None


# the quotes a title run into a sentence is set between (print_navigation.TITLE_QUOTES)
TITLE_QUOTES = "\u201c「"


def spliced_references(links, pages=None) -> list[str]:
    """The references (`print_layout.Link`s whose text holds "p. N") that carry no bracketed
    locator, or whose text opens with a number word ("ch. 6 its notebook, p. 43") that the heading
    they land on (read from `pages`, when given) does not open with: a title that begins "第4章の"
    is the title's own."""
    found = []
    for link in links:
        text = " ".join(link.text.replace("\u00a0", " ").split())
        if not re.search(PAGE, text) or re.match(PAGE, text):
            # no page, or only the page: a link broken over two lines read from its second box
            continue
        if re.fullmatch(rf"(?:{WHERE_ALONE}\s*)+", text):
            # only where the entry is: pointing words alone in their bracket gave way to it
            # (print_navigation.stand_in_for_the_page), the bracket being the sentence's own
            continue
        opening = NUMBER_WORD.match(text.lstrip(TITLE_QUOTES))
        if opening and pages is not None:
            heading = "".join((target_heading(link, pages) or "").split())
            if heading.startswith("".join(opening.group(0).split())):
                opening = None
        if opening or not LOCATOR.search(text):
            found.append(f"p. {link.page}: {text!r}")
    return found


# A link's words that point and say nothing on paper unless the page they point to follows them:
# その報道 / この記録 / 同日 / こちら / ここ, "the report", "the same day", "here", "this record"
DEICTIC = re.compile(
    r"^(?:その|この|あの|同[日月年章節]|こちら|ここ|"
    r"(?:here|there|this|that|these|those|the same|the report|his|her|their|its)\b)",
    re.IGNORECASE,
)


def deictic_links(links) -> list[str]:
    """The links (`print_layout.Link`s, read with their text just after the box) whose text opens
    with a pointing word (DEICTIC) and carries no bracketed page after it: on paper nothing says
    what "the report" or その報道 is."""
    found = []
    for link in links:
        text = " ".join(link.text.replace("\u00a0", " ").split())
        words = text.lstrip("(（[［")
        if DEICTIC.match(words) and not LOCATOR.search(text):
            found.append(f"p. {link.page}: {text!r}")
    return found


# The words a bracket holds when they are a date, a citation (author and year, or n.d.) or a
# chapter locator: information on paper too.
DATED = re.compile(r"\b(?:1[89]|20)\d\d\b|\d年|ch\d §|\bn\.d\.")


# "ibid.", 同上: the locator given just before, repeated (ca911.book.sphinx.repeated_locators)
IBID = frozenset({"ibid.", "同上"})


def bracketed_bare_links(links, page_texts, names=frozenset()) -> list[str]:
    """Every bracket whose words are all one link's (`print_layout.Link`s read with no text after
    the box) and say neither a date, a name (`names`: a gloss, "Washington (United States)") nor
    where they lead: "(Ivanov's statement)" is a dead aside on paper unless its page follows
    ("(Ivanov's statement [app. A, p. 129])")."""
    worded: dict[int, set[str]] = {}
    for link in links:
        worded.setdefault(link.page, set()).add(" ".join(link.text.replace("\u00a0", " ").split()))
    found = []
    for number, text in enumerate(page_texts, start=1):
        flat = " ".join(text.replace("\u00a0", " ").split())
        for m in re.finditer(r"[(（]([^()（）\[\]［］]{2,80})[)）]", flat):
            inner = m.group(1).strip()
            # a link's box reads its words, and sometimes more (drawn as two boxes on one line, or
            # reaching into the next): its words open with what the bracket holds
            alone = any(t.startswith(inner) for t in worded.get(number, ()))
            says_where = (
                DATED.search(inner) or re.search(PAGE, inner) or inner in names or inner in IBID
            )
            if alone and not says_where:
                found.append(f"p. {number}: {m.group(0)!r}")
    return found


def unquoted_titles(links, titles) -> list[str]:
    """Every link (`print_layout.Link`s, read with no text after the box) whose words, its bracketed
    number and page aside, are a section's title without the edition's title quotes: on paper a
    title run into a sentence ("read in What it shows (§11.3, p. 78)") reads as the sentence's own
    words unless it is set off (“What it shows”, 「勝ち馬なき均衡」)."""
    from support.print_outline import squash

    # a year linked to its section of the chronology ("in 2002") is a date, not a title
    known = {squash(title) for title in titles} - {""}
    known = {title for title in known if not title.isdigit()}
    found = []
    for link in links:
        text = " ".join(link.text.replace("\u00a0", " ").split())
        words = re.split(r"\s?[(\[（［]", text, maxsplit=1)[0]
        if words and squash(words) in known:
            found.append(f"p. {link.page}: {text!r}")
    return found


def misprinted_pages(links) -> list[str]:
    """References (`print_layout.Link`s) whose printed "p. N" is not the page they land on."""
    found = []
    for link in links:
        text = " ".join(link.text.replace("\u00a0", " ").split())
        if (m := re.search(PAGE, text)) and int(re.sub(r"\D", "", m.group(0))) != link.target:
            found.append(f"p. {link.page}: {text[:60]!r} lands on p. {link.target}")
    return found
