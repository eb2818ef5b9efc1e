"""A locator given again in the same sentence reads "ibid." (同上): two facts of one paragraph of
a chapter, each cited where the sentence states it, would otherwise print the same locator twice,
which reads as machine-made ("rallied (ch4 §4.3 ¶4 n.23) and came home (ch4 §4.3 ¶4 n.23)").
The second stays a link to its own record; its title gives the locator in full."""

from __future__ import annotations

import re

from docutils import nodes

from ca911.book.records import LOCATOR_CLASS

IBID = {"en": "ibid.", "ja": "同上"}
IBID_CLASS = "ca911-ibid"

# Where a sentence ends in running text: a stop followed by a space or the end of the text, or a
# Japanese full stop. An abbreviation ("p. 5") ends none in fact; taking it for an end only leaves
# a repeated locator as it is.
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|。")


def _is_locator(node) -> bool:
    return isinstance(node, nodes.literal) and LOCATOR_CLASS in node.get("classes", [])


def repeated_locators_as_ibid(doctree, lang: str) -> None:
    """In each paragraph, a locator equal to the one before it in the same sentence becomes
    `IBID[lang]`."""
    for paragraph in doctree.findall(nodes.paragraph):
        previous = None
        for node in list(paragraph.findall(lambda n: isinstance(n, nodes.Text) or _is_locator(n))):
            if _is_locator(node):
                text = node.astext()
                if text == previous:
                    ibid = nodes.inline("", IBID[lang], classes=[IBID_CLASS])
                    if isinstance(node.parent, nodes.reference):
                        node.parent["reftitle"] = text
                    node.parent.replace(node, ibid)  # replace_self would copy its classes
                previous = text
            elif not _is_locator(node.parent) and SENTENCE_END.search(str(node)):
                previous = None
