"""Our own words: the test a text of ours (a data value, a companion chapter's line, a catalog's
translation, a block of a built page) passes when it shares no run of `RUN` characters with the
chapters outside what it quotes.

Both texts are compared NFKC-normalised with whitespace removed, so a copy is found however it is
spaced or whichever width its digits and Latin letters are printed in. What counts as a quotation
is the caller's: the data's declared quotation fields, the 「…」 spans a catalog's message quotes
too, and so on; a quotation is cut out of the text (the run may not span the cut)."""

from __future__ import annotations

import functools

from ca911.sources.reader import normalise

RUN = 20
CUT = "\0"  # where a quotation or markup was taken out: no run spans it


@functools.lru_cache(maxsize=8)
def runs_of(text: str, n: int = RUN) -> frozenset[str]:
    """Every run of `n` characters of the normalised text, once per text (the chapters are compared
    with thousands of values)."""
    text = normalise(text)
    return frozenset(text[i : i + n] for i in range(len(text) - n + 1))


@functools.lru_cache(maxsize=64)
def _longest_first(quotations: frozenset[str]) -> tuple[str, ...]:
    """Normalised quotations, the longest first, so a quotation inside a longer one does not cut
    the longer one apart before it is taken out whole."""
    return tuple(sorted({q for q in map(normalise, quotations) if q}, key=len, reverse=True))


def copied_run(
    text: str, chapters_text: str, quotations: frozenset[str] = frozenset(), n: int = RUN
) -> str | None:
    """The first run of `n` characters of `text`, outside its quotations, that also occurs in
    `chapters_text`; None if there is none. A `CUT` character already in `text` (markup a caller
    took out) separates runs too."""
    own = normalise(text)
    if len(own) < n:
        return None
    chapter_runs = runs_of(chapters_text, n)
    for quotation in _longest_first(frozenset(quotations)):
        own = own.replace(quotation, CUT)
    for part in own.split(CUT):
        for i in range(len(part) - n + 1):
            if part[i : i + n] in chapter_runs:
                return part[i : i + n]
    return None
