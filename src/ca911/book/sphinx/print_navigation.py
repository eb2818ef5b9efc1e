"""The print edition's navigation: cross-references that carry their section's number and page, and
an opening page for each part."""

from __future__ import annotations

import copy
import re

from ca911.book.sphinx.print_marks import add_class


def internal_target(href: str | None) -> str | None:
    """The fragment of a link into the single print document ("index.html#x" or "#x"), else None."""
    if not href:
        return None
    page, _, fragment = href.partition("#")
    return fragment if fragment and page in ("", "index.html") else None


def section_heading_of(target):
    """The heading a link target names: the section's heading, or the heading right after a
    label."""
    if target is None:
        return None
    if target.name in ("h1", "h2", "h3", "h4", "h5"):
        return target
    if target.name == "section":
        return target.find(["h1", "h2", "h3", "h4", "h5"], recursive=False)
    if target.name == "span" and not target.get_text(strip=True):
        following = target.find_next_sibling()
        if following is not None and following.name in ("h1", "h2", "h3", "h4", "h5"):
            return following
        if following is not None and following.name == "section":
            return following.find(["h1", "h2", "h3", "h4", "h5"], recursive=False)
    return None


def number_section_references(soup, lang: str | None = None) -> None:
    """On paper a reference to a section carries its number and its page (the stylesheet prints
    both after the link text, with target-counter); a bare section title cannot be looked up. A
    numbered reference to a figure or table ("Fig. 7.2", "表 8.1") carries its page.

    The link text stays as the sentence wrote it: the number and page follow it in brackets
    ("which its notebook (ch. 6, p. 42) rebuilds"), so a reference that stands for a noun still
    reads as one. Inside a parenthesis the brackets are square, as nested brackets are set.
    `lang` is the edition's language (the page body the print build marks has no <html> to say it).
    """
    ids = {tag["id"]: tag for tag in soup.find_all(id=True)}
    lang = lang or _page_language(soup)
    for link in soup.select("a.reference.internal"):
        fragment = internal_target(link.get("href"))
        if fragment is None:
            continue
        heading = section_heading_of(ids.get(fragment))
        if heading is None:
            worded = link.parent is not None and "ca911-worded-link" in (
                link.parent.get("class") or []
            )
            pointing = (worded and POINTING_WORDS.match(link.get_text(" ", strip=True))) or (
                fills_brackets(link) and fragment.startswith(ENTRIES_PAGED_FROM_BRACKETS)
            )
            if fragment in ids and (pointing or link.select_one("span.std-numref") is not None):
                # "see Fig. 7.2" needs the page too; so do the reader's words that only point at a
                # record ("the report", その報道) or stand alone in brackets ("(Ivanov's
                # statement)"), which say nothing on paper without the page (the stylesheet finds
                # the page from a bare fragment only). Words that name what they stand for in
                # the sentence ("Nazarbayev pledged") read whole: a page after them would cut
                # into it.
                link["href"] = f"#{fragment}"
                if link.select_one("span.std-numref") is None:
                    elsewhere = chapter_number(ids[fragment])
                    if elsewhere and elsewhere != chapter_number(link):
                        # a record's entry in another chapter or appendix: the page and where
                        link["data-ca911-number"] = numbered_kind(elsewhere, lang)
                if fills_brackets(link) and POINTING_WORDS.match(words(link)):
                    stand_in_for_the_page(soup, link)
                else:
                    mark_reference(link, lang)
            continue
        # The page is the heading's, not the section's: a section can begin at the foot of one page
        # (its top margin) while its heading, kept with what follows, opens the next.
        if not heading.get("id"):
            heading["id"] = f"{fragment}-heading"
        link["href"] = f"#{heading['id']}"
        number = heading.find("span", class_="section-number")
        number = number.get_text(strip=True).rstrip(".") if number else ""
        # the link's words open with the number already ("12. データモデル"), not with a title's
        # own digits ("2001年9月11日から…" is chapter 2's title: its number still follows)
        if number and not re.match(rf"{re.escape(number)}(?![\d])", link.get_text(" ", strip=True)):
            link["data-ca911-number"] = numbered_kind(number, lang)
        title = heading_title(heading)
        if not fragment.startswith(NAMED_ENTRIES) and not title.isdigit() and title == words(link):
            quote_title(link, lang)
        mark_reference(link, lang)


