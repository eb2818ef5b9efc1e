"""The two editions as one site: every page has its counterpart in the other edition, declares both
with `<link rel="alternate" hreflang>` (each link resolving to the counterpart, which links back),
links visibly to the other edition, and names its language in `<html lang>`.

Each check takes the site's folder (the English edition at its root, each other edition in its
folder) and returns its problems, one line each."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

from ca911.book.editions import EDITIONS

NOT_PAGES = ("_static", "_sources", "_images", "_downloads")
SWITCH_CLASS = "ca911-edition-switch"


def edition_root(site: Path, lang: str) -> Path:
    folder = EDITIONS[lang].html_dir
    return site / folder if folder else site


def edition_pages(site: Path, lang: str) -> set[str]:
    """The pages of one edition, relative to its folder (a sub-edition's folder left out)."""
    root = edition_root(site, lang)
    nested = [site / ed.html_dir for ed in EDITIONS.values() if ed.html_dir]
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*.html")
        if not any(p.is_relative_to(n) and n != root for n in nested)
        and p.relative_to(root).parts[0] not in NOT_PAGES
    }


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.alternates: dict[str, list[str]] = {}
        self.switches: list[tuple[str, str]] = []  # (href, hreflang)
        self._in_switch = False
        self.switch_texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        elif tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates.setdefault(a["hreflang"], []).append(a.get("href") or "")
        elif tag == "a" and SWITCH_CLASS in (a.get("class") or "").split():
            self.switches.append((a.get("href") or "", a.get("hreflang") or ""))
            self.switch_texts.append("")
            self._in_switch = True

    def handle_endtag(self, tag):
        if tag == "a":
            self._in_switch = False

    def handle_data(self, data):
        if self._in_switch:
            self.switch_texts[-1] += data


def read_head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def _site_path(site: Path, lang: str, page: str) -> str:
    return posixpath.normpath(posixpath.join(EDITIONS[lang].html_dir or ".", page))


def resolve_href(from_site_path: str, href: str) -> str:
    """The site path a relative `href` (no fragment) of the page at `from_site_path` points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_site_path), href))


def counterpart_problems(site: Path) -> list[str]:
    """Every page of each edition exists in every other edition."""
    pages = {lang: edition_pages(site, lang) for lang in EDITIONS}
    out = []
    for lang, mine in pages.items():
        for other, theirs in pages.items():
            out += [f"{_site_path(site, lang, p)}: no {other} page" for p in sorted(mine - theirs)]
    return out


def hreflang_problems(site: Path) -> list[str]:
    """Each page names every edition's same page (itself included) once with hreflang, each link
    resolves to that page, and that page names this one back."""
    out = []
    for lang in EDITIONS:
        for page in sorted(edition_pages(site, lang)):
            here = _site_path(site, lang, page)
            head = read_head(edition_root(site, lang) / page)
            for other in EDITIONS:
                hrefs = head.alternates.get(other, [])
                want = _site_path(site, other, page)
                if len(hrefs) != 1:
                    out.append(f"{here}: {len(hrefs)} hreflang={other} links")
                    continue
                target = resolve_href(here, hrefs[0])
                if target != want:
                    out.append(f"{here}: hreflang={other} leads to {target}, not {want}")
                elif not (site / target).is_file():
                    out.append(f"{here}: hreflang={other} leads to missing {target}")
                elif other != lang:
                    back = read_head(site / target).alternates.get(lang, [])
                    if [resolve_href(target, h) for h in back] != [here]:
                        out.append(f"{target}: does not name {here} back (hreflang={lang})")
    return out


def language_problems(site: Path) -> list[str]:
    """Each edition's pages declare its language."""
    return [
        f"{_site_path(site, lang, page)}: <html lang={head.html_lang!r}>, not {lang!r}"
        for lang in EDITIONS
        for page in sorted(edition_pages(site, lang))
        if (head := read_head(edition_root(site, lang) / page)).html_lang != lang
    ]


def switch_problems(site: Path) -> list[str]:
    """Each page links visibly to its counterpart in the other edition, named in that edition's
    language."""
    out = []
    for lang in EDITIONS:
        label = EDITIONS[lang].other_edition_label
        for page in sorted(edition_pages(site, lang)):
            here = _site_path(site, lang, page)
            head = read_head(edition_root(site, lang) / page)
            others = [o for o in EDITIONS if o != lang]
            found = {
                (resolve_href(here, href), hreflang): text.strip()
                for (href, hreflang), text in zip(head.switches, head.switch_texts)
            }
            for other in others:
                key = (_site_path(site, other, page), other)
                if key not in found:
                    out.append(f"{here}: no visible link to {key[0]} ({other})")
                elif found[key] != label:
                    out.append(f"{here}: the link to the {other} edition reads {found[key]!r}")
    return out
