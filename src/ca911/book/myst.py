"""Every table the book renders: a numbered MyST table from a DataFrame (`markdown_table`, the one
path, escaping data so no markup leaks) and the same shown by a notebook (`captioned_table`); the
searchable HTML table is `interactive_tables`."""

from __future__ import annotations

import re
import string

import pandas as pd


class Markup(str):
    """MyST we wrote ourselves (roles, links, code spans around ids): passed through a table cell
    unescaped. Anything else that reaches Markdown is data and is escaped."""


MISSING = "–"  # what a table shows for a value the data leave empty; the table's note says so
# The note under a table that shows MISSING, in each edition's language.
MISSING_NOTE = {"en": "{dash} = not given in the data.", "ja": "{dash}＝データに記載なし。"}
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PUNCTUATION = set(string.punctuation)


def myst_text(value) -> str:
    """Data as literal text in MyST: HTML entities for & < >, a backslash before every other ASCII
    punctuation mark (CommonMark lets any be escaped), so no emphasis, link, role, math or raw HTML
    survives; on one line, so it cannot end a table row or open a block."""
    text = re.sub(r"[\r\n\u2028\u2029\x85\x0b\x0c]+", " ", str(value))
    return "".join(_ENTITIES.get(ch) or ("\\" + ch if ch in _PUNCTUATION else ch) for ch in text)


def myst_code(value) -> Markup:
    """An identifier as a code span: a fence longer than any backtick run inside, so it cannot close
    early."""
    text = re.sub(r"\s+", " ", str(value))
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def english_only(text) -> Markup:
    """MyST for an English text on a page of another edition (an English name, a text the data hold
    in English only): the `{english}` role, which marks it `lang="en"` for readers, screen readers
    and the checks of the Japanese pages. Its content is literal text, so it needs no escaping; the
    fence of backticks is longer than any run of backticks inside."""
    text = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{{english}}{fence}{pad}{text}{pad}{fence}")


def is_missing(value) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and pd.isna(value))


def markdown_cell(value, missing: str = MISSING, pipe_table: bool = True) -> str:
    """One cell of a Markdown table (or one value in a list): data escaped, our own Markup kept,
    missing values shown as `missing`. In a pipe table a bare | in our Markup is escaped too."""
    if is_missing(value) or (
        isinstance(value, str)
        and not isinstance(value, Markup)
        and value.strip() in ("", "nan", "<NA>", "None")
    ):
        return missing
    if isinstance(value, Markup):
        one_line = re.sub(r"\s*\n\s*", " ", value)
        return Markup(
            re.sub(r"(?<!\\)\|", r"\\|", one_line) if pipe_table else one_line
        )  # a bare | ends the cell
    from ca911.data.locators import LOCATOR_MENTION as LOCATOR
    from ca911.data.refs import RECORD_REF

    if isinstance(value, str) and (LOCATOR.fullmatch(value) or RECORD_REF.fullmatch(value)):
        return myst_code(
            value
        )  # a locator or record reference in a table is shown as everywhere (records.py)
    return myst_text(value)


# a stored partial date: a year alone (a string: a count is a number), a month or a day
_STORED_DATE = re.compile(r"(?:19|20)\d{2}(?:-\d{2}(?:-\d{2})?)?")


def date_cell(value, lang: str = "en"):
    """A table cell holding a stored date, in words as the book writes dates (7 October 2001,
    2001年10月7日); a year alone, held as text, is a date too (1999年); any other value
    unchanged."""
    if isinstance(value, pd.Timestamp):
        value = f"{value:%Y-%m-%d}"
    if isinstance(value, str) and not isinstance(value, Markup) and _STORED_DATE.fullmatch(value):
        from ca911.data import dates

        return dates.words(value, lang)
    return value


def _same_decimals(values: pd.Series, most: int = 4) -> pd.Series:
    """Floats of one column with one number of decimals (1.0 and 0.6429 → 1.0000 and 0.6429), so
    they align."""
    shown = [repr(float(v)).rstrip("0").split(".")[-1] if pd.notna(v) else "" for v in values]
    decimals = min(most, max((len(s) for s in shown), default=0))
    return values.map(lambda v: f"{v:,.{decimals}f}" if pd.notna(v) else None).astype(object)


# A table whose rows are shorter than this (characters a reader sees, all columns) keeps its natural
# width: stretched across the text block, a two-column list of codes leaves its words far apart.
STRETCH_FROM = 90


def _shown_length(cell: str) -> int:
    """About how many characters a Markdown cell shows: roles and links by their text, no escapes or
    emphasis."""
    text = re.sub(r"\{[\w:.-]+\}`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", str(cell))
    text = re.sub(r"\\(.)", r"\1", text)
    return len(re.sub(r"[`*]|&\w+;", "", text))


def natural_width(rows: list[list[str]]) -> int:
    """The characters of the widest cell of each column, summed: what one line of the table would
    need."""
    return sum(max((_shown_length(c) for c in column), default=0) for column in zip(*rows))


