"""The one figure style: Japanese-capable font, colour-blind-safe palette, A4-friendly sizes,
deterministic files (fixed SVG hash salt, no dates in metadata).

Importing it changes nothing: `figure()` applies the style, and a notebook's first cell calls
`setup_notebook()` (fixed build date, SVG output through `svg_text`)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import matplotlib
from matplotlib import font_manager

from ca911.data import output_date
from ca911.data.language import DEFAULT_LANG, check_language
from ca911.figures.svg_output import (  # noqa: F401 (style's API: the notebooks and checks use them)
    svg_glyph_fonts,
    svg_text,
    svg_text_sizes_pt,
    svg_width_pt,
)

# The font matplotlib-fontja ships, found without importing it (its import sets font.family
# globally).
FONT_FILE = Path(find_spec("matplotlib_fontja").origin).parent / "fonts" / "ipaexg.ttf"
# Okabe–Ito: distinguishable under the common colour-vision deficiencies.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
# Paul Tol's "muted" (colour-blind safe): nine hues, one per organisation, where Okabe-Ito has 8.
TOL_MUTED = [
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
]


def organisation_colours(org_ids) -> dict[str, str]:
    """A distinct hue per organisation, by sorted id; more organisations than hues: an error."""
    ids = sorted(set(org_ids))
    if len(ids) > len(TOL_MUTED):
        raise ValueError(f"{len(ids)} organisations, {len(TOL_MUTED)} distinct hues: {ids}")
    return {o: TOL_MUTED[i] for i, o in enumerate(ids)}


def words_in(table: dict[str, dict], lang: str) -> dict:
    """A module's figure words in the edition's language: `table` maps each language to the same
    keys, so a figure drawn in Japanese never falls back to an English word."""
    return table[check_language(lang)]


def latin_width(text: str) -> int:
    """How many Latin characters wide a text is set: a full-width (Japanese) character counts
    two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int, lang: str = DEFAULT_LANG) -> str:
    """Figure text in lines at most `width` Latin characters wide: English at its spaces; Japanese,
    which has none, between phrases (japanese_phrases: 記載なし and 見込み stay whole), a phrase
    wider than a line between any two characters (a full-width one counting two), never inside a
    run of Latin letters or digits ('18,000', 'CSTO') and never starting a line with closing
    punctuation."""
    import textwrap

    if check_language(lang) == "en":
        return textwrap.fill(text, width)
    from ca911.figures.japanese_phrases import wrap_japanese

    return wrap_japanese(text, width)


def keep_inside_axes(text, margin_pt: float = 2.0):
    """A label moved sideways, as little as it takes, to lie inside its axes (a name is wider in one
    language than in another). Measured as drawn: the axes must have their final place."""
    ax = text.axes
    box = text.get_window_extent(ax.figure._get_renderer())
    frame = ax.get_window_extent()
    margin = margin_pt * ax.figure.dpi / 72
    shift = max(frame.x0 + margin - box.x0, 0) - max(box.x1 - (frame.x1 - margin), 0)
    if shift:
        x, y = ax.transData.transform(text.get_position())
        text.set_position(ax.transData.inverted().transform((x + shift, y)))
    return text


@dataclass(frozen=True)
class Force:
    """How every figure that draws a force (the deployment timeline, the map, the presence network)
    shows it: its colour, its marker, its short name beside a mark, its name in a figure's key
    (both by language). A force that is an actor of its own (not a state's troops) is named as the
    data name it: its short name is actors.csv's declared short form (`name_en_short`,
    `name_ja_short`, else the display name) and its key name the display name (tests/
    test_force_table.py holds the two to the data)."""

    colour: str
    marker: str
    short: dict[str, str]
    key: dict[str, str]


