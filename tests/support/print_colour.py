"""The colour of the printed text, read with pdfium: every character's fill colour against the
white paper. Text a reader must read keeps at least WCAG's 4.5:1 contrast (a syntax highlighter's
pale blue string or grey comment does not, on paper least of all). White text is set on a filled
box (the folio's tab, the cover), never on the paper, and is not measured; neither is the cover."""

from __future__ import annotations

import ctypes
from pathlib import Path

LEAST_CONTRAST = 4.5


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2's relative luminance of an sRGB colour (0–255 per channel)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_on_paper(rgb: tuple[int, int, int]) -> float:
    return 1.05 / (luminance(rgb) + 0.05)


def _coloured_characters(pdf: Path | str):
    """(page, colour, pdfium's font size, character) of every character but a space on every page
    but the cover, in reading order."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(1, len(doc)):
            textpage = doc[index].get_textpage()
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            for k in range(raw.FPDFText_CountChars(textpage.raw)):
                char = chr(raw.FPDFText_GetUnicode(textpage.raw, k))
                if char.isspace() or not raw.FPDFText_GetFillColor(textpage.raw, k, r, g, b, a):
                    continue
                rgb = (r.value, g.value, b.value)
                yield index + 1, rgb, raw.FPDFText_GetFontSize(textpage.raw, k), char
    finally:
        doc.close()


def _runs_by_page_and_colour(characters) -> dict[tuple[int, tuple[int, int, int]], str]:
    """The characters of each colour on each page, joined in reading order."""
    runs: dict[tuple[int, tuple[int, int, int]], str] = {}
    for page, rgb, _size, char in characters:
        runs[page, rgb] = runs.get((page, rgb), "") + char
    return runs


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def pale_text(pdf: Path | str, least: float = LEAST_CONTRAST) -> list[tuple[int, str, float, str]]:
    """(page, colour, contrast, the text in it) of every run of characters on a page but the cover
    whose colour has under `least` contrast on white paper."""
    pale = (
        c
        for c in _coloured_characters(pdf)
        if c[1] != (255, 255, 255) and contrast_on_paper(c[1]) < least
    )
    return [
        (page, _hex(rgb), round(contrast_on_paper(rgb), 2), text[:50])
        for (page, rgb), text in _runs_by_page_and_colour(pale).items()
    ]


# A colour whose channels differ by more than this is a hue, not a grey (the house blue #0072B2
# differs by 178; the running head's #393939 by none).
GREY_SPREAD = 40


def coloured_text(pdf: Path | str, largest: float) -> list[tuple[int, str, str]]:
    """(page, colour, the text in it) of every run of characters in a hue (not black, grey or white)
    at no more than `largest` (pdfium's font size, as it reports it; half a unit over for rounding):
    on paper a link or a name is set in the text's colour; the house colour is for headings and the
    title, set larger. The cover is not read."""
    hued = (
        c
        for c in _coloured_characters(pdf)
        if max(c[1]) - min(c[1]) > GREY_SPREAD and c[2] <= largest + 0.5
    )
    return [
        (page, _hex(rgb), text[:50]) for (page, rgb), text in _runs_by_page_and_colour(hued).items()
    ]


def body_font_size(pdf: Path | str) -> float:
    """The size (as pdfium reports it) of most characters of the book: its body text."""
    from collections import Counter

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    sizes: Counter = Counter()
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(1, len(doc)):
            textpage = doc[index].get_textpage()
            for k in range(raw.FPDFText_CountChars(textpage.raw)):
                sizes[round(raw.FPDFText_GetFontSize(textpage.raw, k), 1)] += 1
    finally:
        doc.close()
    return sizes.most_common(1)[0][0]
