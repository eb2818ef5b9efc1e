"""Generated appendices: the glossary (from actors.csv), how to cite (from CITATION.cff), the
discrepancy register, and the undated facts with the sentence map that ties every sentence of the
chapters to its records."""

from __future__ import annotations

import pandas as pd

from ca911.book.abbreviations import abbreviations_markdown
from ca911.book.actor_index import HEADINGS, index_name, japanese_sort_key, order_name, sort_key
from ca911.book.actor_records import MIN_RECORDS, actors_with_pages, marked_external, ref_link
from ca911.book.citation_page import citation_markdown
from ca911.book.discrepancy_register import discrepancies_markdown
from ca911.book.myst import (
    MISSING,
    Markup,
    english_only,
    markdown_table,
    myst_code,
    myst_text,
)
from ca911.book.records import PARTICIPANTS, closing_id, fact_label, record_link
from ca911.data.locators import section_of
from ca911.data.numbers import in_words
from ca911.data.package import DataPackage

GLOSSARY_WORDS = {
    "en": {
        "intro": "Square brackets in an English name mark the part that neither chapter prints (a "
        "given name, a prefix or a transliteration supplied from outside them, and recorded apart "
        "from the rest of the name in `actors.csv`). In the tables, {dash} means that the chapters "
        "print no other form. A name is a link when the actor is named in at least {n} records: it "
        "leads to the actor’s own page, or in print to its entry in {{ref}}`app-actors`. The "
        "others are named in fewer records and have no page.",
        "columns": ["English", "日本語 (as printed)", "other printed forms", "id", "first named"],
        "widths": [28, 22, 20, 15, 15],
        "caption": "{heading}: English and Japanese names.",
    },
    "ja": {
        "intro": "英語名の角括弧は、どちらの章にも印刷されておらず章の外から補った部分"
        "（名、接頭辞、翻字など）を示し、`actors.csv`では名前のほかの部分と分けて記録している。"
        "表の {dash} は、章にほかの表記が印刷されていないことを示す。各表は五十音順で、"
        "漢字などを含む名前はその読み（`actors.csv`の`name_ja_reading`）で並べる。"
        "読みは章に印刷されておらず、本書が補ったものである。名前がリンクになっているのは、"
        "{n}件以上の記録に名が挙がるアクターで、リンク先はそのアクターのページ（印刷版では"
        "{{ref}}`app-actors`の項目）である。記録がそれより少ないアクターにはページがない。",
        # id and first mention share a column: Japanese names need the width on a phone
        "columns": ["日本語（印刷どおり）", "英語", "その他の印刷表記", "id · 初出"],
        "widths": [30, 28, 20, 22],
        "caption": "{heading}：日本語名と英語名。",
    },
}


