"""Chapter 4's alignment network: which state aligned with, cooperated with or balanced against
which power, by period."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ca911.analysis.networks import add_actor
from ca911.data import dates

POWERS = (
    "RUS",
    "USA",
    "CHN",
)  # the three powers chapter 4 weighs Kazakhstan and Uzbekistan against


# ------------------------------------------------------------------------------------- alignment
def period_number(period_id) -> int:
    """A period's number within its country, as its id carries it ('uzb-3' → 3)."""
    return int(str(period_id).rsplit("-", 1)[-1])


def alignment_periods(data) -> pd.DataFrame:
    """Chapter 4's periods in reading order: by country, then the period's `number` within it
    (the chapter's own numbering of Uzbek policy first, then the data's further characterisations,
    as the ids number them: uzb-1 … uzb-5), so the figure's panels and the table's rows agree."""
    p = data.periods.copy()
    p["n_relations"] = (
        p["period_id"].map(data.period_relations["period_id"].value_counts()).fillna(0).astype(int)
    )
    p["number"] = p["period_id"].map(period_number)
    return p.sort_values(["country_id", "number"]).reset_index(drop=True)


def build_alignment_graph(data, period_id: str) -> nx.DiGraph:
    """Country → partner edges for one period, typed by the relation chapter 4 attributes to it
    (period_relations.csv only; nothing is inferred). A period with no stated relation gives the
    country alone, with `isolated_reason`."""
    period = data.periods.set_index("period_id").loc[period_id]
    rel = data.period_relations[data.period_relations["period_id"] == period_id].sort_values(
        "partner_id"
    )
    country = period["country_id"]
    G = nx.DiGraph(
        name=f"alignment {period_id}",
        period_id=period_id,
        country=country,
        policy_type=str(period["policy_type"]),
        start=period["start"],
        end=period["end"],
        label_en=period["label_en"],
        locator=period["locator"],
    )
    add_actor(
        G,
        data,
        country,
        role="country",
        isolated_reason=""
        if len(rel)
        else "chapter 4 attributes no relation to a partner in this period",
    )
    for r in rel.itertuples():
        add_actor(G, data, r.partner_id, role="partner", isolated_reason="")
        G.add_edge(
            country, r.partner_id, relation=str(r.relation), note_en=r.note_en, locator=r.locator
        )
    return G


def alignment_table(data, lang: str = "en") -> pd.DataFrame:
    """One row per period, in reading order (`alignment_periods`): its number within its country,
    its years in words in `lang` ('about 1995–2000', 'from 11 September 2001'), its label and the
    relation to each of Russia, the US and China ('' = none stated), plus any other partner."""
    rows = []
    for p in alignment_periods(data).itertuples():
        G = build_alignment_graph(data, p.period_id)
        rel = {v: d["relation"] for _, v, d in G.edges(data=True)}
        rows.append(
            {
                "period": p.period_id,
                "country": p.country_id,
                "number": p.number,
                "years": dates.period_span(
                    str(p.start),
                    p.end if isinstance(p.end, str) and p.end else None,
                    lang,
                    bool(p.approximate),
                ),
                "policy_type": str(p.policy_type),
                **{k: rel.get(k, "") for k in POWERS},
                "other": ";".join(f"{k}:{v}" for k, v in sorted(rel.items()) if k not in POWERS),
            }
        )
    return pd.DataFrame(rows)
