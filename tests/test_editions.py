"""The two editions from one source: the Japanese configuration derived from _config.yml, the mirror
of the sources it is built from, the completeness gate on its catalogs, and the built site (every
page in both editions, hreflang both ways, the visible switch, `<html lang>`, each one's search).
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml

from ca911.book import editions
from support import editions as site_checks
from support.project import EDITIONS, HTML, ROOT

# --- the Japanese edition's configuration and sources --------------------------------------------


def test_the_japanese_configuration_is_derived_from_the_english_one():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    ja = editions.edition_config(config, "ja", Path("/cache"))
    assert ja["sphinx"]["config"]["language"] == "ja"
    assert ja["title"] == editions.EDITIONS["ja"].title != config["title"]
    assert ja["execute"]["cache"] == "/cache"
    assert ja["author"] == editions.BOOK_WORDS_JA["author"] != config["author"]
    assert ja["copyright"] == editions.BOOK_WORDS_JA["copyright"]
    assert ja["html"].pop("extra_footer") == editions.BOOK_WORDS_JA["extra_footer"]
    config["html"].pop("extra_footer")
    # everything else is the English configuration's
    for key in ("title", "execute", "sphinx", "author", "copyright"):
        ja.pop(key), config.pop(key)
    assert ja == config
    assert editions.edition_config(config, "en") == config


def test_the_mirror_follows_the_sources_and_keeps_what_its_build_writes(tmp_path):
    root, mirror = tmp_path / "book", tmp_path / "mirror"
    (root / "chapters").mkdir(parents=True)
    (root / "chapters" / "a.md").write_text("# A\n", encoding="utf-8")
    (root / "_config.yml").write_text("title: Book\n", encoding="utf-8")
    (root / "_build").mkdir()
    (root / "_build" / "stale.html").write_text("x", encoding="utf-8")
    (root / "tests").mkdir()
    (root / "tests" / "test_a.py").write_text("", encoding="utf-8")
    assert sorted(editions.mirror_sources(root, mirror)) == ["_config.yml", "chapters/a.md"]
    assert not (mirror / "_build").exists() and not (mirror / "tests").exists()
    (mirror / "_generated").mkdir()
    (mirror / "_generated" / "page.md").write_text("made by the build", encoding="utf-8")
    assert editions.mirror_sources(root, mirror) == [], "an unchanged file is not copied again"
    (root / "chapters" / "a.md").unlink()
    (root / "chapters" / "b.md").write_text("# B\n", encoding="utf-8")
    assert sorted(editions.mirror_sources(root, mirror)) == ["chapters/a.md", "chapters/b.md"]
    assert not (mirror / "chapters" / "a.md").exists() and (mirror / "chapters" / "b.md").exists()
    assert (mirror / "_generated" / "page.md").is_file()


def test_the_edition_sources_carry_the_derived_configuration(tmp_path):
    root = tmp_path / "book"
    root.mkdir()
    (root / "_config.yml").write_text(
        "title: Book\nexecute:\n  cache: _build/.jupyter_cache\n", encoding="utf-8"
    )
    (root / "index.md").write_text("# Book\n", encoding="utf-8")
    path = editions.write_edition_sources(root, "ja", tmp_path / "ja")
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert config["sphinx"]["config"]["language"] == "ja"
    # one execution cache for both editions, wherever the mirror is
    assert config["execute"]["cache"] == str(root.resolve() / "_build" / ".jupyter_cache")
    assert (tmp_path / "ja" / "index.md").is_file()


def test_the_edition_letters_the_appendices_under_their_translated_caption(tmp_path):
    root = tmp_path / "book"
    (root / "locales" / "ja" / "LC_MESSAGES").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Book\n", encoding="utf-8")
    (root / "_toc.yml").write_text(
        "root: index\nparts:\n  - caption: Appendices\n    chapters:\n      - file: a\n",
        encoding="utf-8",
    )
    (root / "locales" / "ja" / "LC_MESSAGES" / "index.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Appendices"\nmsgstr "付録"\n',
        encoding="utf-8",
    )
    path = editions.write_edition_sources(root, "ja", tmp_path / "ja")
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    toc = yaml.safe_load((tmp_path / "ja" / "_toc.yml").read_text(encoding="utf-8"))
    assert toc["parts"][0]["caption"] == "付録"
    assert config["sphinx"]["config"]["ca911_appendix_caption"] == "付録"


# --- the completeness gate -----------------------------------------------------------------------

PAGE = """\
Translated paragraph.

Fuzzy paragraph.

Missing paragraph that nobody has translated yet.

