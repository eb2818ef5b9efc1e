"""The Japanese edition's search splits a reader's query into words the way its index was split.

Sphinx indexes Japanese text with `sphinx.search.ja.DefaultSplitter` (TinySegmenter's model),
but its search page splits a query only at spaces and punctuation: a compound such as
有志連合, indexed as 有志 and 連合, is looked up as one word and found nowhere. Sphinx
ships no JavaScript splitter for Japanese, so the search language here gives the page one: the
same segmenter, its tables written out of the Python splitter the index used (never a second
copy of the model that could drift from it), dropping the one-character words the index drops
(SearchJapanese.word_filter).

The segmenter also cuts a term a reader types whole into pieces the index drops: 9.11 into 9, .,
1, 1 (one character each), 同時多発テロ into 同, 時多, 発, テロ. Both the index and the query
splitter therefore add such terms whole (`whole_terms`): a number joined by a point, a middle dot
or a slash in each of the three forms (a page's 9.11 is found by 9・11 and 9/11 too), and the
compounds of WHOLE_COMPOUNDS where the text holds them.
"""

from __future__ import annotations

import json
import re
import unicodedata

from sphinx.application import Sphinx
from sphinx.search.ja import DefaultSplitter, SearchJapanese

from ca911 import __version__

# TinySegmenter's scoring, as DefaultSplitter.split computes it: each term is a table of the model
# and the key it is looked up with (w: characters around the boundary, c: their character types,
# p: the previous boundaries' marks). UQ1 appears twice, as in DefaultSplitter.
SCORE_TERMS = (
    ("UP1__", "p1"),
    ("UP2__", "p2"),
    ("UP3__", "p3"),
    ("BP1__", "p1+p2"),
    ("BP2__", "p2+p3"),
    ("UW1__", "w1"),
    ("UW2__", "w2"),
    ("UW3__", "w3"),
    ("UW4__", "w4"),
    ("UW5__", "w5"),
    ("UW6__", "w6"),
    ("BW1__", "w2+w3"),
    ("BW2__", "w3+w4"),
    ("BW3__", "w4+w5"),
    ("TW1__", "w1+w2+w3"),
    ("TW2__", "w2+w3+w4"),
    ("TW3__", "w3+w4+w5"),
    ("TW4__", "w4+w5+w6"),
    ("UC1__", "c1"),
    ("UC2__", "c2"),
    ("UC3__", "c3"),
    ("UC4__", "c4"),
    ("UC5__", "c5"),
    ("UC6__", "c6"),
    ("BC1__", "c2+c3"),
    ("BC2__", "c3+c4"),
    ("BC3__", "c4+c5"),
    ("TC1__", "c1+c2+c3"),
    ("TC2__", "c2+c3+c4"),
    ("TC3__", "c3+c4+c5"),
    ("TC4__", "c4+c5+c6"),
    ("UQ1__", "p1+c1"),
    ("UQ2__", "p2+c2"),
    ("UQ1__", "p3+c3"),
    ("BQ1__", "p2+c2+c3"),
    ("BQ2__", "p2+c3+c4"),
    ("BQ3__", "p3+c2+c3"),
    ("BQ4__", "p3+c3+c4"),
    ("TQ1__", "p2+c1+c2+c3"),
    ("TQ2__", "p2+c2+c3+c4"),
    ("TQ3__", "p3+c1+c2+c3"),
    ("TQ4__", "p3+c2+c3+c4"),
)

# numbers joined by a point, a middle dot or a slash (9.11, 9・11, 9/11), after NFKC (９．１１)
NUMBER_TERM = re.compile(r"\d+(?:[.・/]\d+)+")
NUMBER_SEPARATORS = (".", "・", "/")
# compounds the Japanese pages print that the segmenter cuts into pieces
WHOLE_COMPOUNDS = ("同時多発テロ",)


