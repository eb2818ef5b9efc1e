"""Marks in the Japanese print edition's HTML that its stylesheet (static/ca911-print.css, rules
under html[lang|="ja"]) designs with: table cells of one word or of running text, phrases (文節) of
headings, captions and table heads kept whole on a line, and the contents' entry numbers in boxes of
their own. `print.mark_for_print` applies them to a Japanese page.
"""

from __future__ import annotations

import re

from ca911.book.sphinx.print_marks import add_class, text_width
from ca911.figures.japanese_phrases import japanese_phrases

JAPANESE_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def mark_japanese_cells(soup, word: int = 14) -> None:
    """Japanese may break between any two characters, so a Japanese cell's narrowest width is one
    character, and the automatic table layout, short of room beside columns that never break
    (names, ids, locators), squeezed whole columns to that: 加盟国 set a character a line. A cell
    holding one short Japanese word (no space, at most `word` Latin widths: seven characters) is
    marked to stay on one line; a longer Japanese cell is marked to keep a least width, so its
    lines hold a few characters each. The Japanese edition's print only."""
    for cell in soup.select("table td, table th"):
        text = cell.get_text("", strip=True)
        if not JAPANESE_CHARACTER.search(text):
            continue
        if text_width(text) <= word and not re.search(r"\s", text):
            add_class(cell, "ca911-ja-word")
        else:
            add_class(cell, "ca911-ja-text")


LONGEST_PHRASE = 12  # characters: a longer run is left to break (a heading line holds about 18)


PHRASE_ELEMENTS = "h1, h2, h3, h4, h5, h6, p.ca911-part-subtitle, p.caption"
# every cell of a table, head and body: a cell's lines break between its phrases (印刷どお|り, 他|者
# were broken in the body's cells as much as in the heads)
TABLE_HEAD_ELEMENTS = "table th, table td"
# characters, brackets not counted: a phrase up to five (（印刷どおり）) stays whole, as a Japanese
# cell's least width is five characters (.ca911-ja-text); a longer one may break, or the columns
# of a wide table would no longer fit the text block
LONGEST_HEAD_PHRASE = 5
BRACKETS = "（）「」『』()"


# A number and its counter (第16章, 2002年, 18件, 4カ国, 1990年代) are one word in Japanese setting:
# a line never parts them (「第16／章」「18／件」 on the proofs).
COUNTERS = r"カ国|年代|[年月日章件人者名割万億本機回部条項節]"
NUMBER_WITH_COUNTER = re.compile(rf"第?[0-9０-９][0-9０-９,.]*(?:{COUNTERS})")


# A table cell's phrase with a number, longer than a column's least width (第201自動車化狙撃師団,
# 東経71.4460°), is cut only after a number that precedes a word (第201|自動車化狙撃師団), and each
# of its pieces up to this many Latin widths stays whole: WeasyPrint broke the division's name
# as 狙撃師|団 and parted 東経 from its degrees.
LONGEST_CELL_WORD = 16
_DIGIT = re.compile(r"[0-9]")
# never before the number's counter (原著第4|章の, 2003|年4|月 were cut so, and broke there)
_NUMBER_THEN_WORD = re.compile(
    rf"(?<=[0-9A-Za-z.°%])(?=[\u3040-\u30ff\u3400-\u9fff])(?!{COUNTERS})"
)


# A name in katakana (タジキスタン, グリーン・ベレー) inside a long phrase is a word of its own: a
# narrow cell broke ウズベキスタンとタジキスタ|ン and 西側（欧州とアメリ|カ）. Not one in brackets
# (［エストニア］ whole pushed Table 8.1 past the text block).
_KATAKANA_NAME = re.compile(r"(?<![［「『（(ァ-ヺー・])([ァ-ヺー]+(?:・[ァ-ヺー]+)*)")
# a piece never ends with an opening mark nor begins with a closing one: a line would (禁則)
_OPENING = "（「『［(〔【〈《"
_CLOSING = "）」』］)〕】〉》、。，．：；！？"


def _marks_kept(pieces: list[str]) -> list[str]:
    """Pieces with each opening mark moved onto the piece after it, each closing one onto the
    piece before it."""
    out: list[str] = []
    for piece in pieces:
        opening = len(out[-1]) - len(out[-1].rstrip(_OPENING)) if out else 0
        if opening:
            piece, out[-1] = out[-1][-opening:] + piece, out[-1][:-opening]
            if not out[-1]:
                out.pop()
        closing = len(piece) - len(piece.lstrip(_CLOSING))
        if out and closing:
            out[-1], piece = out[-1] + piece[:closing], piece[closing:]
        if piece:
            out.append(piece)
    return out


