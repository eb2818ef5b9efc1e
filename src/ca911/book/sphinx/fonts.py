"""The book's fonts, shipped with it (nothing is fetched from a font service): the PDF embeds the
TTFs of IPAexGothic (Japanese), DejaVu Sans Mono (code) and, for the Japanese edition's body,
IPAex Mincho; the HTML edition ships WOFF2 subsets of the glyphs its pages use."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ca911 import __version__
from ca911.book.records import edition_of
from ca911.figures.style import FONT_FILE

# The code points the Japanese @font-face rules cover (ca911-screen.css): the subset keeps those the
# book uses.
JAPANESE_RANGES = (
    (0x2015, 0x2015),
    (0x3000, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xFF00, 0xFFEF),
)
SUBSET_FONT = "fonts/ipaexg-subset.woff2"
# The code face: the PDF embeds the TTFs from the matplotlib wheel; the HTML edition ships WOFF2
# subsets of the characters its pages use (a page with code or an identifier would otherwise fetch
# 340 kB each).
MONO_FONTS = {
    "DejaVuSansMono.ttf": "fonts/DejaVuSansMono-subset.woff2",
    "DejaVuSansMono-Bold.ttf": "fonts/DejaVuSansMono-Bold-subset.woff2",
}
# The text face of the HTML edition (ca911-screen.css), from the same wheel: a face the book ships,
# so no reader's browser falls back to whatever sans-serif (or ExtraLight cut of one) the system
# has.
TEXT_FONTS = {
    "DejaVuSans.ttf": "fonts/DejaVuSans-subset.woff2",
    "DejaVuSans-Bold.ttf": "fonts/DejaVuSans-Bold-subset.woff2",
    "DejaVuSans-Oblique.ttf": "fonts/DejaVuSans-Oblique-subset.woff2",
    "DejaVuSans-BoldOblique.ttf": "fonts/DejaVuSans-BoldOblique-subset.woff2",
}
# The Japanese PDF's body face: IPAex Mincho from the Debian package fonts-ipaexfont-mincho, which
# ci/system-deps.sh installs (no wheel ships a Mincho face).
MINCHO_FILE = Path("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf")
MINCHO_PRINT_FONT = "ipaexm.ttf"


def mono_font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def japanese_code_points(texts) -> list[int]:
    return sorted(
        {
            ord(c)
            for text in texts
            for c in text
            if any(lo <= ord(c) <= hi for lo, hi in JAPANESE_RANGES)
        }
    )


def subset_fonts(app: Sphinx, exception) -> None:
    """A page with Japanese text would fetch the whole 6 MB IPAexGothic, and one with code the 340
    kB DejaVu Sans Mono: the HTML edition ships WOFF2 subsets of the glyphs its pages, search index
    and downloads use (fontTools; the same bytes for the same book). Only the written book knows
    every glyph it shows, so the subsets are made when the build has finished."""
    if exception is not None:
        return
    from fontTools import subset

    out = Path(app.outdir)
    texts = [
        p.read_text(encoding="utf-8", errors="ignore")
        for p in sorted(out.rglob("*"))
        if p.is_file()
        and p.suffix in (".html", ".js", ".txt", ".md", ".ipynb")
        and "_static" not in p.parts
    ]
    used = sorted({ord(c) for text in texts for c in text})
    fonts = [(FONT_FILE, SUBSET_FONT, japanese_code_points(texts))]
    fonts += [
        (mono_font_dir() / name, target, used)
        for name, target in {**MONO_FONTS, **TEXT_FONTS}.items()
    ]
    for source, target, unicodes in fonts:
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = [
            "*"
        ]  # keep vertical forms and the like for whatever text uses them
        # no TrueType hinting programs: browsers position glyphs unhinted at these sizes, and
        # the programs were 40 % of the Japanese face's bytes (246 kB → 141 kB on every page)
        options.hinting = False
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        (out / "_static" / target).parent.mkdir(parents=True, exist_ok=True)
        subset.save_font(font, str(out / "_static" / target), options)


def whole_fonts(app: Sphinx) -> None:
    """The print edition's fonts, whole: WeasyPrint embeds only the glyphs it sets. The Mincho
    face is declared by the print stylesheet for every edition, but only the Japanese one sets
    text in it; that edition cannot be printed without it."""
    fonts = Path(app.outdir) / "_static" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FONT_FILE, fonts / "ipaexg.ttf")
    if MINCHO_FILE.is_file():
        shutil.copyfile(MINCHO_FILE, fonts / MINCHO_PRINT_FONT)
    elif edition_of(app.config.language) == "ja":
        raise ExtensionError(
            f"the Japanese PDF's body face {MINCHO_FILE} is missing: "
            "install it with `bash ci/system-deps.sh` (Debian fonts-ipaexfont-mincho)"
        )
    for name in MONO_FONTS:
        shutil.copyfile(mono_font_dir() / name, fonts / name)


def _connect_by_edition(app: Sphinx) -> None:
    """Which fonts an edition gets depends on its builder, known at builder-inited."""
    from ca911.book.sphinx.print import PRINT_BUILDERS

    if app.builder.name in PRINT_BUILDERS:
        whole_fonts(app)
    elif app.builder.name == "html":
        app.connect("build-finished", subset_fonts)


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _connect_by_edition)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
