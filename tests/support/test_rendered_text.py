"""The checkers of tests/support/rendered_text.py fail on small broken inputs and pass good ones."""

from __future__ import annotations

from support.numbering import caption_problems
from support.rendered_text import (
    leaked_markup,
    missing_markers,
    pdf_leaks,
    repeated_notes,
    spelling_variants,
    table_header_problems,
    visible_text,
)

# As the discrepancy register and the sentence map printed a record reference: escaped twice, so the
# escape of each underscore showed.
ESCAPED_REFERENCE = (
    "<p>Records: indicators:USA/troop\\_rotation\\_interval\\_months/2002-01 and \\*stars\\*</p>"
)


def test_escape_checker_finds_the_unread_escapes_of_a_record_reference():
    leaks = leaked_markup(visible_text(ESCAPED_REFERENCE))
    assert len(leaks) == 5 and all("\\" in leak for leak in leaks), leaks


def test_markup_checker_finds_roles_directives_options_and_labels():
    page = """<html><head><script>var x = "{glue:text}`a`";</script></head><body><article>
    <p>```{table} 表１ カザフスタン :name: tab-table1-ja :align: left</p>
    <p>See {numref}`tab-x` and {event}`ch3-2001-09-24-putin-tv-address`.</p>
    <p>(nb-table1-iraq-war)= A heading</p>
    <pre>```{code-cell} quoted on purpose</pre><code>{ref}`x` \\_ in code is quoted on purpose</code>
    </article></body></html>"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
    leaks = leaked_markup(visible_text(page))
    joined = " ".join(leaks)
    for expected in (
        "```",
        "{table}",
        ":name:",
        ":align:",
        "{numref}`",
        "{event}`",
        "(nb-table1-iraq-war)=",
    ):
        assert expected in joined, (expected, leaks)
    assert "code-cell" not in joined and "glue" not in joined and "{ref}" not in joined, leaks


def test_markup_checker_passes_ordinary_text():
    page = (
        "<p>Dates like 24 September 2001; the role of {x} in set notation is text; a ratio 3:2, a "
        "path a/b_c, "
        "“quotes” (ch4 §4.1 ¶2) and C:\\Users is not punctuation after a backslash.</p>"
    )
    assert leaked_markup(visible_text(page)) == []


def test_pdf_leaks_name_the_page():
    assert pdf_leaks(["clean page", "troop\\_rotation"]) == ["p. 2: 'troop\\\\_rotation'"]


def test_header_checker_finds_internal_codes_and_twin_columns():
    page = """<table><caption>Table 8.1 Memberships.</caption><thead><tr><th>organisation</th><th>start</th>
    <th>end</th><th>end</th><th>member_id</th><th><code>value_code</code></th></tr></thead>
    <tbody><tr><td>CSTO</td><td>1992</td><td>1999</td><td>2004</td><td>KAZ</td><td>x</td></tr></tbody></table>"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
    problems = table_header_problems(page)
    assert any("'member_id'" in p for p in problems) and any(
        "'value_code'" in p for p in problems
    ), problems
    assert any("2 columns headed 'end'" in p for p in problems), problems
    assert len(problems) == 3, problems


def test_header_checker_finds_a_column_headed_only_all():
    """As Table 15.1 headed the count of records in tables not split by chapter."""
    page = """<table><thead><tr><th>table</th><th>all</th><th>chapter 3</th><th>chapter 4</th></tr></thead>
    <tbody><tr><td>event_actors</td><td>537</td><td>0</td><td>0</td></tr></tbody></table>"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
    assert table_header_problems(page) == [
        "header 'all' does not say what it counts in table 'table all chapter 3 chapter 4 "
        "event_actors 537 0 0'"
    ]
    assert (
        table_header_problems(page.replace("<th>all</th>", "<th>both chapters, not split</th>"))
        == []
    )


def test_header_checker_passes_a_readable_table():
    page = """<table><thead><tr><th></th><th>Kazakhstan</th><th>Uzbekistan</th></tr></thead>
    <tbody><tr><td>stance</td><td>value_code in a body cell is data</td><td>b</td></tr></tbody></table>
    <table><tr><th>first year</th><th>last year</th><th>rows filled</th><th>file data/a_b.csv</th></tr></table>"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
    assert table_header_problems(page) == []


def test_a_note_under_each_of_three_tables_is_found_and_list_items_alike_are_not():
    note = "<p>– = the chapters name no facility or give no number.</p>"
    table = "<table><tr><td>–</td></tr></table>"
    page = (
        f"<article>{table}{note}{table}{note}{table}{note}<ul><li><p>Reading adopted: as "
        "printed</p></li>"
        "<li><p>Reading adopted: as printed</p></li></ul></article>"
    )
    assert repeated_notes(page) == [
        "3 times: '– = the chapters name no facility or give no number.'"
    ]
    assert (
        repeated_notes(
            "<article><p>In the three tables, – means no "
            f"number.</p>{table}{table}{table}</article>"
        )
        == []
    )


def test_spelling_checker_finds_the_variant_and_keeps_a_bodys_own_name():
    assert len(spelling_variants("states and organizations; the organisation of the CIS")) == 1
    assert (
        spelling_variants("the Shanghai Cooperation Organization, an organisation of six states")
        == []
    )


BROKEN = """<html><head><script>var x = "{glue:text}`a`";</script></head><body><main><article>
<p>```{table} 表１ カザフスタン :name: tab-table1-ja</p>
<pre>```{code-cell}</pre>
<table><thead><tr><th>rank</th><th>name</th></tr></thead><tbody><tr><td>1</td><td>&lt;NA&gt;</td></tr></tbody></table>
<table><caption><span class="caption-number">Table 4.1 </span><span class="caption-text">Fine.</span></caption>
<tr><td>nan</td></tr></table>
<figure><img src="x.svg" alt="x"><figcaption><p>No number here</p></figcaption></figure>
</article></main></body></html>"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)


GOOD = """<html><body><main><article><p>Dates like 24 September 2001; the role of {x} in set notation is text.</p>
<pre>```{table} quoted in a code block is fine</pre>
<table><caption><span class="caption-number">Table 5.2 </span><span class="caption-text">Responses.</span></caption>
<tr><td>–</td><td>KAZ</td></tr></table>
<figure><img src="x.svg" alt="x"><figcaption><p><span class="caption-number">Fig. 3.1 </span>A timeline.</p></figcaption></figure>
</article></main></body></html>"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)


def test_checkers_fail_on_a_broken_page_and_pass_a_good_one():
    leaks = leaked_markup(visible_text(BROKEN))
    assert any("{table}" in s for s in leaks) and any(":name:" in s for s in leaks), leaks
    assert not any("code-cell" in s for s in leaks), "code blocks are not visible text to check"
    assert not any("glue" in s for s in leaks), "scripts are not visible text"
    assert len(caption_problems(BROKEN, "chapter")) == 2, caption_problems(
        BROKEN, "chapter"
    )  # bare table, unnumbered figure
    assert len(missing_markers(BROKEN)) == 2, missing_markers(BROKEN)
    assert (
        leaked_markup(visible_text(GOOD)) == []
        and caption_problems(GOOD, "chapter") == []
        and missing_markers(GOOD) == []
    )


def test_markup_check_fails_on_the_old_table1_output():
    """A broken fence: a backtick fence whose info string holds backticks."""
    old = (
        "<article><p>```{table} 表１ カザフスタン — Table 1 of chapter 4 as printed "
        "(cells quoted from "
        "<code>iraq_war_responses.csv</code>) :name: tab-table1-ja :align: left</p></article>"
    )
    assert leaked_markup(visible_text(old))
