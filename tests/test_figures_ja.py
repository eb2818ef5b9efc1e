"""The Japanese edition's figures, drawn from the notebooks' own code cells with `CA911_LANG=ja` (as
the Japanese build runs them), in both layouts: no word in Latin letters except the abbreviations
the chapters print in Latin letters and units; no straight quote in any figure text of either
edition; and every layout check the English figures pass (labels clear of each other and of marks,
nothing cut by its panel, legends listing only what is drawn, text at the floor), since Japanese
labels are set wider. Self-tests of the word checks: tests/support/test_figure_words.py."""

from __future__ import annotations

import os

import pytest

from ca911.data.language import LANGUAGE_VARIABLE
from ca911.figures import style
from support import figure_checks
from support.figure_coding import colour_only_codes
from support.figure_names import variant_names
from support.figure_words import (
    chapter_abbreviations,
    counters_after_qualifiers,
    decimal_amounts,
    figure_texts,
    latin_words,
    straight_quotes,
)
from support.notebook_figures import NOTEBOOKS, notebook_figures
from support.numbered_marks import (
    boxed_labels_on_heads_or_labels,
    crowded_numbers,
    numbers_on_other_arrows,
)

pytestmark = pytest.mark.slow


def _drawn_in(lang: str) -> dict:
    """Every notebook figure in `lang`, each also in its narrow layout ('name (narrow)'), with its
    SVG as the book saves it: once, on a fresh figure (constrained layout lays a figure out again
    at every draw, and a narrow one may come out narrower the second time)."""
    before = os.environ.get(LANGUAGE_VARIABLE)
    os.environ[LANGUAGE_VARIABLE] = lang
    both = {}
    try:
        # each notebook's narrow layouts drawn right after it, as its own kernel draws them:
        # a later notebook's imports change how matplotlib converts dates
        for notebook in sorted(path.stem for path in NOTEBOOKS.glob("*.md")):
            for name, fig in notebook_figures([notebook]).items():
                both[name] = (fig, style.svg_text(fig))
                narrow = fig.ca911_narrow()
                both[f"{name} (narrow)"] = (narrow, style.svg_text(narrow))
    finally:
        if before is None:
            os.environ.pop(LANGUAGE_VARIABLE)
        else:
            os.environ[LANGUAGE_VARIABLE] = before
    assert len(both) >= 30, sorted(both)  # every notebook figure, not a run that found none
    return both


def _actor_timelines(lang: str) -> dict:
    from ca911.book import actor_records
    from ca911.data import package as data
    from ca911.figures import actor_timeline

    pkg = data.load()
    records = actor_records.actor_records(pkg)
    shown = {}
    for actor_id in ["KAZ", "RUS", "USA", "UZB"]:
        mine = records[records["actor_id"] == actor_id]
        fig = actor_timeline.timeline_figure(pkg, actor_id, mine, lang=lang)
        shown[f"actor page {actor_id}"] = (fig, style.svg_text(fig))
    return shown


@pytest.fixture(scope="module")
def japanese_figures():
    return _drawn_in("ja") | _actor_timelines("ja")


@pytest.fixture(scope="module")
def english_figures():
    return _drawn_in("en") | _actor_timelines("en")


@pytest.fixture(scope="module")
def abbreviations():
    from ca911.sources.reader import sources_available, sources_dir

    if not sources_available():
        pytest.skip("the chapters are not here: the abbreviations they print cannot be read")
    return chapter_abbreviations(sources_dir())


def test_no_figure_text_of_the_japanese_edition_is_in_latin_letters(
    abbreviations, japanese_figures
):  # the chapters located before the notebooks run (a notebook's cells may change the environment)
    problems = {
        name: latin_words(figure_texts(fig), abbreviations)
        for name, (fig, _) in japanese_figures.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}


def test_every_japanese_counter_is_written_with_its_number_inside_the_qualifier(japanese_figures):
    problems = {
        name: counters_after_qualifiers(figure_texts(fig))
        for name, (fig, _) in japanese_figures.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}


def test_every_japanese_amount_is_written_by_myriads(japanese_figures):
    """Money and counts in the Japanese figures as the numbers module writes them
    (1億6,180万ドル), never as a decimal of millions (161.8百万ドル) (self-test:
    tests/support/test_figure_words.py)."""
    problems = {
        name: decimal_amounts(figure_texts(fig)) for name, (fig, _) in japanese_figures.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}


def test_a_counter_after_a_qualifier_is_found():
    assert counters_after_qualifiers(["ハナバード：航空機40以上機", "約1,500人"]) == [
        "ハナバード：航空機40以上機"
    ]
    assert counters_after_qualifiers(["航空機40機以上", "30人弱", "2001年以降"]) == []