def cell_words(phrase: str, longest: int) -> list[str]:
    """A phrase longer than `longest` characters cut after each number that precedes a Japanese
    word and around each name in katakana (mark_japanese_phrases keeps the pieces of a cut phrase
    whole); any other as it is."""
    if len(phrase.strip(BRACKETS)) <= longest:
        return [phrase]
    return _marks_kept(
        [
            piece
            for part in _NUMBER_THEN_WORD.split(phrase)
            for piece in _KATAKANA_NAME.split(part)
            if piece
        ]
    )


def kept_whole(pieces: list[str]) -> bool:
    """Whether the pieces cell_words made of a phrase are words a line never breaks inside: a
    phrase cut in pieces, one with a number, or a name in katakana alone."""
    return (
        len(pieces) > 1
        or bool(_DIGIT.search(pieces[0]))
        or bool(_KATAKANA_NAME.fullmatch(pieces[0]))
    )


def mark_japanese_phrases(
    soup,
    selector: str = PHRASE_ELEMENTS,
    longest: int = LONGEST_PHRASE,
    wbr: bool = False,
    counters: bool = False,
) -> None:
    """Every phrase of a Japanese heading, part title, contents entry or table cell set in a span
    that never breaks (.ca911-phrase), so its lines break only between phrases. A phrase longer
    than `longest` stays breakable: a narrow column or a long name must still fit. With `wbr`
    (table cells) a <wbr> stands between two phrases: WeasyPrint finds no break between two
    unbreakable spans when it measures a column's least width, so a cell of marked phrases
    would count as one unbreakable line and push its table past the text block. With `counters`
    (print) a long phrase keeps each number with its counter (mark_number_counters)."""
    from bs4 import NavigableString

    for element in soup.select(selector):
        for text in list(element.find_all(string=True)):
            if type(text) is not NavigableString or not JAPANESE_CHARACTER.search(text):
                continue
            if text.find_parent(["code", "pre", "script", "style"]) is not None:
                continue
            if text.parent is not None and "ca911-phrase" in (text.parent.get("class") or []):
                continue
            pieces = japanese_phrases(str(text))
            if len(pieces) < 2 and len(str(text).strip()) < 2:
                continue
            words: set[int] = set()  # pieces of a cut phrase (cell_words), kept whole
            if wbr:
                cut = [cell_words(piece, longest) for piece in pieces]
                pieces = [part for parts in cut for part in parts]
                at = 0
                for parts in cut:
                    if kept_whole(parts):
                        words |= set(range(at, at + len(parts)))
                    at += len(parts)
            new = []
            for k, piece in enumerate(pieces):
                if (
                    2 <= len(piece.strip(BRACKETS) or piece) <= longest
                    or (k in words and text_width(piece) <= LONGEST_CELL_WORD)
                ) and not piece.isspace():
                    span = soup.new_tag("span", attrs={"class": "ca911-phrase"})
                    span.string = piece
                    new.append(span)
                elif counters:  # a long phrase may break, never inside a number and counter
                    new.extend(counters_unbroken(soup, piece))
                else:
                    new.append(NavigableString(piece))
            for k, node in enumerate(new):
                if wbr and k and not (str(new[k - 1]).isspace() or str(node).isspace()):
                    text.insert_before(soup.new_tag("wbr"))
                text.insert_before(node)
            text.extract()


ENTRY_NUMBER = re.compile(r"^\s*((?:\d+|[A-Z])(?:\.\d+)*\.?)\s+")


def mark_japanese_contents(toc: str) -> str:
    """The printed contents of the Japanese edition: each entry's number in a span of its own
    (.ca911-entry-number), which the stylesheet hangs left of the entry's text, so the lines of a
    wrapped entry start under its text and not under its number; the entries' and the part labels'
    phrases kept whole (mark_japanese_phrases)."""
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(toc, "html.parser")
    for link in soup.select("li > a"):
        first = link.contents[0] if link.contents else None
        if type(first) is not NavigableString:
            continue
        match = ENTRY_NUMBER.match(first)
        if not match:
            continue
        number = soup.new_tag("span", attrs={"class": "ca911-entry-number"})
        number.string = match.group(1)
        first.replace_with(NavigableString(first[match.end() :]))
        link.insert(0, number)
        add_class(link.parent, "ca911-numbered-entry")
    mark_japanese_phrases(soup, "li > a, p.caption")
    return str(soup)


