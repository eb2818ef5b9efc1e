"""The companion holds a claim no more firmly than its chapter, read on the rendered pages.

Every sentence of prose in the chapters' companions, the notebooks and the front matter, as the
reader gets it in the HTML, that cites a record or passage the chapter hedges or gives as someone's
view carries a hedge or an attribution (tests/support/firmness.py); and every locator the prose
shows names a passage the sentence map knows. The checkers' self-tests on small synthetic pages are
in tests/support/test_firmness.py.
"""

from __future__ import annotations

import pytest

from support.firmness import (
    Modalities,
    firmness_problems,
    known_locators,
    rendered_sentences,
    unknown_locators,
)
from support.project import HTML

PROSE_PAGES = (
    [
        "index.html",
        *(
            f"{part}/{p.name}"
            for part in ("chapters", "notebooks", "front")
            for p in sorted((HTML / part).glob("*.html"))
        ),
    ]
    if HTML.is_dir()
    else ["index.html"]
)


@pytest.fixture(scope="module")
def modalities() -> Modalities:
    from ca911.data.package import load

    return Modalities.from_package(load(validate=False))


@pytest.mark.parametrize("path", PROSE_PAGES)
def test_rendered_prose_is_no_firmer_than_its_chapter(path, modalities):
    target = HTML / path
    if not target.is_file():
        pytest.fail(f"{path} is not built: run `make book`")
    found = [
        f"{'; '.join(p)}: {s.words}"
        for s in rendered_sentences(target.read_text(encoding="utf-8"))
        if (p := firmness_problems(s, modalities))
    ]
    assert not found, (
        f"{path}: sentences citing a hedged passage or a reported view without a hedge or an "
        "attribution (tests/support/firmness.py):\n" + "\n".join(found)
    )


@pytest.mark.parametrize("path", PROSE_PAGES)
def test_every_locator_in_the_prose_names_a_known_passage(path, modalities):
    from ca911.data.package import load

    known = known_locators(
        modalities.sentences, load(validate=False).iraq_war_responses["locator"].astype(str)
    )
    unknown = unknown_locators(rendered_sentences((HTML / path).read_text(encoding="utf-8")), known)
    assert not unknown, f"{path}: locators that name no passage of the sentence map:\n" + "\n".join(
        unknown
    )
