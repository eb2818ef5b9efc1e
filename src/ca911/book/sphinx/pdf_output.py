"""The print edition's PDFs, two files from one layout: the book, tagged for assistive technology
(WeasyPrint's PDF/UA-1 variant: structure tree, document language, title and metadata in XMP), and
its archival copy (PDF/A-3u), which carries the data package and CITATION.cff as attachments, so a
copy of that one file is a complete citation of what it shows.

sphinx-simplepdf lays out `index.html` and writes one PDF through `weasyprint.HTML(path).write_pdf`
with WeasyPrint's defaults, and has no setting for WeasyPrint's options. For the print builder this
module hands simplepdf a WeasyPrint `HTML` whose `write_pdf` renders the book once and writes both
files from that one rendering: the layout, the slow part, is not done twice.

Why PDF/A-3u for the archive: PDF/A-3 is the part that allows attachments of any type (PDF/A-2
takes only PDF/A files), and level "u" promises what the build can check, that every glyph maps to
Unicode (text can be searched and copied). The archival copy is tagged as the book is, but it claims
no level "a": that conformance covers the whole logical structure, which no validator here confirms.

Why the relationships: ISO 32000-2 (7.11.3) calls `Data` the information a visual presentation is
derived from, as for a table or a graph: the CSVs and the descriptor they are read through. The
citation file is `Supplement`, "a supplemental representation of the original source or data that
may be more easily consumable": it says in machine-readable form what the imprint and the
how-to-cite page print. It is neither what the pages were made from (`Source`) nor the book's
content (`Data`).
"""

from __future__ import annotations

import json
import logging
import re
import time
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from xml.etree.ElementTree import SubElement, fromstring, register_namespace, tostring

import weasyprint
import yaml
from sphinx.application import Sphinx
from sphinx.util import logging as sphinx_logging
from weasyprint.logger import LOGGER as WEASYPRINT_LOGGER
from weasyprint.pdf.metadata import NS, DocumentMetadata

from ca911 import __version__
from ca911.book.editions import archival_pdf_name
from ca911.book.sphinx.print_floats import defer_floats
from ca911.data.output_date import output_datetime

ACCESSIBLE_VARIANT = "pdf/ua-1"
ARCHIVAL_VARIANT = "pdf/a-3u"
DATA_RELATIONSHIP = "Data"
CITATION_RELATIONSHIP = "Supplement"
CITATION_FILE = "CITATION.cff"
DESCRIPTOR_FILE = "datapackage.json"
PRINT_BUILDER = "simplepdf"
# Layouts that may move floats after the text that follows them: a chapter's first move shifts its
# later pages, so each layout moves one float per chapter (and a table moved before a float can run
# onto the next page and leave the float no room under it, which the next layout sees).
FLOAT_PASSES = 3

XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/"
register_namespace("xmpRights", XMP_RIGHTS)

logger = sphinx_logging.getLogger(__name__)


def data_package_files(data_dir: Path) -> list[tuple[str, Path, str]]:
    """(name in the PDF, file, description) for the descriptor and every resource it lists, in the
    descriptor's order; the names are the paths relative to the package, so the attachments saved
    into one folder are the package again."""
    descriptor = json.loads((data_dir / DESCRIPTOR_FILE).read_text(encoding="utf-8"))
    files = [(DESCRIPTOR_FILE, data_dir / DESCRIPTOR_FILE, "Frictionless data package descriptor")]
    for resource in descriptor["resources"]:
        files.append(
            (
                resource["path"],
                data_dir / resource["path"],
                resource.get("title") or resource["name"],
            )
        )
    return files


def book_attachments(
    data_dir: Path, citation_file: Path, when: datetime
) -> list[weasyprint.Attachment]:
    """The archival copy's attachments, dated `when` (not the files' times on this disk), so the
    same data gives the same bytes."""
    attachments = [
        weasyprint.Attachment(
            filename=str(path),
            name=name,
            description=description,
            created=when,
            modified=when,
            relationship=DATA_RELATIONSHIP,
        )
        for name, path, description in data_package_files(data_dir)
    ]
    attachments.append(
        weasyprint.Attachment(
            filename=str(citation_file),
            name=CITATION_FILE,
            description="How to cite this volume (Citation File Format)",
            created=when,
            modified=when,
            relationship=CITATION_RELATIONSHIP,
        )
    )
    return attachments


def _cff_author(author: dict) -> str:
    if author.get("name"):
        return str(author["name"])
    return " ".join(str(author[key]) for key in ("given-names", "family-names") if author.get(key))


class BookMetadata(DocumentMetadata):
    """WeasyPrint's document metadata plus what its XMP leaves out: the version, the licences and
    the language. Every property used is in a schema PDF/A predefines (dc, xmpMM, xmpRights), so no
    extension schema is needed."""

    def __init__(self, *, version: str, licences: list[str], **metadata) -> None:
        super().__init__(**metadata)
        self.version = version
        self.licences = licences

    def generate_rdf_metadata(self, variant, version, conformance):
        rdf = fromstring(super().generate_rdf_metadata(variant, version, conformance))
        rdf_ns = NS["rdf"]

        def description():
            element = SubElement(rdf, f"{{{rdf_ns}}}Description")
            element.attrib[f"{{{rdf_ns}}}about"] = ""
            return element

        if self.lang:
            bag = SubElement(
                SubElement(description(), f"{{{NS['dc']}}}language"), f"{{{rdf_ns}}}Bag"
            )
            SubElement(bag, f"{{{rdf_ns}}}li").text = self.lang
        if self.version:
            SubElement(description(), f"{{{NS['xmpMM']}}}VersionID").text = self.version
        if self.licences:
            rights = SubElement(
                SubElement(description(), f"{{{NS['dc']}}}rights"), f"{{{rdf_ns}}}Alt"
            )
            item = SubElement(rights, f"{{{rdf_ns}}}li")
            item.attrib["xml:lang"] = "x-default"
            item.text = "Licences (SPDX identifiers): " + ", ".join(self.licences)
            SubElement(description(), f"{{{XMP_RIGHTS}}}Marked").text = "True"
        return tostring(rdf, encoding="utf-8")


