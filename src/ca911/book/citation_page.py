"""The generated appendix on how to cite the volume: its BibTeX entry and citation file
(from CITATION.cff), and how to cite one record."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

from ca911.book.editions import TEAM_JA, edition

ROOT = Path(__file__).resolve().parents[3]


BIBTEX_COLUMNS = 76  # the printed code measure (print_code.CODE_COLUMNS) less the closing '},'

# Either edition's citation names both: they are one work, built from the same sources.
EDITIONS_NOTE = "In two editions from the same sources, English and Japanese (日本語版)"


def edition_citation(cff: dict, lang: str = "en", title_markup=lambda title: title) -> str:
    """The volume cited as an edition's reader cites it, naming the other edition too. English:
    'The ca911 companion-volume team. Central Asia after 9/11: a reproducible companion. Version
    0.1.0. In two editions …'; Japanese, in the Japanese form (the title in 『』, the team's
    Japanese name): 'ca911副読本チーム『9.11後の中央アジア：再現可能な副読本』日本語版、
    バージョン0.1.0。英語版…と同じ資料から作る二つの版の一つ。' `title_markup` sets the English
    title (italics in HTML)."""
    from ca911.book.editions import EDITIONS, TEAM_JA

    authors = team_name(cff, "en")
    version = str(cff["version"])
    english, japanese = cff["title"], EDITIONS["ja"].title
    if lang == "ja":
        return (
            f"{TEAM_JA}『{japanese}』日本語版、バージョン{version}。"
            f"英語版{title_markup(english)}（{authors}）と同じ資料から作る二つの版の一つ。"
        )
    return (
        f"{authors}. {title_markup(english)}. Version {version}. "
        f"{EDITIONS_NOTE}; the Japanese edition is titled {japanese}."
    )


def team_name(cff: dict, lang: str = "en") -> str:
    """The authors as an edition's reader cites them: the team's Japanese name in Japanese."""
    from ca911.book.editions import TEAM_JA

    if lang == "ja":
        return TEAM_JA
    return ", ".join(
        a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in cff["authors"]
    )


def author_date_citation(
    cff: dict, year: str, lang: str = "en", title_markup=lambda title: title
) -> str:
    """The entry of a list of references in author–date form: the authors, the year, the rest of
    the edition's citation ('The ca911 companion-volume team. n.d. Central Asia after 9/11: …';
    'ca911副読本チーム（n.d.）『…』…')."""
    team, citation = team_name(cff, lang), edition_citation(cff, lang, title_markup)
    if lang == "ja":
        return f"{team}（{year}）{citation.removeprefix(team)}"
    stop = "" if year.endswith(".") else "."  # 'n.d.' ends its own sentence
    return f"{team}. {year}{stop} {citation.removeprefix(team + '. ')}"


def citation_year(cff: dict) -> str:
    """The year a reference names: that of CITATION.cff's `date-released`, else 'n.d.'."""
    released = str(cff.get("date-released") or "")
    return released[:4] if released[:4].isdigit() else "n.d."


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
    note = f"{EDITIONS_NOTE}; licences: {licences}" + (
        "" if year else "; no release date stated, so no year"
    )
    # the note on lines within the printed measure (BibTeX reads a line break as a space)
    note = textwrap.fill(
        note, BIBTEX_COLUMNS, initial_indent=" " * 13, subsequent_indent=" " * 13
    ).strip()
    return (
        f"@misc{{ca911companion,\n  author  = {{{{{authors}}}}},\n  title   = {{{cff['title']}}},\n"
        f"{year}  version = {{{cff['version']}}},\n  note    = {{{note}}},\n}}\n"
    )


# Citation blocks wrap at the column (ca911.css): a reader copies them whole, and a scrolled line
# hides its end.
CITATION_BLOCK = ":class: ca911-citation"


