"""The membership figures (the bars of chapter-time spans, the snapshot networks), in both editions
and layouts: what the analysis calls new is new, an end the chapters do not state is not drawn,
each organisation has a hue of its own, and every name stays inside its own panel."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex

from ca911.analysis import chronology, membership_network
from ca911.data import dates
from ca911.data.package import load
from ca911.figures import membership_networks, networks, timelines

LAYOUTS = [(lang, layout) for lang in ("en", "ja") for layout in ("wide", "narrow")]


@pytest.fixture(scope="module")
def pkg():
    return load()


def test_a_pair_drawn_as_new_was_not_in_the_previous_panel(pkg):
    changes = membership_network.snapshot_changes(pkg)
    for before, now in zip(changes, changes[1:]):
        assert not (now["joined"] | now["first_shown"]) & before["edges"], now["label"]
        assert (now["joined"] | now["first_shown"]) == now["edges"] - before["edges"]
        assert not now["joined"] & now["first_shown"]
    assert not changes[0]["joined"] | changes[0]["first_shown"]


def test_a_pair_the_chapters_only_show_by_a_date_is_first_shown_not_joined(pkg):
    """Kazakhstan in the CIS "by 2004" (a founding member the chapters date no joining of) is not
    drawn as joining between April 2003 and 2004; every pair drawn as joined has a dated joining
    between the two panels."""
    changes = {c["label"]: c for c in membership_network.snapshot_changes(pkg)}
    assert ("CIS", "KAZ") in changes["2004"]["first_shown"]
    m = pkg.memberships
    labels = list(changes)
    for prev, label in zip(labels, labels[1:]):
        for a, b in changes[label]["joined"]:
            pair = {a, b}
            rows = m[[{x, y} == pair for x, y in zip(m["member_id"], m["org_id"])]]
            dated = rows[rows["start_basis"] == "joined"]
            assert any(
                dates.last_day(prev) < lo <= dates.last_day(label) for lo in dated["start_hi"]
            )


def test_an_end_the_chapters_do_not_state_is_not_drawn(pkg):
    """A membership the chapters show only "by" a date, with no end, stops at that date (the last
    evidence): the Shanghai Forum's members "by September 2001" are not drawn to 2004."""
    spans = chronology.membership_spans(pkg)
    m = pkg.memberships
    unstated = spans[spans["unstated_end"]]
    assert len(unstated) > 0 and not unstated["open_end"].any()
    for s in unstated.itertuples():
        rows = m[(m["org_id"] == s.org_id) & (m["member_id"] == s.member_id)]
        assert s.bar_end <= rows["start_hi"].max(), (s.org_id, s.member_id)
    sf = spans[spans["org_id"] == "SF"]
    assert (sf["bar_end"] <= dates.last_day("2001-09")).all()


def _bar_colours(fig) -> dict[str, set[str]]:
    """Organisation label (the y tick's text before ' · ' or the line break) → the hues of its
    bars."""
    ax = fig.axes[0]
    fig.draw_without_rendering()
    rows = {round(t.get_position()[1]): t.get_text() for t in ax.get_yticklabels()}
    found: dict[str, set[str]] = {}
    for container in ax.containers:
        for bar in container:
            if bar.get_alpha() is not None and bar.get_alpha() < 0.5:
                continue  # an unstated end's faint year
            label = rows[round(bar.get_y() + bar.get_height() / 2)]
            org = label.replace("\n", " · ").split(" · ")[0]
            found.setdefault(org, set()).add(to_hex(bar.get_facecolor(), keep_alpha=False))
    return found


@pytest.mark.parametrize(("lang", "layout"), LAYOUTS)
def test_each_organisation_has_a_hue_of_its_own(pkg, lang, layout):
    spans = chronology.membership_spans(pkg)
    fig = timelines.membership_bars(
        spans,
        networks.node_names(pkg, lang=lang),
        "1991-01-01",
        "2005-01-01",
        layout=layout,
        lang=lang,
        org_names=networks.node_names(pkg, short=True, lang=lang),
    )
    hues = _bar_colours(fig)
    assert len(hues) == spans["org_id"].nunique()
    assert all(len(h) == 1 for h in hues.values()), hues
    assert len({h for hs in hues.values() for h in hs}) == len(hues), hues


def names_outside_their_panel(fig) -> list[str]:
    """Each panel's text that reaches past the middle of the gap to a neighbouring panel (a name
    that would read as the neighbour's)."""
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    panels = [ax for ax in fig.axes if ax.texts]
    problems = []
    for ax in panels:
        box = ax.get_window_extent(renderer)
        left, right = fig.bbox.x0, fig.bbox.x1
        for other in fig.axes:
            o = other.get_window_extent(renderer)
            if other is ax or o.y1 < box.y0 or o.y0 > box.y1:
                continue  # not beside it
            if o.x0 >= box.x1:
                right = min(right, (box.x1 + o.x0) / 2)
            elif o.x1 <= box.x0:
                left = max(left, (o.x1 + box.x0) / 2)
        for t in ax.texts:
            ext = t.get_window_extent(renderer)
            if t.get_text().strip() and (ext.x0 < left - 0.5 or ext.x1 > right + 0.5):
                problems.append(f"{t.get_text()!r} past its panel")
    return problems


def test_a_name_past_its_panel_is_found():
    from ca911.figures.style import figure

    fig, axes = figure(2.0, 4.0, ncols=2, squeeze=False)
    axes[0][0].text(0.9, 0.5, "a long name running on", transform=axes[0][0].transAxes)
    axes[0][1].text(0.1, 0.5, "short", transform=axes[0][1].transAxes)
    assert names_outside_their_panel(fig) == ["'a long name running on' past its panel"]


@pytest.mark.parametrize(("lang", "layout"), LAYOUTS)
def test_every_name_of_the_membership_networks_stays_in_its_panel(pkg, lang, layout):
    fig = membership_networks.membership_snapshots(pkg, layout=layout, lang=lang)
    assert names_outside_their_panel(fig) == []
