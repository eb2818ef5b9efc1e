"""A record's summary is read alone: the full chronology sorts events by date, the sentence map and
the actor pages list facts one by one, so a summary that opens by pointing back at the chapter's
previous sentence ("In the same period", "Soon after,", 同時期、, その直後, 同じく, これらの事件は)
points at nothing there. It names its anchor instead ("While Putin stayed in Sochi (17–24
September 2001)", 「プーチンのソチ滞在と同じ時期に」) or drops the link.

Three sibling rules read the same summaries:

- `summary-leans-on-context`: the opening points back ("In the same period", その直後, 訪問の際,
  "During the visit", "Under these treaties"), or a pointer mid-entry does ("Karimov also
  said", 「カリモフはまた、」, 「タジキスタンでも、」, "this situation", こうした状況, 同会合,
  "these states").
- `summary-repeats-its-date`: an event's summary opens with its own date, which the chronology
  prints just before it ("1999年4月 · 1999年4月、グルジアは…", "April 1999 · In April 1999, …",
  "1991 · From 1991 …"). A date that is not the event's own ("Soon after the June 2002 exercise"
  on a 2002-12 entry) is an anchor, not a repeat.

Text in brackets is apparatus ("(undated; after the June 2002 items of the same paragraph)",
「（月は文脈による）」) and is not read for mid-entry pointers.
"""

from __future__ import annotations

import re

from ca911.data.dates import DATE_RE, MONTHS
from ca911.data.problems import CrossFileCheck

# the opening words that lean on a sentence before them; a summary that names what it follows
# ("Soon after the June 2002 exercise") is a summary of its own
LEANING_OPENINGS = {
    "en": re.compile(
        r"^(?:(?:In|At|Around|About) (?:about )?the same (?:period|time)|In the same \w+|"
        r"Soon after,|Shortly after,|Meanwhile|Likewise|Similarly|Later,|The same \w+|"
        r"(?:These|Those|This|That|Such|Their|Its|His|Her) |As an example|For example,|"
        r"The two\b|Both (?:states|countries|sides)\b|"
        r"(?:During|At|After|Under) (?:the|this|that|his|her|its|their|these|those) "
        r"(?:visit|stay|tour|meeting|talks|exercises?|treaties|agreements?|statement)\b"
        r"(?! (?:of|to|in|at|on)\b)|"
        r"Article \d+ (?!of\b)|The (?:\w+ )?(?:remaining|other) (?:states|countries)\b)"
    ),
    "ja": re.compile(
        r"^(?:同時期|同じ(?:頃|ころ|時期|く|見方|声明|日|月)|ほぼ同じ|その(?:直後|後|一因|例|研究|動機|際)|"
        r"これら|この(?:時期|ほか)|同様に|一方|また、|さらに|"
        r"同(?:会合|会議|会談|報告書|声明|演習|訪問)|両国は|"
        r"(?:訪問|会談|会合|会議|演習|歴訪|滞在)(?:の際|の後|後|中)|条約に(?:依拠|基づ)|"
        r"第\d+条|残る|残り|他の)"
    ),
}

# pointers anywhere in an entry (outside brackets): a subject that "also" or "too" did something
# said in a sentence the entry does not hold; "this situation" and the like
LEANING_POINTERS = {
    "en": re.compile(
        r"^(?:(?:[A-Z][\w’'.\[\]-]*|of|the|and),? ){1,6}(?:also|too|likewise|again|as well)\b|"
        r"^(?:In|On|At|For|Among) [^,.;]{1,40}, (?:too|as well),|"
        r"\b(?:[Tt]his|[Tt]hat|[Ss]uch|[Tt]hese|[Tt]hose) situations?\b|"
        r"\b[Tt]he situation (?!in\b|of\b|on\b|around\b|at\b)|"
        r"\b(?:these|those) (?:states|countries|treaties|agreements|arguments|governments|aims)\b|"
        r"\b(?:those|these) original\b|"
        r"\bthe same (?:report|meeting|statement|exercise|visit)\b|"
        r"\b[Ii]n (?:this|that) period\b|\banother (?:cause|reason|factor)\b"
    ),
    "ja": re.compile(
        r"^[^、。]{1,30}?はまた、|"
        r"^[^、。]{0,30}?(?:[ァ-ヶー]{2,}|側|国内)(?:で|に|から)も、|"
        r"^(?:\d{4}年[^、。]{0,8}、)?[^、。]{0,12}?[ァ-ヶー・]{2,}も(?!の)|"
        r"(?:この|その|こうした|このような|そのような|そうした)(?:状況|事態|情勢|論|議論|経緯)|"
        r"これら(?:の)?(?:諸国|国々|条約|協定)|"
        r"(?:^|[^と])同じ報告書|同(?:会合|会議|報告書)で|この時期|これも|それも"
    ),
}