def test_no_straight_quote_in_any_figure_text_of_either_edition(english_figures, japanese_figures):
    problems = {
        f"{lang}: {name}": straight_quotes(figure_texts(fig))
        for lang, figures in (("en", english_figures), ("ja", japanese_figures))
        for name, (fig, _) in figures.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}


# Figures whose arrows carry numbers that a key beside them explains.
KEYED_NUMBER_FIGURES = ("network_military_presence",)


def test_every_circled_number_sits_on_its_own_arrow_only(english_figures, japanese_figures):
    """The presence network's numbers, in both editions and layouts: a number another arrow runs
    through reads as that arrow's (self-tests: tests/support/test_numbered_marks.py)."""
    problems = {
        f"{lang}: {name}": numbers_on_other_arrows(fig)
        for lang, figures in (("en", english_figures), ("ja", japanese_figures))
        for name, (fig, _) in figures.items()
        if name.startswith(KEYED_NUMBER_FIGURES)
    }
    assert len(problems) == 4  # both editions, both layouts
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_two_circled_numbers_crowd_each_other_in_any_figure(english_figures, japanese_figures):
    """Every figure of both editions and layouts: circled numbers keep a clear gap, so that at print
    size no two read as touching (self-tests: tests/support/test_numbered_marks.py)."""
    problems = {
        f"{lang}: {name}": crowded_numbers(fig)
        for lang, figures in (("en", english_figures), ("ja", japanese_figures))
        for name, (fig, _) in figures.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_edge_label_hides_an_arrowhead_a_name_or_another_label(
    english_figures, japanese_figures
):
    """Every figure of both editions and layouts: the boxed words on a network's edges ("drawn
    to", "balancing") leave every arrowhead, every name and each other clear, so that which way a
    relation runs and which label is whose can be read (self-tests:
    tests/support/test_numbered_marks.py)."""
    problems = {
        f"{lang}: {name}": boxed_labels_on_heads_or_labels(fig)
        for lang, figures in (("en", english_figures), ("ja", japanese_figures))
        for name, (fig, _) in figures.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_two_japanese_labels_overlap_and_none_is_below_the_floor(japanese_figures):
    problems = {
        name: figure_checks.svg_problems(svg) for name, (_, svg) in japanese_figures.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize(
    "check",
    [
        figure_checks.legend_problems,
        figure_checks.clipped_text,
        figure_checks.text_over_ink,
        figure_checks.text_across_frame,
        figure_checks.lines_through_labels,
        figure_checks.thin_bars,
        figure_checks.floating_annotations,
        figure_checks.japanese_words_broken,
        figure_checks.text_near_legends,
        figure_checks.legends_over_panels,
    ],
    ids=lambda check: check.__name__,
)
def test_japanese_figures_pass_the_layout_checks(japanese_figures, check):
    problems = {name: check(fig) for name, (fig, _) in japanese_figures.items()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_japanese_labels_wrapped_by_characters_break_words(monkeypatch):
    """The broken copy: Japanese figure text wrapped between any two characters, as it was before
    it wrapped at phrases, breaks 記載|なし in Fig. 9.1's key, and the check says so."""
    from ca911.data import package as data
    from ca911.figures import japanese_phrases, presence_networks

    monkeypatch.setattr(japanese_phrases, "japanese_phrases", lambda text: [text])
    fig = presence_networks.presence_panels(data.load(), lang="ja")
    assert figure_checks.japanese_words_broken(fig) != []


def test_a_japanese_figure_is_the_same_bytes_from_the_same_data():
    from ca911.data import package as data
    from ca911.figures import alignment

    pkg = data.load()
    first, second = (style.svg_text(alignment.alignment_panels(pkg, lang="ja")) for _ in range(2))
    assert first == second
    assert first != style.svg_text(alignment.alignment_panels(pkg, lang="en"))


def test_no_coded_figure_shows_a_code_by_colour_alone(english_figures, japanese_figures):
    """The stance heatmap, in both editions and layouts, writes the code of each run of days as
    well as colouring it (self-tests: tests/support/test_figure_coding.py)."""
    problems = {
        f"{lang}: {name}": colour_only_codes(fig)
        for lang, figures in (("en", english_figures), ("ja", japanese_figures))
        for name, (fig, _) in figures.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}


def test_every_figure_names_an_actor_by_its_display_name_or_declared_short_form(
    english_figures, japanese_figures
):
    """Every figure of both editions and layouts, as saved (the SVG's text): an organisation or
    force is named by its display name or the one short form actors.csv declares, never by an id,
    a printed variant or a name built on a declared one (self-tests:
    tests/support/test_figure_names.py)."""
    from ca911.data import package as data

    actors = data.load().actors
    problems = {
        f"{lang}: {name}": variant_names(
            [run.text for run in figure_checks.text_runs(svg)], actors, lang
        )
        for lang, figures in (("en", english_figures), ("ja", japanese_figures))
        for name, (_, svg) in figures.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}
