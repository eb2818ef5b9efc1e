"""The checkers of tests/support/reference_styles.py fail on small pages broken the way the book
was, and pass the same pages mended."""

from __future__ import annotations

import pytest

from support.reference_styles import (
    locators_repeated_in_a_sentence,
    reference_style_problems,
    self_links_in_tables,
)

CODE = (
    '<code class="docutils literal notranslate{cls}"><span class="pre">{a}</span> <span '
    'class="pre">{b}</span></code>'
)


def locator(text: str, cls: str = " ca911-locator") -> str:
    first, rest = text.split(" ", 1)
    return CODE.format(cls=cls, a=first, b=rest)


# As a chapter page printed one sentence: one locator as plain code, the next as a link in the body
# face.
TWO_LOCATOR_STYLES = (
    f"<p>Commentators read the swing as a drift ({locator('ch4 §1 ¶3', '')}), and in Russia it was "
    '<a class="reference internal" href="#fact-x"><span class="std std-ref">ch4 §1 ¶3 '
    "n.3</span></a>.</p>"
)
ONE_LOCATOR_STYLE = (
    f"<p>Commentators read the swing as a drift ({locator('ch4 §1 ¶3')}), and in Russia it was "
    f'<a class="reference internal" href="#fact-x">{locator("ch4 §1 ¶3 n.3")}</a>.</p>'
)
# As the sentence map printed the records of one sentence: a link with the bare key, plain text, a
# date span.
THREE_RECORD_STYLES = (
    '<td><p><a class="reference internal" href="chronology.html#ev-ch3-1992-05-cst"><span '
    'class="std std-ref">'
    'ch3-1992-05-cst</span></a> memberships:RUS/CST/<span class="ca911-nowrap">1992-05</span> '
    "deployments:rus-tjk-1999-04</p></td>"
)
ONE_RECORD_STYLE = (
    '<td><p><a class="reference internal" href="chronology.html#ev-ch3-1992-05-cst">'
    '<code class="docutils literal ca911-record"><span '
    'class="pre">events:ch3-1992-05-cst</span></code></a> '
    '<code class="docutils literal ca911-record"><span '
    'class="pre">memberships:RUS/CST/1992-05</span></code> '
    '<code class="docutils literal ca911-record"><span '
    'class="pre">deployments:rus-tjk-1999-04</span></code></p></td>'
)


def test_a_locator_as_plain_code_and_one_as_link_text_are_both_caught():
    problems = reference_style_problems(TWO_LOCATOR_STYLES)
    assert len(problems) == 2 and all("locator" in p for p in problems), problems
    assert reference_style_problems(ONE_LOCATOR_STYLE) == []


def test_a_locator_given_twice_in_a_sentence_is_caught_and_ibid_or_a_new_sentence_is_not():
    loc = (
        '<a href="#f"><code class="docutils literal notranslate ca911-locator">'
        '<span class="pre">ch4</span> <span class="pre">§4.3</span></code></a>'
    )
    twice = f"<p>Groups rallied ({loc}) and ulama came home ({loc}).</p>"
    assert len(locators_repeated_in_a_sentence(twice)) == 1
    ibid = f'<p>Groups rallied ({loc}) and ulama came home (<a href="#g">ibid.</a>).</p>'
    apart = f"<p>Groups rallied ({loc}). Ulama came home ({loc}).</p>"
    ja = f"<p>集会した（{loc}）。帰国した（{loc}）。</p>"
    assert [locators_repeated_in_a_sentence(p) for p in (ibid, apart, ja)] == [[], [], []]


def test_record_references_in_three_styles_are_caught():
    problems = reference_style_problems(THREE_RECORD_STYLES)
    # the bare key of the linked event is no reference of its own form; the other two are plain text
    assert sum("record reference" in p for p in problems) == 2, problems
    assert reference_style_problems(ONE_RECORD_STYLE) == []


def test_the_locator_element_must_hold_one_whole_locator():
    wrong = (
        '<p><code class="docutils literal ca911-locator"><span class="pre">see ch4 §1 '
        "¶3</span></code></p>"
    )
    assert any("not one locator" in p for p in reference_style_problems(wrong))


def test_code_blocks_and_scripts_are_not_references():
    page = (
        "<pre>ch4 §1 ¶3 events:ch3-x</pre><script>var r = 'facts:ch3-fact-y';</script><p>§4.1 of "
        "the report</p>"
    )
    assert reference_style_problems(page) == []


PAGE = """<section id="kazakhstan"><span id="actor-kaz"></span><h1>Kazakhstan</h1><table><tr>
<td><a class="reference internal" href="{member}"><span class="std std-ref">Kazakhstan</span></a></td>
<td><a class="reference internal" href="CIS.html#actor-cis"><span class="std std-ref">CIS</span></a></td>
<td><a class="reference internal" href="#tab-x">Table 2</a></td></tr></table></section>"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)


def test_a_table_cell_linking_to_its_own_page_is_caught():
    for own in ("#actor-kaz", "KAZ.html", "KAZ.html#kazakhstan", "#kazakhstan"):
        found = self_links_in_tables(PAGE.format(member=own), "_generated/actors/KAZ.html")
        assert len(found) == 1 and "'Kazakhstan'" in found[0], (own, found)
    assert (
        self_links_in_tables(PAGE.format(member="UZB.html#actor-uzb"), "_generated/actors/KAZ.html")
        == []
    )


def chars(text: str, face: str) -> list[tuple[str, str]]:
    return [(c, face) for c in text]


def test_a_locator_printed_in_the_code_face_or_in_two_faces_is_caught():
    from support.reference_styles import pdf_locator_problems

    body, code = "Fira-Sans", "DejaVu-Sans-Mono"
    one_style = chars("as Yuasa writes (", body) + chars("ch4 §1 ¶3", body) + chars("), and ", body)
    code_face = chars("as Yuasa writes (", body) + chars("ch4 §1 ¶3", code) + chars(")", body)
    two_faces = chars("see ", body) + chars("ch4 §1", body) + chars(" ¶3 n.3", "Fira-Sans-Bold")
    assert pdf_locator_problems([one_style]) == []
    assert pdf_locator_problems([one_style, code_face, two_faces]) == [
        "p. 2: 'ch4 §1 ¶3' in ['DejaVu-Sans-Mono']",
        "p. 3: 'ch4 §1 ¶3 n.3' in ['Fira-Sans', 'Fira-Sans-Bold']",
    ]


@pytest.mark.book
def test_a_linked_locator_drawn_in_the_link_colour_and_bold_is_a_second_style(browser):
    from support.reference_styles import COMPUTED_STYLES_JS, drawn_styles

    page = browser.new_page()
    try:
        body = ONE_LOCATOR_STYLE + ONE_RECORD_STYLE.replace("<td>", "<table><tr><td>").replace(
            "</td>", "</td></tr></table>"
        )
        css = "code { font-family: monospace; color: #555; font-weight: 400; font-size: 0.85em; }"
        page.set_content(f"<style>{css}</style>{body}")
        assert drawn_styles(page.evaluate(COMPUTED_STYLES_JS)) == []
        page.set_content(
            f"<style>{css} a code {{ color: #0000ee; font-weight: 700; }}</style>{body}"
        )
        found = drawn_styles(page.evaluate(COMPUTED_STYLES_JS))
        assert [f.split(" drawn")[0] for f in found] == ["locator", "record reference"], found
    finally:
        page.close()