# Keyed by actor id (actors.csv); a force not listed is drawn in black under its name from the data.
# The Japanese words are the chapters' names of the forces (actors.csv name_ja); a state's troops
# are named by words of their own ("US", 米軍), any other force as actors.csv names it.
FORCES = {
    "USA": Force(
        OKABE_ITO[4], "o", {"en": "US", "ja": "米軍"}, {"en": "United States", "ja": "アメリカ"}
    ),
    "RUS": Force(
        OKABE_ITO[5], "s", {"en": "Russia", "ja": "ロシア軍"}, {"en": "Russia", "ja": "ロシア"}
    ),
    "western-forces": Force(
        OKABE_ITO[1],
        "D",
        {"en": "Western forces", "ja": "欧米軍"},
        {"en": "Western forces", "ja": "欧米軍"},
    ),
    "CRRF": Force(
        OKABE_ITO[6],
        "^",
        {"en": "rapid-reaction force", "ja": "緊急展開部隊"},
        {"en": "rapid-reaction force", "ja": "緊急展開部隊"},
    ),
    "KAZ": Force(
        OKABE_ITO[2],
        "v",
        {"en": "Kazakhstan", "ja": "カザフスタン"},
        {"en": "Kazakhstan", "ja": "カザフスタン"},
    ),
}
UNLISTED_FORCE_COLOUR = OKABE_ITO[7]


def force_colour(actor_id: str, default: str = UNLISTED_FORCE_COLOUR) -> str:
    return FORCES[actor_id].colour if actor_id in FORCES else default


def force_marker(actor_id: str, default: str = "o") -> str:
    return FORCES[actor_id].marker if actor_id in FORCES else default


def force_short_name(actor_id: str, default: str, lang: str = DEFAULT_LANG) -> str:
    """The force's short name; `default` (the data's name) for a force the table does not list."""
    return FORCES[actor_id].short[check_language(lang)] if actor_id in FORCES else default


def force_key_name(actor_id: str, lang: str = DEFAULT_LANG) -> str:
    return FORCES[actor_id].key[check_language(lang)]


A4_TEXT_WIDTH_IN = (
    5.87  # the PDF's text column as printed (422.7 pt: a wider figure is scaled down to it)
)
# Smallest text in any figure. Figures are never scaled up, and never down in print (at most the
# text width): 8.5 pt is 8.5 pt on paper and 11.3 CSS px on screen at 100 %.
MIN_TEXT_PT = 8.5

# IPAexGothic sets the Latin quotation marks and apostrophe full-width (Japanese punctuation), which
# opens a gap inside a Latin word (Putin’ s); they are drawn from a subset of matplotlib's own
# DejaVu Sans holding only them, first in the family list, every other glyph falling back to
# IPAexGothic.
QUOTES_FAMILY = "ca911 Latin quotes"
QUOTES_POSTSCRIPT_NAME = QUOTES_FAMILY.replace(" ", "")  # how an SVG's glyph ids name the font
QUOTES = range(0x2018, 0x2020)

STYLE = {
    "font.family": [QUOTES_FAMILY, "IPAexGothic"],
    "font.size": 9,
    "axes.titlesize": 10,
    "xtick.labelsize": MIN_TEXT_PT,
    "ytick.labelsize": MIN_TEXT_PT,
    "legend.fontsize": MIN_TEXT_PT,
    "legend.title_fontsize": MIN_TEXT_PT,
    "text.parse_math": False,  # "$408.0m; … $408.0m" is money, not mathtext
    "figure.facecolor": "white",  # opaque: dark-mode pages must not show through light-grey labels
    "savefig.facecolor": "white",
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "svg.hashsalt": "ca911",
    "svg.fonttype": "path",
    "path.simplify": True,
}


def quotes_font() -> Path:
    """The quotation-mark font, made once per matplotlib cache (the same bytes every time)."""
    target = Path(matplotlib.get_cachedir()) / "ca911-latin-quotes.ttf"
    if target.is_file():
        return target
    from fontTools import subset
    from fontTools.ttLib import TTFont

    source = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    font = TTFont(str(source))
    options = subset.Options()
    options.name_IDs = [1, 2, 4, 6]
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset" is expected
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=list(QUOTES))
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 4):
            record.string = QUOTES_FAMILY
        elif record.nameID == 6:
            record.string = QUOTES_POSTSCRIPT_NAME
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    font.save(str(partial))
    partial.replace(target)
    return target


def use_style() -> None:
    font_manager.fontManager.addfont(str(FONT_FILE))
    font_manager.fontManager.addfont(str(quotes_font()))
    matplotlib.rcParams.update(STYLE)