def mark_breaks_after_code(soup) -> None:
    """A line may break before and after code set against Japanese text with no space
    (スラッグ`<部隊>-…`, `note_en`に忠実な):
    code never breaks inside (print stylesheet), and WeasyPrint finds no break between it and the
    Japanese after it, so such a cell counted as one unbreakable line and pushed its table past
    the text block. A <wbr> after the code gives the break Japanese text allows there."""
    from bs4 import NavigableString

    for code in soup.find_all("code"):
        after, before = code.next_sibling, code.previous_sibling
        if type(after) is NavigableString and JAPANESE_CHARACTER.match(str(after)):
            code.insert_after(soup.new_tag("wbr"))
        if type(before) is NavigableString and JAPANESE_CHARACTER.match(str(before)[-1:]):
            code.insert_before(soup.new_tag("wbr"))


# Where numbers are marked: running prose and the captions of figures and tables. Headings and
# table cells are cut into phrases of their own (mark_japanese_phrases), which a span inside a
# phrase would cut again.
PROSE_BLOCKS = ("p", "li", "dd", "caption")
NOT_PROSE = ["code", "pre", "script", "style", "title", "table", "h1", "h2", "h3", "h4", "h5", "h6"]


def counters_unbroken(soup, text: str, keep_opening: bool = False) -> list:
    """text as strings and, for each number with its counter, a span that never breaks
    (.ca911-unbroken); with `keep_opening` a number that opens the text, a space apart at most, is
    left as it is."""
    from bs4 import NavigableString

    nodes, at = [], 0
    for match in NUMBER_WITH_COUNTER.finditer(text):
        if keep_opening and not text[: match.start()].strip():
            continue
        nodes.append(NavigableString(text[at : match.start()]))
        span = soup.new_tag("span", attrs={"class": "ca911-unbroken"})
        span.string = match.group(0)
        nodes.append(span)
        at = match.end()
    nodes.append(NavigableString(text[at:]))
    return [node for node in nodes if str(node)]


def mark_number_counters(soup) -> None:
    """Every number with its counter in running prose set in a span that never breaks
    (.ca911-unbroken). A number that opens its text right after an element, a space apart at most
    (a lead-in's 問い　2001年…), is left as it is: the lead-in's joined space is set against it."""
    from bs4 import NavigableString, Tag

    body = soup.body or soup
    for text in list(body.find_all(string=NUMBER_WITH_COUNTER)):
        if type(text) is not NavigableString or text.find_parent(PROSE_BLOCKS) is None:
            continue
        if text.find_parent(NOT_PROSE) is not None and text.find_parent("caption") is None:
            continue
        if text.find_parent(
            class_=["caption", "ca911-part-subtitle", "ca911-phrase", "ca911-unbroken"]
        ):
            continue
        after_element = isinstance(text.previous_sibling, Tag)
        for piece in counters_unbroken(soup, str(text), keep_opening=after_element):
            text.insert_before(piece)
        text.extract()
    join_glued_counters(soup)


COUNTER = re.compile(rf"^(?:{COUNTERS})")


def join_glued_counters(soup) -> None:
    """A number the build glues in (an element of its own, 「6」) and the counter the sentence sets
    after it (者である) joined in one unbreakable span: 「6／者」 broke at the element's edge."""
    from bs4 import NavigableString, Tag

    body = soup.body or soup
    for text in list(body.find_all(string=COUNTER)):
        before = text.previous_sibling
        if type(text) is not NavigableString or not isinstance(before, Tag):
            continue
        if text.find_parent(NOT_PROSE) is not None or text.find_parent(PROSE_BLOCKS) is None:
            continue
        number = before.get_text()
        if not number[-1:].isdigit() or len(number) > 12:
            continue
        counter = COUNTER.match(str(text)).group(0)
        span = soup.new_tag("span", attrs={"class": "ca911-unbroken"})
        before.replace_with(span)
        span.append(before)
        span.append(NavigableString(counter))
        text.replace_with(NavigableString(str(text)[len(counter) :]))
