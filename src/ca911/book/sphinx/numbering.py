"""Figure and table numbers as a printed book has them: chapters' figures by chapter ("Table 6.1"),
the appendices' by letter ("Table A.1", "Fig. B.2") under appendix titles that carry the letter ("B.
Sentence map"), the front matter's and the actor pages' not at all.

Sphinx numbers every captioned figure and table; those of a document outside a numbered part fall
into one unprefixed sequence shared by the front matter and the appendices ("Table 1" in the list of
sources beside chapter 4's Table 1, "Table 83" on an actor page). After Sphinx assigns its numbers
(`env-get-updated`), this extension gives each document of the appendix part (the unnumbered part
captioned `ca911_appendix_caption`) its letter in reading order, numbers its figures and tables from
1 under that letter, and takes the numbers away from the landing page and the other unnumbered parts
(the front matter), and from the pages an appendix includes (the actor pages, each a page of its
own). Both editions read the same numbers, so print and HTML agree.
"""

from __future__ import annotations

import string

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ca911 import __version__
from ca911.book.editions import APPENDIX_CAPTION


def unnumbered_parts(env: BuildEnvironment) -> list[tuple[str, list[str]]]:
    """(caption, documents) of each part of the root document's table of contents that is not
    numbered."""
    root = env.get_doctree(env.config.root_doc)
    return [
        (toctree.get("caption") or "", [doc for _title, doc in toctree["entries"]])
        for toctree in root.findall(addnodes.toctree)
        if not toctree.get("numbered")
    ]


def included_documents(env: BuildEnvironment, docname: str) -> list[str]:
    """Every document below `docname` in the table of contents (its toctree entries, theirs, …)."""
    found, todo = [], list(env.toctree_includes.get(docname, []))
    while todo:
        doc = todo.pop(0)
        if doc not in found:
            found.append(doc)
            todo += env.toctree_includes.get(doc, [])
    return found


def appendix_letters(docnames: list[str]) -> dict[str, str]:
    """The appendices in reading order → A, B, C, … (AA, AB, … past Z)."""
    letters = list(string.ascii_uppercase)
    letters += [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase]
    return dict(zip(docnames, letters))


def renumbered(fignumbers: dict[str, dict[str, tuple]], letter: str) -> dict[str, dict[str, tuple]]:
    """A document's figure numbers ({figtype: {id: number}}, in document order by Sphinx's sequence)
    as (letter, 1), (letter, 2), … per figure type."""
    return {
        figtype: {
            figure_id: (letter, n)
            for n, (figure_id, _old) in enumerate(
                sorted(numbers.items(), key=lambda item: item[1]), 1
            )
        }
        for figtype, numbers in fignumbers.items()
    }


def letter_appendix(env: BuildEnvironment, docname: str, letter: str) -> None:
    """The appendix's title numbered with its letter ("B. Sentence map …") in the page, the contents
    and the navigation; its own sections stay unnumbered (an empty number, so they do not fall back
    on the title's)."""

    secnumbers: dict[str, tuple] = {}
    for number, paragraph in enumerate(env.tocs[docname].findall(addnodes.compact_paragraph)):
        reference = paragraph[0]
        secnumbers[reference["anchorname"]] = (letter,) if number == 0 else ()
        if number == 0:
            reference["secnumber"] = [letter]
    if docname in env.titles:
        env.titles[docname]["secnumber"] = [letter]
    env.toc_secnumbers[docname] = secnumbers
    env.ca911_lettered = {*getattr(env, "ca911_lettered", set()), docname}


def _forget_letters(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Before Sphinx numbers again: the letters set in the last build taken off the titles and
    contents entries that were not read again, which Sphinx (and sphinx-external-toc's numbering
    styles) would otherwise take for numbers of its own."""
    for docname in getattr(env, "ca911_lettered", set()):
        if docname in env.titles:
            env.titles[docname].attributes.pop("secnumber", None)
        if docname in env.tocs:
            for reference in env.tocs[docname].findall(nodes.reference):
                reference.attributes.pop("secnumber", None)
    env.ca911_lettered = set()
    return []


def _renumber(app: Sphinx, env: BuildEnvironment) -> list[str]:
    if not env.config.numfig or env.config.root_doc not in env.all_docs:
        return []
    before = getattr(env, "ca911_numbers", {})
    appendix_caption = app.config.ca911_appendix_caption
    for caption, docs in unnumbered_parts(env):
        if caption == appendix_caption:
            for doc, letter in appendix_letters(docs).items():
                if doc in env.tocs:
                    letter_appendix(env, doc, letter)
                if doc in env.toc_fignumbers:
                    env.toc_fignumbers[doc] = renumbered(env.toc_fignumbers[doc], letter)
                for page in included_documents(
                    env, doc
                ):  # a page of its own: numbers would run on across pages
                    env.toc_fignumbers.pop(page, None)
        else:
            for doc in docs:
                for page in [doc, *included_documents(env, doc)]:
                    env.toc_fignumbers.pop(page, None)
    env.toc_fignumbers.pop(env.config.root_doc, None)  # the landing page opens the front matter
    numbers = {
        doc: (env.toc_fignumbers.get(doc), env.toc_secnumbers.get(doc)) for doc in env.all_docs
    }
    env.ca911_numbers = numbers
    return [doc for doc in numbers if before.get(doc) != numbers[doc]]


def setup(app: Sphinx) -> dict:
    app.add_config_value("ca911_appendix_caption", APPENDIX_CAPTION, "env")
    app.connect(
        "env-get-updated", _forget_letters, priority=400
    )  # before Sphinx's own numbering (500)
    app.connect("env-get-updated", _renumber, priority=900)  # after it
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        "env_version": 1,
    }