def book_metadata(html_metadata: DocumentMetadata, cff: dict, when: datetime) -> BookMetadata:
    """The PDF's metadata: title and language as the HTML gives them (each edition its own), the
    rest from CITATION.cff, in the edition's language: the Japanese edition names its author, says
    what it is and lists its keywords in Japanese (ca911.book.editions), as its XMP declares the
    whole document Japanese; both dates are the build's output date."""
    from ca911.book.editions import ABSTRACT_JA, KEYWORDS_JA, TEAM_JA

    licences = cff.get("license") or []
    japanese = (html_metadata.lang or "en").startswith("ja")
    abstract = re.sub(r"\s+", " ", cff.get("abstract", "")).strip() or None
    keywords = [str(keyword) for keyword in cff.get("keywords", [])]
    date = when.isoformat(timespec="seconds")
    return BookMetadata(
        title=html_metadata.title or cff.get("title"),
        authors=[TEAM_JA] if japanese else [_cff_author(a) for a in cff.get("authors", [])],
        description=ABSTRACT_JA if japanese else abstract,
        keywords=[KEYWORDS_JA.get(k, k) for k in keywords] if japanese else keywords,
        generator=html_metadata.generator,
        created=date,
        modified=date,
        lang=html_metadata.lang,
        version=str(cff.get("version") or __version__),
        licences=[licences] if isinstance(licences, str) else list(licences),
        attachments=html_metadata.attachments,
    )


class _WeasyPrintErrors(logging.Handler):
    """WeasyPrint reports what breaks PDF/UA (an image without alt text, no document language) as
    log errors and writes the file anyway; collected here, they become Sphinx warnings (errors
    under -W)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_book_pdfs(
    html: weasyprint.HTML, target: Path, *, data_dir: Path, citation_file: Path
) -> dict[str, float]:
    """Render `html` once and write the tagged book to `target` and the archival copy beside it;
    returns the seconds each step took."""
    when = output_datetime()
    cff = yaml.safe_load(citation_file.read_text(encoding="utf-8"))
    seconds = {}
    started = time.perf_counter()
    document = html.render()
    for _ in range(FLOAT_PASSES):  # a float that left a gap follows the text after it: again
        moved = defer_floats(html.etree_element, document)
        if not moved:
            break
        logger.info("PDF: set after the text that follows them: %s", "; ".join(moved))
        document = html.render()
    seconds["layout"] = time.perf_counter() - started
    document.metadata = book_metadata(document.metadata, cff, when)
    errors = _WeasyPrintErrors()
    WEASYPRINT_LOGGER.addHandler(errors)
    try:
        # The tagged book first: writing a PDF/A adds its sRGB output intent to the document's
        # colour profiles, which the book would otherwise inherit.
        started = time.perf_counter()
        document.write_pdf(target, pdf_variant=ACCESSIBLE_VARIANT, pdf_identifier=True)
        seconds["book"] = time.perf_counter() - started
        started = time.perf_counter()
        document.write_pdf(
            target.with_name(archival_pdf_name(target.name)),
            pdf_variant=ARCHIVAL_VARIANT,
            pdf_tags=True,
            attachments=book_attachments(data_dir, citation_file, when),
        )
        seconds["archival"] = time.perf_counter() - started
    finally:
        WEASYPRINT_LOGGER.removeHandler(errors)
    for message in dict.fromkeys(errors.messages):
        logger.warning(
            "WeasyPrint, writing %s: %s", target.name, message, type="ca911", subtype="pdf"
        )
    return seconds


def _install_writer(app: Sphinx) -> None:
    if app.builder.name != PRINT_BUILDER:
        return
    from sphinx_simplepdf.builders import simplepdf

    from ca911.book.sphinx import line_fit

    line_fit.install()  # a line that fits but for its trailing space is set whole
    srcdir = Path(app.srcdir)

    class BookHTML(weasyprint.HTML):
        def write_pdf(self, target=None, **_options):
            seconds = write_book_pdfs(
                self,
                Path(target),
                data_dir=srcdir / (app.config.ca911_data_dir or "data"),
                citation_file=srcdir / CITATION_FILE,
            )
            logger.info(
                "PDF: layout %.1f s, tagged book %.1f s, archival copy %.1f s",
                seconds["layout"],
                seconds["book"],
                seconds["archival"],
            )

    # simplepdf's finish() reaches WeasyPrint through its module global `weasyprint`, for HTML only
    simplepdf.weasyprint = SimpleNamespace(HTML=BookHTML)
    app.connect("build-finished", lambda _app, _exc: setattr(simplepdf, "weasyprint", weasyprint))


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _install_writer)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