def whole_terms(text: str) -> list[str]:
    """The terms of `text` a reader types whole that the segmenter cuts up, as the index holds
    them: each joined number in its three forms, then each compound of WHOLE_COMPOUNDS."""
    text = unicodedata.normalize("NFKC", text)
    terms = []
    for match in NUMBER_TERM.finditer(text):
        parts = re.split(r"[.・/]", match.group())
        terms += [sep.join(parts) for sep in NUMBER_SEPARATORS]
    return terms + [word for word in WHOLE_COMPOUNDS if word in text]


SPLITTER_JS = """
var splitQuery = (() => {
  const model = %(model)s;
  const types = %(types)s.map(([pattern, type]) => [new RegExp("^(?:" + pattern + ")"), type]);
  const ctype = ch => (types.find(([re]) => re.test(ch)) || [null, "O"])[1];
  const ts = (table, key) => Object.prototype.hasOwnProperty.call(table, key) ? table[key] : 0;
  const segment = input => {
    if (!input) return [];
    const chars = [...input];
    const seg = ["B3", "B2", "B1", ...chars, "E1", "E2", "E3"];
    const ct = ["O", "O", "O", ...chars.map(ctype), "O", "O", "O"];
    const result = [];
    let word = seg[3], p1 = "U", p2 = "U", p3 = "U";
    for (let i = 4; i < seg.length - 3; i++) {
      const [w1, w2, w3, w4, w5, w6] = seg.slice(i - 3, i + 3);
      const [c1, c2, c3, c4, c5, c6] = ct.slice(i - 3, i + 3);
      const v = {w1, w2, w3, w4, w5, w6, c1, c2, c3, c4, c5, c6, p1, p2, p3};
      let score = model.BIAS__;
      for (const [table, key] of %(terms)s)
        score += ts(model[table], key.split("+").map(k => v[k]).join(""));
      let p = "O";
      if (score > 0) { result.push(word.trim()); word = ""; p = "B"; }
      [p1, p2, p3] = [p2, p3, p];
      word += seg[i];
    }
    result.push(word.trim());
    return result;
  };
  // as the index: terms typed whole that the segmenter cuts up (whole_terms in search.py)
  const wholeTerms = input => {
    const text = input.normalize("NFKC");
    const terms = [];
    for (const match of text.matchAll(new RegExp(%(number)s, "g"))) {
      const parts = match[0].split(/[.・/]/);
      for (const sep of %(separators)s) terms.push(parts.join(sep));
    }
    return terms.concat(%(compounds)s.filter(word => text.includes(word)));
  };
  // as the index: words of one character are not in it, so a query never requires one
  return query => segment(query).concat(wholeTerms(query)).filter(term => [...term].length > 1);
})();
"""


def splitter_js() -> str:
    """The query splitter for the search page: DefaultSplitter's model and scoring in JavaScript."""
    tables = {
        name: value
        for name, value in vars(DefaultSplitter).items()
        if name.endswith("__") and not name.startswith("__")
    }
    types = [[pattern.pattern, value] for pattern, value in DefaultSplitter.patterns_.items()]
    return SPLITTER_JS % {
        "model": json.dumps(tables, ensure_ascii=False, sort_keys=True),
        "types": json.dumps(types, ensure_ascii=False),
        "terms": json.dumps(SCORE_TERMS),
        "number": json.dumps(NUMBER_TERM.pattern),
        "separators": json.dumps(NUMBER_SEPARATORS, ensure_ascii=False),
        "compounds": json.dumps(WHOLE_COMPOUNDS, ensure_ascii=False),
    }


class JapaneseSearch(SearchJapanese):
    """Sphinx's Japanese search language with the query splitter its index needs, and the terms
    a reader types whole added to the segmenter's words."""

    def split(self, input: str) -> list[str]:
        return self.splitter.split(input) + whole_terms(input)

    @property
    def js_splitter_code(self) -> str:  # type: ignore[override]
        return splitter_js()


def setup(app: Sphinx) -> dict:
    app.add_search_language(JapaneseSearch)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
