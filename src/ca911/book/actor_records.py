"""Which records name an actor, which actors get a page of their own, and how text links to it.

An actor's records are the rows that name it: events (through `event_actors.csv`, and as the
place where they happened), facts
(`actor_ids`), memberships (as member or as organisation), deployments (as force, host or facility),
stances, and period relations (as partner, or as the country whose period it is). Each counts once
per actor, by its record reference (`refs.format_ref`), the stable name the sentence map and the
discrepancy register use too. Actors with at least `MIN_RECORDS` records get a page.
"""

from __future__ import annotations

import pandas as pd

from ca911.book.myst import Markup, myst_text
from ca911.book.records import event_date_text, fact_label, label_of
from ca911.book.wording import figure_count, japanese_quotation, name_in_text
from ca911.data import dates
from ca911.data.numbers import with_qualifier
from ca911.data.package import DataPackage, shown_name
from ca911.data.presence_words import status_word
from ca911.data.refs import format_ref
from ca911.data.schema import primary_key

MIN_RECORDS = 3
RESOURCE_ORDER = ("events", "facts", "memberships", "deployments", "stances", "period_relations")
# a memberships record may be an observer's seat (Uzbekistan in the Shanghai Forum): it is counted
# as a record of membership status, never as a membership
KIND_WORDS = {
    "events": "event",
    "facts": "fact",
    "memberships": "membership record",
    "deployments": "deployment",
    "stances": "stance",
    "period_relations": "period relation",
}
UNSAFE_IN_ROLE = set(
    "`<>\\"
)  # a role's title cannot hold these; such a name is printed beside its link


def marked_external(name: str, external: list[str], lang: str = "en") -> str:
    """The name with the parts the chapters do not print in square brackets: `[Sergei] Ivanov`,
    in the Japanese edition full-width: `［Sergei］ Ivanov`."""
    return shown_name(name, external, lang)


def actor_in_text(pkg: DataPackage, actor_id: str, start: bool = False, lang: str = "en") -> str:
    """The actor's name as it stands in a sentence: "the United States", "Russia"; capitalised at a
    sentence's start."""
    a = pkg.actors.set_index("actor_id").loc[actor_id]
    return name_in_text(a[f"name_{lang}"], a["kind"], lang, start=start)


def page_label(actor_id: str) -> str:
    return f"actor-{actor_id}"


def count_words(n: int, resource: str, lang: str = "en") -> str:
    """ "1 event", "3 period relations"."""
    return figure_count(n, KIND_WORDS[resource], lang)


def date_text(value, lang: str = "en") -> str:
    return dates.words(value, lang) if isinstance(value, str) and value else ""


def span_text(start, end, lang: str = "en", open_end: bool = False) -> str:
    """A span of two dates in words; with `open_end`, a span with no end reads 'from <start>'."""
    if open_end and not end:
        return dates.since(date_text(start, lang), lang)
    return dates.span_words(start, end or None, lang)


# A state's relation to a partner in a period, as the Japanese pages word it (the codebook's labels
# define the codes; these are phrases for a line).
RELATION_JA = {
    "drawn_to": "{partner}に引き寄せられる",
    "cooperation": "{partner}と協調・協力",
    "conflict": "{partner}と対立・距離を置く",
    "balancing": "{partner}との間で均衡をとる",
}


def personnel_ja(value, qualifier) -> str:
    """人員1,000人, 人員約2,000人; 人員の記載なし where the chapters give no number."""
    if value is None or pd.isna(value):
        return "人員の記載なし" if str(qualifier) != "several" else "人員数人"
    return "人員" + with_qualifier(value, qualifier, lang="ja", unit="persons")


