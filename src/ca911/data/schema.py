"""What `data/datapackage.json` says about records, in one place: primary keys, record references,
date columns and the resources a sentence may cite.

Records are named by their reference (`ca911.data.refs`: `<resource>:<primary key>`), built from the
primary keys given here. Date columns are the fields marked `"partialDate": true` (YYYY, YYYY-MM or
YYYY-MM-DD). List-valued columns are string fields with a `"listSeparator"` (`" "` between ids,
`"|"` between name forms); `split_list` is the one place such a cell becomes a list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ca911.data.refs import format_ref

# Resources a sentence of the chapters can point to; stances are located by their evidence event.
REFERABLE = (
    "actors",
    "events",
    "facts",
    "stances",
    "memberships",
    "deployments",
    "aid",
    "iraq_war_responses",
    "periods",
    "period_relations",
    "indicators",
)


def resource(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def primary_key(descriptor: dict, name: str) -> list[str]:
    key = resource(descriptor, name)["schema"].get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)


def date_columns(descriptor: dict, *, strings_only: bool = False) -> dict[str, list[str]]:
    """Resource → its date fields in schema order (the first is the start, a second the end);
    `strings_only` leaves out integer years (aid.year), which need no partial-date parsing."""
    out: dict[str, list[str]] = {}
    for res in descriptor["resources"]:
        cols = [
            f["name"]
            for f in res["schema"]["fields"]
            if f.get("partialDate") and (f["type"] == "string" or not strings_only)
        ]
        if cols:
            out[res["name"]] = cols
    return out


LIST_SEPARATOR = "listSeparator"


def list_fields(descriptor: dict) -> dict[str, dict[str, str]]:
    """Resource → {list-valued field: its separator}, from the fields' `listSeparator`."""
    out: dict[str, dict[str, str]] = {}
    for res in descriptor["resources"]:
        seps = {
            f["name"]: f[LIST_SEPARATOR] for f in res["schema"]["fields"] if LIST_SEPARATOR in f
        }
        if seps:
            out[res["name"]] = seps
    return out


def split_list(value: str | None, separator: str) -> list[str]:
    """A list-valued cell as its items: '' → [], 'a b' → ['a', 'b'] (a doubled separator adds no
    empty item)."""
    return [item for item in (value or "").split(separator) if item]


def record_locators(tables: Mapping[str, Iterable[Mapping]], descriptor: dict) -> dict[str, str]:
    """Reference → the record's locator, for every referable record (a stance's is its event's)."""
    event_locator = {str(r["event_id"]): str(r["locator"]) for r in tables.get("events", [])}
    out = {}
    for name in REFERABLE:
        key = primary_key(descriptor, name)
        for rec in tables.get(name, []):
            out[format_ref(name, rec, key)] = (
                event_locator.get(str(rec["event_id"]), "")
                if name == "stances"
                else str(rec["locator"])
            )
    return out
