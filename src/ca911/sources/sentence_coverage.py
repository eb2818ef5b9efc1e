"""Sentence coverage: the sentence map (`sentences.csv`) checked against a chapter. Every sentence
has a row with the right checksum, and a `fact` row names records located at its paragraph (date
expressions are `ca911.sources.coverage`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ca911.sources.coverage import covers, package_record_locators


@dataclass
class SentenceCheck:
    locator: str
    number: int
    content: str  # fact, restatement, analysis, signpost, or "" when the map has no row
    records: list[str]
    problem: str = ""  # empty when the sentence is properly mapped


@dataclass
class SentenceReport:
    chapter: str
    sentences: list[SentenceCheck]
    stale_rows: list[str]  # map rows that match no sentence of the chapter

    @property
    def complete(self) -> bool:
        return not self.stale_rows and not any(s.problem for s in self.sentences)

    def counts(self) -> dict[str, int]:
        out = {"fact": 0, "restatement": 0, "analysis": 0, "signpost": 0, "problem": 0}
        for s in self.sentences:
            out["problem" if s.problem else s.content] += 1
        return out

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [
                {
                    "sentence": s.number,
                    "locator": s.locator,
                    "content": s.content,
                    "records": " ".join(s.records),
                    "problem": s.problem,
                }
                for s in self.sentences
            ]
        )


class SentenceKey(NamedTuple):
    """A sentence as the map knows it: where it is, its reading order and its checksum (no text)."""

    locator: str
    number: int
    checksum: str


def chapter_sentence_keys(chapter_id: str, data=None, from_text: bool = False) -> list[SentenceKey]:
    """The chapter's sentences from the committed `source_sentences.csv`, or from the text
    itself."""
    if from_text:
        from ca911.sources.reader import chapter_sentences

        return [SentenceKey(s.locator, s.number, s.checksum) for s in chapter_sentences(chapter_id)]
    rows = data["source_sentences"]
    rows = rows[rows["source_id"] == chapter_id].sort_values("sentence_no")
    return [SentenceKey(r.locator, int(r.sentence_no), r.checksum) for r in rows.itertuples()]


def sentence_report(
    chapter_id: str, data_dir: str | Path | None = None, data=None, from_text: bool = False
) -> SentenceReport:
    """Check the sentence map against the chapter: every sentence has a row with the right checksum,
    and every `fact` row names records located at that sentence's paragraph (a `restatement` may
    point back). That every ref exists and a fact row names one are validation rules; the package is
    loaded validated. The sentences come from the committed inventory unless `from_text=True`."""
    from ca911.data.package import load

    if data is None:
        data = load(data_dir)
    refs = package_record_locators(data)
    rows = {r.locator: r for r in data["sentences"].itertuples() if r.source_id == chapter_id}
    checks, seen = [], set()
    for sent in chapter_sentence_keys(chapter_id, data, from_text):
        row = rows.get(sent.locator)
        if row is None:
            checks.append(
                SentenceCheck(sent.locator, sent.number, "", [], "no row in sentences.csv")
            )
            continue
        seen.add(sent.locator)
        records = list(row.record_refs)
        check = SentenceCheck(sent.locator, sent.number, str(row.content), records)
        paragraph = sent.locator.rsplit(" s.", 1)[0]
        if row.checksum != sent.checksum:
            check.problem = (
                f"checksum {row.checksum} ≠ {sent.checksum}: "
                "the sentence text has changed; review the row"
            )
        elif int(row.sentence_no) != sent.number:
            check.problem = f"sentence_no {row.sentence_no} ≠ {sent.number} (reading order)"
        elif row.content == "fact" and (
            away := [r for r in records if not covers(refs.get(r, ""), paragraph)]
        ):
            check.problem = (
                f"{away[0]} is located at {refs.get(away[0])!r}, not at this paragraph "
                "(a fact of an earlier passage is a `restatement`)"
            )
        checks.append(check)
    stale = sorted(set(rows) - seen)
    return SentenceReport(chapter_id, checks, stale)


def format_sentence_report(report: SentenceReport) -> str:
    c = report.counts()
    total = len(report.sentences)
    lines = [
        f"{report.chapter}: {total} sentences — {c['fact']} fact, {c['restatement']} restatement, "
        f"{c['analysis']} analysis, {c['signpost']} signpost, {c['problem']} with a problem"
    ]
    lines += [f"  PROBLEM  {s.locator}  {s.problem}" for s in report.sentences if s.problem]
    lines += [f"  STALE ROW (matches no sentence)  {loc}" for loc in report.stale_rows]
    return "\n".join(lines)
