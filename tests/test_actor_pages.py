"""A page per actor (HTML) and the compact actor index (print).

The set of actors with pages is recomputed here from the CSV files alone, with the csv module, so a
slip in `ca911.book.actor_pages` (a resource left out, a role not counted) cannot agree with itself.
Each checker is also run on a deliberately broken input, to show it can fail.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pytest
from bs4 import BeautifulSoup

from ca911.book import actor_index, actor_records
from ca911.data import package as data
from ca911.figures import actor_timeline, style
from support.project import HTML, ROOT, pdf_page_texts

DATA = ROOT / "data"
PAGES = HTML / "_generated" / "actors"


def rows(name: str) -> list[dict]:
    with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def independent_records() -> dict[str, set[str]]:
    """actor_id → the records naming it, as (file, key) strings, read straight from the CSVs."""
    found: dict[str, set[str]] = defaultdict(set)
    for r in rows("event_actors"):
        found[r["actor_id"]].add("events:" + r["event_id"])
    for r in rows("events"):
        if r["place_id"]:
            found[r["place_id"]].add("events:" + r["event_id"])
    for r in rows("facts"):
        for a in r["actor_ids"].split():
            found[a].add("facts:" + r["fact_id"])
    for r in rows("memberships"):
        for a in (r["member_id"], r["org_id"]):
            found[a].add(f"memberships:{r['member_id']}/{r['org_id']}/{r['start']}")
    for r in rows("deployments"):
        for a in (r["force_id"], r["host_id"], r["facility_id"]):
            if a:
                found[a].add("deployments:" + r["deployment_id"])
    for r in rows("stances"):
        found[r["actor_id"]].add(f"stances:{r['date']}/{r['actor_id']}/{r['issue']}")
    country = {r["period_id"]: r["country_id"] for r in rows("periods")}
    for r in rows("period_relations"):
        for a in (country[r["period_id"]], r["partner_id"]):
            found[a].add(f"period_relations:{r['period_id']}/{r['partner_id']}")
    return found


def expected_pages() -> set[str]:
    return {
        a for a, refs in independent_records().items() if len(refs) >= actor_records.MIN_RECORDS
    }


def test_pages_are_the_actors_with_three_records():
    pkg = data.load()
    records = actor_records.actor_records(pkg)
    assert set(actor_records.actors_with_pages(pkg, records)) == expected_pages()
    assert {a: set(g["ref"]) for a, g in records.groupby("actor_id")} == dict(independent_records())
    # broken copy: the same code without one kind of record no longer matches the independent count
    without_memberships = records[records["resource"] != "memberships"]
    assert set(actor_records.actors_with_pages(pkg, without_memberships)) != expected_pages()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_index_counts_an_observer_seat_as_a_record_not_a_membership(lang):
    """The Shanghai Forum has two members and Uzbekistan's observer seat: its index line counts
    three records of membership status, never "3 memberships" (加盟3件)."""
    pkg = data.load()
    records = actor_records.actor_records(pkg)
    pages = set(actor_records.actors_with_pages(pkg, records))
    index = actor_index.index_markdown(pkg, records, pages, lang)
    line = next(ln for ln in index.splitlines() if "<actor-SF>" in ln)
    observers = pkg.memberships[
        (pkg.memberships["org_id"] == "SF") & (pkg.memberships["status"] == "observer")
    ]
    assert len(observers) == 1, "the data no longer hold the observer seat this test reads"
    assert not re.search(r"\d memberships?\b(?! record)|加盟\d+件", index)
    assert re.search(r"3 membership records$|加盟関係の記録3件$", line), line


def page_links(html: str) -> set[str]:
    """Actor ids whose page a built HTML page links to."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        m[1]
        for a in soup.find_all("a", href=True)
        if (m := re.search(r"_generated/actors/([^/#]+)\.html", a["href"]))
    }


@pytest.mark.book
def test_every_page_is_linked_from_the_glossary_and_the_index(built_book):
    built = {p.stem for p in PAGES.glob("*.html")}
    assert built == expected_pages(), (
        "the built actor pages are not the actors with three or more records"
    )
    for page in ("appendices/glossary.html", "appendices/actors.html"):
        html = (HTML / page).read_text(encoding="utf-8")
        assert page_links(html) == built, f"{page} does not link every actor page"
    # broken copy: a glossary with one link removed fails the same check
    html = (HTML / "appendices/glossary.html").read_text(encoding="utf-8")
    broken = re.sub(r'href="[^"]*_generated/actors/KAZ\.html[^"]*"', 'href="#"', html)
    assert page_links(broken) != built


