"""The rules across the files of the data package that its schema cannot state, one function per
family; `CROSS_FILE_RULES` lists them. Each adds its problems to the `CrossFileCheck` it is
given."""

from __future__ import annotations

from ca911.data.dates import check_date
from ca911.data.japanese_text_rules import japanese_text_rules
from ca911.data.locators import chapter_of
from ca911.data.name_tracing import name_rules
from ca911.data.problems import CrossFileCheck
from ca911.data.schema import date_columns, record_locators
from ca911.data.summary_rules import summary_rules

PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


def date_rules(check: CrossFileCheck) -> None:
    """Dates a schema cannot check: a real day, a precision that fits the date, an end not before
    its start."""
    tables, descriptor, add = check.tables, check.descriptor, check.add
    for table, cols in date_columns(descriptor, strings_only=True).items():
        for rec in tables.get(table, []):
            for col in cols:
                if rec.get(col) and (why := check_date(rec[col])):
                    add(table, rec, col, "impossible-date", why)
    for rec in tables.get("events", []):
        date, end = rec["date"], rec["date_end"]
        if date and not check_date(date):
            expected = PRECISION_BY_LENGTH.get(len(date))
            if rec["date_precision"] and rec["date_precision"] != expected:
                add(
                    "events",
                    rec,
                    "date_precision",
                    "precision-mismatch",
                    f"date {date!r} has {expected} precision, not {rec['date_precision']!r}",
                )
            if end and not check_date(end) and end < date[: len(end)]:
                add(
                    "events",
                    rec,
                    "date_end",
                    "end-before-start",
                    f"date_end {end!r} is before date {date!r}",
                )
    for table, start, end in (("memberships", "start", "end"), ("periods", "start", "end")):
        for rec in tables.get(table, []):
            if rec.get(end) and rec[end] < rec[start][: len(rec[end])]:
                add(
                    table,
                    rec,
                    end,
                    "end-before-start",
                    f"{end} {rec[end]!r} is before {start} {rec[start]!r}",
                )


def reference_rules(check: CrossFileCheck) -> None:
    """References between files: every event has an actor, every id or record reference names a row
    that exists, every BibTeX key is in references.bib."""
    tables, descriptor, bib, add, items = (
        check.tables,
        check.descriptor,
        check.bib,
        check.add,
        check.items,
    )
    with_actor = {r["event_id"] for r in tables.get("event_actors", [])}
    for rec in tables.get("events", []):
        if rec["event_id"] and rec["event_id"] not in with_actor:
            add(
                "events",
                rec,
                "event_id",
                "event-without-actor",
                f"event {rec['event_id']!r} has no row in event_actors.csv",
            )
    events = {r["event_id"] for r in tables.get("events", [])}
    for table, col in (("stances", "event_id"), ("deployments", "event_id")):
        for rec in tables.get(table, []):
            if rec.get(col) and rec[col] not in events:
                add(
                    table,
                    rec,
                    col,
                    "unknown-event",
                    f"{rec[col]!r} is not an event_id in events.csv",
                )
    for rec in tables.get("iraq_war_responses", []):
        for eid in items("iraq_war_responses", rec, "event_ids"):
            if eid not in events:
                add(
                    "iraq_war_responses",
                    rec,
                    "event_ids",
                    "unknown-event",
                    f"{eid!r} is not an event_id in events.csv",
                )
    actors = {r["actor_id"] for r in tables.get("actors", [])}
    for rec in tables.get("facts", []):
        for col, known, what in (
            ("actor_ids", actors, "an actor_id in actors.csv"),
            ("related_event_ids", events, "an event_id in events.csv"),
        ):
            for ref in items("facts", rec, col):
                if ref not in known:
                    add(
                        "facts",
                        rec,
                        col,
                        "unknown-actor" if col == "actor_ids" else "unknown-event",
                        f"{ref!r} is not {what}",
                    )
    refs = record_locators(tables, descriptor)
    for table, col in (("sentences", "record_refs"), ("discrepancies", "record_ids")):
        for rec in tables.get(table, []):
            for ref in items(table, rec, col):
                if ref not in refs:
                    add(
                        table,
                        rec,
                        col,
                        "unknown-record",
                        f"{ref!r} names no record (form `<resource>:<primary key>`, composite "
                        "keys joined by `/`)",
                    )
    for rec in tables.get("sources", []):
        if rec["bibtex_key"] and rec["bibtex_key"] not in bib:
            add(
                "sources",
                rec,
                "bibtex_key",
                "unknown-bibtex-key",
                f"{rec['bibtex_key']!r} is not a key in references.bib",
            )