def glossary_markdown(pkg: DataPackage, lang: str = "en") -> str:
    """Every named actor, English ↔ Japanese, grouped by kind; the Japanese edition leads with the
    Japanese name, in 五十音順 (`actor_index.japanese_sort_key`)."""

    a, with_page = pkg.actors.copy(), set(actors_with_pages(pkg))
    words = GLOSSARY_WORDS[lang]
    out = [words["intro"].format(dash=MISSING, n=in_words(MIN_RECORDS, lang)), ""]
    for kind, heading in HEADINGS[lang].items():
        rows = a[a["kind"].astype(str) == kind]
        rows = rows.assign(
            shown=[index_name(n, kind) for n in rows["name_en"]]
        )  # named as the data name them, ordered by surname, as the index
        if lang == "ja":
            readings = rows.get("name_ja_reading", pd.Series("", index=rows.index))
            keys = [japanese_sort_key(n, r) for n, r in zip(rows["name_ja"], readings)]
        else:
            keys = [sort_key(order_name(n, kind)) for n in rows["name_en"]]
        rows = rows.iloc[sorted(range(len(rows)), key=lambda i: keys[i])]
        if rows.empty:
            continue
        # the name links to the actor's page (HTML) or index entry (print) where it has one
        table = pd.DataFrame(
            [
                [
                    Markup(ref_link(r.actor_id, r.name_ja, with_page, lang)),
                    Markup(english_only(marked_external(r.shown, r.name_en_external, lang))),
                ]
                if lang == "ja"
                else [
                    Markup(
                        ref_link(
                            r.actor_id, marked_external(r.shown, r.name_en_external), with_page
                        )
                    ),
                    r.name_ja,
                ]
                for r in rows.itertuples()
            ],
            columns=words["columns"][:2],
        ).assign(
            **{words["columns"][2]: ["、".join(r.name_ja_variants) for r in rows.itertuples()]}
        )
        ids, firsts = (
            [myst_code(i) for i in rows["actor_id"]],
            list(map(myst_code, rows["locator"])),
        )
        if len(words["columns"]) == 4:
            table[words["columns"][3]] = [Markup(f"{i} · {x}") for i, x in zip(ids, firsts)]
        else:
            table[words["columns"][3]], table[words["columns"][4]] = ids, firsts
        out += [
            f"# {heading}",
            "",
            markdown_table(
                table,
                words["caption"].format(heading=heading),
                f"tab-glossary-{kind}",
                widths=words["widths"],
                dash_explained=True,
                lang=lang,
            ),
            "",
        ]
    return "\n".join(out) + "\n"


def chapter_titles(pkg: DataPackage, lang: str = "en") -> dict[str, str]:
    """ "Chapter 3 (Matsui)" for each source, from sources.csv; 原著第3章（松井弘明） in Japanese,
    the author's name as the chapter prints it (原著: the Japanese edition numbers its own
    chapters 第N章 too)."""
    if lang == "ja":
        return {
            r.source_id: f"原著第{r.chapter}章（{r.author_ja}）" for r in pkg.sources.itertuples()
        }
    return {
        r.source_id: f"Chapter {r.chapter} ({str(r.author).split()[0]})"
        for r in pkg.sources.itertuples()
    }


FACT_WORDS = {"en": {"sep": ", "}, "ja": {"sep": "、"}}


def facts_markdown(pkg: DataPackage, lang: str = "en") -> str:
    """Every undated fact, per chapter in reading order, each labelled for links from the sentence
    map. The English page gives both summaries; the Japanese one its own, with the kinds and
    modalities in the codebook's Japanese labels."""
    names = pkg.actors.set_index("actor_id")["name_ja" if lang == "ja" else "name_shown"]
    types_ja = pkg.labels("facts", "fact_type", "ja")
    modalities_ja = pkg.labels("facts", "modality", "ja")
    first_cited: dict[str, int] = {}  # reading order: the first sentence that cites each fact
    for s in pkg.sentences.sort_values("sentence_no").itertuples():
        for ref in s.record_refs:
            if ref.startswith("facts:"):
                first_cited.setdefault(ref.removeprefix("facts:"), int(s.sentence_no))
    f = pkg.facts.assign(_order=lambda d: d["fact_id"].map(first_cited).fillna(10**6))
    f = f.sort_values(["source_id", "_order", "fact_id"])
    titles, out = {k: myst_text(v) for k, v in chapter_titles(pkg, lang).items()}, []
    for chapter, rows in f.groupby("source_id", sort=True):
        out += [f"# {titles[chapter]}", ""]
        for r in rows.itertuples():
            who = FACT_WORDS[lang]["sep"].join(names.get(a, a) for a in r.actor_ids)
            if lang == "ja":
                head = (
                    f"**{myst_text(FACT_TYPE_JA.get(r.fact_type) or types_ja[r.fact_type])}**"
                    f"（{myst_text(modality_words(r.modality, modalities_ja))}） · "
                    f"{myst_text(r.summary_ja)}"
                )
            else:
                head = (
                    f"**{myst_text(r.fact_type)}** "
                    f"({myst_text(str(r.modality).replace('_', ' '))}) · "
                    f"{myst_text(r.summary_en)} · {myst_text(r.summary_ja)}"
                )
            out += [
                f"({fact_label(r.fact_id)})=",
                f"{head} · {PARTICIPANTS[lang].format(myst_text(who))} · {myst_code(r.locator)}"
                + closing_id("facts:" + r.fact_id, lang),
                "",
            ]
    return "\n".join(out) + "\n"


