"""One form for a numbered figure or table named in English text: "Fig. 8.1" and "Table 3.1",
everywhere, as Sphinx's numbered references and captions write them (CONTRIBUTING.md, "Numbered
figures and tables"); never "Figure 8.1", "figure 8.1", "fig. 8.1", "table 3.1" or "Tab. 3.1".

A plain function of text, so tests/support/test_reference_forms.py shows it fails on a broken
input; tests/test_reference_forms.py runs it on the English HTML pages and the English PDF.
"""

from __future__ import annotations

import re

# a figure or table number as the book numbers them (chapter.number, or a bare number)
OTHER_FORMS = re.compile(
    r"(?<![\w.])(?:Figures?|figures?|figs?\.|Figs\.|tables?|Tab\.|tab\.)\s?\d+(?:\.\d+)?(?![\w])"
)


def other_reference_forms(text: str) -> list[str]:
    """Every figure or table reference in `text` in another form than "Fig. N.N" / "Table N.N",
    with some context."""
    return [repr(text[max(0, m.start() - 30) : m.end() + 10]) for m in OTHER_FORMS.finditer(text)]
