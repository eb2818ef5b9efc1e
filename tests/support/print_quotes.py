"""Typewriter quotes in print: outside code, a printed page sets its quotation marks and apostrophes
as typographic ones (’ “ ” in English, 「」 in Japanese). A straight ' or " in running text comes
from a string that reached the page without passing through the text's own rules (a metadata file
quoted, a reference formatted from raw fields).

Every character pdfium finds on a page is read with the name of the font it is drawn in; code is set
in a monospaced face (its name has "Mono"), where a straight quote is the code's own."""

from __future__ import annotations

from pathlib import Path

STRAIGHT = "'\""


def is_code_face(font: str) -> bool:
    return "mono" in font.lower()


def straight_quotes(chars: list[tuple[str, str]], context: int = 24) -> list[str]:
    """For each straight quote drawn in a text face (chars: (character, font name) in reading
    order), the text around it."""
    text = "".join(c for c, _ in chars)
    return [
        " ".join(text[max(0, i - context) : i + context].split())
        for i, (char, font) in enumerate(chars)
        if char in STRAIGHT and not is_code_face(font)
    ]


def page_chars(page) -> list[tuple[str, str]]:
    """(character, font name) of every character pdfium finds on a page."""
    import ctypes

    import pypdfium2.raw as raw

    text = page.get_textpage()
    chars = []
    for i in range(text.count_chars()):
        name = ctypes.create_string_buffer(128)
        raw.FPDFText_GetFontInfo(text.raw, i, name, 128, ctypes.byref(ctypes.c_int()))
        chars.append((text.get_text_range(i, 1), name.value.decode(errors="replace")))
    return chars


def straight_quotes_in_pdf(pdf: Path | str) -> list[tuple[int, str]]:
    """(page, context) of every straight quote in a PDF's running text."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [
            (number, found)
            for number in range(1, len(doc) + 1)
            for found in straight_quotes(page_chars(doc[number - 1]))
        ]
    finally:
        doc.close()
