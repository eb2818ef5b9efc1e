"""Checks on the words of a drawn figure, read from its text artists (the SVG's text is glyph
outlines): in a Japanese figure, no word in Latin letters except the abbreviations the chapters
themselves print in Latin letters and the units of measure; in any figure, no straight quote where
the book sets a typographic one."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# Units of measure a Japanese figure writes in Latin letters, as Japanese books do.
UNITS = frozenset({"km"})
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")
# An abbreviation as the chapters print one: at least two capitals ('CIS', 'NATO', 'EvRazES').
_ABBREVIATION = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z]+$")
# A straight quote inside a word or round one: "government's", 'Putin's', "'planned'".
_STRAIGHT_QUOTE = re.compile(r"\w'\w|(?:^|\s)['\"]\w|\w['\"](?:\s|$|[.,;:)])")


# A Japanese counter written after a number's qualifier ('40以上機', '30弱人'): Japanese writes the
# counter with the number, inside the qualifier ('40機以上', '30人弱').
_COUNTER_AFTER_QUALIFIER = re.compile(
    r"\d(?:以上|以下|未満|弱|強|超|余り)(?:人|機|件|ドル|カ国|か国|年|か月|km)"
)


def counters_after_qualifiers(texts: list[str]) -> list[str]:
    """Every text that writes a Japanese counter after the qualifier of its number."""
    return [text for text in texts if _COUNTER_AFTER_QUALIFIER.search(text)]


# An amount written as a decimal of a Western unit ('161.8百万ドル'): Japanese writes it by myriads,
# as the numbers module does and the chapters print amounts (1億6,180万ドル).
_DECIMAL_MYRIAD = re.compile(r"\d\.\d+\s*(?:百万|千万|万|億)")


def decimal_amounts(texts: list[str]) -> list[str]:
    """Every Japanese text that writes an amount as a decimal of millions rather than by myriads."""
    return [text for text in texts if _DECIMAL_MYRIAD.search(text)]


def figure_texts(fig) -> list[str]:
    """Every visible string the figure draws (titles, tick labels, legend entries and titles,
    annotations), after a draw so that tick labels exist."""
    from matplotlib.text import Text

    fig.draw_without_rendering()
    return [
        t.get_text()
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and t.figure is not None
    ]


def printed_abbreviations(chapter_texts: list[str]) -> frozenset[str]:
    """The abbreviations the chapters print in Latin letters (CIS, NATO, SCO, IMU, EEC, ...)."""
    return frozenset(
        word
        for text in chapter_texts
        for word in _LATIN_WORD.findall(unicodedata.normalize("NFKC", text))
        if _ABBREVIATION.match(word)
    )


def chapter_abbreviations(sources: Path) -> frozenset[str]:
    return printed_abbreviations(
        [path.read_text(encoding="utf-8") for path in sorted(sources.glob("*.txt"))]
    )


def latin_words(texts: list[str], allowed: frozenset[str]) -> list[str]:
    """Each figure text that carries a word in Latin letters a Japanese reader would not find in
    the chapters, with those words: 'Kazakhstan 1' → ['Kazakhstan']; 'CIS 反テロリズム' passes."""
    found = []
    for text in texts:
        foreign = [w for w in _LATIN_WORD.findall(text) if w not in allowed and w not in UNITS]
        if foreign:
            found.append(f"{text!r}: {', '.join(dict.fromkeys(foreign))}")
    return found


def straight_quotes(texts: list[str]) -> list[str]:
    """Figure texts with a straight apostrophe or quotation mark where the book sets ’ or “ ”."""
    return [repr(text) for text in texts if _STRAIGHT_QUOTE.search(text)]


# Money as the book writes it: '$81.6m' in an English figure, a bare '81.6' glued before 'million
# dollars' in English prose, '1億6,180万ドル' in Japanese.
_MILLIONS_LABEL = re.compile(r"\$(\d[\d,]*(?:\.\d+)?)m\b")
_MYRIAD_DOLLARS = re.compile(r"((?:\d[\d,]*億)?(?:\d[\d,]*万)?(?:\d[\d,]*)?)ドル")


def _myriad_value(text: str) -> int:
    """'1億6,180万' → 161800000; '12万9,000' → 129000."""
    total, rest = 0, text.replace(",", "")
    for word, size in (("億", 10**8), ("万", 10**4)):
        if word in rest:
            head, rest = rest.split(word, 1)
            total += int(head) * size
    return total + (int(rest) if rest else 0)


def _millions_problem(written: str, amounts: set[int]) -> str | None:
    """Why a number of millions is not an amount of the data at the data's precision: a trailing
    zero in its fraction adds a digit the source does not give ('408.0'), a value no amount has
    drops digits it does ('162' for 161.8)."""
    digits = written.replace(",", "")
    if "." in digits and digits.endswith("0"):
        return f"{written!r}: a fraction the source does not give"
    whole, _, fraction = digits.partition(".")
    dollars = int(whole) * 10**6 + (int(fraction) * 10 ** (6 - len(fraction)) if fraction else 0)
    if len(fraction) > 6 or dollars not in amounts:
        return f"{written!r}: no amount of the data (digits lost or changed)"
    return None


def money_precision_problems(texts: list[str], amounts: set[int], prose: bool = False) -> list[str]:
    """Every amount of dollars in the `texts` not written at exactly the precision of an amount in
    the data (`amounts`, whole dollars): '$408.0m', '$162m'. In `prose` each text is a bare number
    of millions as the English prose glues it ('408'); a Japanese amount by myriads (4億800万ドル)
    must be an amount of the data."""
    found = []
    for text in texts:
        bare = prose and not text.endswith("ドル")
        written = [text] if bare else _MILLIONS_LABEL.findall(text)
        found += [p for w in written if (p := _millions_problem(w, amounts))]
        for myriads in _MYRIAD_DOLLARS.findall(text):
            if myriads and _myriad_value(myriads) not in amounts:
                found.append(f"{myriads}ドル: no amount of the data")
    return found
