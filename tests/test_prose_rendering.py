"""How the chapters' prose looks in the browser: dates and record links quiet, glued numbers
unbolded.

A chapter in which nearly every date is a bright underlined link and every number bold reads as a
page of links (issue: what a reader sees). The check reads computed styles in Chromium."""

from __future__ import annotations

import pytest

CHAPTERS = ["chapters/us_russia_central_asia.html", "chapters/kazakhstan_uzbekistan.html"]
# pages whose notebook glues a number into a sentence, in both editions
GLUED = ["notebooks/network_memberships.html", "ja/notebooks/network_memberships.html"]
STYLES_JS = """() => {
  const out = [];
  for (const a of document.querySelectorAll('.bd-article p a.reference.internal[href*="#ev-"]')) {
    const s = getComputedStyle(a), p = getComputedStyle(a.closest('p'));
    out.push({kind: 'date link', text: a.textContent, color: s.color, prose: p.color,
              decoration: s.textDecorationStyle, weight: s.fontWeight, prose_weight: p.fontWeight});
  }
  for (const g of document.querySelectorAll('.bd-article p span.pasted-text')) {
    const s = getComputedStyle(g), p = getComputedStyle(g.closest('p'));
    out.push({kind: 'glued number', text: g.textContent, color: s.color, prose: p.color,
              decoration: 'none', weight: s.fontWeight, prose_weight: p.fontWeight});
  }
  return out;
}"""


def loud_prose(styles: list[dict]) -> list[str]:
    """Date links in a colour other than the prose's or with a solid underline; numbers heavier than
    the prose."""
    problems = []
    for s in styles:
        if s["kind"] == "date link" and (s["color"] != s["prose"] or s["decoration"] != "dotted"):
            problems.append(
                f"date link {s['text']!r}: colour {s['color']} (prose {s['prose']}), underline "
                f"{s['decoration']}"
            )
        if s["weight"] != s["prose_weight"]:
            problems.append(
                f"{s['kind']} {s['text']!r}: weight {s['weight']} (prose {s['prose_weight']})"
            )
    return problems


def test_the_check_fails_on_loud_links_and_bold_numbers():
    quiet = {
        "kind": "date link",
        "text": "May 1992",
        "color": "rgb(0, 0, 0)",
        "prose": "rgb(0, 0, 0)",
        "decoration": "dotted",
        "weight": "400",
        "prose_weight": "400",
    }
    assert loud_prose([quiet]) == []
    assert loud_prose([{**quiet, "color": "rgb(0, 113, 188)", "decoration": "solid"}])
    assert loud_prose([{**quiet, "kind": "glued number", "text": "111", "weight": "700"}])


@pytest.mark.book
@pytest.mark.parametrize("path", CHAPTERS)
def test_dates_and_numbers_read_as_prose(visit, path):
    styles = visit(path).page.evaluate(STYLES_JS)
    assert sum(s["kind"] == "date link" for s in styles) > 20 and any(
        s["kind"] == "glued number" for s in styles
    )
    assert loud_prose(styles) == []


@pytest.mark.book
@pytest.mark.parametrize("path", GLUED)
def test_glued_numbers_in_notebooks_read_as_prose(visit, path):
    styles = [s for s in visit(path).page.evaluate(STYLES_JS) if s["kind"] == "glued number"]
    assert styles, f"{path}: no glued number in a paragraph"
    assert loud_prose(styles) == []


# a sentence of each edition's PDF with a glued number in it, and the words just before the number
PRINTED_GLUE = {"en": "The drawn network changes on ", "ja": "描かれるネットワークは"}


@pytest.mark.book
@pytest.mark.parametrize("lang", sorted(PRINTED_GLUE))
def test_a_glued_number_prints_in_the_prose_weight(built_book, lang):
    """On paper too the number a notebook glues into a sentence is set like the words around it
    (myst-nb's stylesheet sets it bold)."""
    import pypdfium2 as pdfium

    from support.print_quotes import page_chars
    from support.project import EDITIONS

    doc = pdfium.PdfDocument(str(EDITIONS[lang].pdf))
    lead = PRINTED_GLUE[lang]
    for page in doc:
        chars = [(c, f) for c, f in page_chars(page) if c not in "\r\n"]
        text = "".join(c for c, _ in chars)
        at = text.find(lead)
        if at >= 0:
            before = chars[at + len(lead) - 1][1]
            number = chars[at + len(lead)][1]
            assert ("Bold" in number) == ("Bold" in before), (lang, before, number)
            return
    pytest.fail(f"{lead!r} is not in the {lang} PDF")