# "とされ…とされる": the same attribution twice in one sentence reads as an echo
DOUBLE_ATTRIBUTION = re.compile(r"とされ[、，][^。]*とされる")

BRACKETS = re.compile(r"\([^()]*\)|（[^（）]*）")

# a date at the opening: English with or without its preposition ("In April 1999", "From 1991",
# "As of January 2002,", "At the April 1999 renewal deadline", "At the end of May 2003"), Japanese
# with or without its year (1999年4月、 9月の時点で 2003年以降)
_MONTH_NAMES = "|".join(MONTHS["en"])
OPENING_DATES = {
    "en": re.compile(
        r"^(?:(?:In|From|Since|As of|By|On|Until|Through|Throughout|During|At|Into)"
        r"(?: (?:the )?(?:start|beginning|end|middle) of| the| early| late| mid-)? ?)?"
        r"(?:(?P<d>\d{1,2}) )?(?P<m>" + _MONTH_NAMES + r")?,? ?(?P<y>\d{4})?\b"
    ),
    "ja": re.compile(r"^(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?:(?P<d>\d{1,2})日)?"),
}


def leaning_opening(text: str, lang: str) -> str | None:
    """The words a summary opens with that point back at a sentence it does not hold, else None."""
    found = LEANING_OPENINGS[lang].match(text or "")
    return found.group(0).strip() if found else None


def leaning_pointer(text: str, lang: str) -> str | None:
    """A pointer inside a summary ("Karimov also said", 「この状況は」, こうした状況) at text the
    summary does not hold, else None; bracketed apparatus is not read."""
    plain = BRACKETS.sub("", text or "")
    found = LEANING_POINTERS[lang].search(plain)
    if found:
        return found.group(0).strip(" ,、")
    if lang == "ja" and (echo := DOUBLE_ATTRIBUTION.search(plain)):
        return echo.group(0)
    return None


def repeated_date(text: str, lang: str, date: str) -> str | None:
    """The opening words of an event's summary that restate the event's own date (its year, and
    its month and day where both the words and the date have them), else None. An opening that
    names another month or day of the year is an anchor ("2002年6月の演習の直後" on a 2002-12
    event) and is left alone."""
    own = DATE_RE.match(date or "")
    found = OPENING_DATES[lang].match(text or "")
    if not own or not found or not found.group(0).strip(" ,、"):
        return None
    year, month, day = found.group("y"), found.group("m"), found.group("d")
    if not (year or month):
        return None
    if lang == "en" and month:
        month = str(MONTHS["en"].index(month) + 1)
    own_year, own_month, own_day = own.groups()
    if year and year != own_year:
        return None
    if month and (not own_month or int(month) != int(own_month)):
        # a month the event's date lacks is more than a repeat only with a year-less opening
        if year and not own_month:
            return found.group(0).strip(" ,、")  # "2002年6月…" on a 2002 event opens with its year
        return None
    if day and own_day and int(day) != int(own_day):
        return None
    return found.group(0).strip(" ,、")


SUMMARY_FIELDS = {"summary_en": "en", "summary_ja": "ja"}
SUMMARY_TABLES = ("events", "facts")


def summary_rules(check: CrossFileCheck) -> None:
    """Every event's and fact's summary, in both languages, stands alone."""
    for table in SUMMARY_TABLES:
        for rec in check.tables.get(table, []):
            for col, lang in SUMMARY_FIELDS.items():
                text = rec.get(col, "")
                if opening := leaning_opening(text, lang):
                    check.add(
                        table,
                        rec,
                        col,
                        "summary-leans-on-context",
                        f"opens with {opening!r}, which points at the chapter's previous "
                        "sentence; a summary is read alone (chronology, sentence map): name "
                        "what it follows or drop the link",
                    )
                elif pointer := leaning_pointer(text, lang):
                    check.add(
                        table,
                        rec,
                        col,
                        "summary-leans-on-context",
                        f"{pointer!r} points at text the summary does not hold; a summary is "
                        "read alone (chronology, sentence map): say what it refers to",
                    )
                if table == "events" and (repeat := repeated_date(text, lang, rec.get("date", ""))):
                    check.add(
                        table,
                        rec,
                        col,
                        "summary-repeats-its-date",
                        f"opens with {repeat!r}, the event's own date, which the chronology "
                        "prints just before the summary: drop it (keep only what the date "
                        "field does not say)",
                    )