def actor_records(pkg: DataPackage, lang: str = "en") -> pd.DataFrame:
    """One row per (actor, record that names it): actor_id, resource, ref, date (as printed), sort
    date, locator, what (our summary, in `lang`), target (the label of the record's entry
    elsewhere, if any)."""
    d, rows = pkg.descriptor, []
    ja = lang == "ja"

    def add(actor, resource, rec, date, sort, locator, what, target=""):
        if isinstance(actor, str) and actor:
            rows.append(
                {
                    "actor_id": actor,
                    "resource": resource,
                    "ref": format_ref(resource, rec, primary_key(d, resource)),
                    "date": date,
                    "sort": sort,
                    "locator": locator,
                    "what": what,
                    "target": target,
                }
            )

    events = pkg.events.set_index("event_id")
    for r in pkg.event_actors.to_dict("records"):
        e = events.loc[r["event_id"]].to_dict()
        add(
            r["actor_id"],
            "events",
            {"event_id": r["event_id"]},
            event_date_text(e, lang),
            e["date_lo"],
            e["locator"],
            e[f"summary_{lang}"],
            label_of(r["event_id"]),
        )
    # an event names the place where it happened too (Yerevan, Minsk), taking part or not
    for e in pkg.events.to_dict("records"):
        add(
            e["place_id"],
            "events",
            e,
            event_date_text(e, lang),
            e["date_lo"],
            e["locator"],
            e[f"summary_{lang}"],
            label_of(e["event_id"]),
        )
    for r in pkg.facts.to_dict("records"):
        for actor in r["actor_ids"]:
            add(
                actor,
                "facts",
                r,
                "",
                pd.NaT,
                r["locator"],
                r[f"summary_{lang}"],
                fact_label(r["fact_id"]),
            )
    names = pkg.actors.set_index("actor_id")["name_ja" if ja else "name_shown"]
    kinds = pkg.actors.set_index("actor_id")["kind"]
    status_ja = pkg.labels("memberships", "status", "ja") if ja else {}
    # a stance reads by the codebook's labels of its issue and its code, in the page's language
    stance_words = pkg.labels("stances", "stance", lang)
    issue_words = pkg.labels("stances", "issue", lang)

    def named(
        actor_id: str,
    ) -> str:  # mid-label: "Kazakhstan in the Commonwealth of Independent States"
        return name_in_text(names.get(actor_id, actor_id), kinds.get(actor_id), lang)

    for r in pkg.memberships.to_dict("records"):
        span = span_text(r["start"], r["end"], lang, open_end=True)
        what = (
            f"{names.get(r['member_id'], r['member_id'])}：{named(r['org_id'])}の"
            f"{status_ja.get(r['status'], r['status'])}"
            if ja
            else f"{names.get(r['member_id'], r['member_id'])} in {named(r['org_id'])}: "
            f"{str(r['status']).replace('_', ' ')}"
        )
        for actor in (r["member_id"], r["org_id"]):
            add(actor, "memberships", r, span, r["start_lo"], r["locator"], what)
    for r in pkg.deployments.to_dict("records"):
        where = named(r["host_id"]) + (
            (
                f"、{names.get(r['facility_id'], r['facility_id'])}"
                if ja
                else f" ({names.get(r['facility_id'], r['facility_id'])})"
            )
            if r["facility_id"]
            else ""
        )
        what = (
            f"{names.get(r['force_id'], r['force_id'])}の{r['unit_ja'] or '部隊'}（{where}）："
            + personnel_ja(r["personnel"], r["personnel_qualifier"])
            + f"、{status_word(r['status'], 'ja')}"
            if ja
            else f"{names.get(r['force_id'], r['force_id'])} in {where}: "
            f"{r['unit'] or 'unit not named'}, "
            f"personnel {with_qualifier(r['personnel'], r['personnel_qualifier'])}, "
            f"{str(r['status']).replace('_', ' ')}"
        )
        for actor in dict.fromkeys((r["force_id"], r["host_id"], r["facility_id"])):
            add(
                actor,
                "deployments",
                r,
                date_text(r["as_of"], lang),
                r["as_of_lo"],
                r["locator"],
                what,
                label_of(r["event_id"]) if r["event_id"] else "",
            )
    for r in pkg.stances.to_dict("records"):
        add(
            r["actor_id"],
            "stances",
            r,
            event_date_text(r, lang),
            r["date_lo"],
            events.loc[r["event_id"], "locator"] if r["event_id"] in events.index else "",
            f"{issue_words[r['issue']]}{'：' if ja else ': '}{stance_words[r['stance']]}",
            label_of(r["event_id"]) if r["event_id"] else "",
        )
    periods = pkg.periods.set_index("period_id")
    for r in pkg.period_relations.to_dict("records"):
        p = periods.loc[r["period_id"]]
        span = span_text(p["start"], p["end"], lang)
        state = names.get(p["country_id"], p["country_id"])
        what = (
            f"{state}（{japanese_quotation(p['label_ja'])}）："
            + RELATION_JA.get(r["relation"], r["relation"]).format(partner=named(r["partner_id"]))
            if ja
            # the period's label in parentheses, as in Japanese: it starts with a capital
            else f"{state} ({p['label_en']}): "
            f"{str(r['relation']).replace('_', ' ')} {named(r['partner_id'])}"
        )
        for actor in dict.fromkeys((p["country_id"], r["partner_id"])):
            add(actor, "period_relations", r, span, p["start_lo"], r["locator"], what)
    out = pd.DataFrame(
        rows, columns=["actor_id", "resource", "ref", "date", "sort", "locator", "what", "target"]
    )
    out = out.drop_duplicates(["actor_id", "ref"])
    out["order"] = out["resource"].map({r: i for i, r in enumerate(RESOURCE_ORDER)})
    return (
        out.sort_values(["actor_id", "sort", "order", "ref"], na_position="last")
        .drop(columns="order")
        .reset_index(drop=True)
    )


