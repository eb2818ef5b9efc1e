"""The words itables writes around a searchable table before its script runs (a loading line, the
static preview's note on hidden rows, two tooltips), in the edition's language. itables writes them
in English only and offers no option for them, so the Japanese edition rewrites its output's known
phrases; a phrase this table does not know is left as itables wrote it (the checks of the Japanese
pages then name it)."""

from __future__ import annotations

import re

ITABLES_PHRASES = {
    "ja": [
        (
            re.compile(
                r"Loading ITables v[\w.]+ from (?:the internet|the <code>init_notebook_mode</code> "
                r"cell)\.\.\.\s*\(need (<a [^>]*>)help</a>\?\)"
            ),
            r"表を読み込んでいます…（\1ヘルプ</a>）",
        ),
        (
            re.compile(
                r"JavaScript not allowed\. Please trust this notebook to get interactive tables\."
            ),
            "JavaScriptが動かないため、表は検索も並べ替えもできない。",
        ),
        (re.compile(r"ITables v[\w.]+ static preview"), "ITablesの静的な表示"),
        (
            re.compile(r"\(?([\d,]+) more rows? and ([\d,]+) more columns? not shown\)?"),
            r"（ほかに\1行、\2列）",
        ),
        (re.compile(r"\(?([\d,]+) more rows? not shown\)?"), r"（ほかに\1行）"),
        (re.compile(r"\(?([\d,]+) more columns? not shown\)?"), r"（ほかに\1列）"),
    ]
}


def itables_html_in(html: str, lang: str) -> str:
    """itables' HTML with its own English phrases in `lang`."""
    for pattern, words in ITABLES_PHRASES.get(lang, []):
        html = pattern.sub(words, html)
    return html
