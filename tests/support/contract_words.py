"""Names of the data contract in a reader's running text: a field name or stored code of
`datapackage.json` (`as_of`, `text_ja`, `start_basis`, `not_before`, `policy_type`) shown as a word
of a sentence, even typeset as code, and an actor id (`kamilov`, `bishkek`) written where a name
belongs ("id kamilov").

`support.code_words` reads only the text outside code elements and only snake_case, so a field
name a page typesets as code inside a sentence, or an id without an underscore, passed it. Running
text here is a page's paragraphs and list items outside tables and outside the two pages that
document the contract itself (the codebook and the data model name every field on purpose); a
sentence naming a data file (`places.csv`) may name its columns; a code element in a table cell
is an identifier shown in its column, and a record reference or locator (`actors:kamilov`,
`ch3 §2 ¶12`) is a reference, not a word.

Plain functions of a page's HTML and of the descriptor, so `tests/support/test_contract_words.py`
runs them on small broken pages; `tests/test_code_words.py` runs them on both built editions.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from support.rendered_text import CODE_ELEMENTS

# The pages whose subject is the data contract: they name fields and codes as such.
CONTRACT_PAGES = ("methods/codebook.html", "methods/data_model.html")
RUNNING_TEXT = ["p", "li", "dd"]
DATA_FILE = re.compile(r"[\w./-]+\.(?:csv|json)")


def contract_names(descriptor: dict) -> set[str]:
    """Every field name of the descriptor and every stored code with an underscore (a one-word
    code such as `member` or `by` is an English word as well)."""
    names = set()
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            names.add(field["name"])
            names |= {
                c["value"]
                for c in field.get("categories", [])
                if isinstance(c["value"], str) and "_" in c["value"]
            }
    return names


def lower_case_ids(actor_ids: set[str]) -> set[str]:
    """The actor ids a sentence could mistake for a word: the lower-case ones (`kamilov`,
    `central-asia`); an upper-case id (KAZ, CSTO) is the abbreviation the book uses as a name."""
    return {a for a in actor_ids if a == a.lower()}


def _running_text_elements(soup):
    """Paragraphs and list items a reader reads as sentences: not inside a table, not a list of
    code (a table of contents or a download list holds no `p` of prose either)."""
    return [el for el in soup.find_all(RUNNING_TEXT) if el.find_parent("table") is None]


def contract_words(page_html: str, names: set[str], ids: set[str]) -> list[str]:
    """Each field name or code typeset as a word of running text, and each lower-case actor id
    written outside code in running text, with some context."""
    soup = BeautifulSoup(page_html, "html.parser")
    found = []
    id_pattern = (
        re.compile(
            r"(?<![\w/.:#-])(?:"
            + "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
            + r")(?![\w/-])"
        )
        if ids
        else None
    )
    for el in _running_text_elements(soup):
        if el.find(RUNNING_TEXT):  # the innermost element holds the sentence
            continue
        sentence = " ".join(el.get_text(" ").split())
        codes = [" ".join(code.get_text(" ").split()) for code in el.find_all("code")]
        # a sentence that names a data file may name that file's columns ("the reference column of
        # places.csv"): it is about the file
        about_a_file = any(DATA_FILE.fullmatch(text) for text in codes)
        for text in codes:
            if text in names and not about_a_file:
                found.append(f"{text!r} as a word in: {sentence[:160]!r}")
        if id_pattern:
            copy = BeautifulSoup(str(el), "html.parser")
            for tag in copy(CODE_ELEMENTS):
                tag.decompose()
            plain = " ".join(copy.get_text(" ").split())
            for m in id_pattern.finditer(plain):
                found.append(
                    f"id {m.group(0)!r} in: {plain[max(0, m.start() - 60) : m.end() + 40]!r}"
                )
    return found


def book_contract_names(data_dir: Path) -> tuple[set[str], set[str]]:
    """The book's field names and codes, and its lower-case actor ids."""
    import csv

    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    with (data_dir / "actors.csv").open(encoding="utf-8", newline="") as f:
        actor_ids = {row["actor_id"] for row in csv.DictReader(f)}
    return contract_names(descriptor), lower_case_ids(actor_ids)
