"""The print edition's chapters as page groups, so that a chapter's opening page carries no running
head (a scholarly press's rule; shared/design print.md) while the chapter's other pages do.

The stylesheet sets every chapter on pages named `ca911-chapter` and clears the running head of
the first page of each group (`@page ca911-chapter:nth(1 of ca911-chapter)`, CSS GCPM 3). WeasyPrint
starts a page group at the element that carries the page name and keeps it for as long as the
pages lay out that element. The single print document gives a chapter as two siblings, the empty
anchor `<span id="document-…">` and the chapter's `<section>`: named apart, the group ended with the
anchor, and any later page of the chapter that broke where a break was to be avoided started a
group of its own, its running head cleared as if it opened a chapter. Each chapter's anchor and
section are wrapped here in one element, and so is the opening page's own text (its title and
sections, before the toctrees that hold the parts): one group per chapter, from its first page to
its last.
"""

from __future__ import annotations

from ca911.book.sphinx.print_marks import add_class

CHAPTER_CLASS = "ca911-chapter"


def group_chapters(soup) -> None:
    """Wrap each chapter (its anchor and its section) and the opening page's own text in an element
    of class CHAPTER_CLASS."""
    for anchor in soup.select('span[id^="document-"]'):
        section = anchor.find_next_sibling()
        if section is None or section.name != "section":
            continue
        wrapper = soup.new_tag("div", attrs={"class": CHAPTER_CLASS})
        anchor.insert_before(wrapper)
        wrapper.append(anchor.extract())
        wrapper.append(section.extract())
    # the page's body as the template receives it, or a whole page
    body = soup.select_one("div.body") or soup
    opening = body.find("section", recursive=False)
    if opening is None or opening.find("h1", recursive=False) is None:
        return
    own = []
    for child in opening.find_all(recursive=False):
        if "toctree-wrapper" in child.get("class", []) or "ca911-part-opener" in child.get(
            "class", []
        ):
            break
        own.append(child)
    if not own:
        return
    # a section (not a div): the opening's paragraphs stay a section's paragraphs for the stylesheet
    wrapper = soup.new_tag("section", attrs={"class": CHAPTER_CLASS})
    own[0].insert_before(wrapper)
    for child in own:
        wrapper.append(child.extract())
    add_class(wrapper, "ca911-opening")


HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def labels_into_headings(soup) -> None:
    """A label's empty anchor (`<span id="codebook-actors"></span>`) set just before its heading is
    moved into the heading. Beside it, the anchor was the first box of a page the heading opened,
    and the running head (`string(section, start)`: the section in force at the page's top) took
    the section before; inside, the heading is the page's first box and links still land on it."""
    for anchor in soup.select("section > span[id]:empty"):
        if anchor["id"].startswith("document-"):
            continue  # a chapter's anchor: group_chapters keeps it beside its section
        heading = anchor.find_next_sibling()
        if heading is not None and heading.name in HEADINGS:
            heading.insert(0, anchor.extract())
