"""The codebook page, generated from `data/datapackage.json` and counted in the data."""

from __future__ import annotations

import pandas as pd

from ca911.book.code_spans import markup_with_ids_as_code
from ca911.book.myst import Markup, markdown_table, myst_code
from ca911.data.descriptor_words import text_of
from ca911.data.package import DataPackage
from ca911.data.schema import LIST_SEPARATOR

FIELD_WIDTHS = [
    25,
    8,
    9,
    37,
    10,
    11,
]  # fixed shares: the meaning column wraps, nothing runs off the right


def filled_rows(column: pd.Series, field: dict) -> int:
    """Rows with a value: a list-valued field (as the loader splits it) counts the rows with at
    least one item."""
    if LIST_SEPARATOR in field:
        return int(column.map(len).gt(0).sum())
    return int((column.astype("string").fillna("") != "").sum())


def code_counts(pkg: DataPackage, resource: str, field: str) -> pd.Series:
    values = pkg[resource][field].astype("string").dropna()
    return values.value_counts()


def _joined(fields) -> str:
    """A foreign key's fields as the codebook prints them: one name, or names joined by commas."""
    return fields if isinstance(fields, str) else ",".join(fields)


# The page's own words in each edition's language; the descriptions and the codes' meanings come
# from the descriptor (`description_ja`, `label_ja` in the Japanese edition).
WORDS = {
    "en": {
        "intro": "The data package `{name}` (version {version}) holds {n} tables. SHA-256 of this "
        "build's data: `{sha}…`.",
        "no_rule": "In the tables of fields, a rule – means that the field has no pattern and no "
        "fixed codes.",
        "rows": "Rows: {n}. Primary key: `{key}`.",
        "derived": " Derived from the chapters' text by `python -m ca911 derive`; not edited by "
        "hand.",
        "external": " **External:** facts from a public reference named in each row, not from the "
        "chapters.",
        "foreign_keys": "Foreign keys: ",
        "fk_sep": "; ",
        "end": ".",
        "pattern_below": "pattern below",
        "range": "from {lo} to {hi}",
        "codes_below": "one of the codes below",
        "quoted": "quoted as printed",
        "external_field": "external: not from the chapters",
        "rule_sep": "; ",
        "yes": "yes",
        "no": "no",
        "field_columns": ["field", "type", "required", "meaning", "rule", "rows filled"],
        "fields_caption": "Fields of `{path}`.",
        "patterns": "The patterns of `{path}` (regular expressions its values must match):",
        "ordered": " (ordered)",
        "code_columns": ["code", "meaning", "records"],
        "codes_caption": "Codes of `{field}` in `{path}`{ordered}.",
    },
    "ja": {
        "intro": "データパッケージ`{name}`（バージョン {version}）は{n}の表からなる。"
        "この版のデータのSHA-256：`{sha}…`。",
        "no_rule": "フィールドの表で規則欄の – は、そのフィールドにパターンも"
        "固定したコードもないことを示す。",
        "rows": "行数：{n}。主キー：`{key}`。",
        "derived": "`python -m ca911 derive`により章の本文から導出したもので、手では編集しない。",
        "external": "**外部：** 各行に記す公開の参照資料による事実で、章からのものではない。",
        "foreign_keys": "外部キー：",
        "fk_sep": "、",
        "end": "。",
        "pattern_below": "下記のパターン",
        "range": "{lo}から{hi}まで",
        "codes_below": "下記のコードのいずれか",
        "quoted": "印刷どおりに引用",
        "external_field": "外部：章からではない",
        "rule_sep": "、",
        "yes": "はい",
        "no": "いいえ",
        "field_columns": ["フィールド", "型", "必須", "意味", "規則", "値のある行"],
        "fields_caption": "`{path}`のフィールド。",
        "patterns": "`{path}`のパターン（値が一致すべき正規表現）：",
        "ordered": "（順序あり）",
        "code_columns": ["コード", "意味", "記録数"],
        "codes_caption": "`{path}`の`{field}`のコード{ordered}。",
    },
}


# Table Schema's type names, as the Japanese codebook words them.
TYPE_WORDS = {
    "ja": {
        "string": "文字列",
        "integer": "整数",
        "number": "数値",
        "boolean": "真偽値",
        "date": "日付",
        "year": "年",
        "any": "任意",
    }
}


