"""The Japanese edition's message catalogs: complete, keeping their messages' markup, and in our own
words (no run of 20 characters shared with the chapters outside quotations)."""

from __future__ import annotations

from pathlib import Path

from ca911.book.catalogs import catalog_problems, catalogs, copied_run, copy_problems, markup_of
from ca911.data.chapters import chapter_ids
from ca911.sources.reader import read_chapter
from support.project import ROOT, needs_sources

# an invented text, not the chapters': the test holds no source sentence
SOURCE = "春の長雨のあと川の水位が上がり、村の人々は堤防の補強を急いで進めることにした。"

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "On {event}`ch3-x` Putin called ({fact}`ch3-f`, `ch3 §2 ¶1`)."
msgstr "{event}`ch3-x`にプーチンが電話した（{fact}`ch3-f`、`ch3 §2 ¶1`）。"

msgid "See {numref}`fig-a`."
msgstr "{numref}`fig-b`を参照。"

msgid "Untranslated."
msgstr ""

msgid "**Data.** Every fact."
msgstr "**データ。**すべての事実。"

#, fuzzy
msgid "Fuzzy."
msgstr "あいまい。"
"""


def test_markup_is_roles_targets_code_and_links():
    assert markup_of("{event}`Georgia <ch3-x>` at `ch3 §1` [a](b.html)") == markup_of(
        "{event}`グルジア <ch3-x>`、`ch3 §1`の[ア](b.html)"
    )
    assert markup_of("{event}`ch3-x`") != markup_of("{event}`ch3-y`")


def test_a_citation_keeps_its_key_and_translates_its_notes():
    original = "{cite:t}`YuasaNDkazuzb{§4.1, Table 1}`"
    assert markup_of(original) == markup_of("{cite:t}`YuasaNDkazuzb{§4.1, 表1}`")
    assert markup_of(original) != markup_of("{cite:t}`MatsuiNDusrus{§4.1, 表1}`")


def test_each_kind_of_incomplete_entry_is_named(tmp_path):
    po = tmp_path / "page.po"
    po.write_text(PO, encoding="utf-8")
    rules = [(p.rule, p.message.split(" | ")[-1]) for p in catalog_problems(po)]
    assert rules == [
        ("markup differs", "See {numref}`fig-a`."),
        ("untranslated", "Untranslated."),
        ("emphasis left open", "**データ。**すべての事実。"),
        ("fuzzy", "Fuzzy."),
    ]


def test_a_run_of_the_chapters_is_caught_outside_quotations():
    assert copied_run("x", "だから村の人々は堤防の補強を急いで進めることにした。", SOURCE)
    assert copied_run("x", "雨が続いたので住民は土手を強くした。", SOURCE) is None
    quoted = "「村の人々は堤防の補強を急いで進めることにした」"
    assert copied_run(f"he wrote {quoted}", f"彼は{quoted}と書いた。", SOURCE) is None
    assert copied_run("he wrote", f"彼は{quoted}と書いた。", SOURCE)  # not quoted by the message
    printed = "村の人々は堤防の補強を急いで進めることにした"
    assert copied_run(f"Title as printed: {printed}", f"原題：{printed}", SOURCE) is None


def test_committed_catalogs_are_complete_and_keep_their_markup():
    problems = [str(p) for path in catalogs(ROOT) for p in catalog_problems(path)]
    assert catalogs(ROOT), "no catalogs under locales/ja/LC_MESSAGES"
    assert problems == []


@needs_sources
def test_committed_catalogs_share_no_run_with_the_chapters():
    chapters = "\n".join(read_chapter(c).text for c in chapter_ids())
    problems = [str(p) for path in catalogs(ROOT) for p in copy_problems(path, chapters)]
    assert problems == []


def test_the_checker_reads_every_page_catalog():
    pages = {p.relative_to(ROOT / "locales/ja/LC_MESSAGES").with_suffix("") for p in catalogs(ROOT)}
    assert Path("chapters/us_russia_central_asia") in pages
    assert not any(p.parts[0] == "_generated" for p in pages)
