"""The checkers of tests/support/japanese_edition_text.py on small synthetic Japanese pages: each
finds its fault on a broken page (the forms the edition printed before it was put right) and
passes the page put right."""

from __future__ import annotations

from support import japanese_edition_text as checks


def page(body: str) -> str:
    return f'<html lang="ja"><body><article class="bd-article">{body}</article></body></html>'


def test_a_parenthesis_inside_another_is_found_outside_quotations_and_code():
    broken = page("<p>データがコードした時期（カザフスタン、ウズベキスタン（1991年から））では</p>")
    assert len(checks.nested_parentheses(broken)) == 1
    right = page(
        "<p>時期（1991年からのカザフスタン・ウズベキスタン）では、注は「（（13））」と印刷され"
        "（<code>f(g(x))</code>）</p>"
    )
    assert checks.nested_parentheses(right) == []


def test_a_quantity_in_another_form_is_found_and_a_year_or_quotation_is_not():
    broken = page("<p>兵員1000人が移動し、12万9000ドルが送られた。</p>")
    assert [f.split(":")[0] for f in checks.quantities_in_another_form(broken)] == ["1000", "9000"]
    right = page("<p>2001年、兵員1,000人、12万9,000ドル、決議1511、「8160万ドル」。</p>")
    assert checks.quantities_in_another_form(right) == []


def test_a_semicolon_list_in_a_cell_is_found():
    broken = page("<table><tr><td>A、Bのどの2カ国の間も；CとD</td></tr></table>")
    assert checks.semicolon_cells(broken) == ["A、Bのどの2カ国の間も；CとD"]
    right = page("<table><tr><td>A・Bのどの2カ国の間も、CとD</td><td>「甲；乙」</td></tr></table>")
    assert checks.semicolon_cells(right) == []


def test_an_english_cell_is_found_and_a_name_id_or_code_is_not():
    broken = page("<table><tr><th>period code (data)</th><td>bandwagon</td></tr></table>")
    assert checks.english_cells(broken) == ["period code (data)", "bandwagon"]
    right = page(
        "<table><tr><th>時期のコード</th><td>KAZ</td><td>events.csv</td>"
        "<td><code>balance_of_power</code></td><td>Karimov</td><td>1,000</td></tr></table>"
    )
    assert checks.english_cells(right, names=frozenset({"Karimov"})) == []
