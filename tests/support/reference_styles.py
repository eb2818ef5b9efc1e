"""One style for each kind of reference a reader meets: a chapter locator ("ch4 §3.1 ¶2") and a
record reference ("events:ch3-2001-09-24-putin-tv-address") each rendered by one element with one
class on every page, linked or not; and no page linking to itself from a table cell.

Plain functions of a page's HTML, so `tests/test_reference_styles_checkers.py` runs them on small
broken pages; `tests/test_reference_styles.py` runs them on the built book.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from ca911.data.refs import RECORD_FILES

# What a locator looks like wherever it stands (the data's form: chapter, section, then paragraph,
# sentence, note, table cell, heading or title), and the one element that renders it
# (ca911.book.records.locator_node).
LOCATOR = re.compile(
    r"ch\d+\s§[\w.]+(?:\s¶\d+(?:[-–]\d+)?(?:\s[sn]\.\d+)?|\sT\d+\sr\d+\sc\d+|\sheading(?:\sn\.\d+)?|\stitle)?"
)
LOCATOR_ELEMENT = "code.ca911-locator"
# A record reference: a data file's name, a colon, the record's key (ca911.data.refs.format_ref);
# and the element that renders it (ca911.book.records.record_node).
RECORD = re.compile(rf"(?<![\w/.-])(?:{'|'.join(RECORD_FILES)}):[\w./-]*\w")
RECORD_ELEMENT = "code.ca911-record"
# Where a page quotes code on purpose (a listing, a script) or shows a citation line to copy: not a
# reference.
NOT_REFERENCES = ["script", "style", "pre", "head", "template", "noscript"]


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def reference_style_problems(page_html: str) -> list[str]:
    """Every locator or record reference on the page that is not rendered by its one element, and
    every such element that holds anything but one whole locator or reference."""
    soup = BeautifulSoup(page_html, "html.parser")
    for tag in soup(NOT_REFERENCES):
        tag.decompose()
    problems = []
    for selector, pattern, kind in (
        (LOCATOR_ELEMENT, LOCATOR, "locator"),
        (RECORD_ELEMENT, RECORD, "record reference"),
    ):
        for element in soup.select(selector):
            text = _normal(element.get_text())
            if not pattern.fullmatch(text):
                problems.append(f"{selector} holds {text!r}, not one {kind}")
            element.decompose()
    # what is left, as one text: a locator in code is split into a span per word, so no single node
    # holds it
    rest = _normal(soup.get_text(""))
    for pattern, kind, selector in (
        (LOCATOR, "locator", LOCATOR_ELEMENT),
        (RECORD, "record reference", RECORD_ELEMENT),
    ):
        for m in pattern.finditer(rest):
            problems.append(
                f"{kind} {m.group(0)!r} not in {selector}: "
                f"{rest[max(0, m.start() - 50) : m.end() + 20]!r}"
            )
    return problems


def _top_ids(soup) -> set[str]:
    """The anchors that name the page as a whole: its first section and the labels set just inside
    it."""
    top = soup.select_one("section[id]")
    if top is None:
        return set()
    return {top["id"]} | {e["id"] for e in top.find_all(["span", "h1"], id=True, recursive=False)}


def self_links_in_tables(page_html: str, page_url: str) -> list[str]:
    """Every link in a table cell that leads to the page itself (its own file, or an anchor naming
    the whole page): a page's tables never send the reader back to where they are. `page_url` is the
    page's path in the book, e.g. "_generated/actors/KAZ.html"."""
    soup = BeautifulSoup(page_html, "html.parser")
    page_file, top = page_url.rsplit("/", 1)[-1], _top_ids(soup)
    found = []
    for cell in soup.find_all(["td", "th"]):
        for a in cell.find_all("a", href=True):
            href = urlsplit(a["href"])
            if href.scheme or href.path not in ("", page_file):
                continue
            if not href.fragment or href.fragment in top:
                found.append(
                    f"{_normal(a.get_text())!r} links to {a['href']!r} from a table cell of "
                    f"{page_url}"
                )
    return found


