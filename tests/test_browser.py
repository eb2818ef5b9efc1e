"""The built HTML in a real browser: Debian's Chromium driven by Playwright, served from 127.0.0.1.

Every page: no console error, no failed request, no request to another host, every image loaded,
every internal link and #anchor resolves, axe-core finds no serious or critical violation, every
content image has real alt text. Then search (English and Japanese), the download buttons and
screenshots for a reviewer (desktop and phone) in _build/screenshots/.

Run these alone: `.venv/bin/python -m pytest -m book tests/test_browser.py`.
"""

from __future__ import annotations

import functools
import html.parser
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from support.browser import Visit  # noqa: F401  (Visit: the page type the tests annotate)
from support.project import (
    ACTOR_PAGES,
    BUILD,
    HTML,
    ROOT,
    edition_html_files,
    sample_actor_pages,
    site_pages,
)

pytestmark = pytest.mark.book

SCREENSHOTS = BUILD / "screenshots"
SEARCH_TERMS = {
    "en": "Khanabad",
    "ja": "カザフスタン",
}  # both in the chapters' text the book quotes
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}


def edition_pages(html_dir: Path) -> list[str]:
    """One edition's pages (not the theme's static files nor the downloadable sources)."""
    return sorted(
        p.relative_to(html_dir).as_posix()
        for p in edition_html_files(html_dir)
        if p.relative_to(html_dir).parts[0] not in ("_static", "_sources", "_images", "_downloads")
    )


def html_pages() -> list[str]:
    """Every HTML page of both editions, as paths in the site (the Japanese ones under ja/)."""
    if not HTML.is_dir():
        return ["index.html"]  # the built_book fixture then fails with its explanation
    return site_pages(edition_pages)


def browser_pages() -> list[str]:
    """The pages opened in Chromium: every page of each edition, with four actor pages for the 45
    (support.project.sample_actor_pages). Each page opened costs a browser visit and an axe-core
    run, about three seconds; the links of every page are also checked in the files themselves
    (test_every_link_in_every_file_resolves)."""
    if not HTML.is_dir():
        return ["index.html"]
    return site_pages(lambda html_dir: sample_actor_pages(edition_pages(html_dir), html_dir))


def notebook_pages() -> list[str]:
    """Pages built from a MyST notebook (jupytext front matter with a kernelspec), wherever they
    sit."""
    pages = []
    for page in html_pages():
        source = HTML / "_sources" / Path(page).with_suffix(".md")
        if (
            source.is_file()
            and "kernelspec:" in source.read_text(encoding="utf-8").split("\n---", 1)[0]
        ):
            pages.append(page)
    return pages


# --------------------------------------------------------------------------------------------------
# A fresh browser context per page; `browser` (pytest-playwright, Debian's chromium) and `site` (the
# built HTML on 127.0.0.1) come from conftest.py


@dataclass
class PageReport:
    """What one visit to a page found; each per-page test asserts on one part of it."""

    path: str
    origin: str
    errors: list[str]
    failed: list[str]
    external: list[str]
    images: list[dict]
    content_images: list[dict]
    hrefs: list[str]
    violations: list[dict] = field(default_factory=list)


def inspect(browser, origin: str, path: str) -> PageReport:
    from axe_playwright_python.sync_playwright import Axe

    v = Visit(browser, origin, path)
    try:
        images = v.page.evaluate("""async () => {
            const imgs = [...document.images];
            for (const img of imgs) img.loading = "eager";
            await Promise.all(imgs.map(img => img.decode().catch(() => null)));
            return imgs.map(img => ({src: img.currentSrc || img.src, complete: img.complete, width: img.naturalWidth}));
        }""")  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
        content_images = v.page.eval_on_selector_all(
            "main img, article img, .bd-article img",
            "imgs => imgs.map(i => ({src: i.getAttribute('src') || '', alt: "
            "i.getAttribute('alt')}))",
        )
        hrefs = v.page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        # The page's own errors and requests, before axe-core runs: axe fetches the stylesheets
        # again by XHR to inspect them and resolves theme.css's `@import "../basic.css"` against the
        # page, not the stylesheet, so it asks for /basic.css (a 404 of the checker's making, not
        # the book's).
        errors, failed, external = list(v.errors), list(v.failed), list(v.external)
        # Only violations are read: axe then lists no passing or inapplicable node, which on the
        # sentence map (thousands of cells) is about 40 % of its run.
        violations = (
            Axe().run(v.page, options={"resultTypes": ["violations"]}).response["violations"]
        )
        return PageReport(
            path, origin, errors, failed, external, images, content_images, hrefs, violations
        )
    finally:
        v.close()


