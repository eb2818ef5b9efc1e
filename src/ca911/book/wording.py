"""Words the book generates around numbers and names, for every language edition.

Everything that turns a count or an actor's name into running text goes through here, with the
language as a parameter, so a generated sentence reads as an editor would write it ("one partner",
"no events", "none of them", "the United States") in English, and a Japanese edition calls the same
functions. Which form a number takes comes from the language's plural rules in the Unicode CLDR
(Babel): English tells one from other, Japanese has no plural. Japanese counts a noun with its
counter word after it (出来事3件, 相手4カ国); a noun without Japanese words here raises rather than
passing English into the Japanese edition.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from ca911.data.numbers import NUMBER_WORDS_EN, in_words

DEFAULT_LANG = "en"

# English nouns whose plural is not the regular one, as the book uses them.
IRREGULAR_PLURALS_EN = {
    "analysis": "analyses",
    "person": "people",
    "child": "children",
    "series": "series",
    "criterion": "criteria",
    "datum": "data",
    "index": "indexes",
    "matrix": "matrices",
}
SMALL_NUMBERS_EN = {
    0: "no",
    **NUMBER_WORDS_EN,
}  # zero to nine read as words; from ten on, figures (the book's style, numbers.in_words)

# A name takes "the" when its head is a common noun ("the United States", "the Soviet Union", "the
# Commonwealth of Independent States"), when it is plural, or when it is an initialism read letter
# by letter ("the CIS", "the UN"). An acronym read as a word ("NATO") takes none.
THE_HEADS_EN = {
    "states",
    "nations",
    "union",
    "federation",
    "republic",
    "kingdom",
    "emirates",
    "netherlands",
    "philippines",
    "islands",
    "organization",
    "organisation",
    "community",
    "commonwealth",
    "council",
    "treaty",
    "pact",
    "forum",
    "fund",
    "centre",
    "center",
    "structure",
    "conference",
    "partnership",
    "ministry",
    "service",
    "command",
    "movement",
    "coalition",
    "taliban",
    "agency",
    "bank",
    "force",
    "forces",
    "base",
    "airfield",
    "army",
    "government",
    "parliament",
    "duma",
    "university",
    "institute",
    "division",
    "house",
    "opposition",
    "party",
    "senate",
    "embassy",
    "ambassador",
    "committee",
    "foundation",
}
ACRONYMS_READ_AS_WORDS_EN = {"NATO", "OPEC", "ASEAN", "CENTCOM", "UNESCO", "NASA", "SEATO", "CENTO"}
NEVER_THE_KINDS = {"person", "place", "media"}
PLURAL_NAMED_KINDS = {"organization", "institution", "unit", "group"}

# The English nouns the book counts, as Japanese writes them: the noun and its counter word.
NOUNS_JA = {
    "event": ("出来事", "件"),
    "fact": ("事実", "件"),
    "membership": ("加盟", "件"),
    "membership record": ("加盟関係の記録", "件"),
    "deployment": ("駐留・派遣", "件"),
    "stance": ("立場", "件"),
    "period relation": ("時期区分上の関係", "件"),
    "record": ("記録", "件"),
    "partner": ("相手", "者"),
    "actor": ("アクター", "者"),
    "state": ("", "カ国"),
    "contact": ("接触", "件"),
    "sentence": ("", "文"),
    "entry": ("項目", "件"),
    "period": ("時期", ""),
    "force–host link": ("部隊と受け入れ国の結びつき", "件"),
    "pair": ("組", ""),
}
LANGUAGES = ("en", "ja")

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _check(lang: str) -> None:
    if lang not in LANGUAGES:
        raise NotImplementedError(
            f"no generated wording for language {lang!r} yet: add its words to ca911.book.wording"
        )


@cache
def plural_category(n: int, lang: str = DEFAULT_LANG) -> str:
    """The CLDR plural category of `n` in `lang`: "one" or "other" in English, always "other" in
    Japanese."""
    return Locale.parse(lang).plural_form(n)


def plural(noun: str, lang: str = DEFAULT_LANG) -> str:
    """The plural of an English noun phrase: its head noun (the last word, or the word before
    "of"/"for") takes the plural. "event" → "events", "period relation" → "period relations",
    "entry" → "entries". Japanese nouns have no plural: the noun as it is."""
    _check(lang)
    if lang == "ja":
        return noun
    words = noun.split(" ")
    head = next(
        (i - 1 for i, w in enumerate(words) if w in ("of", "for") and i > 0), len(words) - 1
    )
    word = words[head]
    if word.lower() in IRREGULAR_PLURALS_EN:
        new = IRREGULAR_PLURALS_EN[word.lower()]
        new = new[0].upper() + new[1:] if word[0].isupper() else new
    elif re.search(r"[^aeiou]y$", word):
        new = word[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", word):
        new = word + "es"
    else:
        new = word + "s"
    return " ".join([*words[:head], new, *words[head + 1 :]])


def noun_form(n: int, noun: str, lang: str = DEFAULT_LANG, plural_form: str | None = None) -> str:
    """The form of `noun` that goes with the number `n` in `lang`."""
    _check(lang)
    return noun if plural_category(int(n), lang) == "one" else (plural_form or plural(noun, lang))


def _japanese_noun(noun: str) -> tuple[str, str]:
    try:
        return NOUNS_JA[noun]
    except KeyError:
        raise NotImplementedError(
            f"no Japanese word for {noun!r} yet: add it to ca911.book.wording.NOUNS_JA"
        ) from None


def count(n: int, noun: str, lang: str = DEFAULT_LANG, plural_form: str | None = None) -> str:
    """A number with its noun as running text: "no events", "one event", "five events", "12
    events"; 出来事なし, 出来事12件."""
    n = int(n)
    if lang == "ja":
        word, counter = _japanese_noun(noun)
        return f"{word}なし" if n == 0 and word else f"{word}{n:,}{counter}"
    number = SMALL_NUMBERS_EN.get(n, f"{n:,}")
    return f"{number} {noun_form(n, noun, lang, plural_form)}"