def pdf_locator_problems(pages: list[list[tuple[str, str]]]) -> list[str]:
    """Locators the PDF prints otherwise than the text around them, from each page's characters as
    (character, face name) pairs: print sets a locator in the face of its sentence, linked or not
    (ca911-print.css), so a locator in the code face, or in two faces, is a second style."""
    problems = []
    for number, chars in enumerate(pages, 1):
        text = "".join(c for c, _ in chars)
        for m in LOCATOR.finditer(text):
            used = {face for c, face in chars[m.start() : m.end()] if not c.isspace()}
            if any("Mono" in face for face in used) or len(used) > 1:
                problems.append(f"p. {number}: {m.group(0)!r} in {sorted(used)}")
    return problems


def pdf_chars_with_faces(pdf_path) -> list[list[tuple[str, str]]]:
    """Every PDF page as (character, face name) pairs; a subset prefix (ABCDEF+) is dropped from the
    name."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pages = []
    buf = ctypes.create_string_buffer(256)
    for page in pdfium.PdfDocument(str(pdf_path)):
        textpage = page.get_textpage()
        count = textpage.count_chars()
        text = textpage.get_text_range()
        if (
            len(text) != count
        ):  # generated characters do not line up with the indexes: read one by one
            text = "".join(textpage.get_text_range(i, 1) or " " for i in range(count))
        chars = []
        for i in range(count):
            raw.FPDFText_GetFontInfo(textpage.raw, i, buf, 256, ctypes.byref(ctypes.c_int()))
            chars.append((text[i], buf.value.decode(errors="replace").split("+")[-1]))
        pages.append(chars)
    return pages


# In the browser: how each locator and record reference is drawn (face, weight, colour, size against
# the text around it), and whether it is a link. A kind drawn in more than one way is two styles on
# the screen.
COMPUTED_STYLES_JS = r"""() => [...document.querySelectorAll("code.ca911-locator, code.ca911-record")]
  .filter(e => e.getClientRects().length > 0)
  .map(e => {
    const s = getComputedStyle(e), around = getComputedStyle(e.parentElement.closest("p, td, th, li, dd, dt, div"));
    return {kind: e.classList.contains("ca911-locator") ? "locator" : "record reference", linked: !!e.closest("a"),
            look: [s.fontFamily.split(",")[0].trim(), s.fontWeight, s.color, s.fontStyle,
                   (parseFloat(s.fontSize) / parseFloat(around.fontSize)).toFixed(2)].join(" | "),
            text: e.textContent.trim()};
  })"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)


def drawn_styles(drawn: list[dict]) -> list[str]:
    """Each kind that the page draws in more than one way, with an example of each look (linked or
    not)."""
    looks: dict[str, dict[str, str]] = {}
    for d in drawn:
        looks.setdefault(d["kind"], {}).setdefault(
            d["look"], f"{d['text']!r}{' (linked)' if d['linked'] else ''}"
        )
    return [
        f"{kind} drawn {len(by_look)} ways: "
        + "; ".join(f"{look} e.g. {example}" for look, example in by_look.items())
        for kind, by_look in looks.items()
        if len(by_look) > 1
    ]


# Where a sentence of running text ends: a stop and a space (or the end), or a Japanese full stop.
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|。")


def locators_repeated_in_a_sentence(page_html: str) -> list[str]:
    """Each locator a paragraph gives twice in one sentence, with no other locator between (the
    second should read "ibid.", 同上)."""
    soup = BeautifulSoup(page_html, "html.parser")
    for tag in soup(NOT_REFERENCES):
        tag.decompose()
    found = []
    for paragraph in soup.find_all("p"):
        previous, before = None, ""
        for string in paragraph.find_all(string=True):
            element = string.find_parent("code")
            if element is not None and "ca911-locator" in (element.get("class") or []):
                if string is not element.find(string=True):
                    continue  # a locator split into a span per word: read once, whole
                text = _normal(element.get_text())
                if text == previous:
                    found.append(f"{text!r} twice: …{before[-80:]}{text}")
                previous = text
                before += text
            else:
                if SENTENCE_END.search(str(string)):
                    previous = None
                before += str(string)
    return found
