"""Every table the book renders: a numbered MyST table from a DataFrame (`markdown_table`, the one
path, escaping data so no markup leaks), the same shown by a notebook (`captioned_table`), and the
searchable HTML table with its print fallback (`interactive_table`, itables' public API)."""

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
# The words DataTables shows around a searchable table (its own defaults are English).
DATATABLES_WORDS = {
    "en": {"lengthMenu": "Show _MENU_ rows per page", "search": "Search:", "all": "All"},
    "ja": {"lengthMenu": "1ページに _MENU_ 行を表示", "search": "検索：", "all": "すべて"},
}
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
    )
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


ITABLES_STATIC = (
    "_static/itables"  # where the book ships DataTables (see sphinx_ext): no CDN, no inline copy
)
# itables' "connected" mode loads its bundle from `dt_url`: here the book's own copy, relative to a
# page of notebooks/ (the only folder with interactive tables).
DT_URL = f"../{ITABLES_STATIC}/dt_bundle.js"


# DataTables options (public itables/DataTables API): the page length in a labelled menu with "All",
# prose columns given room, headers that look clickable (the whole header sorts, not only its
# arrow). The table lays itself out from its content (table-layout: auto), so no column is narrower
# than its longest word and no cell's text runs into the next; the widths below are only the shares
# the rest is divided by. On a narrow screen each row becomes a small block (date, type and locator
# on one line, then what happened and who), so the table fits the screen instead of scrolling
# sideways.
ITABLE_CSS = """
.dt-container .dt-length select { min-width: 5em; color: inherit; background-color: transparent; }
.dt-container table.dataTable thead th { cursor: pointer; text-decoration: underline dotted; vertical-align: bottom; }
.dt-container table.dataTable :is(td, th) { vertical-align: top; white-space: normal; overflow-wrap: normal; }
.dt-container table.dataTable caption { text-align: left; }
.dt-container table.dataTable tbody td.ca911-col-date { white-space: nowrap; }  /* a date is never broken at its hyphens */
.dt-container table.dataTable.compact :is(td, th) { padding: 0.35em 0.6em; }
@media (max-width: 44rem) {
  .dt-container table.dataTable, .dt-container table.dataTable :is(thead, tbody) { display: block; width: 100% !important; }
  .dt-container table.dataTable caption { display: block; }
  .dt-container table.dataTable thead tr { display: flex; flex-wrap: wrap; column-gap: 1em; }
  .dt-container table.dataTable thead th { display: block; width: auto !important; padding: 0.25em 1.2em 0.25em 0 !important; border: 0; }
  .dt-container table.dataTable tbody tr { display: grid; grid-template-columns: auto auto 1fr; column-gap: 0.75em;
    padding: 0.5em 0; border-top: 1px solid var(--pst-color-border, #ccc); }
  .dt-container table.dataTable tbody td { display: block; width: auto !important; padding: 0 !important; border: 0 !important;
    box-shadow: none !important; background: transparent !important; }
  .dt-container table.dataTable tbody td.ca911-col-date { grid-area: 1 / 1; font-weight: bold; }
  .dt-container table.dataTable tbody td.ca911-col-type { grid-area: 1 / 2; }
  .dt-container table.dataTable tbody td.ca911-col-locator { grid-area: 1 / 3; justify-self: end; text-align: right; white-space: nowrap; }
  .dt-container table.dataTable tbody td.ca911-col-what-happened { grid-area: 2 / 1 / 3 / -1; }
  .dt-container table.dataTable tbody td.ca911-col-actors { grid-area: 3 / 1 / 4 / -1; color: var(--pst-color-text-muted); }
  .dt-container table.dataTable tbody td.ca911-col-actors:not(:empty)::before { content: "Actors: "; }
}
"""  # noqa: E501 (stylesheet rules sent to the page as they are)
# Share of the width per column (by name); prose gets the most, ids and locators stay narrow.
ITABLE_WIDTHS = {
    "date": "13%",
    "actors": "19%",
    "what happened": "42%",
    "type": "12%",
    "locator": "14%",
}
SEARCH_ONLY_COLUMNS = (
    "record id",
)  # found by the search box, not shown: the locator says where to read


