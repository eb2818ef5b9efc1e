"""The outline checker of tests/support/print_outline.py on outlines written out by hand: the book's
plan passes; front matter nested under the opening page, a chapter outside its part, two parts'
chapters under one entry and a missing page are each caught."""

from __future__ import annotations

from support.print_outline import misplaced
from support.print_sections import Heading

FRONT = ["About this volume", "How to read this book"]
PARTS = [["1. The United States", "2. Day by day"], ["3. Kazakhstan"]]


def outline(*entries: tuple[int, str]) -> list[Heading]:
    return [Heading(level, title, page, 0.0) for page, (level, title) in enumerate(entries, 1)]


def test_the_books_plan_passes():
    marks = outline(
        (1, "Contents"),
        (1, "Two chapters, rebuilt"),
        (2, "What is in the book"),
        (1, "About this volume"),
        (2, "Who it is for"),
        (1, "How to read this book"),
        (1, "Part I — Companion to chapter 3"),
        (2, "1. The United States"),
        (3, "1.1. Before 9/11"),
        (2, "2. Day by day"),
        (1, "Part II — Companion to chapter 4"),
        (2, "3. Kazakhstan"),
    )
    assert misplaced(marks, FRONT, PARTS) == []


def test_front_matter_under_the_opening_page_is_caught():
    marks = outline(
        (1, "Two chapters, rebuilt"),
        (2, "About this volume"),
        (2, "How to read this book"),
        (1, "Part I"),
        (2, "1. The United States"),
        (2, "2. Day by day"),
        (1, "Part II"),
        (2, "3. Kazakhstan"),
    )
    assert misplaced(marks, FRONT, PARTS) == [
        "'About this volume': at level 2, not 1",
        "'How to read this book': at level 2, not 1",
    ]


def test_chapters_out_of_their_part_are_caught():
    flat = outline(
        (1, "About this volume"),
        (1, "How to read this book"),
        (1, "1. The United States"),
        (1, "Part I"),
        (2, "2. Day by day"),
        (2, "3. Kazakhstan"),
    )
    assert misplaced(flat, FRONT, PARTS) == [
        "'1. The United States': at level 1, not 2",
        "'3. Kazakhstan'…: under the same entry as another part's chapters",
    ]
    under_front = outline(
        (1, "About this volume"),
        (1, "How to read this book"),
        (2, "1. The United States"),
        (2, "2. Day by day"),
    )
    faults = misplaced(under_front, FRONT, PARTS)
    assert "'1. The United States'…: under the front-matter page 'How to read this book'" in faults
    assert "'3. Kazakhstan': no bookmark" in faults