CITATION_WORDS = {
    "en": {
        "volume_head": "The volume",
        "one_record": "One record",
        "record_text": "Every record has a stable reference, the file in `data/` without `.csv`, "
        "a colon, then the record's key (the sentence map and the discrepancy register use the "
        "same form). Cite a record with the volume's version, which says what state of the data "
        "the citation means (a record may change between versions):",
        "record_example": "{title}, version {version}, record {ref}",
        "anchors": "Events and undated facts also have an anchor in the HTML edition (the event's "
        "entry in the full chronology, the fact's in the list of undated facts), and every actor "
        "with a page lists all its records with their references.",
        "editions": "Both editions",
        "editions_text": "The volume is one work in two editions, English and Japanese, built from "
        "the same sources, data and notebooks; a citation of either names both, as the entry "
        "above does. The records, their references and the version are the same in both.",
        "cff_head": "Citation File Format",
        "cff": "The file `CITATION.cff` at the root of the project, as it stands:",
        "cff_print": "The file `CITATION.cff` at the root of the project holds the same citation "
        "in machine-readable form; it is attached to the archival copy of this PDF "
        "(`companion-archival.pdf`) and shown whole in the HTML edition.",
        "bibtex_note": "In author–date style, cite the volume in the text as ({team} {year}) and "
        "list it among the references as below (no release date is stated, so the year is "
        "{year}); the BibTeX entry after it holds the same data.",
    },
    "ja": {
        "volume_head": "本書",
        "one_record": "一つの記録",
        "record_text": "すべての記録には変わらない参照名がある。`data/`のファイル名から`.csv`を"
        "除いたものにコロンを続け、その後に記録のキーを置く（文対応表と齟齬一覧も同じ形を"
        "用いる）。日本語版の年表と事実の一覧は、日本語の項目のあとに英字の参照名を続けないため、"
        "参照名を印刷しない。参照名は、この版の文対応表、齟齬一覧、アクターのページ、"
        "`data/`の各表で確かめる。記録を引用するときは本書のバージョンを"
        "添える。バージョンは、引用がどの時点のデータを指すかを示す（記録はバージョンの間で変わり"
        "うる）：",
        "record_example": "{team}『{title}』日本語版、バージョン{version}、記録{ref}",
        "anchors": "出来事と日付のない事実にはウェブ版でのアンカーもある"
        "（出来事は総合年表の項目、事実は「日付のない事実」の項目）。また、ページをもつ"
        "アクターはそのすべての記録を参照名とともに示す。",
        "editions": "二つの版",
        "editions_text": "本書は、同じ資料・データ・ノートブックから作る英語版と日本語版の"
        "二つの版からなる一つの著作である。どちらの版を引用する場合も、上の項目のように両方の版を"
        "示す。記録、その参照名、バージョンは両版で共通である。",
        # the format's name is English: the heading says what it is in Japanese first
        "cff_head": "引用情報ファイル（{english}`Citation File Format`）",
        "cff": "プロジェクトの最上位にあるファイル`CITATION.cff`（現状のまま）：",
        "cff_print": "プロジェクトの最上位にあるファイル`CITATION.cff`は、同じ引用情報を機械可読の"
        "形で収める。このPDFの保存用の版（`companion-ja-archival.pdf`）に添付され、ウェブ版では"
        "全文を示す。",
        # what a Japanese reader needs before the English BibTeX record
        "bibtex_note": "次のBibTeXの項目は英語版のものと同じで、両版が同じ`CITATION.cff`"
        "から作る同じデータである。著者名と題名は英語で記され、日本語の名前を含まないので、"
        "日本語の文献を読みで並べるための`yomi`欄はもたない。日本語の文献として著者名と年の"
        "形式で引用するときは、本文中では（{team} {year}）とし、文献一覧には次のように記す"
        "（刊行年が記されていないため、年は{year}とする）：",
    },
}
EXAMPLE_RECORD = "events:ch3-2001-09-24-putin-tv-address"


def citation_markdown(cff_path: Path = ROOT / "CITATION.cff", lang: str = "en") -> str:
    cff = yaml.safe_load(cff_path.read_text(encoding="utf-8"))
    words = CITATION_WORDS[lang]
    year = citation_year(cff)
    out = [
        f"# {words['volume_head']}",
        "",
        # first the reference in author–date form, ready to copy; then the BibTeX entry
        words["bibtex_note"].format(team=team_name(cff, lang), year=year),
        "",
        "```{code-block} text",
        CITATION_BLOCK,
        "",
        author_date_citation(cff, year, lang),
        "```",
        "",
        "```{code-block} bibtex",
        CITATION_BLOCK,
        "",
        citation_bibtex(cff).rstrip(),
        "```",
        "",
        f"# {words['editions']}",
        "",
        words["editions_text"],
        "",
        f"# {words['one_record']}",
        "",
        words["record_text"],
        "",
        "```{code-block} text",
        CITATION_BLOCK,
        "",
        words["record_example"].format(
            title=edition(lang).title, team=TEAM_JA, version=cff["version"], ref=EXAMPLE_RECORD
        ),
        "```",
        "",
        words["anchors"],
        "",
        f"# {words['cff_head']}",
        "",
        # on paper the file is described, not printed: a YAML line wrapped at the measure would be
        # copied broken
        "````{only} not simplepdf",
        words["cff"],
        "",
        "```{code-block} yaml",
        CITATION_BLOCK,
        "",
        cff_path.read_text(encoding="utf-8").rstrip(),
        "```",
        "````",
        "",
        "```{only} simplepdf",
        words["cff_print"],
        "```",
        "",
    ]
    return "\n".join(out)
