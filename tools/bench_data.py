"""A synthetic data package `factor` times the real one, for the benchmark's scale measurement.

`scale_package(data_dir, factor)` rewrites the package in `data_dir` in place (the benchmark calls
it on a temporary project copy, never on the checkout). The model of a larger source: the same world
(the same states, organisations, places, chapters and printed tables) described in `factor` times as
many records. Every scaled table keeps its original rows byte for byte (the chapters cite them by
id) and gains `factor - 1` generations of copies, generation g (2 … factor) with ids suffixed
`-s<g>` (`_s<g>` for indicator names, `d<n + (g-1)·100>` for discrepancies, whose ids are `d` and
two or three digits). A copy's references point to the copy of the same generation wherever the
target is scaled, and to the original otherwise. Dates, locators and text are kept, so every date
stays valid and every locator still resolves to the passage its original cites; only actor names get
a " (synthetic g)" mark, because the glossary and the actor index need names that tell actors apart.
datapackage.json is not changed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

# Tables whose rows grow with a longer source, and why they can be copied without inventing
# anything:
SCALED = {
    "actors": (
        "people, institutions, groups, units and media (slug ids): a longer source names more of "
        "them"
    ),
    "events": "every dated happening; the bulk of a longer source",
    "event_actors": "the participants of each event copy",
    "event_links": "links between event copies",
    "facts": "undated statements grow with the text",
    "deployments": "more reports of forces at the same bases and hosts",
    "indicators": (
        "more quantities; a copy differs in its indicator name, since (country, indicator, as_of)"
        " is the key"
    ),
    "discrepancies": (
        "a longer text has more misprints and conflicts; each copy names its own generation's "
        "records"
    ),
}
# Tables that stay, and why:
UNSCALED = {
    "sources": "the two chapters",
    "stances": "key (date, state, issue): a copy of a state's position on the same day would "
    "duplicate the key "
    "or need an invented date that contradicts its event",
    "memberships": (
        "key (state, organisation, start): the same states join the same organisations once"
    ),
    "aid": (
        "key (donor state, recipient state, year): the same, and the parts must add up to the "
        "stated totals"
    ),
    "iraq_war_responses": "the chapter's printed Table 1 (a country enum by dimension, ten cells)",
    "periods": "each state's periodisation (ids `kaz-1`: one digit)",
    "period_relations": "belong to the periods",
    "coverage_exclusions": "reviewed date expressions of the chapters' own text",
    "sentences": "the map of the chapters' real sentences (locator and checksum of each); a copy "
    "would name a "
    "sentence the chapters do not have",
    "places": "map coordinates of the fixed places (external, GeoNames)",
    "date_expressions": "derived from the chapters' text",
    "source_sentences": "derived from the chapters' text",
}
STATE_OR_ORGANIZATION = re.compile(r"[A-Z]{2,10}")  # ISO alpha-3 and acronyms: the fixed world
# Places and facilities are geography (their coordinates are in places.csv): never copied.
FIXED_KINDS = {"state", "organization", "place", "facility"}
DISCREPANCY_STEP = 100


def _read(path: Path) -> tuple[str, list[str], list[dict]]:
    text = path.read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    return text, list(reader.fieldnames or []), list(reader)


def _rows_text(header: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    csv.DictWriter(out, header, lineterminator="\n").writerows(rows)
    return out.getvalue()


def scale_package(data_dir: Path, factor: int) -> dict:
    """Scale the record tables of the package in `data_dir` to `factor` × their rows, in place.
    Returns {table: {"before": rows, "after": rows}} for every resource (unscaled ones:
    before == after)."""
    if factor < 1:
        raise ValueError(f"factor must be at least 1, not {factor}")
    data_dir = Path(data_dir)
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in descriptor["resources"]]
    if unknown := set(names) - set(SCALED) - set(UNSCALED):
        raise ValueError(
            f"tables neither scaled nor listed as fixed: {sorted(unknown)} (decide in synthetic.py)"
        )
    files = {r["name"]: data_dir / r["path"] for r in descriptor["resources"]}
    tables = {n: _read(files[n]) for n in names}

    actors = tables["actors"][2]
    scaled_actors = {
        a["actor_id"]
        for a in actors
        if a["kind"] not in FIXED_KINDS and not STATE_OR_ORGANIZATION.fullmatch(a["actor_id"])
    }
    discrepancy_numbers = [int(r["discrepancy_id"][1:]) for r in tables["discrepancies"][2]]
    step = (
        DISCREPANCY_STEP
        if max(discrepancy_numbers, default=0) < DISCREPANCY_STEP
        else max(discrepancy_numbers)
    )
    if (factor - 1) * step + max(discrepancy_numbers, default=0) > 999:
        raise ValueError(f"factor {factor} needs discrepancy ids beyond d999 (pattern d\\d{{2,3}})")

    def generation(g: int) -> dict[str, list[dict]]:
        sfx = f"-s{g}"

        def actor(a: str) -> str:
            return a + sfx if a in scaled_actors else a

        def ids(value: str, one: Callable[[str], str]) -> str:
            return " ".join(one(v) for v in value.split())

        def ref(r: str) -> str:  # `<resource>:<primary key>` (sentence map, discrepancy register)
            res, _, key = r.partition(":")
            if res in ("events", "facts", "deployments"):
                return f"{res}:{key}{sfx}"
            if res == "actors":
                return f"actors:{actor(key)}"
            if res == "indicators":
                country, indicator, as_of = key.split("/")
                return f"indicators:{actor(country)}/{indicator}_s{g}/{as_of}"
            if res == "discrepancies":
                return f"discrepancies:d{int(key[1:]) + (g - 1) * step:02d}"
            return r  # a fixed table: the original record

        copy = {
            "actors": lambda r: {
                **r,
                "actor_id": r["actor_id"] + sfx,
                "country_id": actor(r["country_id"]),
                "name_en": f"{r['name_en']} (synthetic {g})",
                "name_en_ours": "|".join(
                    p for p in (r.get("name_en_ours", ""), f"(synthetic {g})") if p
                ),
                "name_ja": f"{r['name_ja']}（合成{g}）",
            },
            "events": lambda r: {
                **r,
                "event_id": r["event_id"] + sfx,
                "place_id": actor(r["place_id"]),
            },
            "event_actors": lambda r: {
                **r,
                "event_id": r["event_id"] + sfx,
                "actor_id": actor(r["actor_id"]),
            },
            "event_links": lambda r: {
                **r,
                "event_id": r["event_id"] + sfx,
                "linked_event_id": r["linked_event_id"] + sfx,
            },
            "facts": lambda r: {
                **r,
                "fact_id": r["fact_id"] + sfx,
                "actor_ids": ids(r["actor_ids"], actor),
                "related_event_ids": ids(r["related_event_ids"], lambda e: e + sfx),
            },
            "deployments": lambda r: {
                **r,
                "deployment_id": r["deployment_id"] + sfx,
                "facility_id": actor(r["facility_id"]),
                "host_id": actor(r["host_id"]),
                "force_id": actor(r["force_id"]),
                "event_id": r["event_id"] + sfx if r["event_id"] else "",
            },
            "indicators": lambda r: {
                **r,
                "country_id": actor(r["country_id"]),
                "indicator": f"{r['indicator']}_s{g}",
            },
            "discrepancies": lambda r: {
                **r,
                "discrepancy_id": ref(f"discrepancies:{r['discrepancy_id']}").partition(":")[2],
                "record_ids": ids(r["record_ids"], ref),
            },
        }
        out = {}
        for name, make in copy.items():
            rows = tables[name][2]
            if name == "actors":
                rows = [r for r in rows if r["actor_id"] in scaled_actors]
            out[name] = [make(r) for r in rows]
        return out

    copies: dict[str, list[dict]] = {n: [] for n in SCALED}
    for g in range(2, factor + 1):
        for name, rows in generation(g).items():
            copies[name] += rows
    counts = {}
    for name in names:
        text, header, rows = tables[name]
        extra = copies.get(name, [])
        if extra:
            files[name].write_text(
                text + ("" if text.endswith("\n") else "\n") + _rows_text(header, extra),
                encoding="utf-8",
            )
        counts[name] = {"before": len(rows), "after": len(rows) + len(extra)}
    return counts