# A section's title run into a sentence is set off as a title, as a press sets one: "the panels are
# read in “What it shows” (§11.3, p. 78)", 「勝ち馬なき均衡」（§5.7、p. 44）. The reader's own words
# linked to a section ("its notebook") stay as they are, and so does a name linked to its entry
# (an actor's section is headed by its name: "Russia" is a name there, not a title), and a year
# linked to its section of the chronology ("in 2002").
NAMED_ENTRIES = ("actor-", "ev-", "disc-", "fact-")
TITLE_QUOTES = {"en": ("\u201c", "\u201d"), "ja": ("\u300c", "\u300d")}


def words(element) -> str:
    """The element's text with its white space made single spaces."""
    return " ".join(element.get_text().split())


def heading_title(heading) -> str:
    """The words of a heading without its section number and its permalink."""
    title = copy.copy(heading)
    for part in title.select(".section-number, .headerlink"):
        part.decompose()
    return words(title)


# Quotation marks inside a quoted title take the inner form: 「『勝ち馬』なき均衡？」,
# “the ‘winner’”.
INNER_QUOTES = {
    "en": str.maketrans("\u201c\u201d", "\u2018\u2019"),
    "ja": str.maketrans("「」", "『』"),
}


def quote_title(link, lang: str) -> None:
    """The link's words between the edition's title quotes, inside the link; quotation marks
    within them nested."""
    opening, closing = TITLE_QUOTES[lang]
    for text in link.find_all(string=True):
        nested = text.translate(INNER_QUOTES[lang])
        if nested != text:
            text.replace_with(nested)
    link.insert(0, opening)
    link.append(closing)


# The reader's words linked to a record that only point ("the report", "his call", その報道, 同日):
# on paper they carry the page of what they point to.
POINTING_WORDS = re.compile(
    r"^(?:その|この|あの|同[日月年]|こちら|ここ|"
    r"(?:here|there|this|that|these|those|the same|the|his|her|their|its)\b)",
    re.IGNORECASE,
)


# The entries a plain link alone in its bracket is paged to: an event's in the full chronology
# ("(about January 2002)") and a discrepancy's in the register ("(entry d09)"). Not a fact's (its
# link shows its locator, or "ibid.", which say where to read), not an actor's
# (a name in brackets is a gloss) nor a citation's (its target is an id docutils numbers itself,
# which repeats on every page of the single print document).
ENTRIES_PAGED_FROM_BRACKETS = ("ev-", "disc-")


def mark_reference(link, lang: str) -> None:
    """The link prints its target's page after its text (the stylesheet's a.ca911-xref::after)."""
    add_class(link, "ca911-xref")
    if within_brackets(link):
        # inside a parenthesis: square brackets in English; in Japanese, where the link ends the
        # bracket, the page joins it with 、 rather than stack two closing brackets
        # (（齟齬一覧、第16章、p. 116）, not （齟齬一覧（第16章、p. 116））), and elsewhere
        # in it the page takes full-width square brackets (（データモデル［第12章、p. 80］の…）)
        ends = lang == "en" or closes_bracket(link)
        add_class(link, "ca911-xref-nested" if ends else "ca911-xref-inner")
    elif lang == "ja" and link.get_text().rstrip().endswith(("）", ")")):
        # words that end in a bracket of their own (…まで（1992～2004年）): a second round bracket
        # against it would read as one more aside; the page takes square brackets
        add_class(link, "ca911-xref-inner")
    if lang == "en":
        # the word space before the bracket, inside the link: a line may break there, and a
        # line that does starts with the bracket, not with a space
        link.append(" ")


def stand_in_for_the_page(soup, link) -> None:
    """Words alone in a bracket that only point at an entry ("(his call)", （その電話）) give way on
    paper to where the entry is: "(app. A, p. 124)", not "(his call [app. A, p. 124])", which a
    press would not print. The words stay in the page, hidden (the stylesheet's
    span.ca911-pointer-words), so the link keeps its text for the PDF's outline and readers."""
    add_class(link, "ca911-xref")
    add_class(link, "ca911-xref-alone")
    hidden = soup.new_tag("span", attrs={"class": "ca911-pointer-words"})
    for child in list(link.contents):
        hidden.append(child.extract())
    link.append(hidden)


def fills_brackets(link) -> bool:
    """Whether the link's words are all a bracket holds: "(Ivanov's statement)", （その発言）,
    "(entry d09)"."""
    before = bracket_holder(link).previous_sibling
    opens = isinstance(before, str) and before.rstrip().endswith(("(", "（"))
    return opens and closes_bracket(link)