def codebook_markdown(pkg: DataPackage, lang: str = "en") -> str:
    w = WORDS[lang]
    out = [
        w["intro"].format(
            name=pkg.descriptor["name"],
            version=pkg.descriptor["version"],
            n=len(pkg.descriptor["resources"]),
            sha=pkg.sha256[:16],
        ),
        w["no_rule"],
        "",
    ]
    for res in pkg.descriptor["resources"]:
        name, schema = res["name"], res["schema"]
        frame = pkg[name]
        out += [
            f"(codebook-{name.replace('_', '-')})=",
            f"# `{res['path']}`",
            "",
            markup_with_ids_as_code(text_of(res, "description", lang)),
            "",
            w["rows"].format(n=len(frame), key=" + ".join(schema["primaryKey"]))
            + (w["derived"] if res.get("derived") else "")
            + (w["external"] if res.get("external") else ""),
        ]
        fks = [
            f"`{','.join(fk['fields'] if isinstance(fk['fields'], list) else [fk['fields']])}` → "
            f"`{fk['reference']['resource']}.{_joined(fk['reference']['fields'])}`"
            for fk in schema.get("foreignKeys", [])
        ]
        if fks:
            out.append(w["foreign_keys"] + w["fk_sep"].join(fks) + w["end"])
        out.append("")
        rows, patterns = [], []
        for f in schema["fields"]:
            c = f.get("constraints", {})
            rule = []
            if c.get(
                "pattern"
            ):  # a pattern is not text to wrap: it gets a line of its own under the table
                rule.append(w["pattern_below"])
                patterns.append(f"- {myst_code(f['name'])}: {myst_code(c['pattern'])}")
            if "minimum" in c or "maximum" in c:
                rule.append(w["range"].format(lo=c.get("minimum", "…"), hi=c.get("maximum", "…")))
            if c.get("enum"):
                rule.append(w["codes_below"])
            if f.get("quotation"):
                rule.append(w["quoted"])
            if f.get("external"):
                rule.append(w["external_field"])
            filled = filled_rows(frame[f["name"]], f) if f["name"] in frame else 0
            rows.append(
                [
                    myst_code(f["name"]),
                    TYPE_WORDS.get(lang, {}).get(f["type"], f["type"]),
                    w["yes"] if c.get("required") else w["no"],
                    markup_with_ids_as_code(text_of(f, "description", lang)),
                    Markup(w["rule_sep"].join(rule) or "–"),
                    f"{filled}/{len(frame)}",
                ]
            )
        frame_rows = pd.DataFrame(rows, columns=w["field_columns"])
        out += [
            markdown_table(
                frame_rows,
                w["fields_caption"].format(path=res["path"]),
                f"tab-codebook-{name.replace('_', '-')}",
                widths=FIELD_WIDTHS,
                css_class="ca911-codebook",
                dash_explained=True,
                lang=lang,
            ),
            "",
        ]
        if patterns:
            out += [
                w["patterns"].format(path=res["path"]),
                "",
                *patterns,
                "",
            ]
        for f in schema["fields"]:
            if "categories" not in f:
                continue
            counts = code_counts(pkg, name, f["name"])
            order = w["ordered"] if f.get("categoriesOrdered") else ""
            codes = pd.DataFrame(
                [
                    [
                        myst_code(c["value"]),
                        markup_with_ids_as_code(text_of(c, "label", lang)),
                        int(counts.get(c["value"], 0)),
                    ]
                    for c in f["categories"]
                ],
                columns=w["code_columns"],
            )
            out += [
                markdown_table(
                    codes,
                    w["codes_caption"].format(field=f["name"], path=res["path"], ordered=order),
                    f"tab-codebook-{name.replace('_', '-')}-{f['name'].replace('_', '-')}",
                    widths=[25, 60, 15],
                    css_class="ca911-codebook",
                    lang=lang,
                ),
                "",
            ]
    return "\n".join(out) + "\n"


def codebook_file(pkg: DataPackage, lang: str = "en") -> dict[str, bytes]:
    return {"codebook.md": codebook_markdown(pkg, lang).encode("utf-8")}
