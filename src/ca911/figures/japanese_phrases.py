"""Phrases (文節) of Japanese text: where a Japanese line may break between phrases rather than
inside a word. Japanese may break between any two characters, and a line broken at any of them
splits names and words (中央|アジア, 記|載なし); the print edition's headings, captions and table
cells (ca911.book.sphinx.print_marks_ja) and the figures' wrapped labels (style.wrap) break at
these phrases instead."""

from __future__ import annotations

import re

# Phrases (文節) of a Japanese heading: a heading set large holds a dozen characters a line, and
# Japanese, which may break between any two characters, split names and words there (中央|アジア,
# モダ|リティ). A phrase is the characters up to the end of a run of kana particles and endings
# (の, と, から) or a mark (、：・）), where Japanese headings are broken. Sphinx's TinySegmenter
# tells a particle from a word's kana ending (受け|入れ is one word): a break after kana falls
# only where it parts two of its words; its words alone are no phrases (中央|アジア, は|たらき).
HIRAGANA = re.compile(r"[\u3041-\u309f]")
PHRASE_END_MARKS = set("、。，．：；・）」』】〕］〉》！？")
PHRASE_OPENING_MARKS = set("（「『【〔［〈《")
# no line opens with these (JIS X 4051): a phrase never ends before one
NO_PHRASE_START = set("ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ") | PHRASE_END_MARKS


def word_boundaries(text: str) -> set[int]:
    from sphinx.search.ja import DefaultSplitter

    splitter, offsets = DefaultSplitter({}), set()
    for run in re.finditer(r"\S+", text):  # the splitter drops spaces: each run on its own
        at = run.start()
        for word in splitter.split(run.group(0)):
            at += len(word)
            offsets.add(at)
    return offsets


def phrase_breaks(text: str) -> list[int]:
    """The offsets in text where a Japanese line may break between phrases: at a space, after a
    closing or middle mark, before an opening bracket, after kana where a word ends and anything
    but kana follows; never so as to leave one character a phrase of its own (受け入れ|国)."""
    words = word_boundaries(text)
    breaks = []
    for k in range(1, len(text)):
        before, after = text[k - 1], text[k]
        if before.isspace() or after.isspace():
            breaks.append(k)
        elif after in NO_PHRASE_START:
            continue
        elif (
            before in PHRASE_END_MARKS
            or (after in PHRASE_OPENING_MARKS and before not in PHRASE_OPENING_MARKS)
            or (HIRAGANA.match(before) and not HIRAGANA.match(after) and k in words)
        ):
            breaks.append(k)
    kept, ends = [], [*breaks, len(text)]
    for k, following in zip(breaks, ends[1:]):
        if following - k == 1 and not text[k].isspace() and not text[k - 1].isspace():
            continue  # a single character before the next break joins the phrase before it
        kept.append(k)
    return kept


def japanese_phrases(text: str) -> list[str]:
    """text cut at its phrase breaks (spaces are pieces of their own)."""
    cuts = [0, *phrase_breaks(text), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:]) if a < b]


# Characters that never start a line of Japanese (kinsoku): closing brackets and punctuation.
_NO_LINE_START_JA = "、。，．）」』］・ー"
# What Japanese wrapping keeps whole inside a phrase too wide for a line: a run of Latin letters,
# digits and their punctuation with the space before it and the counter after it ('2001年', '30人');
# else one character; either with the opening bracket before it (no line ends with one).
_WRAP_UNIT = re.compile(r"[（「]?(?: ?[!-~]+[年月日人機件]?|.)")


def wrap_japanese(text: str, width: int) -> str:
    """Japanese figure text in lines at most `width` Latin characters wide (style.wrap): whole
    phrases (記載なし, 約2,000人), a phrase wider than a line by its characters."""
    from ca911.figures.style import latin_width

    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        units = [
            unit
            for phrase in japanese_phrases(paragraph)
            for unit in ([phrase] if latin_width(phrase) <= width else _WRAP_UNIT.findall(phrase))
        ]
        for unit in units:
            fits = latin_width(line + unit) <= width
            if line.strip() and not fits and unit[0] not in _NO_LINE_START_JA:
                lines.append(line.rstrip())
                line, unit = "", unit.lstrip()
            line += unit
        lines.append(line.rstrip())
    return "\n".join(lines)