def figure_count(
    n: int, noun: str, lang: str = DEFAULT_LANG, plural_form: str | None = None
) -> str:
    """A number in figures with its noun, for tables and lists: "0 events", "1 event", "12
    events"; 出来事0件, 出来事12件."""
    n = int(n)
    if lang == "ja":
        word, counter = _japanese_noun(noun)
        return f"{word}{n:,}{counter}"
    return f"{n:,} {noun_form(n, noun, lang, plural_form)}"


KANJI_DIGITS = "〇一二三四五六七八九"


def how_many(n: int, lang: str = DEFAULT_LANG, counter: str = "") -> str:
    """A count standing for a noun already named ("… of them"): "none", "five", "12"; in Japanese
    with the noun's `counter` (件) if it has one: なし, 12件."""
    _check(lang)
    n = int(n)
    if lang == "ja":
        if counter == "つ" and 0 < n < 10:  # the native counter takes kanji numerals: 一つ, 三つ
            return f"{KANJI_DIGITS[n]}つ"
        return "なし" if n == 0 else f"{n:,}{counter}"
    return "none" if n == 0 else in_words(n, lang)


def added(n: int, noun: str, lang: str = DEFAULT_LANG) -> str:
    """What counting more adds: in English the count, after the sentence's own verb ("adds no
    events", "adds three events"); in Japanese the clause whole, since its verb comes last and
    takes its particle from the count (出来事は1件も加わらない, 出来事が3件加わる)."""
    n = int(n)
    if lang != "ja":
        return count(n, noun, lang)
    word, counter = _japanese_noun(noun)
    return f"{word}は1{counter}も加わらない" if n == 0 else f"{word}が{n:,}{counter}加わる"


def how_many_of_them(n: int, lang: str = DEFAULT_LANG, counter: str = "") -> str:
    """How many of a set just named have something, ending the clause: in English the count
    before "of them" ("none", "four"); in Japanese the predicate after …ものは (ない,
    そのうち4件である)."""
    _check(lang)
    n = int(n)
    if lang == "ja":
        return "ない" if n == 0 else f"そのうち{n:,}{counter}である"
    return how_many(n, lang)


def times(n: int, lang: str = DEFAULT_LANG) -> str:
    """How often: "never", "once", "twice", "three times", "12 times"."""
    _check(lang)
    n = int(n)
    if lang == "ja":
        return "一度もない" if n == 0 else f"{n:,}回"
    return {0: "never", 1: "once", 2: "twice"}.get(n, f"{in_words(n, lang)} times")


def join(items, lang: str = DEFAULT_LANG, empty: str = "none") -> str:
    """A list in running text: "a", "a and b", "a, b and c"; a、b、c in Japanese."""
    _check(lang)
    items = [str(i) for i in items]
    if not items:
        return "なし" if lang == "ja" and empty == "none" else empty
    if lang == "ja":
        return "、".join(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def takes_article(name: str, kind: str | None = None, lang: str = DEFAULT_LANG) -> bool:
    """Whether a name takes the definite article in running text ("the United States", but
    "Russia"); Japanese has no article."""
    _check(lang)
    if lang == "ja":
        return False
    if kind in NEVER_THE_KINDS or not name:
        return False
    bare = re.sub(
        r"\s*\([^)]*\)", "", name
    ).strip()  # "Collective Security Treaty (1992)" → its name
    words = _WORD.findall(bare)
    if not words:
        return False
    if any(
        f" {link} " in f" {bare} " for link in ("of", "for", "on", "named")
    ):  # "the X of Y", "the Conference on …"
        return True
    head = words[-1]
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", head):
        return head not in ACRONYMS_READ_AS_WORDS_EN
    if kind in PLURAL_NAMED_KINDS and re.search(
        r"[^s]s$", head
    ):  # "the Green Berets", "the armed groups"
        return True
    return head.lower() in THE_HEADS_EN


def name_in_text(
    name: str, kind: str | None = None, lang: str = DEFAULT_LANG, start: bool = False
) -> str:
    """A name as it stands in a sentence: with its article where it takes one, capitalised at a
    sentence's start."""
    if not takes_article(name, kind, lang):
        return name
    return f"{'The' if start else 'the'} {name}"


def code_word(code, labels: dict[str, str] | None = None, lang: str = DEFAULT_LANG):
    """A data code as a table cell reads it: in English the code with its underscores as spaces
    ("full_support" → "full support"); in Japanese the codebook's word for it, from `labels`
    (`pkg.labels(resource, field, "ja")`). A Japanese code without a word raises rather than
    printing English; an empty cell stays empty."""
    _check(lang)
    if not isinstance(code, str) or not code:
        return code
    if lang == "en":
        return code.replace("_", " ")
    if code not in (labels or {}):
        raise NotImplementedError(f"no {lang} word for the code {code!r}")
    return labels[code]


def japanese_quotation(text: str) -> str:
    """A chapter's words quoted in Japanese running text or a table cell: 「…」, a quotation inside
    it in 『…』 as Japanese nests them (「『勝ち馬』を求めた偏りのあるもの」); empty stays empty."""
    if not isinstance(text, str) or not text:
        return text
    return "「" + text.replace("「", "『").replace("」", "』") + "」"
