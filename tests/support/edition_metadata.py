"""A PDF's document information in its edition's language: a Japanese edition's title, author and
subject are written in Japanese (kana or kanji in each), and so are most of its keywords (a
product's name, Jupyter Book, stays Latin); the PDF's own /Lang says which edition it is. An
English author or subject on the Japanese PDF is what a reader's PDF viewer and a library catalogue
show first."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def metadata_language_problems(path: Path) -> list[str]:
    reader = PdfReader(path)
    language = str(reader.trailer["/Root"].get("/Lang", ""))
    if not language.lower().startswith("ja"):
        return []
    info = reader.metadata or {}
    problems = [
        f"{key} is not Japanese: {info.get(key)!r}"
        for key in ("/Title", "/Author", "/Subject")
        if not JAPANESE_SCRIPT.search(str(info.get(key) or ""))
    ]
    keywords = [k.strip() for k in str(info.get("/Keywords") or "").split(",") if k.strip()]
    japanese = [k for k in keywords if JAPANESE_SCRIPT.search(k)]
    if len(japanese) * 2 < len(keywords) or not keywords:
        problems.append(f"/Keywords are mostly not Japanese: {keywords}")
    return problems
