"""A locator given again in the same sentence reads "ibid." (同上), still linked to its record; a
new sentence, or another locator between, gives it in full (ca911.book.sphinx.repeated_locators)."""

from __future__ import annotations

from docutils import nodes

from ca911.book.records import LOCATOR_CLASS
from ca911.book.sphinx.repeated_locators import IBID_CLASS, repeated_locators_as_ibid

SAME = "ch4 §4.3 ¶4 n.23"


def fact_link(locator: str) -> nodes.reference:
    return nodes.reference("", "", nodes.literal(locator, locator, classes=[LOCATOR_CLASS]))


def paragraph(*parts) -> nodes.paragraph:
    node = nodes.paragraph()
    for part in parts:
        node += nodes.Text(part) if isinstance(part, str) else part
    return node


def shown(doctree) -> str:
    return doctree.astext()


def test_the_second_of_two_equal_locators_in_a_sentence_reads_ibid_and_keeps_its_link():
    doc = nodes.document(None, None)
    doc += paragraph(
        "groups rallied (", fact_link(SAME), ") and ulama came home (", fact_link(SAME), ")."
    )
    repeated_locators_as_ibid(doc, "en")
    assert shown(doc) == f"groups rallied ({SAME}) and ulama came home (ibid.)."
    second = list(doc.findall(nodes.reference))[1]
    assert second["reftitle"] == SAME and second.next_node(nodes.inline)["classes"] == [IBID_CLASS]
    ja = nodes.document(None, None)
    ja += paragraph("集会し（", fact_link(SAME), "）、帰国した（", fact_link(SAME), "）。")
    repeated_locators_as_ibid(ja, "ja")
    assert shown(ja) == f"集会し（{SAME}）、帰国した（同上）。"


def test_a_new_sentence_or_another_locator_between_gives_the_locator_in_full():
    doc = nodes.document(None, None)
    doc += paragraph("A (", fact_link(SAME), "). B (", fact_link(SAME), ").")
    doc += paragraph(
        "C (", fact_link(SAME), "), D (", fact_link("ch4 §1 ¶4"), "), E (", fact_link(SAME), ")."
    )
    repeated_locators_as_ibid(doc, "en")
    assert "ibid." not in shown(doc)
