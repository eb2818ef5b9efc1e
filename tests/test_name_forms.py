"""The Latin the chapters print with a name is recorded with the actor, so name tracing can use
it."""

from __future__ import annotations

import csv
from pathlib import Path

from ca911.data.chapters import chapter_ids
from ca911.data.package import default_data_dir
from ca911.sources import reader as sources
from support.names import unbracketed_outside_parts, unrecorded_latin_forms
from support.project import needs_sources


@needs_sources
def test_every_latin_form_printed_with_a_name_is_recorded():
    with open(default_data_dir() / "actors.csv", encoding="utf-8", newline="") as f:
        actors = list(csv.DictReader(f))
    problems = [
        p
        for ch in chapter_ids()
        for p in unrecorded_latin_forms(sources.read_chapter(ch).text, actors)
    ]
    assert problems == []


def test_our_text_brackets_every_outside_name_part_it_uses():
    """Summaries and descriptions mark an outside name part as the data's names do; companion prose
    either so or as a plain gloss after the printed form."""
    from ca911.data import package as data

    pkg = data.load()
    parts = {p for v in pkg.actors["name_en_external"] for p in v if len(p) >= 4}
    texts = {
        f"{res}.{col}:{key}": str(v)
        for res in (
            "events",
            "facts",
            "stances",
            "deployments",
            "aid",
            "periods",
            "period_relations",
            "memberships",
            "discrepancies",
            "actors",
        )
        for col in getattr(pkg, res).columns
        if col.endswith("_en") and col != "name_en"
        for key, v in getattr(pkg, res)[col].dropna().items()
    }
    root = Path(__file__).resolve().parents[1]
    prose = {
        str(f.relative_to(root)): f.read_text(encoding="utf-8")
        for folder in ("chapters", "notebooks", "front")
        for f in sorted((root / folder).glob("*.md"))
    }
    # running prose may gloss a part plainly, "NATO (North Atlantic Treaty Organization)"
    assert (
        unbracketed_outside_parts(texts, parts)
        + unbracketed_outside_parts(prose, parts, glosses=True)
        == []
    )
