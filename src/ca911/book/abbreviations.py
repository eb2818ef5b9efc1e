"""The list of abbreviations: every abbreviation and all-capital code a reader meets in the book,
with what it stands for and where that comes from. Organisations' abbreviations are expanded from
the data's names (`actors.csv`, square brackets on a part the chapters do not print, as in the
glossary); the states' codes are the data's ids; the few technical abbreviations of the book's own
pages are expanded from outside the chapters and say so."""

from __future__ import annotations

import re

from ca911.book.myst import markdown_table
from ca911.data.package import DataPackage, shown_name

# Abbreviation → the actor it names, and how it comes to the book: "printed" where a chapter prints
# it, "ours" where it is our English short form, "id" where it is the data's id shown on a page, and
# "misprint" for the form chapter 4 prints instead of the usual one.
ORGANISATIONS = {
    "ABM": ("", "printed"),
    "CACO": ("CACO", "printed"),
    "CENTCOM": ("centcom", "ours"),
    "CICA": ("CICA", "printed"),
    "CIS": ("CIS", "printed"),
    "COALITION": ("COALITION", "id"),
    "CRRF": ("CRRF", "id"),
    "CST": ("CST", "printed"),
    "CSTO": ("CSTO", "printed"),
    "EEC": ("EEC", "printed"),
    "EURASEC": ("EURASEC", "id"),
    "EvRazES": ("EURASEC", "printed"),
    "FSB": ("fsb", "printed"),
    "IMF": ("IMF", "printed"),
    "IMU": ("imu", "printed"),
    "NATO": ("NATO", "printed"),
    "ODKB": ("CSTO", "printed"),
    "PFP": ("PFP", "printed"),
    "RATS": ("RATS", "printed"),
    "REF/RL": ("rferl", "misprint"),
    "RFE/RL": ("rferl", "ours"),
    "SCO": ("SCO", "printed"),
    "SF": ("SF", "id"),
    "UN": ("UN", "ours"),
    "UTO": ("uto", "printed"),
}
# Expansions the data do not hold, each from outside the chapters (square brackets, as every outside
# name part): the treaty chapter 3 names by its abbreviation alone, and the book's technical terms.
OUTSIDE = {
    "en": {
        "ABM": "[Anti-Ballistic Missile] Treaty",
        "CSV": "[comma-separated values]: the data's file format",
        "GEXF": "[Graph Exchange XML Format]: a file format for networks",
        "HTML": "[HyperText Markup Language]: the web edition",
        "ISO": "[International Organization for Standardization]",
        "MIT": "[Massachusetts Institute of Technology]: the MIT License, the code's licence",
        "PDF": "[Portable Document Format]: the print edition",
        "SHA": "[Secure Hash Algorithm] (SHA-256: a checksum)",
        "URL": "[Uniform Resource Locator]: a web address",
        "WGS": "[World Geodetic System] (WGS 84: the coordinates' datum)",
        "YYYY": "a date's year in four digits (as in YYYY-MM-DD)",
        "README": "not an abbreviation: the name of a file of notes on a folder's contents",
    },
    "ja": {
        "ABM": "［弾道弾迎撃ミサイル］制限条約",
        "CSV": "［カンマ区切り値］：データのファイル形式",
        "GEXF": "［グラフ交換XML形式］：ネットワークのファイル形式",
        "HTML": "［ハイパーテキスト・マークアップ言語］：ウェブ版",
        "ISO": "［国際標準化機構］",
        "MIT": "［マサチューセッツ工科大学］：MIT License（プログラムのライセンス）",
        "PDF": "［ポータブル・ドキュメント・フォーマット］：印刷版",
        "SHA": "［セキュア・ハッシュ・アルゴリズム］（SHA-256：チェックサム）",
        "URL": "［ユニフォーム・リソース・ロケーター］：ウェブ上の所在",
        "WGS": "［世界測地系］（WGS 84：座標の測地系）",
        "YYYY": "日付の年（4桁。YYYY-MM-DDのように）",
        "README": "略語ではない：フォルダーの内容についての注記を収めたファイルの名",
    },
}
ORIGIN_WORDS = {
    "en": {
        "printed": "printed in the chapters",
        "ours": "our short form",
        "id": "the data's id",
        "misprint": "as chapter 4 prints it (for RFE/RL)",
        "outside": "from outside the chapters",
        "state": "the data's id (ISO 3166-1 alpha-3)",
        "former": "the data's id (a former ISO 3166-1 code, from outside the chapters)",
    },
    "ja": {
        "printed": "章に印刷されている",
        "ours": "本書の略記",
        "id": "データのid",
        "misprint": "原著第4章の印刷どおり（RFE/RLの誤り）",
        "outside": "章の外による",
        "state": "データのid（ISO 3166-1 alpha-3）",
        "former": "データのid（旧ISO 3166-1 コード。章の外による）",
    },
}
WORDS = {
    "en": {
        "intro": "Every abbreviation and all-capital code the book's pages use, with what it "
        "stands for. Square brackets mark an expansion, or a part of one, that neither chapter "
        "prints.",
        "organisations": "Organisations, treaties and groups",
        "states": "States: the data's codes",
        "technical": "Technical terms",
        "columns": ["abbreviation", "stands for", "source"],
        "caption": "{heading}: abbreviations.",
    },
    "ja": {
        "intro": "本書のページが用いる略語と大文字のコードのすべてと、その意味。角括弧は、"
        "どちらの章にも印刷されていない正式名称（またはその一部）を示す。",
        "organisations": "組織・条約・集団",
        "states": "国：データのコード",
        "technical": "技術用語",
        "columns": ["略語", "意味", "典拠"],
        "caption": "{heading}：略語。",
    },
}
# an abbreviation's own letters in parentheses after a Japanese name: 中央アジア協力機構（CACO）
_ACRONYM_IN_NAME = re.compile(r"[（(][A-Za-z/ ]+[)）]$")


