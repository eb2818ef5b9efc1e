"""The print edition's title page and imprint: what the book is, which commit and data it is built
from, its licences, how to cite it and how to obtain the HTML edition (no published address is
invented)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class Commit(NamedTuple):
    id: str  # the commit's first 12 hex digits
    modified: bool  # the tracked files differ from it


def build_commit(srcdir: Path) -> Commit | None:
    """The commit the book is built from: CA911_COMMIT (a copy of the project without .git, as
    ci/reader-clone.sh makes, names its commit so), else git's HEAD, marked when the tree differs
    from it."""
    import os
    import subprocess

    if os.environ.get("CA911_COMMIT"):
        return Commit(os.environ["CA911_COMMIT"], False)
    try:
        head = subprocess.run(
            ["git", "-C", str(srcdir), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
        status = subprocess.run(
            ["git", "-C", str(srcdir), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return Commit(head.stdout.strip()[:12], bool(status.stdout.strip()))


IMPRINT_WORDS = {
    "en": {
        "licences": {
            "MIT": "Code: MIT licence (the file <code>LICENSE</code>)",
            "CC-BY-4.0": "Text, figures and data: Creative Commons Attribution 4.0 International "
            "(CC BY 4.0; the file <code>LICENSE-CC-BY-4.0.txt</code>)",
        },
        "built": "Built from commit <code>{commit}</code>",
        "built_modified": "Built from commit <code>{commit}</code> with uncommitted changes",
        "no_commit": "Built outside a git checkout (no commit known)",
        "dated": ". Its files carry one fixed date, {date}, so that the same sources always give "
        "the same files.",
        "undated": " It is not a release date: none is stated, so the volume is cited as n.d.",
        "version": "Version {version}",
        "edition_line": "<b>{title}</b>, version {version}. {built}",
        "licences_head": "Licences",
        "cite_head": "How to cite",
        "cite": "{citation} Cite the two source chapters for their arguments; the forms, and how "
        "to cite one record, are in "
        # the word space before the page's bracket ends the link, as the print build ends every
        # English cross-reference (print_navigation.number_section_references)
        '<a class="ca911-xref" href="#app-how-to-cite">\u201cHow to cite\u201d </a>.',
        "html_head": "The HTML edition and the data",
        "html": "The volume is not yet published at an address. Its HTML edition holds what print "
        "cannot: the interactive tables, the files this edition names (such as "
        "<code>ca911-data.zip</code>), the networks as GraphML and GEXF files and the executed "
        "notebooks. It is made, with this PDF, by <code>make book</code> in the project’s "
        "repository, whose README lists what the build needs.",
        "sep": ". ",
    },
    "ja": {
        "licences": {
            "MIT": "コード：MITライセンス（ファイル<code>LICENSE</code>）",
            "CC-BY-4.0": "本文・図・データ：クリエイティブ・コモンズ 表示 4.0 国際"
            "（CC BY 4.0、ファイル<code>LICENSE-CC-BY-4.0.txt</code>）",
        },
        "built": "コミット<code>{commit}</code>からビルド",
        "built_modified": "コミット<code>{commit}</code>に未コミットの変更を加えてビルド",
        "no_commit": "gitのチェックアウトの外でビルド（コミットは不明）",
        "dated": "。同じ原稿から常に同じファイルができるよう、ファイルの日付は{date}に"
        "固定してある。",
        "undated": "これは刊行日ではない（刊行日は記されていないため、刊行年はn.d.として"
        "引用する）。",
        "version": "バージョン{version}",
        "edition_line": "<b>{title}</b>、バージョン{version}。{built}",
        "licences_head": "ライセンス",
        "cite_head": "引用のしかた",
        # no space after the citation's 。: a Japanese sentence follows its full stop directly
        "cite": "{citation}原典の議論を引くときは、二つの章そのものを挙げてほしい。書式と、"
        '記録を一件ずつ示す方法は<a class="ca911-xref" href="#app-how-to-cite">「引用のしかた」</a>'
        "にまとめてある。",
        "html_head": "ウェブ版とデータ",
        "html": "本書はまだどのアドレスでも公開されていない。ウェブ版には、印刷では示せないもの、"
        "すなわち対話的な表、本書がファイル名で示すファイル（<code>ca911-data.zip</code>など）、"
        "GraphMLとGEXF形式のネットワーク、実行済みのノートブックが収められている。ウェブ版はこのPDFと"
        "ともに、プロジェクトのリポジトリーで<code>make book</code>を実行すると作られる"
        "（必要な環境はリポジトリーのREADMEにある）。",
        "sep": "。",
    },
}


def data_date(lang: str = "en") -> str | None:
    """The date the build fixes in its outputs, as a reader writes it."""
    from ca911.data.output_date import output_datetime

    day = output_datetime()
    if lang == "ja":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day:%B %Y}"


def print_front_matter(
    title: str,
    author: str,
    version: str,
    blurb: str,
    cff: dict,
    commit: Commit | None,
    date: str | None,
    lang: str = "en",
) -> str:
    """The title page and the imprint of the print edition, as HTML, in the edition's language."""
    import html

    e = html.escape
    words = IMPRINT_WORDS.get(lang, IMPRINT_WORDS["en"])
    cff_licences = cff.get("license") or []
    cff_licences = [cff_licences] if isinstance(cff_licences, str) else cff_licences
    if commit:
        built = words["built_modified" if commit.modified else "built"].format(commit=e(commit.id))
    else:
        built = words["no_commit"]
    built += words["dated"].format(date=e(date)) if date else words["sep"].strip()
    if date and not cff.get("date-released"):  # a build's date read as the year of the volume
        built += words["undated"]
    from ca911.book.citation_page import author_date_citation, citation_year

    # each edition's reader cites it in its own language, the other edition named, in the
    # author–date form of the how-to-cite page
    escaped = {k: e(str(v)) if isinstance(v, str) else v for k, v in cff.items()}
    citation = author_date_citation(
        {"authors": [], "title": title, "version": version, **escaped},
        citation_year(cff),
        lang,
        lambda english: f'<i lang="en">{english}</i>',
    )
    licences = words["sep"].join(words["licences"].get(name, e(name)) for name in cff_licences)
    from ca911.book.editions import cover_title_lines

    title_lines = "<br />".join(e(line) for line in cover_title_lines(title))
    return f"""<article class="ca911-title-page">
  <h1>{title_lines}</h1>
  <p>{e(blurb)}</p>
  <p class="ca911-title-version">{words["version"].format(version=e(version))}</p>
  <p class="ca911-title-author">{e(author)}</p>
</article>
<article class="ca911-imprint">
  <p>{words["edition_line"].format(title=e(title), version=e(version), built=built)}</p>
  <dl>
    <dt>{words["licences_head"]}</dt>
    <dd>{licences}{words["sep"].strip()}</dd>
    <dt>{words["cite_head"]}</dt>
    <dd>{words["cite"].format(citation=citation)}</dd>
    <dt>{words["html_head"]}</dt>
    <dd>{words["html"]}</dd>
  </dl>
</article>
"""
