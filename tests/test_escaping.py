"""Data text in MyST: `myst_text` (literal text), `myst_code` (a code span) and the links the
generated pages write (`ref_link`, `record_link`), each checked on its MyST and on a page Sphinx
builds from it (tests/roots/test-escaping): the page shows the text as written, and no element,
role, link or emphasis is made from it."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ca911.book.actor_records import page_label, ref_link
from ca911.book.appendices import record_link
from ca911.book.myst import Markup, markdown_cell, myst_code, myst_text

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>window.x=1</script>",
    "[link](javascript:alert(1))",
    "*stars*",
    "_under_",
    "{ref}`x`",
    "$x^2$",
    "a|b",
    "**bold**",
    "`tick`",
    "``two``",
    "&amp; &lt;",
    "line\nbreak",
    "# heading",
    "- item",
    "1. item",
    "> quote",
    ":::{note}\nx\n:::",
    "\\",
    "~~strike~~",
    "<!-- c -->",
    "{{ subst }}",
    "(label)=",
    "[^1]",
    "https://example.org",
    "Term\n: definition",
]


def visible(text: str) -> str:
    """Text as a reader sees it: whitespace runs as one space."""
    return " ".join(text.split())


def build_page(make_app, tmp_path: Path, body: str) -> str:
    srcdir = tmp_path / "escaping"
    shutil.copytree(ROOTS / "test-escaping", srcdir)
    (srcdir / "index.md").write_text(f"# Escaping\n\n{body}\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir, warningiserror=True)
    app.build()
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    return page[page.index("<h1>") : page.index('<div class="sphinxsidebar"')]


def test_myst_text_escapes_every_markup_character():
    assert (
        myst_text("*a* <b> & [c](d) `e` {f} $g$ | h")
        == r"\*a\* &lt;b&gt; &amp; \[c\]\(d\) \`e\` \{f\} \$g\$ \| h"
    )
    assert myst_text("one\ntwo\r\nthree\u2028four") == "one two three four"
    assert myst_text("日本語 café") == "日本語 café"


def test_myst_code_fences_longer_than_any_backtick_run():
    assert myst_code("ch3:x") == "`ch3:x`"
    assert myst_code("a`b") == "``a`b``"
    assert myst_code("`start") == "`` `start ``"
    assert isinstance(myst_code("x"), Markup)


def test_markdown_cell_escapes_data_and_keeps_our_markup_in_one_cell():
    assert markdown_cell("a|b") == r"a\|b"
    assert markdown_cell(Markup("{ref}`a|b <x>`")) == r"{ref}`a\|b <x>`"
    assert markdown_cell(None) == markdown_cell("nan") == markdown_cell("") == "–"


def test_links_to_records_and_actors():
    # a record reference is the {record} role (linked to its entry where it has one); other text
    # is escaped
    assert record_link("events:ch3-2001-09-16-x") == "{record}`events:ch3-2001-09-16-x`"
    assert record_link("facts:ch4-fact-y") == "{record}`facts:ch4-fact-y`"
    assert record_link("aid:USA/KGZ/2002") == "{record}`aid:USA/KGZ/2002`"
    assert record_link("not a *reference*") == markdown_cell("not a *reference*")
    assert ref_link("KAZ", "Kazakhstan", {"KAZ"}) == f"{{ref}}`Kazakhstan <{page_label('KAZ')}>`"
    assert ref_link("KAZ", "Kazakhstan", set()) == "Kazakhstan"
    unsafe = ref_link("KAZ", "<b>Kazakhstan</b>", {"KAZ"})
    assert unsafe.startswith(myst_text("<b>Kazakhstan</b>")) and unsafe.endswith(
        f"({{ref}}`page <{page_label('KAZ')}>`)"
    )


def test_hostile_text_built_by_sphinx_is_shown_literally(make_app, tmp_path):
    """Each hostile string as a paragraph, as a code span and as an actor link's words: Sphinx's
    page shows each as written and makes no element from it."""
    paragraphs = [f"P{n}: {myst_text(text)}" for n, text in enumerate(HOSTILE)]
    codes = [f"C{n}: {myst_code(text)}" for n, text in enumerate(HOSTILE)]
    links = [f"L{n}: {ref_link('KAZ', text, {'KAZ'})}" for n, text in enumerate(HOSTILE)]
    body = "\n\n".join([*paragraphs, *codes, *links, f"({page_label('KAZ')})=\n## Kazakhstan"])
    page = build_page(make_app, tmp_path, body)
    made = re.findall(
        r"<(img|script|em|strong|blockquote|ul|ol|dl|hr|del|s|h[2-6]|a(?= [^>]*href=\"(?!#)))\b",
        page,
    )
    assert made == ["h2"], made  # the one heading is the page's own, the actor's section
    text = visible(html.unescape(re.sub(r"<[^>]+>", "", page)))
    for prefix in ("P", "C", "L"):
        for n, hostile in enumerate(HOSTILE):
            assert f"{prefix}{n}: {visible(hostile)}" in text, (prefix, hostile)
    assert page.count('<a class="reference internal" href="#') == len(HOSTILE), (
        "every actor link still links the page"
    )


@given(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)
)
@settings(max_examples=200, deadline=None)
def test_myst_text_leaves_no_unescaped_punctuation(value):
    escaped = myst_text(value)
    plain = re.sub(r"&(amp|lt|gt);|\\.", "", escaped)
    assert not re.search(r"[!-/:-@\[-`{-~]", plain), escaped