def sentence_rules(check: CrossFileCheck) -> None:
    """The sentence map: fact sentences name their records, analysis and signposts name none, and a
    locator lies in its own chapter."""
    tables, add, items = check.tables, check.add, check.items
    for rec in tables.get("sentences", []):
        listed = items("sentences", rec, "record_refs")
        if rec["content"] in ("fact", "restatement") and not listed:
            add(
                "sentences",
                rec,
                "record_refs",
                "fact-without-record",
                f"a {rec['content']} sentence must name the records that hold it",
            )
        if rec["content"] in ("analysis", "signpost") and listed:
            add(
                "sentences",
                rec,
                "record_refs",
                "records-on-non-fact",
                f"an {rec['content']} sentence states no fact; name no records or mark it `fact`",
            )
        loc = rec["locator"]
        if loc and rec["source_id"] and chapter_of(loc) != rec["source_id"]:
            add(
                "sentences",
                rec,
                "locator",
                "locator-chapter",
                f"{loc!r} is not in {rec['source_id']}",
            )


def place_rules(check: CrossFileCheck) -> None:
    """Places on the map: each is a facility or place in actors.csv, a capital belongs to a state,
    and every coordinate names its public reference."""
    tables, add = check.tables, check.add
    kinds = {r["actor_id"]: r["kind"] for r in tables.get("actors", [])}
    for rec in tables.get("places", []):  # coordinates from outside the chapters, for the map
        if rec["place_id"] not in kinds:
            add(
                "places",
                rec,
                "place_id",
                "unknown-actor",
                f"{rec['place_id']!r} is not an actor_id in actors.csv",
            )
        elif kinds[rec["place_id"]] not in ("facility", "place"):
            add(
                "places",
                rec,
                "place_id",
                "not-a-place",
                f"{rec['place_id']!r} is a {kinds[rec['place_id']]}, not a facility or place",
            )
        if rec["capital_of"] and kinds.get(rec["capital_of"]) != "state":
            add(
                "places",
                rec,
                "capital_of",
                "not-a-state",
                f"{rec['capital_of']!r} is not a state in actors.csv",
            )
        if not rec["reference"].strip():
            add(
                "places",
                rec,
                "reference",
                "coordinates-without-reference",
                "every coordinate needs the public reference it comes from",
            )


def membership_event_rules(check: CrossFileCheck) -> None:
    """A joining or leaving told as an event is the same fact as a membership's start or end: one
    date for both."""
    tables, add = check.tables, check.add
    roles = {}
    for r in tables.get("event_actors", []):
        roles.setdefault(r["event_id"], {}).setdefault(r["role"], []).append(r["actor_id"])
    memberships = tables.get("memberships", [])
    for rec in tables.get("events", []):
        column = {"accession": "start", "withdrawal": "end"}.get(rec["event_type"])
        if not column:
            continue
        for member in roles.get(rec["event_id"], {}).get("initiator", []):
            for org in roles.get(rec["event_id"], {}).get("target", []):
                rows = [
                    m
                    for m in memberships
                    if m["member_id"] == member
                    and m["org_id"] == org
                    and m["source_id"] == rec["source_id"]
                ]
                if not any(
                    m[column] == rec["date"] and (column == "end" or m["start_basis"] == "joined")
                    for m in rows
                ):
                    add(
                        "events",
                        rec,
                        "date",
                        "membership-event-mismatch",
                        f"{member} {'joins' if column == 'start' else 'leaves'} {org} on "
                        f"{rec['date']!r}, but no {rec['source_id']} membership row"
                        f" has that {column}"
                        + (" with start_basis joined" if column == "start" else ""),
                    )


def stance_rules(check: CrossFileCheck) -> None:
    """Stances: dated as their evidence event is, with the same care; `not_stated` is computed,
    never stored."""
    tables, add = check.tables, check.add
    event_dates = {r["event_id"]: (r["date"], r["approximate"]) for r in tables.get("events", [])}
    for rec in tables.get("stances", []):
        # a stance is what its evidence event shows, so it is dated as that event is, with the same
        # care
        if rec["event_id"] in event_dates:
            date, approximate = event_dates[rec["event_id"]]
            if rec["date"] != date:
                add(
                    "stances",
                    rec,
                    "date",
                    "stance-date-not-event-date",
                    f"{rec['date']!r} is not the date {date!r} of its evidence event",
                )
            if rec.get("approximate", approximate).lower() != approximate.lower():
                add(
                    "stances",
                    rec,
                    "approximate",
                    "stance-approximate-not-event",
                    f"approximate={rec.get('approximate')!r}, its evidence event has "
                    f"{approximate!r}",
                )
        if rec["stance"] == "not_stated":
            add(
                "stances",
                rec,
                "stance",
                "stored-carry-forward",
                "`not_stated` is only computed by carry-forward, never stored",
            )


CROSS_FILE_RULES = (
    date_rules,
    reference_rules,
    sentence_rules,
    name_rules,
    place_rules,
    membership_event_rules,
    stance_rules,
    japanese_text_rules,
    summary_rules,
)
