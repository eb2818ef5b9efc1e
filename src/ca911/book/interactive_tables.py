"""The searchable HTML table with its print fallback (`interactive_table`, itables' public API):
DataTables shipped with the book, its words in the edition's language, and the table a print
reader gets instead."""

from __future__ import annotations

import json
import re

import pandas as pd

from ca911.analysis.chronology import DATE_ORDER
from ca911.book.myst import markdown_table

# The words DataTables shows around a searchable table (its own defaults are English): DataTables'
# `language` option, and "all" for the page-length menu.
DATATABLES_WORDS = {
    "en": {"lengthMenu": "Show _MENU_ rows per page", "search": "Search:", "all": "All"},
    "ja": {
        "lengthMenu": "1ページに _MENU_ 行を表示",
        "search": "検索：",
        "all": "すべて",
        "info": "全_TOTAL_行のうち_START_～_END_行目",
        "infoEmpty": "該当する行なし",
        "infoFiltered": "（全_MAX_行から絞り込み）",
        "zeroRecords": "一致する行はない",
        "emptyTable": "この表に行はない",
        "loadingRecords": "読み込んでいます…",
        "lengthLabels": {"-1": "すべて"},
        "aria": {
            "orderable": "：押すと並べ替え",
            "orderableReverse": "：押すと逆順に並べ替え",
            "orderableRemove": "：押すと並べ替えを解除",
            "paginate": {"first": "最初", "last": "最後", "next": "次", "previous": "前"},
        },
    },
}
# A column's header as the reader sees it; the column keeps its name (and class) otherwise.
HEADER_WORDS = {
    "ja": {
        "date": "日付",
        "date order": "日付順",  # hidden, yet its head is in the page
        "actors": "アクター",
        "what happened": "出来事",
        "type": "種類",
        "locator": "典拠箇所",
        "record id": "記録ID",
    }
}
# DataTables names its page buttons' <nav> "pagination" whatever its `language`: the table renames
# it each time it is drawn (in English it keeps DataTables' name). A draw callback, since itables
# takes `initComplete` for itself.
PAGINATION_NAME = {"ja": "ページ送り"}
NAME_PAGINATION_JS = (
    "function (settings) {{ settings.nTableWrapper.querySelectorAll('nav[aria-label=pagination]')"
    ".forEach(nav => nav.setAttribute('aria-label', {name})); }}"
)
# The label a phone shows before a row's actors (ITABLE_CSS)
ACTORS_LABEL = {"en": "Actors: ", "ja": "アクター："}

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
# the rest is divided by. On a narrow screen each row becomes a small block (date and locator on one
# line, the type under them, then what happened and who), so the table fits the screen instead of
# scrolling sideways.
ITABLE_CSS = """
.dt-container .dt-length select { min-width: 5em; color: inherit; background-color: transparent; }
.dt-container table.dataTable thead th { cursor: pointer; text-decoration: underline dotted; vertical-align: bottom; }
.dt-container table.dataTable :is(td, th) { vertical-align: top; white-space: normal; overflow-wrap: normal; }
.dt-container table.dataTable caption { text-align: left; }
.dt-container table.dataTable tbody td.ca911-col-date { word-break: keep-all; }  /* a span wraps between its dates, never inside one (date_cell_text) */
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
  .dt-container table.dataTable tbody td.ca911-col-date { grid-area: 1 / 1 / 2 / 3; font-weight: bold; }
  .dt-container table.dataTable tbody td.ca911-col-locator { grid-area: 1 / 3; justify-self: end; text-align: right; white-space: nowrap; }
  .dt-container table.dataTable tbody td.ca911-col-type { grid-area: 2 / 1 / 3 / -1; color: var(--pst-color-text-muted); }
  .dt-container table.dataTable tbody td.ca911-col-what-happened { grid-area: 3 / 1 / 4 / -1; }
  .dt-container table.dataTable tbody td.ca911-col-actors { grid-area: 4 / 1 / 5 / -1; color: var(--pst-color-text-muted); }
  .dt-container table.dataTable tbody td.ca911-col-actors:not(:empty)::before { content: ACTORS_LABEL; }
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
    from ca911.data.locators import shown_locator
    from ca911.data.refs import RECORD_REF

    if not isinstance(value, str):
        return value
    for pattern, css in ((LOCATOR, LOCATOR_CLASS), (RECORD_REF, RECORD_CLASS)):
        if pattern.fullmatch(value):
            shown = shown_locator(value) if css == LOCATOR_CLASS else value
            return (
                f'<code class="docutils literal notranslate {css}">'
                f'<span class="pre">{html.escape(shown)}</span></code>'
            )
    return html.escape(shown_locator(value), quote=False)


def date_cell_text(text):
    """A date column's words with no-break spaces inside each date, so a span ("about 17 September
    2001 – 24 September 2001") wraps after "about" and the dash but never inside a date; a Japanese
    date has no space and is kept whole by the column's `word-break: keep-all`."""
    if not isinstance(text, str):
        return text
    whole = re.sub(r"(?<=\d) (?=[A-Z][a-z]+ )|(?<=[a-z]) (?=\d{4}\b)", "\u00a0", text)
    return whole.replace(" – ", "\u00a0– ")  # the dash ends the first line, not a line of its own


# The print edition's words in place of the interactive table: its caption as a run-in head, as a
# bold lead-in is set in each language (a stop in English, an ideographic space in Japanese).
LEAD_IN = {"en": "**{caption}.** {note}\n", "ja": "**{caption}**\u3000{note}\n"}


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
        order = {}
        if DATE_ORDER in cols and "date" in cols:
            # dates in words sort by the hidden key, which is also the table's first order
            key, date = cols.index(DATE_ORDER), cols.index("date")
            defs += [
                {"targets": key, "visible": False, "searchable": False},
                {"targets": date, "orderData": [key]},
            ]
            order = {"order": [[date, "asc"]]}
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
            "css": ITABLE_CSS.replace(
                "ACTORS_LABEL", json.dumps(ACTORS_LABEL[self.lang], ensure_ascii=False)
            ),
            "language": {
                key: words for key, words in DATATABLES_WORDS[self.lang].items() if key != "all"
            },
            "style": "table-layout:auto;width:100%;margin:0;caption-side:top",
            **order,
            **self._pagination_name(),
        }

    def _pagination_name(self) -> dict:
        from itables import JavascriptFunction

        name = PAGINATION_NAME.get(self.lang)
        if name is None:
            return {}
        script = NAME_PAGINATION_JS.format(name=json.dumps(name, ensure_ascii=False))
        return {"drawCallback": JavascriptFunction(script)}

    def _repr_mimebundle_(self, include=None, exclude=None):
        from itables import to_html_datatable

        from ca911.book.itables_words import itables_html_in

        # cells as HTML: a locator or record reference shows in its one element (records.py), all
        # else escaped
        headers = HEADER_WORDS.get(self.lang, {})
        shown = self.frame.assign(
            **({"date": self.frame["date"].map(date_cell_text)} if "date" in self.frame else {})
        )
        table = to_html_datatable(
            shown.map(html_cell).rename(columns=headers),
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
            LEAD_IN[self.lang].format(caption=self.caption, note=self.print_note)
            if self.print_note
            else markdown_table(
                self.frame.drop(columns=DATE_ORDER, errors="ignore"),
                self.caption,
                f"tab-{self.table_id}",
                lang=self.lang,
            )
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
