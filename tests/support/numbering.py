"""Checkers for figure and table numbers as a reader meets them: every figure and table captioned,
numbered by chapter in the numbered parts ("Table 6.1"), by letter in the appendices ("Table B.2"),
not at all on the landing page, in the front matter and on pages of their own inside an appendix
(the actor pages); and no number given twice in the book.

A numbered figure or table is also named by its number in its own chapter's running text (a link to
it outside every caption), as a press asks of a chapter's floats (`unmentioned_floats`): a reader
meets "Table 8.3" in a sentence before looking for it. Reference pages, whose tables are each the
whole of a section a reader finds by its heading (the codebook, the glossary), are left out by the
caller.

`page_numbering` reads the book's `_toc.yml`; the checkers are plain functions of a page's HTML, so
`tests/support/test_numbering.py` shows each fails on a small broken page.
"""

from __future__ import annotations

import re
from collections import defaultdict

from bs4 import BeautifulSoup

from support.editions import resolve_href

# "Table 6.1", "Fig. B.2"; in the Japanese edition "表 6.1", "図 B.2"
KIND = r"(?:Table|Fig\.|表|図)"
STYLES = {
    "chapter": re.compile(rf"^{KIND} ?\d+\.\d+ \S"),
    "appendix": re.compile(rf"^{KIND} ?[A-Z]{{1,2}}\.\d+ \S"),
}
ANY_NUMBER = re.compile(rf"^{KIND} ?[A-Z0-9]+(?:\.\d+)*(?:\s|$)")


def page_numbering(toc: dict, appendix_caption: str = "Appendices") -> dict[str, str]:
    """Page (as in _toc.yml, without suffix) → "chapter", "appendix" or "none": how its captions are
    numbered."""

    def below(entry) -> list[str]:
        pages = []
        for section in entry.get("sections", []):
            if "file" in section:
                pages += [section["file"], *below(section)]
        return pages

    styles = {toc["root"]: "none"}
    for part in toc.get("parts", []):
        appendix = part.get("caption") == appendix_caption
        for chapter in part.get("chapters", []):
            style = "chapter" if part.get("numbered") else "appendix" if appendix else "none"
            styles[chapter["file"]] = style
            for page in below(chapter):
                styles[page] = style if style == "chapter" else "none"
    return styles


def _article(page_html: str):
    soup = BeautifulSoup(page_html, "html.parser")
    return soup.find("article") or soup.find("main") or soup.body or soup


def captions(page_html: str) -> list[tuple[str, str]]:
    """(kind, caption text) of every figure and every Sphinx table of the page's article;
    interactive tables (itables, captioned by DataTables, not numbered by Sphinx) and tables inside
    tables are left out."""
    found = []
    article = _article(page_html)
    for table in article.find_all("table"):
        output = table.find_parent("div", class_="text_html")
        if table.find_parent("table") or (
            output and "dt_bundle" in " ".join(map(str, output.find_all("script")))
        ):
            continue
        caption = table.find("caption")
        found.append(("table", " ".join(caption.get_text(" ").split()) if caption else ""))
    for fig in article.find_all("figure"):
        caption = fig.find("figcaption")
        found.append(("figure", " ".join(caption.get_text(" ").split()) if caption else ""))
    return found


def caption_problems(page_html: str, style: str) -> list[str]:
    """Figures and tables without a caption, or numbered otherwise than the page's `style` asks."""
    problems = []
    for kind, text in captions(page_html):
        if not ANY_NUMBER.sub("", text).split():
            problems.append(f"{kind} without a caption: {text!r}")
        elif style in STYLES and not STYLES[style].match(text):
            problems.append(
                f"{kind} not numbered as a{'n' if style == 'appendix' else ''} {style}'s: "
                f"{text[:80]!r}"
            )
        elif style == "none" and ANY_NUMBER.match(text):
            problems.append(
                f"{kind} numbered on a page whose figures and tables carry no number: {text[:80]!r}"
            )
    return problems


def numbers_given_twice(pages: dict[str, str]) -> list[str]:
    """Numbers ("Table 6.1") that caption more than one figure or table across the pages (path →
    HTML)."""
    where = defaultdict(list)
    for path, page_html in pages.items():
        for _kind, text in captions(page_html):
            if m := ANY_NUMBER.match(text):
                where[m.group(0).strip()].append(path)
    return [
        f"{number}: {', '.join(paths)}" for number, paths in sorted(where.items()) if len(paths) > 1
    ]


def _numbered_floats(article) -> dict[str, str]:
    """Id → number ("Table 8.3") of every numbered figure and Sphinx table of an article."""
    floats = {}
    for element in article.find_all(["table", "figure"]):
        caption = element.find("caption" if element.name == "table" else "figcaption")
        if caption is None or element.find_parent("table") or not element.get("id"):
            continue
        if m := ANY_NUMBER.match(" ".join(caption.get_text(" ").split())):
            floats[element["id"]] = m.group(0).strip()
    return floats


def _mentions(path: str, article) -> set[tuple[str, str]]:
    """(page, id) of every target a link of the running text points at: links inside captions
    (a caption naming another figure) and the pilcrow links of headings and captions are not
    the text's own mention."""
    found = set()
    for link in article.find_all("a", href=True):
        if "headerlink" in (link.get("class") or []) or link.find_parent(["caption", "figcaption"]):
            continue
        target, _, fragment = link["href"].partition("#")
        if fragment:
            found.add((resolve_href(path, target) if target else path, fragment))
    return found


def unmentioned_floats(pages: dict[str, str]) -> list[str]:
    """Numbered figures and tables of the pages (path → HTML) that no link of their own page's
    running text names, as "path: Table 8.3 (#id)": a float named only from another chapter is
    met there by a reader who has not yet reached it, and not where it stands."""
    found = []
    for path, page_html in sorted(pages.items()):
        article = _article(page_html)
        mentioned = _mentions(path, article)
        found += [
            f"{path}: {number} (#{name})"
            for name, number in sorted(_numbered_floats(article).items())
            if (path, name) not in mentioned
        ]
    return found