```{only} html
Paragraph with an empty translation.
```
"""
# text a generated page shows is written in the edition's language from the data: no catalog
INCLUDED = """
```{include} _generated/part.md
```
"""
GENERATED = "Text made from the data.\n\n![A figure's alt text made from the data](x.svg)\n"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n'
CATALOG = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Translated paragraph."
msgstr "翻訳された段落。"

#, fuzzy
msgid "Fuzzy paragraph."
msgstr "あいまいな段落。"

msgid "Paragraph with an empty translation."
msgstr ""
"""


def build_small_book(tmp_path: Path, language: str, monkeypatch, allow: bool) -> str:
    from io import StringIO

    from support.sphinx_state import build_html

    src = tmp_path / "src"
    (src / "locales" / "ja" / "LC_MESSAGES").mkdir(parents=True)
    (src / "conf.py").write_text(
        textwrap.dedent(
            f"""
            extensions = ["myst_parser", "ca911.book.sphinx.i18n"]
            language = {language!r}
            exclude_patterns = ["_generated"]
            """
        ),
        encoding="utf-8",
    )
    (src / "index.md").write_text("# Title\n\n" + PAGE + INCLUDED, encoding="utf-8")
    (src / "_generated").mkdir()
    (src / "_generated" / "part.md").write_text(GENERATED, encoding="utf-8")
    (src / "_generated" / "x.svg").write_text(SVG, encoding="utf-8")
    (src / "locales" / "ja" / "LC_MESSAGES" / "index.po").write_text(CATALOG, encoding="utf-8")
    if allow:
        monkeypatch.setenv("CA911_ALLOW_UNTRANSLATED", "1")
    else:
        monkeypatch.delenv("CA911_ALLOW_UNTRANSLATED", raising=False)
    status, warnings = StringIO(), StringIO()
    build_html(src, tmp_path, status, warnings)
    return warnings.getvalue() + "\n---\n" + status.getvalue()


def test_an_untranslated_message_is_a_warning_naming_page_line_and_message(tmp_path, monkeypatch):
    warnings, _ = build_small_book(tmp_path, "ja", monkeypatch, allow=False).split("\n---\n")
    untranslated = [w for w in warnings.splitlines() if "untranslated message" in w]
    starts = sorted(re.search(r"'(.*)'", w).group(1) for w in untranslated)
    # the title has no entry either; the translated one passes
    assert starts == [
        "Fuzzy paragraph.",
        "Missing paragraph that nobody has translated yet.",
        "Paragraph with an empty translation.",
        "Title",
    ]
    missing = next(w for w in untranslated if "Missing" in w)
    assert "index.md:7" in missing and "in index" in missing and "WARNING" in missing


def test_the_switch_turns_the_warnings_into_a_log_line(tmp_path, monkeypatch):
    warnings, status = build_small_book(tmp_path, "ja", monkeypatch, allow=True).split("\n---\n")
    assert "untranslated" not in warnings
    assert "index: 4 untranslated message(s) (CA911_ALLOW_UNTRANSLATED=1)" in status


def test_the_english_edition_needs_no_catalog(tmp_path, monkeypatch):
    warnings, _ = build_small_book(tmp_path, "en", monkeypatch, allow=False).split("\n---\n")
    assert "untranslated" not in warnings


# --- the built site ------------------------------------------------------------------------------

needs_site = pytest.mark.skipif(
    not (EDITIONS["ja"].html / "index.html").is_file(), reason="the book is not built"
)


def synthetic_site(root: Path, pages: dict[str, str]) -> Path:
    for rel, text in pages.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def page(lang: str, en: str, ja: str, switch: str, label: str | None = None) -> str:
    label = label or editions.EDITIONS[lang].other_edition_label
    other = "ja" if lang == "en" else "en"
    return (
        f'<html lang="{lang}"><head><link rel="alternate" hreflang="en" href="{en}" />'
        f'<link rel="alternate" hreflang="ja" href="{ja}" /></head><body>'
        f'<a class="btn ca911-edition-switch" href="{switch}" hreflang="{other}">{label}</a>'
        "</body></html>"
    )


GOOD_SITE = {
    "index.html": page("en", "index.html", "ja/index.html", "ja/index.html"),
    "a/b.html": page("en", "b.html", "../ja/a/b.html", "../ja/a/b.html"),
    "ja/index.html": page("ja", "../index.html", "index.html", "../index.html"),
    "ja/a/b.html": page("ja", "../../a/b.html", "b.html", "../../a/b.html"),
}