def fixed_build_date() -> None:
    """Files written without `make` (a notebook opened by hand) carry the book's date."""
    output_date.fix_in_environment()


# the saved file's tight bounding box pads 0.1 in a side: prints unscaled
FIGURE_WIDTH_IN = A4_TEXT_WIDTH_IN - 0.2
# A phone's column is 342 CSS px at 390 px (3.56 in at 96 px an inch): the narrow layout, padded as
# above, is drawn no wider, so a phone shows it unscaled and its 8.5 pt text at 11.3 px.
NARROW_WIDTH_IN = 3.2
LAYOUTS = ("wide", "narrow")  # wide: print and desktop; narrow: a phone's width, panels stacked
# The narrow drawing travels in the figure's mime bundle beside image/svg+xml (html_pages serves it
# in <picture>).
NARROW_SVG_MIME = "image/vnd.ca911.narrow+svg+xml"


def figure_width(layout: str = "wide") -> float:
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, not {layout!r}")
    return FIGURE_WIDTH_IN if layout == "wide" else NARROW_WIDTH_IN


def figure(height_in: float = 3.0, width_in: float = FIGURE_WIDTH_IN, **kwargs):
    """A figure outside pyplot's registry: a notebook shows it only where it is glued, never
    twice."""
    from matplotlib.figure import Figure

    use_style()
    fixed_build_date()
    fig = Figure(figsize=(width_in, height_in), layout=kwargs.pop("layout", "constrained"))
    return fig, fig.subplots(**kwargs)


def two_layouts(draw):
    """A plotting function taking `layout="wide"|"narrow"`: called for the wide layout (the
    default), its figure also carries how to draw the narrow one, which `narrow_svg_bundle` adds to
    the figure's output when a notebook shows or glues it. Drawn only then, so a figure never shown
    costs one drawing."""
    import functools

    @functools.wraps(draw)
    def wide_with_narrow(*args, layout: str = "wide", **kwargs):
        fig = draw(*args, layout=layout, **kwargs)
        if layout == "wide":
            fig.ca911_narrow = functools.partial(draw, *args, layout="narrow", **kwargs)
        return fig

    return wide_with_narrow


NARROW_FILE_SUFFIX = ".narrow.svg"  # beside x.svg (html_pages.NarrowFileBesideWide serves it)


def svg_files(fig, stem: str) -> dict[str, bytes]:
    """A figure a page shows from a file: `stem.svg` (wide) and, where it has one, its narrow layout
    beside it."""
    files = {f"{stem}.svg": svg_text(fig).encode("utf-8")}
    files.update(
        {
            f"{stem}{NARROW_FILE_SUFFIX}": svg.encode("utf-8")
            for svg in narrow_svg_bundle(fig).values()
        }
    )
    return files


def narrow_svg_bundle(fig) -> dict:
    """The figure's narrow layout as SVG under NARROW_SVG_MIME; nothing for a figure drawn in one
    layout only."""
    draw_narrow = getattr(fig, "ca911_narrow", None)
    return {NARROW_SVG_MIME: svg_text(draw_narrow())} if draw_narrow is not None else {}


def save(fig, path: str | Path) -> Path:
    """Write a figure with metadata that does not change between builds."""
    fixed_build_date()
    path = Path(path)
    meta = {
        "svg": {"Date": None},
        "png": {"Software": None},
        "pdf": {"CreationDate": None, "ModDate": None},
    }
    fig.savefig(path, metadata=meta.get(path.suffix.lstrip("."), {}))
    return path


def setup_notebook() -> None:
    """A notebook's first cell: the style, the fixed date, and SVG figures through `svg_text`."""
    use_style()
    fixed_build_date()
    inline_svg()


def inline_svg() -> None:
    """In a notebook: SVG figures with no date in their metadata (deterministic bytes)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    ip = get_ipython()
    if ip is not None:
        from matplotlib.figure import Figure
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("svg")  # activates the inline formatters for every Figure
        formatter = ip.display_formatter.formatters["image/svg+xml"]
        formatter.for_type(Figure, svg_text)  # …with our compact, deterministic SVG
        ip.display_formatter.mimebundle_formatter.for_type(
            Figure, narrow_svg_bundle
        )  # and its phone layout