@pytest.fixture(scope="session")
def report(browser, site):
    """report(path): the page's PageReport, from one visit per page for the whole session."""
    cache: dict[str, PageReport] = {}

    def get(path: str) -> PageReport:
        if path not in cache:
            cache[path] = inspect(browser, site, path)
        return cache[path]

    return get


# --------------------------------------------------------------------------------------------------
# Links and anchors, checked against the files on disk


class _Ids(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)


@functools.cache
def ids_in(path: Path) -> frozenset[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return frozenset(parser.ids)


def unresolved_links(origin: str, hrefs: list[str]) -> list[str]:
    problems = []
    for href in sorted(set(hrefs)):
        if not href.startswith(origin + "/"):
            continue  # other schemes and hosts: not followed (the book is read offline)
        parts = urlsplit(href)
        target = HTML / unquote(parts.path).lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            problems.append(
                f"{href}: no file "
                f"{target.relative_to(HTML) if target.is_relative_to(HTML) else target}"
            )
        elif (
            parts.fragment
            and target.suffix == ".html"
            and unquote(parts.fragment) not in ids_in(target)
        ):
            problems.append(
                f"{href}: no id {unquote(parts.fragment)!r} in {target.relative_to(HTML)}"
            )
    return problems


# --------------------------------------------------------------------------------------------------
# Every page


@pytest.mark.parametrize("path", browser_pages())
def test_page_loads_cleanly_offline(report, path):
    r = report(path)
    assert not r.errors, f"{path}: console errors:\n" + "\n".join(r.errors)
    assert not r.external, f"{path}: requests to other hosts (aborted):\n" + "\n".join(r.external)
    assert not r.failed, f"{path}: failed requests:\n" + "\n".join(r.failed)


@pytest.mark.parametrize("path", browser_pages())
def test_every_image_loads(report, path):
    broken = [i["src"] for i in report(path).images if not i["complete"] or i["width"] <= 0]
    assert not broken, f"{path}: images that did not load:\n" + "\n".join(broken)


@pytest.mark.parametrize("path", browser_pages())
def test_every_internal_link_and_anchor_resolves(report, path):
    r = report(path)
    problems = unresolved_links(r.origin, r.hrefs)
    assert not problems, f"{path}: links that do not resolve:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", browser_pages())
def test_accessibility_axe(report, path):
    bad = [v for v in report(path).violations if v.get("impact") in ("serious", "critical")]
    lines = [
        f"{v['impact']}: {v['id']} ({v['help']}): "
        + "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
        for v in bad
    ]
    assert not bad, f"{path}: axe-core serious/critical violations:\n" + "\n".join(lines)


@pytest.mark.parametrize("path", browser_pages())
def test_every_content_image_has_alt_text(report, path):
    """A figure's alt text says what it shows: not empty, not its file name (docutils' fallback)."""
    missing = []
    for img in report(path).content_images:
        alt = (img["alt"] or "").strip()
        name = Path(urlsplit(img["src"]).path).name
        if not alt or alt == img["src"] or (name and alt.endswith(name)):
            missing.append(f"{img['src']}: alt={img['alt']!r}")
    assert not missing, f"{path}: images without real alt text:\n" + "\n".join(sorted(set(missing)))


class _Hrefs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def file_hrefs(path: str, origin: str = "http://book") -> list[str]:
    """The page's links as a browser resolves them (a.href), read from the file."""
    from urllib.parse import urljoin

    parser = _Hrefs()
    parser.feed((HTML / path).read_text(encoding="utf-8", errors="replace"))
    return [urljoin(f"{origin}/{path}", h) for h in parser.hrefs]


@pytest.mark.parametrize("path", html_pages())
def test_every_link_in_every_file_resolves(built_book, path):
    problems = unresolved_links("http://book", file_hrefs(path))
    assert not problems, f"{path}: links that do not resolve:\n" + "\n".join(problems)


def test_the_file_link_check_finds_a_broken_link_and_anchor():
    page = (
        next(p for p in browser_pages() if p.startswith(ACTOR_PAGES))
        if HTML.is_dir()
        else "index.html"
    )
    broken = unresolved_links(
        "http://book", [f"http://book/{page}#no-such-id", "http://book/no/such/page.html"]
    )
    assert len(broken) == 2


