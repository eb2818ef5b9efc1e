"""One force table (ca911.style.FORCES): every force in the data is in it, and every figure that
draws forces takes their colours from it, so a force has one colour in the timeline, the map and the
network."""

from __future__ import annotations

import contextlib
import dataclasses

import pytest
from matplotlib.colors import to_hex

from ca911.analysis import chronology
from ca911.data.package import load
from ca911.figures import maps, presence, presence_networks, style


@pytest.fixture(scope="module")
def pkg():
    return load()


def colours_drawn(fig) -> set[str]:
    """Every face, edge and line colour of the figure's marks, legends and annotations, as
    #rrggbb."""
    found = set()
    for artist in fig.findobj():
        for getter in ("get_facecolor", "get_edgecolor", "get_color"):
            try:
                value = getattr(artist, getter)()
            except (AttributeError, TypeError, ValueError):
                continue
            values = value if hasattr(value, "ndim") and value.ndim == 2 else [value]
            for v in values:
                with contextlib.suppress(ValueError, TypeError):
                    found.add(to_hex(v, keep_alpha=False).lower())
    return found


FIGURES = {
    "deployment timeline": lambda pkg: presence.deployment_chart(
        chronology.deployment_timeline(pkg)
    ),
    "presence map": maps.presence_map,
    "presence network": presence_networks.presence_panels,
}


def test_every_force_in_the_data_is_in_the_table(pkg):
    assert set(pkg.deployments["force_id"]) - set(style.FORCES) == set()


def test_forces_differ_in_colour_and_in_marker():
    assert len({f.colour for f in style.FORCES.values()}) == len(style.FORCES)
    assert len({f.marker for f in style.FORCES.values()}) == len(style.FORCES)


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_draws_the_rapid_reaction_force_in_the_tables_colour(pkg, name, monkeypatch):
    """Drawn once with the table's colour and once with a changed table: a figure that kept a colour
    of its own would not follow the change."""
    crrf = style.FORCES["CRRF"]
    assert crrf.colour.lower() in colours_drawn(FIGURES[name](pkg))
    changed = "#123456"
    monkeypatch.setitem(style.FORCES, "CRRF", dataclasses.replace(crrf, colour=changed))
    drawn = colours_drawn(FIGURES[name](pkg))
    assert changed in drawn and crrf.colour.lower() not in drawn


def test_the_checker_sees_a_colour_a_figure_draws():
    fig, ax = style.figure(1, 1)
    ax.scatter([0], [0], color="#abcdef")
    assert "#abcdef" in colours_drawn(fig)
    assert "#fedcba" not in colours_drawn(fig)


def test_a_force_that_is_an_actor_of_its_own_is_named_as_the_data_name_it(pkg):
    """A force that is not a state's troops (the rapid-reaction force, the Western forces) carries
    the data's names: its short name is actors.csv's declared short form (else its display name),
    its key name the display name, in both languages; a variant of the table's own ('CST/CIS
    rapid-reaction force' beside the data's 'CIS/CST ...') would name one force two ways."""
    from ca911.figures.networks import node_names

    actors = pkg.actors.set_index("actor_id")
    own = [f for f in style.FORCES if actors.loc[f, "kind"] != "state"]
    assert "CRRF" in own and "western-forces" in own
    for lang in ("en", "ja"):
        shown, short = node_names(pkg, lang=lang), node_names(pkg, short=True, lang=lang)
        for f in own:
            assert style.FORCES[f].short[lang] == short[f], (f, lang)
            assert style.FORCES[f].key[lang] in (shown[f], short[f]), (f, lang)
