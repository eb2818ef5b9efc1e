"""Checks of the Japanese edition's running text (our own words, quotations taken out) for the
house forms an editor reads for: one spelling per name and word, the chapters' authors named,
and no ASCII space after a Japanese mark.

- house forms (`variant_forms`): a name or loanword the Japanese text could spell two ways is
  spelled one way. The house form is the one the chapters print where they print one (ch3's
  アメリカ, キルギスタン, タシケント, ビシケク where ch4 differs: discrepancies d62, d85, d86),
  else the 公用文 form (コンピューター, フォルダー: the long vowel written); a word the text could
  write two ways is written one way (受け入れ国, not 受入国; 組, not ペア);
- the chapters' authors (`author_words`): our text names them (松井, 湯浅) or says 原著者 where a
  sentence is about either; 筆者 or 著者 alone would read as the companion's own authors
  (著者名, a bibliographic field's name, is not a person);
- spaced marks (`spaced_marks`): no ASCII space after 。、「」 (a space the source's line
  wrapping or a joined string left in).

What is taken out of a page's text before the forms are read (`running_text`): code, identifiers,
citations, text declared in another language (japanese_pages.prose_of), the data's declared
quotations (names and titles as printed, Table 1's cells) and text in 「」 (a form quoted as a
chapter prints it, such as 「タシュケント」 in a note on the two spellings).
Self-tests on small broken pages: tests/support/test_japanese_forms.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from support import japanese_pages as pages

# house form → the other spellings (patterns), each read on its own
HOUSE_FORMS = {
    "アメリカ": ("米国",),
    "キルギスタン": ("キルギス(?!タン)",),
    "タシケント": ("タシュケント",),
    "ビシケク": ("ビシュケク",),
    "コンピューター": ("コンピュータ(?!ー)",),
    "フォルダー": ("フォルダ(?!ー)",),
    # a count of states takes the counter カ, as both chapters print it (中央アジア5カ国)
    "Nカ国": (
        r"(?<=[0-9０-９])国(?![内際連家境民会防務土益語間])",
        r"(?<=[0-9０-９])[かヵヶケ]国",
        r"[一二三四五六七八九十]+[かカヵヶケ]国",
        r"(?<=[、の])[二三四五六七八九]国(?![内際連家境民会防務土益語間])",
    ),
    # one word for one thing in our own text: the state hosting a force, two actors taken together
    "受け入れ国": ("受入国",),
    "組": ("ペア",),
    # the edition a browser shows, and the appendix of every event (its title)
    "ウェブ版": ("HTML版",),
    "総合年表": ("全体の年表", "年表全体"),
    "コード化": ("符号化",),
    # what a person checked (点検済み) is not what a schema validates (検証済みのデータパッケージ)
    "点検済み": ("検討済み", "確認済み"),
    # the forces of the United States in our prose (欧米軍, Western forces, is another unit);
    # a short label a figure draws may keep 米軍, but a figure is not running text
    "アメリカ軍": ("(?<!欧)米軍",),
    # a state's position on a question, as the codebook's stance scale names it
    "立場": ("スタンス",),
    "リポジトリー": ("リポジトリ(?!ー)",),
    # the 1992 treaty by its full name (the chapters' 集団安保 stays inside 「」 and the names
    # the data quote as printed)
    "集団安全保障条約": ("集団安保条約",),
    # a state joins the coalition of the Iraq war; it is not a member of an organisation
    "有志連合への参加": ("有志連合(?:への|に)加盟",),
    # a count just under a number says what it counts, as the chapters do (30人弱, never 30弱)
    "N人弱": (r"(?<=[0-9０-９])弱",),
}
# Variants that hold a name the data quote as printed (有志連合): read before the quotations are
# taken out, or the name's stand-in would hide them.
ACROSS_QUOTATIONS = re.compile("有志連合(?:への|に)加盟")
AUTHOR_WORD = re.compile(r"(?<!原)(?:筆者|著者)(?!名)")
# A space before Japanese text (a mark's own width already spaces it); before a separator
# ("。 · 原著第3章", an actor page's list of records), Latin letters or code the space is the
# mixed-script spacing and belongs to what follows.
SPACED_MARK = re.compile(r"[。、「」] (?=[\u3040-\u30ff\u3400-\u9fff（「『])")
# An ASCII space between a Latin word (or code) and Japanese text: Japanese running text sets a
# Latin word without spaces (ビルドのたびにCITATION.cffから, 次のBibTeXの項目). A name as its
# owner writes it keeps its spaces (LATIN_SPACED_NAMES).
# A word is two letters or more: a number, a section's number (表 C.1, A. 総合年表) and the
# citation's n.d. are not words.
LATIN_SPACE = re.compile(
    r"(?<=[\u3040-\u30ff\u3400-\u9fff])[ \u00a0]+(?=[A-Za-z]{2})"
    r"|(?<=[A-Za-z]{2})[ \u00a0]+(?=[\u3040-\u30ff\u3400-\u9fff])"
)
LATIN_SPACED_NAMES = ("クリエイティブ・コモンズ 表示 4.0 国際", "クリエイティブ・コモンズ 表示 4.0")
# a range of numbers or years set with a dash; Japanese running text sets ～ (7～15年, 1992～2004年)
# A locator's paragraphs (¶3–4) keep the dash every locator has, in both editions.
DASHED_RANGE = re.compile(r"(?<![¶\d])\d+\s*[–—]\s*\d")
CODE = "code, kbd, samp"
CODE_MARK = "CODE"
QUOTED = re.compile(r"「[^「」]*」")
# what stands for a quotation taken out: no form, no mark, no space
QUOTATION_MARK = "◇"


def quotations(data_dir: Path) -> frozenset[str]:
    """The values (and each `|`/`;` part) of the data's fields declared `"quotation": true`, as
    the pages print them (not normalised, unlike japanese_pages.declared_quotations)."""
    return pages.quoted_values(data_dir)


def running_text(page_html: str, quotations=frozenset()) -> list[str]:
    """The own text of each block of the page's article once code, citations, foreign-language
    text and the declared quotations are taken out (whitespace kept: a space is a finding)."""
    article = pages.article(page_html)
    for code in article.select(CODE):  # a stand-in, so the text keeps what was beside it
        code.replace_with(CODE_MARK)
    root = pages.prose_of(article)
    for footer in root.select("footer, .bd-footer-content"):  # the companion's own credits
        footer.decompose()
    ordered = sorted((q for q in quotations if len(q) >= 2), key=len, reverse=True)
    texts = []
    for block in pages.blocks(root):
        text = pages.own_text(block)
        # a variant holding a quoted name (ACROSS_QUOTATIONS) stays whole, to be found
        kept, held = ACROSS_QUOTATIONS.split(text), ACROSS_QUOTATIONS.findall(text)
        for quotation in ordered:
            kept = [part.replace(quotation, QUOTATION_MARK) for part in kept]
        text = "".join(part + (held[i] if i < len(held) else "") for i, part in enumerate(kept))
        if text.strip():
            texts.append(text)
    return texts


def _context(text: str, match: re.Match) -> str:
    return " ".join(text[max(0, match.start() - 15) : match.end() + 10].split())


def variant_forms(texts: list[str]) -> list[str]:
    """Every spelling other than the house form, with its context."""
    found = []
    for text in texts:
        unquoted = QUOTED.sub("「」", text)
        for house, others in HOUSE_FORMS.items():
            for other in others:
                for match in re.finditer(other, unquoted):
                    found.append(
                        f"{match.group()} (house form {house}): {_context(unquoted, match)}"
                    )
    return found


def author_words(texts: list[str]) -> list[str]:
    """Every 筆者/著者 outside a quotation."""
    found = []
    for text in texts:
        unquoted = QUOTED.sub("「」", text)
        found += [_context(unquoted, m) for m in AUTHOR_WORD.finditer(unquoted)]
    return found


def spaced_marks(texts: list[str]) -> list[str]:
    """Every ASCII space after 。、「 or 」."""
    return [repr(_context(text, m)) for text in texts for m in SPACED_MARK.finditer(text)]


def dashed_ranges(texts: list[str]) -> list[str]:
    """Every range of numbers set with a dash instead of ～."""
    return [repr(_context(text, m)) for text in texts for m in DASHED_RANGE.finditer(text)]


def latin_spacing(texts: list[str]) -> list[str]:
    """Every ASCII space between a Latin word (or code) and Japanese text, outside 「」."""
    found = []
    for text in texts:
        for name in LATIN_SPACED_NAMES:
            text = text.replace(name, QUOTATION_MARK)
        unquoted = QUOTED.sub("「」", text)
        found += [repr(_context(unquoted, m)) for m in LATIN_SPACE.finditer(unquoted)]
    return found
