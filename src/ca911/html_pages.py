"""What the HTML pages get after Sphinx and the theme have made them (html-page-context handlers): scripts listed
once, citation entries as list items, a full-size link under every content image, a figure's narrow layout for
phones (with the myst-nb renderer and post-transform that bring it there), break points in identifiers set in
table cells."""

from __future__ import annotations

import dataclasses
import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ca911.figures.style import NARROW_FILE_SUFFIX, NARROW_SVG_MIME


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


# ------------------------------------------------------------------------------ a figure's narrow layout
NARROW_CLASS = "ca911-narrow-figure"
# Where the HTML edition serves the narrow layout: below this the column is narrower than a wide figure is drawn
# (about 560 px), which would be scaled down with its text; the narrow one (at most 342 px) is drawn unscaled.
NARROW_MEDIA = "(max-width: 640px)"


class NarrowFigureRenderer:
    """myst-nb's mime renderer plugin (entry point `myst_nb.mime_renderers` in pyproject.toml) for the narrow
    layout a figure carries (style.narrow_svg_bundle): an image file like the wide one's, marked with
    NARROW_CLASS. No builder selects its mime type: `NarrowFigureBesideWide` puts it beside the wide image
    for the HTML edition, and print never sees it."""

    mime_priority_overrides = ()

    @staticmethod
    def handle_mime(renderer, data, inline: bool):
        if data.mime_type != NARROW_SVG_MIME:
            return None
        images = renderer.render_image(dataclasses.replace(data, mime_type="image/svg+xml"))
        for image in images:
            image["classes"].append(NARROW_CLASS)
        return images


class NarrowFigureBesideWide(SphinxPostTransform):
    """In the HTML edition, a figure's narrow image joins its wide image before myst-nb selects one mime type
    of the output (SelectMimeType, priority 4); `picture_for_narrow_screens` then makes the pair a <picture>."""

    default_priority = 3
    builders = ("html",)

    def run(self, **kwargs) -> None:
        for bundle in list(self.document.findall(nodes.container)):
            if bundle.get("nb_element") != "mime_bundle":
                continue
            by_type = {child.get("mime_type"): child for child in bundle.children}
            narrow, wide = by_type.get(NARROW_SVG_MIME), by_type.get("image/svg+xml")
            if narrow is None or wide is None:
                continue
            wide.insert(0, narrow.children)
            bundle.remove(narrow)


class NarrowFileBesideWide(SphinxTransform):
    """A figure shown from a file `x.svg` with its narrow layout beside it (`x.narrow.svg`, style.svg_files): the
    narrow image goes just before the wide one, marked NARROW_CLASS, as a notebook's does. Read-time, so Sphinx
    collects and copies the file; print drops it again (`NarrowImagesOnlyInHtml`)."""

    default_priority = 500

    def apply(self, **kwargs) -> None:
        from pathlib import Path

        for image in list(self.document.findall(nodes.image)):
            uri = image.get("uri", "")
            if not uri.endswith(".svg") or uri.endswith(NARROW_FILE_SUFFIX) or "://" in uri:
                continue
            _, path = self.env.relfn2path(uri, self.env.docname)
            if Path(path[: -len(".svg")] + NARROW_FILE_SUFFIX).is_file():
                narrow = nodes.image(uri=uri[: -len(".svg")] + NARROW_FILE_SUFFIX, alt=image.get("alt", ""), classes=[NARROW_CLASS])
                image.parent.insert(image.parent.index(image), narrow)


class NarrowImagesOnlyInHtml(SphinxPostTransform):
    """Every edition but the HTML one shows a figure in its one (wide) layout."""

    default_priority = 3

    def run(self, **kwargs) -> None:
        if self.app.builder.name == "html":
            return
        for image in list(self.document.findall(nodes.image)):
            if NARROW_CLASS in image.get("classes", []):
                image.parent.remove(image)


# A content image (a figure, a notebook's output) drawn at the column's width: on a phone its text is smaller
# than drawn, so a visible link opens the image itself at full size (an SVG zooms without loss). A figure with
# a narrow layout (its image marked NARROW_CLASS just before the wide one) becomes a <picture> that shows the
# narrow one on a narrow screen, the wide one's alt text for both.
CONTENT_IMAGE = re.compile(r'(<a\b[^>]*>\s*)?'
                           rf'(?:<img\b[^>]*?\bclass="[^"]*\b{NARROW_CLASS}\b[^"]*"[^>]*?\bsrc="([^"]*)"[^>]*>\s*)?'
                           r'(<img\b[^>]*?\bsrc="([^"]*_images/[^"]+)"[^>]*>)')
FULL_SIZE_LINK = '<a class="reference external ca911-full-size" href="{src}">Open the figure at full size</a>'
PICTURE = '<picture><source media="{media}" srcset="{narrow}" />{img}</picture>'
TABLE = re.compile(r"<table\b.*?</table>", re.S)
PRE_TEXT = re.compile(r'(<span class="pre">)([^<]*)(</span>)')
TEXT_RUN = re.compile(r"(?<=>)[^<>]+(?=<)")  # text between tags, never an attribute
ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])")
ID_SEPARATOR = re.compile(r"([/_:])(?=[^/_:\s])")


def full_size_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.name != "html" or not isinstance(context.get("body"), str):
        return

    def link(m: re.Match) -> str:  # an image inside a link already opens something: left as it is
        link_before, narrow_src, img, src = m.groups()
        if link_before:
            return m.group(0)
        if narrow_src:
            img = PICTURE.format(media=NARROW_MEDIA, narrow=narrow_src, img=img)
        return img + FULL_SIZE_LINK.format(src=src)

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