def closes_bracket(link) -> bool:
    """Whether a closing bracket follows the link (or the role's wrapper around it)."""
    after = bracket_holder(link).next_sibling
    return isinstance(after, str) and after.lstrip().startswith((")", "）"))


def bracket_holder(link):
    """What stands beside the brackets: a worded role's wrapper around the link, else the link."""
    return link.parent if "ca911-worded-link" in (link.parent.get("class") or []) else link


def chapter_number(element) -> str | None:
    """The number of the chapter or appendix ("4", "A") an element of the print document sits in:
    that of the nearest section whose heading is numbered without a dot."""
    for section in element.find_parents("section"):
        heading = section.find(["h1", "h2", "h3"], recursive=False)
        number = heading.find("span", class_="section-number") if heading else None
        text = number.get_text(strip=True).rstrip(".") if number else ""
        if text and "." not in text:
            return text
    return None


def within_brackets(link) -> bool:
    """Whether the link stands inside a round bracket its paragraph (or list item, table cell)
    opened before it and has not closed."""
    block = link.find_parent(["p", "li", "td", "th", "dd", "dt", "figcaption", "caption"])
    if block is None:
        return False
    depth = 0
    for text in block.find_all(string=True):
        if text.find_parent("a") is link:
            return depth > 0
        depth += text.count("(") + text.count("（") - text.count(")") - text.count("）")
        depth = max(depth, 0)
    return False


# A section's number as a reference names it: a subsection by §, an appendix (lettered) and a
# chapter by their words in the edition's language.
XREF_KINDS = {
    "en": {"section": "§{n}", "appendix": "app.\u00a0{n}", "chapter": "ch.\u00a0{n}"},
    "ja": {"section": "§{n}", "appendix": "付録{n}", "chapter": "第{n}章"},
}


def numbered_kind(number: str, lang: str = "en") -> str:
    kinds = XREF_KINDS.get(lang, XREF_KINDS["en"])
    kind = "section" if "." in number else "appendix" if number.isalpha() else "chapter"
    return kinds[kind].format(n=number)


def _page_language(soup) -> str:
    html = soup.find("html")
    return (html.get("lang") or "en").split("-")[0] if html is not None else "en"


PART_NAME = re.compile(r"^(Part [IVXLC]+|第\d+部)\s*[—–:：-]?\s*(.+)$")


PART_ID = "ca911-part-{index}"
FRONT_MATTER_CLASS = "ca911-front-matter"


def open_parts(soup, captions: list[str | None]) -> None:
    """Each part of the book opens on a page of its own, with its title as a first-level heading (a
    bookmark of its own in the PDF, labelled with the part's whole caption). The single print
    document keeps a part as a toctree wrapper, in _toc.yml's order; a part without a caption (the
    front matter, see print.part_captions) has no opening page."""
    wrappers = [
        w
        for w in soup.select("div.toctree-wrapper")
        if w.find_parent(class_="toctree-wrapper") is None
    ]
    for index, (wrapper, caption) in enumerate(zip(wrappers, captions)):
        if not caption:
            # its pages stand beside the parts in the PDF's outline, not under the opening page
            add_class(wrapper, FRONT_MATTER_CLASS)
            continue
        opener = soup.new_tag(
            "section", attrs={"class": "ca911-part-opener", "id": PART_ID.format(index=index)}
        )
        match = PART_NAME.match(caption.strip())
        title = soup.new_tag(
            "h1",
            attrs={"class": "ca911-part-title", "data-ca911-bookmark": " ".join(caption.split())},
        )
        title.string = match.group(1) if match else caption.strip()
        opener.append(title)
        if match:
            subtitle = soup.new_tag("p", attrs={"class": "ca911-part-subtitle"})
            subtitle.string = match.group(2)
            opener.append(subtitle)
        wrapper.insert_before(opener)


def link_part_labels(toc: str, captions: list[str | None]) -> str:
    """The printed contents name each part in a label of its own (the caption Sphinx prints above
    the part's chapters), linked to the part's opening page so that it prints that page's number;
    the front matter (no caption here: no opening page) keeps its label, unnumbered."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(toc, "html.parser")
    for index, (label, caption) in enumerate(zip(soup.select("p.caption"), captions)):
        add_class(label, "ca911-part-label")
        text = label.find(class_="caption-text") or label
        if not caption:
            continue
        link = soup.new_tag(
            "a", attrs={"class": "ca911-part-entry", "href": "#" + PART_ID.format(index=index)}
        )
        for child in list(text.children):
            link.append(child.extract())
        text.append(link)
    return str(soup)
