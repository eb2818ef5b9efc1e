"""The PDF's outline (its bookmarks) in the book's own order: the front matter's pages and the
parts at the first level, each chapter under its part. A front-matter page bookmarked as an entry
under the opening page before it reads, in a PDF viewer's side panel, as a section of that page.

The titles come from the edition's HTML pages (their first heading) and _toc_print.yml (which
pages are front matter, which chapters make a part)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from support.print_sections import Heading


def squash(text: str) -> str:
    """A title without its section number, spaces or width differences ("1. The United States" and
    "The United States" compare equal)."""
    text = unicodedata.normalize("NFKC", text).replace("¶", "").replace("#", "")
    text = re.sub(r"^\s*(?:[A-Z]|\d+)(?:\.\d+)*\.\s+", "", text)
    return re.sub(r"\s+", "", text)


def page_title(html: Path) -> str:
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return soup.find("h1").get_text(" ", strip=True)


def book_plan(
    toc_file: Path, html_dir: Path
) -> tuple[list[str], list[tuple[str | None, list[str]]]]:
    """(front-matter titles, [(part caption, chapter titles)]) of the print edition's contents; the
    caption is the English one, the chapters' titles the edition's."""
    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    front, parts = [], []
    for part in toc["parts"]:
        titles = [page_title(html_dir / f"{chapter['file']}.html") for chapter in part["chapters"]]
        if part["caption"] == "Front matter":
            front += titles
        else:
            parts.append((part["caption"], titles))
    return front, parts


def misplaced(
    marks: list[Heading], front: list[str], chapters_by_part: list[list[str]]
) -> list[str]:
    """Outline entries not where the book's plan puts them: a front-matter page's title not at the
    first level, a chapter not at the second level under a first-level entry of its part's own,
    or a page of either kind missing from the outline."""
    faults = []
    by_title: dict[str, list[int]] = {}
    for index, mark in enumerate(marks):
        by_title.setdefault(squash(mark.title), []).append(index)

    def found(title: str) -> int | None:
        indices = by_title.get(squash(title))
        return indices[0] if indices else None

    for title in front:
        index = found(title)
        if index is None:
            faults.append(f"{title!r}: no bookmark")
        elif marks[index].level != 1:
            faults.append(f"{title!r}: at level {marks[index].level}, not 1")
    parts_seen: set[int] = set()
    for chapters in chapters_by_part:
        parents = set()
        for title in chapters:
            index = found(title)
            if index is None:
                faults.append(f"{title!r}: no bookmark")
                continue
            if marks[index].level != 2:
                faults.append(f"{title!r}: at level {marks[index].level}, not 2")
                continue
            parent = next(i for i in range(index - 1, -1, -1) if marks[i].level == 1)
            parents.add(parent)
        if len(parents) > 1:
            faults.append(
                f"{chapters[0]!r}…: its chapters under {len(parents)} first-level entries"
            )
        if parents & parts_seen:
            faults.append(f"{chapters[0]!r}…: under the same entry as another part's chapters")
        parts_seen |= parents
        for parent in parents:
            if squash(marks[parent].title) in {squash(t) for t in front}:
                faults.append(
                    f"{chapters[0]!r}…: under the front-matter page {marks[parent].title!r}"
                )
    return faults
