"""Apparatus that should not stand in the running text a reader follows (paragraphs and list items,
outside tables): a record's date in parentheses repeating a date the sentence already gives, a
span that writes its shared month or year twice, an outside expansion's square brackets in a
gloss, and two parenthesised groups side by side.

Plain functions of a page's HTML or of text, so `tests/support/test_prose_apparatus.py` shows each
fails on small broken inputs; `tests/test_prose_apparatus.py` runs them on every page of both
built editions.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

MONTH = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# A parenthesis that holds a date and nothing else ("(October 2001)", "(about 11 September 2001)",
# "(17–24 September 2001)", "（2001年10月ごろ）"); the groups are the date's words.
EN_DATE = rf"(?:\d{{1,2}}(?:[–-]\d{{1,2}})? )?(?:(?:{MONTH})(?:[–-](?:{MONTH}))? )?\d{{4}}"
EN_DATE_PARENTHESIS = re.compile(rf"\((?:about |c\. )?(?P<date>{EN_DATE})(?:[–-]\d{{4}})?\)")
JA_DATE = r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?"
JA_DATE_PARENTHESIS = re.compile(rf"（(?P<date>{JA_DATE})(?:～[\d年月日]+)?(?:ごろ)?）")
# a sentence, or a field of an entry set off by middle dots (a chronology entry's actors)
EN_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])| · ")
JA_SENTENCE_END = re.compile(r"(?<=。)| · ")
# What a sentence must say for a date to be repeated: a day with its month, a month, a year.
EN_DAY_MONTH = re.compile(rf"^(\d{{1,2}})(?:[–-]\d{{1,2}})? ({MONTH})")
EN_MONTH = re.compile(rf"^({MONTH})\b")
JA_PARTS = re.compile(r"^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")


def running_text(page_html: str) -> list[str]:
    """The text of each paragraph and list item of the page's article outside tables, one string
    each; code stands as its text where it is a word of the sentence (a locator, a file name), as
    "code" where it holds brackets of its own (a pattern)."""
    soup = BeautifulSoup(page_html, "html.parser")
    for tag in soup(["script", "style", "head", "template", "noscript"]):
        tag.decompose()
    for code in soup(["code", "pre", "kbd", "samp"]):
        if any(b in code.get_text() for b in "()（）[]"):
            code.replace_with("code")
    root = soup.select_one("article") or soup.body or soup
    texts = []
    for block in root.select("p, li"):
        if block.find_parent(["table", "nav", "aside", "footer", "header"]) or block.find("p"):
            continue
        text = " ".join(block.get_text("").split())
        if text:
            texts.append(text)
    return texts


def sentences(text: str, lang: str) -> list[str]:
    return (JA_SENTENCE_END if lang == "ja" else EN_SENTENCE_END).split(text)


def _said_in(date: str, lang: str) -> re.Pattern:
    """What the rest of a sentence says when it already gives `date` (a day and its month, a
    month, or a year: the most precise part of the date)."""
    if lang == "ja":
        year, month, day = JA_PARTS.match(date).groups()
        if day:
            return re.compile(rf"(?<!\d){month}月{day}日")
        if month:
            return re.compile(rf"(?<!\d){month}月")
        return re.compile(rf"{year}年(?!\d)")
    if m := EN_DAY_MONTH.match(date):
        return re.compile(rf"\b{m[1]} {m[2]}\b|\b{m[2]} {m[1]}\b")
    if m := EN_MONTH.match(date):
        return re.compile(rf"\b{m[1]}\b")
    # a year the sentence gives as a year, not as part of a month or day ("June 2002")
    return re.compile(rf"(?<![a-z] )(?<!\d )\b{date[-4:]}\b")


def repeated_dates(text: str, lang: str) -> list[str]:
    """Sentences with a parenthesised date that repeats a date the rest of the sentence gives
    ("Dissent lasted into October (October 2001)")."""
    pattern = JA_DATE_PARENTHESIS if lang == "ja" else EN_DATE_PARENTHESIS
    found = []
    for sentence in sentences(text, lang):
        # the rest of the sentence, without its parenthesised dates (each may be another record's)
        rest = pattern.sub(" ", sentence)
        for m in pattern.finditer(sentence):
            if _said_in(m["date"], lang).search(rest):
                found.append(f"{m[0]} in: {sentence[:200]}")
    return found


# A span that writes its shared parts twice: "17 September 2001 – 24 September 2001", "September
# 2001 – October 2001", "2001年9月17日～2001年9月24日", "2001年9月17日～9月24日".
EN_FULL_RANGE = re.compile(
    rf"(?:\b\d{{1,2}} )?(?:\b(?:{MONTH}) )?\b(\d{{4}}) ?– ?(?:\d{{1,2}} )?(?:(?:{MONTH}) )?\1\b"
)
EN_SAME_MONTH = re.compile(rf"\b\d{{1,2}} ({MONTH}) – \d{{1,2}} \1\b")
JA_FULL_RANGE = re.compile(r"(\d{4})年[\d月日]*～\1年|\d{4}年(\d{1,2})月\d{1,2}日～\2月")


def repeated_range_parts(text: str, lang: str) -> list[str]:
    """Spans that repeat the month or year their two ends share."""
    patterns = (JA_FULL_RANGE,) if lang == "ja" else (EN_FULL_RANGE, EN_SAME_MONTH)
    return [
        repr(text[max(0, m.start() - 30) : m.end() + 10])
        for p in patterns
        for m in p.finditer(text)
        if not (lang != "ja" and m[0].split("–")[0].strip() == m[1])  # "2001–2001" never made
    ]


# An expansion the chapters do not print, in square brackets (［］ in Japanese), as a parenthesised
# gloss in prose
BRACKETED_GLOSS = re.compile(r"[(（]\s*[\[［]")
# Two parenthesised groups side by side: "Fig. 7.1 (p. 46) (ch4 §3.2 ¶2)"
ADJACENT_PARENTHESES = re.compile(r"\)\s*\(|）\s*（|\)\s*（|）\s*\(")


# A locator in a form other than the book's one ("ch. 3 §3.1 ¶7, note 16" for "ch3 §3.1 ¶7 n.16")
OTHER_LOCATOR_FORM = re.compile(r"\bch\. ?[34] §|§[\w.]+ ¶[\d-]+, note \d")


def other_locator_forms(text: str) -> list[str]:
    return _hits(OTHER_LOCATOR_FORM, text)


def _hits(pattern: re.Pattern, text: str) -> list[str]:
    return [repr(text[max(0, m.start() - 60) : m.end() + 40]) for m in pattern.finditer(text)]


def bracketed_glosses(text: str) -> list[str]:
    return _hits(BRACKETED_GLOSS, text)


def adjacent_parentheses(text: str) -> list[str]:
    return _hits(ADJACENT_PARENTHESES, text)


def page_problems(page_html: str, lang: str) -> dict[str, list[str]]:
    """Each class of apparatus in the page's running text, with context."""
    found: dict[str, list[str]] = {
        "repeated date": [],
        "repeated range part": [],
        "bracketed gloss": [],
        "adjacent parentheses": [],
        "locator form": [],
    }
    for text in running_text(page_html):
        found["repeated date"] += repeated_dates(text, lang)
        found["repeated range part"] += repeated_range_parts(text, lang)
        found["bracketed gloss"] += bracketed_glosses(text)
        found["adjacent parentheses"] += adjacent_parentheses(text)
        found["locator form"] += other_locator_forms(text)
    return found


# On paper a reference carries its page in brackets ("Fig. 7.1 (p. 46)", "表1（第6章、p. 46）"): a
# parenthesis the sentence opens right after it stands beside it
PAGE_THEN_PARENTHESIS = re.compile(r"[(（\[](?:ch\. \d+, |第\d+章、)?pp?\. [\d–-]+[)）\]]\s*[(（]")


def pages_beside_parentheses(pages: list[str]) -> list[str]:
    """Each place on a PDF's pages (their extracted text) where a printed page reference stands
    beside a parenthesis of the sentence, named by page number."""
    found = []
    for number, text in enumerate(pages, 1):
        flat = " ".join(text.split())
        found += [f"p. {number}: {hit}" for hit in _hits(PAGE_THEN_PARENTHESIS, flat)]
    return found
