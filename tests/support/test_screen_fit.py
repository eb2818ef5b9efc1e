"""The screen checks (tests/support/screen_fit.py) fail on small pages broken the way the book once
was, and pass on the same pages fixed: each defect class is caught by its check, not by a test
written for one page."""

from __future__ import annotations

import pytest

from support import screen_fit

pytestmark = pytest.mark.book  # needs Chromium, as the browser tests do

# A 594 px figure (an SVG with its drawn size) and the stylesheet rules the book once had.
SVG = (
    "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='594' height='200'>"
    "<rect width='594' height='200' fill='%23ddd'/></svg>"
)
PAGE = """<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body {{ margin: 16px; font: 16px/1.5 "DejaVu Sans", sans-serif; }} {css}</style></head>
<body><article class="bd-article">{body}</article></body></html>"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
FIGURE = (
    f'<figure><img src="{SVG}" alt="a drawing"><figcaption>Fig. 1 A figure.</figcaption></figure>'
)
FIGURE_WITH_LINK = (
    f'<figure><img src="{SVG}" alt="a drawing"><a class="ca911-full-size" href="{SVG}">'
    "Open the figure at full size</a><figcaption>Fig. 1 A figure.</figcaption></figure>"
)
WORDS_TABLE = (
    "<table><tr><th>state</th><th>response</th></tr>"
    "<tr><td>United States</td><td>The coalition's support for the operation</td></tr></table>"
)
WIDE_TABLE = (
    '<div class="wrap"><table><caption>Table 1 Every point on the map with its public '
    "reference</caption><tr>"
    + "".join(f"<td>column{i}value</td>" for i in range(8))
    + "</tr></table></div>"
)
CUE_CSS = (
    ".wrap { overflow-x: auto; } .wrap::before { content: 'Scroll sideways for all columns →'; "
    "display: block; }"
    " caption { position: sticky; left: 0; text-align: left; max-width: 358px; }"
)
OVERPRINT_TABLE = (
    '<table style="table-layout: fixed; width: 300px"><tr><td style="width: 60px; padding: '
    '4px">appointment</td>'
    '<td style="padding: 4px">ch4 §3.2 ¶3</td></tr></table>'
)


@pytest.fixture
def render(browser):
    contexts = []

    def open_page(body: str, css: str = "", device: dict = screen_fit.PHONE):
        context = browser.new_context(**device)
        contexts.append(context)
        page = context.new_page()
        page.set_content(PAGE.format(css=css, body=body))
        page.wait_for_load_state("load")
        return page

    yield open_page
    for context in contexts:
        context.close()


def kinds(problems: list[dict]) -> set[str]:
    return {p["kind"] for p in problems}


def test_a_figure_drawn_at_natural_size_on_a_phone_is_cut(render):
    old = render(FIGURE, "figure img { max-width: none; } figure { overflow-x: auto; }")
    assert "figure cut without a cue and a full-size link" in kinds(screen_fit.phone_problems(old))
    assert "page wider than the screen" not in kinds(screen_fit.phone_problems(old)), (
        "the figure's own box scrolls"
    )


def test_a_figure_scaled_to_the_column_needs_its_full_size_link(render):
    scaled = render(FIGURE, "img { max-width: 100%; height: auto; }")
    assert "figure scaled down without a full-size link" in kinds(screen_fit.phone_problems(scaled))
    fixed = render(FIGURE_WITH_LINK, "img { max-width: 100%; height: auto; } a { display: block; }")
    assert not screen_fit.phone_problems(fixed)


def test_a_figure_wider_than_the_page_makes_the_page_scroll(render):
    problems = screen_fit.phone_problems(render(FIGURE, "img { max-width: none; }"))
    assert "page wider than the screen" in kinds(problems)
    assert any(
        "img" in p["detail"] for p in problems if p["kind"] == "page wider than the screen"
    ), problems


def test_words_broken_letter_by_letter_in_a_table_cell(render):
    old = render(WORDS_TABLE, "table { width: 120px; } td, th { overflow-wrap: anywhere; }")
    broken = [
        p for p in screen_fit.phone_problems(old) if p["kind"] == "word broken inside a table cell"
    ]
    assert broken and all(
        p["element"].endswith("td") or p["element"].endswith("th") for p in broken
    )
    assert not [
        p
        for p in screen_fit.phone_problems(render(WORDS_TABLE, "table { width: 120px; }"))
        if p["kind"] == "word broken inside a table cell"
    ]


def test_a_date_split_at_its_hyphen_is_a_broken_word(render):
    dates = "<table><tr><td>2001-09-30 1999-04-30 2004-12-31</td></tr></table>"
    split = render(dates, "table { width: 60px; }")
    assert [
        p
        for p in screen_fit.phone_problems(split)
        if p["kind"] == "word broken inside a table cell"
    ]
    whole = render(
        dates.replace("<td>", "<td><span class='d'>").replace("</td>", "</span></td>"),
        "table { width: 60px; } .d { white-space: nowrap; } td { word-spacing: 0; }",
    )
    assert not [
        p
        for p in screen_fit.phone_problems(whole)
        if p["kind"] == "word broken inside a table cell"
    ]


def test_an_identifier_in_code_may_break_at_its_separators_but_prose_may_not(render):
    ident = (
        "<table style='width: 150px'><tr><td>"
        "<code>indicators:USA/troop_rotation<wbr>_interval<wbr>_months</code></td></tr></table>"
    )
    assert not screen_fit.phone_problems(render(ident, "code { white-space: normal; }"))
    letters = (
        "<table style='width: 150px'><tr><td>"
        "<code>troop_rotation_interval_months</code></td></tr></table>"
    )
    anywhere = render(
        letters, "code { white-space: normal; overflow-wrap: anywhere; } td { width: 150px; }"
    )
    assert not [
        p
        for p in screen_fit.phone_problems(anywhere)
        if p["kind"] == "word broken inside a table cell"
    ], "an identifier longer than its cell is wide may break anywhere"


def test_a_wide_table_must_show_a_cue_and_keep_its_caption_in_view(render):
    old = render(WIDE_TABLE, ".wrap { overflow-x: auto; } caption { text-align: center; }")
    assert {"table cut without a cue", "caption clipped"} <= kinds(screen_fit.phone_problems(old))
    fixed = render(WIDE_TABLE, CUE_CSS)
    assert not screen_fit.phone_problems(fixed), screen_fit.phone_problems(fixed)


BIBTEX_BLOCK = (
    '<div class="highlight-bibtex"><div class="highlight"><pre>@misc{ca911companion,\n'
    "  title   = {Central Asia after 9/11: a reproducible companion with a long "
    "title},\n}</pre></div></div>"
)


def test_a_code_block_cut_on_a_phone_needs_a_cue_or_wrapped_lines(render):
    """As the how-to-cite page printed its BibTeX entry: lines that scroll out of the box with
    nothing saying so."""
    cut = render(BIBTEX_BLOCK, "pre { white-space: pre; overflow-x: auto; }")
    assert "code block cut without a cue" in kinds(screen_fit.phone_problems(cut))
    wrapped = render(BIBTEX_BLOCK, "pre { white-space: pre-wrap; overflow-wrap: anywhere; }")
    assert not screen_fit.phone_problems(wrapped), screen_fit.phone_problems(wrapped)
    cued = render(
        BIBTEX_BLOCK,
        "pre { white-space: pre; overflow-x: auto; }"
        " .highlight-bibtex::before { content: 'Scroll sideways for the whole line →'; display: "
        "block; }",
    )
    assert "code block cut without a cue" not in kinds(screen_fit.phone_problems(cued))
    # the word in the code itself is no cue
    quoted = render(
        BIBTEX_BLOCK.replace("long title", "long title to scroll"),
        "pre { white-space: pre; overflow-x: auto; }",
    )
    assert "code block cut without a cue" in kinds(screen_fit.phone_problems(quoted))


def test_a_cue_that_is_not_drawn_does_not_count(render):
    hidden = render(WIDE_TABLE, CUE_CSS + " .wrap::before { font-size: 0; visibility: hidden; }")
    assert "table cut without a cue" in kinds(screen_fit.phone_problems(hidden))


def test_overprinting_cells_at_desktop_width(render):
    problems = screen_fit.desktop_problems(render(OVERPRINT_TABLE, "", screen_fit.DESKTOP))
    assert {"cells overprint", "text runs out of its cell"} <= kinds(problems)
    fixed = render(
        OVERPRINT_TABLE.replace("table-layout: fixed", "table-layout: auto"), "", screen_fit.DESKTOP
    )
    assert not screen_fit.desktop_problems(fixed)


def test_small_and_light_text(render):
    page = render(
        '<p>Body text.</p><figure><figcaption style="font-weight: 300">Fig. 1 '
        "faint</figcaption></figure>"
        '<p style="font-size: 10px">tiny</p>'
    )
    problems = screen_fit.phone_problems(page)
    assert {"text under 11px", "text lighter than 400"} <= kinds(problems)
    assert "tiny" in " ".join(p["detail"] for p in problems if p["kind"] == "text under 11px")
    assert not screen_fit.desktop_problems(render("<p>Body text.</p>", "", screen_fit.DESKTOP))


def test_a_face_the_page_does_not_ship_is_a_fallback(render):
    asked = render(
        "<article><p>Body text in a face nobody has.</p></article>",
        "p { font-family: 'Fira Sans Nowhere', sans-serif; }",
    )
    assert [p["kind"] for p in screen_fit.face_problems(asked, ("article p",))] == [
        "text drawn by a fallback face"
    ]


def svg_figure(width: int, text_px: float, glyphs: bool = False) -> str:
    """A figure `width` user units wide (as many CSS px at its natural size) whose one label is
    `text_px` units high: a <text> element, or (glyphs) a matplotlib-style glyph run, a <use> of an
    outline defined at 100 units an em."""
    import base64

    if glyphs:
        label = (
            "<defs><path id='IPAexGothic-41' d='M 0 0 L 60 0 L 30 70 z'/></defs><g "
            "id='text_1'><!-- A -->"
            f"<g transform='translate(10 40) scale({text_px / 100} -{text_px / 100})'><use "
            "xlink:href='#IPAexGothic-41'/></g></g>"
        )
    else:
        label = f"<text x='10' y='40' font-size='{text_px}'>Kazakhstan</text>"
    svg = (
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' "
        f"width='{width}' "
        f"height='{width // 4}' viewBox='0 0 {width} {width // 4}'><rect width='{width}' "
        f"height='{width // 4}' fill='#eee'/>"
        f"{label}</svg>"
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def figure_text(problems: list[dict]) -> list[dict]:
    return [p for p in problems if p["kind"] == "figure text under 11px"]


SCALED = "img { max-width: 100%; height: auto; } a { display: block; }"


@pytest.mark.parametrize("glyphs", [False, True], ids=["text element", "glyph outlines"])
def test_figure_text_under_11px_on_a_phone(render, glyphs):
    # a 200 px figure drawn unscaled in the column: its 9-unit label is 9 px on screen
    small = render(
        f'<figure id="f"><img src="{svg_figure(200, 9, glyphs)}" alt="a chart"></figure>', SCALED
    )
    found = figure_text(screen_fit.phone_problems(small))
    assert found and "9.0px" in found[0]["detail"] and found[0]["element"].startswith("figure#f"), (
        found
    )
    assert ("A" if glyphs else "Kazakhstan") in found[0]["detail"]
    readable = render(
        f'<figure><img src="{svg_figure(200, 16, glyphs)}" alt="a chart"></figure>', SCALED
    )
    assert not screen_fit.phone_problems(readable), screen_fit.phone_problems(readable)


def test_a_wide_figure_scaled_to_a_phone_has_small_text_unless_a_narrow_layout_is_served(render):
    """The book's case: an 800 px wide figure with 12 px text scaled to the 278 px column (4.2 px
    text) is unreadable, its full-size link notwithstanding; a <picture> that serves a narrow layout
    below 640 px is read whole."""
    wide, narrow = svg_figure(800, 12), svg_figure(240, 12)
    link = f'<a class="ca911-full-size" href="{wide}">Open the figure at full size</a>'
    scaled = render(f'<figure><img src="{wide}" alt="a chart">{link}</figure>', SCALED)
    assert figure_text(screen_fit.phone_problems(scaled))
    served = render(
        f'<figure><picture><source media="(max-width: 640px)" srcset="{narrow}"><img src="{wide}" '
        'alt="a chart">'
        f"</picture>{link}</figure>",
        SCALED,
    )
    assert not screen_fit.phone_problems(served), screen_fit.phone_problems(served)


def test_a_figure_wider_than_the_screen(render):
    cut = render(
        '<figure style="overflow-x: auto">'
        f'<img src="{svg_figure(600, 16)}" alt="a chart"></figure>',
        "img { max-width: none; }",
    )
    assert "figure wider than the screen" in kinds(screen_fit.phone_problems(cut))


def test_a_row_label_squeezed_to_a_character_a_line(render):
    """A Japanese row label beside long cells: squeezed to one character a line unless its column
    keeps a width."""
    table = (
        '<table style="width: 340px"><tr><td>イラク攻撃への支持</td>'
        "<td>Kazakhstan called the war regrettable but kept its ties with Washington and Moscow"
        " alike.</td>"
        "<td>Uzbekistan joined the coalition of the willing and offered its airspace and"
        " bases.</td>"
        "</tr></table>"
    )
    squeezed = "table cell squeezed to a character or two a line"
    assert squeezed in kinds(
        screen_fit.phone_problems(render(table, "td:first-child { width: 1px; }"))
    )
    assert squeezed not in kinds(
        screen_fit.phone_problems(render(table, "td:first-child { min-width: 5.5em; }"))
    )
    # two lines of a linked name in a paragraph are two lines, not the boxes of <p> and <a> besides
    linked = table.replace(
        "<td>イラク攻撃への支持</td>", '<td><p><a href="#">アゼルバイジャン</a></p></td>'
    )
    assert squeezed not in kinds(
        screen_fit.phone_problems(render(linked, "td:first-child { min-width: 4.5em; }"))
    )


def test_a_cell_narrower_than_four_characters_of_its_japanese_text(render):
    """Three characters a line escape the one-or-two check; the cell is still too narrow to read a
    word in, unless its column keeps room for four."""
    table = (
        '<table style="width: 340px"><tr><td>集団安全保障条約</td>'
        "<td>Kazakhstan called the war regrettable but kept its ties with Washington and Moscow"
        " alike, and Uzbekistan joined the coalition.</td></tr></table>"
    )
    narrow = "table cell narrower than four characters"
    squeezed = screen_fit.phone_problems(render(table, "td:first-child { width: 3em; }"))
    assert narrow in kinds(squeezed)
    assert narrow not in kinds(
        screen_fit.phone_problems(render(table, "td:first-child { min-width: 5.5em; }"))
    )