# How the author holds a fact or a sentence, in a few Japanese words (the codebook's labels are
# definitions; these are the names a line gives them).
MODALITY_JA = {
    "asserted": "断定",
    "hedged": "留保付き",
    "reported_view": "他者の見方",
    "question": "疑問",
}
# The kinds of undated fact, in a word each.
FACT_TYPE_JA = {
    "action": "行為",
    "statement": "発言",
    "position": "立場",
    "situation": "状況",
    "view": "見方",
}
# What a sentence does, in a few Japanese words.
CONTENT_JA = {"fact": "事実", "restatement": "再述", "analysis": "分析", "signpost": "道標"}


def modality_words(code: str, labels_ja: dict[str, str] | None = None) -> str:
    return MODALITY_JA.get(code) or (labels_ja or {}).get(code, code)


SENTENCE_MAP_WORDS = {
    "en": {
        "caption": "{chapter}, {section}: each sentence, what it does, how the author holds it, "
        "and its records.",
        "columns": ["sentence", "content · modality", "records"],
    },
    "ja": {
        "caption": "{chapter}、{section}：各文のはたらき、原著者の扱い（モダリティ）、記録。",
        "columns": ["文", "はたらき · モダリティ", "記録"],
    },
}


def sentence_map_markdown(pkg: DataPackage, lang: str = "en") -> str:
    """One table per chapter section: each sentence's locator, what it does, how the author holds it
    (modality), and the records that hold it."""
    words = SENTENCE_MAP_WORDS[lang]
    titles, out = {k: myst_text(v) for k, v in chapter_titles(pkg, lang).items()}, []

    def content_and_modality(r) -> str:
        if lang == "ja":
            return f"{CONTENT_JA.get(r.content, r.content)} · {modality_words(r.modality)}"
        return f"{r.content} · {str(r.modality).replace('_', ' ')}"

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
                "```{list-table} "
                + words["caption"].format(chapter=titles[chapter], section=section),
                f":name: tab-sentences-{chapter}-{section.strip('§').replace('.', '-')}",
                ":header-rows: 1",
                ":widths: 22 14 64",
                ":class: ca911-sentence-map",
                "",
                f"* - {words['columns'][0]}",
                f"  - {words['columns'][1]}",
                f"  - {words['columns'][2]}",
            ]
            for r in sec_rows.itertuples():
                refs = " ".join(record_link(x) for x in r.record_refs) or "—"
                # modality shares the content cell: a fourth column would squeeze the records on a
                # phone
                out += [
                    f"* - {myst_code(r.locator)}",
                    f"  - {myst_text(content_and_modality(r))}",
                    f"  - {refs}",
                ]
            out += ["```", ""]
    return "\n".join(out) + "\n"


def appendix_files(pkg: DataPackage, lang: str = "en") -> dict[str, bytes]:
    return {
        "abbreviations.md": abbreviations_markdown(pkg, lang).encode("utf-8"),
        "discrepancies.md": discrepancies_markdown(pkg, lang).encode("utf-8"),
        "glossary.md": glossary_markdown(pkg, lang).encode("utf-8"),
        "how_to_cite.md": citation_markdown(lang=lang).encode("utf-8"),
        "facts.md": facts_markdown(pkg, lang).encode("utf-8"),
        "sentence_map.md": sentence_map_markdown(pkg, lang).encode("utf-8"),
    }
