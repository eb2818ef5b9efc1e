"""A figure's narrow layout for phones: myst-nb's renderer for the narrow drawing a notebook's
output carries, the transforms that put it beside the wide image in the HTML edition (and drop it
from every other edition); `html.full_size_links` then makes each pair a <picture>."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ca911 import __version__
from ca911.figures.style import NARROW_FILE_SUFFIX, NARROW_SVG_MIME

NARROW_CLASS = "ca911-narrow-figure"
# Where the HTML edition serves the narrow layout: below this the column is narrower than a wide
# figure is drawn (about 560 px), which would be scaled down with its text; the narrow one (at most
# 342 px) is drawn unscaled.
NARROW_MEDIA = "(max-width: 640px)"


class NarrowFigureRenderer:
    """myst-nb's mime renderer plugin (entry point `myst_nb.mime_renderers` in pyproject.toml) for
    the narrow layout a figure carries (style.narrow_svg_bundle): an image file like the wide one's,
    marked with NARROW_CLASS. No builder selects its mime type: `NarrowFigureBesideWide` puts it
    beside the wide image for the HTML edition, and print never sees it."""

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
    """In the HTML edition, a figure's narrow image joins its wide image before myst-nb selects one
    mime type of the output (SelectMimeType, priority 4); `picture_for_narrow_screens` then makes
    the pair a <picture>."""

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
    """A figure shown from a file `x.svg` with its narrow layout beside it (`x.narrow.svg`,
    style.svg_files): the narrow image goes just before the wide one, marked NARROW_CLASS, as a
    notebook's does. Read-time, so Sphinx collects and copies the file; print drops it again
    (`NarrowImagesOnlyInHtml`)."""

    default_priority = 500

    def apply(self, **kwargs) -> None:
        for image in list(self.document.findall(nodes.image)):
            uri = image.get("uri", "")
            if not uri.endswith(".svg") or uri.endswith(NARROW_FILE_SUFFIX) or "://" in uri:
                continue
            _, path = self.env.relfn2path(uri, self.env.docname)
            if Path(path[: -len(".svg")] + NARROW_FILE_SUFFIX).is_file():
                narrow = nodes.image(
                    uri=uri[: -len(".svg")] + NARROW_FILE_SUFFIX,
                    alt=image.get("alt", ""),
                    classes=[NARROW_CLASS],
                )
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


def setup(app: Sphinx) -> dict:
    app.add_post_transform(NarrowFigureBesideWide)
    app.add_transform(NarrowFileBesideWide)
    app.add_post_transform(NarrowImagesOnlyInHtml)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
