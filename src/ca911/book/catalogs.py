"""The Japanese edition's message catalogs (`locales/<lang>/LC_MESSAGES/**/*.po`), checked.

A catalog entry is complete when it is translated and not fuzzy, and it keeps the MyST markup of its
message: every role with its target (event, fact, number, numref, ref, cite, glue), every inline
code span (chapter locators, file names) and every link target appear in the translation, since the
edition's structure, numbering and data-made words come from them. A translation is our own words
(ca911.sources.copied_text): no run of `RUN` characters outside its quotations (「…」 spans its
message quotes too) may be shared with either chapter.

    python -m ca911 catalogs [--lang ja] [PO ...]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

from ca911.sources import copied_text as own_words
from ca911.sources.copied_text import RUN

LOCALES_DIR = "locales"
# {role}`target` or {role}`title <target>`: role and target are structure, the title is prose
ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?:[^`<]*<)?(?P<target>[^`<>]+)>?`")
CODE = re.compile(r"(?<![`}])`(?P<code>[^`]+)`")
CITATION_NOTE = re.compile(r"\{[^{}]*\}")
LINK_TARGET = re.compile(r"\]\((?P<target>[^)\s]+)\)")


@dataclass(frozen=True)
class CatalogProblem:
    path: Path
    lineno: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.lineno}: {self.rule}: {self.message[:90]!r}"


def _role_target(match: re.Match) -> str:
    """A citation's keys without its notes; a glue role's key without the page it names: a
    translation must write `{glue:text}` with the notebook's own path (`page.md::key`), since
    Sphinx parses a translated message apart from the notebook whose outputs hold the key."""
    target = match["target"].strip()
    if match["role"].startswith("cite"):
        # a citation's pre- and post-notes ({§4.1, Table 1}) are words of the page's language
        return CITATION_NOTE.sub("", target)
    if not match["role"].startswith("glue"):
        return target
    key = target.rsplit("::", 1)[-1]
    return key if ":" in key else f"{key}:s"  # no format spec is the string format, "s"


def markup_of(text: str) -> Counter:
    """The structure a message carries: roles with their targets, code spans, link targets."""
    roles = [f"{{{m['role']}}}{_role_target(m)}" for m in ROLE.finditer(text)]
    without_roles = ROLE.sub("", text)
    codes = [f"`{m['code']}`" for m in CODE.finditer(without_roles)]
    links = [f"({m['target']})" for m in LINK_TARGET.finditer(text)]
    return Counter(roles + codes + links)


def unclosed_emphasis(text: str) -> bool:
    """True if an asterisk of `*…*` or `**…**` would print as itself: CommonMark does not close
    emphasis between punctuation and a following letter (`**データ。**両章` stays literal), a trap
    of Japanese text that has no spaces."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parseInline(text)[0].children or []
    return any(t.type == "text" and "*" in t.content for t in tokens)


def catalog_problems(path: Path) -> list[CatalogProblem]:
    """Every entry of one catalog that is untranslated, fuzzy, or drops or adds markup."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        msgstr = message.string if isinstance(message.string, str) else message.string[0]
        line = message.lineno or 0
        if not msgstr:
            problems.append(CatalogProblem(path, line, "untranslated", msgid))
        elif message.fuzzy:
            problems.append(CatalogProblem(path, line, "fuzzy", msgid))
        elif unclosed_emphasis(msgstr) and not unclosed_emphasis(msgid):
            problems.append(CatalogProblem(path, line, "emphasis left open", msgstr))
        elif markup_of(msgid) != markup_of(msgstr):
            lost = markup_of(msgid) - markup_of(msgstr)
            added = markup_of(msgstr) - markup_of(msgid)
            detail = "; ".join(
                part
                for part in (
                    f"missing {', '.join(lost)}" if lost else "",
                    f"not in the message {', '.join(added)}" if added else "",
                )
                if part
            )
            problems.append(CatalogProblem(path, line, "markup differs", f"{detail} | {msgid}"))
    return problems


QUOTED = re.compile(r"「[^「」]*」")
JAPANESE_RUN = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef―]{4,}")


def copied_run(msgid: str, msgstr: str, chapters_text: str, n: int = RUN) -> str | None:
    """The first run of `n` characters of the translation, outside the quotations its message
    also quotes, that occurs in the chapters' text."""
    # a 「…」 span the message quotes too is a quotation, and so is Japanese the English message
    # itself prints (a title as printed, a Table 1 cell); a role is markup, not prose
    quotations = frozenset(QUOTED.findall(msgid)) | frozenset(JAPANESE_RUN.findall(msgid))
    return own_words.copied_run(ROLE.sub(own_words.CUT, msgstr), chapters_text, quotations, n)


def copy_problems(path: Path, chapters_text: str) -> list[CatalogProblem]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return [
        CatalogProblem(path, message.lineno or 0, "shares a run with the chapters", run)
        for message in catalog
        if message.id
        and message.string
        and (run := copied_run(str(message.id), str(message.string), chapters_text))
    ]


def catalogs(root: Path, lang: str = "ja") -> list[Path]:
    return sorted((root / LOCALES_DIR / lang / "LC_MESSAGES").rglob("*.po"))
