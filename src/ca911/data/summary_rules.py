"""A record's summary is read alone: the full chronology sorts events by date, the sentence map and
the actor pages list facts one by one, so a summary that opens by pointing back at the chapter's
previous sentence ("In the same period", "Soon after,", 同時期、, その直後, 同じく, これらの事件は)
points at nothing there. It names its anchor instead ("While Putin stayed in Sochi (17–24
September 2001)", 「プーチンのソチ滞在と同じ時期に」) or drops the link."""

from __future__ import annotations

import re

from ca911.data.problems import CrossFileCheck

# the opening words that lean on a sentence before them; a summary that names what it follows
# ("Soon after the June 2002 exercise") is a summary of its own
LEANING_OPENINGS = {
    "en": re.compile(
        r"^(?:(?:In|At|Around|About) (?:about )?the same (?:period|time)|In the same \w+|"
        r"Soon after,|Shortly after,|Meanwhile|Likewise|Similarly|Later,|The same \w+|"
        r"(?:These|Those|This|That|Such|Their|Its|His|Her) |As an example|For example,)"
    ),
    "ja": re.compile(
        r"^(?:同時期|同じ(?:頃|ころ|時期|く|見方|声明|日|月)|ほぼ同じ|その(?:直後|後|一因|例|研究|動機|際)|"
        r"これら|この(?:時期|ほか)|同様に|一方|また、|さらに)"
    ),
}
SUMMARY_FIELDS = {"summary_en": "en", "summary_ja": "ja"}
SUMMARY_TABLES = ("events", "facts")


def leaning_opening(text: str, lang: str) -> str | None:
    """The words a summary opens with that point back at a sentence it does not hold, else None."""
    found = LEANING_OPENINGS[lang].match(text or "")
    return found.group(0).strip() if found else None


def summary_rules(check: CrossFileCheck) -> None:
    """Every event's and fact's summary, in both languages, stands alone."""
    for table in SUMMARY_TABLES:
        for rec in check.tables.get(table, []):
            for col, lang in SUMMARY_FIELDS.items():
                if opening := leaning_opening(rec.get(col, ""), lang):
                    check.add(
                        table,
                        rec,
                        col,
                        "summary-leans-on-context",
                        f"opens with {opening!r}, which points at the chapter's previous "
                        "sentence; a summary is read alone (chronology, sentence map): name "
                        "what it follows or drop the link",
                    )
