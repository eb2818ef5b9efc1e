"""Code in the HTML edition is set in a monospaced face without ligatures, and its Japanese text is
drawn from a font that has the glyphs (CITATION.cff's names showed as empty boxes)."""

from __future__ import annotations

import pytest

from support.project import each_edition, edition_html_files

pytestmark = pytest.mark.book

CITE_PAGE = "appendices/how_to_cite.html"


def platform_fonts(page, selector: str) -> dict[str, int]:
    """The fonts Chromium actually drew the text of the matching elements with, and how many glyphs
    each."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    fonts: dict[str, int] = {}
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
        for entry in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            fonts[entry["familyName"]] = fonts.get(entry["familyName"], 0) + entry["glyphCount"]
    return fonts


def test_code_font_stack_has_a_monospace_and_a_japanese_face(visit):
    page = visit(CITE_PAGE).page
    styles = page.eval_on_selector_all(
        "pre, code",
        "els => els.map(e => [e.tagName, getComputedStyle(e).fontFamily, "
        "getComputedStyle(e).fontVariantLigatures])",
    )
    assert styles, "the page shows CITATION.cff in a code block"
    for tag, family, ligatures in styles:
        # the dash face covers U+2015 alone, so the code face proper is the first after it
        code_face = family.removeprefix('"ca911 Japanese dashes", ')
        assert code_face.startswith('"DejaVu Sans Mono"') and "IPAexGothic" in code_face, (
            tag,
            family,
        )
        assert ligatures == "none", (tag, ligatures)


def test_japanese_in_code_is_drawn_with_the_japanese_font(visit):
    page = visit(CITE_PAGE).page
    index = page.eval_on_selector_all(
        "pre", "els => els.findIndex(e => /[\\u3040-\\u30ff\\u4e00-\\u9fff]/.test(e.textContent))"
    )
    assert index >= 0, "CITATION.cff's Japanese names are on the page"
    page.eval_on_selector_all("pre", f"els => els[{index}].id = 'ca911-japanese-code'")
    fonts = platform_fonts(page, "#ca911-japanese-code, #ca911-japanese-code *")
    assert fonts.get("IPAexGothic", 0) > 0, fonts
    assert fonts.get("DejaVu Sans Mono", 0) > 0, fonts


def uncovered(texts: dict[str, str], cmap: set[int]) -> list[str]:
    from ca911.book.sphinx.fonts import japanese_code_points

    return [
        f"{name}: {chr(cp)} (U+{cp:04X})"
        for name, text in texts.items()
        for cp in japanese_code_points([text])
        if cp not in cmap
    ]


@pytest.mark.book
@each_edition
def test_the_html_edition_ships_a_subset_that_covers_every_page(built_book, built):
    """Pages fetch a WOFF2 subset of IPAexGothic, not the whole 6 MB TTF, and it has every Japanese
    character any page, download or search text uses."""
    from fontTools.ttLib import TTFont

    from ca911.book.sphinx.fonts import SUBSET_FONT

    static = built.html / "_static"
    woff2 = static / SUBSET_FONT
    assert woff2.is_file() and not (static / "fonts" / "ipaexg.ttf").exists()
    assert woff2.stat().st_size < 1_000_000, f"{woff2.stat().st_size} bytes"
    cmap = set(TTFont(woff2).getBestCmap())
    pages = {
        p.relative_to(built_book).as_posix(): p.read_text(encoding="utf-8")
        for p in edition_html_files(built.html)
        if "_static" not in p.parts
    }
    assert len(pages) > 20 and uncovered(pages, cmap) == []
    assert uncovered({"planted.html": "東京と鬱"}, cmap)  # a character no page uses is reported


@pytest.mark.book
@each_edition
def test_the_code_face_is_a_subset_that_covers_all_code(built_book, built):
    """Code and identifiers are set in WOFF2 subsets of DejaVu Sans Mono (not the 340 kB TTFs) that
    keep every glyph the full face has for the characters code shows on any page."""
    import re

    from fontTools.ttLib import TTFont

    from ca911.book.sphinx.fonts import MONO_FONTS, mono_font_dir

    static = built.html / "_static"
    assert not list((static / "fonts").glob("DejaVu*.ttf"))
    code = re.compile(r"<(pre|code)\b[^>]*>(.*?)</\1>", re.S)
    texts = [
        re.sub(r"<[^>]+>", "", m.group(2))
        for p in edition_html_files(built.html)
        if "_static" not in p.parts
        for m in code.finditer(p.read_text(encoding="utf-8"))
    ]
    used = {ord(c) for t in texts for c in t if not c.isspace()}
    assert len(used) > 60, "code on the pages uses letters, digits and signs"
    for source, target in MONO_FONTS.items():
        full, subset = (
            set(TTFont(mono_font_dir() / source).getBestCmap()),
            set(TTFont(static / target).getBestCmap()),
        )
        assert (static / target).stat().st_size < 100_000
        assert sorted(chr(c) for c in used & full - subset) == [], target
        assert ord("Ж") in full - subset, (
            "a character no page uses is left out (the check can fail)"
        )