# --------------------------------------------------------------------------------------------------
# Search


def search_index() -> dict:
    text = (HTML / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


@pytest.mark.parametrize("lang", sorted(SEARCH_TERMS))
def test_search_finds_pages(visit, built_book, lang):
    term = SEARCH_TERMS[lang]
    index = search_index()
    indexed = index["terms"].get(term.lower())
    assert indexed is not None, (
        f"{term!r} is not in searchindex.js: pick a term the book's text contains"
    )
    expected = {index["docnames"][i] for i in ([indexed] if isinstance(indexed, int) else indexed)}

    v = visit(f"search.html?q={term}")
    summary = v.page.locator("#search-results .search-summary")
    summary.wait_for()
    v.page.wait_for_function(
        "() => /Search finished|did not match/.test(document.querySelector('#search-results "
        ".search-summary').innerText)",
        timeout=15000,
    )
    hrefs = v.page.eval_on_selector_all(
        "#search-results ul.search li > a", "links => links.map(a => a.href)"
    )
    found = {urlsplit(h).path.lstrip("/").removesuffix(".html") for h in hrefs}
    assert found, f"searching {term!r} found nothing ({summary.inner_text()!r})"
    assert expected <= found, (
        f"searching {term!r}: pages indexed with it but not found: {sorted(expected - found)}"
    )
    assert not v.errors and not v.failed and not v.external, v.errors + v.failed + v.external


# --------------------------------------------------------------------------------------------------
# Download buttons on notebook pages


@pytest.mark.parametrize("path", notebook_pages() or ["(no notebook page built)"])
def test_download_buttons_give_notebook_and_source(visit, path):
    if path.startswith("(no notebook"):
        pytest.fail("no page of _build/html comes from a MyST notebook")
    v = visit(path)
    v.page.locator(".dropdown-download-buttons > button").click()
    links = {}
    for kind in ("notebook", "source"):
        link = v.page.locator(f".dropdown-download-buttons a.btn-download-{kind}-button")
        assert link.count() == 1, f"{path}: no '{kind}' entry in the download menu"
        assert link.is_visible(), (
            f"{path}: the '{kind}' download entry is not shown when the menu opens"
        )
        links[kind] = link.evaluate("a => a.href")

    notebook = v.context.request.get(links["notebook"])
    assert notebook.ok and links["notebook"].endswith(".ipynb"), (
        f"{path}: {links['notebook']} → HTTP {notebook.status}"
    )
    nb = json.loads(notebook.body())
    assert nb.get("nbformat") == 4 and nb["cells"], f"{path}: the .ipynb is not a notebook"
    assert any(c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code"), (
        f"{path}: the .ipynb has no outputs"
    )

    source = v.context.request.get(links["source"])
    stem = Path(path).with_suffix("")
    assert source.ok, f"{path}: {links['source']} → HTTP {source.status}"
    assert urlsplit(links["source"]).path.endswith(f"_sources/{stem.as_posix()}.md"), links[
        "source"
    ]
    text = source.text()
    assert text.startswith("---") and "```{code-cell}" in text, (
        f"{path}: the source download is not the MyST notebook"
    )
    original = ROOT / f"{stem}.md"
    if original.is_file():
        assert text.splitlines()[:8] == original.read_text(encoding="utf-8").splitlines()[:8]


# --------------------------------------------------------------------------------------------------
# Screenshots for a reviewer, and no sideways scrolling on a phone


def screenshot_pages() -> dict[str, str]:
    pages = html_pages()
    methods = sorted(
        (p for p in pages if p.startswith("methods/")), key=lambda p: p != "methods/codebook.html"
    )
    notebooks = [p for p in pages if p.startswith("notebooks/")]
    return {
        "landing": "index.html",
        "notebook": notebooks[0] if notebooks else "notebooks/",
        "methods": methods[0] if methods else "methods/",
    }


@pytest.mark.parametrize("device", sorted(WIDTHS))
@pytest.mark.parametrize("name", ["landing", "notebook", "methods"])
def test_screenshots(visit, name, device):
    path = screenshot_pages()[name]
    width, height = WIDTHS[device]
    v = visit(path, width=width, height=height)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    out = SCREENSHOTS / f"{name}-{device}-{width}.png"
    v.page.screenshot(path=str(out), full_page=True)
    assert out.stat().st_size > 1000 and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    overflow = v.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{path} at {width}px scrolls sideways by {overflow}px"
    assert not v.errors, v.errors
