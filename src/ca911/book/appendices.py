"""Generated appendices: the glossary (from actors.csv), how to cite (from CITATION.cff), the
discrepancy register, and the undated facts with the sentence map that ties every sentence of the
chapters to its records."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from ca911.book.actor_index import KIND_HEADINGS, index_name, sort_key
from ca911.book.actor_records import actors_with_pages, marked_external, ref_link
from ca911.book.myst import MISSING, Markup, markdown_cell, markdown_table, myst_code, myst_text
from ca911.book.records import fact_label, record_markup
from ca911.data.locators import section_of
from ca911.data.package import DataPackage
from ca911.data.refs import RECORD_REF

ROOT = Path(__file__).resolve().parents[3]


def glossary_markdown(pkg: DataPackage) -> str:
    """Every named actor, English ↔ Japanese, grouped by kind."""

    a, with_page = pkg.actors.copy(), set(actors_with_pages(pkg))
    out = [
        "Square brackets in an English name mark the part that neither chapter prints (a given "
        "name, a prefix or a "
        "transliteration supplied from outside them, and recorded apart from the rest of the name "
        "in `actors.csv`). In the tables, "
        f"{MISSING} means that the chapters print no other form.",
        "",
    ]
    for kind, heading in KIND_HEADINGS.items():
        rows = a[a["kind"].astype(str) == kind]
        rows = rows.assign(
            shown=[index_name(n, kind) for n in rows["name_en"]]
        )  # people surname first, as the index
        rows = rows.iloc[sorted(range(len(rows)), key=lambda i: sort_key(rows["shown"].iloc[i]))]
        if rows.empty:
            continue
        # the English name links to the actor's page (HTML) or index entry (print) where it has one
        table = pd.DataFrame(
            [
                [
                    Markup(
                        ref_link(
                            r.actor_id, marked_external(r.shown, r.name_en_external), with_page
                        )
                    ),
                    r.name_ja,
                    "、".join(r.name_ja_variants),
                    myst_code(r.actor_id),
                    myst_code(r.locator),
                ]
                for r in rows.itertuples()
            ],
            columns=["English", "日本語 (as printed)", "other printed forms", "id", "first named"],
        )
        out += [
            f"# {heading}",
            "",
            markdown_table(
                table,
                f"{heading}: English and Japanese names.",
                f"tab-glossary-{kind}",
                widths=[28, 22, 20, 15, 15],
                dash_explained=True,
            ),
            "",
        ]
    return "\n".join(out) + "\n"


def citation_bibtex(cff: dict) -> str:
    """The volume's BibTeX entry. Its year is the year of CITATION.cff's `date-released` when the
    file states one; otherwise the entry has no year and its note says that none is stated (a build
    date is not a release date)."""
    authors = " and ".join(
        a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in cff["authors"]
    )
    licences = ", ".join(cff["license"]) if isinstance(cff["license"], list) else cff["license"]
    released = str(cff.get("date-released") or "")
    year = f"  year    = {{{released[:4]}}},\n" if released[:4].isdigit() else ""
    note = f"Licences: {licences}" + ("" if year else "; no release date stated, so no year")
    return (
        f"@misc{{ca911companion,\n  author  = {{{{{authors}}}}},\n  title   = {{{cff['title']}}},\n"
        f"{year}  version = {{{cff['version']}}},\n  note    = {{{note}}},\n}}\n"
    )


# Citation blocks wrap at the column (ca911.css): a reader copies them whole, and a scrolled line
# hides its end.
CITATION_BLOCK = ":class: ca911-citation"


def citation_markdown(cff_path: Path = ROOT / "CITATION.cff") -> str:
    cff = yaml.safe_load(cff_path.read_text(encoding="utf-8"))
    out = [
        "# BibTeX",
        "",
        "```{code-block} bibtex",
        CITATION_BLOCK,
        "",
        citation_bibtex(cff).rstrip(),
        "```",
        "",
        "# One record",
        "",
        "Every record has a stable reference, the file in `data/` without `.csv`, a colon, then "
        "the record's key "
        "(the sentence map and the discrepancy register use the same form). Cite a record with "
        "the volume's version, "
        "so the reader can fetch the data as they stood:",
        "",
        "```{code-block} text",
        CITATION_BLOCK,
        "",
        f"{cff['title']}, version {cff['version']}, record events:ch3-2001-09-24-putin-tv-address",
        "```",
        "",
        "Events and undated facts also have an anchor in the HTML edition (the event's entry in "
        "the full chronology, "
        "the fact's in the list of undated facts), and every actor with a page lists all its "
        "records with their "
        "references.",
        "",
        "# Citation File Format",
        "",
        "The file `CITATION.cff` at the root of the project, as it stands:",
        "",
        "```{code-block} yaml",
        CITATION_BLOCK,
        "",
        cff_path.read_text(encoding="utf-8").rstrip(),
        "```",
        "",
    ]
    return "\n".join(out)


def kind_words(code: str) -> str:
    """A kind code as the register names it: `internal_conflict` → "internal conflict"."""
    return str(code).replace("_", " ")


def discrepancies_markdown(pkg: DataPackage) -> str:
    d = pkg.discrepancies.sort_values("discrepancy_id")
    labels = pkg.labels("discrepancies", "kind")
    counts = d["kind"].astype(str).value_counts()
    kinds = pd.DataFrame(
        [[kind_words(k), v, int(counts.get(k, 0))] for k, v in labels.items()],
        columns=["kind", "meaning", "entries"],
    )
    out = [
        markdown_table(
            kinds,
            "Kinds of discrepancy, with the number of entries of each.",
            "tab-discrepancy-kinds",
        ),
        "",
    ]
    for r in d.itertuples():  # one entry each: seven columns are too narrow to read in print
        ids = " ".join(record_link(i) for i in (r.record_ids or [])) or "none"
        out += [
            f"(disc-{r.discrepancy_id})=",
            f"**{myst_text(r.discrepancy_id)}** · {myst_text(kind_words(r.kind))} · "
            f"{myst_code(r.locator)}",
            f"- **As printed:** {markdown_cell(r.as_printed)}",
            f"- **Reading adopted:** {markdown_cell(r.reading)}",
            f"- **Why:** {markdown_cell(r.reason)}",
            f"- **Records:** {ids}",
            "",
        ]
    return "\n".join(out) + "\n"


def chapter_titles(pkg: DataPackage) -> dict[str, str]:
    """ "Chapter 3 (Matsui)" for each source, from sources.csv."""
    return {
        r.source_id: f"Chapter {r.chapter} ({str(r.author).split()[0]})"
        for r in pkg.sources.itertuples()
    }


def record_link(ref: str) -> str:
    """A record reference as Markdown, in the one style of every page (`records.record_markup`);
    text that is no record reference is shown as escaped text (the validator names it)."""
    return record_markup(ref) if RECORD_REF.fullmatch(ref) else markdown_cell(ref)


def facts_markdown(pkg: DataPackage) -> str:
    """Every undated fact, per chapter in reading order, each labelled for links from the sentence
    map."""
    names = pkg.actors.set_index("actor_id")["name_shown"]
    first_cited: dict[str, int] = {}  # reading order: the first sentence that cites each fact
    for s in pkg.sentences.sort_values("sentence_no").itertuples():
        for ref in s.record_refs:
            if ref.startswith("facts:"):
                first_cited.setdefault(ref.removeprefix("facts:"), int(s.sentence_no))
    f = pkg.facts.assign(_order=lambda d: d["fact_id"].map(first_cited).fillna(10**6))
    f = f.sort_values(["source_id", "_order", "fact_id"])
    titles, out = {k: myst_text(v) for k, v in chapter_titles(pkg).items()}, []
    for chapter, rows in f.groupby("source_id", sort=True):
        out += [f"# {titles[chapter]}", ""]
        for r in rows.itertuples():
            who = ", ".join(names.get(a, a) for a in r.actor_ids)
            out += [
                f"({fact_label(r.fact_id)})=",
                f"**{myst_text(r.fact_type)}** ({myst_text(str(r.modality).replace('_', ' '))}) · "
                f"{myst_text(r.summary_en)} · {myst_text(r.summary_ja)} · "
                f"*{myst_text(who)}* · {myst_code(r.locator)} · {myst_code('facts:' + r.fact_id)}",
                "",
            ]
    return "\n".join(out) + "\n"


def sentence_map_markdown(pkg: DataPackage) -> str:
    """One table per chapter section: each sentence's locator, what it does, how the author holds it
    (modality), and the records that hold it."""
    titles, out = {k: myst_text(v) for k, v in chapter_titles(pkg).items()}, []
    for chapter, rows in pkg.sentences.sort_values(["source_id", "sentence_no"]).groupby(
        "source_id", sort=True
    ):
        out += [f"# {titles[chapter]}", ""]
        for section, sec_rows in rows.groupby(rows["locator"].map(section_of), sort=False):
            # a list-table, for fixed column widths: long record lists would squeeze the other
            # columns in print
            out += [
                f"**{section}**",
                "",
                f"```{{list-table}} {titles[chapter]}, {section}: each sentence, what it does, "
                "how the author holds it, and its records.",
                f":name: tab-sentences-{chapter}-{section.strip('§').replace('.', '-')}",
                ":header-rows: 1",
                ":widths: 22 14 64",
                ":class: ca911-sentence-map",
                "",
                "* - sentence",
                "  - content · modality",
                "  - records",
            ]
            for r in sec_rows.itertuples():
                refs = " ".join(record_link(x) for x in r.record_refs) or "—"
                # modality shares the content cell: a fourth column would squeeze the records on a
                # phone
                out += [
                    f"* - {myst_code(r.locator)}",
                    f"  - {myst_text(r.content)} · {myst_text(str(r.modality).replace('_', ' '))}",
                    f"  - {refs}",
                ]
            out += ["```", ""]
    return "\n".join(out) + "\n"


def appendix_files(pkg: DataPackage) -> dict[str, bytes]:
    return {
        "discrepancies.md": discrepancies_markdown(pkg).encode("utf-8"),
        "glossary.md": glossary_markdown(pkg).encode("utf-8"),
        "how_to_cite.md": citation_markdown().encode("utf-8"),
        "facts.md": facts_markdown(pkg).encode("utf-8"),
        "sentence_map.md": sentence_map_markdown(pkg).encode("utf-8"),
    }
