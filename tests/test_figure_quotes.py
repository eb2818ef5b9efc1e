"""Figure text sets a Latin apostrophe or quotation mark at its Latin width: the figures' Japanese
face (IPAexGothic) draws ’ “ ” full-width, which opened a gap inside a word ("Putin’ s")."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from ca911.figures.style import use_style  # noqa: E402


def text_width(text: str) -> float:
    fig = plt.figure()
    try:
        label = fig.text(0, 0, text, fontsize=10)
        return label.get_window_extent(renderer=fig.canvas.get_renderer()).width
    finally:
        plt.close(fig)


def test_a_typographic_apostrophe_is_as_narrow_as_a_latin_one():
    use_style()
    em = text_width("M")
    assert abs(text_width("Putin’s") - text_width("Putin's")) < 0.25 * em
    assert abs(text_width("“Gold mine”") - text_width('"Gold mine"')) < 0.5 * em


def test_the_check_sees_the_full_width_mark_of_the_japanese_face():
    matplotlib.rcParams["font.family"] = "IPAexGothic"  # the face alone, as before the fix
    try:
        em = text_width("M")
        assert text_width("Putin’s") - text_width("Putin's") > 0.25 * em
    finally:
        use_style()
