"""Sphinx extension for the book: metadata, the shipped Japanese font, PDF settings."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

from ca911 import __version__
from ca911.data import package_hash
from ca911.plotting import FONT_FILE

PDF_FILE_NAME = "companion.pdf"
FONT_CSS = """@font-face {
  font-family: "IPAexGothic";
  src: url("fonts/ipaexg.ttf") format("truetype");
  unicode-range: U+3000-30FF, U+3400-4DBF, U+4E00-9FFF, U+FF00-FFEF;
}
body, p, li, td, th, h1, h2, h3, h4, figcaption, .caption-text, .toctree-wrapper {
  font-family: "Fira Sans", "Helvetica Neue", Arial, "IPAexGothic", sans-serif;
}
"""
PDF_CSS = """
html, body, p, li, td, th, h1, h2, h3, h4, div, span, a {
  font-family: "Fira Sans", "IPAexGothic", sans-serif;
}
table { table-layout: auto; width: 100%; font-size: 8pt; }
table td, table th { color: #000; }
img { max-width: 100%; }
"""


def _configure(app: Sphinx, config) -> None:
    # Jupyter Book passes _config.yml as overrides before extensions register their values,
    # so these are set here, from one place.
    config.project = config.html_title  # the title in _config.yml, for the PDF cover
    config.version = config.release = __version__
    config.simplepdf_file_name = PDF_FILE_NAME
    config.simplepdf_use_weasyprint_api = True  # in-process: a failure raises
    config.simplepdf_vars = {"cover-overlay": "rgba(0, 0, 0, 0.0)", "primary": "#0072B2", "links": "#0072B2"}


def _static_files(app: Sphinx) -> None:
    static = Path(app.outdir) / "_static"
    (static / "fonts").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FONT_FILE, static / "fonts" / "ipaexg.ttf")
    css = FONT_CSS + (PDF_CSS if app.builder.name == "simplepdf" else "")
    (static / "ca911.css").write_text(css, encoding="utf-8")
    app.add_css_file("ca911.css")


def _outdated_on_data_change(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Sphinx re-reads only edited sources; a data edit must re-read (and so re-execute) every page."""
    digest = package_hash()
    if getattr(env, "ca911_data_hash", None) == digest:
        return []
    env.ca911_data_hash = digest
    return sorted(env.found_docs)


def _generate(app: Sphinx, config) -> None:
    from ca911 import codebook  # noqa: F401  (registers its generator)
    from ca911.generated import generate

    generate(Path(app.srcdir))


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _generate, priority=950)
    app.connect("config-inited", _configure, priority=900)
    app.connect("env-get-outdated", _outdated_on_data_change)
    app.connect("builder-inited", _static_files)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
