"""The discrepancy register (methods/discrepancies.md): a table of the kinds, then each entry of
discrepancies.csv with what the chapter prints, the reading we adopt, why, and its records. Entries
that differ only in the note they concern (chapter 3's notes whose text the source file lacks) are
one explanation and one table, a row each; every entry keeps its anchor `disc-<id>`."""

from __future__ import annotations

import pandas as pd

from ca911.book.code_spans import text_with_ids_as_code
from ca911.book.myst import Markup, is_missing, markdown_cell, markdown_table, myst_code, myst_text
from ca911.book.records import record_link
from ca911.data.locators import parse_locator
from ca911.data.package import DataPackage

DISCREPANCY_WORDS = {
    "en": {
        "columns": ["kind", "entries"],
        "caption": "Kinds of discrepancy, with the number of entries of each.",
        "as_printed": "As printed:",
        "reading": "Reading adopted:",
        "why": "Why:",
        "records": "Records:",
        "none": "none",
        # entries that differ only in the note they concern: one explanation, then a table
        "group": "{first}–{last} · {kind} · {n} notes",
        "group_columns": ["entry", "note as printed", "locator", "records"],
        "group_caption": "Entries {first}–{last}: the notes whose marker alone is printed.",
        "group_rows": "The {n} entries, one per note, are listed in {table}.",
        "each_note": "each note",
        "note": "note {n}",
    },
    "ja": {
        "columns": ["種類", "項目数"],
        "caption": "食い違いの種類と、それぞれの項目数。",
        "as_printed": "印刷どおり：",
        "reading": "採用した読み：",
        "why": "理由：",
        "records": "記録：",
        "none": "なし",
        "group": "{first}〜{last} · {kind} · 注{n}件",
        "group_columns": ["項目", "印刷どおりの注", "典拠箇所", "記録"],
        "group_caption": "項目{first}〜{last}：記号だけが印刷された注。",
        "group_rows": "{n}件の項目を、注ごとに{table}に示す。",
        "each_note": "各注",
        "note": "注{n}",
    },
}


def register_text(value) -> str:
    """A reading or reason of the register: the data's text, with the fields and codes it names as
    code (`time_basis`, `text_ja`)."""
    return markdown_cell(value if is_missing(value) else text_with_ids_as_code(value))


def _note_groups(d: pd.DataFrame, lang: str) -> dict[str, str]:
    """Entries that differ only in the note they concern (the same kind, reading and reason once
    the entry's own note number is read as "each note"), by id: the shared reason, for groups of
    more than two. Each is shown as a row of one table under that reason."""
    words = DISCREPANCY_WORDS[lang]
    reading, reason = ("reading_ja", "reason_ja") if lang == "ja" else ("reading", "reason")
    keys = {}
    for r in d.itertuples():
        note = parse_locator(r.locator)["note"]
        text = getattr(r, reason)
        if note is None or is_missing(text) or words["note"].format(n=note) not in text:
            continue
        shared = text.replace(words["note"].format(n=note), words["each_note"], 1)
        keys[r.discrepancy_id] = (r.kind, getattr(r, reading), shared)
    sizes = pd.Series(list(keys.values()), dtype=object).value_counts()
    return {i: k[2] for i, k in keys.items() if sizes[k] > 2}


def _group_markdown(rows: pd.DataFrame, shared: str, label: str, lang: str) -> list[str]:
    words = DISCREPANCY_WORDS[lang]
    first, last = rows["discrepancy_id"].iloc[0], rows["discrepancy_id"].iloc[-1]
    reading = rows["reading_ja" if lang == "ja" else "reading"].iloc[0]
    table = pd.DataFrame(
        [
            [
                r.discrepancy_id,
                r.as_printed,
                Markup(myst_code(r.locator)),
                Markup(" ".join(record_link(i) for i in (r.record_ids or [])) or words["none"]),
            ]
            for r in rows.itertuples()
        ],
        columns=words["group_columns"],
    )
    heading = words["group"].format(first=first, last=last, kind=label, n=len(rows))
    name = f"tab-discrepancy-notes-{first}"
    return [
        *(f"(disc-{i})=" for i in rows["discrepancy_id"]),  # every entry's id still resolves
        f"**{myst_text(heading)}**",
        f"- **{words['reading']}** {register_text(reading)}",
        f"- **{words['why']}** {register_text(shared)}",
        f"- {words['group_rows'].format(n=len(rows), table=f'{{numref}}`{name}`')}",
        "",
        markdown_table(
            table,
            words["group_caption"].format(first=first, last=last),
            name,
            # the printed note (（注17）) is short but must not break; the record ids take the rest
            widths=[9, 15, 26, 50],
            lang=lang,
        ),
        "",
    ]


def discrepancies_markdown(pkg: DataPackage, lang: str = "en") -> str:
    words = DISCREPANCY_WORDS[lang]
    d = pkg.discrepancies.sort_values("discrepancy_id")
    labels = pkg.labels("discrepancies", "kind", lang)
    counts = d["kind"].astype(str).value_counts()
    kinds = pd.DataFrame(
        [[v, int(counts.get(k, 0))] for k, v in labels.items()], columns=words["columns"]
    )
    out = [markdown_table(kinds, words["caption"], "tab-discrepancy-kinds", lang=lang), ""]
    groups, shown = _note_groups(d, lang), set()
    for r in d.itertuples():  # one entry each: seven columns are too narrow to read in print
        if r.discrepancy_id in shown:
            continue
        if r.discrepancy_id in groups:
            rows = d[[groups.get(i) == groups[r.discrepancy_id] for i in d["discrepancy_id"]]]
            shown.update(rows["discrepancy_id"])
            out += _group_markdown(rows, groups[r.discrepancy_id], labels[r.kind], lang)
            continue
        ids = " ".join(record_link(i) for i in (r.record_ids or [])) or words["none"]
        reading, reason = (r.reading_ja, r.reason_ja) if lang == "ja" else (r.reading, r.reason)
        out += [
            f"(disc-{r.discrepancy_id})=",
            f"**{myst_text(r.discrepancy_id)}** · "
            f"{myst_text(labels[r.kind])} · {myst_code(r.locator)}",
            f"- **{words['as_printed']}** {markdown_cell(r.as_printed)}",
            f"- **{words['reading']}** {register_text(reading)}",
            f"- **{words['why']}** {register_text(reason)}",
            f"- **{words['records']}** {ids}",
            "",
        ]
    return "\n".join(out) + "\n"
