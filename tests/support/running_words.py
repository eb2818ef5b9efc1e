"""Words in running text that an editor reading the proofs marked, as plain functions of a page's
text so `tests/support/test_running_words.py` shows each one failing on a small broken input and
`tests/test_running_words.py` runs them on every page of both editions (HTML and PDF):

- a date in brackets after a sentence that has already placed its time in words ("From the
  spring Russia acted (about 2002)", 「翌日……話した（2001年9月23日）」): the link's date repeats the
  sentence's, or contradicts it;
- a hyphen between the numbers of a locator's run of paragraphs ("¶6-7"): a range takes an en dash.
"""

from __future__ import annotations

import re

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# A date as the book writes one in brackets after a statement (records.event_date_text): 'about
# 2002', '23 September 2001', 'about April 2002', '11–12 April 2002', '1992–1999', 2002年ごろ,
# 2001年9月23日, 2001年9月～10月.
EN_DATE = (
    rf"(?:(?:about|around|early|late|mid-|from|by|before|after|c\.)\s*)*"
    rf"(?:\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?\s+)?(?:{MONTH}\s+)?(?:\d{{1,2}}\s+)?"
    rf"(?:{MONTH}\s*[–-]\s*{MONTH}\s+)?\d{{4}}(?:\s*[–-]\s*(?:{MONTH}\s+)?\d{{4}})?"
)
JA_DATE = (
    r"(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?)"
    r"(?:[～–〜-]?(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?)*(?:ごろ|頃)?(?:以降)?"
)
BRACKETED_DATE = {
    "en": re.compile(rf"\(\s*{EN_DATE}\s*\)"),
    "ja": re.compile(rf"（\s*{JA_DATE}\s*）"),
}
# Words that place a statement in time by themselves: a season, a day counted from the day before.
TIME_WORDS = {
    "en": re.compile(
        r"\b(?:(?:in|from|by|that|this|the|last|next)\s+(?:the\s+)?"
        r"(?:spring|summer|autumn|winter|fall)"
        r"|(?:the|that)\s+(?:next|same|following)\s+(?:day|week|month)"
        r"|that\s+day|the\s+next\s+morning)\b",
        re.IGNORECASE,
    ),
    # a day named from a date given with it (9月11日の前日) is that date's gloss, not a placing
    "ja": re.compile(
        r"(?<!の)(?:翌日|同日|同じ日|次の日|前日|翌週|翌月|同月|その日|当日)"
        r"|(?<![0-9０-９年])(?:春|夏|秋|冬)(?:に|から|には|になると|以降)"
    ),
}
# Clauses: sentences, and in English the clauses a comma and a conjunction join (the time of "sent a
# message the same day" is not that of "and the others followed (12 September 2001)").
SENTENCE_END = {
    "en": re.compile(
        r"(?<=[.!?])[”’)]*\s+(?=[A-Z“‘(])|;\s+|,\s+(?=(?:and|but|while|yet|whereas)\s)"
    ),
    "ja": re.compile(r"(?<=[。；])"),
}


def sentences(text: str, lang: str) -> list[str]:
    """The sentences (and semicolon clauses) of a page's text, its lines joined."""
    joined = re.sub(r"[-\u2010\u00ad]\n(?=[a-z])", "", text)
    joined = re.sub(r"\s*\n\s*", "", joined) if lang == "ja" else re.sub(r"\s+", " ", joined)
    return [s.strip() for s in SENTENCE_END[lang].split(joined) if s.strip()]


def dates_after_time_words(text: str, lang: str) -> list[str]:
    """Each sentence in which a bracketed date follows words that already placed the statement in
    time (the season, the next day, the same day)."""
    found = []
    for sentence in sentences(text, lang):
        for placed in TIME_WORDS[lang].finditer(sentence):
            date = BRACKETED_DATE[lang].search(sentence, placed.end())
            if date:
                found.append(f"{placed.group(0)!r} … {date.group(0)!r} in {sentence[:200]!r}")
                break
    return found


# A run of paragraphs in a locator (¶6-7): a paragraph mark and numbers joined by a hyphen.
LOCATOR_HYPHEN = re.compile(r"¶\s*\d+\s*-\s*\d+")


def hyphenated_locator_ranges(text: str) -> list[str]:
    """Each locator run of paragraphs written with a hyphen for its range."""
    return [
        repr(text[max(0, m.start() - 30) : m.end() + 10]) for m in LOCATOR_HYPHEN.finditer(text)
    ]


# A figure from one to nine standing for a count in running English text, which spells it out
# ("five points", "at least one year"). A number that names (chapter 3, Table 1, §2, p. 9, 9/11,
# code 4, a sentence's s.3) or is part of a date, a span or a measure (5%, 4–6) is no count.
NAMING_WORD = re.compile(
    r"(?:[Cc]hapters?|[Tt]ables?|[Ff]ig(?:ure)?s?\.?|ch\.|pp?\.|app\.|[Ss]ections?|[Pp]arts?"
    r"|[Pp]eriods?|codes?|[Ll]evels?|[Ss]tances?|[Ss]teps?|[Cc]olumns?|[Rr]ows?|[Rr]anks?"
    r"|[Vv]ersion|[Nn]otes?|paragraphs?|sentences?|[Tt]ype|[Pp]hase|No\.|position|of|to|and|or"
    r"|from|between|Appendix|[Ss]core|[Vv]alue|Article|weight|betweenness|=|\w+’s)$"
)
# A tally of records ("Records: 5 events, 9 facts", an index entry's "· 1 event, 2 facts") is a
# list, set in figures as a table is.
TALLY = re.compile(r"^Records:|\s·\s")
SMALL_FIGURE = re.compile(r"(?<![\w.,:/§¶–(\[-])([1-9])(?= [a-z]+\b)")


def small_figures(text: str) -> list[str]:
    """Each one-digit count in English running text written as a figure, with its context."""
    if TALLY.search(text):
        return []
    found = []
    for m in SMALL_FIGURE.finditer(text):
        before = text[: m.start()].rstrip().split(" ")[-1] if text[: m.start()].strip() else ""
        after = text[m.end() :]
        if NAMING_WORD.search(before) or after.startswith((" of ", " to ", " and ")):
            continue
        if re.match(r" (?:million|billion|thousand|hundred|per cent)\b", after):
            continue
        found.append(repr(text[max(0, m.start() - 40) : m.end() + 25]))
    return found


# A sub-section written as the section's number, a point and the sub-section's number in brackets
# ("sub-section 4.(2)"): the book writes "sub-section (2) of section 4", as the locators module
# names one (ca911.data.locators).
DOTTED_SUBSECTION = re.compile(r"\b\d+\.\(\d+\)")


def dotted_subsections(text: str) -> list[str]:
    """Each sub-section written '4.(2)', with its context."""
    return [
        repr(text[max(0, m.start() - 30) : m.end() + 10]) for m in DOTTED_SUBSECTION.finditer(text)
    ]