def event_links(html: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    return {
        m[1] for a in soup.find_all("a", href=True) if (m := re.search(r"#ev-([^\"]+)$", a["href"]))
    }


@pytest.mark.book
def test_each_page_lists_all_its_events(built_book):
    events = defaultdict(set)
    for r in rows("event_actors"):
        events[r["actor_id"]].add(r["event_id"])
    pages = sorted(PAGES.glob("*.html"))
    assert pages
    for page in pages:
        listed = event_links(page.read_text(encoding="utf-8"))
        assert events[page.stem] <= listed, (
            f"{page.name} misses events {sorted(events[page.stem] - listed)[:5]}"
        )
    # broken copy: Karimov's page with one event's link taken out
    html = (PAGES / "karimov.html").read_text(encoding="utf-8")
    one = sorted(events["karimov"])[0]
    broken = re.sub(rf'<a [^>]*href="[^"]*#ev-{re.escape(one)}"[^>]*>.*?</a>', "", html, flags=re.S)
    assert not events["karimov"] <= event_links(broken)


def test_timeline_figure_is_deterministic(monkeypatch):
    pkg = data.load()
    records = actor_records.actor_records(pkg)
    mine = records[records["actor_id"] == "karimov"]
    first, second = (actor_timeline.timeline_svg(pkg, "karimov", mine) for _ in range(2))
    assert first == second
    assert min(style.svg_text_sizes_pt(first)) >= style.MIN_TEXT_PT
    assert style.svg_width_pt(first) <= style.A4_TEXT_WIDTH_IN * 72
    built = ROOT / "_generated" / "actors" / "karimov-timeline.svg"
    if built.is_file():
        assert built.read_text(encoding="utf-8") == first, (
            "the built figure differs from a fresh one"
        )
    # broken copy: without the fixed hash salt the clip-path ids are random, and two drawings differ
    monkeypatch.setitem(style.STYLE, "svg.hashsalt", None)
    assert actor_timeline.timeline_svg(pkg, "karimov", mine) != actor_timeline.timeline_svg(
        pkg, "karimov", mine
    )


def pdf_index_problems(text: str, names: list[str]) -> list[str]:
    """What is wrong with the printed actors appendix: a missing index entry, or a full page
    printed."""
    squashed = " ".join(text.split())
    problems = [f"no index entry for {n!r}" for n in names if n not in squashed]
    problems += [
        f"full actor page printed ({marker!r})"
        for marker in ("Every record naming", "Events of ")
        if marker in squashed
    ]
    return problems


@pytest.mark.book
def test_pdf_has_the_compact_index_not_the_pages(built_book):
    texts = pdf_page_texts()
    start = next(
        i for i, t in enumerate(texts) if "printed book lists them here only" in " ".join(t.split())
    )
    end = next(
        i
        for i in range(start + 1, len(texts))
        if "generated from CITATION.cff" in " ".join(texts[i].split())
    )
    appendix = "\n".join(texts[start:end])
    pkg = data.load()
    shown = pkg.actors[pkg.actors["actor_id"].isin(expected_pages())]
    names = sorted(
        actor_records.marked_external(actor_index.index_name(n, k), x)
        for n, k, x in zip(shown["name_en"], shown["kind"], shown["name_en_external"])
    )
    assert pdf_index_problems(appendix, names) == []
    assert end - start <= 10, f"the printed actor index takes {end - start} pages"
    assert "集団安全保障条約" in appendix and "Islam Karimov" in appendix
    # broken copy: an actor page's own text (as the HTML edition prints it) is caught
    page_text = BeautifulSoup(
        (PAGES / "karimov.html").read_text(encoding="utf-8"), "html.parser"
    ).get_text(" ")
    assert pdf_index_problems(appendix + page_text, names)


def search_misses(index: dict, actors: list[tuple[str, str, str]]) -> list[str]:
    """Actor pages the site search cannot find by an English word or the Japanese name of their
    title."""
    from sphinx.search.en import SearchEnglish

    docs, titles, stem = (
        index["docnames"],
        index["titleterms"],
        SearchEnglish({}).stem,
    )  # the index holds stems

    def found(term: str, doc: str) -> bool:
        hits = titles.get(stem(term.lower())) or titles.get(term.lower())
        hits = hits if isinstance(hits, list) else [hits]
        return any(h is not None and docs[h] == doc for h in hits)

    misses = []
    for actor_id, name_en, name_ja in actors:
        doc = f"_generated/actors/{actor_id}"
        english = [w for w in re.findall(r"\w+", name_en) if len(w) > 3] or re.findall(
            r"\w+", name_en
        )
        japanese = [w for w in re.findall(r"\w+", name_ja)]
        if not any(found(w, doc) for w in english) or not any(found(w, doc) for w in japanese):
            misses.append(actor_id)
    return misses


@pytest.mark.book
def test_site_search_finds_actor_pages_by_english_and_japanese_name(built_book):
    import json

    text = (HTML / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    pkg = data.load()
    a = pkg.actors[pkg.actors["actor_id"].isin(expected_pages())]
    actors = list(zip(a["actor_id"], a["name_en"], a["name_ja"]))
    assert search_misses(index, actors) == []
    # broken copy: an index whose title terms lost Karimov's page
    karimov = index["docnames"].index("_generated/actors/karimov")
    broken = dict(
        index,
        titleterms={
            t: ([d for d in (v if isinstance(v, list) else [v]) if d != karimov])
            for t, v in index["titleterms"].items()
        },
    )
    assert search_misses(broken, actors) == ["karimov"]


def glossary_states_the_link_rule(page_html: str, threshold: int) -> bool:
    """The glossary's text before its first table says which names are links: it gives the
    threshold of records and links to the actors appendix, where the pages are listed."""
    soup = BeautifulSoup(page_html, "html.parser")
    main = soup.find("main") or soup
    before = []
    for tag in main.find_all(["p", "table"]):
        if tag.name == "table":
            break
        before.append(tag)
    text = " ".join(t.get_text(" ") for t in before)
    links = [a["href"] for t in before for a in t.find_all("a", href=True)]
    from ca911.data.numbers import in_words

    said = rf"(?<!\d){threshold}(?!\d)|\b{in_words(threshold, 'en')}\b"  # '3' or 'three'
    return bool(re.search(said, text)) and any(
        "appendices/actors.html" in h or h.startswith("actors.html") for h in links
    )


@pytest.mark.book
@pytest.mark.parametrize("edition", ["", "ja/"])
def test_the_glossary_says_which_names_are_links(built_book, edition):
    """Some glossary names link (Afghanistan) and others not (Belarus): the rule, an actor named
    in at least MIN_RECORDS records, is stated where the reader sees the difference, in both
    editions."""
    html = (HTML / edition / "appendices/glossary.html").read_text(encoding="utf-8")
    assert glossary_states_the_link_rule(html, actor_records.MIN_RECORDS), edition
    # broken copy: the intro without its sentence on links fails
    broken = re.sub(r"(A name is a link|名前がリンク).*?(?=</p>)", "", html, count=1, flags=re.S)
    assert not glossary_states_the_link_rule(broken, actor_records.MIN_RECORDS)


def title_problems(pages: dict[str, str], names_ja: dict[str, str]) -> list[str]:
    """Japanese actor pages (actor id → HTML) whose title is not the actor's Japanese name alone."""
    problems = []
    for actor_id, page_html in pages.items():
        h1 = BeautifulSoup(page_html, "html.parser").find("h1")
        title = " ".join(h1.get_text(" ").replace("#", "").split()) if h1 else ""
        if title != " ".join(names_ja[actor_id].split()):
            problems.append(f"{actor_id}: {title!r}")
    return problems


@pytest.mark.book
def test_japanese_actor_pages_are_titled_in_japanese_alone(built_book):
    """「カザフスタン · Kazakhstan」 mixed two scripts in a title: the Japanese edition titles each
    page with the Japanese name, read straight from actors.csv; the English name follows as the
    other name, under the title."""
    names_ja = {r["actor_id"]: r["name_ja"] for r in rows("actors")}
    pages = {
        p.stem: p.read_text(encoding="utf-8")
        for p in (HTML / "ja/_generated/actors").glob("*.html")
    }
    assert pages and title_problems(pages, names_ja) == []
    # broken copy: a title that still carries the English name
    kaz = pages["KAZ"].replace(f"<h1>{names_ja['KAZ']}", f"<h1>{names_ja['KAZ']} · Kazakhstan", 1)
    assert title_problems({"KAZ": kaz}, names_ja) == [f"KAZ: '{names_ja['KAZ']} · Kazakhstan'"]


@pytest.mark.parametrize("lang,held_by", [("en", "by 1999"), ("ja", "1999年までに")])
def test_a_membership_shown_only_by_a_date_never_reads_as_a_joining(lang, held_by):
    """Chapter 4 has Uzbekistan in the Collective Security Treaty until it left in 1999, with no
    joining date: its row says 'by 1999', never '1999 | 1999' (a membership of one year)."""
    from ca911.book.actor_pages import actor_page, contact_degrees

    pkg = data.load()
    records = actor_records.actor_records(pkg, lang)
    pages = set(actor_records.actors_with_pages(pkg, records))
    rows = pkg.memberships[
        (pkg.memberships["member_id"] == "UZB") & (pkg.memberships["start_basis"] == "by")
    ]
    assert len(rows), "the data no longer hold a membership of Uzbekistan shown only by a date"
    page = actor_page(pkg, "UZB", records, pages, contact_degrees(pkg), True, lang)
    table = [
        ln
        for ln in page.splitlines()
        if ln.startswith("|") and "<actor-CST>" in ln and "ch4 §1 ¶2" in ln
    ]
    assert table and all(held_by in ln for ln in table), table
    assert not any(re.search(r"\| 1999 \| 1999 \||\| 1999年 \| 1999年 \|", ln) for ln in table)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_membership_without_an_end_is_never_said_to_go_on(lang):
    """A membership the chapters give no end is "no end recorded" (終了の記載なし) on its actor's
    page: the chapters record it at a date and say nothing of what followed, so "open" or 継続
    would assert what no source states."""
    from ca911.book.actor_pages import actor_page

    pkg = data.load()
    records = actor_records.actor_records(pkg, lang)
    member = pkg.memberships.loc[pkg.memberships["end"].isna() | (pkg.memberships["end"] == "")]
    page = actor_page(
        pkg, member["member_id"].iloc[0], records, set(), {}, has_events=False, lang=lang
    )
    words = {"en": "no end recorded", "ja": "終了の記載なし"}[lang]
    assert words in page and not re.search(r"\|\s*(?:open|継続)\s*\|", page)
