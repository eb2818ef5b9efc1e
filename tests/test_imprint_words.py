"""The imprint's line on how the book was built reads in its edition's language in every state of
the checkout it was built from (a commit, a commit with changes not yet committed, no git at all):
a state seen only on a maintainer's machine is still printed in the book."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from ca911.book.sphinx.imprint import IMPRINT_WORDS, Commit, print_front_matter
from support.project import ROOT

CFF = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
NAMES = {"git"}  # a tool's name, which Japanese prints in its own letters


def built_line(lang: str, commit: Commit | None) -> str:
    """The imprint's paragraph that names the commit, its code spans left out."""
    soup = BeautifulSoup(
        print_front_matter("T", "A", "0.1.0", "", CFF, commit, "2026-12-07", lang=lang),
        "html.parser",
    )
    for code in soup.select("code"):
        code.replace_with("0")
    line = next(p for p in soup.select("p") if p.find("b") and "0.1.0" in p.get_text())
    return line.get_text("")


@pytest.mark.parametrize(
    "commit", [Commit("0123456789ab", False), Commit("0123456789ab", True), None]
)
def test_the_japanese_imprint_says_how_the_book_was_built_in_japanese(commit):
    line = built_line("ja", commit)
    assert [w for w in LATIN_WORD.findall(line) if w not in NAMES] == [], line


def test_a_build_with_uncommitted_changes_says_so_in_both_editions():
    for lang in ("en", "ja"):
        clean = built_line(lang, Commit("0123456789ab", False))
        assert built_line(lang, Commit("0123456789ab", True)) != clean


def test_both_editions_word_every_part_of_the_imprint():
    assert set(IMPRINT_WORDS["ja"]) == set(IMPRINT_WORDS["en"])
