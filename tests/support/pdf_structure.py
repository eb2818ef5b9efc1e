"""What a screen reader gets from a PDF: its structure tree (tags), read with pypdf, and the text
each tag marks, read with PDFium (the marked-content id of every text object on a page).

`accessibility_problems(path, title=..., language=...)` lists what is missing, empty when the PDF is
tagged; headings are checked against the PDF's own outline (the bookmarks WeasyPrint makes from the
same h1–h6 without the tags), so the tagged headings must be the book's contents, in its order.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import fromstring

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

HEADING = re.compile(r"/H([1-6])")
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}


@dataclass
class Tag:
    """One structure element: its type ("H1", "Figure", ...), its attributes and its children; the
    marked content it holds directly as (page index, MCID)."""

    role: str
    element: DictionaryObject
    children: list[Tag] = field(default_factory=list)
    marked: list[tuple[int, int]] = field(default_factory=list)

    def walk(self) -> Iterator[Tag]:
        yield self
        for child in self.children:
            yield from child.walk()

    def all_marked(self) -> list[tuple[int, int]]:
        return [mark for tag in self.walk() for mark in tag.marked]


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def structure_tree(reader: PdfReader) -> Tag | None:
    """The tree under /StructTreeRoot, or None for an untagged PDF."""
    root = reader.trailer["/Root"]
    if "/StructTreeRoot" not in root:
        return None
    page_index = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}

    def build(element: DictionaryObject, page: int | None) -> Tag:
        tag = Tag(str(element.get("/S", "/StructTreeRoot"))[1:], element)
        if "/Pg" in element:
            page = page_index.get(element.raw_get("/Pg").idnum, page)
        kids = _resolve(element.get("/K"))
        if kids is None:
            return tag
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            kid = _resolve(kid)
            if isinstance(kid, int):
                tag.marked.append((page, int(kid)))
            elif isinstance(kid, DictionaryObject) and kid.get("/Type") == "/MCR":
                kid_page = page_index.get(kid.raw_get("/Pg").idnum, page) if "/Pg" in kid else page
                tag.marked.append((kid_page, int(kid["/MCID"])))
            elif isinstance(kid, DictionaryObject) and kid.get("/Type") != "/OBJR":
                tag.children.append(build(kid, page))
        return tag

    return build(_resolve(root["/StructTreeRoot"]), None)


def marked_text(path: Path, pages: set[int]) -> dict[tuple[int, int], str]:
    """The text of each (page index, MCID) on `pages`, as PDFium extracts it."""
    texts: dict[tuple[int, int], str] = {}
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in sorted(pages):
            page = pdf[index]
            textpage = page.get_textpage()
            for obj in page.get_objects():
                if obj.type != pdfium_raw.FPDF_PAGEOBJ_TEXT:
                    continue
                mcid = pdfium_raw.FPDFPageObj_GetMarkedContentID(obj.raw)
                if mcid < 0:
                    continue
                size = pdfium_raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
                buffer = ctypes.create_string_buffer(size)
                pointer = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
                pdfium_raw.FPDFTextObj_GetText(obj.raw, textpage.raw, pointer, size)
                text = buffer.raw[:size].decode("utf-16-le").rstrip("\0")
                texts[(index, mcid)] = texts.get((index, mcid), "") + text
    finally:
        pdf.close()
    return texts


def _normal(text: str) -> str:
    return " ".join(text.split())


def tagged_headings(path: Path, tree: Tag) -> list[tuple[int, str]]:
    """(level, text) of every H1–H6 in reading order."""
    headings = [tag for tag in tree.walk() if HEADING.fullmatch("/" + tag.role)]
    pages = {page for tag in headings for page, _ in tag.all_marked() if page is not None}
    texts = marked_text(path, pages)
    return [
        (
            int(tag.role[1]),
            _normal("".join(texts.get(mark, "") for mark in tag.all_marked())),
        )
        for tag in headings
    ]


def outline_titles(reader: PdfReader) -> list[tuple[int, str]]:
    """(depth from 1, title) of the PDF's bookmarks in order."""
    titles: list[tuple[int, str]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                titles.append((depth, _normal(str(item.title))))

    walk(reader.outline, 1)
    return titles


def xmp(reader: PdfReader):
    """The XMP packet's RDF element, or None."""
    metadata = reader.xmp_metadata
    if metadata is None:
        return None
    return fromstring(metadata.stream.get_data())


def xmp_values(rdf, prefix: str, name: str) -> list[str]:
    """Every value of property `prefix:name`, as attribute or element (rdf:li items flattened)."""
    qualified = f"{{{NS[prefix]}}}{name}"
    values = []
    for description in rdf.iter(f"{{{NS['rdf']}}}Description"):
        if qualified in description.attrib:
            values.append(description.attrib[qualified])
        for element in description.iter(qualified):
            items = list(element.iter(f"{{{NS['rdf']}}}li"))
            values.extend((item.text or "") for item in items) if items else values.append(
                element.text or ""
            )
    return values


def accessibility_problems(
    path: Path, *, title: str, language: str, version: str, ua_part: str | None = "1"
) -> list[str]:
    """What keeps the PDF at `path` from being read by assistive technology; empty when none."""
    reader = PdfReader(str(path))
    root = reader.trailer["/Root"]
    problems = []
    tree = structure_tree(reader)
    mark_info = _resolve(root.get("/MarkInfo")) or {}
    if tree is None or not mark_info.get("/Marked"):
        return ["untagged: no structure tree or /MarkInfo /Marked is not true"]
    lang = str(root.get("/Lang", ""))
    if not lang.lower().startswith(language.lower()):
        problems.append(f"document language /Lang is {lang!r}, not {language!r}")
    rdf = xmp(reader)
    if rdf is None:
        problems.append("no XMP metadata stream")
    else:
        for prefix, name, wanted in (
            ("dc", "title", title),
            ("xmpMM", "VersionID", version),
            ("dc", "language", lang),
        ):
            if wanted not in xmp_values(rdf, prefix, name):
                problems.append(
                    f"XMP {prefix}:{name} is {xmp_values(rdf, prefix, name)}, not {wanted!r}"
                )
        for prefix, name in (("dc", "creator"), ("dc", "rights")):
            if not any(v.strip() for v in xmp_values(rdf, prefix, name)):
                problems.append(f"XMP has no {prefix}:{name}")
        if ua_part and xmp_values(rdf, "pdfuaid", "part") != [ua_part]:
            problems.append(
                f"XMP pdfuaid:part is {xmp_values(rdf, 'pdfuaid', 'part')}, not {ua_part}"
            )
    tags = list(tree.walk())
    for tag in tags:
        if tag.role == "Figure" and not str(tag.element.get("/Alt", "")).strip():
            problems.append(f"a Figure without alt text (object {tag.element.indirect_reference})")
    tables = [tag for tag in tags if tag.role == "Table"]
    for table in tables:
        if not any(tag.role == "TH" for tag in table.walk()):
            problems.append(
                f"a Table without header cells (TH) (object {table.element.indirect_reference})"
            )
    lists = [tag for tag in tags if tag.role == "L"]
    if not lists:
        problems.append("no list (L) in the structure tree")
    for tag in lists:
        if not any(child.role == "LI" for child in tag.children):
            problems.append(
                f"a list (L) without list items (object {tag.element.indirect_reference})"
            )
    headings = tagged_headings(path, tree)
    if not any(level == 1 for level, _ in headings):
        problems.append("no H1 in the structure tree")
    problems += _outline_mismatches(outline_titles(reader), headings)
    return problems


# what follows a part's label in its bookmark ("Part I — Companion…", "第1部 原著第3章の手引き")
PART_LABEL_ENDS = (" ", "—", "–", ":", "：")


def _outline_mismatches(
    outline: list[tuple[int, str]], headings: list[tuple[int, str]]
) -> list[str]:
    """Every bookmark must be a tagged heading, in the bookmarks' order (headings with no bookmark
    are allowed in between). A part's opening page heads it with its label (H1 "Part I") over its
    caption, and its top-level bookmark names both: such a bookmark is the H1 its title starts
    with."""
    if not outline:
        return ["the PDF has no outline to check its headings against"]
    # compared without spaces: a heading's text comes in runs (a link, a number) whose spaces
    # PDFium may or may not give
    texts = ["".join(text.split()) for _, text in headings]

    def is_heading(index: int, depth: int, title: str) -> bool:
        if texts[index] == "".join(title.split()):
            return True
        label = " ".join(headings[index][1].split())
        return (
            depth == 1
            and headings[index][0] == 1
            and bool(label)
            and title.startswith(label)
            and title[len(label) : len(label) + 1] in PART_LABEL_ENDS
        )

    position = 0
    for depth, title in outline:
        title = " ".join(title.split())
        found = next((i for i in range(position, len(texts)) if is_heading(i, depth, title)), None)
        if found is not None:
            position = found + 1
        else:
            return [
                f"bookmark {title!r} (depth {depth}) is not a tagged heading after "
                f"{headings[position - 1][1] if position else 'the start'!r}"
            ]
    return []


CAPTION_LABEL = re.compile(r"^\s*(?:Fig\.|Figure|Table|図|表)\s?[A-Z0-9]")
FIGURE_LABEL = re.compile(r"^\s*(?:Fig\.|Figure|図)\s?[A-Z0-9]")


def parted_captions(path: Path) -> list[tuple[int, str]]:
    """(page, words) of every caption not whole on its figure's page (a press keeps a figure's
    caption with it, whole, on one page): WeasyPrint tags each page's part of a caption as a
    Caption of its own, so a Caption whose text does not open with its label ("Fig. 8.1",
    「図 8.1」, "Table 2.1") is the rest of the one before it, run on to the next page; and a
    figure's caption that opens on a later page than the figure it follows is parted from it."""
    tree = structure_tree(PdfReader(str(path)))
    tags = [tag for tag in (tree.walk() if tree else ()) if tag.role in ("Caption", "Figure")]
    pages_of = [sorted({page for page, _ in tag.all_marked()}) for tag in tags]
    texts = marked_text(path, {page for pages in pages_of for page in pages})
    found, figure_pages, previous_caption = [], None, None
    for tag, pages in zip(tags, pages_of):
        if tag.role == "Figure":
            figure_pages = pages or figure_pages
            continue
        text = "".join(texts.get(mark, "") for mark in tag.all_marked()).strip()
        if not text or not pages:
            continue
        if not CAPTION_LABEL.match(text):
            if previous_caption and pages[0] - 1 in previous_caption:
                found.append((pages[0] + 1, f"caption runs on: {text[:40]}"))
        elif FIGURE_LABEL.match(text) and figure_pages and pages[0] > figure_pages[-1]:
            found.append((pages[0] + 1, f"caption parted from its figure: {text[:40]}"))
        previous_caption = set(pages)
    return found