def markdown_table(
    frame: pd.DataFrame,
    caption: str,
    name: str,
    index: bool = False,
    labels: dict[str, str] | None = None,
    note: str = "",
    widths: list[int] | None = None,
    css_class: str = "",
    right: tuple[str, ...] = (),
    dash_explained: bool = False,
    lang: str = "en",
) -> str:
    """The one way a table reaches the book: a numbered, captioned, named MyST table (colon fence,
    so a caption may hold code spans and roles), every data cell escaped as literal text (see
    `markdown_cell`), numbers right-aligned with their header, and a note under it saying what an en
    dash means.

    `caption` and `note` are ours (MyST allowed); `labels` renames columns for the reader (default:
    the field name with spaces for underscores); `right` names text columns that hold numbers
    (right-aligned); `dash_explained`: the text before a run of tables says once what an en dash
    means, so no note repeats it."""
    f = frame.reset_index() if index else frame
    labels = labels or {}
    heads = [labels.get(c, str(c).replace("_", " ")) for c in f.columns]
    numeric = [
        c in right or (pd.api.types.is_numeric_dtype(f[c]) and not pd.api.types.is_bool_dtype(f[c]))
        for c in f.columns
    ]
    lines = [
        "| " + " | ".join(markdown_cell(h, "") for h in heads) + " |",
        "|" + "|".join("---:" if n else ":---" for n in numeric) + "|",
    ]
    f = f.assign(
        **{c: _same_decimals(f[c]) for c in f.columns if pd.api.types.is_float_dtype(f[c])}
    ).map(lambda v: date_cell(v, lang))
    lines += [
        "| " + " | ".join(markdown_cell(v) for v in row) + " |" for row in f.itertuples(index=False)
    ]
    has_missing = any(
        markdown_cell(v) == MISSING and not isinstance(v, Markup)
        for row in f.itertuples(index=False)
        for v in row
    )
    if (
        has_missing and MISSING not in note and not dash_explained
    ):  # a note of the caller's own may say what the dash means here
        note = f"{note} {MISSING_NOTE[lang].format(dash=MISSING)}".strip()
    after = f"\n{note}\n" if note else ""
    rows = [
        [markdown_cell(v, "" if row is heads else MISSING, pipe_table=False) for v in row]
        for row in [heads, *f.itertuples(index=False)]
    ]
    natural = (
        natural_width(rows) < STRETCH_FROM
    )  # short enough for its natural width (static/ca911.css)
    if natural:
        widths = None  # no fixed shares of the full measure
    classes = " ".join(
        c
        for c in (css_class, "ca911-fixed" if widths else "", "ca911-natural" if natural else "")
        if c
    )
    options = f":name: {name}\n:align: left\n" + (f":class: {classes}\n" if classes else "")
    if widths:  # only a list-table honours column widths (docutils writes them as a colgroup)
        items = []
        for cells in rows:
            items += [f"* - {cells[0]}".rstrip()] + [f"  - {c}".rstrip() for c in cells[1:]]
        return (
            f":::{{list-table}} {caption}\n{options}:header-rows: 1\n:widths: "
            f"{' '.join(map(str, widths))}\n:width: 100%\n\n" + "\n".join(items) + "\n:::\n" + after
        )
    return f":::{{table}} {caption}\n{options}\n" + "\n".join(lines) + "\n:::\n" + after


def captioned_table(
    frame: pd.DataFrame,
    caption: str,
    name: str,
    index: bool = False,
    labels: dict[str, str] | None = None,
    note: str = "",
    right: tuple[str, ...] = (),
    widths: list[int] | None = None,
    dash_explained: bool = False,
    lang: str = "en",
):
    """Display a DataFrame as a numbered table (cite it with {numref}`name`); its note in `lang`."""
    from IPython.display import Markdown

    return Markdown(
        markdown_table(
            frame,
            caption,
            name,
            index,
            labels,
            note,
            right=right,
            widths=widths,
            dash_explained=dash_explained,
            lang=lang,
        )
    )


def count_text(
    value, plural: dict[str, str] | None = None, lang: str = "en", labels: dict | None = None
) -> str:
    """'agreement:2;condolence:1' → '2 agreements, 1 condolence' (codes read as words, largest
    first). Japanese needs the codes' `labels` (code → Japanese word, e.g. the codebook's
    `label_ja`): '合意2件、弔意1件'; a code without one raises rather than printing English."""
    from ca911.book.wording import noun_form

    if not isinstance(value, str) or not value.strip():
        return value
    parts = []
    for item in value.split(";"):
        code, _, n = item.partition(":")
        n = int(n) if n.strip().isdigit() else 1
        if lang == "ja":
            if code not in (labels or {}):
                raise NotImplementedError(f"no Japanese word for the code {code!r}")
            parts.append((n, labels[code]))
            continue
        word = code.replace("_", " ")
        parts.append((n, noun_form(n, word, lang, plural_form=(plural or {}).get(word))))
    ordered = sorted(parts, key=lambda p: (-p[0], p[1]))
    if lang == "ja":
        return "、".join(f"{w}{n}件" for n, w in ordered)
    return ", ".join(f"{n} {w}" for n, w in ordered)