# Japanese expansions the chapters do not print (they print NATO and REF/RL alone): in square
# brackets, as every name part from outside the chapters, so the Japanese list gives no English row.
JAPANESE_EXPANSIONS = {
    "NATO": "［北大西洋条約機構］",
    "REF/RL": "［ラジオ・フリー・ヨーロッパ／ラジオ・リバティ］",
    "RFE/RL": "［ラジオ・フリー・ヨーロッパ／ラジオ・リバティ］",
}

# An abbreviation the chapters print without expanding it anywhere (`actors.csv` says so).
NOT_EXPANDED = {
    "EEC": {
        "en": "not expanded in the chapters: chapter 4's Table 1 prints EEC alone",
        "ja": "章は展開していない（原著第4章の表1はEECとのみ印刷）",
    }
}


def _expansion(pkg: DataPackage, abbr: str, actor_id: str, lang: str) -> str:
    """What the abbreviation stands for: the actor's name in `lang` without the abbreviation in
    parentheses; in Japanese the English name where the Japanese one is the abbreviation itself
    (NATO)."""
    if abbr in NOT_EXPANDED:
        return NOT_EXPANDED[abbr][lang]
    if lang == "ja" and abbr in JAPANESE_EXPANSIONS:
        return JAPANESE_EXPANSIONS[abbr]
    row = pkg.actors.set_index("actor_id").loc[actor_id]
    if lang == "ja":
        name = _ACRONYM_IN_NAME.sub("", row["name_ja"])
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", name):
            return name
    shown = shown_name(row["name_en"], row["name_en_external"], lang)
    return _ACRONYM_IN_NAME.sub("", shown).strip()


def abbreviation_rows(pkg: DataPackage, lang: str = "en") -> dict[str, list[list[str]]]:
    """The list's three groups (organisations, states, technical terms): rows of abbreviation,
    what it stands for, and where that comes from, in alphabetical order."""
    origin = ORIGIN_WORDS[lang]
    organisations = [
        [abbr, OUTSIDE[lang][abbr], origin["outside"]]
        if not actor_id
        else [abbr, _expansion(pkg, abbr, actor_id, lang), origin[how]]
        for abbr, (actor_id, how) in ORGANISATIONS.items()
    ]
    states = [
        [
            actor_id,
            _expansion(pkg, actor_id, actor_id, lang),
            origin["former" if actor_id == "SUN" else "state"],
        ]
        for actor_id in pkg.actors.loc[pkg.actors["kind"].astype(str) == "state", "actor_id"]
    ]
    technical = [
        [abbr, text, origin["outside"]]
        for abbr, text in OUTSIDE[lang].items()
        if abbr not in ORGANISATIONS
    ]
    return {
        key: sorted(rows, key=lambda r: r[0].upper())
        for key, rows in (
            ("organisations", organisations),
            ("states", states),
            ("technical", technical),
        )
    }


def abbreviations_markdown(pkg: DataPackage, lang: str = "en") -> str:
    """The list of abbreviations as a section of the glossary appendix, one table a group."""
    import pandas as pd

    words = WORDS[lang]
    out = [words["intro"], ""]
    for key, rows in abbreviation_rows(pkg, lang).items():
        heading = words[key]
        table = pd.DataFrame(
            rows,
            columns=words["columns"],
        )
        out += [
            f"## {heading}",
            "",
            markdown_table(
                table,
                words["caption"].format(heading=heading),
                f"tab-abbreviations-{key}",
                widths=[20, 55, 25],
                lang=lang,
            ),
            "",
        ]
    return "\n".join(out) + "\n"
