"""What the HTML pages get after Sphinx and the theme have made them (html-page-context handlers): scripts listed
once, citation entries as list items, a full-size link under every content image, break points in identifiers
set in table cells."""

from __future__ import annotations

import re

from sphinx.application import Sphinx


def dedupe_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Sphinx 7.4 lists an inline script added after Builder.init() twice (once as filename None, once
    as ''), so sphinx-thebe's `const THEBE_JS_URL = …` ran twice: "Identifier 'THEBE_JS_URL' has already
    been declared" on every page. Keep the first of each (name, priority, attributes)."""
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    seen, unique = set(), []
    for js in scripts:
        key = (getattr(js, "filename", js) or "", getattr(js, "priority", 0),
               tuple(sorted(getattr(js, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(js)
    scripts[:] = unique


def aria_citations(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Docutils 0.21 writes the bibliography as <div role="list"> of role="doc-biblioentry" items; that
    role is deprecated (DPUB-ARIA 1.1), so a list of them has no list items: axe-core's critical
    aria-required-children. The entries are list items."""
    body = context.get("body")
    if isinstance(body, str) and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


# A content image (a figure, a notebook's output) drawn at the column's width: on a phone its text is smaller
# than drawn, so a visible link opens the image itself at full size (an SVG zooms without loss).
CONTENT_IMAGE = re.compile(r'(<a\b[^>]*>\s*)?(<img\b[^>]*?\bsrc="([^"]*_images/[^"]+)"[^>]*>)')
FULL_SIZE_LINK = '<a class="reference external ca911-full-size" href="{src}">Open the figure at full size</a>'
TABLE = re.compile(r"<table\b.*?</table>", re.S)
PRE_TEXT = re.compile(r'(<span class="pre">)([^<]*)(</span>)')
TEXT_RUN = re.compile(r"(?<=>)[^<>]+(?=<)")  # text between tags, never an attribute
ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])")
ID_SEPARATOR = re.compile(r"([/_:])(?=[^/_:\s])")


def full_size_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.name != "html" or not isinstance(context.get("body"), str):
        return

    def link(m: re.Match) -> str:  # an image inside a link already opens something: left as it is
        return m.group(0) if m.group(1) else m.group(2) + FULL_SIZE_LINK.format(src=m.group(3))

    context["body"] = CONTENT_IMAGE.sub(link, context["body"])


def break_points_in_table_code(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """An identifier in a table cell (`indicators:USA/troop_rotation_interval_months/2002-01`) may wrap after
    / _ : instead of widening its column past the screen; a word of prose never breaks (see TABLE_SCREEN_CSS)."""
    if app.builder.name != "html" or not isinstance(context.get("body"), str):
        return

    def in_code(m: re.Match) -> str:
        return m.group(1) + ID_SEPARATOR.sub(r"\1<wbr>", m.group(2)) + m.group(3)

    def in_table(t: re.Match) -> str:  # a date written 2001-09-30 is one word: it never breaks at its hyphens
        table = PRE_TEXT.sub(in_code, t.group(0))
        return TEXT_RUN.sub(lambda r: ISO_DATE.sub(r'<span class="ca911-nowrap">\g<0></span>', r.group(0)), table)

    context["body"] = TABLE.sub(in_table, context["body"])
