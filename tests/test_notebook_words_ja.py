"""Every value a notebook glues into the prose is in the edition's language: run in Japanese, no
glued text carries an English word (ids, numbers and the abbreviations the chapters print in Latin
letters are not words); run in English, the pages glue the same keys. Self-tests of the check:
tests/support/test_notebook_glue.py."""

from __future__ import annotations

import pytest

from support.figure_words import chapter_abbreviations
from support.notebook_glue import english_in_values, glued_values

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def abbreviations():
    from ca911.sources.reader import sources_available, sources_dir

    if not sources_available():
        pytest.skip("the chapters are not here: the abbreviations they print cannot be read")
    return chapter_abbreviations(sources_dir())


@pytest.fixture(scope="module")
def japanese_values(abbreviations):  # the chapters located before the notebooks run
    return glued_values("ja")


def test_no_value_glued_into_the_japanese_prose_is_english(abbreviations, japanese_values):
    texts = {k: v for k, v in japanese_values.items() if isinstance(v, str)}
    assert len(texts) >= 20, sorted(texts)  # the pages' word values, not a run that found none
    assert not english_in_values(japanese_values, abbreviations)


def test_both_editions_glue_the_same_values(japanese_values):
    english = glued_values("en")
    assert sorted(english) == sorted(japanese_values)
