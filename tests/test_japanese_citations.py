"""Citations of the Japanese edition: with Sphinx's `language = "ja"` the same cite roles and
references.bib give 松井（n.d.） and （湯浅 n.d., §4.1）, and a reference list in the Japanese way
(松井弘明（n.d.）「米ロ関係と中央アジア」（…）。); the English edition keeps its Chicago form."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from ca911.book.sphinx.bibstyle import japanese_family_names
from support.project import ROOT

pytest_plugins = ("sphinx.testing.fixtures",)

CONF = """\
extensions = ["myst_parser", "sphinxcontrib.bibtex", "ca911.book.sphinx.bibstyle"]
bibtex_bibfiles = ["references.bib"]
bibtex_reference_style = "ca911_author_year"
bibtex_default_style = "ca911_author_date"
root_doc = "index"
source_suffix = {".md": "markdown"}
"""
PAGE = """# Citations

As {cite:t}`MatsuiNDusrussia` writes, and as chapter 4 has it {cite:p}`YuasaNDkazuzb{§4.1}`.

```{bibliography}
```
"""


def cited_book(tmp_path: Path) -> Path:
    src = tmp_path / "book"
    src.mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    shutil.copy(ROOT / "references.bib", src / "references.bib")
    return src


def page_text(app) -> str:
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    body = page[page.find("<h1") : page.find("</main>") if "</main>" in page else None]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", body)))


def test_the_japanese_edition_cites_in_the_japanese_author_year_form(make_app, tmp_path):
    app = make_app("html", srcdir=cited_book(tmp_path), confoverrides={"language": "ja"})
    app.build()
    text = page_text(app)
    assert "松井（n.d.）" in text and "（湯浅 n.d., §4.1）" in text, text
    assert "Matsui (n.d.)" not in text and "Yuasa n.d." not in text
    # the list: the name as printed, the year in brackets, the title in 「」, the description
    assert "松井弘明（n.d.）「米ロ関係と中央アジア」（章が名を挙げない報告書の第3章" in text, text
    assert "湯浅剛（n.d.）「カザフスタン、ウズベキスタンの対外政策" in text
    # what the English entry says is unknown stays unknown in Japanese: no title, year or pages
    assert "報告書名、発行者、刊行年、ページは不明" in text
    assert "Chapter 3 of a report" not in text


def test_the_english_edition_keeps_its_chicago_form_after_a_japanese_build(make_app, tmp_path):
    japanese = make_app(
        "html", srcdir=cited_book(tmp_path / "ja"), confoverrides={"language": "ja"}
    )
    japanese.build()
    app = make_app("html", srcdir=cited_book(tmp_path / "en"))
    app.build()
    text = page_text(app)
    assert "Matsui (n.d.)" in text and "(Yuasa n.d., §4.1)" in text, text
    assert "Matsui, Hiroaki (松井弘明). n.d. Bei-Ro kankei to Chūō Ajia" in text
    assert "松井（n.d.）" not in text


def test_japanese_family_names_come_from_the_bib_file_only():
    names = japanese_family_names((ROOT / "references.bib").read_text(encoding="utf-8"))
    assert names["Matsui"] == "松井" and names["Yuasa"] == "湯浅" and names["Iwashita"] == "岩下"
    # a body keeps its whole name; one the chapter prints only in Latin letters ("REF/RL") keeps
    # its Latin name as its Japanese form, as the bib file gives it
    assert names["Izvestia"] == "イズヴェスチヤ"
    assert names["Radio Free Europe/Radio Liberty"] == "Radio Free Europe/Radio Liberty"
    broken = "@misc{X, author = {Tanaka, Taro}, author_ja = {田中太郎}, year = {n.d.}, title = {T}}"
    assert japanese_family_names(broken) == {}  # a person's family name is never guessed


def test_a_citation_of_either_edition_names_both():
    from ca911.book.citation_page import EDITIONS_NOTE, citation_markdown

    for lang in ("en", "ja"):
        page = citation_markdown(lang=lang)
        bibtex = page.split("```{code-block} bibtex", 1)[1].split("```", 1)[0]
        bibtex = " ".join(bibtex.split())  # the note is set on lines within the measure
        assert EDITIONS_NOTE in bibtex and "English" in bibtex and "日本語版" in bibtex, lang
    assert "英語版と日本語版" in citation_markdown(lang="ja")


def test_no_english_reference_repeats_its_name_in_brackets():
    """A name's Japanese form is bracketed after it only when it differs (a body printed only in
    Latin letters keeps its name as its Japanese form: "Radio Free Europe/Radio Liberty")."""
    import re

    from pybtex.database import parse_file

    from ca911.book.sphinx import bibstyle

    bibstyle.register()
    entries = parse_file(str(ROOT / "references.bib")).entries.values()
    texts = [e.text.render_as("text") for e in bibstyle.AuthorDateStyle().format_entries(entries)]
    assert any("(松井弘明)" in t for t in texts)  # a different Japanese form is kept
    repeated = [t[:80] for t in texts if re.match(r"^(.+?) \(\1\)", t)]
    assert repeated == []