def html_cell(value):
    """A cell of a searchable HTML table: a locator or a record reference as the code element every
    page shows it in (the classes of `records.locator_node`, `records.record_node`), any other text
    escaped, numbers as they are."""
    import html

    from ca911.book.records import LOCATOR_CLASS, RECORD_CLASS
    from ca911.data.locators import LOCATOR_MENTION as LOCATOR
    from ca911.data.refs import RECORD_REF

    if not isinstance(value, str):
        return value
    for pattern, css in ((LOCATOR, LOCATOR_CLASS), (RECORD_REF, RECORD_CLASS)):
        if pattern.fullmatch(value):
            return (
                f'<code class="docutils literal notranslate {css}">'
                f'<span class="pre">{html.escape(value)}</span></code>'
            )
    return html.escape(value, quote=False)


class InteractiveTable:
    """A table that is searchable in HTML (itables' public `to_html_datatable`, loading the
    DataTables bundle the book ships, never a CDN) and, where no script runs (the PDF builder
    prefers text/markdown), either the same table through `markdown_table` or, for a long one,
    `print_note` (our MyST: it may point to where print lists it)."""

    def __init__(
        self,
        frame: pd.DataFrame,
        caption: str,
        table_id: str,
        print_note: str | None = None,
        dt_url: str = DT_URL,
        lang: str = "en",
    ):
        self.frame, self.caption, self.table_id, self.print_note = (
            frame,
            caption,
            table_id,
            print_note,
        )
        self.dt_url, self.lang = dt_url, lang

    def datatables_options(self) -> dict:
        cols = list(self.frame.columns)
        defs = [
            {"targets": i, "width": ITABLE_WIDTHS[c]}
            for i, c in enumerate(cols)
            if c in ITABLE_WIDTHS
        ]
        defs += [
            {"targets": i, "visible": False} for i, c in enumerate(cols) if c in SEARCH_ONLY_COLUMNS
        ]
        # a class per column, for the narrow-screen layout of ITABLE_CSS
        defs += [
            {
                "targets": i,
                "className": "ca911-col-" + re.sub(r"\W+", "-", str(c)).strip("-").lower(),
            }
            for i, c in enumerate(cols)
        ]
        return {
            "columnDefs": defs,
            "autoWidth": False,
            "pageLength": 10,
            # itables' default sorts from the arrow icon only
            "text_in_header_can_be_selected": False,
            "lengthMenu": [[10, 25, 50, -1], [10, 25, 50, DATATABLES_WORDS[self.lang]["all"]]],
            "css": ITABLE_CSS,
            "language": {key: DATATABLES_WORDS[self.lang][key] for key in ("lengthMenu", "search")},
            "style": "table-layout:auto;width:100%;margin:0;caption-side:top",
        }

    def _repr_mimebundle_(self, include=None, exclude=None):
        from itables import to_html_datatable

        from ca911.book.itables_words import itables_html_in

        # cells as HTML: a locator or record reference shows in its one element (records.py), all
        # else escaped
        table = to_html_datatable(
            self.frame.map(html_cell),
            caption=self.caption,
            connected=True,
            dt_url=self.dt_url,
            table_id=self.table_id,
            showIndex=False,
            classes="display compact",
            allow_html=True,
            **self.datatables_options(),
        )
        table = itables_html_in(table, self.lang)
        md = (
            f"**{self.caption}.** {self.print_note}\n"
            if self.print_note
            else markdown_table(self.frame, self.caption, f"tab-{self.table_id}", lang=self.lang)
        )
        # as itables' init_notebook_mode does, but from the book's copy: DataTables follows the
        # theme's dark mode
        dark = (
            f'<script type="module">import {{ set_or_remove_dark_class }} from "{self.dt_url}"; '
            "set_or_remove_dark_class();</script>\n"
        )
        return {
            "text/html": dark + table,
            "text/markdown": md,
            "text/plain": self.frame.to_string(index=False),
        }


def interactive_table(
    frame: pd.DataFrame,
    caption: str,
    table_id: str,
    print_note: str | None = None,
    lang: str = "en",
) -> InteractiveTable:
    """`print_note` replaces the printed table where the records are listed in print elsewhere."""
    return InteractiveTable(frame, caption, table_id, print_note, lang=lang)


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
