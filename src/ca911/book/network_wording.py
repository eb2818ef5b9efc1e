"""Pairs of states in a reader's words, for the projected membership network."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import networkx as nx
import pandas as pd

# The phrases of pairs of states in each edition's language.
PAIR_WORDS = {
    "en": {
        "every_two": "every two of {names}",
        "hub": "{hub} with each of {partners}",
        "sep": "; ",
        "count": "{n} pair{s}",
        "row": "{count}: {pairs}",
        "column": "pairs of states",
    },
    "ja": {
        "every_two": "{names}のどの2カ国の間も",
        "hub": "{hub}と{partners}のそれぞれ",
        "sep": "、",
        "count": "{n}組",
        "row": "{count}：{pairs}",
        "column": "国の組",
    },
}


def pairs_in_words(pairs: list[tuple[str, str]], name_of, lang: str = "en") -> str:
    """Pairs of states in a reader's words: three or more states of which every two are a pair are
    named once ("every two of Estonia, Georgia and Ukraine"), a state in three or more of the other
    pairs once with its partners ("Belarus with each of Armenia, Kazakhstan and Russia"), the pairs
    left over one by one ("Kazakhstan and Russia"; Japanese: カザフスタンとロシア). Japanese lists
    the parts with 、 and the states inside a part with ・, never 「；」."""
    words = PAIR_WORDS[lang]

    def listed(names: list[str], pair: bool = False) -> str:
        if lang == "ja":  # ・ between the members of a list; と between the two states of a pair
            return "と".join(names) if pair else "・".join(names)
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    left, parts = {frozenset(p) for p in pairs}, []
    while left:
        graph = nx.Graph([tuple(sorted(p)) for p in left])
        cliques = sorted((sorted(c) for c in nx.find_cliques(graph)), key=lambda c: (-len(c), c))
        if len(cliques[0]) < 3:
            break
        parts.append(
            words["every_two"].format(names=listed(sorted(name_of(s) for s in cliques[0])))
        )
        left -= {frozenset(p) for p in combinations(cliques[0], 2)}
    while left:  # a state in three or more of the pairs left: named once with its partners
        counts = Counter(s for p in left for s in p)
        hub = min(counts, key=lambda s: (-counts[s], name_of(s)))
        if counts[hub] < 3:
            break
        partners = sorted(name_of(s) for p in left if hub in p for s in p - {hub})
        parts.append(words["hub"].format(hub=name_of(hub), partners=listed(partners)))
        left = {p for p in left if hub not in p}
    parts += sorted(listed(sorted(name_of(s) for s in p), pair=True) for p in left)
    return words["sep"].join(parts)


def shared_membership_histories(weights: pd.DataFrame, name_of, lang: str = "en") -> pd.DataFrame:
    """The projected weights (`projected_weights`: pairs "KAZ–RUS" × snapshots) with the pairs of
    one history together: one row per distinct sequence of weights, the pairs counted and named in
    words (the first column: on a phone the numbers scroll, the pairs they belong to stay in
    view), the latest weights first."""
    rows = []
    for history, group in weights.groupby(list(weights.columns), sort=False):
        pairs = [tuple(label.split("–")) for label in group.index]
        words = PAIR_WORDS[lang]
        count = words["count"].format(n=len(pairs), s="s" if len(pairs) > 1 else "")
        rows.append(
            [words["row"].format(count=count, pairs=pairs_in_words(pairs, name_of, lang)), *history]
        )
    frame = pd.DataFrame(rows, columns=[PAIR_WORDS[lang]["column"], *weights.columns])
    return frame.sort_values(
        list(reversed(weights.columns)), ascending=False, kind="stable"
    ).reset_index(drop=True)