def record_counts(records: pd.DataFrame) -> pd.DataFrame:
    """Actor × resource: how many records of each kind name the actor, with a total."""
    counts = records.pivot_table(
        index="actor_id", columns="resource", values="ref", aggfunc="count", fill_value=0
    )
    counts = counts.reindex(columns=list(RESOURCE_ORDER), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    return counts


def actors_with_pages(pkg: DataPackage, records: pd.DataFrame | None = None) -> list[str]:
    counts = record_counts(actor_records(pkg) if records is None else records)
    return sorted(counts.index[counts["total"] >= MIN_RECORDS])


# The word of the link beside a name a role cannot carry, in each edition's language.
PAGE_WORD = {"en": "page", "ja": "ページ"}


def ref_link(actor_id: str, text: str, with_page: set[str] | None, lang: str = "en") -> str:
    """MyST for an actor's name linked to its page (HTML) or index entry (print): `{ref}` with the
    name as title; a name a role cannot carry is printed escaped, followed by a linked "page"
    (ページ)."""
    text = str(text)
    if with_page is not None and actor_id not in with_page:
        return myst_text(text)
    if (
        UNSAFE_IN_ROLE & set(text) or not text.strip() or text.lstrip()[0] in "!~"
    ):  # XRefRole reads a leading ! or ~
        return f"{myst_text(text)} ({{ref}}`{PAGE_WORD[lang]} <{page_label(actor_id)}>`)"
    return f"{{ref}}`{' '.join(text.split())} <{page_label(actor_id)}>`"


_WITH_PAGE_CACHE: dict[str, set[str]] = {}


def linked_name(
    pkg: DataPackage, actor_id: str, text: str | None = None, lang: str = "en"
) -> Markup:
    """The actor's name in `lang` (or `text`) as a link to its page if it has one, else as plain
    escaped text."""
    if pkg.sha256 not in _WITH_PAGE_CACHE:
        _WITH_PAGE_CACHE[pkg.sha256] = set(actors_with_pages(pkg))
    names = pkg.actors.set_index("actor_id")["name_shown" if lang == "en" else f"name_{lang}"]
    return Markup(
        ref_link(
            actor_id,
            text if text is not None else names.get(actor_id, actor_id),
            _WITH_PAGE_CACHE[pkg.sha256],
            lang,
        )
    )
