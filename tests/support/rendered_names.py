"""Names printed from the data must show the parts the chapters do not print in square brackets.

Figures are checked on their rendered SVG (matplotlib keeps each text as a comment beside its
glyphs, or as <text>): an outside part of a name (`name_en_external`) anywhere in a figure must
stand inside [ ]."""

from __future__ import annotations

import html
import re

SVG_TEXT = re.compile(r"<!--(.*?)-->|<text[^>]*>(.*?)</text>", re.S)


def svg_texts(svg: str) -> list[str]:
    return [html.unescape(a or b) for a, b in SVG_TEXT.findall(svg)]


def unbracketed_parts(texts: list[str], external_parts: list[str]) -> list[str]:
    """'part in «text»' for each outside part that occurs in a text without its square brackets."""
    out = []
    for text in texts:
        for part in external_parts:
            for m in re.finditer(re.escape(part), text):
                if not (text[: m.start()].endswith("[") and text[m.end() :].startswith("]")):
                    out.append(f"{part} in «{text.strip()[:80]}»")
    return out
