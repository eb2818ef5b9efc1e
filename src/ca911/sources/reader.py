"""Reads the two source chapters, removes PDF-extraction noise and numbers their passages by the
locator scheme of `ca911.data.locators` (see the book's methods part).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ca911.data.locators import (
    format_locator,
    paragraph_key,
    parse_locator,
    passage_keys,
    section_key,
)

_DOUBLED_NOTE = re.compile(r"（{4}(\d+)）{4}")  # ch4: （（（（13131313）））） is note (13)
_NOTE = re.compile(r"（注(\d+)）")  # ch3 prints notes so; ch4's are rewritten to match
_SECTION = re.compile(r"^[１２３４５６７８９]．")
_SUBSECTION = re.compile(r"^\((\d)\)")
_FULLWIDTH_DIGITS = str.maketrans("１２３４５６７８９０", "1234567890")
TABLE1_DIMENSIONS_JA = [
    "イラク攻撃への政府の対応",
    "国内世論",
    "経済的影響",
    "ロシアとの関係",
    "攻撃後の対応",
]


class SourcesMissing(FileNotFoundError):
    """The chapters are not beside this checkout (a reader's clone has no ../shared)."""


def sources_dir() -> Path:
    env = os.environ.get("CA911_SOURCES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[4] / "shared" / "sources"


def source_file(chapter_id: str) -> Path:
    """Where the chapter's text is: the file sources.csv names, in the sources folder."""
    from ca911.data.chapters import chapter

    return sources_dir() / chapter(chapter_id).file


def sources_available() -> bool:
    from ca911.data.chapters import chapter_ids

    return all(source_file(ch).is_file() for ch in chapter_ids())


def normalise(text: str) -> str:
    """Form for matching: NFKC (full-width digits and brackets to ASCII), no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _undouble(line: str) -> str:
    """Collapse runs printed four times over (ch4 headings: 第四章第四章第四章第四章)."""
    out, i = [], 0
    while i < len(line):
        for k in range(1, (len(line) - i) // 4 + 1):
            if line[i : i + k] * 4 == line[i : i + 4 * k]:
                out.append(line[i : i + k])
                i += 4 * k
                break
        else:
            out.append(line[i])
            i += 1
    return "".join(out)


def _is_doubled(line: str) -> bool:
    core = line.strip()
    return len(core) >= 8 and len(_undouble(core)) * 3 < len(core)


def clean_line(line: str) -> str:
    line = _DOUBLED_NOTE.sub(lambda m: f"（注{m.group(1)[: len(m.group(1)) // 4]}）", line)
    if _is_doubled(line):
        line = _undouble(line.strip())
    return line


@dataclass
class Passage:
    locator: str
    text: str
    notes: list[int] = field(default_factory=list)


@dataclass
class Chapter:
    chapter_id: str
    title: str
    author: str
    passages: dict[str, Passage]  # keyed by "§2 ¶14", "§4.1 T1 r2 c1", "§intro title"
    headings: dict[str, str]  # section token -> heading text

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.passages.values())


def _notes_in(text: str) -> list[int]:
    return [int(n) for n in _NOTE.findall(text)]


def _paragraphs(lines: list[str]) -> list[str]:
    """Join wrapped lines; a paragraph ends at a line with trailing space, or at 。 before a page
    break."""
    paras, cur = [], []
    for i, raw in enumerate(lines):
        if not raw.strip():
            continue
        cur.append(raw.strip())
        nxt = next((line for line in lines[i + 1 :] if line != ""), "")
        # Justified lines can carry trailing spaces mid-paragraph, so a break also needs a closing
        # mark.
        closes = raw.rstrip().endswith(("。", "）"))
        ends = closes and (raw != raw.rstrip() or nxt.startswith(" "))
        if ends:
            paras.append("".join(cur))
            cur = []
    if cur:
        paras.append("".join(cur))
    return paras


def _parse_table1(block: list[str]) -> dict[str, str]:
    """Split Table 1 into its ten cells using the row labels and the two columns' sentence
    endings."""
    text = "".join(line.strip() for line in block if line.strip())
    text = text.replace("カザフスタンウズベキスタン", "", 1)
    title, _, body = text.partition("対応")  # 表１ … のイラク戦争への対応
    cells: dict[str, str] = {"title": title + "対応"}
    labels = TABLE1_DIMENSIONS_JA
    starts = [body.index(lab) for lab in labels] + [len(body)]
    splits = {  # where the Uzbek cell starts within each row (first words as printed)
        1: "積極支持",
        2: "不明なもの",
        3: "特になし",
        4: "集団安全保障条約機構（CSTO）の",
        5: "特段の要員派遣",
    }
    for r, lab in enumerate(labels, start=1):
        row = body[starts[r - 1] + len(lab) : starts[r]]
        cut = row.index(splits[r])
        cells[f"r{r} c1"], cells[f"r{r} c2"] = row[:cut].strip(), row[cut:].strip()
    return cells


_OPENING, _CLOSING = "「『（(", "」』）)"


def split_sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences: each ends at a 。 outside quotation marks and brackets.

    A note marker printed after the full stop (…とした。（注1）) stays with the sentence before it.
    """
    out, cur, depth = [], [], 0
    for ch in paragraph:
        cur.append(ch)
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(depth - 1, 0)
        elif ch == "。" and depth == 0:
            out.append("".join(cur))
            cur = []
    out.append("".join(cur))
    for i in range(
        1, len(out)
    ):  # …とした。（注1）次の文。: the marker belongs to the sentence before it
        if m := re.match(rf"\s*(?:{_NOTE.pattern})+", out[i]):
            out[i - 1], out[i] = out[i - 1] + m.group(0), out[i][m.end() :]
    return [s.strip() for s in out if s.strip()]


def sentence_checksum(sentence: str) -> str:
    """Eight hex digits of the SHA-256 of the normalised sentence: ties a map row to its text
    without copying it."""
    return hashlib.sha256(normalise(sentence).encode("utf-8")).hexdigest()[:8]


@dataclass
class Sentence:
    locator: str
    number: int  # reading order within the chapter, from 1
    text: str

    @property
    def checksum(self) -> str:
        return sentence_checksum(self.text)


def chapter_sentences(chapter_id: str) -> list[Sentence]:
    """Every sentence of the chapter's paragraphs in reading order (titles, headings and Table 1
    cells are not split)."""
    out: list[Sentence] = []
    for key, passage in read_chapter(chapter_id).passages.items():
        if "¶" not in key:
            continue
        for i, text in enumerate(split_sentences(passage.text), start=1):
            out.append(Sentence(format_locator(chapter_id, key, sentence=i), len(out) + 1, text))
    return out


@cache
def read_chapter(chapter_id: str) -> Chapter:
    path = source_file(chapter_id)
    if not path.is_file():
        raise SourcesMissing(
            f"{path}: source chapter not found (clone the project with ../shared beside it)"
        )
    raw_lines = path.read_text(encoding="utf-8").split("\n")
    lines = [clean_line(line) for line in raw_lines]
    nonblank = [line.strip() for line in lines if line.strip()]
    author = nonblank[1] if chapter_id == "ch3" else nonblank[2]
    passages: dict[str, Passage] = {}
    headings: dict[str, str] = {}

    def add(key: str, text: str) -> None:
        passages[key] = Passage(format_locator(chapter_id, key), text, _notes_in(text))

    add("§intro title", "".join(nonblank[: 2 if chapter_id == "ch4" else 1]))
    body_start = next(
        i
        for i, line in enumerate(lines)
        if line.strip() in ("はじめに",) or _SECTION.match(line.strip())
    )
    section, major, chunk = "intro", "intro", []
    table_block: list[str] | None = None

    def flush() -> None:
        for n, para in enumerate(_paragraphs(chunk), start=1):
            add(paragraph_key(section, n), para)
        chunk.clear()

    for line in lines[body_start:]:
        s = line.strip()
        if table_block is not None:
            if _SUBSECTION.match(s):
                for k, v in _parse_table1(table_block).items():
                    add(
                        f"{section_key(section)} T1 {k}", v
                    )  # "r2 c1" cells and the table's "title"
                table_block = None
            else:
                table_block.append(line)
                continue
        if s == "はじめに":
            section = major = "intro"
            headings[section] = s
        elif s in ("まとめ",):
            flush()
            section = major = "concl"
            headings[section] = s
        elif _SECTION.match(s) and len(s) < 35 and "、" not in s:
            flush()
            major = s[0].translate(_FULLWIDTH_DIGITS)
            section = major
            headings[section] = s
            add(f"{section_key(section)} heading", s)
        elif _SUBSECTION.match(s) and len(s) < 60:
            flush()
            section = f"{major}.{_SUBSECTION.match(s).group(1)}"
            headings[section] = s
            add(f"{section_key(section)} heading", s)
        elif s.startswith("表１"):
            flush()
            table_block = [line]
        else:
            chunk.append(line)
    flush()
    return Chapter(
        chapter_id,
        passages["§intro title"].text,
        author.replace(" ", "").strip(),
        passages,
        headings,
    )


def resolve(locator: str) -> str:
    """The passage text a locator points to; raises KeyError if it points nowhere."""
    m = parse_locator(locator)
    chapter = read_chapter(m["chapter"])
    if m["sentence"] and m["para_end"]:
        raise ValueError(f"locator {locator!r}: a sentence number needs a single paragraph")
    keys = passage_keys(m)
    missing = [k for k in keys if k not in chapter.passages]
    if missing:
        raise KeyError(f"{locator}: no passage {missing[0]} in {m['chapter']}")
    text = "\n".join(chapter.passages[k].text for k in keys)
    if m["sentence"]:
        sentences = split_sentences(text)
        if not 1 <= int(m["sentence"]) <= len(sentences):
            raise KeyError(f"{locator}: the paragraph has {len(sentences)} sentence(s)")
        text = sentences[int(m["sentence"]) - 1]
    if m["note"] and int(m["note"]) not in _notes_in(text):
        raise KeyError(f"{locator}: note {m['note']} is not marked in that passage")
    return text