def test_the_site_checks_pass_a_good_site_and_name_each_broken_one(tmp_path):
    good = synthetic_site(tmp_path / "good", GOOD_SITE)
    checks = (
        site_checks.counterpart_problems,
        site_checks.hreflang_problems,
        site_checks.language_problems,
        site_checks.switch_problems,
    )
    assert [p for check in checks for p in check(good)] == []
    lonely = synthetic_site(tmp_path / "lonely", {**GOOD_SITE, "c.html": GOOD_SITE["index.html"]})
    assert site_checks.counterpart_problems(lonely) == ["c.html: no ja page"]
    wrong_target = synthetic_site(
        tmp_path / "wrong",
        {**GOOD_SITE, "a/b.html": page("en", "b.html", "../ja/index.html", "../ja/a/b.html")},
    )
    assert (
        "a/b.html: hreflang=ja leads to ja/index.html, not ja/a/b.html"
        in site_checks.hreflang_problems(wrong_target)
    )
    one_way = synthetic_site(
        tmp_path / "one-way",
        {**GOOD_SITE, "ja/a/b.html": page("ja", "../../index.html", "b.html", "../../a/b.html")},
    )
    assert (
        "ja/a/b.html: does not name a/b.html back (hreflang=en)"
        in site_checks.hreflang_problems(one_way)
    )
    english_lang = synthetic_site(
        tmp_path / "lang",
        {
            **GOOD_SITE,
            "ja/index.html": GOOD_SITE["ja/index.html"].replace(
                '<html lang="ja">', '<html lang="en">'
            ),
        },
    )
    assert site_checks.language_problems(english_lang) == [
        "ja/index.html: <html lang='en'>, not 'ja'"
    ]
    no_switch = synthetic_site(
        tmp_path / "switch",
        {**GOOD_SITE, "index.html": page("en", "index.html", "ja/index.html", "index.html")},
    )
    assert site_checks.switch_problems(no_switch) == [
        "index.html: no visible link to ja/index.html (ja)"
    ]


@needs_site
def test_every_page_is_in_both_editions():
    assert len(site_checks.edition_pages(HTML, "ja")) > 50
    assert site_checks.counterpart_problems(HTML) == []


@needs_site
def test_every_page_names_its_counterpart_with_hreflang_both_ways():
    assert site_checks.hreflang_problems(HTML) == []


@needs_site
def test_each_edition_declares_its_language():
    assert site_checks.language_problems(HTML) == []


@needs_site
def test_every_page_links_visibly_to_the_other_edition():
    assert site_checks.switch_problems(HTML) == []


def search_terms(html_dir: Path) -> dict:
    text = (html_dir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])["terms"]


@needs_site
def test_each_edition_is_searched_in_its_own_language():
    """Sphinx's Japanese splitter indexes Japanese words (a country's name from the data); the
    English index still finds English words."""
    ja_terms, en_terms = search_terms(EDITIONS["ja"].html), search_terms(EDITIONS["en"].html)
    assert "カザフスタン" in ja_terms
    assert "kazakhstan" in en_terms


def test_the_japanese_contents_name_each_part_from_the_root_catalog():
    """Part captions come from the toc file, which Sphinx reads after the catalogs are applied: the
    edition's toc is written with each caption translated, and a caption without one stops it."""
    from ca911.book.editions import _root_catalog, edition_toc

    toc = {"root": "index", "parts": [{"caption": "Appendices", "chapters": [{"file": "a"}]}]}
    assert edition_toc(toc, "ja", {"Appendices": "付録"})["parts"][0]["caption"] == "付録"
    assert edition_toc(toc, "en", {})["parts"][0]["caption"] == "Appendices"
    with pytest.raises(ValueError, match="Appendices"):
        edition_toc(toc, "ja", {})
    real = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    captions = [p["caption"] for p in edition_toc(real, "ja", _root_catalog(ROOT, "ja"))["parts"]]
    assert all(not any("a" <= c.lower() <= "z" for c in caption) for caption in captions)


def test_data_made_text_keeps_its_inline_spans():
    """Generated text is marked untranslatable paragraph by paragraph, never on its inline nodes:
    Sphinx's RemoveTranslatableInline unwraps any inline carrying the attribute, which stripped the
    `lang="en"` span of the {english} role and the classes of the record roles."""
    from docutils import nodes
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    from ca911.book.sphinx.i18n import DataMadeTextIsNotTranslated

    document = new_document("page.md", get_default_settings(Parser))
    span = nodes.inline("", "Kunanbaev, Abai", classes=["language-en"])
    paragraph = nodes.paragraph("", "", span)
    paragraph.source = "/book/_generated/glossary.md"
    document += paragraph
    transform = DataMadeTextIsNotTranslated(document)
    transform.apply()
    assert paragraph["translatable"] is False
    assert "translatable" not in span
